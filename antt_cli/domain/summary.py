"""The yearly results a unit sends up (báo cáo kết quả xếp loại mô hình, điển hình tiên tiến)
— HD 163 §III.2.c ("gửi kết quả về Thường trực Ban Chỉ đạo tỉnh … trước ngày 15/11"), §III.3,
§IV.3; docs/rules.md "Yearly summary".

For evaluation year Y (01/11/Y−1–31/10/Y, §III.2): every model rated with its decided grade
(and the proposed one when the authority changed it), the counts per grade, area and level and
the share of Tốt/Khá; the models not rated and why; the models opened, launched, replicated
and closed in the year; the exemplars recognized, reassessed and ended in it.

Pure: the cases (as `case_facts`, computed once per content of a case file), the rules and
the day judged as of are parameters. Only the dossier's own metadata is read (grades,
numbers, dates, issuers): no free text of a classified record (its `secrecy`) is ever carried
into the result."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

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


def matches_area(area: str | None, wanted: str | None, mode: str) -> bool:
    """`--area`: a case's area group, or any part of its area, equal to `wanted` (compared as
    names are: case, spacing and tone placement aside)."""
    if not wanted:
        return True
    key = name_key(wanted)
    parts = [p for p in (area or "").split(",") if p.strip()]
    return key == name_key(area_group(area, mode)) or any(name_key(p) == key for p in parts)


def in_period(day: dt.date | None, year: int) -> bool:
    start, end = evaluation_period(year)
    return day is not None and start <= day <= end


def _effect_record(case: Case, reg: Registry, effect: str) -> Record | None:
    for record in case.counted():
        k = reg.get(record.kind)
        if k is not None and effect in k.effects:
            return record
    return None


# ---------------------------------------------------------------- a case's facts (cached)
# What the summary needs of one case, for every year at once: small, plain data, computed
# once per content of its file with the case's digest (domain/digest.py, store/cache.py), so
# a warm summary of 10,000 cases reads no case file (SPEC §13).

def _year_facts(case: Case, year: int, reg: Registry) -> dict[str, Any]:
    proposal = R.step_record(case, year, R.PROPOSAL, reg)
    decision = R.step_record(case, year, R.DECISION, reg)
    completion = proposal.extra.get("completion") if proposal is not None else None
    grade = decision.field("grade") if decision is not None else None
    proposed = proposal.field("grade") if proposal is not None else None
    return {
        "proposed": proposed, "grade": grade,
        "completion": float(completion) if isinstance(completion, (int, float)) else None,
        "number": decision.number if decision is not None else None,
        "date": decision.date if decision is not None else None,
        "issuer": decision.issuer if decision is not None else None,
        "late": bool(decision is not None and decision.extra.get("late")),
        # why the authority decided otherwise; never the words of a classified decision
        "reason": decision.field("reason") if decision is not None and grade != proposed and not decision.secrecy
        else None,
    }


def _model_facts(case: Case, reg: Registry) -> dict[str, Any]:
    established = R.establishment(case, reg)
    launched = _effect_record(case, reg, "activate")
    closed = _effect_record(case, reg, "close")
    decided = _effect_record(case, reg, "decide_closure")
    source = case.extra.get("replicated_from")
    return {
        "established": established.date if established is not None else None,
        "years": {str(y): _year_facts(case, y, reg) for y in R.rated_years(case, reg)},
        "launched": launched.date if launched is not None else None,
        "closed": closed.date if closed is not None else None,
        "closure_number": (decided or closed).number if closed is not None else None,
        "replicated_from": str(source) if source else None,
    }


def _exemplar_events(case: Case, reg: Registry) -> list[tuple]:
    """(what, date, number, outcome, year) of its recognition, ending and reassessments (§IV)."""
    found = []
    for effect, what in ((RECOGNIZES, RECOGNIZED), (ENDS, ENDED)):
        record = _effect_record(case, reg, effect)
        if record is not None:
            found.append((what, record.date, record.number, None, None))
    for record in case.counted():
        k = reg.get(record.kind)
        if k is not None and k.repeatable and record.extra.get("outcome") and record.year is not None:
            found.append((REASSESSED, record.date, record.number, str(record.extra["outcome"]), int(record.year)))
    return found


def case_facts(case: Case, reg: Registry) -> dict[str, Any]:
    """The summary's facts of one case (plain data: strings, numbers, dates, lists, tuples)."""
    facts: dict[str, Any] = {"kind": case.kind, "name": case.name, "area": case.area, "level": case.level,
                             "status": case.status, "opened": case.opened}
    if case.kind == EXEMPLAR:
        facts["events"] = _exemplar_events(case, reg)
    else:
        facts.update(_model_facts(case, reg))
    return facts


def facts_ok(value: Any) -> bool:
    """Whether a cached value has the shape `case_facts` gives (store/cache.py checks entries)."""
    if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
        return False
    if value["kind"] == EXEMPLAR:
        return isinstance(value.get("events"), list) and all(isinstance(e, tuple) and len(e) == 5
                                                              for e in value["events"])
    return isinstance(value.get("years"), dict) and all(isinstance(v, dict) for v in value["years"].values())


# ---------------------------------------------------------------- the year

