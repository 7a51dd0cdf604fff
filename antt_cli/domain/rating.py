"""The yearly rating of a model (xếp loại mô hình) — HD 163 §III.2, docs/rules.md "Rating".

- §III.2.a: who may be rated (an establishment decision, at least 10 full months of activity
  by the end of the evaluation year, counted as the Civil Code counts months);
- §III.2.b: the criteria of the grades Tốt, Khá, Trung bình as data (`CRITERIA`), the Yếu
  triggers (`TRIGGERS`), the case's own criteria (*Lưu ý*), the grade and why the next grade
  up was missed;
- §III.2.c: the evaluation period, the two steps (the steering committee's proposal, the
  authority's decision) and the submission, with their deadlines.

Pure functions: the case, the registry of kinds (which kind plays which part: the specs'
`rating:` key), the rules of `antt.yaml` and today's date are parameters."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

from antt_cli.domain import vocab
from antt_cli.domain.dates import add_months, evaluation_period, evaluation_year_of
from antt_cli.domain.kindspec import Registry
from antt_cli.domain.model import Case, Criterion, Record
from antt_cli.domain.plans import completion_of
from antt_cli.domain.interpretations import Rules, month_day
from antt_cli.errors import AnttError

# Grades as slugs (data, JSON) from the best down, and their Vietnamese names (documents).
GRADES = vocab.GRADES
TOT, KHA, TB, YEU = GRADES
RATED = (TOT, KHA, TB)          # the grades that have criteria; Yếu is what is left
GRADE_TITLES = {TOT: "Tốt", KHA: "Khá", TB: "Trung bình", YEU: "Yếu"}

# Where a criterion's value came from (shown beside it).
GIVEN, ASKED, DEFAULT, COMPUTED = "given", "asked", "default", "computed"

# The parts a kind may play in the rating (its spec's `rating:` key).
PROPOSAL, DECISION, SUBMISSION = "propose", "decide", "submit"
STEPS = (PROPOSAL, DECISION, SUBMISSION)
# Each step's key under `rules: deadlines` of antt.yaml (docs/interpretations.md).
DEADLINE_KEYS = {PROPOSAL: "proposal", DECISION: "decision", SUBMISSION: "submission"}


@dataclass(frozen=True)
class CriterionRule:
    """One row of the criteria table: its key, its wording in the guideline, the grades it is
    required for, and whether antt computes it (completion, dossier) or an officer answers it."""

    key: str
    text: str
    grades: frozenset[str]
    computed: bool = False


_ALL = frozenset(RATED)
_UPPER = frozenset((TOT, KHA))
# §III.2.b (1)–(3). Where the guideline words a criterion more weakly for Trung bình there
# are two keys, the basic one and the strong one (docs/rules.md).
CRITERIA: tuple[CriterionRule, ...] = (
    CriterionRule("direction", "Công tác chỉ đạo, điều hành hoạt động của mô hình được quan tâm", _ALL),
    CriterionRule("resources", "Tạo điều kiện về nguồn lực kinh phí, lực lượng, phương tiện", _UPPER),
    CriterionRule("completion", "Hoàn thành chỉ tiêu đề ra trong kế hoạch hoạt động của mô hình trong năm",
                  _ALL, computed=True),
    CriterionRule("per-plan", "Mô hình hoạt động theo quy chế, kế hoạch hoạt động hằng năm", _ALL),
    CriterionRule("support", "Có sự tham gia của các ngành, tổ chức, đoàn thể và quần chúng nhân dân", _ALL),
    CriterionRule("support-broad", "Thu hút được sự đồng tình, ủng hộ, đông đảo quần chúng nhân dân tham gia; "
                  "tạo được chuyển biến tích cực về nhận thức, ý thức chấp hành pháp luật", _UPPER),
    CriterionRule("socialized", "Thu hút được các nguồn lực xã hội hóa", frozenset((TOT,))),
    CriterionRule("members", "Thành viên thực hiện nghiêm túc quy chế hoạt động, quy chế phối hợp, "
                  "hoàn thành nhiệm vụ", _ALL),
    CriterionRule("members-excellent", "Thành viên hoàn thành tốt nhiệm vụ theo đúng chức năng, phạm vi, "
                  "thẩm quyền", _UPPER),
    CriterionRule("reporting", "Công tác thông tin báo cáo đúng quy định", _ALL),
    CriterionRule("reporting-timely", "Công tác thông tin báo cáo kịp thời", _UPPER),
    CriterionRule("dossier", "Hồ sơ lập, lưu trữ đầy đủ tài liệu, sắp xếp khoa học", _ALL, computed=True),
)
CRITERIA_BY_KEY: Mapping[str, CriterionRule] = {c.key: c for c in CRITERIA}

# §III.2.b (4): facts that make a model Yếu whatever else holds. The officer answers these
# three; `direction` not met, completion below the Trung bình threshold and no dossier at all
# are the computed ones (`yeu_triggers`).
TRIGGERS: Mapping[str, str] = {
    "formalistic": "Mô hình hoạt động không đúng quy chế, kế hoạch đề ra; mang tính hình thức",
    "misconduct": "Thành viên hoạt động cầm chừng, thiếu trách nhiệm hoặc bị xử lý kỷ luật, vi phạm pháp luật",
    "untruthful": "Thông tin báo cáo không trung thực",
}
COMPUTED_TRIGGERS: Mapping[str, str] = {
    "no-direction": "Công tác chỉ đạo, điều hành hoạt động của mô hình chưa được quan tâm thường xuyên",
    "low-completion": "Hoàn thành dưới {threshold} chỉ tiêu đề ra trong kế hoạch hoạt động năm",
    "no-dossier": "Hồ sơ mô hình không có",
}
# The grade a case-specific criterion is required from (its `grade`) → the grades it joins.
_FROM = {TOT: frozenset((TOT,)), KHA: _UPPER, TB: _ALL}


def specific_rules(case: Case) -> tuple[CriterionRule, ...]:
    """The case's own criteria (§III.2.b *Lưu ý*) as rows of the table."""
    return tuple(CriterionRule(c.key, c.text, _FROM.get(c.grade or TB, _ALL)) for c in case.criteria)


