"""The dossier of a model, item by item — HD 163 §V.1 (items 1–16), docs/rules.md "Dossier
completeness": which items are required at the case's stage on a given day, and whether each
is present.

A pure function of the case, the registry of kinds, the rules and the day judged. A kind
belongs to the item its spec names (`item:`); what is required when:

- the build kinds (steps 1–5) once their step has passed (the case is past that step, or
  active); optional ones ("nếu có") never;
- (9) the plan of every evaluation year the model is active in, once due (§III.1.d);
- (10) every periodic report owed (§III.1.đ): the 6-month report and the annual report of
  each year the model was active at least `report_min_active_days` of, once due — the
  annual report is the rating proposal (either one satisfies both, docs/rules.md);
- (11) for every rated year at least one `evidence` record dated in that evaluation year;
- (13) for every year with a rating proposal, the authority's decision once its deadline
  has passed;
- (12), (14) "nếu có": present when recorded, else n/a; (15) present or not-due, with a
  warning once a rated year is complete without a review;
- (16) the parts whose step has passed (the consultation; a linked model's member
  agreement), and the kinds of a later stage (closure) once the case is closing or closed.

`rated_year` (the `dossier` criterion of §III.2.b) counts that year as rated — its evidence
required — while its own rating documents are left out: the dossier is judged as the
proposal finds it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from antt_cli.domain.dates import JudgedDay, evaluation_period, evaluation_year_of
from antt_cli.domain.deadlines import plan_due, six_month_due
from antt_cli.domain.digest import launch_date
from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.lifecycle import current_step
from antt_cli.domain.model import Case, Record
from antt_cli.domain.rating import DECISION, PROPOSAL, SUBMISSION, deadline
from antt_cli.domain.interpretations import Rules, month_day

PRESENT, MISSING, NOT_DUE, NA = "present", "missing", "not-due", "n/a"
STATES = (PRESENT, MISSING, NOT_DUE, NA)

# §V.1: the titles of the model dossier's items, in the guideline's words.
ITEM_TITLES: Mapping[int, str] = {
    1: "Kế hoạch khảo sát",
    2: "Báo cáo kết quả khảo sát",
    3: "Báo cáo đề xuất xây dựng mô hình",
    4: "Chủ trương của cấp ủy về xây dựng mô hình",
    5: "Văn bản triển khai thực hiện",
    6: "Quyết định thành lập mô hình; Ban Chỉ đạo xây dựng mô hình; danh sách thành viên mô hình",
    7: "Quy chế hoạt động của Ban Chỉ đạo; quy chế hoạt động mô hình; quy chế phối hợp (đối với mô hình liên kết)",
    8: "Các văn bản liên quan đến việc tổ chức ra mắt mô hình; tổ chức làm điểm (nếu có)",
    9: "Kế hoạch hoạt động của mô hình hằng năm",
    10: "Báo cáo kết quả hoạt động định kỳ, đột xuất",
    11: "Tài liệu chứng minh hiệu quả hoạt động của mô hình",
    12: "Sổ theo dõi thu, chi quỹ (nếu có)",
    13: "Văn bản đề xuất, quyết định công nhận mức xếp loại mô hình hằng năm; quyết định khen thưởng của "
        "các cấp có thẩm quyền (nếu có)",
    14: "Các quyết định kiện toàn Ban Chỉ đạo, sửa đổi quy chế, bổ sung danh sách thành viên (nếu có)",
    15: "Kế hoạch, báo cáo sơ kết, tổng kết mô hình",
    16: "Các văn bản, tài liệu liên quan đến việc xây dựng, nhân rộng hoặc kết thúc mô hình (nếu có)",
}
# The items whose required parts come from the yearly obligations below, not from the step.
PLAN_ITEM, REPORT_ITEM, EVIDENCE_ITEM, RATING_ITEM, REVIEW_ITEM = 9, 10, 11, 13, 15
OPTIONAL_ITEMS = (12, 14)   # "nếu có"


@dataclass(frozen=True)
class Item:
    """One dossier item as judged on a day: its number, title, state, and what is missing
    (kinds, or `kind year` for a yearly obligation)."""

    no: int
    title: str
    state: str
    missing: tuple[str, ...] = ()
    warning: bool = False


def _counts(record: Record) -> bool:
    return not record.extra.get("withdrawn") and not record.extra.get("superseded")


def _step_passed(case: Case, k: KindSpec, reg: Registry) -> bool:
    return case.status != "building" or current_step(case, reg) > k.step


@dataclass(frozen=True)
class _Judged:
    """What every item's rule reads: the case as the dossier is judged on the day `at` —
    records dated after it, withdrawn or superseded ones do not count, nor the rating
    documents of `rated_year` (module docstring). The day is asked only through `at`, which
    keeps until when its answers hold (domain/dates.py `JudgedDay`)."""

    case: Case
    at: JudgedDay
    reg: Registry
    rules: Rules
    rated_year: int | None
    rating_kinds: frozenset[str]
    launched: dt.date | None

    def records(self, kind: str) -> list[Record]:
        found = [r for r in self.case.records_of(kind) if _counts(r) and (r.date is None or self.at.reached(r.date))]
        if self.rated_year is not None and kind in self.rating_kinds:
            found = [r for r in found if r.year != self.rated_year]
        return found

    def kinds_of_item(self, no: int) -> list[KindSpec]:
        return [k for k in self.reg.of_case(self.case.kind) if k.item == no]

    @property
    def proposals(self) -> set[int | None]:
        kind = self.reg.rating_kind(PROPOSAL)
        return {r.year for r in self.records(kind.name)} if kind else set()

    @property
    def rated(self) -> list[int]:
        extra = {self.rated_year} if self.rated_year is not None else set()
        return sorted(y for y in self.proposals | extra if y is not None)

    @property
    def year_now(self) -> int:
        return self.at.evaluation_year()

    def first_year(self, first: int) -> int:
        """`first`, but never before the year the case was opened in antt."""
        if self.case.opened is None:
            return first
        return max(first, evaluation_year_of(self.case.opened))


# What a yearly item's rule finds: the parts missing, and whether any part was due yet.
_Owed = tuple[list[str], bool]


def _plans(j: _Judged) -> _Owed:
    """(9) §III.1.d: the first plan (a build kind), then the plan of every year the model is
    active in, once due."""
    kinds = j.kinds_of_item(PLAN_ITEM)
    if not kinds:
        return [], False
    kind, plan_years, missing, due = kinds[0], set(j.case.plans), [], False
    if _step_passed(j.case, kind, j.reg):
        due = True
        if not plan_years:
            missing.append(kind.name)
    if j.case.status == "active" and j.launched:
        first = j.first_year(min(plan_years) if plan_years else evaluation_year_of(j.launched))
        for y in range(first, j.year_now + 2):
            if j.at.reached(plan_due(y, j.rules)):
                due = True
                if y not in plan_years:
                    missing.append(f"{kind.name} {y}")
    return missing, due


def _reports(j: _Judged) -> _Owed:
    """(10) §III.1.đ: the 6-month and the annual report of each year the model was active at
    least `report_min_active_days` of, once due; the rating proposal is the annual report."""
    kinds = j.kinds_of_item(REPORT_ITEM)
    if not j.launched or not kinds or j.case.status == "building":
        return [], False
    reports = {(r.year, str(r.fields.get("period"))) for k in kinds for r in j.records(k.name)}
    annual = {y for y, p in reports if p == "annual"} | j.proposals
    name, missing, due = kinds[0].name, [], False
    enough = j.rules.report_min_active_days
    since = max(j.launched, j.case.opened) if j.case.opened else j.launched   # SPEC §3: an adopted model
    for y in range(j.first_year(evaluation_year_of(j.launched)), j.year_now + 1):
        start, end = evaluation_period(y)
        if j.at.reached(six_month_due(y, j.rules)) and \
                j.at.active_days_reach(max(since, start), month_day("04-30", y), enough):
            due = True
            if (y, "6-month") not in reports:
                missing.append(f"{name} 6-month {y}")
        if y == j.rated_year:
            continue  # the proposal being judged is this year's annual report
        if j.at.reached(deadline(y, PROPOSAL, j.rules)) and j.at.active_days_reach(max(since, start), end, enough):
            due = True
            if y not in annual:
                missing.append(f"{name} annual {y}")
    return missing, due


def _evidence(j: _Judged) -> _Owed:
    """(11) §V.1: evidence dated in each rated evaluation year."""
    kinds = j.kinds_of_item(EVIDENCE_ITEM)
    if not kinds:
        return [], False
    evidence, missing = j.records(kinds[0].name), []
    for y in j.rated:
        start, end = evaluation_period(y)
        if j.case.opened and end < j.case.opened:
            continue  # SPEC §3: a year that ended before the case was adopted into antt
        if not any(r.date and start <= r.date <= end for r in evidence):
            missing.append(f"{kinds[0].name} {y}")
    return missing, bool(j.rated)


def _decisions(j: _Judged) -> _Owed:
    """(13) §III.2: the authority's decision on each proposed year, once its deadline passed."""
    kind = j.reg.rating_kind(DECISION)
    if not kind:
        return [], False
    decided, missing, due = {r.year for r in j.records(kind.name)}, [], False
    for y in sorted(y for y in j.proposals if y is not None):
        if j.at.reached(deadline(y, DECISION, j.rules)):
            due = True
            if y not in decided:
                missing.append(f"{kind.name} {y}")
    return missing, due


