"""`antt record` (and the rendering/committing that `plan` and `amend` share): record an
issued document of a kind, render its DOCX, advance the case, commit — SPEC §3, §9, §11."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from antt_cli.domain import lifecycle as life
from antt_cli.domain.kinds import AUTHORITY, MEETING, PARTY, PROPOSER, STEERING, DocumentKind
from antt_cli.domain.numbers import next_number, number_form_ok
from antt_cli.domain.text import clean, name_key, nfc, same_name
from antt_cli.errors import AnttError
from antt_cli.services.common import Context, plain, sha256, transaction
from antt_cli.store.dossier import Dossier
from antt_cli.store.members import read_members
from antt_cli.store.yamlio import flow_map, new_map, new_seq


@dataclass
class RecordInput:
    """What the officer says about an issued document (CLI.md `antt record` options)."""

    date: dt.date | None = None
    number: str | None = None
    issuer: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    sign_as: str | None = None
    approved_by: str | None = None
    approved_date: dt.date | None = None
    members_file: Path | None = None
    secrecy: str | None = None
    attach: list[Path] = field(default_factory=list)
    sets: dict[str, str] = field(default_factory=dict)
    pdf: bool = False
    year: int | None = None


def parse_sets(pairs: list[str]) -> dict[str, str]:
    """`KEY=VALUE` strings → dict; a pair without '=' is a usage error."""
    from antt_cli.errors import AnttUsageError

    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise AnttUsageError("record.bad_set", pair=pair)
        result[key] = nfc(value.strip())
    return result


def default_issuer(case: Any, k: DocumentKind, dossier: Dossier) -> str | None:
    if k.issuer_role in (PROPOSER, MEETING):
        return case.get("proposer")
    if k.issuer_role == STEERING:
        return life.steering_body(case)
    if k.issuer_role == AUTHORITY:
        return case.get("authority")
    if k.issuer_role == PARTY:
        parties = [name for name, body in dossier.bodies().items() if life.is_party_body(str(name), body)]
        return str(parties[0]) if len(parties) == 1 else None
    return None


def resolve_signer(case: Any, k: DocumentKind, issuer: str, given: RecordInput, dossier: Dossier):
    """The signer `{prefix, title, name}`: as given, else the steering committee's head for
    its documents, else the issuing body's head (its deputy when signing `KT.`)."""
    prefix = given.sign_as
    name, title = clean(given.signer), clean(given.signer_title)
    body = dossier.body(issuer) or {}
    if k.issuer_role == STEERING and not name:
        head = life.steering_head(case)
        if head:
            name, title, prefix = head["name"], title or life.STEERING_HEAD_ROLE, prefix or "TM."
    if not name:
        person = body.get("deputy") if prefix == "KT." else body.get("head")
        if person:
            name, title = person.get("name"), title or person.get("title")
    elif not title:
        for person in (body.get("head"), body.get("deputy")):
            if person and same_name(str(person.get("name") or ""), name):
                title = person.get("title")
        if not title and k.issuer_role == STEERING:
            title = life.STEERING_HEAD_ROLE
    if not name:
        raise AnttError("record.signer_required", kind=k.name, issuer=issuer)
    if not title:
        raise AnttError("record.signer_title_required", name=name)
    return flow_map([("prefix", prefix), ("title", title), ("name", name)])


def _numbers_used(dossier: Dossier, issuer: str, year: int) -> list[str]:
    """The numbers an issuing body has given this year, across every case of the dossier."""
    key = name_key(issuer)
    return [number for digest in dossier.iter_digests()
            for body, used_year, number in digest["numbers"] if body == key and used_year == year]


def resolve_number(k: DocumentKind, issuer: str, day: dt.date, given: str | None, dossier: Dossier,
                   ignore: str | None = None) -> str | None:
    body = dossier.body(issuer)
    party = life.is_party_body(issuer, body)
    if given is None:
        if k.numbered:
            raise AnttError("record.number_required", kind=k.name)
        return None
    used = [n for n in _numbers_used(dossier, issuer, day.year) if n != ignore]
    if given == "auto":
        if not body or not body.get("own"):
            raise AnttError("record.auto_not_own", issuer=issuer)
        return next_number(used, k.type_code or "", str(body["code"]), party)
    number = nfc(given).strip()
    if not number_form_ok(number, party):
        example = "05-NQ/ĐU" if party else f"05/{k.type_code}-UBND" if k.type_code else "05/UBND"
        raise AnttError("record.bad_number", number=number, example=example)
    if any(name_key(u) == name_key(number) for u in used):
        raise AnttError("record.number_used", number=number, issuer=issuer, year=day.year)
    return number


