"""The findings of `antt check`, case by case, kept beside the read cache's digests in
`.git/antt/cases.sqlite` (store/cache.py; docs/interpretations.md, "The read cache"), so a
second `antt check` parses no case file and hashes no document file.

An entry holds what `services/check.py` found in one case on its own (its dossier items, its
findings, the numbers it put in the registers) and the files it read to find it: each
record's document file with its git blob id and the SHA-256 of its bytes (None when it was
not there), and the days its items hold: from the day judged up to the first day any of its
day-dependent answers could differ (domain/dates.py `JudgedDay`). It is keyed by everything
else the findings follow from: the case file's blob id, the dossier's `antt.yaml` and the
code that judges (the `stamp`). An entry is used only on a day within its days and when
every file it was found from still has the same blob id; a hand edit of `case.yaml`, a
document edited in Word, a `git pull` each change a key or a file's blob id, so the case is
judged again — and then a document whose blob id is known (`check_files`: blob id → SHA-256,
a function of the bytes) is not read again. Like the digests, entries are data (JSON),
rebuildable, never committed; a cache that cannot be opened or written only makes
`antt check` slower."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable

# Stamps (antt.yaml × code) kept: the one in use and a few before it; older ones removed.
KEEP_STAMPS = 3
FLUSH_EVERY = 500
# Rows of documents' SHA-256s kept beyond twice the files there (store/checkcache.py `_unnamed`).
KEEP_FILES = 1000
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS checks (stamp TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, "
    "PRIMARY KEY (stamp, key))",
    "CREATE TABLE IF NOT EXISTS check_stamps (stamp TEXT PRIMARY KEY, seen INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS check_files (blob TEXT PRIMARY KEY, sha256 TEXT NOT NULL)",
)
_HEX = frozenset("0123456789abcdef")
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
        self._known: set[str] = set()       # the blob ids `check_files` holds
        self._hashed: dict[str, str] = {}   # blob id → SHA-256 found in this run, not yet written
        self._written: set[str] = set()     # … and written
        self._changed = False               # whether this run wrote or dropped an entry
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
        """The entry of `key` (plain JSON: a tagged value inside is the caller's to decode,
        store/cache.py `decode_tags`), None on a miss or an entry that is not ours. One
        indexed query each: the entries are not all held at once."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT data FROM checks WHERE stamp=? AND key=?", (self.stamp, key)).fetchone()
            value = json.loads(row[0]) if row is not None else None
        except Exception:  # noqa: BLE001 - damaged, not JSON: a miss
            return None
        if not isinstance(value, dict):
            return None
        self.used.add(key)
        return value

    def file_hashes(self) -> dict[str, str]:
        """{blob id: SHA-256} of every document hashed before (read when a case is judged
        again); a row that is not two hex ids is left out."""
        db = self._connect()
        if db is None:
            return {}
        try:
            rows = db.execute("SELECT blob, sha256 FROM check_files").fetchall()
        except Exception:  # noqa: BLE001 - damaged: every document is read
            return {}
        found = {blob: digest for blob, digest in rows if _hex(blob, (40, 64)) and _hex(digest, (64,))}
        self._known.update(found)
        return found

    def put(self, key: str, value: Any) -> None:
        """Keep `value`, whose `files` are `[rel, blob id, SHA-256]` each: the SHA-256s go to
        `check_files`, the entry keeps `[rel, blob id]`. Written with the next batch (a first
        check of 10,000 cases holds no more than a batch of new entries at once)."""
        self.used.add(key)
        for _rel, blob, digest in value["files"]:
            if digest is not None and blob not in self._known:
                self._hashed[blob] = digest
        self.new[key] = {**value, "files": [[rel, blob] for rel, blob, _digest in value["files"]]}
        if len(self.new) >= FLUSH_EVERY:
            self._write([])

    def save(self, prune: bool = False, named: Callable[[], set[str]] = set) -> None:
        """Write the new entries; with `prune` (every case was asked for), drop this stamp's
        entries not asked for (case files changed or gone), the stamps not seen lately and,
        when entries changed, the documents' rows of blob ids not `named` (those of the files
        there now)."""
        db = self._connect()
        try:
            stale = [(self.stamp, k) for (k,) in db.execute("SELECT key FROM checks WHERE stamp=?", (self.stamp,))
                     if k not in self.used] if db is not None and prune else []
            gone = self._unnamed(db, named()) if db is not None and prune and (self._changed or self.new or stale) \
                else []
        except Exception:  # noqa: BLE001 - damaged: nothing written
            db = None
        if db is not None and (self.new or stale or gone or self._hashed):
            self._write(stale, gone)
        self.close()

    def _write(self, stale: list[tuple[str, str]], gone: list[tuple[str]] = ()) -> None:
        db = self._connect()
        new, self.new = self.new, {}
        if db is None:
            return
        hashed, self._hashed = list(self._hashed.items()), {}
        self._changed = True
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO checks VALUES (?, ?, ?)",
                           [(self.stamp, key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
                            for key, value in new.items()])
            db.executemany("DELETE FROM checks WHERE stamp=? AND key=?", stale)
            db.executemany("INSERT OR REPLACE INTO check_files VALUES (?, ?)", hashed)
            db.executemany("DELETE FROM check_files WHERE blob=?", gone)
            self._forget_old_stamps(db)
            db.execute("COMMIT")
            self._written.update(blob for blob, _digest in hashed)
        except Exception:  # noqa: BLE001 - locked or read-only: the next run judges again
            try:
                db.execute("ROLLBACK")
            except Exception:  # noqa: BLE001
                pass

    def _unnamed(self, db: Any, named: set[str]) -> list[tuple[str]]:
        """The rows of `check_files` of documents no longer there (edited or removed), nor
        hashed by this run — once they are more than the files `named` (those git finds
        unchanged now): a row outlives its document a while, and a listing that names few
        files (an index stale after a copy) costs at most a hashing again."""
        rows = [blob for (blob,) in db.execute("SELECT blob FROM check_files")]
        if len(rows) <= 2 * len(named) + KEEP_FILES:
            return []
        return [(blob,) for blob in rows if blob not in named and blob not in self._written]

    def _forget_old_stamps(self, db: Any) -> None:
        seen = (db.execute("SELECT MAX(seen) FROM check_stamps").fetchone()[0] or 0) + 1
        db.execute("INSERT OR REPLACE INTO check_stamps VALUES (?, ?)", (self.stamp, seen))
        old = [s for (s,) in db.execute("SELECT stamp FROM check_stamps ORDER BY seen DESC")][KEEP_STAMPS:]
        db.executemany("DELETE FROM checks WHERE stamp=?", [(s,) for s in old])
        db.executemany("DELETE FROM check_stamps WHERE stamp=?", [(s,) for s in old])

    def close(self) -> None:
        self._file.close()
        self._db = None


def _hex(value: Any, lengths: tuple[int, ...]) -> bool:
    return type(value) is str and len(value) in lengths and _HEX.issuperset(value)
