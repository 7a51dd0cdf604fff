"""Opening cases: `antt new-model` (SPEC §3; exemplars come with their own issue)."""
from __future__ import annotations

import datetime as dt

from antt_cli.domain.ids import next_id
from antt_cli.domain.lifecycle import LEVELS, MEMBERSHIP, check_new_model
from antt_cli.domain.text import clean, same_name
from antt_cli.errors import AnttError
from antt_cli.services.common import Context, transaction
from antt_cli.store.dossier import UNIT_KINDS
from antt_cli.store.yamlio import new_map, new_seq


def new_model(ctx: Context, name: str, *, area: str, field: str | None = None, level: str = "xa",
              unit_kind: str | None = None, membership: str = "limited", proposer: str | None = None,
              linked: bool = False, member_units: list[str] | None = None,
              date: dt.date | None = None) -> str:
    """Open a model at step 1; returns its ID. NAME is a working title until `proposal`."""
    dossier = ctx.dossier()
    profile = dossier.profile
    day = date or ctx.today
    title, area_ = clean(name), clean(area)
    if not title:
        raise AnttError("cases.name_required")
    if not area_:
        raise AnttError("cases.area_required")
    if day > ctx.today:
        raise AnttError("domain.date_in_future", date=day.isoformat(), today=ctx.today.isoformat())
    unit_kind = unit_kind or profile.get("unit_kind") or "residential"
    for value, allowed, option in ((level, LEVELS, "--level"), (unit_kind, UNIT_KINDS, "--unit-kind"),
                                   (membership, MEMBERSHIP, "--membership")):
        if value not in allowed:
            raise AnttError("cases.bad_choice", option=option, value=value, allowed=", ".join(allowed))
    check_new_model(level, day, dossier.rules.huyen_abolished)
    members = [m for m in (clean(u) for u in member_units or []) if m]
    if linked and len(members) < 2:
        raise AnttError("cases.linked_needs_members")
    if members and not linked:
        raise AnttError("cases.members_need_linked")
    for i, m in enumerate(members):
        if any(same_name(m, other) for other in members[:i]):
            raise AnttError("cases.duplicate_member", unit=m)
    kind_text = "mô hình liên kết" if linked else "mô hình"
    # The next ID is chosen under the dossier lock: parallel runs get distinct IDs.
    with transaction(ctx, dossier, action="new-model", case_id=None) as tx:
        dossier = ctx.dossier()
        case_id = next_id(dossier.case_ids(), str(dossier.profile.get("id_prefix") or ""), "model", day.year)
        tx.case_id = case_id
        tx.summary = f"[{case_id}] Mở hồ sơ {kind_text} \"{title}\""
        case = new_map([
            ("schema", 1), ("id", case_id), ("kind", "model"), ("name", title), ("working_title", title),
            ("area", area_), ("field", clean(field)), ("level", level), ("unit_kind", unit_kind),
            ("linked", bool(linked)), ("members", new_seq(members)), ("membership", membership),
            ("proposer", clean(proposer) or str(profile.get("unit"))), ("lead_unit", None),
            ("lead_units", new_seq()), ("authority", None), ("status", "building"), ("opened", day),
            ("replicated_from", None), ("replicated_to", new_seq()), ("documents", new_seq()),
            ("plans", new_map()), ("ratings", new_map()), ("criteria_extra", new_seq()),
        ])
        case.yaml_set_start_comment(f"Hồ sơ mô hình {case_id} — antt (docs/case-schema.md)")
        tx.write_text(dossier.case_relpath(case_id), dossier.dump(case))
    return case_id
