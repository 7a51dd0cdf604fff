"""`antt replicate` and `antt propose-national` (HD 163 §III.3; docs/commands.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from antt_cli.domain import lifecycle as life
from antt_cli.domain.ids import next_id
from antt_cli.domain.rating import latest_decided_grade
from antt_cli.domain.replication import check_may_propose_national, check_may_replicate, replica_of, with_replica
from antt_cli.domain.text import clean
from antt_cli.errors import AnttError
from antt_cli.services.common import Context, writing
from antt_cli.services.record import RecordInput, RecordResult, build_record, resolve_number, save_recorded
from antt_cli.store.kinds import load_registry

NATIONAL = "propose-national"


@dataclass(frozen=True)
class Replicated:
    id: str           # the replica
    source: str
    commit: str | None


def replicate(ctx: Context, case_id: str, *, area: str | None, field: str | None, name: str | None = None,
              date: dt.date | None = None) -> Replicated:
    """Open the replica at step 1 and note it on the source, in one commit."""
    from antt_cli.store.casefile import new_case_text

    reg = load_registry()
    day = date or ctx.today
    if day > ctx.today:
        raise AnttError("domain.date_in_future", date=day.isoformat(), today=ctx.today.isoformat())
    area_, field_, name_ = clean(area), clean(field), clean(name)
    with writing(ctx, action="replicate", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        source = loaded.case
        check_may_replicate(source, latest_decided_grade(source, reg), area_, field_)
        new_id = next_id(w.dossier.case_ids(), str(w.dossier.profile.get("id_prefix") or ""), "model", day.year)
        replica = replica_of(source, new_id, name=name_, area=area_, field=field_, opened=day)
        w.tx.extra_trailers.append(("Antt-Case", new_id))
        rel = w.dossier.case_relpath(new_id)
        w.check_clean([rel, loaded.rel], renders=False)
        w.write_text(rel, new_case_text(replica, f"Hồ sơ mô hình {new_id} — antt (docs/case-schema.md)"))
        w.write_text(loaded.rel, loaded.text(with_replica(source, new_id)))
        w.summary = f"[{new_id}] Nhân rộng mô hình {case_id} \"{source.name}\" sang {area_ or field_}"
    return Replicated(new_id, case_id, w.tx.sha)
