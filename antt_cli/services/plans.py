"""`antt plan` and `antt progress` — the annual plan with its targets and their achieved
values (HD 163 §III.1.d, §III.2.b; docs/rules.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from antt_cli.domain import lifecycle as life
from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import AT_MOST, YES_NO, Plan, Target
from antt_cli.domain.plans import completion_of, find_target, parse_number, parse_target
from antt_cli.domain.text import name_key, nfc
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import kind_label
from antt_cli.services.common import Context, writing
from antt_cli.services.record import (
    RecordInput, RecordResult, build_record, resolve_number, save_recorded)
from antt_cli.store.kinds import load_registry

MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_targets(specs: list[str]) -> list[Target]:
    targets: list[Target] = []
    for spec in specs:
        spec = nfc(spec)
        try:
            target = parse_target(spec)
        except ValueError:
            raise AnttUsageError("services.plans.bad_target", spec=spec) from None
        if any(name_key(t.text) == name_key(target.text) for t in targets):
            raise AnttError("services.plans.duplicate_target", text=target.text)
        targets.append(target)
    return targets


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise AnttUsageError("services.plans.bad_year", year=year)


def plan_kind(reg: Registry) -> KindSpec:
    """The kind recorded by `antt plan`: the one spec with `command: plan` and `year: plan`
    (docs/kinds.md); a registry with none or several is refused, naming them."""
    found = [k for k in reg if k.command == "plan" and k.year == "plan"]
    if len(found) != 1:
        raise AnttError("services.plans.plan_kind_count", count=len(found), kinds=kind_label(*found) if found else "—")
    return found[0]


def record_plan(ctx: Context, case_id: str, year: int, target_specs: list[str], given: RecordInput) -> RecordResult:
    """Record the annual plan of evaluation year `year` with its targets."""
    check_year(year)
    targets = parse_targets(target_specs)
    reg = load_registry()
    k = plan_kind(reg)
    given.year = year
    with writing(ctx, action="plan", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        life.check_recordable(loaded.case, k, reg, command="plan")
        record = build_record(ctx, w.dossier, loaded.case, k, given, reg)
        life.check_record(loaded.case, k, record, ctx.today, reg)
        record.number = resolve_number(k, str(record.issuer), record.date, given.number, w.dossier)
        new_case = life.apply_record(loaded.case, k, record)
        new_case.plans[year] = Plan(year=year, date=record.date, number=record.number, targets=targets)
        rel = save_recorded(w, loaded, new_case, record, attach=given.attach, pdf=given.pdf,
                            folder=k.attach_folder)
        w.summary = life.summary_line(case_id, k.summary_text(year), record)
    if not targets:
        ctx.notice(_t("services.plans.no_targets", year=year))
    return RecordResult(case_id, k.name, record, rel, w.tx.sha)


def _t(key: str, **params: object) -> str:
    from antt_cli.i18n import t

    return t(key, **params)


@dataclass(frozen=True)
class ProgressResult:
    id: str
    year: int
    target: Target
    completion: float | None
    commit: str | None


def set_progress(ctx: Context, case_id: str, year: int, target: str, *, achieved: str | None = None,
                 done: bool = False, date: dt.date | None = None) -> ProgressResult:
    """Set (not add to) the achieved value of one target; the plan's completion after it."""
    check_year(year)
    if (achieved is None) == (not done):
        raise AnttUsageError("services.plans.achieved_or_done")
    value = None
    if achieved is not None:
        try:
            value = parse_number(achieved)
        except ValueError:
            raise AnttUsageError("services.plans.bad_number", value=achieved) from None
    day = date or ctx.today
    with writing(ctx, action="progress", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case = loaded.case.copy()
        life.check_open(case)
        plan = case.plan(year)
        if plan is None:
            raise AnttError("services.plans.no_plan", id=case_id, year=year)
        index = find_target(plan.targets, target, name_key)
        if index is None:
            names = "; ".join(t.text for t in plan.targets) or "—"
            raise AnttError("services.plans.unknown_target", target=target, year=year, targets=names)
        row = plan.targets[index]
        if row.op == YES_NO and value is not None:
            raise AnttError("services.plans.yes_no_needs_done", text=row.text)
        if row.op != YES_NO and done:
            raise AnttError("services.plans.number_needs_achieved", text=row.text)
        if day > ctx.today:
            raise AnttError("domain.date_in_future", date=day.isoformat(), today=ctx.today.isoformat())
        if plan.date and day < plan.date:
            raise AnttError("services.plans.progress_before_plan", date=day.isoformat(), plan_date=plan.date.isoformat())
        if done:
            row.done = True
            shown = "hoàn thành"
        else:
            row.achieved = value
            shown = f"{value}≤{row.planned}" if row.op == AT_MOST else f"{value}/{row.planned}"
        row.extra["updated"] = day
        w.check_clean([loaded.rel], renders=False)
        w.write_text(loaded.rel, loaded.text(case))
        w.summary = f"[{case_id}] Kết quả chỉ tiêu năm {year}: {row.text} — {shown}"
    return ProgressResult(case_id, year, row, completion_of(plan.targets, w.dossier.rules.completion), w.tx.sha)
