"""The model lifecycle — HD 163 §III.1 — as pure functions over typed values.

A kind's own rules are data in its spec (`antt_cli/kinds/<kind>.yaml`) and named functions
of `domain/kindrules.py`; the rules every kind shares are here, each said once:

- `check_recordable`: may a document of this kind be recorded on this case at all (closed,
  linked-only, already recorded, prerequisites)? Asked first, before any other check, so
  that a refusal names the missing prerequisites (docs/rules.md).
- `check_dates`: the one date-order check of `record` and `amend` (docs/rules.md).
- `check_record`: everything else about the record (authority, members, attachments, fields,
  the kind's named checks).
- `apply_record`: the new case after recording (authority, the kind's named effects).

Nothing here reads files, the clock or git: `today` is a parameter."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from antt_cli.domain.dates import evaluation_year_of, parse_clock
from antt_cli.domain.issuers import is_authority_or_successor, successor_chain
from antt_cli.domain.kindrules import CHECKS, EFFECTS
from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import Case, Record
from antt_cli.domain.text import same_name
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import kind_label


def kind_spec(reg: Registry, name: str, case_kind: str = "model") -> KindSpec:
    """The spec of the kind `name` names for a case of `case_kind` — its CLI name, its spec's
    name, its Vietnamese title with or without diacritics, or a unique prefix
    (domain/kind_names.py); a refusal naming the nearest kind or the candidates."""
    from antt_cli.domain.kind_names import resolve_kind_name

    k = reg.resolve(name, case_kind)
    return k if k is not None else resolve_kind_name(name, reg.of_case(case_kind))


def check_open(case: Case) -> None:
    """docs/rules.md: a closed case accepts no further change — a closed model (the refusal
    names the closure decision, §III.3 Bước 3), or an ended exemplar once told of its ending
    (§IV.3, the `close_case` effect)."""
    from antt_cli.domain.closure import check_not_closed

    check_not_closed(case)
    if case.extra.get("closed_on"):
        raise AnttError("domain.case_closed", id=case.id)


def check_model_only(case: Case, command: str) -> None:
    """Commands of the model's lifecycle (§III: plan, progress, rate, replicate, close) refuse an
    exemplar with a sentence naming the command; `antt evaluate` is the exemplar's (§IV)."""
    if case.kind != "model":
        raise AnttError("domain.model_only", id=case.id, command=command)


def missing_prerequisites(case: Case, k: KindSpec, reg: Registry) -> list[str]:
    return [r for r in reg.prerequisites(k, case.linked) if not case.records_of(r)]


def check_recordable(case: Case, k: KindSpec, reg: Registry, command: str = "record") -> None:
    """Whether a document of kind `k` may be recorded on `case` at all, before any detail of
    the record is looked at."""
    check_open(case)
    if k.command != command:
        raise AnttError("domain.use_command", kind=k.cli, command=k.command)
    if case.status == "closing" and not k.while_closing:
        # §III.3 "kết thúc theo trình tự": once the closure report is recorded the model only
        # takes its remaining closure steps and the record of what it has done (reports,
        # evidence, its fund, commendations: `while_closing` kinds); nothing that plans,
        # strengthens or extends it (docs/interpretations.md)
        raise AnttError("domain.closing_refuses", id=case.id, kind=k.cli, title=k.title)
    if not k.applies(case.linked):
        raise AnttError("domain.linked_only", id=case.id, kind=k.cli, title=k.title)
    if not k.repeatable and case.records_of(k.name):
        raise AnttError("domain.already_recorded", id=case.id, kind=k.cli, title=k.title)
    missing = missing_prerequisites(case, k, reg)
    if missing:
        raise AnttError("domain.missing_prerequisites", id=case.id, kind=kind_label(k),
                        missing=kind_label(*(reg[m] for m in missing)))


def check_dates(case: Case, k: KindSpec, record: Record, today: dt.date, reg: Registry) -> None:
    """docs/rules.md: a record's date is not later than today, not earlier than the case's opening
    nor than its prerequisites (the first record of each satisfies it), and not earlier than
    the approval of an approved prerequisite; an approved kind is approved on or after its
    own date and not later than today. When `record` is already in the case (amend), the
    kinds that follow it may not come to precede it."""
    day = record.date
    if day is None:
        raise AnttError("domain.date_required", kind=kind_label(k))
    if day > today:
        raise AnttError("domain.date_in_future", date=day, today=today)
    # an adopted case (SPEC §3, §VI.3) was running before antt opened it: a document of a step
    # it passed, found and recorded later, is dated before the adoption
    if case.opened is not None and day < case.opened and not case.extra.get("adopted"):
        raise AnttError("domain.date_before_opening", date=day, id=case.id,
                        opened=case.opened)
    for name in reg.prerequisites(k, case.linked):
        prior = next((d for d in case.records_of(name) if d is not record), None)
        if prior is None:
            continue
        if prior.date and day < prior.date:
            raise AnttError("domain.date_before_prerequisite", kind=kind_label(k), date=day,
                            prior=kind_label(reg[name]), prior_date=prior.date)
        if reg[name].approval == "required" and prior.approved_date and day < prior.approved_date:
            raise AnttError("domain.approval_required_after", kind=kind_label(k), date=day,
                            prior=kind_label(reg[name]), approved=prior.approved_date)
    if k.approval == "required":
        # §III.1.a "Kế hoạch khảo sát … phải được cấp ủy, chính quyền … phê duyệt trước khi thực hiện".
        approved = record.approved_date
        if not record.approved_by or approved is None:
            raise AnttError("domain.approval_required", id=case.id, kind=kind_label(k))
        if approved < day:
            raise AnttError("domain.approval_before_plan", approved=approved, date=day,
                            kind=kind_label(k))
        if approved > today:
            raise AnttError("domain.date_in_future", date=approved, today=today)
    if any(d is record for d in case.documents) and case.records_of(k.name)[0] is record:
        for later in reg:
            if k.name not in reg.prerequisites(later, case.linked):
                continue
            for doc in case.records_of(later.name):
                if doc.date and doc.date < day:
                    raise AnttError("domain.dependent_before", kind=kind_label(k), date=day,
                                    later=kind_label(later), later_date=doc.date)
                if k.approval == "required" and record.approved_date and doc.date \
                        and doc.date < record.approved_date:
                    raise AnttError("domain.approval_required_after", kind=kind_label(later),
                                    date=doc.date, prior=kind_label(k),
                                    approved=record.approved_date)


