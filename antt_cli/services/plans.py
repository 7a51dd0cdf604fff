"""`antt plan` and `antt progress` — the annual plan with its targets and their achieved
values (HD 163 §III.1.d, §III.2.b; docs/rules.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from antt_cli.domain import lifecycle as life
from antt_cli.domain.model import AT_MOST, YES_NO, Target
from antt_cli.domain.plans import NumberError, completion_of, find_target, parse_number
from antt_cli.domain.text import name_key
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.services.common import Context, writing
from antt_cli.services.record import RecordInput, RecordResult, record_document
from antt_cli.services.targets import check_year, number_refusal, plan_kind
from antt_cli.store.kinds import load_registry


def record_plan(ctx: Context, case_id: str, given: RecordInput) -> RecordResult:
    """Record the annual plan of evaluation year `given.year` with `given.targets`: the one
    record pipeline with the plan kind's input."""
    return record_document(ctx, case_id, plan_kind(load_registry()).name, replace(given, command="plan"))


@dataclass(frozen=True)
class ProgressResult:
    id: str
    year: int
    target: Target
    completion: float | None
    commit: str | None

    def as_json(self) -> dict[str, Any]:
        """`--json`'s object (docs/commands.md `antt progress`)."""
        from antt_cli.domain.model import target_to

        return {"id": self.id, "year": self.year, "target": target_to(self.target),
                "completion": self.completion, "commit": self.commit}


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
        except NumberError as e:
            raise number_refusal(e, "--achieved") from None
    day = date or ctx.today
    with writing(ctx, action="progress", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case = loaded.case.copy()
        life.check_model_only(case, "progress")
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
            raise AnttError("domain.date_in_future", date=day, today=ctx.today)
        if plan.date and day < plan.date:
            raise AnttError("services.plans.progress_before_plan", date=day, plan_date=plan.date)
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
