"""Checks and effects that are more than data, named by the kind specs (`checks:`,
`effects:` in `antt_cli/kinds/<kind>.yaml`). Each is a small pure function citing its § of
HD 163; a spec refers to it by name, so adding a kind never adds a branch here unless the
guideline adds a rule.

A check is `check(case, spec, record, today) -> None` and raises AnttError with the reason.
An effect is `effect(case, spec, record) -> None` and changes the (already copied) case."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from antt_cli.domain.dates import evaluation_year_of
from antt_cli.domain.kindspec import KindSpec
from antt_cli.domain.model import Case, Record
from antt_cli.domain.text import same_name
from antt_cli.errors import AnttError
from antt_cli.i18n import kind_label


def split_list(value: object) -> list[str]:
    """'A, B, C' (or a list) → ['A', 'B', 'C']."""
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


# ---------------------------------------------------------------- checks

def linked_lead_unit(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """§III.1.c: a linked model's member units nominate the lead unit (đơn vị Trưởng mô hình)
    and its rotation order, all of them member units."""
    if not case.linked:
        return
    lead = record.field("lead_unit")
    if not lead:
        raise AnttError("domain.lead_unit_required", id=case.id)
    for unit in [lead, *split_list(record.fields.get("lead_units"))]:
        if not any(same_name(unit, m) for m in case.members):
            raise AnttError("domain.lead_unit_not_member", unit=unit, members=", ".join(case.members))


def plan_year(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """docs/rules.md: one plan per evaluation year Y (01/11/Y-1–31/10/Y); a plan's year may not have
    ended by the plan's own date, nor come before the year the case was opened in."""
    year = record.year
    if year is None:
        raise AnttError("domain.plan_year_required")
    if case.plan(year) is not None:
        raise AnttError("domain.plan_exists", id=case.id, year=year, kind=spec.name, title=kind_label(spec))
    if record.date is not None and evaluation_year_of(record.date) > year:
        raise AnttError("domain.plan_year_ended", year=year, date=record.date)
    if case.opened is not None and year < evaluation_year_of(case.opened):
        raise AnttError("domain.plan_before_opening", year=year, opened=case.opened)


