"""Opening cases: `antt new-model` (docs/rules.md), and the steps every opening shares
(`antt new-exemplar`, `antt replicate`): the day, the next ID, the new case file."""
from __future__ import annotations

import datetime as dt
import dataclasses
from dataclasses import dataclass

from antt_cli.domain.ids import next_id
from antt_cli.domain.lifecycle import check_new_model
from antt_cli.domain.model import Case
from antt_cli.domain.text import clean, same_name
from antt_cli.domain.vocab import LEVELS, MEMBERSHIP, UNIT_KINDS
from antt_cli.errors import AnttError
from antt_cli.services.common import Context, Writer, writing


@dataclass(frozen=True)
class OpenedCase:
    id: str
    commit: str | None


def check_opening_day(ctx: Context, day: dt.date) -> None:
    """A case is opened today or on a day past, never ahead (docs/rules.md)."""
    if day > ctx.today:
        raise AnttError("domain.date_in_future", date=day, today=ctx.today)


def claim_case_id(w: Writer, case_kind: str, day: dt.date) -> str:
    """The next free ID of `case_kind` in `day`'s year — read under the lock, so that parallel
    writers never claim the same one (docs/case-schema.md)."""
    prefix = str(w.dossier.profile.get("id_prefix") or "")
    last = w.dossier.last_case_id(prefix, case_kind, day.year)
    return next_id([last] if last else [], prefix, case_kind, day.year)


def write_new_case(w: Writer, case: Case, title: str, *others: str) -> None:
    """Write the case file of a case just opened, after checking that it and `others` (files
    the same commit writes) are untouched."""
    from antt_cli.store.casefile import new_case_text

    rel = w.dossier.case_relpath(case.id)
    w.check_clean([rel, *others], renders=False)
    w.write_text(rel, new_case_text(case, f"Hồ sơ {title} {case.id} — antt (xem antt help case-schema)"))


@dataclass
class NewModelInput:
    """What the officer says about a new model (docs/commands.md `antt new-model` options)."""

    name: str                       # the working title until `proposal` fixes the name
    area: str
    field: str | None = None
    level: str = "xa"
    unit_kind: str | None = None    # None: antt.yaml's unit_kind
    membership: str = "limited"
    proposer: str | None = None     # None: the unit of antt.yaml
    linked: bool = False
    member_units: list[str] = dataclasses.field(default_factory=list)
    date: dt.date | None = None     # None: today


def _member_units(given: NewModelInput) -> list[str]:
    """§III.1 linked models: at least two member units, each named once."""
    members = [m for m in (clean(u) for u in given.member_units) if m]
    if given.linked and len(members) < 2:
        raise AnttError("services.cases.linked_needs_members")
    if members and not given.linked:
        raise AnttError("services.cases.members_need_linked")
    for i, m in enumerate(members):
        if any(same_name(m, other) for other in members[:i]):
            raise AnttError("services.cases.duplicate_member", unit=m)
    return members


def new_model(ctx: Context, given: NewModelInput) -> OpenedCase:
    """Open a model at step 1. Nothing changes on refusal."""
    day = given.date or ctx.today
    title, area_ = clean(given.name), clean(given.area)
    if not title:
        raise AnttError("services.cases.name_required")
    if not area_:
        raise AnttError("services.cases.area_required")
    check_opening_day(ctx, day)
    members = _member_units(given)
    level, membership, linked = given.level, given.membership, given.linked
    with writing(ctx, action="new-model", case_id=None) as w:
        profile = w.dossier.profile
        unit_kind = given.unit_kind or profile.get("unit_kind") or "residential"
        for value, allowed, option in ((level, LEVELS, "--level"), (unit_kind, UNIT_KINDS, "--unit-kind"),
                                       (membership, MEMBERSHIP, "--membership")):
            if value not in allowed:
                raise AnttError("services.cases.bad_choice", option=option, value=value, allowed=", ".join(allowed))
        check_new_model(level, day, w.dossier.rules.huyen_abolished)
        case_id = claim_case_id(w, "model", day)
        w.tx.case_id = case_id
        case = Case(id=case_id, kind="model", name=title, working_title=title, area=area_, field=clean(given.field),
                    level=level, unit_kind=unit_kind, linked=bool(linked), members=members,
                    membership=membership, proposer=clean(given.proposer) or str(profile.get("unit")),
                    opened=day, extra={"schema": 1, "replicated_from": None, "replicated_to": [],
                                       "ratings": {}, "criteria_extra": []})
        write_new_case(w, case, "mô hình")
        kind_text = "mô hình liên kết" if linked else "mô hình"
        w.summary = f"[{case_id}] Mở hồ sơ {kind_text} \"{title}\""
    return OpenedCase(case_id, w.tx.sha)
