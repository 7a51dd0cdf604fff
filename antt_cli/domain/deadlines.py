"""What a model owes next (docs/rules.md): the annual plan of each evaluation year it is active
in (due before 01/12/Y-1, §III.1.d "thông thường theo năm") and the 6-month periodic report
(due before 05/05/Y, §III.1.đ "định kỳ 6 tháng").

What is owed is data — the kind by its spec's `year` key (`plan`, `report`; the registry's
`dated_kind` names it), the evaluation year, a report's period — never a kind's name."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from antt_cli.domain.dates import evaluation_year_of
from antt_cli.domain.interpretations import Rules, month_day


PLAN, REPORT = "plan", "report"  # the spec `year` keys of the kinds a deadline owes
SIX_MONTH = "6-month"


@dataclass(frozen=True, order=True)
class Due:
    """One obligation not yet met: the last good day, the kind owed (its spec's `year` key),
    the evaluation year and, for a report, its period. Ordered by day."""

    day: dt.date
    owed: str
    year: int
    period: str | None = None


def plan_due(year: int, rules: Rules) -> dt.date:
    """The plan of evaluation year Y is due strictly before this date (01/12/Y-1)."""
    return month_day(rules.plan_due, year - 1)


def six_month_due(year: int, rules: Rules) -> dt.date:
    return month_day(rules.six_month_report_due, year)


def next_due(digest: Mapping[str, Any], today: dt.date, rules: Rules) -> Due | None:
    """The earliest obligation not yet met, or None. Reads a case digest (domain/digest.py)."""
    if digest.get("status") != "active":
        return None
    launched = digest.get("launched")
    plans = set(digest.get("plan_years") or ())
    six_month = {y for y, period in digest.get("reports") or () if period == SIX_MONTH}
    year = evaluation_year_of(today)
    first = evaluation_year_of(launched) if launched else year
    # docs/rules.md: no plan is due for a year before the first plan's, nor before the case was opened.
    first_plan = min(plans) if plans else first
    opened = digest.get("opened")
    first_plan = max(first_plan, evaluation_year_of(opened)) if opened else first_plan
    owed: list[Due] = []
    # Every evaluation year from the first plan's, so that a missed obligation stays overdue.
    for y in range(first_plan, year + 2):
        if y not in plans:
            owed.append(Due(plan_due(y, rules) - dt.timedelta(days=1), PLAN, y))
    # The 6-month report of year Y covers 01/11/Y-1 – 30/04/Y; owed when active ≥ N days of it.
    for y in range(first, year + 2):
        period_end = month_day("04-30", y)
        if launched and (period_end - max(launched, month_day("11-01", y - 1))).days + 1 >= rules.report_min_active_days:
            if y not in six_month:
                owed.append(Due(six_month_due(y, rules) - dt.timedelta(days=1), REPORT, y, SIX_MONTH))
    return min(owed) if owed else None