# The items whose required parts are yearly obligations, each by its rule (module docstring);
# (15) has none: it is judged in `_state`.
_YEARLY = {PLAN_ITEM: _plans, REPORT_ITEM: _reports, EVIDENCE_ITEM: _evidence, RATING_ITEM: _decisions}


def _by_step(j: _Judged) -> tuple[dict[int, list[str]], set[int], set[int]]:
    """The kinds required by the case's stage (build steps 1–5 once passed; the later stage's
    kinds once closing or closed), and the items that apply and that are present."""
    required: dict[int, list[str]] = {n: [] for n in ITEM_TITLES}
    applies, present = set(), set()
    for k in j.reg.of_case(j.case.kind):
        if k.item not in ITEM_TITLES or not k.applies(j.case.linked):
            continue
        applies.add(k.item)
        recorded = bool(j.records(k.name))
        if recorded:
            present.add(k.item)
        if recorded or k.optional or k.item in _YEARLY or k.item == REVIEW_ITEM:
            continue
        if k.step <= 5 and _step_passed(j.case, k, j.reg):
            required[k.item].append(k.name)
        elif k.step > 6 and j.case.status in ("closing", "closed"):
            required[k.item].append(k.name)
    return required, applies, present


def _state(j: _Judged, no: int, applies: bool, present: bool, missing: list[str], due: bool) -> Item:
    """One item's state from what applies, is present, is missing and was due."""
    warning = False
    if not applies and not present:
        state = NA
    elif missing:
        state = MISSING
    elif no in OPTIONAL_ITEMS:
        state = PRESENT if present else NA
    elif present:
        state = PRESENT
    elif no == REVIEW_ITEM:
        state = NOT_DUE
        # docs/rules.md: no date, but a completed rated year without a review is worth a word.
        warning = any(j.at.after(evaluation_period(y)[1]) for y in j.rated)
    elif no in _YEARLY and due:
        state = PRESENT
    else:
        state = NOT_DUE
    return Item(no, ITEM_TITLES[no], state, tuple(missing), warning)


