"""`antt draft` — the DOCX of a kind from the current data, recording nothing (the
unapproved survey plan, a decision to take to the authority for signature, …)."""
from __future__ import annotations

from pathlib import Path

from antt_cli.domain import lifecycle as life
from antt_cli.domain.model import Record, Signer
from antt_cli.errors import AnttError
from antt_cli.services.common import Context, output_file, render_document
from antt_cli.services.record import RecordInput, default_issuer, resolve_signer, to_pdf
from antt_cli.store.kinds import load_registry


def draft_path(output: str | Path | None, name: str, root: Path, cwd: Path) -> Path:
    """Where a draft goes: `-o FILE`; `-o DIR/` or an existing folder with the default name
    (services/common.py `output_file`); else the current folder when it is outside the
    dossier, else the system temp folder — a draft never lands inside the dossier, whose files
    are all recorded (docs/commands.md, `draft`)."""
    import tempfile

    here = cwd.resolve()
    folder = Path(tempfile.gettempdir()).resolve() if here.is_relative_to(root) else here
    return output_file(output, name, folder)


def draft_document(ctx: Context, case_id: str, kind: str, output: str | Path | None, *, pdf: bool = False) -> Path:
    dossier = ctx.dossier()
    case = dossier.case(case_id)
    reg = load_registry()
    k = life.kind_spec(reg, kind, case.kind)
    if not k.applies(case.linked):
        raise AnttError("domain.linked_only", id=case_id, kind=k.name, title=k.title)
    issuer = default_issuer(case, k, dossier) or str(dossier.profile.get("unit"))
    try:
        signer = resolve_signer(case, k, issuer, RecordInput(), dossier)
    except AnttError:
        signer = Signer(name="", title="")
    record = Record(kind=k.name, date=ctx.today, issuer=issuer, signer=signer, extra={"draft": True})
    if k.year == "plan":
        record.year = max(case.plans, default=ctx.today.year)
    data = render_document(dossier, case, record)
    return write_outside(dossier.root, output, f"{case_id}-{k.name}-nhap.docx", data, pdf=pdf)


def write_outside(root: Path, output: str | Path | None, name: str, data: bytes, *, pdf: bool = False) -> Path:
    """Write a copy that is not recorded (`antt draft`, `antt letter` without --record) at
    `output` or `name` in the current folder — never inside the dossier, whose files are
    all committed; as PDF with `pdf`."""
    root = Path(root).resolve()
    target = draft_path(output, name, root, Path.cwd())
    if target.is_relative_to(root):
        raise AnttError("services.draft.inside_dossier", file=str(target))
    if pdf:
        target = target.with_suffix(".pdf")
        data = to_pdf(data, target.stem)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        raise AnttError("services.draft_write_failed", file=str(target), detail=exc.strerror or str(exc)) from None
    return target
