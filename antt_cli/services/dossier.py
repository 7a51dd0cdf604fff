"""Use cases of the dossier itself: `antt init`, `antt bodies add`, `antt bodies successor`."""
from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from antt_cli.domain.numbers import own_code_holder
from antt_cli.domain.text import bodies_named, nfc, same_name
from antt_cli.errors import AnttError
from antt_cli.i18n import t
from antt_cli.services.common import Context, writing
from antt_cli.domain.vocab import UNIT_KINDS
from antt_cli.store.dossier import PROFILE
from antt_cli.store.profile import new_profile_text, with_body, with_successor

GITATTRIBUTES = """# antt: case files are text with LF endings on every platform; documents are binary.
*.yaml text eol=lf
*.md text eol=lf
*.csv text eol=lf
*.docx binary
*.pdf binary
*.xlsx binary
"""


_PLACE_PREFIXES = ("công an ", "ủy ban nhân dân ", "ubnd ", "xã ", "phường ", "thị trấn ", "đặc khu ",
                   "huyện ", "thị xã ", "thành phố ", "tỉnh ")


def place_of(unit: str) -> str:
    """A guess at the place name of the date line from the unit's name ("Công an xã Hàm
    Thuận" → "Hàm Thuận"); `--place` or antt.yaml says otherwise."""
    from antt_cli.domain.text import name_key

    place = unit
    changed = True
    while changed:
        changed = False
        for prefix in _PLACE_PREFIXES:
            if name_key(place).startswith(prefix) and len(place) > len(prefix):
                place, changed = place[len(prefix):].strip(), True
    return place


@dataclass
class InitInput:
    """What the officer says about a new dossier (docs/commands.md `antt init` options)."""

    unit: str
    province: str
    unit_kind: str = "residential"
    place: str | None = None          # None: guessed from the unit's name (`place_of`)
    parent_body: str | None = None
    officer: str | None = None
    officer_email: str | None = None
    guideline_issuer: str | None = None  # None: the default for the province (docs/interpretations.md)


SYNC_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def synced_folder(root: Path, environ: Mapping[str, str]) -> str | None:
    """The OneDrive folder `root` lies in, if any: OneDrive syncs `.git` too (the lock, the
    journal, the index) file by file and can bring back a half state from another PC; a
    dossier belongs in a plain folder, backed up with `git push` or `git bundle`."""
    parts = [p.casefold() for p in root.parts]
    for var in SYNC_VARIABLES:
        base = environ.get(var)
        if base and [p.casefold() for p in Path(base).parts] == parts[:len(Path(base).parts)]:
            return base
    for i, part in enumerate(root.parts):
        if part.casefold().startswith("onedrive"):
            return str(Path(*root.parts[:i + 1]))
    return None


def init_dossier(path: Path, given: InitInput, notice: Callable[[str], None] | None = None) -> Path:
    """`antt init`: create the folder, `git init`, write `antt.yaml`, first commit. On any
    failure whatever it created is removed again."""
    from antt_cli.audit import git as gitq
    from antt_cli.audit.transaction import Transaction

    unit, province, unit_kind = nfc(given.unit).strip(), nfc(given.province).strip(), given.unit_kind
    officer, officer_email, place, parent_body = given.officer, given.officer_email, given.place, given.parent_body
    if not unit or not province:
        raise AnttError("services.dossier.unit_required")
    if unit_kind not in UNIT_KINDS:
        raise AnttError("services.dossier.bad_unit_kind", value=unit_kind, kinds=", ".join(UNIT_KINDS))
    issuer = " ".join(nfc(given.guideline_issuer).split()) if given.guideline_issuer is not None else None
    if issuer == "":
        raise AnttError("services.dossier.guideline_issuer_empty")
    root = path.expanduser().resolve()
    if (root / PROFILE).exists():
        raise AnttError("services.dossier.already", path=str(root))
    if root.exists() and not root.is_dir():
        raise AnttError("services.dossier.not_a_folder", path=str(root))
    created_root = not root.exists()
    had_git = root.exists() and (root / ".git").exists()
    synced = synced_folder(root, os.environ)
    if synced and notice is not None:
        notice(t("services.dossier.synced_folder", folder=synced))
    try:
        root.mkdir(parents=True, exist_ok=True)
        if not had_git:
            gitq.init_repo(root)
        officer = nfc(officer).strip() if officer else None
        if not officer and gitq.config_identity(root) is None:
            # No antt.yaml yet to write an officer into: the command's own option is the fix.
            raise AnttError("services.dossier.no_identity")
        text = new_profile_text(unit, province, unit_kind, nfc(place).strip() if place else place_of(unit),
                                nfc(parent_body).strip() if parent_body else None, officer, officer_email,
                                issuer)
        with Transaction(root, summary=f"Khởi tạo hồ sơ {unit}", action="init", case_id=None,
                         officer=officer, officer_email=officer_email,
                         notice=notice, allow_unborn=True) as tx:
            tx.write_text(PROFILE, text)
            tx.write_text(".gitattributes", GITATTRIBUTES)
            tx.commit()
    except BaseException:
        if created_root:
            shutil.rmtree(root, ignore_errors=True)
        elif not had_git:
            shutil.rmtree(root / ".git", ignore_errors=True)
        raise
    return root


