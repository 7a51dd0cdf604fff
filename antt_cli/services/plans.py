"""`antt plan` and `antt progress` — the annual plan with its targets and their achieved
values (HD 163 §III.1.d, §III.2.b; SPEC §4)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from antt_cli.domain.dates import as_date
from antt_cli.domain.plans import AT_MOST, YES_NO, completion, find_target, parse_target, plan_of
from antt_cli.domain.text import name_key, nfc
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.services.common import Context, transaction
from antt_cli.services.record import RecordInput, record_document, summary_line
from antt_cli.store.yamlio import flow_map, new_map, new_seq

MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_targets(specs: list[str]) -> list[dict[str, Any]]:
    targets: list[dict[str, Any]] = []
    for spec in specs:
        spec = nfc(spec)
        try:
            target = parse_target(spec)
        except ValueError:
            raise AnttUsageError("plans.bad_target", spec=spec) from None
        if any(name_key(t["text"]) == name_key(target["text"]) for t in targets):
            raise AnttError("plans.duplicate_target", text=target["text"])
        targets.append(target)
    return targets


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise AnttUsageError("plans.bad_year", year=year)


def record_plan(ctx: Context, case_id: str, year: int, target_specs: list[str], given: RecordInput) -> Any:
    """Record the `annual-plan` document of evaluation year `year` with its targets."""
    check_year(year)
    targets = parse_targets(target_specs)
    given.year = year

    def attach_plan(case: Any, record: Any) -> None:
        plans = case.get("plans")
        if plans is None:
            plans = case["plans"] = new_map()
        rows = []
        for t in targets:
            pairs = [("text", t["text"]), ("op", t["op"])]
            pairs += [("done", False)] if t["op"] == YES_NO else [("planned", t["planned"]), ("achieved", None)]
            rows.append(flow_map(pairs))
        plans[year] = new_map([("date", record["date"]), ("number", record.get("number")),
                               ("targets", new_seq(rows))])

    if not targets:
        ctx.notice(_t("plans.no_targets", year=year))
    def summary(record: Any) -> str:
        return summary_line(case_id, f"Kế hoạch hoạt động năm {year}", record)

    return record_document(ctx, case_id, "annual-plan", given, before_render=attach_plan,
                           action="plan", summary=summary)


def _t(key: str, **params: object) -> str:
    from antt_cli.i18n import t

    return t(key, **params)


def set_progress(ctx: Context, case_id: str, year: int, target: str, *, achieved: str | None = None,
                 done: bool = False, date: dt.date | None = None) -> dict[str, Any]:
    """Set (not add to) the achieved value of one target; returns the target and the plan's
    completion after the change."""
    from antt_cli.domain.plans import parse_number

    check_year(year)
    # Read under the dossier lock: parallel updates of one case's targets all survive.
    with transaction(ctx, None, action="progress", case_id=case_id) as tx:
        dossier = ctx.dossier()
        case = dossier.load_case(case_id)
        if case.get("status") == "closed":
            raise AnttError("domain.case_closed", id=case_id)
        plan = plan_of(case, year)
        if plan is None:
            raise AnttError("plans.no_plan", id=case_id, year=year)
        targets = plan.get("targets") or []
        index = find_target(targets, target, name_key)
        if index is None:
            names = "; ".join(str(t["text"]) for t in targets) or "—"
            raise AnttError("plans.unknown_target", target=target, year=year, targets=names)
        row = targets[index]
        if (achieved is None) == (not done):
            raise AnttUsageError("plans.achieved_or_done")
        if row["op"] == YES_NO and achieved is not None:
            raise AnttError("plans.yes_no_needs_done", text=row["text"])
        if row["op"] != YES_NO and done:
            raise AnttError("plans.number_needs_achieved", text=row["text"])
        day = date or ctx.today
        if day > ctx.today:
            raise AnttError("domain.date_in_future", date=day.isoformat(), today=ctx.today.isoformat())
        plan_day = as_date(plan.get("date"))
        if plan_day and day < plan_day:
            raise AnttError("plans.progress_before_plan", date=day.isoformat(), plan_date=plan_day.isoformat())
        if done:
            row["done"] = True
            shown = "hoàn thành"
        else:
            try:
                value = parse_number(achieved)
            except ValueError:
                raise AnttUsageError("plans.bad_number", value=achieved) from None
            row["achieved"] = value
            sign = "≤" if row["op"] == AT_MOST else "/"
            shown = f"{value}{sign}{row['planned']}" if sign == "≤" else f"{value}/{row['planned']}"
        row["updated"] = day
        rate = completion(targets, dossier.rules.completion)
        tx.summary = f"[{case_id}] Kết quả chỉ tiêu năm {year}: {row['text']} — {shown}"
        tx.write_text(dossier.case_relpath(case_id), dossier.dump(case))
    return {"id": case_id, "year": year, "target": dict(row), "completion": rate}