def first_plan_covers_launch(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """docs/rules.md (Interpretation of §III.1.d "thông thường theo năm"): the first plan, recorded
    before launch, is for the evaluation year containing the launch date or the next one."""
    if record.date is None:
        return
    year = evaluation_year_of(record.date)
    if not (case.plan(year) or case.plan(year + 1)):
        have = ", ".join(str(y) for y in sorted(case.plans)) or "—"
        raise AnttError("domain.launch_needs_plan", year=year, next=year + 1, have=have)


def rotation_order(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """§III.1.c: a lead rotation needs the rotation order agreed at consultation, and the body
    over the new lead unit (it becomes the authority)."""
    if len(case.lead_units) < 2:
        raise AnttError("domain.no_rotation_order", id=case.id)
    if not record.field("authority"):
        raise AnttError("domain.rotation_authority_required", id=case.id)


def _counting(case: Case, kind: str, year: int | None) -> list[Record]:
    """The records of `kind` for evaluation year `year` that still count (not withdrawn, not
    superseded by a forced redo)."""
    return [r for r in case.records_of(kind) if r.year == year
            and not r.extra.get("withdrawn") and not r.extra.get("superseded")]


def rated_year_decided(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """§III.2.c: the result sent to the provincial standing office is that of a year already
    decided — each yearly (repeatable) prerequisite of the kind is recorded for the same
    evaluation year."""
    for kind in spec.requires:
        if any(r.year is not None for r in case.records_of(kind)) and not _counting(case, kind, record.year):
            raise AnttError("domain.rating.year_not_decided", id=case.id, year=record.year, kind=kind)


def one_per_year(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """§III.2.c "hằng năm": one document of the kind per evaluation year."""
    if _counting(case, spec.name, record.year):
        raise AnttError("domain.rating.step_done", id=case.id, kind=kind_label(spec), year=record.year)


def exemplar_decision(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """§IV.1 Bước 3, §IV.3: the decision follows the proposal. Recognition: while building,
    after an evaluation that proposed it. Ending: while building (after the evaluation, the
    authority may end it), or for a recognized exemplar after a reassessment proposing it."""
    from antt_cli.domain.exemplars import END, RECOGNIZE, RECOGNIZES, latest_outcome

    proposal = latest_outcome(case)
    if RECOGNIZES in spec.effects:
        if case.status != "building":
            raise AnttError("domain.exemplar.not_building", id=case.id, status=case.status)
        if proposal is None or proposal.extra.get("outcome") != RECOGNIZE:
            missed = ", ".join((proposal.extra.get("missed") or []) if proposal else []) or "—"
            raise AnttError("domain.exemplar.recognition_not_proposed", id=case.id, missed=missed)
    elif case.status == "recognized" and (proposal is None or proposal.extra.get("outcome") != END):
        raise AnttError("domain.exemplar.ending_not_proposed", id=case.id)
    elif case.status not in ("building", "recognized"):
        raise AnttError("domain.exemplar.not_building", id=case.id, status=case.status)


def recognized_only(case: Case, spec: KindSpec, record: Record, today: dt.date) -> None:
    """§IV.3 "Hằng năm … đánh giá lại mức độ hoạt động của điển hình": only a recognized
    exemplar is reassessed, once per evaluation year, from the year after the one it was
    recognized in (its recognition already judged that year; docs/interpretations.md)."""
    if case.status != "recognized":
        raise AnttError("domain.exemplar.not_recognized", id=case.id, status=case.status)
    for name in spec.requires:
        for prior in case.records_of(name):
            if prior.date and record.year is not None and record.year <= evaluation_year_of(prior.date):
                raise AnttError("domain.exemplar.reassess_too_early", id=case.id, year=record.year,
                                first=evaluation_year_of(prior.date) + 1)
    if record.year is not None and any(d.year == record.year for d in case.records_of(spec.name)):
        raise AnttError("domain.exemplar.reassessed", id=case.id, year=record.year)


# ---------------------------------------------------------------- effects

def rename(case: Case, spec: KindSpec, record: Record) -> None:
    """§III.1.a: the model is named after the survey ("ngắn gọn, dễ nhớ, bao hàm nội dung")."""
    if record.field("name"):
        case.name = str(record.field("name"))


def set_lead_unit(case: Case, spec: KindSpec, record: Record) -> None:
    """§III.1.c: the nominated lead unit and the rotation order (the lead first if missing)."""
    if not case.linked:
        return
    lead = str(record.field("lead_unit"))
    order = split_list(record.fields.get("lead_units")) or [lead]
    if not any(same_name(lead, u) for u in order):
        order = [lead, *order]
    case.lead_unit, case.lead_units = lead, order


def activate(case: Case, spec: KindSpec, record: Record) -> None:
    """§III.1.đ: after the launch the model is active."""
    case.status = "active"


def rotate_lead(case: Case, spec: KindSpec, record: Record) -> None:
    """§III.1.c: the next lead unit takes over; the authority follows it."""
    new_lead = record.field("lead_unit")
    if not new_lead:
        order = case.lead_units
        new_lead = order[0]
        for i, unit in enumerate(order):
            if same_name(unit, case.lead_unit or ""):
                new_lead = order[(i + 1) % len(order)]
                break
    case.lead_unit = new_lead
    case.authority = record.field("authority")


def start_closing(case: Case, spec: KindSpec, record: Record) -> None:
    """§III.3 Bước 1: the closure report starts the closure; the model is `closing`."""
    case.status = "closing"
    case.extra["closure"] = {"reason": record.field("reason"), "unfit": record.field("unfit") == "yes"}


def decide_closure(case: Case, spec: KindSpec, record: Record) -> None:
    """§III.3 Bước 3: the closure decision, named by every later refusal."""
    closure = dict(case.extra.get("closure") or {})
    closure.update({"number": record.number, "date": record.date, "issuer": record.issuer})
    case.extra["closure"] = closure


def close(case: Case, spec: KindSpec, record: Record) -> None:
    """§III.3 Bước 4: announced; the model is closed and accepts no further change."""
    case.status = "closed"


def start_building(case: Case, spec: KindSpec, record: Record) -> None:
    """§IV.1 Bước 2: with its building plan the exemplar is being built (its year starts)."""
    case.status = "building"


def recognize(case: Case, spec: KindSpec, record: Record) -> None:
    """§IV.1 Bước 3 "ra quyết định công nhận điển hình"."""
    case.status = "recognized"


def end_exemplar(case: Case, spec: KindSpec, record: Record) -> None:
    """§IV.1 Bước 3, §IV.3 "ra quyết định … kết thúc xây dựng điển hình"."""
    case.status = "ended"


def close_case(case: Case, spec: KindSpec, record: Record) -> None:
    """§IV.3 "thông báo cho điển hình biết việc kết thúc": the last act; nothing follows it."""
    case.extra["closed_on"] = record.date


CHECKS: dict[str, Callable[[Case, KindSpec, Record, dt.date], None]] = {
    f.__name__: f for f in (linked_lead_unit, plan_year, first_plan_covers_launch, rotation_order,
                            rated_year_decided, one_per_year, exemplar_decision, recognized_only)
}
EFFECTS: dict[str, Callable[[Case, KindSpec, Record], None]] = {
    f.__name__: f for f in (rename, set_lead_unit, activate, rotate_lead, start_closing, decide_closure, close,
                            start_building, recognize, end_exemplar, close_case)
}
