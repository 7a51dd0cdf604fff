"""The exemplar (điển hình tiên tiến) rules — HD 163 §IV, §V.2 — as data and small pure
functions: the five general criteria, the outcome of an evaluation (recognise or end), the
yearly reassessment's 70 % rule, the one-year clock of the building plan and the dossier
items 1–5. Nothing here reads files or the clock: `today` is a parameter.

A kind's role is read from its spec's effects (`start_building`, `recognize`, `end_exemplar`,
docs/kinds.md), never from its name."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from antt_cli.domain.dates import JudgedDay, add_months
from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import Case, Record
from antt_cli.errors import AnttError

EXEMPLAR = "exemplar"
RECOGNIZE, END = "recognize", "end"

# §IV.1 Bước 3 "Căn cứ tiêu chí chung": the five general criteria, in the guideline's order.
GENERAL_CRITERIA: tuple[tuple[str, str], ...] = (
    ("registered", "Có đăng ký xây dựng điển hình"),
    ("effective", "Kết quả hoạt động trong công tác bảo đảm an ninh, trật tự đạt hiệu quả cao"),
    ("acknowledged", "Được cấp ủy, chính quyền, Nhân dân ghi nhận, đánh giá cao trong các dịp sơ kết, "
                     "tổng kết"),
    ("commended", "Được khen thưởng trong năm xây dựng điển hình"),
    ("informative", "Cung cấp nhiều thông tin có giá trị hoặc tham gia có hiệu quả trong công tác bảo đảm "
                    "an ninh, trật tự hoặc xây dựng Phong trào Toàn dân bảo vệ an ninh Tổ quốc tại địa "
                    "phương, cơ sở"),
)
GENERAL_KEYS = tuple(key for key, _ in GENERAL_CRITERIA)

# The effects that mark a kind's role in the exemplar's lifecycle (docs/kinds.md).
STARTS_BUILDING, RECOGNIZES, ENDS = "start_building", "recognize", "end_exemplar"


@dataclass(frozen=True)
class Outcome:
    """What an evaluation or a reassessment proposes: `recognize` (keep) or `end`, each
    criterion met or not, the criteria missed, and the share met (percent, before rounding)."""

    outcome: str
    criteria: Mapping[str, bool]
    missed: tuple[str, ...]
    share: float
    unfit: bool = False


def criteria_keys(case: Case) -> tuple[str, ...]:
    """The exemplar's criteria: the general ones, then its specific ones (§IV.1 Bước 1)."""
    return GENERAL_KEYS + tuple(c.key for c in case.criteria)


def check_specific_criterion(case: Case, key: str) -> None:
    """§IV.1 Bước 1: a specific criterion is set before the exemplar is judged on its set (an
    evaluation already stands on it), and does not reuse a general criterion's key."""
    if key in GENERAL_KEYS:
        raise AnttError("domain.exemplar.general_key", key=key)
    if any(d.extra.get("outcome") for d in case.counted()):
        raise AnttError("domain.exemplar.criteria_after_evaluation", id=case.id)


def criterion_text(case: Case, key: str) -> str:
    for k, text in GENERAL_CRITERIA:
        if k == key:
            return text
    for c in case.criteria:
        if c.key == key:
            return c.text
    return key


def _share(results: Mapping[str, bool], keys: Sequence[str]) -> float:
    return 100.0 * sum(1 for k in keys if results.get(k)) / len(keys) if keys else 100.0


def recognition_outcome(results: Mapping[str, bool], specific: Sequence[str],
                        specific_share: float) -> Outcome:
    """§IV.1 Bước 3 (Interpretation, docs/interpretations.md): recognise only when every general
    criterion is met and the specific criteria met reach `specific_share` percent of them
    (100 = all; compared before rounding); otherwise propose ending. Every criterion missed
    is named."""
    keys = GENERAL_KEYS + tuple(specific)
    criteria = {k: bool(results.get(k)) for k in keys}
    missed = tuple(k for k in keys if not criteria[k])
    general_ok = all(criteria[k] for k in GENERAL_KEYS)
    specific_ok = _share(criteria, specific) >= specific_share
    outcome = RECOGNIZE if general_ok and specific_ok else END
    return Outcome(outcome, criteria, missed, _share(criteria, keys))


