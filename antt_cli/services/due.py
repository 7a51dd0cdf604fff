"""`antt due`: what every case owes, soonest first, overdue marked — the deadlines of
domain/deadlines.py (HD 163 §III.1.d, §III.1.đ, §III.2.c) judged as of a day."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from antt_cli.domain.deadlines import DUTY, obligations
from antt_cli.i18n import t
from antt_cli.services.common import Context, say_if_sparse


@dataclass(slots=True)
class DueItem:
    """One obligation: `before` the guideline's date, `due` the last good day. (Not frozen: a
    province's list makes tens of thousands, and a frozen dataclass is several times slower
    to make.)"""

    id: str
    name: str
    what: str
    year: int
    title: str       # what is owed, in words
    deadline: str    # as the guideline words it: "trước 05/11/2026"
    before: dt.date
    due: dt.date
    overdue: bool
    days: int        # days left until the last good day (negative: days overdue)
    section: str


def due_list(ctx: Context, day: dt.date | None = None, case_id: str | None = None) -> list[DueItem]:
    """Every case's obligations (or one case's), as of `day` (default today): overdue first,
    then by the last good day."""
    dossier = ctx.dossier()
    today = day or ctx.today
    if case_id:
        from antt_cli.domain.digest import case_digest
        from antt_cli.store.kinds import load_registry

        digests = [case_digest(dossier.case(case_id), load_registry())]
    else:
        say_if_sparse(ctx)
        digests = dossier.iter_digests(brief=True)  # streamed: only the obligations are kept
    items = []
    # a dossier owes the same few duties and dates over and over: each (duty, year, date) is
    # worded and counted once, every case owing it shares the words
    said: dict = {}
    dates: dict = {}  # each duty's date of a year, worked out once for the whole list
    for digest in digests:
        ident, name = str(digest["id"]), str(digest["name"])
        for o in obligations(digest, today, dossier.rules, dates=dates):
            facts = said.get((o.what, o.year, o.before))
            if facts is None:
                facts = said[o.what, o.year, o.before] = _facts(o, today)
            items.append(DueItem(ident, name, *facts))
    items.sort(key=lambda i: (i.due, i.id))
    return items


def _facts(o, today: dt.date) -> tuple:
    """The fields of a DueItem after its case's ID and name, in their order."""
    due = o.due
    title = t(f"services.due.{o.what}", year=o.year)
    return (o.what, o.year, title, _deadline_words(o), o.before, due, o.overdue(today), (due - today).days, o.section)


def _deadline_words(o) -> str:
    """"trước 05/11/2026" (a strict date) or "đến hết 15/05/2026" (the date is the last good day)."""
    if DUTY[o.what].inclusive:
        return t("services.due.until", date=o.due)
    return t("services.due.before", date=o.before)
