"""What a case owes and by when — HD 163 §III.1.d (the annual plan), §III.1.đ (the 6-month
and annual reports), §III.2.c (the three rating steps) of a model, §IV.1 Bước 3 (the evaluation
within one year of the building plan) and §IV.3 (the yearly reassessment) of an exemplar — as data: `DUTIES` says, for each
obligation, which rule of `antt.yaml` gives its "trước ngày …" date, in which year, and when a
model owes it; `obligations` lists every one owed or upcoming for a case, `next_due` the
earliest. What is owed is data — the kind by its spec's `year` key (`plan`, `report`; the
registry's `dated_kind` names it) or `rating` role (`rating_kind`), the evaluation year, a
report's period — never a kind's name. Pure: today is a parameter, the facts come from the case
digest (domain/digest.py).

Every "trước ngày D" is strict: the last good day is the day before D (docs/interpretations.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Mapping, NamedTuple

from antt_cli.domain.dates import evaluation_year_of
from antt_cli.domain.exemplars import evaluation_last_day
from antt_cli.domain.interpretations import Rules, month_day, reassessment_deadline
from antt_cli.domain.rating import first_eligible_year

PLAN, REPORT, RATING = "plan", "report", "rating"  # what a duty owes: a spec `year` key, or a rating role
SIX_MONTH, ANNUAL = "6-month", "annual"
MODEL, EXEMPLAR = "model", "exemplar"  # the case types (domain/model.py `Case.kind`)

# When a model owes a duty of evaluation year Y (see `_owes`):
PLANNED = "planned"          # §III.1.d: every year from the first plan's, not before the opening
REPORTING = "reporting"      # §III.1.đ: active ≥ report_min_active_days of the duty's period
NOT_ELIGIBLE = "not-eligible"  # the annual report alone, while the model may not yet be rated
ELIGIBLE = "eligible"        # §III.2.a: rated only from 10 full months after establishment
# When an exemplar owes a duty (domain/exemplars.obligations judges it):
BUILDING = "building"        # §IV.1 Bước 3: the evaluation, while the exemplar is being built
RECOGNIZED = "recognized"    # §IV.3: the reassessment of every year after the recognition's


@dataclass(frozen=True)
class Duty:
    key: str            # the obligation (JSON `what`; a digest's `met` entry names it)
    section: str        # § of HD 163
    due: str            # the Rules attribute holding its month-day ("deadlines.decision": a key of a map)
    year_offset: int    # the date falls in Y + offset (the plan of Y: 01/12/Y-1)
    owed_when: str      # PLANNED | REPORTING | NOT_ELIGIBLE | ELIGIBLE
    period: tuple[str, str] | None = None  # REPORTING: the period's first and last month-day (Y-1, Y)
    also_met_by: tuple[str, ...] = ()      # duties whose record satisfies this one too
    cycle_ends: str | None = None          # the duty whose date ends the year's cycle (default: itself)
    owes: str = PLAN                       # the kind owed: by its spec's `year` key, or RATING (by `role`)
    kind_period: str | None = None         # REPORT: the report's period
    role: str | None = None                # RATING: the kind's `rating` role (propose, decide, submit)
    case: str = MODEL                      # the case type that owes it
    inclusive: bool = False                # the date is itself the last good day ("trong thời gian 01 năm")


DUTIES: tuple[Duty, ...] = (
    Duty("plan", "§III.1.d", "plan_due", -1, PLANNED),
    Duty("report-6-month", "§III.1.đ", "six_month_report_due", 0, REPORTING, ("11-01", "04-30"),
         owes=REPORT, kind_period=SIX_MONTH),
    # docs/interpretations.md: the annual report is the rating proposal — recording either satisfies both.
    Duty("report-annual", "§III.1.đ", "deadlines.proposal", 0, NOT_ELIGIBLE, ("11-01", "10-31"),
         also_met_by=("rate-propose",), cycle_ends="rate-submit", owes=REPORT, kind_period=ANNUAL),
    # §III.2.c: the year's three steps are one cycle — the next year's appear once it is over.
    Duty("rate-propose", "§III.2.c", "deadlines.proposal", 0, ELIGIBLE, also_met_by=("report-annual",),
         cycle_ends="rate-submit", owes=RATING, role="propose"),
    Duty("rate-decide", "§III.2.c", "deadlines.decision", 0, ELIGIBLE, cycle_ends="rate-submit",
         owes=RATING, role="decide"),
    Duty("rate-submit", "§III.2.c", "deadlines.submission", 0, ELIGIBLE, owes=RATING, role="submit"),
    # An exemplar's: the evaluation by the anniversary of its building plan (Civil Code Điều 147–148,
    # docs/rules.md), then each year's reassessment with the model ratings (strictly before 05/11).
    Duty("evaluate", "§IV.1 Bước 3", "exemplar_evaluation_months", 0, BUILDING, case=EXEMPLAR,
         inclusive=True),
    Duty("reassess", "§IV.3", "deadlines.proposal", 0, RECOGNIZED, owes=REPORT, case=EXEMPLAR),
)
DUTY = {d.key: d for d in DUTIES}
_ORDER = {d.key: i for i, d in enumerate(DUTIES)}  # obligations of one day: in the order of DUTIES


class Obligation(NamedTuple):
    """One duty of one evaluation year: `before` is the guideline's date ("trước 05/11/2026"),
    `due` the last good day (04/11/2026). A named tuple (immutable, like Due): a whole-dossier
    table makes one per case and duty, and a frozen dataclass costs several times as much to
    make."""

    what: str
    year: int
    before: dt.date
    section: str

    @property
    def due(self) -> dt.date:
        return self.before - dt.timedelta(days=1)

    def overdue(self, today: dt.date) -> bool:
        return today > self.due


class Due(NamedTuple):
    """One obligation not yet met, as `antt status` shows it: the last good day, what is owed
    (a spec `year` key, or `rating`), the evaluation year, a report's period, a rating role
    (ordered field by field)."""

    day: dt.date
    owed: str
    year: int
    period: str | None = None
    role: str | None = None


def before_date(duty: Duty, year: int, rules: Rules) -> dt.date:
    """The guideline's "trước ngày" date of `duty` for evaluation year `year`."""
    attr, _, key = duty.due.partition(".")
    spec = getattr(rules, attr)
    return month_day(spec[key] if key else spec, year + duty.year_offset)


