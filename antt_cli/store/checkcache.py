"""The findings of `antt check`, case by case, kept beside the read cache's digests in
`.git/antt/cases.sqlite` (store/cache.py; docs/interpretations.md, "The read cache"), so a
second `antt check` parses no case file and hashes no document file.

An entry holds what `services/check.py` found in one case on its own (its dossier items, its
findings, the numbers it put in the registers) and the files it read to find it: each
record's document file with its git blob id (None when it was not there). It is keyed by
everything else the findings follow from: the case file's blob id, the day judged, the
dossier's `antt.yaml` and the code that judges (the `stamp`). An entry is used only when
every file it read still has the same blob id; a hand edit of `case.yaml`, a document
edited in Word, a `git pull` each change a key or a file's blob id, so the case is judged
again. Like the digests, entries are data (JSON), rebuildable, never committed; a cache that
cannot be opened or written only makes `antt check` slower."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

# Stamps (day × antt.yaml × code) kept: today's and a few `--date` runs; older ones removed.
KEEP_STAMPS = 3
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS checks (stamp TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, "
    "PRIMARY KEY (stamp, key))",
    "CREATE TABLE IF NOT EXISTS check_stamps (stamp TEXT PRIMARY KEY, seen INTEGER NOT NULL)",
)
# What the findings are computed by: a change to any of these files (a new rule, a kind spec
# edited) is a new stamp, so no entry of older code is ever used.
_CODE = ("domain", "store", "kinds", "services/check.py")


def code_mark() -> str:
    """Size and modification time of every file of the code that judges a case (and of the
    kind specs `$ANTT_KINDS` points to): one stat each, no read."""
    import antt_cli

    base = Path(antt_cli.__file__).parent
    extra = os.environ.get("ANTT_KINDS")
    parts: list[str] = [getattr(antt_cli, "__version__", ""), extra or ""]
    places = [base / rel for rel in _CODE] + ([Path(extra)] if extra else [])
    for place in places:
        files = sorted(place.rglob("*")) if place.is_dir() else [place]
        for f in files:
            if f.suffix in (".py", ".yaml", ".yml") and f.is_file():
                st = f.stat()
                parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts)


def stamp_of(*parts: Any) -> str:
    """One key from what every entry of a run shares (JSON of the parts, dates as ISO text)."""
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CheckCache:
    """(stamp, case ID + case file's blob id) → entry. `get` answers from the entries of the
    stamp, loaded at the first question; `put` keeps a new entry; `save` writes them in one
    transaction and, after a whole-dossier run (`prune`), drops the entries of case files no
    longer there and the stamps not seen lately."""

    def __init__(self, root: Path, stamp: str) -> None:
        from antt_cli.store.cache import CaseCache

        self._file = CaseCache(root)
        self.stamp = stamp
        self.new: dict[str, Any] = {}
        self.used: set[str] = set()
        self._rows: dict[str, str] | None = None
        self._db = None

    def _connect(self):
        if self._db is None:
            db = self._file.connect()
            if db is not None:
                try:
                    for statement in _SCHEMA:
                        db.execute(statement)
                except Exception:  # noqa: BLE001 - a read-only or locked cache: no entries
                    db = None
            self._db = db
        return self._db

    def get(self, key: str) -> Any | None:
        """The entry of `key` (decoded), None on a miss or an entry that is not ours."""
        from antt_cli.store.cache import decode

        if self._rows is None:
            self._rows = {}
            db = self._connect()
            if db is not None:
                try:
                    self._rows = dict(db.execute("SELECT key, data FROM checks WHERE stamp=?", (self.stamp,)))
                except Exception:  # noqa: BLE001 - damaged: everything a miss
                    self._rows = {}
        raw = self._rows.get(key)
        if raw is None:
            return None
        try:
            value = json.loads(raw, object_hook=decode)
        except Exception:  # noqa: BLE001 - not JSON: a miss
            return None
        if not isinstance(value, dict):
            return None
        self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.used.add(key)
        self.new[key] = value

    def save(self, prune: bool = False) -> None:
        from antt_cli.store.cache import encode

        db = self._connect()
        stale = set(self._rows or ()) - self.used if prune else set()
        if db is None or (not self.new and not stale and self._rows is not None and self.used):
            self.close()
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO checks VALUES (?, ?, ?)",
                           [(self.stamp, key, json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")))
                            for key, value in self.new.items()])
            db.executemany("DELETE FROM checks WHERE stamp=? AND key=?", [(self.stamp, k) for k in stale])
            seen = (db.execute("SELECT MAX(seen) FROM check_stamps").fetchone()[0] or 0) + 1
            db.execute("INSERT OR REPLACE INTO check_stamps VALUES (?, ?)", (self.stamp, seen))
            old = [s for (s,) in db.execute("SELECT stamp FROM check_stamps ORDER BY seen DESC")][KEEP_STAMPS:]
            db.executemany("DELETE FROM checks WHERE stamp=?", [(s,) for s in old])
            db.executemany("DELETE FROM check_stamps WHERE stamp=?", [(s,) for s in old])
            db.execute("COMMIT")
        except Exception:  # noqa: BLE001 - locked or read-only: the next run judges again
            try:
                db.execute("ROLLBACK")
            except Exception:  # noqa: BLE001
                pass
        self.close()

    def close(self) -> None:
        self._file.close()
        self._db = None