def considered(facts: Mapping[str, Any], year: int) -> bool:
    """A model counts for year Y when it was opened by the year's end and not closed before
    the year began."""
    start, end = evaluation_period(year)
    if facts.get("opened") is not None and facts["opened"] > end:
        return False
    return not (facts.get("closed") is not None and facts["closed"] < start)


def why_not_rated(facts: Mapping[str, Any], year: int, rules: Rules, day: dt.date) -> tuple[str, int | None]:
    """Why a model has no decided grade for `year`, as of `day` (§III.2.a, §III.2.c, §III.3)."""
    found = facts["years"].get(str(year)) or {}
    if found.get("proposed") is None:
        if facts.get("established") is None:
            return NOT_ESTABLISHED, None
        first = R.first_eligible_year(facts["established"], rules)
        if year < first:
            return NOT_ELIGIBLE, first
        if facts.get("status") in ("closing", "closed"):
            return CLOSED, None
        return (PROPOSAL_LATE if day >= R.deadline(year, R.PROPOSAL, rules) else PROPOSAL_MISSING), None
    return (DECISION_LATE if day >= R.deadline(year, R.DECISION, rules) else DECISION_MISSING), None


def rated_model(case_id: str, facts: Mapping[str, Any], year: int, mode: str) -> RatedModel | None:
    """The year's decided grade of a model as a row, None before the authority's decision."""
    found = facts["years"].get(str(year)) or {}
    if not found.get("grade"):
        return None
    proposed = found.get("proposed")
    return RatedModel(
        case_id, facts["name"], facts.get("area") or "", area_group(facts.get("area"), mode), facts["level"],
        found["grade"], proposed if proposed != found["grade"] else None, found.get("completion"),
        Decision(found.get("number"), found.get("date"), found.get("issuer"), bool(found.get("late"))),
        found.get("reason"))


def model_events(case_id: str, facts: Mapping[str, Any], year: int) -> list[Event]:
    """Opened (or replicated: the replica, opened in the year), launched and closed in `year`."""
    name, found = facts["name"], []
    if in_period(facts.get("opened"), year):
        source = facts.get("replicated_from")
        found.append(Event(case_id, name, REPLICATED if source else OPENED, facts["opened"], source))
    if in_period(facts.get("launched"), year):
        found.append(Event(case_id, name, LAUNCHED, facts["launched"]))
    if in_period(facts.get("closed"), year):
        found.append(Event(case_id, name, CLOSED_EVENT, facts["closed"], number=facts.get("closure_number")))
    return found


def exemplar_events(case_id: str, facts: Mapping[str, Any], year: int) -> list[Event]:
    """Recognized and ended in `year` (§IV.1 Bước 3, §IV.3), and its reassessment of `year`."""
    found = [Event(case_id, facts["name"], what, day, outcome, number)
             for what, day, number, outcome, of_year in facts["events"]
             if (of_year == year if what == REASSESSED else in_period(day, year))]
    return sorted(found, key=lambda e: (e.date or dt.date.min, e.id))


def count(rows: Iterable[RatedModel]) -> Counts:
    by_grade = {g: 0 for g in R.GRADES}
    for row in rows:
        by_grade[row.grade] += 1
    return Counts(by_grade)


def grouped(rows: tuple[RatedModel, ...], key: str) -> dict[str, Counts]:
    keys = sorted({getattr(r, key) for r in rows}, key=name_key)
    return {k: count(r for r in rows if getattr(r, key) == k) for k in keys}


def summarize(cases: Iterable[tuple[str, Mapping[str, Any]]], year: int, rules: Rules, day: dt.date, *,
              area: str | None = None, level: str | None = None, mode: str = "commune") -> YearSummary:
    """The year's results of the models and exemplars among `cases` ((ID, `case_facts`)
    pairs), as of `day`, restricted to an area (`matches_area`) and a level when given."""
    rated, not_rated, events, exemplars, groups, n = [], [], [], [], set(), 0
    for case_id, facts in sorted(cases, key=lambda c: c[0]):
        if not matches_area(facts.get("area"), area, mode):
            if facts["kind"] != EXEMPLAR:
                groups.add(area_group(facts.get("area"), mode))
            continue
        if facts["kind"] == EXEMPLAR:
            exemplars.extend(exemplar_events(case_id, facts, year))
            continue
        groups.add(area_group(facts.get("area"), mode))
        if level and facts["level"] != level:
            continue
        events.extend(model_events(case_id, facts, year))
        if not considered(facts, year):
            continue
        n += 1
        row = rated_model(case_id, facts, year, mode)
        if row is not None:
            rated.append(row)
            continue
        why, first = why_not_rated(facts, year, rules, day)
        proposed = (facts["years"].get(str(year)) or {}).get("proposed")
        not_rated.append(NotRated(case_id, facts["name"], area_group(facts.get("area"), mode), facts["level"], why,
                                  first, proposed))
    start, end = evaluation_period(year)
    rows = tuple(rated)
    return YearSummary(year, start, end, day, n, rows, tuple(not_rated),
                       tuple(sorted(events, key=lambda e: (e.date or dt.date.min, e.id))), tuple(exemplars),
                       count(rows), grouped(rows, "group"), grouped(rows, "level"),
                       tuple(sorted(groups, key=name_key)))
