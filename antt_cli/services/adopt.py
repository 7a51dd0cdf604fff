"""`antt adopt FILE.csv|FILE.xlsx`: open the models and exemplars that already run, at the stage
their documents reach, with those documents recorded as imported (SPEC §3 last part, HD 163
§VI.3; docs/commands.md, docs/rules.md "Adoption").

The sheet is judged whole first (domain/adoption.py): any problem refuses the file with every
problem listed, changing nothing. Then, under one hold of the dossier lock, each case is one
audited commit (audit/batch.py): a failure part-way — or a killed process — puts HEAD back
where it was. `--dry-run` judges and reports, and writes nothing."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from antt_cli.domain import adoption as ad
from antt_cli.domain.ids import next_id
from antt_cli.errors import AnttError, AnttRefusal
from antt_cli.services.cases import check_opening_day, write_new_case
from antt_cli.services.common import Context, Writer, _profile_identity, sha256
from antt_cli.store.dossier import Dossier


@dataclass
class AdoptInput:
    """What the officer gives `antt adopt` (docs/commands.md)."""

    file: Path
    dry_run: bool = False
    date: dt.date | None = None     # the day of adoption; None: today


@dataclass(frozen=True)
class AdoptedCase:
    """One case adopted (or, on a dry run, that would be)."""

    ref: str
    id: str
    kind: str            # model | exemplar
    name: str
    status: str
    grade: str | None    # the latest decided grade of a model
    documents: int
    scans: int
    authority: str | None
    commit: str | None

    @property
    def grade_title(self) -> str | None:
        """The grade in words (Tốt, Khá, Trung bình, Yếu)."""
        from antt_cli.domain.rating import GRADE_TITLES

        return GRADE_TITLES.get(self.grade or "", self.grade) if self.grade else None


@dataclass(frozen=True)
class AdoptResult:
    file: str
    date: dt.date
    dry_run: bool
    cases: tuple[AdoptedCase, ...]
    undeclared: tuple[tuple[str, str | None], ...]   # (issuer as written, its successor if mapped)

    def as_json(self) -> dict[str, Any]:
        """docs/commands.md `antt adopt --json`."""
        from antt_cli.services.common import jsonable

        return jsonable({"file": self.file, "date": self.date, "dry_run": self.dry_run,
                         "cases": list(self.cases),
                         "undeclared": [{"issuer": i, "successor": s} for i, s in self.undeclared]})


def adopt(ctx: Context, given: AdoptInput) -> AdoptResult:
    """Adopt every case of the sheet, one commit each, or none (refused with every problem
    listed). `given.dry_run`: judge and report only."""
    from antt_cli.store.kinds import load_registry
    from antt_cli.store.sheets import read_sheet

    day = given.date or ctx.today
    check_opening_day(ctx, day)
    path = Path(given.file)
    rows = read_sheet(path)
    reg = load_registry()
    if given.dry_run:
        dossier = ctx.dossier()
        checked = _judged(rows, reg, day, dossier, path)
        ids = _ids(dossier, checked.cases)
        cases = [_adopted(ad.adopted_case(p, ids[p.ref], day, reg, dossier.profile, path.name), p, reg, None)
                 for p in checked.cases]
        return AdoptResult(str(path), day, True, tuple(cases), _undeclared(checked, dossier))
    from antt_cli.audit.batch import Batch

    with Batch(ctx.root, action="adopt", notice=ctx.notice) as batch:
        dossier = Dossier.open(ctx.root)
        checked = _judged(rows, reg, day, dossier, path)
        ids = _ids(dossier, checked.cases)
        cases = [_adopt_one(ctx, batch, p, ids[p.ref], day, path) for p in checked.cases]
    return AdoptResult(str(path), day, False, tuple(cases), _undeclared(checked, dossier))


def _judged(rows: list[tuple[int, list[str]]], reg: Any, day: dt.date, dossier: Dossier, path: Path) -> ad.Checked:
    """The sheet judged against the dossier; refused with every problem listed."""
    from antt_cli.i18n import t

    folder = path.parent
    sheet, _ = ad.read_header(rows[0][1], rows[0][0])
    files = {sheet.cell(cells, "file") for _, cells in rows[1:]} - {""}
    known = ad.Known(bodies=[str(b) for b in dossier.bodies()], successors=dossier.profile.get("successors"),
                     numbers=_numbers_held(dossier), files={f for f in files if _scan_exists(folder, f)})
    checked = ad.check_sheet(rows, reg, day, known)
    if checked.problems:
        lines = [t("services.adopt.problem", row=p.row, column=p.column, message=t(p.key, **dict(p.params)))
                 for p in checked.problems]
        raise AnttRefusal("services.adopt.refused", lines, file=path.name, count=len(lines))
    return checked


def _scan_exists(folder: Path, cell: str) -> bool:
    """A `file` cell names a regular file (its path relative to the sheet's folder)."""
    if "\0" in cell or len(cell) > 1024:
        return False
    try:
        return (folder / cell).is_file()
    except (OSError, ValueError):
        return False


def _numbers_held(dossier: Dossier) -> list[tuple[str, int, str, str]]:
    """(issuer, year, number, case ID) of every record of the dossier (a broken case file is
    `antt check`'s finding, not a reason to refuse here)."""
    held = []
    for case_id, digest in dossier.iter_digests_or_errors():
        if isinstance(digest, dict):
            held += [(str(body), int(year), str(number), case_id) for body, year, number in digest.get("numbers") or []]
    return held


def _ids(dossier: Dossier, cases: tuple[ad.Planned, ...]) -> dict[str, str]:
    """The ID of each case: the next free one of the year its first document was issued in
    (docs/case-schema.md), read under the lock."""
    taken = list(dossier.case_ids())
    prefix = str(dossier.profile.get("id_prefix") or "")
    ids = {}
    for planned in cases:
        year = min(d.date for d in planned.docs).year
        ids[planned.ref] = next_id(taken, prefix, planned.case_kind, year)
        taken.append(ids[planned.ref])
    return ids


def _adopt_one(ctx: Context, batch: Any, planned: ad.Planned, case_id: str, day: dt.date, path: Path) -> AdoptedCase:
    """One case: its file and its scans, one commit (trailer `Antt-Adopted: <sheet> <ref>`)."""
    from antt_cli.store.kinds import load_registry

    identity = _profile_identity(ctx.root)
    tx_args = {"summary": "", "action": "adopt", "case_id": case_id, "officer": identity.get("officer") or None,
               "officer_email": identity.get("officer_email") or None,
               "extra_trailers": [("Antt-Adopted", f"{path.name} {planned.ref}")]}
    with batch.transaction(**tx_args) as tx:
        w = Writer(ctx, tx)
        case = ad.adopted_case(planned, case_id, day, load_registry(), w.dossier.profile, path.name)
        folder, rows = w.dossier.case_dir_rel(case_id), {d.row: d.file for d in planned.docs}
        scans = [(path.parent / str(rows[r.extra["source_row"]]), f"{folder}/{r.file}", r)
                 for r in case.documents if r.file]
        title = "điển hình" if case.kind == "exemplar" else "mô hình"
        write_new_case(w, _with_hashes(case, scans), title, *[rel for _, rel, _ in scans])
        for src, rel, _ in scans:
            w.copy_file(src, rel)
        w.summary = f"[{case_id}] Tiếp nhận {title} đang có \"{case.name}\" ({len(case.documents)} văn bản)"
    return _adopted(case, planned, load_registry(), tx.sha)


def _with_hashes(case: Any, scans: list[tuple[Path, str, Any]]) -> Any:
    """Each scan's SHA-256 in its record (`antt check` then sees a scan missing or changed)."""
    for src, _, record in scans:
        try:
            record.sha256 = sha256(src.read_bytes())
        except OSError as exc:
            raise AnttError("audit.read_failed", path=str(src), detail=str(exc)) from exc
    return case


def _adopted(case: Any, planned: ad.Planned, reg: Any, commit: str | None) -> AdoptedCase:
    from antt_cli.domain.rating import latest_decided_grade

    return AdoptedCase(ref=planned.ref, id=case.id, kind=case.kind, name=case.name, status=case.status,
                       grade=latest_decided_grade(case, reg) if case.kind == "model" else None,
                       documents=len(case.documents), scans=sum(1 for r in case.documents if r.file),
                       authority=case.authority, commit=commit)


def _undeclared(checked: ad.Checked, dossier: Dossier) -> tuple[tuple[str, str | None], ...]:
    """The issuers that are no declared body, each with the body that now succeeds it when
    antt.yaml maps one (§12)."""
    from antt_cli.domain.issuers import successor_chain

    found = []
    for issuer in checked.undeclared:
        chain = successor_chain(issuer, dossier.profile.get("successors"))
        found.append((issuer, chain[-1] if len(chain) > 1 else None))
    return tuple(found)
