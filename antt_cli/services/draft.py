"""`antt draft` — the DOCX of a kind from the current data, recording nothing (the
unapproved survey plan, a decision to take to the authority for signature, …)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from antt_cli.domain import lifecycle as life
from antt_cli.errors import AnttError
from antt_cli.services.common import Context
from antt_cli.services.record import RecordInput, default_issuer, render, resolve_signer, to_pdf
from antt_cli.store.yamlio import flow_map, new_map


def draft_document(ctx: Context, case_id: str, kind: str, output: Path | None, *, pdf: bool = False) -> Path:
    dossier = ctx.dossier()
    case = dossier.load_case(case_id, fast=True)
    k = life.model_kind(kind)
    if k.linked_only and not case.get("linked"):
        raise AnttError("domain.linked_only", id=case_id, kind=k.name, title=k.title)
    issuer = default_issuer(case, k, dossier) or str(dossier.profile.get("unit"))
    try:
        signer: Any = resolve_signer(case, k, issuer, RecordInput(), dossier)
    except AnttError:
        signer = flow_map([("prefix", None), ("title", ""), ("name", "")])
    record = new_map([("kind", k.name), ("number", None), ("date", ctx.today), ("issuer", issuer),
                      ("signer", signer), ("secrecy", None), ("fields", new_map()), ("draft", True)])
    if k.name == "annual-plan":
        record["year"] = max((int(y) for y in case.get("plans") or {}), default=ctx.today.year)
    data = render(dossier, case, record)
    default_name = f"{case_id}-{k.name}-nhap.docx"
    target = (output or Path.cwd() / default_name).expanduser().resolve()
    if target.is_dir():  # `-o DIR`: the default file name inside DIR
        target = target / default_name
    if target.is_relative_to(dossier.root):
        raise AnttError("draft.inside_dossier", file=str(target))
    if pdf:
        target = target.with_suffix(".pdf")
        data = to_pdf(data, target.stem)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        raise AnttError("rel.draft_write_failed", file=str(target), detail=exc.strerror or str(exc)) from None
    return target
