"""`antt record` and `antt plan`: record an issued document of a kind, render its DOCX, advance
the case, commit — docs/rules.md, docs/kinds.md, docs/commands.md. One pipeline for every kind;
the annual plan is the kind whose spec says `year: plan` with its year and targets as input.
`amend` and `draft` use the same steps (issuer, signer, number, render) from here."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from antt_cli.domain import lifecycle as life
from antt_cli.domain.issuers import STEERING_HEAD_ROLE, is_party_body, steering_head
from antt_cli.domain.kindspec import STEERING, KindSpec, Registry
from antt_cli.domain.model import Case, Plan, Record, Signer, Target
from antt_cli.domain.numbers import next_number, number_problem, register_clash
from antt_cli.domain.text import body_key, clean, name_key, nfc, portable_name, same_name
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import kind_label
from antt_cli.services.common import Context, Writer, sha256, writing
from antt_cli.services.targets import check_year, parse_targets, plan_kind
from antt_cli.store.dossier import Dossier
from antt_cli.store.kinds import load_registry


@dataclass
class RecordInput:
    """What the officer says about an issued document (docs/commands.md `antt record` options)."""

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
    year: int | None = None                            # `year: plan` kinds: the evaluation year
    targets: list[str] = field(default_factory=list)   # `year: plan` kinds: "TEXT=NUMBER", …
    command: str = "record"                            # the command the officer used (spec `command`)


def kind_title(name: str) -> object:
    """How a sentence names the kind `name`: its title under vi, its name under en (a name the
    registry does not hold is printed as given)."""
    from antt_cli.store.kinds import load_registry

    spec = load_registry().get(name)
    return kind_label(spec) if spec is not None else name


@dataclass(frozen=True)
class RecordResult:
    """What `record` (and `plan`, `amend`) did: the case, the stored record, the commit."""

    case_id: str
    kind: str
    record: Record
    file: str
    commit: str | None

    def as_json(self) -> dict[str, Any]:
        """`--json`'s object: the case ID, the record as stored in case.yaml, the commit."""
        from antt_cli.domain.model import record_to
        from antt_cli.services.common import jsonable

        return {"id": self.case_id, **jsonable(record_to(self.record)), "commit": self.commit}


@dataclass(frozen=True)
class UnderLock:
    """A command's own rules in the one record pipeline, run under the dossier's lock
    (`antt close`, `antt propose-national`): `check(w, case)` on the loaded case before any
    other check — it refuses, or returns what the record carries besides its fields (its
    `extra`); `finish(w, new_case)` once the record is saved, before the commit."""

    check: Callable[[Writer, Case], dict[str, Any]]
    finish: Callable[[Writer, Case], None] | None = None


def command_kind(reg: Registry, command: str, case_kind: str = "model") -> str:
    """The kind a command of its own records (its spec's `command:`, docs/kinds.md)."""
    return next(k.name for k in reg.of_case(case_kind) if k.command == command)


def parse_sets(pairs: list[str]) -> dict[str, str]:
    """`KEY=VALUE` strings → dict; a pair without '=' is a usage error."""
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise AnttUsageError("services.record.bad_set", pair=pair)
        result[key] = nfc(value.strip())
    return result


def default_issuer(case: Case, k: KindSpec, dossier: Dossier) -> str | None:
    """The usual issuer of a kind (domain/checklist.py `usual_issuer`, over antt.yaml's bodies)."""
    from antt_cli.domain.checklist import usual_issuer

    return usual_issuer(case, k, dossier.bodies())