def answerable_keys(case: Case) -> tuple[str, ...]:
    """The keys an officer answers (`--criterion KEY=yes|no`): the table's non-computed
    criteria, the case's own, then the Yếu triggers (docs/commands.md, criterion keys)."""
    return (tuple(c.key for c in CRITERIA if not c.computed) + tuple(c.key for c in case.criteria)
            + tuple(TRIGGERS))


# ---------------------------------------------------------------- §III.2.a eligibility

def first_eligible_year(decided: dt.date, rules: Rules) -> int:
    """The first evaluation year at whose end (31/10) the model has run `eligible_months`
    full months since its establishment decision (Civil Code Điều 147–148: the period ends on
    the corresponding day of the last month; a decision of 31/12/Y−1 reaches 31/10/Y)."""
    return evaluation_year_of(add_months(decided, rules.eligible_months))


def establishment(case: Case, reg: Registry) -> Record | None:
    """The establishment decision: the first step-4 decision that sets the authority and whose
    spec orders first (§III.2.a "Mô hình do cấp có thẩm quyền quyết định thành lập")."""
    kinds = reg.authority_decisions()
    return case.latest(kinds[0]) if kinds else None


def check_eligible(case: Case, year: int, reg: Registry, rules: Rules) -> None:
    """Refuse (AnttError) a model that may not be rated for evaluation year `year`, with the
    reason and the first year it may be."""
    decision = establishment(case, reg)
    if decision is None or decision.date is None:
        raise AnttError("domain.rating.no_establishment", id=case.id)
    first = first_eligible_year(decision.date, rules)
    if year < first:
        raise AnttError("domain.rating.too_early", id=case.id, year=year, date=decision.date,
                        months=rules.eligible_months, first=first)


def check_ratable(case: Case) -> None:
    """§III.3 / docs/rules.md: a model being closed, or closed, is no longer rated."""
    if case.status in ("closing", "closed"):
        raise AnttError("domain.rating.closing", id=case.id, status=case.status)


# ---------------------------------------------------------------- §III.2.b the grade

@dataclass(frozen=True)
class CriterionState:
    """One criterion as judged: met or not, where the value came from, and the grades it is
    required for."""

    key: str
    text: str
    met: bool
    source: str
    grades: tuple[str, ...]
    specific: bool = False


@dataclass(frozen=True)
class Missed:
    """Why a grade was missed: a criterion not met, the completion below its threshold, or a
    Yếu trigger present."""

    key: str
    text: str
    value: float | None = None       # completion
    threshold: float | None = None


@dataclass(frozen=True)
class Assessment:
    year: int
    grade: str
    completion: float
    criteria: tuple[CriterionState, ...]
    triggers: tuple[CriterionState, ...]   # the answered Yếu triggers (met = present)
    yeu_reasons: tuple[Missed, ...]        # the triggers that force Yếu, computed ones included
    missed: tuple[Missed, ...]             # why the next grade up was missed (empty for Tốt)
    next_grade: str | None


