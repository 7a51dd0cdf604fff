"""Exemplars (điển hình tiên tiến, HD 163 §IV): `antt new-exemplar`, `antt evaluate` (the
evaluation or the yearly reassessment, with the outcome it proposes) and `antt criteria ID
add` (a case-specific criterion, for exemplars and models alike). docs/rules.md, docs/commands.md."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from antt_cli.domain import exemplars as ex
from antt_cli.domain import lifecycle as life
from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import Case, Record
from antt_cli.domain.text import clean, nfc
from antt_cli.domain.vocab import EXEMPLAR_KINDS, EXEMPLAR_SCOPES
from antt_cli.errors import AnttError
from antt_cli.services.cases import OpenedCase, check_opening_day, claim_case_id, write_new_case
from antt_cli.services.common import Context, writing
from antt_cli.services.record import RecordInput, build_record, resolve_number, save_recorded
from antt_cli.store.kinds import load_registry



@dataclass
class NewExemplarInput:
    """What the officer says about a new exemplar (docs/commands.md `antt new-exemplar`)."""

    name: str                       # the collective or individual
    kind: str                       # collective | individual
    area: str
    scope: str = "comprehensive"    # one | several | comprehensive
    proposer: str | None = None     # None: the unit of antt.yaml
    date: dt.date | None = None     # None: today


def new_exemplar(ctx: Context, given: NewExemplarInput) -> OpenedCase:
    """Open an exemplar (`DH-YYYY-NNN`, its own sequence), status `surveying` (§IV.1 Bước 1).
    Nothing changes on refusal."""
    kind, scope, proposer = given.kind, given.scope, given.proposer
    day = given.date or ctx.today
    title, area_ = clean(given.name), clean(given.area)
    if not title:
        raise AnttError("services.exemplars.name_required")
    if not area_:
        raise AnttError("services.exemplars.area_required")
    for value, allowed, option in ((kind, EXEMPLAR_KINDS, "--kind"), (scope, EXEMPLAR_SCOPES, "--scope")):
        if value not in allowed:
            raise AnttError("services.cases.bad_choice", option=option, value=value, allowed=", ".join(allowed))
    check_opening_day(ctx, day)
    with writing(ctx, action="new-exemplar", case_id=None) as w:
        profile = w.dossier.profile
        case_id = claim_case_id(w, ex.EXEMPLAR, day)
        w.tx.case_id = case_id
        case = Case(id=case_id, kind=ex.EXEMPLAR, name=title, working_title=title, area=area_,
                    unit_kind=str(profile.get("unit_kind") or "residential"),
                    proposer=clean(proposer) or str(profile.get("unit")), status="surveying", opened=day,
                    extra={"schema": 1, "exemplar_kind": kind, "scope": scope})
        write_new_case(w, case, "điển hình")
        w.summary = f"[{case_id}] Mở hồ sơ điển hình {ex_kind_text(kind)} \"{title}\""
    return OpenedCase(case_id, w.tx.sha)


def ex_kind_text(kind: str) -> str:
    return {"collective": "tập thể", "individual": "cá nhân"}.get(kind, kind)


# ---------------------------------------------------------------- evaluate

@dataclass(frozen=True)
class EvaluationResult:
    """What `antt evaluate` proposed and recorded."""

    id: str
    kind: str                      # the CLI name of the kind recorded (evaluation / reassessment)
    outcome: str                   # recognize | end
    criteria: dict[str, bool]
    missed: list[str]
    share: float
    late: bool
    not_given: list[str]
    record: Record
    file: str
    commit: str | None
    deadline: dt.date | None = None
    yearly: bool = False           # a reassessment (its `recognize` keeps the recognition)


@dataclass
class EvaluateInput:
    """What the officer says (docs/commands.md `antt evaluate`): each criterion met or not,
    the date, late or unfit with the reason, and the report's number, issuer, signer."""

    answers: Mapping[str, bool] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)
    date: dt.date | None = None
    late: bool = False
    unfit: bool = False
    reason: str | None = None
    number: str | None = "auto"
    issuer: str | None = None
    signer: str | None = None


def _exemplar(case: Case) -> None:
    if case.kind != ex.EXEMPLAR:
        raise AnttError("services.exemplars.not_exemplar", id=case.id)


