"""The range of every number and date antt takes, typed or read from a file
(docs/reliability.md, "Bounded input"; docs/interpretations.md).

A target of a model's plan (HD 163 §III.1.d "chỉ tiêu phấn đấu") counts patrols, cases,
meetings, households or đồng: no real one reaches 10^12, and a few decimals are enough for a
rate. The documents of a model are dated in this century (HD 163 is of 2023; evaluation
years §III.2.c). Anything beyond is a typing slip or a hostile file (`1e400` is a 401-digit
integer, `9999-12-31` overflows the next year), refused before it reaches a rule."""
from __future__ import annotations

import datetime as dt
import math

MAX_NUMBER = 10 ** 12
MAX_DECIMALS = 4
MIN_YEAR, MAX_YEAR = 2000, 2099


def number_in_range(value: int | float) -> bool:
    """Finite and |value| ≤ MAX_NUMBER."""
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return abs(value) <= MAX_NUMBER


def year_in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def date_in_range(day: dt.date) -> bool:
    return year_in_range(day.year)


# -- Lengths of what the officer types (docs/rules.md "Lengths") -------------------------------
# A name (a model, an exemplar, an area, a field, a body, a person, a title, a target) is
# printed in a document's trích yếu, header or a table cell: the longest real one — "Mô hình
# liên kết bảo đảm an ninh, trật tự khu vực giáp ranh …" — is under 150 characters, and
# NĐ 30/2020 Phụ lục I wants a trích yếu that fits a few lines. A free text (a reason, a note,
# a summary, any `--set` value) is a paragraph. A code or a number (`QĐ-UBND`, `05/QĐ-UBND`)
# is a few letters. Anything longer is a paste gone wrong (a 6,000-character model name).
MAX_LENGTH = {"name": 200, "text": 2000, "code": 40}

# `--set` keys whose value is a name, not a paragraph (the proposal's final model name, the
# lead unit, the people and place of a meeting — printed in a header or one line).
NAME_FIELDS = frozenset({"name", "lead_unit", "chair", "chair_title", "secretary", "secretary_title",
                         "location", "time", "end"})


def length_sort(what: str, key: str | None = None) -> str:
    """The sort of a typed value for its length: `what` (a key of MAX_LENGTH), except a
    `--set` value whose `key` is in NAME_FIELDS, which is a name."""
    return "name" if key is not None and key in NAME_FIELDS else what


def too_long(text: str, sort: str) -> int | None:
    """The limit of MAX_LENGTH[sort] that `text` exceeds, or None when it fits."""
    limit = MAX_LENGTH[sort]
    return limit if len(text) > limit else None
