"""The read cache of case files (docs/interpretations.md): whole-dossier commands read every `case.yaml`
through a cache keyed by the file's git blob id, so a warm run parses only what changed.

The blob id is computed from the bytes on disk (`sha1("blob <size>\\0" + content)`, the id
git gives the same content), so a file edited by hand and not yet committed is keyed by
what it holds now. While a writer holds the lock, a reading command takes the blob ids of
HEAD's files from git instead (store/source.py), and a warm cache then reads no file at all.
The cache lives in the git directory (`.git/antt/cases.pickle`), is
never tracked, and is rebuilt whenever it cannot be read."""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable

VERSION = 5  # 5: digests carry the rating (grade from the decision records, proposed grade, late steps) and the exemplar's kind, clock and reassessments


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def cache_file(root: Path) -> Path | None:
    git = root / ".git"
    if git.is_file():  # a worktree or submodule: ".git" points elsewhere
        text = git.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            git = (root / text.split(":", 1)[1].strip()).resolve()
    return git / "antt" / "cases.pickle" if git.is_dir() else None


class CaseCache:
    """blob id → parsed case (plain data). `get` parses on a miss; `save` writes back only
    when something new was parsed and keeps only the entries still in use."""

    def __init__(self, root: Path) -> None:
        self.path = cache_file(root)
        self.entries: dict[str, Any] = {}
        self.used: set[str] = set()
        self.dirty = False
        if self.path and self.path.is_file():
            try:
                with self.path.open("rb") as handle:
                    version, entries = pickle.load(handle)
                if version == VERSION and isinstance(entries, dict):
                    self.entries = entries
            except Exception:  # a damaged or foreign cache is simply rebuilt
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
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix="cases-", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((VERSION, keep), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:  # a read-only dossier still works, only slower
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass
