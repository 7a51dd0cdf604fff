"""`antt.yaml` as a command last read it, kept beside the read cache (`.git/antt/profile.json`)
with the SHA-1 of its bytes and the cache's version, so that the next command takes the
plain data from JSON instead of parsing YAML: that spares it importing the YAML reader, a
fifteenth of a `status ID` or a `history ID` (docs/interpretations.md, "Where the registers
and the read cache live").

It is keyed by the file's content, so an edited `antt.yaml` (by hand, by a `git pull`, by
antt) is simply parsed again. Only a profile that was read with the fast loader and passed
every check is kept, and only when JSON gives it back exactly (keys that are text, no
mapping shaped like a tagged date); what is read back goes through the same checks as a
parsed profile (store/dossier.py `Dossier._open`). A record that is damaged, of another
version or unreadable is not used; one that cannot be written is not kept."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

NAME = "profile.json"
MAX_BYTES = 1024 * 1024  # a profile is a few KB: a larger record is not ours


def _path(root: Path) -> Path | None:
    from antt_cli.store.cache import git_folder

    folder = git_folder(Path(root))
    return folder / "antt" / NAME if folder is not None else None


def _key(raw: bytes) -> str:
    from antt_cli.store.cache import _stamp

    return f"{_stamp()}:{hashlib.sha1(raw).hexdigest()}"


def recall(root: Path, raw: bytes) -> Any | None:
    """The profile kept for these bytes of `antt.yaml`, else None."""
    from antt_cli.store.cache import decode

    path = _path(root)
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        kept = json.loads(path.read_bytes(), object_hook=decode)
    except (OSError, ValueError):  # missing, unreadable, not JSON, a bad tagged date
        return None
    if not isinstance(kept, dict) or kept.get("key") != _key(raw) or not isinstance(kept.get("profile"), dict):
        return None
    return kept["profile"]


def keep(root: Path, raw: bytes, profile: Any) -> None:
    """Keep `profile` (read from `raw`, every check passed) for the next command, if JSON
    gives it back as it is."""
    from antt_cli.store.cache import decode, encode

    path = _path(root)
    if path is None:
        return
    try:
        text = json.dumps({"key": _key(raw), "profile": encode(profile)}, ensure_ascii=False)
        if json.loads(text, object_hook=decode)["profile"] != profile:
            return  # a key that is not text, a mapping like {"$date": …}: parsed each time
    except (TypeError, ValueError):
        return
    temporary = path.with_name(f"{NAME}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:  # a read-only dossier: parsed each time
        try:
            temporary.unlink()
        except OSError:
            pass
