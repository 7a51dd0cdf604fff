"""The read cache of case files (docs/interpretations.md): whole-dossier commands read every `case.yaml`
through a cache keyed by the file's git blob id, so a warm run parses only what changed.

The blob id is computed from the bytes on disk (`sha1("blob <size>\\0" + content)`, the id
git gives the same content), so a file edited by hand and not yet committed is keyed by
what it holds now. While a writer holds the lock, a reading command takes the blob ids of
HEAD's files from git instead (store/source.py), and a warm cache then reads no file at all.
The cache lives in the git directory (`.git/antt/cases.json`), is never tracked, and is
data, not code: JSON, with dates and tuples tagged (`{"$date": "2026-06-20"}`,
`{"$tuple": [...]}`) so a digest comes back exactly as it went in. A cache that cannot be
read, does not parse, is of another version or holds an entry the caller's `check` refuses
is ignored (that entry, or the whole file) and rebuilt; anyone who can write `.git` could
otherwise run code through a pickle."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

VERSION = 9  # 9: the facts of `antt summary` (domain/summary.py); 8: an exemplar's evaluation and reassessments among the duties met, its clock's start; 7: JSON, digests carrying the rating, the establishment and targets met (dated), the exemplar's kind, clock and reassessments
MAX_BYTES = 256 * 1024 * 1024  # a cache larger than this is not ours: rebuilt


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def cache_file(root: Path) -> Path | None:
    git = root / ".git"
    if git.is_file():  # a worktree or submodule: ".git" points elsewhere
        text = git.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            git = (root / text.split(":", 1)[1].strip()).resolve()
    return git / "antt" / "cases.json" if git.is_dir() else None


def _encode(value: Any) -> Any:
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$date": value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(obj: dict) -> Any:
    if len(obj) == 1 and "$date" in obj:
        return dt.date.fromisoformat(obj["$date"])
    if len(obj) == 1 and "$tuple" in obj:
        return tuple(obj["$tuple"])
    return obj


class CaseCache:
    """blob id → parsed case (plain data). `get` parses on a miss; `save` writes back only
    when something new was parsed and keeps only the entries still in use."""

    def __init__(self, root: Path, check: Callable[[Any], bool] = lambda value: True) -> None:
        self.path = cache_file(root)
        self.entries: dict[str, Any] = {}
        self.used: set[str] = set()
        self.dirty = False
        if self.path and self.path.is_file():
            try:
                if self.path.stat().st_size > MAX_BYTES:
                    raise ValueError("too big")
                data = json.loads(self.path.read_bytes(), object_hook=_decode)
                if isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("entries"), dict):
                    self.entries = {k: v for k, v in data["entries"].items() if check(v)}
                    self.dirty = len(self.entries) != len(data["entries"])
            except Exception:  # unreadable, not JSON, a bad date: rebuilt
                self.entries = {}

    def get(self, data: bytes, parse: Callable[[bytes], Any]) -> Any:
        return self.get_keyed(blob_id(data), data, parse)

    def has(self, key: str) -> bool:
        return key in self.entries

    def get_keyed(self, key: str, data: bytes | None, parse: Callable[[bytes], Any]) -> Any:
        """The entry of blob `key`; on a miss `data` (its content) is parsed. A caller that
        knows the blob id without the content (HEAD's listing) passes None for a key it has."""
        self.used.add(key)
        if key in self.entries:
            return self.entries[key]
        if data is None:
            raise KeyError(key)
        value = parse(data)
        self.entries[key] = value
        self.dirty = True
        return value

    def save(self) -> None:
        if not self.path or not (self.dirty or set(self.entries) - self.used):
            return
        keep = {k: v for k, v in self.entries.items() if k in self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps({"version": VERSION, "entries": _encode(keep)}, ensure_ascii=False,
                              separators=(",", ":"))
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix="cases-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, self.path)
            try:  # the pickle an older antt kept is never read again
                os.unlink(self.path.with_name("cases.pickle"))
            except OSError:
                pass
        except (OSError, TypeError, ValueError):  # a read-only dossier still works, only slower
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass
