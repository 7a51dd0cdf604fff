"""Documents edited by hand (in Word) after antt generated them: kept unless the officer says
otherwise (docs/commands.md `antt accept`, `--discard-edits`), and `antt withdraw` (thu hồi).

A record stores the SHA-256 of the file antt wrote (`sha256`, docs/case-schema.md); a file
that no longer matches it was edited by hand. Re-rendering it would lose the edit, so every
re-render asks `check_unedited` first."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from antt_cli.domain import lifecycle as life
from antt_cli.domain.kindspec import KindSpec
from antt_cli.domain.model import Case, Record
from antt_cli.domain.text import nfc
from antt_cli.domain.withdrawal import withdraw as withdraw_record
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import kind_label
from antt_cli.services.common import Context, Writer, sha256, writing
from antt_cli.store.kinds import load_registry


def edited_by_hand(root: Path, case_dir: str, record: Record) -> bool:
    """Whether `record`'s file exists and no longer matches its stored hash (a record with no
    file or no hash — imported — has nothing generated to protect)."""
    if not record.file or not record.sha256:
        return False
    path = root / case_dir / record.file
    return path.is_file() and sha256(path.read_bytes()) != record.sha256


def check_unedited(w: Writer, case: Case, records: list[Record], discard_edits: bool) -> None:
    """Refuse to re-render a document edited by hand, naming it and `antt accept` /
    `--discard-edits`; with `discard_edits` the edit is overwritten (asked for)."""
    if discard_edits:
        return
    reg = load_registry()
    case_dir = w.dossier.case_dir_rel(case.id)
    for record in records:
        if edited_by_hand(w.ctx.root, case_dir, record):
            year = f" --year {record.year}" if _needs_year(case, record) else ""
            raise AnttError("services.edits.edited", file=f"{case_dir}/{record.file}", id=case.id,
                            kind=kind_label(reg[record.kind]) if record.kind in reg.kinds else record.kind,
                            cli=reg[record.kind].cli if record.kind in reg.kinds else record.kind, year=year)


def recorded_index(case: Case, k: KindSpec, year: int | None) -> int:
    """The index of the record `amend`, `accept` or `withdraw` acts on: the last counting
    record of its kind (of `year`); a repeatable kind recorded in several years needs `--year`."""
    found = [i for i, d in enumerate(case.documents)
             if d.kind == k.name and not d.withdrawn and (year is None or d.year == year)]
    if not found:
        raise AnttError("services.amend.not_recorded", id=case.id, kind=kind_label(k))
    if year is None and len({case.documents[i].year for i in found}) > 1:
        years = ", ".join(str(case.documents[i].year) for i in found)
        raise AnttUsageError("services.amend.year_required", kind=kind_label(k), years=years)
    return found[-1]


def _needs_year(case: Case, record: Record) -> bool:
    return len({d.year for d in case.records_of(record.kind)}) > 1


@dataclass(frozen=True)
class EditResult:
    """What `accept` and `withdraw` did: the case, the kind, the record, its file, the commit."""

    case_id: str
    kind: str
    record: Record
    file: str
    commit: str | None

    def as_json(self) -> dict:
        from antt_cli.services.common import jsonable

        return {"id": self.case_id, "kind": self.kind, "file": self.file, "commit": self.commit,
                "sha256": self.record.sha256, "withdrawn": jsonable(self.record.extra.get("withdrawn"))}


def accept(ctx: Context, case_id: str, kind: str, year: int | None = None) -> EditResult:
    """`antt accept ID KIND [--year Y]`: the file as edited by hand becomes the issued version —
    its hash is stored, the file (uncommitted edits included) and the case in one commit."""
    reg = load_registry()
    with writing(ctx, action=f"accept {kind}", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case = loaded.case.copy()
        life.check_open(case)
        k = life.kind_spec(reg, kind, case.kind)
        record = case.documents[recorded_index(case, k, year)]
        case_dir = w.dossier.case_dir_rel(case_id)
        rel = f"{case_dir}/{record.file}"
        if not record.file or not (ctx.root / rel).is_file():
            raise AnttError("services.edits.no_file", id=case_id, kind=kind_label(k), file=rel)
        if not edited_by_hand(ctx.root, case_dir, record):
            raise AnttError("services.edits.not_edited", id=case_id, kind=kind_label(k), file=rel)
        w.check_clean([loaded.rel], renders=False)
        record.sha256 = sha256(w.tx.keep_as_is(rel))
        record.extra.setdefault("accepted", []).append({"on": ctx.today, "sha256": record.sha256})
        w.write_text(loaded.rel, loaded.text(case))
        w.describe(life.summary_line(case_id, _t("services.edits.accept_summary", kind=k.summary_text(record.year)),
                                     record), record)
    return EditResult(case_id, k.name, record, rel, w.tx.sha)


@dataclass
class WithdrawInput:
    """`antt withdraw` options: the reason (required), the withdrawal date (today when
    None), which year's record of a repeatable kind."""

    reason: str = ""
    date: dt.date | None = None
    year: int | None = None


def withdraw(ctx: Context, case_id: str, kind: str, given: WithdrawInput) -> EditResult:
    """`antt withdraw ID KIND --reason …` (thu hồi): the record stays, marked withdrawn, and
    counts nowhere (domain/withdrawal.py); one commit with the reason as a trailer."""
    reason = " ".join(nfc(given.reason or "").split())
    if not reason:
        raise AnttError("services.edits.reason_required")
    reg = load_registry()
    with writing(ctx, action=f"withdraw {kind}", case_id=case_id, trailers=[("Antt-Reason", reason)]) as w:
        loaded = w.load_case(case_id)
        life.check_open(loaded.case)
        k = life.kind_spec(reg, kind, loaded.case.kind)
        index = recorded_index(loaded.case, k, given.year)
        new_case = withdraw_record(loaded.case, index, k, reg, given.date or ctx.today, reason)
        record = new_case.documents[index]
        w.check_clean([loaded.rel], renders=False)
        w.write_text(loaded.rel, loaded.text(new_case))
        w.describe(life.summary_line(case_id, _t("services.edits.withdraw_summary",
                                                  kind=k.summary_text(record.year)), record), record)
    return EditResult(case_id, k.name, record, f"{w.dossier.case_dir_rel(case_id)}/{record.file}", w.tx.sha)


def _t(key: str, **params: object) -> str:
    from antt_cli.i18n import t

    return t(key, **params)
