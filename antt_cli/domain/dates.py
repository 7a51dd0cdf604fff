"""Dates as the guideline counts them: ISO in files, YYYY-MM-DD or DD/MM/YYYY on the command
line, evaluation years 01/11/Y-1 – 31/10/Y (§III.2.c), months added as in the Civil Code
(Điều 147–148)."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from antt_cli.domain.bounds import year_in_range

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> dt.date:
    """Parse `YYYY-MM-DD` or `DD/MM/YYYY` of a year in domain/bounds.py's range; ValueError
    with the reason otherwise."""
    value = text.strip()
    if m := _ISO.match(value):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _VN.match(value):
        d, mo, y = (int(g) for g in m.groups())
    else:
        raise ValueError(value)
    if not year_in_range(y):
        raise ValueError(value)
    return dt.date(y, mo, d)  # raises ValueError for 31/02


_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


def parse_clock(text: str) -> tuple[int, int] | None:
    """A time of day as typed for a meeting (`--time 08:00`, `--end 7:30`): HH:MM on the
    24-hour clock, the hour with or without its leading zero; None for anything else
    (`25:00`, `8h`, `08:00 sáng` — a minute record states the hour, NĐ 30/2020 mẫu 1.8)."""
    m = _CLOCK.fullmatch(text.strip())
    return (int(m[1]), int(m[2])) if m else None


def as_date(value: object) -> dt.date | None:
    """A date read from YAML: a date already, an ISO string, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value))


@lru_cache(maxsize=8192)  # pure; a whole-dossier read asks it for every case and year
def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus `months` calendar months; a missing day falls to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def evaluation_year_of(day: dt.date) -> int:
    """The evaluation year Y whose period 01/11/Y-1 – 31/10/Y contains `day` (§III.2.c)."""
    return day.year + 1 if day.month >= 11 else day.year


def evaluation_period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year - 1, 11, 1), dt.date(year, 10, 31)


class JudgedDay:
    """The day a dossier is judged on (`antt check`, HD 163 §V), and `until`: the first later
    day on which anything it was asked could be answered otherwise.

    Every day-dependent rule of the dossier's items (domain/dossier_items.py,
    domain/exemplars.py) asks the day only these questions, and each answer, as the days go
    on, changes at most once — from "not yet" to "yes" — on a day known when it is asked.
    `until` is the earliest such day: on every day from `day` up to it, each question asked
    gets the answer it got, so the rules take the same path and find the same items
    (docs/reliability.md, "The check cache"). A rule that read the day any other way would
    break this: the day itself is not handed out."""

    __slots__ = ("_day", "until")

    def __init__(self, day: dt.date) -> None:
        self._day = day
        self.until = dt.date.max

    def _upto(self, when: dt.date) -> None:
        if when < self.until:
            self.until = when

    def reached(self, when: dt.date) -> bool:
        """`day >= when`."""
        if self._day >= when:
            return True
        self._upto(when)
        return False

    def after(self, when: dt.date) -> bool:
        """`day > when`."""
        return when < dt.date.max and self.reached(when + dt.timedelta(days=1))

    def evaluation_year(self) -> int:
        """The evaluation year the day is in (§III.2.c); it holds until the next one begins."""
        year = evaluation_year_of(self._day)
        self._upto(evaluation_period(year)[1] + dt.timedelta(days=1))
        return year

    def active_days_reach(self, first: dt.date, end: dt.date, enough: int) -> bool:
        """Whether the days from `first` to the earlier of `end` and the day, both counted,
        number at least `enough` (none when the day is before `first`)."""
        if enough <= 0:
            return True
        try:
            needed = first + dt.timedelta(days=enough - 1)
        except OverflowError:
            return False
        return needed <= end and self.reached(needed)