def plan_due(year: int, rules: Rules) -> dt.date:
    """The plan of evaluation year Y is due strictly before this date (01/12/Y-1)."""
    return before_date(DUTY["plan"], year, rules)


def six_month_due(year: int, rules: Rules) -> dt.date:
    return before_date(DUTY["report-6-month"], year, rules)


def rating_eligible(established: dt.date | None, year: int, rules: Rules) -> bool:
    """§III.2.a "từ đủ 10 tháng trở lên tính từ ngày có quyết định thành lập": the decision's
    date + 10 calendar months falls on or before 31/10/Y (docs/interpretations.md)."""
    return established is not None and year >= first_eligible_year(established, rules)


Eligibility = Callable[[Mapping[str, Any], int, Rules], bool]


def digest_eligible(digest: Mapping[str, Any], year: int, rules: Rules) -> bool:
    return rating_eligible(digest.get("established"), year, rules)


def _active_days(launched: dt.date, duty: Duty, year: int) -> int:
    start, end = duty.period or ("11-01", "10-31")
    first = max(launched, month_day(start, year - 1))
    return (month_day(end, year) - first).days + 1


def _met(digest: Mapping[str, Any], today: dt.date) -> set[tuple[str, int]]:
    """(duty, year) pairs the case's records dated on or before `today` satisfy (a record
    dated later does not yet count: `antt due --date` judges as of that day)."""
    met = set()
    for what, year, day in digest.get("met") or ():
        if day is None or day <= today:
            met.add((str(what), int(year)))
    return met


def obligations(digest: Mapping[str, Any], today: dt.date, rules: Rules,
                eligible: Eligibility = digest_eligible, dates: dict | None = None) -> list[Obligation]:
    """Every duty the case owes and has not met, up to and including the next one of each
    kind still ahead of `today`, soonest first. Only an active model owes anything (building
    models have no plans yet; closing and closed ones owe nothing more, §III.3); an exemplar
    owes its evaluation while building and its reassessments once recognized. `dates`
    remembers each duty's date of a year over the cases of one table (judged by the same
    `rules`)."""
    if digest.get("kind") == EXEMPLAR:
        return _exemplar_obligations(digest, today, rules)
    if digest.get("status") != "active" or not digest.get("launched"):
        return []
    opened = digest.get("opened")
    # SPEC §3 (adopted models, §VI.3): what antt requires starts with the case's opening — an
    # adopted model owes no plan or report of a period that ended before it; a model opened
    # in antt was launched after its opening, so this is its launch.
    launched: dt.date = max(digest["launched"], opened) if opened else digest["launched"]
    met = _met(digest, today)
    plan_years = [int(y) for y in digest.get("plan_years") or ()]
    # docs/rules.md: no plan is due for a year before the first plan's, nor before the case was opened.
    first_plan = min(plan_years) if plan_years else evaluation_year_of(launched)
    if opened:
        first_plan = max(first_plan, evaluation_year_of(opened))
    owed: list[Obligation] = []
    if dates is None:
        dates = {}  # each duty's date of a year, worked out once
    rated: dict[int, bool] = {}  # whether the model may be rated in a year, asked once

    def date_of(duty: Duty, year: int) -> dt.date:
        if (duty.key, year) not in dates:
            dates[duty.key, year] = before_date(duty, year, rules)
        return dates[duty.key, year]

    def may_be_rated(case: Mapping[str, Any], year: int, rules: Rules) -> bool:
        if year not in rated:
            rated[year] = eligible(case, year, rules)
        return rated[year]

    for duty in DUTIES:
        if duty.case != MODEL:
            continue
        year = first_plan if duty.owed_when == PLANNED else evaluation_year_of(launched)
        while True:
            if not _is_met(duty, year, met) and _owes(duty, digest, year, launched, rules, may_be_rated):
                owed.append(Obligation(duty.key, year, date_of(duty, year), duty.section))
            if date_of(DUTY[duty.cycle_ends or duty.key], year) > today:
                break  # the next one ahead: listed, nothing later
            year += 1
    owed.sort(key=lambda o: (o.before, _ORDER[o.what]))
    return owed