def build_record(ctx: Context, dossier: Dossier, case: Any, k: DocumentKind, given: RecordInput) -> Any:
    """The document record of `given`, with defaults filled in from the case and antt.yaml."""
    from antt_cli.documents.context import template_fields

    sets = dict(given.sets)
    allowed = tuple(dict.fromkeys(life.allowed_fields(k.name) + template_fields(k.name)))
    for key in sets:
        if key not in allowed:
            raise AnttError("record.unknown_field", key=key, kind=k.name, allowed=", ".join(allowed))
    if (given.approved_by or given.approved_date) and k.name != "survey-plan":
        raise AnttError("record.approval_only_survey_plan")
    if given.members_file and not k.takes_members:
        raise AnttError("record.members_not_taken", kind=k.name)
    day = given.date or ctx.today
    issuer = clean(given.issuer) or default_issuer(case, k, dossier)
    if not issuer:
        raise AnttError("record.issuer_required", kind=k.name)
    issuer = dossier.body_name(issuer)
    record = new_map([("kind", k.name)])
    record["number"] = None
    record["date"] = day
    record["issuer"] = issuer
    record["signer"] = resolve_signer(case, k, issuer, given, dossier)
    if k.name == "survey-plan":
        record["approved_by"] = clean(given.approved_by)
        record["approved_date"] = given.approved_date
    record["secrecy"] = given.secrecy
    if k.name == "periodic-report":
        period = sets.get("period")
        year_text = sets.pop("year", None)
        if year_text is not None:
            if not year_text.isdigit():
                raise AnttError("record.bad_year", value=year_text)
            record["year"] = int(year_text)
        else:
            record["year"] = life.default_report_year(day, period)
    elif given.year is not None:
        record["year"] = given.year
    record["fields"] = new_map(sorted(sets.items()))
    if given.members_file:
        record["members"] = new_seq([flow_map(list(m.items())) for m in read_members(given.members_file)])
    life.check_record(case, k, record, ctx.today)
    record["number"] = resolve_number(k, issuer, day, given.number, dossier)
    return record


def render(dossier: Dossier, case: Any, record: Any) -> bytes:
    from antt_cli.documents.render import render_record

    return render_record(plain(dossier.profile), plain(case), plain(record), dossier.templates_override())


def to_pdf(docx: bytes, name: str) -> bytes:
    """DOCX → PDF through LibreOffice, where it is installed (`--pdf`)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        raise AnttError("record.no_libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{name}.docx"
        src.write_bytes(docx)
        profile = Path(tmp) / "profile"
        subprocess.run([office, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=False, capture_output=True, timeout=180)
        out = Path(tmp) / f"{name}.pdf"
        if not out.is_file():
            raise AnttError("record.pdf_failed", file=src.name)
        return out.read_bytes()


def summary_line(case_id: str, title: str, record: Any) -> str:
    """The commit's summary line (SPEC §11): `[ID] <what> (số <number>)`."""
    number = f" (số {record['number']})" if record.get("number") else ""
    return f"[{case_id}] {title}{number}"


def _check_attachment(path: Path, max_mb: float) -> None:
    if not path.is_file():
        raise AnttError("record.attach_missing", file=str(path))
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise AnttError("record.attach_too_big", file=str(path), mb=f"{size / 1048576:.1f}", max=max_mb)


def record_document(ctx: Context, case_id: str, kind: str, given: RecordInput, *,
                    before_render=None, action: str | None = None, summary=None) -> Any:
    """Record an issued document; returns the stored record. Nothing changes on refusal.
    `summary(record)` gives the commit's summary line when the kind's title is not it."""
    # The case is read, and numbers allocated, under the dossier lock (taken on entering).
    with transaction(ctx, None, action=action or f"record {kind}", case_id=case_id) as tx:
        dossier = ctx.dossier()
        case = dossier.load_case(case_id)
        if case.get("kind") != "model":
            raise AnttError("record.model_only", id=case_id)
        k = life.model_kind(kind)
        if k.name == "annual-plan" and action is None:
            raise AnttError("record.use_plan", id=case_id)
        tx.action = action or f"record {k.name}"
        record = build_record(ctx, dossier, case, k, given)
        for path in given.attach:
            _check_attachment(path, dossier.rules.attach_max_mb)
        for key, value in life.record_effects(case, k, record).items():
            case[key] = value
        documents = case.get("documents")
        if documents is None:
            documents = case["documents"] = new_seq()
        seq = len(documents) + 1
        case_dir = dossier.case_dir_rel(case_id)
        record["file"] = f"docs/{seq:02d}-{k.name}.docx"
        rel = f"{case_dir}/{record['file']}"
        folder = "evidence" if k.name == "evidence" else "docs"
        attachments = [f"{folder}/{seq:02d}-{nfc(path.name)}" for path in given.attach]
        if attachments:
            record["attachments"] = new_seq(attachments)
        documents.append(record)
        if before_render is not None:
            before_render(case, record)
        data = render(dossier, case, record)
        record["sha256"] = sha256(data)
        pdf = to_pdf(data, Path(rel).stem) if given.pdf else None
        tx.summary = summary(record) if callable(summary) else summary_line(case_id, k.title, record)
        pdf_rel = rel[: -len(".docx")] + ".pdf"
        attach_rels = [f"{case_dir}/{dest}" for dest in attachments]
        # One git question for every path (a git process costs most on Windows).
        tx.check_clean([rel, dossier.case_relpath(case_id), *attach_rels] + ([pdf_rel] if pdf else []))
        tx.write_bytes(rel, data)
        if pdf is not None:
            tx.write_bytes(pdf_rel, pdf)
        for src, dest in zip(given.attach, attach_rels):
            tx.copy_file(src, dest)
        tx.write_text(dossier.case_relpath(case_id), dossier.dump(case))
    return record
