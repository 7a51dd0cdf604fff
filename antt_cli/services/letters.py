"""`antt letter` — a letter about a case (công văn, giấy mời, thông báo, tờ trình, báo cáo, or
a dossier's own template) rendered with the case's data; with `record` it is numbered from
its issuer's register, stored under the case's `letters/` and committed (docs/templates.md,
docs/commands.md). A letter is a spec of `antt_cli/letters/` plus its template, rendered by
the pipeline of the lifecycle kinds; it takes no part in the guideline's steps."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import Case, Record
from antt_cli.domain.text import clean
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.services.common import Context, render_document, sha256, writing
from antt_cli.store.dossier import Dossier

@dataclass
class LetterInput:
    """What the officer says about the letter (docs/commands.md `antt letter` options)."""

    sets: dict[str, str] = field(default_factory=dict)
    date: dt.date | None = None
    number: str | None = None
    issuer: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    sign_as: str | None = None
    record: bool = False
    output: Path | None = None


@dataclass(frozen=True)
class LetterResult:
    """The letter written: its template, the record (stored in case.yaml when recorded), the
    file (the dossier path when recorded, else where the draft went) and the commit."""

    case_id: str
    template: str
    record: Record
    file: str
    commit: str | None

    def as_json(self) -> dict[str, Any]:
        from antt_cli.domain.model import record_to
        from antt_cli.services.common import jsonable

        return {"id": self.case_id, "template": self.template, "file": self.file,
                **{k: v for k, v in jsonable(record_to(self.record)).items() if k != "file"},
                "commit": self.commit}


def letter_registry(dossier: Dossier) -> Registry:
    """The shipped letters and the dossier's own templates that are no kind nor letter (each
    rendered with the spec `_shared.yaml` names `own_letter`, its fields optional)."""
    from antt_cli.store.kinds import load_letters, load_registry

    letters, kinds = load_letters(), load_registry()
    generic = letters.get(str(letters.shared.get("own_letter")))
    if generic is None:  # a `_shared.yaml` of ANTT_KINDS without `own_letter`: shipped letters only
        return letters
    loose = {f.key: dataclasses.replace(f, required=False) for f in generic.fields.values()}
    own = [dataclasses.replace(generic, name=name, title=name, fields=loose)
           for name in own_template_names(dossier) if name not in letters and name not in kinds]
    return Registry(kinds={**letters.kinds, **{k.name: k for k in own}}, common_fields=letters.common_fields,
                    shared=letters.shared)


def own_template_names(dossier: Dossier) -> list[str]:
    folder = dossier.templates_override()
    return sorted(p.stem for p in folder.glob("*.docx")) if folder else []


def resolve_letter(name: str, letters: Registry) -> KindSpec:
    """The letter `name` names: its name, its Vietnamese title, unaccented, or a prefix
    (domain/kind_names.py, as kinds are named)."""
    from antt_cli.domain.kind_names import resolve_kind_name

    return letters.get(name) or resolve_kind_name(name, list(letters))


def check_fields(k: KindSpec, sets: dict[str, str], reg: Registry) -> None:
    """Refuse a `--set` key the letter does not take, and name every required field missing
    with its help line (the letter's spec)."""
    allowed = reg.allowed_fields(k)
    for key in sets:
        if key not in allowed:
            raise AnttError("services.record.unknown_field", key=key, kind=k.name, allowed=", ".join(allowed))
    missing = [f for f in allowed.values() if f.required and not clean(sets.get(f.key))]
    if missing:
        raise AnttError("services.letters.fields_missing", template=k.name,
                        fields="; ".join(f"--set {f.key}=… ({f.help})" for f in missing))


def build_letter(ctx: Context, dossier: Dossier, case: Case, k: KindSpec, given: LetterInput,
                 reg: Registry) -> Record:
    """The letter's record: its fields checked, its issuer (`--issuer`, else the unit's own
    body), its signer (as given, else the issuer's head), unnumbered yet."""
    from antt_cli.services.record import RecordInput, resolve_signer

    check_fields(k, given.sets, reg)
    issuer = clean(given.issuer) or str(dossier.profile.get("unit") or "")
    if not issuer:
        raise AnttError("services.record.issuer_required", kind=k.name)
    issuer = dossier.body_name(issuer)
    signer = resolve_signer(case, k, issuer, RecordInput(signer=given.signer, signer_title=given.signer_title,
                                                         sign_as=given.sign_as), dossier)
    return Record(kind=k.name, date=given.date or ctx.today, issuer=issuer, signer=signer,
                  fields=dict(sorted(given.sets.items())))


def write_letter(ctx: Context, case_id: str, template: str, given: LetterInput) -> LetterResult:
    """`antt letter`: the draft file only, or (`given.record`) the recorded, committed letter."""
    if given.record:
        return _record_letter(ctx, case_id, template, given)
    if given.number == "auto":
        raise AnttUsageError("services.letters.auto_needs_record")
    from antt_cli.services.record import resolve_number

    dossier = ctx.dossier()
    case = dossier.case(case_id)
    letters = letter_registry(dossier)
    k = resolve_letter(template, letters)
    record = build_letter(ctx, dossier, case, k, given, letters)
    if given.number is not None:
        record.number = resolve_number(k, str(record.issuer), record.date, given.number, dossier)
    data = _render(dossier, case, record, letters)
    target = _write_outside(dossier, given.output, f"{case_id}-{k.name}.docx", data)
    return LetterResult(case_id, k.name, record, str(target), None)


def _record_letter(ctx: Context, case_id: str, template: str, given: LetterInput) -> LetterResult:
    from antt_cli.domain import lifecycle as life
    from antt_cli.services.record import resolve_number

    with writing(ctx, action=f"letter {template}", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        life.check_open(loaded.case)
        letters = letter_registry(w.dossier)
        k = resolve_letter(template, letters)
        record = build_letter(ctx, w.dossier, loaded.case, k, given, letters)
        record.number = resolve_number(k, str(record.issuer), record.date, given.number or "auto", w.dossier)
        new_case = loaded.case.copy()
        new_case.letters.append(record)
        record.file = f"letters/{len(new_case.letters):02d}-{k.name}.docx"
        rel = f"{w.dossier.case_dir_rel(case_id)}/{record.file}"
        w.check_clean([rel, loaded.rel], renders=True)
        data = _render(w.dossier, new_case, record, letters)
        record.sha256 = sha256(data)
        context = _context(w.dossier, new_case, record, letters)
        record.extra.update({"subject": str(context["subject"]), "recipients": list(context["to_list"])})
        w.write_bytes(rel, data)
        w.write_text(loaded.rel, loaded.text(new_case))
        w.summary = life.summary_line(case_id, k.title, record)
        if given.output is not None:
            _write_outside(w.dossier, given.output, Path(rel).name, data)
    return LetterResult(case_id, k.name, record, rel, w.tx.sha)


def _render(dossier: Dossier, case: Case, record: Record, letters: Registry) -> bytes:
    from antt_cli.store.kinds import load_registry

    return render_document(dossier, case, record, load_registry().with_kinds(letters))


def _context(dossier: Dossier, case: Case, record: Record, letters: Registry) -> dict:
    from antt_cli.documents.context import document_context
    from antt_cli.store.kinds import load_registry

    return document_context(dossier.profile, case, record, load_registry().with_kinds(letters))


def _write_outside(dossier: Dossier, output: Path | None, name: str, data: bytes) -> Path:
    """Write a letter's copy where `antt draft` writes (never inside the dossier)."""
    from antt_cli.services.draft import write_outside

    return write_outside(dossier.root, output, name, data)