def reassessment_outcome(results: Mapping[str, bool], specific: Sequence[str], threshold: float,
                         unfit: bool = False) -> Outcome:
    """§IV.3 "hoàn thành dưới 70% các tiêu chí đã đặt ra hoặc … không còn phù hợp": propose
    ending when the share of all criteria met (general and specific) is below `threshold`
    percent, or when the work no longer fits (`unfit`); otherwise keep the recognition."""
    keys = GENERAL_KEYS + tuple(specific)
    criteria = {k: bool(results.get(k)) for k in keys}
    share = _share(criteria, keys)
    outcome = END if unfit or share < threshold else RECOGNIZE
    return Outcome(outcome, criteria, tuple(k for k in keys if not criteria[k]), share, unfit)


# ---------------------------------------------------------------- the one-year clock

def evaluation_last_day(plan_date: dt.date, months: int = 12) -> dt.date:
    """§IV.1 Bước 3 "Trong thời gian 01 năm tính từ ngày ban hành kế hoạch": the last good day
    of the evaluation, counted as the Civil Code counts months (Điều 147–148, docs/rules.md):
    the anniversary itself; a plan of 29/02 ends its year on 28/02."""
    return add_months(plan_date, months)


def _role_record(case: Case, reg: Registry, effect: str) -> Record | None:
    for d in case.counted():
        k = reg.get(d.kind)
        if k is not None and effect in k.effects:
            return d
    return None


def building_plan(case: Case, reg: Registry) -> Record | None:
    """The record that started the one-year clock (its kind's effect `start_building`)."""
    return _role_record(case, reg, STARTS_BUILDING)


def clock_of(case: Case, reg: Registry, months: int = 12) -> tuple[dt.date, dt.date] | None:
    """(start, last good day) of the exemplar's one-year clock, None before the building plan."""
    plan = building_plan(case, reg)
    if plan is None or plan.date is None:
        return None
    return plan.date, evaluation_last_day(plan.date, months)


def check_on_time(day: dt.date, last_day: dt.date, late: bool, reason: str | None) -> None:
    """An evaluation after the last good day is refused unless marked late with a reason; a
    `--late` on an evaluation that is on time is refused too (the record would lie)."""
    if day > last_day:
        if not late:
            raise AnttError("domain.exemplar.evaluation_late", date=day,
                            last=last_day)
        if not (reason or "").strip():
            raise AnttError("domain.exemplar.late_needs_reason")
    elif late:
        raise AnttError("domain.exemplar.not_late", date=day, last=last_day)


def latest_outcome(case: Case) -> Record | None:
    """The last evaluation or reassessment: the last record carrying a proposed outcome."""
    found = None
    for d in case.counted():
        if d.extra.get("outcome") in (RECOGNIZE, END):
            found = d
    return found


# The keys `digest_part` adds to every case digest (domain/digest.py), as a model has them.
DIGEST_DEFAULTS = {"exemplar_kind": None, "clock_start": None, "evaluation_kind": None, "recognized_on": None,
                   "reassessed": []}


def digest_part(case: Case, reg: Registry) -> dict:
    """What the status table and `due` need of an exemplar (domain/digest.py): collective or
    individual, the start of the one-year clock (its length is a rule of antt.yaml, applied
    by the reader) and the kind that answers it, the year it was recognized,
    the years reassessed (None and [] for a model: every digest has the same keys)."""
    if case.kind != EXEMPLAR:
        return dict(DIGEST_DEFAULTS)
    plan = building_plan(case, reg)
    recognized = _role_record(case, reg, RECOGNIZES)
    evaluation = next((k for k in reg.of_case(case.kind) if k.command == "evaluate" and not k.repeatable), None)
    return {
        "exemplar_kind": case.extra.get("exemplar_kind"),
        "clock_start": plan.date if plan is not None else None,
        "evaluation_kind": evaluation.name if evaluation else None,
        "recognized_on": recognized.date if recognized else None,
        "reassessed": sorted({int(d.year) for d in case.counted()
                              if d.year is not None and d.extra.get("outcome") and reg.get(d.kind)
                              and reg[d.kind].repeatable}),
    }