def _person(spec: str | None, option: str) -> Any:
    """"TITLE: NAME" → { title, name }."""
    if spec is None:
        return None
    title, sep, name = nfc(spec).partition(":")
    if not sep or not title.strip() or not name.strip():
        raise AnttError("services.dossier.bad_person", option=option, value=spec)
    return {"title": " ".join(title.split()), "name": " ".join(name.split())}


@dataclass
class BodyInput:
    """A body that issues documents (docs/commands.md `antt bodies add` options)."""

    name: str
    code: str                       # the body's code in document numbers (05/QĐ-UBND)
    head: str | None = None         # "TITLE: NAME"
    deputy: str | None = None       # "TITLE: NAME"
    own: bool = False               # one of the unit's own bodies: `--number auto` uses its register
    party: bool = False             # a party committee (party document format)
    parent: str | None = None


def add_body(ctx: Context, given: BodyInput) -> str:
    """`antt bodies add`: a body that issues documents, its number code and its signers."""
    name = " ".join(nfc(given.name).split())
    code, own = nfc(given.code).strip(), given.own
    if not name:
        raise AnttError("services.dossier.body_name_required")
    if not code or any(ch.isspace() or ch in "/" for ch in code):
        raise AnttError("services.dossier.bad_code", code=code)
    body: dict[str, Any] = {"code": code}
    if given.parent:
        body["parent"] = " ".join(nfc(given.parent).split())
    if given.head:
        body["head"] = _person(given.head, "--head")
    if given.deputy:
        body["deputy"] = _person(given.deputy, "--deputy")
    if own:
        body["own"] = True
    if given.party:
        body["party"] = True
    with writing(ctx, action="bodies add", case_id=None, edit_profile=True) as w:
        dossier = w.dossier  # read under the lock: two writers never lose a body
        named = bodies_named(name, [str(known) for known in dossier.bodies()])
        if len(named) > 1:  # bare letters that fit several declared bodies: never a third spelling
            raise AnttError("domain.body_ambiguous", given=name, bodies="; ".join(f"'{n}'" for n in named))
        if dossier.body(name) is not None:
            raise AnttError("services.dossier.body_exists", name=dossier.body_name(name))
        if own and (holder := own_code_holder(code, dossier.bodies())) is not None:
            raise AnttError("services.dossier.own_code_taken", code=code, other=holder)
        w.check_clean([PROFILE], renders=False)
        w.write_text(PROFILE, with_body(dossier.profile, name, body))
        w.summary = f"Thêm cơ quan ban hành: {name} ({code})"
    return name


def add_successor(ctx: Context, old: str, new: str) -> None:
    """`antt bodies successor OLD NEW` (docs/rules.md, bodies that changed): chains allowed,
    cycles refused."""
    old, new = " ".join(nfc(old).split()), " ".join(nfc(new).split())
    if not old or not new or same_name(old, new):
        raise AnttError("services.dossier.bad_successor", old=old, new=new)
    with writing(ctx, action="bodies successor", case_id=None, edit_profile=True) as w:
        successors = {str(k): str(v) for k, v in (w.dossier.profile.get("successors") or {}).items()}
        for known, value in successors.items():
            if same_name(known, old):
                raise AnttError("services.dossier.successor_exists", old=known, new=value)
        # Walk the chain from NEW: reaching OLD again would make a cycle.
        current, seen = new, 0
        while current is not None and seen <= len(successors):
            if same_name(current, old):
                raise AnttError("services.dossier.successor_cycle", old=old, new=new)
            current = next((v for k, v in successors.items() if same_name(k, current)), None)
            seen += 1
        w.check_clean([PROFILE], renders=False)
        w.write_text(PROFILE, with_successor(w.dossier.profile, old, new))
        w.summary = f"Cơ quan kế thừa: {old} → {new}"