def completion_for(case: Case, year: int, rules: Rules) -> float:
    """The completion of the plan of evaluation year `year` (§4, `rules: completion`); a
    missing plan or a plan without targets cannot be rated (clear error)."""
    plan = case.plan(year)
    if plan is None:
        raise AnttError("domain.rating.no_plan", id=case.id, year=year)
    value = completion_of(plan.targets, rules.completion)
    if value is None:
        raise AnttError("domain.rating.no_targets", id=case.id, year=year)
    return value


def percent_text(value: float) -> str:
    """88.888… → '88,9 %' (one decimal, Vietnamese decimal comma; the comparison is made
    before rounding, docs/rules.md)."""
    shown = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{shown:f}".replace(".", ",")
    return f"{text} %"


def threshold_text(value: float) -> str:
    return f"{Decimal(repr(float(value))).normalize():f}".replace(".", ",") + " %"


def assess(case: Case, year: int, answers: Mapping[str, tuple[bool, str]], *, completion: float,
           dossier_complete: bool, dossier_any: bool, rules: Rules) -> Assessment:
    """The grade of evaluation year `year` (§III.2.b). `answers`: key → (value, source) of the
    answered criteria and triggers (a trigger's value True = present); an answerable key not
    in it counts as not met, a trigger as absent (source `default`)."""
    rows = (*CRITERIA, *specific_rules(case))
    states: list[CriterionState] = []
    for rule in rows:
        if rule.key == "completion":
            met, source = completion >= rules.thresholds[TB], COMPUTED
        elif rule.key == "dossier":
            met, source = dossier_complete, COMPUTED
        else:
            met, source = answers.get(rule.key, (False, DEFAULT))
        states.append(CriterionState(rule.key, rule.text, bool(met), source,
                                     tuple(g for g in RATED if g in rule.grades),
                                     specific=rule not in CRITERIA))
    triggers = tuple(CriterionState(key, text, bool(answers.get(key, (False, DEFAULT))[0]),
                                    answers.get(key, (False, DEFAULT))[1], (YEU,))
                     for key, text in TRIGGERS.items())
    by_key = {s.key: s for s in states}
    yeu: list[Missed] = []
    if not by_key["direction"].met:
        yeu.append(Missed("no-direction", COMPUTED_TRIGGERS["no-direction"]))
    yeu.extend(Missed(t.key, t.text) for t in triggers if t.met)
    if completion < rules.thresholds[TB]:
        yeu.append(Missed("low-completion", COMPUTED_TRIGGERS["low-completion"].format(
            threshold=threshold_text(rules.thresholds[TB])), completion, rules.thresholds[TB]))
    if not dossier_any:
        yeu.append(Missed("no-dossier", COMPUTED_TRIGGERS["no-dossier"]))

    def missing_for(grade: str) -> list[Missed]:
        out = []
        for s in states:
            if grade not in s.grades:
                continue
            if s.key == "completion":
                if completion < rules.thresholds[grade]:
                    out.append(Missed("completion", s.text, completion, rules.thresholds[grade]))
            elif not s.met:
                out.append(Missed(s.key, s.text))
        return out

    grade = YEU
    if not yeu:
        grade = next((g for g in RATED if not missing_for(g)), YEU)
    next_grade = None if grade == TOT else GRADES[GRADES.index(grade) - 1]
    missed: list[Missed] = []
    if next_grade is not None:
        missed = missing_for(next_grade)
        if grade == YEU:
            # the triggers first; a criterion a trigger already says is not repeated
            said = {"direction" if y.key == "no-direction" else "completion" if y.key == "low-completion"
                    else y.key for y in yeu}
            missed = yeu + [m for m in missed if m.key not in said]
    return Assessment(year, grade, completion, tuple(states), triggers, tuple(yeu), tuple(missed), next_grade)


def missed_text(m: Missed) -> str:
    """A line of the explanation: the criterion's text, or 'hoàn thành 88,9 % < 90 %'."""
    if m.value is not None and m.threshold is not None:
        return f"{m.text}: {percent_text(m.value)} < {threshold_text(m.threshold)}"
    return m.text


# ---------------------------------------------------------------- §III.2.c steps, deadlines

def counts(record: Record) -> bool:
    """A record that still counts: not withdrawn, not superseded by a forced redo."""
    return not record.extra.get("withdrawn") and not record.extra.get("superseded")