def resolve_signer(case: Case, k: KindSpec, issuer: str, given: RecordInput, dossier: Dossier) -> Signer:
    """As given, else the steering committee's head for its documents, else the issuing
    body's head (its deputy when signing `KT.`)."""
    prefix = given.sign_as
    name, title = clean(given.signer), clean(given.signer_title)
    body = dossier.body(issuer) or {}
    if k.issuer == STEERING and not name:
        lists = [d.members for d in case.documents if d.kind in load_registry().steering_kinds() and d.members]
        head = next((h for h in (steering_head(m) for m in reversed(lists)) if h), None)
        if head:
            name, title, prefix = head["name"], title or STEERING_HEAD_ROLE, prefix or "TM."
    if not name:
        person = body.get("deputy") if prefix == "KT." else body.get("head")
        if person:
            name, title = person.get("name"), title or person.get("title")
    elif not title:
        for person in (body.get("head"), body.get("deputy")):
            if person and same_name(str(person.get("name") or ""), name):
                title = person.get("title")
        if not title and k.issuer == STEERING:
            title = STEERING_HEAD_ROLE
    if not name:
        raise AnttError("services.record.signer_required", kind=k.name, issuer=issuer)
    if not title:
        raise AnttError("services.record.signer_title_required", name=name)
    return Signer(name=str(name), title=str(title), prefix=prefix)


def numbers_used(dossier: Dossier, issuer: str, year: int) -> list[str]:
    """The numbers an issuing body has given this year, across every case of the dossier."""
    key = body_key(issuer)
    return [number for digest in dossier.iter_digests()
            for body, used_year, number in digest["numbers"] if used_year == year and body_key(body) == key]


def resolve_number(k: KindSpec, issuer: str, day: dt.date, given: str | None, dossier: Dossier,
                   ignore: str | None = None) -> str | None:
    """The record's number: the next of the issuing body's register (`auto`, the unit's own
    bodies), or the number given by hand checked for form, type code, body code and clash
    in the body's register of the year (docs/interpretations.md)."""
    body = dossier.body(issuer)
    party = is_party_body(issuer, body)
    if given is None:
        if k.numbered:
            raise AnttError("services.record.number_required", kind=k.name)
        return None
    if not k.numbered:
        raise AnttError("services.record.number_not_taken", kind=k.name, title=k.title)
    used = [n for n in numbers_used(dossier, issuer, day.year) if n != ignore]
    if given == "auto":
        if not body or not body.get("own"):
            raise AnttError("services.record.auto_not_own", issuer=issuer)
        return next_number(used, k.type_code, body.get("code"), party, issuer=issuer)
    number = nfc(given).strip()
    problem = number_problem(number, accepted_types=k.type_codes, party=party,
                             body_code=str(body["code"]) if body and body.get("code") else None)
    if problem is not None:
        raise AnttError(problem[0], **problem[1])
    other = register_clash(number, used)
    if other is not None:
        raise AnttError("services.numbers.register_clash", number=number, other=other, issuer=issuer, year=day.year)
    return number


# Pseudo file systems: their "files" (/proc/self/environ) look regular but hold the state of
# the running process or the machine, never a scan to keep in a dossier.
PSEUDO_FILE_SYSTEMS = ("/proc", "/sys", "/dev")


def _check_attachment(path: Path, max_mb: float) -> None:
    """`--attach` takes an existing regular file (not a device, a pipe, a folder or a file of
    /proc or /sys) no larger than rules.attach_max_mb."""
    import stat

    try:
        info = path.stat()
    except OSError:
        raise AnttError("services.record.attach_missing", file=str(path)) from None
    resolved = str(path.resolve())
    if not stat.S_ISREG(info.st_mode) or any(resolved == top or resolved.startswith(top + "/")
                                              for top in PSEUDO_FILE_SYSTEMS):
        raise AnttError("services.record.attach_not_regular", file=str(path))
    size = info.st_size
    if size > max_mb * 1024 * 1024:
        raise AnttError("services.record.attach_too_big", file=str(path), mb=f"{size / 1048576:.1f}", max=max_mb)


def _refuse_colliding_names(names: list[str]) -> None:
    """Two attachments whose names differ only in case ("Scan.pdf", "scan.PDF") would be one
    file on Windows (NTFS) and macOS: the second would silently replace the first."""
    seen: dict[str, str] = {}
    for name in names:
        folded = name.casefold()
        if folded in seen:
            raise AnttError("services.record.attach_same_name", first=seen[folded], second=name)
        seen[folded] = name


