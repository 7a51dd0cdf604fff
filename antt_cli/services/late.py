"""The late mark of a rating step (HD 163 §III.2.c deadlines; docs/rules.md "Rating"): shared by
`antt record` (the submission) and `antt rate` (the proposal, the decision)."""
from __future__ import annotations

import datetime as dt

from antt_cli.domain import rating as R
from antt_cli.domain.interpretations import Rules
from antt_cli.domain.kindspec import KindSpec
from antt_cli.domain.model import Record
from antt_cli.services.common import Writer


def mark_late(w: Writer, k: KindSpec, record: Record, rules: Rules) -> dt.date | None:
    """docs/rules.md: a rating step recorded on or after its deadline is accepted, marked
    `late: true` with the deadline it missed, in the case and as the `Antt-Late` trailer."""
    if k.rating == "none" or record.year is None or record.date is None:
        return None
    if not R.is_late(record.date, record.year, k.rating, rules):
        return None
    missed = R.deadline(record.year, k.rating, rules)
    record.extra["late"] = True
    record.extra["deadline"] = missed
    w.tx.add_trailer("Antt-Late", missed.isoformat())
    return missed
