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

from antt_cli.domain.dates import evaluation_period, evaluation_year_of
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


def _active_days(launched: dt.date, start: dt.date, end: dt.date, day: dt.date) -> int:
    first = max(launched, start)
    last = min(end, day)
    return (last - first).days + 1 if last >= first else 0


def dossier_items(case: Case, day: dt.date, reg: Registry, rules: Rules,
                  rated_year: int | None = None) -> tuple[Item, ...]:
    """Items 1–16 of `case` as of `day` (docs/rules.md "Dossier completeness"); an exemplar's
    items 1–5 (§V.2) come from `domain/exemplars.py`."""
    if case.kind == "exemplar":
        from antt_cli.domain.exemplars import exemplar_items

        return tuple(exemplar_items(case, reg, day, rules.exemplar_evaluation_months))
    proposal_kind = reg.rating_kind(PROPOSAL)
    decision_kind = reg.rating_kind(DECISION)
    rating_kinds = {k.name for k in (proposal_kind, decision_kind, reg.rating_kind(SUBMISSION)) if k}

    def records(kind: str) -> list[Record]:
        found = [r for r in case.records_of(kind) if _counts(r) and (r.date is None or r.date <= day)]
        if rated_year is not None and kind in rating_kinds:
            found = [r for r in found if r.year != rated_year]
        return found

    proposals = {r.year for r in records(proposal_kind.name)} if proposal_kind else set()
    rated = sorted(y for y in proposals | ({rated_year} if rated_year is not None else set()) if y is not None)
    launched = launch_date(case, reg)
    year_now = evaluation_year_of(day)
    opened_year = evaluation_year_of(case.opened) if case.opened else None

    required: dict[int, list[str]] = {n: [] for n in ITEM_TITLES}
    present: dict[int, bool] = {n: False for n in ITEM_TITLES}
    applies: dict[int, bool] = {n: False for n in ITEM_TITLES}
    for k in reg.of_case(case.kind):
        if k.item not in ITEM_TITLES or not k.applies(case.linked):
            continue
        applies[k.item] = True
        if records(k.name):
            present[k.item] = True
        if k.optional or k.item in (PLAN_ITEM, REPORT_ITEM, EVIDENCE_ITEM, RATING_ITEM, REVIEW_ITEM):
            continue
        if k.step <= 5 and _step_passed(case, k, reg) and not records(k.name):
            required[k.item].append(k.name)
        elif k.step > 6 and case.status in ("closing", "closed") and not records(k.name):
            required[k.item].append(k.name)

    due_any: dict[int, bool] = {n: False for n in ITEM_TITLES}
    # (9) plans: the first (a build kind), then every year active in, once due (§III.1.d).
    plan_years = set(case.plans)
    plan_kind = next((k for k in reg.of_case(case.kind) if k.item == PLAN_ITEM), None)
    if plan_kind and _step_passed(case, plan_kind, reg):
        due_any[PLAN_ITEM] = True
        if not plan_years:
            required[PLAN_ITEM].append(plan_kind.name)
    if case.status == "active" and launched and plan_kind:
        first = min(plan_years) if plan_years else evaluation_year_of(launched)
        if opened_year is not None:
            first = max(first, opened_year)
        for y in range(first, year_now + 2):
            if day >= plan_due(y, rules):
                due_any[PLAN_ITEM] = True
                if y not in plan_years:
                    required[PLAN_ITEM].append(f"{plan_kind.name} {y}")

    # (10) reports owed: 6-month and annual of each year active ≥ N days of, once due.
    report_kinds = [k for k in reg.of_case(case.kind) if k.item == REPORT_ITEM]
    if launched and report_kinds and case.status != "building":
        reports = {(r.year, str(r.fields.get("period"))) for k in report_kinds for r in records(k.name)}
        annual = {y for y, p in reports if p == "annual"} | proposals
        first = evaluation_year_of(launched)
        if opened_year is not None:
            first = max(first, opened_year)
        name = report_kinds[0].name
        for y in range(first, year_now + 1):
            start, end = evaluation_period(y)
            half_end = month_day("04-30", y)
            if day >= six_month_due(y, rules) and \
                    _active_days(launched, start, half_end, day) >= rules.report_min_active_days:
                due_any[REPORT_ITEM] = True
                if (y, "6-month") not in reports:
                    required[REPORT_ITEM].append(f"{name} 6-month {y}")
            if y == rated_year:
                continue  # the proposal being judged is this year's annual report
            if day >= deadline(y, PROPOSAL, rules) and \
                    _active_days(launched, start, end, day) >= rules.report_min_active_days:
                due_any[REPORT_ITEM] = True
                if y not in annual:
                    required[REPORT_ITEM].append(f"{name} annual {y}")

    # (11) evidence dated in each rated year.
    evidence_kind = next((k for k in reg.of_case(case.kind) if k.item == EVIDENCE_ITEM), None)
    if evidence_kind:
        evidence = records(evidence_kind.name)
        for y in rated:
            due_any[EVIDENCE_ITEM] = True
            start, end = evaluation_period(y)
            if not any(r.date and start <= r.date <= end for r in evidence):
                required[EVIDENCE_ITEM].append(f"{evidence_kind.name} {y}")

    # (13) the decision of each proposed year, once its deadline has passed.
    if decision_kind:
        decided = {r.year for r in records(decision_kind.name)}
        for y in sorted(y for y in proposals if y is not None):
            if day >= deadline(y, DECISION, rules):
                due_any[RATING_ITEM] = True
                if y not in decided:
                    required[RATING_ITEM].append(f"{decision_kind.name} {y}")

    items = []
    for no, title in ITEM_TITLES.items():
        warning = False
        if not applies[no] and not present[no]:
            state = NA
        elif required[no]:
            state = MISSING
        elif no in OPTIONAL_ITEMS:
            state = PRESENT if present[no] else NA
        elif present[no]:
            state = PRESENT
        elif no == REVIEW_ITEM:
            state = NOT_DUE
            # docs/rules.md: no date, but a completed rated year without a review is worth a word.
            warning = any(day > evaluation_period(y)[1] for y in rated)
        elif no in (PLAN_ITEM, REPORT_ITEM, EVIDENCE_ITEM, RATING_ITEM) and due_any[no]:
            state = PRESENT
        else:
            state = NOT_DUE
        items.append(Item(no, title, state, tuple(required[no]), warning))
    return tuple(items)


def complete(items: tuple[Item, ...]) -> bool:
    """No required item missing."""
    return all(i.state != MISSING for i in items)


def anything_present(items: tuple[Item, ...]) -> bool:
    """§III.2.b (4) "Hồ sơ mô hình không có": not a single item present."""
    return any(i.state == PRESENT for i in items)