# ---------------------------------------------------------------- dossier items (§V.2)

PRESENT, MISSING, NOT_DUE, NA = "present", "missing", "not-due", "n/a"
# §V.2: the five items of an exemplar's dossier.
ITEM_TITLES = {
    1: "Kết quả khảo sát địa bàn, lĩnh vực, đối tượng",
    2: "Bộ tiêu chí đối với điển hình",
    3: "Báo cáo, đề xuất xây dựng điển hình; Kế hoạch xây dựng, bồi dưỡng điển hình",
    4: "Báo cáo đánh giá kết quả hoạt động của điển hình",
    5: "Các văn bản về công nhận, kết thúc xây dựng điển hình; sơ kết, tổng kết, khen thưởng, nhân rộng",
}


@dataclass(frozen=True)
class Item:
    """As `domain/dossier_items.Item`: number, title, state, the kinds missing (CLI names)."""

    no: int
    title: str
    state: str
    missing: tuple[str, ...] = ()
    warning: bool = False


def _recorded(case: Case, kinds: Iterable[KindSpec]) -> bool:
    return all(case.records_of(k.name) for k in kinds)


def exemplar_items(case: Case, reg: Registry, today: dt.date, months: int = 12) -> list[Item]:
    """Items 1–5 of an exemplar as of `today` (`judged_exemplar_items`)."""
    return judged_exemplar_items(case, reg, JudgedDay(today), months)


def judged_exemplar_items(case: Case, reg: Registry, at: JudgedDay, months: int = 12) -> list[Item]:
    """SPEC §10 for an exemplar: items 1–2 required once a step-2 kind (the proposal) is
    recorded; 3 (proposal and building plan) once building; 4 (self-assessment and evaluation)
    once the evaluation is due — its last good day has passed — or done; 5 (the recognition or
    ending decision, and the notice of an ending) once the evaluation is recorded. Reviews,
    commendations and replications are "nếu có". Each part is a kind of the item that is not
    optional; a part that rests on an optional kind (the notice on the ending) is required only
    once that kind is recorded."""
    kinds = reg.of_case(EXEMPLAR)
    evaluation_kinds = [k for k in kinds if k.command == "evaluate" and not k.optional]
    evaluated = any(case.records_of(k.name) for k in evaluation_kinds)
    clock = clock_of(case, reg, months)
    required = {
        1: any(case.records_of(k.name) for k in kinds if k.step >= 2),
        2: any(case.records_of(k.name) for k in kinds if k.step >= 2),
        3: clock is not None,
        4: evaluated or (clock is not None and at.after(clock[1])),
        5: evaluated,
    }
    items = []
    for no, title in ITEM_TITLES.items():
        parts = [k for k in kinds if k.item == no and not k.optional
                 and all(reg[r].optional is False or case.records_of(r) for r in k.requires)]
        if no == 5:
            decided = any(case.records_of(k.name) for k in kinds
                          if RECOGNIZES in k.effects or ENDS in k.effects)
            done = decided and _recorded(case, parts)
            anything = any(case.records_of(k.name) for k in kinds if k.item == no)
        else:
            done = bool(parts) and _recorded(case, parts)
            anything = done
        missing: tuple[str, ...] = ()
        if done:
            state = PRESENT
        elif required[no]:
            state = MISSING
            missing = tuple(k.cli for k in parts if not case.records_of(k.name))
            if no == 5 and not missing:
                missing = tuple(k.cli for k in kinds if RECOGNIZES in k.effects or ENDS in k.effects)
        elif no == 5 and anything:
            state = PRESENT
        else:
            state = NOT_DUE
        items.append(Item(no, title, state, missing))
    return items