def dossier_items(case: Case, day: dt.date, reg: Registry, rules: Rules,
                  rated_year: int | None = None) -> tuple[Item, ...]:
    """Items 1–16 of `case` as of `day` (docs/rules.md "Dossier completeness"); an exemplar's
    items 1–5 (§V.2) come from `domain/exemplars.py`."""
    return judged_items(case, JudgedDay(day), reg, rules, rated_year)


def judged_items(case: Case, at: JudgedDay, reg: Registry, rules: Rules,
                 rated_year: int | None = None) -> tuple[Item, ...]:
    """`dossier_items` as of the day `at`, which is left knowing until when they hold (the
    check cache keeps them that long: domain/dates.py `JudgedDay`)."""
    if case.kind == "exemplar":
        from antt_cli.domain.exemplars import judged_exemplar_items

        return tuple(judged_exemplar_items(case, reg, at, rules.exemplar_evaluation_months))
    rating_kinds = frozenset(k.name for k in map(reg.rating_kind, (PROPOSAL, DECISION, SUBMISSION)) if k)
    j = _Judged(case, at, reg, rules, rated_year, rating_kinds, launch_date(case, reg))
    required, applies, present = _by_step(j)
    items = []
    for no in ITEM_TITLES:
        missing, due = _YEARLY[no](j) if no in _YEARLY else (required[no], False)
        items.append(_state(j, no, no in applies, no in present, missing, due))
    return tuple(items)


def complete(items: tuple[Item, ...]) -> bool:
    """No required item missing."""
    return all(i.state != MISSING for i in items)


def anything_present(items: tuple[Item, ...]) -> bool:
    """§III.2.b (4) "Hồ sơ mô hình không có": not a single item present."""
    return any(i.state == PRESENT for i in items)
