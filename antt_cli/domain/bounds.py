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