def authority_problem(case: Case, k: KindSpec, issuer: str, reg: Registry,
                      record: Record | None = None) -> None:
    """§III.1.d: the same chairman / head issues the four step-4 decisions; the first sets
    the authority. On amend, the other decisions must match the new issuer."""
    if not k.sets_authority:
        return
    others = [d for name in reg.authority_decisions(case.kind) for d in case.records_of(name) if d is not record]
    if record is None and case.authority:
        expected = [case.authority]
    else:
        expected = [str(d.issuer) for d in others if d.issuer]
    for name in expected:
        if not same_name(issuer, name):
            raise AnttError("domain.issuer_not_authority", kind=kind_label(k), issuer=issuer, authority=name)


def check_by_authority(case: Case, k: KindSpec, issuer: str, successors: Mapping[str, Any] | None) -> None:
    """§III.3 (docs/kinds.md `by_authority`): the closure decision and announcement are issued
    by the model's authority or its successor (`antt bodies successor`) — when recorded and
    when their issuer is amended."""
    if k.by_authority and not is_authority_or_successor(issuer, case.authority, successors):
        raise AnttError("domain.not_the_authority", kind=kind_label(k), issuer=issuer,
                        authority=" → ".join(successor_chain(str(case.authority or "—"), successors)))


def check_record(case: Case, k: KindSpec, record: Record, today: dt.date, reg: Registry,
                 successors: Mapping[str, Any] | None = None) -> None:
    """Refuse (AnttError) when `record` of kind `k` may not be recorded on `case` now.
    `successors`: antt.yaml's map of abolished bodies to their successors."""
    check_dates(case, k, record, today, reg)
    authority_problem(case, k, str(record.issuer or ""), reg)
    check_by_authority(case, k, str(record.issuer or ""), successors)
    if k.members_required(case.limited) and not record.members:
        raise AnttError("domain.members_required", kind=kind_label(k))
    if k.attachments == "required" and not record.attachments:
        raise AnttError("domain.attachments_required", kind=kind_label(k))
    for key, spec in k.fields.items():
        value = record.field(key)
        if value is None and spec.required:
            choices = f" ({', '.join(spec.choices)})" if spec.choices else ""
            raise AnttError("domain.field_required", kind=kind_label(k), key=key, help=spec.help, choices=choices)
        if value is not None and spec.count and not value.strip().isdigit():
            raise AnttError("domain.count_required", key=key, value=value)
        if value is not None and spec.choices and value not in spec.choices:
            raise AnttError("domain.field_choice", key=key, value=value, choices=", ".join(spec.choices))
        if value is not None and spec.clock and parse_clock(value) is None:
            # a value typed on the command line (`--time`, `--set time=`) that does not parse: exit 2
            raise AnttUsageError("domain.clock_required", key=key, option=spec.option or f"--set {key}=", value=value)
    for name in k.checks:
        CHECKS[name](case, k, record, today)


def apply_record(case: Case, k: KindSpec, record: Record) -> Case:
    """The case after recording `record` (a new object; `case` is left as it was)."""
    new = case.copy()
    if k.sets_authority and not new.authority:
        new.authority = record.issuer
    for name in k.effects:
        EFFECTS[name](new, k, record)
    new.documents.append(record)
    return new


def current_step(case: Case, reg: Registry) -> int:
    """The step in progress: the first build step with a required kind not yet recorded;
    the last step once built (5 for an active model, 3 for a recognized or ended exemplar;
    docs/commands.md `antt status`)."""
    kinds = reg.build_kinds(case.kind)
    last = max((k.step for k in kinds), default=5)
    if case.status not in ("building", "surveying"):
        return last
    for k in kinds:
        if k.applies(case.linked) and not k.optional and not case.records_of(k.name):
            return k.step
    return last


def summary_line(case_id: str, what: str, record: Record | None = None) -> str:
    """The commit's summary line (docs/commands.md): `[ID] <what> (số <number>)`."""
    number = f" (số {record.number})" if record is not None and record.number else ""
    return f"[{case_id}] {what}{number}"


def report_year(day: dt.date, period: str | None) -> int:
    """docs/rules.md (Interpretation): a report's evaluation year is the year containing its date,
    except an annual report dated in November, which belongs to the year just ended."""
    if period == "annual" and day.month == 11:
        return day.year
    return evaluation_year_of(day)


def check_new_model(level: str, day: dt.date, huyen_abolished: dt.date) -> None:
    """docs/rules.md: since 01/07/2025 local government has two levels; new cases may not be given
    the historical district level (adopted ones may)."""
    if level == "huyen" and day >= huyen_abolished:
        raise AnttError("domain.huyen_abolished", date=huyen_abolished)


@dataclass(frozen=True)
class Decision:
    """What the domain decided: the new case, the record it adds or changes, the commit's
    summary line."""

    case: Case
    record: Record
    summary: str
