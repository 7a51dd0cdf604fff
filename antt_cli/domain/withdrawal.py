"""Withdrawing a recorded document (thu hồi, `antt withdraw`; docs/rules.md "Withdrawal").

HD 163 has no rule of its own for a document issued by mistake; the usual administrative
practice is applied: the issuing body withdraws it, the record stays in the case and its
history (Điều 11 of NĐ 30/2020 keeps every issued document registered) marked `withdrawn`,
and it counts nowhere — not as a prerequisite, a plan, a report, a rating step or a
dossier item (`Case.records_of`, `Case.counted`). Pure: `day` is a parameter."""
from __future__ import annotations

import datetime as dt

from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import Case, Record, plan_to
from antt_cli.errors import AnttError
from antt_cli.i18n import date_text, kind_label


def resting_on(case: Case, record: Record, reg: Registry) -> list[Record]:
    """The counting records of a kind whose prerequisites (§III.1 order, the kinds'
    `requires:`) include `record`'s kind, when no other counting record of that kind would
    still satisfy them."""
    if any(d is not record for d in case.records_of(record.kind)):
        return []
    return [d for d in case.counted()
            if reg.get(d.kind) is not None and record.kind in reg.prerequisites(reg[d.kind], case.linked)]


def withdraw(case: Case, index: int, k: KindSpec, reg: Registry, day: dt.date, reason: str) -> Case:
    """The case with its record `index` (of kind `k`) withdrawn on `day` for `reason`: kept,
    marked `withdrawn: {date, reason}`. Refused when a later record rests on it, when it is
    dated after `day`, and for a kind whose recording changed the case's state (its
    `effects:` — a launch, a closure step, a recognition cannot be undone by withdrawing it).
    A plan's targets leave `plans:` and are kept in the mark, so the year may be planned
    again; an authority decision no longer sets the authority once none is left."""
    new = case.copy()
    record = new.documents[index]
    if record.date is not None and day < record.date:
        raise AnttError("domain.withdraw_before_record", date=day, recorded=record.date)
    if k.effects:
        raise AnttError("domain.withdraw_has_effects", kind=kind_label(k))
    later = resting_on(new, record, reg)
    if later:
        raise AnttError("domain.withdraw_rested_on", kind=kind_label(k),
                        later="; ".join(f"{kind_label(reg[d.kind])} ({d.number or '—'}, "
                                        f"{date_text(d.date) if d.date else '—'})" for d in later))
    mark: dict = {"date": day, "reason": reason}
    if k.year == "plan" and record.year is not None and new.plan(record.year) is not None:
        mark["plan"] = plan_to(new.plans.pop(int(record.year)))
    record.extra["withdrawn"] = mark
    if k.sets_authority and not any(new.records_of(name) for name in reg.authority_decisions(new.kind)):
        new.authority = None
    return new
