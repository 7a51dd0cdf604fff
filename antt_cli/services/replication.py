"""`antt replicate` and `antt propose-national` (HD 163 §III.3; docs/commands.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from antt_cli.domain import lifecycle as life
from antt_cli.domain.model import Case
from antt_cli.domain.rating import latest_decided_grade
from antt_cli.domain.replication import check_may_propose_national, check_may_replicate, replica_of, with_replica
from antt_cli.domain.text import clean
from antt_cli.errors import AnttError
from antt_cli.services.cases import check_opening_day, claim_case_id, write_new_case
from antt_cli.services.common import Context, Writer, can_create, names_folder, output_file, writing
from antt_cli.services.record import RecordInput, RecordResult, UnderLock, command_kind, record_document
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
    reg = load_registry()
    day = date or ctx.today
    check_opening_day(ctx, day)
    area_, field_, name_ = clean(area), clean(field), clean(name)
    with writing(ctx, action="replicate", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        source = loaded.case
        life.check_model_only(source, "replicate")
        check_may_replicate(source, latest_decided_grade(source, reg), area_, field_)
        new_id = claim_case_id(w, "model", day)
        replica = replica_of(source, new_id, name=name_, area=area_, field=field_, opened=day)
        w.tx.extra_trailers.append(("Antt-Case", new_id))
        write_new_case(w, replica, "mô hình", loaded.rel)
        w.write_text(loaded.rel, loaded.text(with_replica(source, new_id)))
        w.summary = f"[{new_id}] Nhân rộng mô hình {case_id} \"{source.name}\" sang {area_ or field_}"
    return Replicated(new_id, case_id, w.tx.sha)


@dataclass(frozen=True)
class NationalProposal:
    """The recorded tờ trình and the bundle written beside it."""

    result: RecordResult
    bundle: Path
    included: tuple[str, ...]   # files in the zip (besides the index)
    left_out: tuple[str, ...]   # classified documents not included


def _replica_grades(dossier, case, reg) -> dict[str, str | None]:
    """The latest decided grade of each replica kept in this dossier (None: not rated, or kept
    in another unit's dossier)."""
    grades: dict[str, str | None] = {}
    known = set(dossier.case_ids())
    for rid in case.extra.get("replicated_to") or []:
        grades[str(rid)] = latest_decided_grade(dossier.case(str(rid)), reg) if str(rid) in known else None
    return grades


def propose_national(ctx: Context, case_id: str, *, innovative: bool = False, reason: str | None = None,
                     include_classified: bool = False, output: str | Path | None = None,
                     given: RecordInput | None = None) -> NationalProposal:
    """Record the tờ trình to Cục V05 (§III.3) and write the zip of the case's documents with its
    index. Nothing changes on refusal; the zip is written once the record is committed."""
    from antt_cli.services.bundle import case_bundle

    reg = load_registry()
    given = given or RecordInput()
    target = output_file(output, f"{case_id}-de-xuat-toan-quoc.zip", Path.cwd().resolve())
    # a folder typed as `DIR/` is created with the zip; a file's folder must exist (a typo there
    # is more likely than a wish for new folders)
    if target.is_dir() or not (can_create(target) if names_folder(output) else target.parent.is_dir()):
        raise AnttError("services.national.bad_output", file=str(target))
    bundled: list[tuple[bytes, tuple[str, ...], tuple[str, ...]]] = []

    def may_propose(w: Writer, case: Case) -> dict:
        # §III.3: a Tốt model with a replica Khá or better, or an innovative one; the tờ trình
        # lists the replicas with their grades.
        life.check_model_only(case, NATIONAL)
        life.check_open(case)
        grades = _replica_grades(w.dossier, case, reg)
        check_may_propose_national(case, latest_decided_grade(case, reg), grades, innovative, reason)
        return {"replicas": [
            {"id": rid, "name": w.dossier.case(rid).name if rid in w.dossier.case_ids() else "",
             "area": w.dossier.case(rid).area if rid in w.dossier.case_ids() else "", "grade": grade}
            for rid, grade in grades.items()]}

    def bundle(w: Writer, new_case: Case) -> None:
        case_dir = w.dossier.case_dir_rel(case_id)
        bundled.append(case_bundle(new_case, reg, lambda name: (ctx.root / case_dir / name).read_bytes(),
                                   include_classified))

    sets = {**given.sets, "innovative": "yes" if innovative else "no"}
    if reason and reason.strip():
        sets["reason"] = reason.strip()
    result = record_document(ctx, case_id, command_kind(reg, NATIONAL), replace(given, sets=sets, command=NATIONAL),
                             UnderLock(may_propose, bundle))
    data, included, left_out = bundled[0]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return NationalProposal(result, target, included, left_out)