def build_record(ctx: Context, dossier: Dossier, case: Case, k: KindSpec, given: RecordInput,
                 reg: Registry) -> Record:
    """The document record of `given`, with defaults filled in from the case and antt.yaml."""
    from antt_cli.store.members import read_members

    sets = dict(given.sets)
    allowed = reg.allowed_fields(k)
    for key in sets:
        if key not in allowed:
            raise AnttError("services.record.unknown_field", key=key, kind=k.name, allowed=", ".join(allowed))
    if (given.approved_by or given.approved_date) and k.approval == "none":
        raise AnttError("services.record.approval_not_taken", kind=kind_label(k),
                        kinds=kind_label(*(x for x in reg.of_case(k.case) if x.approval != "none")))
    if given.members_file and k.members == "none":
        raise AnttError("services.record.members_not_taken", kind=kind_label(k),
                        kinds=kind_label(*(x for x in reg.of_case(k.case) if x.members != "none")))
    if given.attach and k.attachments == "none":
        raise AnttError("services.domain.attachments_not_taken", kind=k.name)
    day = given.date or ctx.today
    issuer = clean(given.issuer) or default_issuer(case, k, dossier)
    if not issuer:
        raise AnttError("services.record.issuer_required", kind=k.name)
    issuer = dossier.body_name(issuer)
    year = given.year
    if k.year == "report":
        year_text = sets.pop("year", None)
        if year_text is not None:
            if not year_text.isdigit():
                raise AnttError("services.record.bad_year", value=year_text)
            year = int(year_text)
        elif k.rating != "none":  # docs/interpretations.md: a rating step's year is said, never guessed
            spec = k.fields.get("year")
            raise AnttError("domain.field_required", kind=k.name, key="year", help=spec.help if spec else "year",
                            choices="")
        else:
            year = life.report_year(day, sets.get("period"))
    record = Record(kind=k.name, date=day, issuer=issuer,
                    signer=resolve_signer(case, k, issuer, given, dossier),
                    approved_by=clean(given.approved_by) if k.approval != "none" else None,
                    approved_date=given.approved_date if k.approval != "none" else None,
                    secrecy=given.secrecy, year=year, fields=dict(sorted(sets.items())))
    if given.members_file:
        record.members = read_members(given.members_file)
    for path in given.attach:
        _check_attachment(path, dossier.rules.attach_max_mb)
    record.attachments = [portable_name(path.name) for path in given.attach]  # placed by save_recorded
    _refuse_colliding_names(record.attachments)
    return record