def exemplar_owed(digest: Mapping[str, Any], today: dt.date, rules: Rules) -> list[Due]:
    """Every duty an exemplar owes and has not met, soonest first, up to the next one still
    ahead of `today`: while building, the evaluation by the last good day of its one-year
    clock (from the digest's `clock_start`, the building plan's date, over the months of
    `rules.exemplar_evaluation_months`: domain/exemplars.py; §IV.1 Bước 3) until an evaluation
    dated on or before `today` is recorded (the decision follows it); once recognized, the
    yearly reassessment (the kind whose spec says `year: report`) of every evaluation year
    after the recognition's, due with the model ratings strictly before the proposal's date
    (05/11) of that year (§IV.3, docs/rules.md)."""
    met = _met(digest, today)
    if digest.get("status") == "building" and digest.get("clock_start"):
        if any(what == "evaluate" for what, _ in met):
            return []
        end = evaluation_last_day(digest["clock_start"], rules.exemplar_evaluation_months)
        return [Due(end, str(digest.get("evaluation_kind") or ""), evaluation_year_of(end))]
    recognized = digest.get("recognized_on")
    if digest.get("status") != "recognized" or recognized is None:
        return []
    done = set(digest.get("reassessed") or ())
    owed = []
    year = evaluation_year_of(recognized) + 1
    if digest.get("opened"):  # SPEC §3: an adopted exemplar owes no reassessment of a year ended before
        year = max(year, evaluation_year_of(digest["opened"]))
    while True:
        last = month_day(reassessment_deadline(rules), year) - dt.timedelta(days=1)
        if year not in done:
            owed.append(Due(last, REPORT, year))
        if last >= today:
            return owed
        year += 1


def _exemplar_obligations(digest: Mapping[str, Any], today: dt.date, rules: Rules) -> list[Obligation]:
    """`exemplar_owed` in the models' shape: `before` is the day after the last good day."""
    owed = []
    for due in exemplar_owed(digest, today, rules):
        duty = DUTY["reassess" if due.owed == REPORT else "evaluate"]
        owed.append(Obligation(duty.key, due.year, due.day + dt.timedelta(days=1), duty.section))
    return owed


def _is_met(duty: Duty, year: int, met: set[tuple[str, int]]) -> bool:
    if (duty.key, year) in met:
        return True
    return bool(duty.also_met_by) and any((key, year) in met for key in duty.also_met_by)


def _owes(duty: Duty, digest: Mapping[str, Any], year: int, launched: dt.date, rules: Rules,
          eligible: Eligibility) -> bool:
    if duty.owed_when == PLANNED:
        return True
    if duty.owed_when == ELIGIBLE:
        return eligible(digest, year, rules)
    if _active_days(launched, duty, year) < rules.report_min_active_days:
        return False
    return duty.owed_when == REPORTING or not eligible(digest, year, rules)


def next_due(digest: Mapping[str, Any], today: dt.date, rules: Rules, dates: dict | None = None) -> Due | None:
    """The earliest obligation not yet met, or None. Reads a case digest (domain/digest.py);
    `dates` as for `obligations`."""
    if digest.get("kind") == EXEMPLAR:
        owed_ex = exemplar_owed(digest, today, rules)
        return owed_ex[0] if owed_ex else None
    owed = obligations(digest, today, rules, dates=dates)
    if not owed:
        return None
    duty = DUTY[owed[0].what]
    return Due(owed[0].due, duty.owes, owed[0].year, duty.kind_period, duty.role)
