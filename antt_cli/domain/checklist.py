"""What may come next on a case — `antt next ID` (docs/commands.md): what is recorded, the kinds
that may be recorded now (prerequisites met, not yet recorded or repeatable) with who issues
them, the options they need and one example command, and the kinds still blocked with their
missing prerequisites.

Whether a kind may be recorded is `domain/lifecycle.py`'s `check_recordable` (HD 163 §III.1
for a model's steps, §IV.1 for an exemplar's), asked here exactly as `antt record` asks it;
nothing here repeats a prerequisite rule. Pure: `today` and the declared bodies are
parameters."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from antt_cli.domain import lifecycle as life
from antt_cli.domain.issuers import is_party_body, steering_body
from antt_cli.domain.kindspec import AUTHORITY, MEETING, PARTY, PROPOSER, STEERING, KindSpec, Registry
from antt_cli.domain.model import Case
from antt_cli.domain.rating import latest_decided_grade
from antt_cli.domain.replication import replicable
from antt_cli.domain.text import same_name
from antt_cli.errors import AnttError
from antt_cli.i18n import t

REPLICATE = "replicate"  # the command, listed by `antt next` when the model may be replicated


@dataclass(frozen=True)
class Done:
    """A recorded document: its kind, title, number and date."""

    kind: str
    title: str
    number: str | None
    date: dt.date | None


@dataclass(frozen=True)
class Step:
    """A kind that may come next (`missing` empty) or is blocked (`missing`: the prerequisite
    kinds not yet recorded). `issuer` is the usual issuer resolved from the case and the
    declared bodies (None where there is no default: `--issuer` is then among `options`)."""

    kind: str
    title: str
    command: str
    issuer_role: str
    issuer: str | None
    options: tuple[str, ...]
    example: str
    missing: tuple[str, ...] = ()
    missing_titles: tuple[str, ...] = ()  # the same kinds by their titles (how vi names them)


@dataclass(frozen=True)
class Checklist:
    case_id: str
    closed: bool
    recorded: tuple[Done, ...]
    next: tuple[Step, ...]
    blocked: tuple[Step, ...]


def usual_issuer(case: Case, k: KindSpec, bodies: Mapping[str, Any]) -> str | None:
    """The usual issuer of a kind (docs/commands.md: issuer and signer default from antt.yaml
    bodies): the proposer for its own papers and meetings, the steering committee for its
    documents (§III.1.d), the authority once the first step-4 decision set it, the party
    committee when exactly one is declared; None otherwise."""
    if k.issuer in (PROPOSER, MEETING):
        return case.proposer
    if k.issuer == STEERING:
        return steering_body(case.name)
    if k.issuer == AUTHORITY:
        return case.authority
    if k.issuer == PARTY:
        parties = [str(name) for name, body in bodies.items() if is_party_body(str(name), body)]
        return parties[0] if len(parties) == 1 else None
    return None


def _body(bodies: Mapping[str, Any], name: str | None) -> Mapping[str, Any] | None:
    if not name:
        return None
    return next((b or {} for known, b in bodies.items() if same_name(str(known), name)), None)


def _number(k: KindSpec, issuer: str | None, bodies: Mapping[str, Any]) -> str:
    """An example number: `auto` for the unit's own body (its register allocates it), else the
    form NĐ 30 gives the body's code (`01/QĐ-UBND`; party `01-NQ/ĐU`); `…` where the issuer
    or its code is not known."""
    body = _body(bodies, issuer)
    if body is None and k.issuer == STEERING:
        return f"01/{k.type_code}-BCĐ"  # the steering committee's usual code (docs/commands.md)
    if body is None or not body.get("code"):
        return "…"
    if body.get("own"):
        return "auto"
    if is_party_body(str(issuer), body):
        return f"01-{k.type_code}/{body['code']}"
    return f"01/{k.type_code}-{body['code']}"


def _field_options(k: KindSpec) -> list[tuple[str, str]]:
    """(option, example value) of each required `--set` field (its own option where it has
    one, `--period`)."""
    result = []
    for key, spec in k.fields.items():
        if not (spec.required or (key == "year" and k.rating == "submit")):
            continue
        value = spec.choices[0] if spec.choices else ("NĂM" if key == "year" else "…")
        result.append((spec.option or "--set", value if spec.option else f"{key}={value}"))
    return result


def _quote(text: str) -> str:
    return f'"{text}"' if any(c in text for c in " \"'") else text


def _record_step(case: Case, k: KindSpec, day: str, bodies: Mapping[str, Any]) -> tuple[list[str], str]:
    """The options `antt record ID KIND` needs for kind `k`, and its example command."""
    issuer = usual_issuer(case, k, bodies)
    needs: list[str] = []
    example = [f"--date {day}"]
    if issuer is None:
        needs.append("--issuer TEXT")
        example.append('--issuer "…"')
    if k.numbered:
        needs.append("--number TEXT|auto")
        example.append(f"--number {_number(k, issuer, bodies)}")
    for option, value in _field_options(k):
        needs.append(f"{option} {value.split('=')[0]}=…" if option == "--set" else f"{option} {value}")
        example.append(f"{option} {_quote(value)}")
    if k.members_required(case.limited):
        needs.append("--members FILE.csv")
        example.append("--members thanh-vien.csv")
    if k.attachments == "required":
        needs.append("--attach FILE")
        example.append("--attach ban-scan.pdf")
    if k.approval == "required":
        needs.append("--approved-by TEXT --approved-date DATE")
        example.append(f'--approved-by "…" --approved-date {day}')
    if issuer is not None and k.issuer not in (STEERING,) and not (_body(bodies, issuer) or {}).get("head"):
        needs.append("--signer NAME --signer-title TEXT")
        example.append('--signer "…" --signer-title "…"')
    return needs, f"antt record {case.id} {k.cli} " + " ".join(example)


def _command_step(case: Case, k: KindSpec, day: str, year: int, bodies: Mapping[str, Any]) -> tuple[list[str], str]:
    """Kinds recorded through their own command (`command:` in the spec, docs/kinds.md)."""
    if k.command == "record":
        return _record_step(case, k, day, bodies)
    if k.command == "plan":
        needs = ["--year YEAR", '--target "TEXT=NUMBER"']
        example = f'antt plan {case.id} --year {year} --target "…=1" --date {day}'
        if (_body(bodies, case.authority) or {}).get("own"):
            return needs, example + " --number auto"
        return needs + ["--number TEXT|auto"], example + f" --number {_number(k, usual_issuer(case, k, bodies), bodies)}"
    if k.command == "rate" and k.rating == "decide":
        issuer = case.authority or "…"
        return (["--year YEAR", "--decide", "--issuer TEXT", "--number TEXT"],
                f"antt rate {case.id} --year {year} --decide --issuer {_quote(issuer)} "
                f"--number {_number(k, case.authority, bodies)} --date {day}")
    if k.command == "rate":
        return ["--year YEAR"], f"antt rate {case.id} --year {year} --date {day}"
    if k.command == "close":
        return ["--reason TEXT"], f'antt close {case.id} --reason "…" --date {day}'
    return [], f"antt {k.command} {case.id} --date {day}"


def _step(case: Case, k: KindSpec, reg: Registry, today: dt.date, bodies: Mapping[str, Any],
          missing: tuple[KindSpec, ...] = ()) -> Step:
    year = max(case.plans, default=today.year)  # the latest planned year (a rating's, §III.2.c)
    needs, example = _command_step(case, k, today.strftime("%d/%m/%Y"), year, bodies)
    issuer = case.authority if k.command == "rate" and k.rating == "decide" else usual_issuer(case, k, bodies)
    return Step(kind=k.cli, title=k.title, command=k.command, issuer_role=k.issuer, issuer=issuer,
                options=tuple(needs), example=example, missing=tuple(m.cli for m in missing),
                missing_titles=tuple(m.title for m in missing))


def checklist(case: Case, reg: Registry, today: dt.date, bodies: Mapping[str, Any]) -> Checklist:
    """The case's checklist as of `today`. A kind recorded through its own command (the annual
    plan, the rating) is listed until its first record, as `antt status` lists it; its later
    records are in `antt due`."""
    recorded = tuple(Done(kind=reg[d.kind].cli if d.kind in reg else d.kind,
                          title=reg[d.kind].title if d.kind in reg else d.kind,
                          number=d.number, date=d.date) for d in case.documents)
    try:
        life.check_open(case)
    except AnttError:
        return Checklist(case.id, True, recorded, (), ())
    ready, blocked = [], []
    for k in reg.of_case(case.kind):
        if not k.applies(case.linked) or (case.records_of(k.name) and (k.command != "record" or not k.repeatable)):
            continue
        missing = tuple(life.missing_prerequisites(case, k, reg))
        try:
            life.check_recordable(case, k, reg, command=k.command)
        except AnttError:
            if missing:
                blocked.append(_step(case, k, reg, today, bodies, tuple(reg[m] for m in missing)))
            continue
        ready.append(_step(case, k, reg, today, bodies))
    if replicable(case, latest_decided_grade(case, reg)) is None:
        ready.append(_replicate_step(case, today))
    return Checklist(case.id, False, recorded, tuple(ready), tuple(blocked))


def _replicate_step(case: Case, today: dt.date) -> Step:
    """Replication (§III.3) is no kind: `antt replicate` opens a new model at step 1 in another
    area or field, asked with the rule `antt replicate` applies (domain/replication.py)."""
    day = today.strftime("%d/%m/%Y")
    return Step(kind=REPLICATE, title=t("domain.checklist.replicate"), command=REPLICATE, issuer_role="none",
                issuer=None, options=("--area TEXT | --field TEXT",),
                example=f'antt replicate {case.id} --area "…" --date {day}')