def step_records(case: Case, year: int, step: str, reg: Registry) -> list[Record]:
    """The counting records of one rating step for evaluation year `year`, oldest first."""
    k = reg.rating_kind(step)
    if k is None:
        return []
    return [r for r in case.records_of(k.name) if r.year == year and counts(r)]


def step_record(case: Case, year: int, step: str, reg: Registry) -> Record | None:
    found = step_records(case, year, step, reg)
    return found[-1] if found else None


def decided_grade(case: Case, year: int, reg: Registry) -> str | None:
    """The grade the authority decided for evaluation year `year` (None before its decision)."""
    record = step_record(case, year, DECISION, reg)
    return record.field("grade") if record is not None else None


def proposed_grade(case: Case, year: int, reg: Registry) -> str | None:
    """The grade the steering committee proposed for `year` (None before its proposal)."""
    record = step_record(case, year, PROPOSAL, reg)
    return record.field("grade") if record is not None else None


def rated_years(case: Case, reg: Registry) -> list[int]:
    """Every evaluation year with a counting proposal or decision, oldest first."""
    years = {r.year for step in (PROPOSAL, DECISION) if (k := reg.rating_kind(step)) is not None
             for r in case.records_of(k.name) if r.year is not None and counts(r)}
    return sorted(int(y) for y in years)


def latest_decided_grade(case: Case, reg: Registry) -> str | None:
    """The decided grade of the latest year that has a decision (what replication and
    closure look at, §III.3), else None."""
    for year in reversed(rated_years(case, reg)):
        grade = decided_grade(case, year, reg)
        if grade:
            return grade
    return None


@dataclass(frozen=True)
class YearRating:
    """One evaluation year of a model's rating history (`antt status ID`)."""

    year: int
    proposed: str | None
    decided: str | None
    submitted: bool
    late: tuple[str, ...]       # the steps recorded after their deadline
    redone: int                 # records superseded by a forced redo


def rating_history(case: Case, reg: Registry) -> list[YearRating]:
    """Every rated year, oldest first: proposed and decided grades, submission, late steps."""
    out = []
    for year in rated_years(case, reg):
        records = {step: step_record(case, year, step, reg) for step in STEPS}
        superseded = sum(1 for step in STEPS if (k := reg.rating_kind(step)) is not None
                         for r in case.records_of(k.name) if r.year == year and r.extra.get("superseded"))
        out.append(YearRating(
            year, records[PROPOSAL].field("grade") if records[PROPOSAL] else None,
            records[DECISION].field("grade") if records[DECISION] else None, records[SUBMISSION] is not None,
            tuple(step for step, r in records.items() if r is not None and r.extra.get("late")), superseded))
    return out


def deadline(year: int, step: str, rules: Rules) -> dt.date:
    """The guideline's date of a step ("trước ngày 05/11", 10/11, 15/11 of year Y): the step
    is due strictly before it (docs/interpretations.md)."""
    return month_day(rules.deadlines[DEADLINE_KEYS[step]], year)


def last_good_day(year: int, step: str, rules: Rules) -> dt.date:
    return deadline(year, step, rules) - dt.timedelta(days=1)


def is_late(day: dt.date, year: int, step: str, rules: Rules) -> bool:
    """Each step is late against its own deadline (docs/rules.md)."""
    return day >= deadline(year, step, rules)


def check_proposal_date(case: Case, year: int, day: dt.date) -> None:
    """A proposal reports on a year that has begun: dated on or after 01/11/Y−1."""
    start, _ = evaluation_period(year)
    if day < start:
        raise AnttError("domain.rating.before_period", year=year, date=day,
                        start=start)


def check_grade_choice(grade: str) -> None:
    if grade not in GRADES:
        raise AnttError("domain.rating.bad_grade", grade=grade, grades=", ".join(GRADES))


def criterion_problem(case: Case, key: str) -> None:
    """A case-specific criterion's key must be new and not one of the table's or a trigger."""
    taken = set(CRITERIA_BY_KEY) | set(TRIGGERS) | set(COMPUTED_TRIGGERS) | {c.key for c in case.criteria}
    if key in taken:
        raise AnttError("domain.rating.criterion_exists", key=key, id=case.id)


def with_criterion(case: Case, criterion: Criterion) -> Case:
    """The case with one more criterion of its own (§III.2.b *Lưu ý*)."""
    criterion_problem(case, criterion.key)
    new = case.copy()
    new.criteria = (*case.criteria, criterion)
    return new
