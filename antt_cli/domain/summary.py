"""The yearly results a unit sends up (báo cáo kết quả xếp loại mô hình, điển hình tiên tiến)
— HD 163 §III.2.c ("gửi kết quả về Thường trực Ban Chỉ đạo tỉnh … trước ngày 15/11"), §III.3,
§IV.3; docs/rules.md "Yearly summary".

For evaluation year Y (01/11/Y−1–31/10/Y, §III.2): every model rated with its decided grade
(and the proposed one when the authority changed it), the counts per grade, area and level and
the share of Tốt/Khá; the models not rated and why; the models opened, launched, replicated
and closed in the year; the exemplars recognized, reassessed and ended in it.

Pure: the cases, the registry, the rules and the day judged as of are parameters. Only the
dossier's own metadata is read (grades, numbers, dates, issuers): no free text of a
classified record (its `secrecy`) is ever carried into the result."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from antt_cli.domain import rating as R
from antt_cli.domain.dates import evaluation_period
from antt_cli.domain.exemplars import ENDS, EXEMPLAR, RECOGNIZES
from antt_cli.domain.interpretations import Rules
from antt_cli.domain.kindspec import Registry
from antt_cli.domain.model import Case, Record
from antt_cli.domain.text import name_key

# Why a model considered for the year has no decided grade (docs/commands.md `antt summary`).
NOT_ESTABLISHED = "not-established"     # §III.2.a: no establishment decision yet
NOT_ELIGIBLE = "not-eligible"           # §III.2.a: under 10 full months by 31/10/Y
CLOSED = "closed"                       # §III.3: closing or closed, no longer rated
PROPOSAL_MISSING = "proposal-missing"   # §III.2.c step 1 not yet recorded, still in time
PROPOSAL_LATE = "proposal-late"         # … its deadline (before 05/11/Y) has passed
DECISION_MISSING = "decision-missing"   # §III.2.c step 2 not yet recorded, still in time
DECISION_LATE = "decision-late"         # … its deadline (before 10/11/Y) has passed
WHY = (NOT_ESTABLISHED, NOT_ELIGIBLE, CLOSED, PROPOSAL_MISSING, PROPOSAL_LATE, DECISION_MISSING, DECISION_LATE)

# What happened to a model in the year, and to an exemplar (§III.1, §III.3, §IV.1, §IV.3).
OPENED, LAUNCHED, REPLICATED, CLOSED_EVENT = "opened", "launched", "replicated", "closed"
RECOGNIZED, REASSESSED, ENDED = "recognized", "reassessed", "ended"

# The words that start a commune-level unit's name (Luật Tổ chức chính quyền địa phương 2025:
# xã, phường, đặc khu; thị trấn for the historical ones): the area group of `commune`.
_COMMUNE = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Decision:
    number: str | None
    date: dt.date | None
    issuer: str | None
    late: bool


@dataclass(frozen=True)
class RatedModel:
    """A model with a decided grade for the year; `proposed` only when it differs (§III.2.c:
    "both are kept")."""

    id: str
    name: str
    area: str
    group: str
    level: str
    unit_kind: str
    linked: bool
    grade: str
    proposed: str | None
    completion: float | None
    decision: Decision
    reason: str | None = None       # why the decision differs (not shown for a classified one)


@dataclass(frozen=True)
class NotRated:
    id: str
    name: str
    group: str
    level: str
    why: str
    first_year: int | None = None   # NOT_ELIGIBLE: the first evaluation year it may be rated
    proposed: str | None = None     # DECISION_*: the grade proposed


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    what: str
    date: dt.date | None
    source: str | None = None        # REPLICATED: the model it was replicated from
    number: str | None = None


@dataclass(frozen=True)
class Counts:
    """Grades counted over the rated models: one row of each table."""

    by_grade: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_grade.values())

    @property
    def good_share(self) -> float | None:
        """The share of Tốt and Khá (percent), None when nothing was rated."""
        if not self.total:
            return None
        return 100.0 * (self.by_grade[R.TOT] + self.by_grade[R.KHA]) / self.total


@dataclass(frozen=True)
class YearSummary:
    year: int
    start: dt.date
    end: dt.date
    day: dt.date
    considered: int
    rated: tuple[RatedModel, ...]
    not_rated: tuple[NotRated, ...]
    events: tuple[Event, ...]
    exemplars: tuple[Event, ...]
    totals: Counts
    by_area: Mapping[str, Counts]
    by_level: Mapping[str, Counts]
    groups: tuple[str, ...]          # every area group of the dossier's models (to explain a filter)


def area_group(area: str | None, mode: str) -> str:
    """The area a model is counted under (docs/interpretations.md `summary_area`): `commune`
    — the part of its area that names a xã/phường/đặc khu ("Thôn Lâm Giáo, xã Hàm Thuận" →
    "xã Hàm Thuận"), else the whole area; `full` — the whole area text."""
    text = " ".join((area or "").split())
    if mode == "commune":
        for part in reversed([p.strip() for p in text.split(",")]):
            if _COMMUNE.match(part):
                return part[0].lower() + part[1:]
    return text or "—"


def matches_area_group(group: str, wanted: str) -> bool:
    return name_key(group) == name_key(wanted)


def matches_area(case: Case, wanted: str | None, mode: str) -> bool:
    """`--area`: the model's area group, or any part of its area, equal to `wanted`
    (compared as names are: case, spacing and tone placement aside)."""
    if not wanted:
        return True
    key = name_key(wanted)
    parts = [p for p in (case.area or "").split(",") if p.strip()]
    return key == name_key(area_group(case.area, mode)) or any(name_key(p) == key for p in parts)


def in_period(day: dt.date | None, year: int) -> bool:
    start, end = evaluation_period(year)
    return day is not None and start <= day <= end


def _effect_record(case: Case, reg: Registry, effect: str) -> Record | None:
    for record in case.counted():
        k = reg.get(record.kind)
        if k is not None and effect in k.effects:
            return record
    return None


def considered(case: Case, year: int, reg: Registry) -> bool:
    """A model counts for year Y when it was opened by the year's end and not closed before
    the year began."""
    start, end = evaluation_period(year)
    if case.opened is not None and case.opened > end:
        return False
    closed = _effect_record(case, reg, "close")
    return not (closed is not None and closed.date is not None and closed.date < start)


def why_not_rated(case: Case, year: int, reg: Registry, rules: Rules, day: dt.date) -> tuple[str, int | None]:
    """Why `case` has no decided grade for `year`, as of `day` (§III.2.a, §III.2.c, §III.3)."""
    decision = R.establishment(case, reg)
    proposal = R.step_record(case, year, R.PROPOSAL, reg)
    if proposal is None:
        if decision is None or decision.date is None:
            return NOT_ESTABLISHED, None
        first = R.first_eligible_year(decision.date, rules)
        if year < first:
            return NOT_ELIGIBLE, first
        if case.status in ("closing", "closed"):
            return CLOSED, None
        return (PROPOSAL_LATE if day >= R.deadline(year, R.PROPOSAL, rules) else PROPOSAL_MISSING), None
    return (DECISION_LATE if day >= R.deadline(year, R.DECISION, rules) else DECISION_MISSING), None


def rated_model(case: Case, year: int, reg: Registry, mode: str) -> RatedModel | None:
    """The year's decided grade of `case` as a row, None before the authority's decision."""
    decision = R.step_record(case, year, R.DECISION, reg)
    grade = decision.field("grade") if decision is not None else None
    if decision is None or grade is None:
        return None
    proposal = R.step_record(case, year, R.PROPOSAL, reg)
    proposed = proposal.field("grade") if proposal is not None else None
    completion = proposal.extra.get("completion") if proposal is not None else None
    reason = decision.field("reason") if proposed != grade and not decision.secrecy else None
    return RatedModel(
        case.id, case.name, case.area or "", area_group(case.area, mode), case.level, case.unit_kind, case.linked,
        grade, proposed if proposed != grade else None,
        float(completion) if isinstance(completion, (int, float)) else None,
        Decision(decision.number, decision.date, decision.issuer, bool(decision.extra.get("late"))), reason)


def model_events(case: Case, year: int, reg: Registry) -> list[Event]:
    """Opened, launched, replicated (the replica, opened in the year) and closed in `year`."""
    found = []
    if in_period(case.opened, year):
        source = case.extra.get("replicated_from")
        found.append(Event(case.id, case.name, REPLICATED if source else OPENED, case.opened,
                           str(source) if source else None))
    for effect, what in (("activate", LAUNCHED), ("close", CLOSED_EVENT)):
        record = _effect_record(case, reg, effect)
        if record is not None and in_period(record.date, year):
            number = record.number
            if what == CLOSED_EVENT:
                decided = _effect_record(case, reg, "decide_closure")
                number = decided.number if decided is not None else number
            found.append(Event(case.id, case.name, what, record.date, number=number))
    return found


def exemplar_events(case: Case, year: int, reg: Registry) -> list[Event]:
    """Recognized and ended in `year` (§IV.1 Bước 3, §IV.3), and its reassessment of `year`."""
    found = []
    for effect, what in ((RECOGNIZES, RECOGNIZED), (ENDS, ENDED)):
        record = _effect_record(case, reg, effect)
        if record is not None and in_period(record.date, year):
            found.append(Event(case.id, case.name, what, record.date, number=record.number))
    for record in case.counted():
        k = reg.get(record.kind)
        if k is not None and k.repeatable and record.extra.get("outcome") and record.year == year:
            found.append(Event(case.id, case.name, REASSESSED, record.date, number=record.number,
                               source=str(record.extra.get("outcome"))))
    return sorted(found, key=lambda e: (e.date or dt.date.min, e.id))


def count(rows: Iterable[RatedModel]) -> Counts:
    by_grade = {g: 0 for g in R.GRADES}
    for row in rows:
        by_grade[row.grade] += 1
    return Counts(by_grade)


def grouped(rows: tuple[RatedModel, ...], key: str) -> dict[str, Counts]:
    keys = sorted({getattr(r, key) for r in rows}, key=name_key)
    return {k: count(r for r in rows if getattr(r, key) == k) for k in keys}


def summarize(cases: Iterable[Case], year: int, reg: Registry, rules: Rules, day: dt.date, *,
              area: str | None = None, level: str | None = None, mode: str = "commune") -> YearSummary:
    """The year's results of the models and exemplars among `cases`, as of `day`, restricted
    to an area (`matches_area`) and a level when given."""
    rated, not_rated, events, exemplars, groups, n = [], [], [], [], set(), 0
    for case in sorted(cases, key=lambda c: c.id):
        if case.kind == EXEMPLAR:
            if matches_area(case, area, mode):
                exemplars.extend(exemplar_events(case, year, reg))
            continue
        groups.add(area_group(case.area, mode))
        if not matches_area(case, area, mode) or (level and case.level != level):
            continue
        events.extend(model_events(case, year, reg))
        if not considered(case, year, reg):
            continue
        n += 1
        row = rated_model(case, year, reg, mode)
        if row is not None:
            rated.append(row)
            continue
        why, first = why_not_rated(case, year, reg, rules, day)
        proposal = R.step_record(case, year, R.PROPOSAL, reg)
        not_rated.append(NotRated(case.id, case.name, area_group(case.area, mode), case.level, why, first,
                                  proposal.field("grade") if proposal is not None else None))
    start, end = evaluation_period(year)
    rows = tuple(rated)
    return YearSummary(year, start, end, day, n, rows, tuple(not_rated),
                       tuple(sorted(events, key=lambda e: (e.date or dt.date.min, e.id))), tuple(exemplars),
                       count(rows), grouped(rows, "group"), grouped(rows, "level"),
                       tuple(sorted(groups, key=name_key)))