def find_libreoffice() -> str | None:
    """`ANTT_SOFFICE`, then PATH, then where the LibreOffice installer puts it on Windows
    (it does not add itself to PATH) and on macOS."""
    given = os.environ.get("ANTT_SOFFICE")
    if given:
        return given if Path(given).is_file() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    places = [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
        base = os.environ.get(var)
        if base:
            places.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    return next((str(p) for p in places if p.is_file()), None)


def to_pdf(docx: bytes, name: str) -> bytes:
    """DOCX → PDF through LibreOffice, where it is installed (`--pdf`)."""
    office = find_libreoffice()
    if not office:
        raise AnttError("services.record.no_libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{name}.docx"
        src.write_bytes(docx)
        profile = Path(tmp) / "profile"
        subprocess.run([office, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=False, capture_output=True, timeout=180)
        out = Path(tmp) / f"{name}.pdf"
        if not out.is_file():
            raise AnttError("services.record.pdf_failed", file=src.name)
        return out.read_bytes()


def save_recorded(w: Writer, loaded: Any, new_case: Case, record: Record, *, attach: list[Path],
                  pdf: bool, folder: str) -> str:
    """Render the new record's document and write it, its scans and the case file: the
    last step of record and plan. Returns the document's path in the dossier."""
    seq = len(new_case.documents)
    case_dir = w.dossier.case_dir_rel(new_case.id)
    record.file = f"docs/{seq:02d}-{record.kind}.docx"
    record.attachments = [f"{folder}/{seq:02d}-{portable_name(path.name)}" for path in attach]
    rel = f"{case_dir}/{record.file}"
    attach_rels = [f"{case_dir}/{dest}" for dest in record.attachments]
    pdf_rel = rel[: -len(".docx")] + ".pdf"
    # One git question for every path (a git process costs most on Windows).
    w.check_clean([rel, loaded.rel, *attach_rels] + ([pdf_rel] if pdf else []), renders=True)
    data = w.render(new_case, record)
    record.sha256 = sha256(data)
    pdf_data = to_pdf(data, Path(rel).stem) if pdf else None
    w.write_bytes(rel, data)
    if pdf_data is not None:
        w.write_bytes(pdf_rel, pdf_data)
    for src, dest in zip(attach, attach_rels):
        w.copy_file(src, dest)
    w.write_text(loaded.rel, loaded.text(new_case))
    return rel


def record_document(ctx: Context, case_id: str, kind: str, given: RecordInput,
                    under_lock: UnderLock | None = None) -> RecordResult:
    """Record an issued document (`antt record`; `antt plan` for the plan kind; `antt close`
    and `antt propose-national` with their own rules `under_lock`). Nothing changes on
    refusal. A rating step past its deadline is marked late (services/rating.py)."""
    from antt_cli.services.late import mark_late

    reg = load_registry()
    # the kind as typed (title, unaccented, prefix) read once, for the case's type
    try:
        spec: KindSpec | None = life.kind_spec(reg, kind, Dossier.case_kind_of(case_id))
        kind = spec.cli
    except AnttError:  # refused below, after the command's own checks, with the same sentence
        spec = None
    planned = spec is not None and spec.year == "plan"
    # the plan's input is checked first, unless the kind is refused for its command below
    targets = _plan_targets(given) if planned and spec.command == given.command else []
    action = f"record {kind}" if given.command == "record" else given.command
    with writing(ctx, action=action, case_id=case_id) as w:
        loaded = w.load_case(case_id)
        extra = under_lock.check(w, loaded.case) if under_lock else {}
        if given.command == "plan":
            life.check_model_only(loaded.case, "plan")
        k = life.kind_spec(reg, kind, loaded.case.kind)
        life.check_recordable(loaded.case, k, reg, command=given.command)
        if given.targets and not planned:
            raise AnttError("services.amend.targets_only_plan", kind=kind_label(k), plan=kind_label(plan_kind(reg)))
        record = build_record(ctx, w.dossier, loaded.case, k, given, reg)
        record.extra.update(extra)
        life.check_record(loaded.case, k, record, ctx.today, reg, w.dossier.profile.get("successors"))
        record.number = resolve_number(k, str(record.issuer), record.date, given.number, w.dossier)
        mark_late(w, k, record, w.dossier.rules)
        new_case = life.apply_record(loaded.case, k, record)
        if planned:
            new_case.plans[record.year] = Plan(year=record.year, date=record.date, number=record.number,
                                               targets=targets)
        rel = save_recorded(w, loaded, new_case, record, attach=given.attach, pdf=given.pdf,
                            folder=k.attach_folder)
        if under_lock and under_lock.finish:
            under_lock.finish(w, new_case)
        w.summary = life.summary_line(case_id, k.summary_text(record.year), record)
    if planned and not targets:
        ctx.notice(_t("services.plans.no_targets", year=record.year))
    return RecordResult(case_id, k.name, record, rel, w.tx.sha)


def _plan_targets(given: RecordInput) -> list[Target]:
    """The plan kind's input, checked before the lock: its evaluation year and its targets."""
    check_year(given.year)
    return parse_targets(given.targets)


def _t(key: str, **params: object) -> str:
    from antt_cli.i18n import t

    return t(key, **params)