def evaluation_kind(case: Case, reg: Registry) -> KindSpec:
    """The kind `antt evaluate` records now: the first kind of the case's type recorded by
    `evaluate` that may be recorded (the evaluation, then the yearly reassessment); else the
    first one's refusal, which names what is missing."""
    candidates = [k for k in reg.of_case(case.kind) if k.command == "evaluate"]
    first_error: AnttError | None = None
    for k in candidates:
        try:
            life.check_recordable(case, k, reg, command="evaluate")
            return k
        except AnttError as exc:
            first_error = first_error or exc
    raise first_error or AnttError("services.exemplars.not_exemplar", id=case.id)


def criteria_to_ask(ctx: Context, case_id: str) -> list[tuple[str, str]]:
    """(key, text) of every criterion `antt evaluate` judges on this exemplar, in order — read
    before the lock, so that a terminal may ask them without holding it."""
    case = ctx.dossier().case(case_id)
    _exemplar(case)
    return [(key, ex.criterion_text(case, key)) for key in ex.criteria_keys(case)]


def evaluate(ctx: Context, case_id: str, given: EvaluateInput) -> EvaluationResult:
    """Record the evaluation (or, on a recognized exemplar, the yearly reassessment) and the
    outcome it proposes; a criterion not given counts as not met (said in `not_given`)."""
    reg = load_registry()
    reason = " ".join(nfc(given.reason or "").split()) or None
    if (given.late or given.unfit) and not reason:
        raise AnttError("domain.exemplar.late_needs_reason")
    if reason and not (given.late or given.unfit):
        raise AnttError("services.exemplars.reason_without_flag")
    with writing(ctx, action="evaluate", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case = loaded.case
        _exemplar(case)
        life.check_open(case)
        k = evaluation_kind(case, reg)
        keys = ex.criteria_keys(case)
        unknown = [key for key in list(given.answers) + list(given.evidence) if key not in keys]
        if unknown:
            raise AnttError("services.exemplars.unknown_criterion", key=unknown[0], keys=", ".join(keys))
        w.tx.action = f"evaluate {k.cli}"
        record = build_record(ctx, w.dossier, case, k,
                              RecordInput(date=given.date, issuer=given.issuer, signer=given.signer), reg)
        rules = w.dossier.rules
        deadline = None
        yearly = k.repeatable  # the reassessment comes back each year; the evaluation once
        if not yearly:
            clock = ex.clock_of(case, reg, rules.exemplar_evaluation_months)
            if clock is not None:
                deadline = clock[1]
                ex.check_on_time(record.date, deadline, given.late, reason)
        elif given.late:
            raise AnttError("services.exemplars.late_only_evaluation")
        answers = {key: bool(given.answers[key]) for key in keys if key in given.answers}
        specific = [c.key for c in case.criteria]
        if yearly:
            outcome = ex.reassessment_outcome(answers, specific, rules.exemplar_reassess_threshold, given.unfit)
        else:
            outcome = ex.recognition_outcome(answers, specific, rules.exemplar_specific_share)
            if given.unfit:
                outcome = ex.Outcome(ex.END, outcome.criteria, outcome.missed, outcome.share, True)
        record.extra.update({"outcome": outcome.outcome, "criteria": dict(outcome.criteria),
                             "missed": list(outcome.missed), "share": round(outcome.share, 1)})
        if given.evidence:
            record.extra["criteria_evidence"] = {key: given.evidence[key] for key in keys if key in given.evidence}
        if given.unfit:
            record.extra.update({"unfit": True, "unfit_reason": reason})
        if given.late:
            record.extra.update({"late": True, "deadline": deadline, "late_reason": reason})
            w.tx.add_trailer("Antt-Late", deadline.isoformat() if deadline else "")
        life.check_record(case, k, record, ctx.today, reg)
        record.number = resolve_number(k, str(record.issuer), record.date, given.number, w.dossier)
        new_case = life.apply_record(case, k, record)
        rel = save_recorded(w, loaded, new_case, record, attach=[], pdf=False, folder=k.attach_folder)
        w.describe(life.summary_line(case_id, k.summary_text(record.year), record), record)
    not_given = [key for key in keys if key not in given.answers]
    return EvaluationResult(case_id, k.cli, outcome.outcome, dict(outcome.criteria), list(outcome.missed),
                            outcome.share, bool(given.late), not_given, record, rel, w.tx.sha, deadline, yearly)
