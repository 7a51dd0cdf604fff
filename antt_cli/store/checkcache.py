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
`antt check` slower. The entries also travel, on the branch `antt-digests` (`entry_ok`
below, docs/reliability.md "The check cache"), for a clone's first check."""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, Callable, Iterator

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
    "CREATE TABLE IF NOT EXISTS check_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
)
_HEX_TEXT = re.compile(r"[0-9a-f]+")
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
        self._judged = 0                    # entries judged here since the last write (not taken from elsewhere)
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

    def file_hashes(self, blobs: Any = None) -> dict[str, str]:
        """{blob id: SHA-256} of every document hashed before (read when a case is judged
        again), or of those of `blobs` only (a few cases judged: 125,000 rows at 10,000
        cases are not all read); a row that is not two hex ids is left out."""
        db = self._connect()
        if db is None:
            return {}
        try:
            if blobs is None:
                rows = db.execute("SELECT blob, sha256 FROM check_files").fetchall()
            else:
                wanted, rows = sorted(set(blobs)), []
                for n in range(0, len(wanted), 500):
                    part = wanted[n:n + 500]
                    rows += db.execute(f"SELECT blob, sha256 FROM check_files WHERE blob IN ({','.join('?' * len(part))})",
                                       part).fetchall()
        except Exception:  # noqa: BLE001 - damaged: every document is read
            return {}
        found = {blob: digest for blob, digest in rows if _hex(blob, (40, 64)) and _hex(digest, (64,))}
        self._known.update(found)
        return found

    def put(self, key: str, value: Any, *, shared: bool = False) -> None:
        """Keep `value`, whose `files` are `[rel, blob id, SHA-256]` each: the SHA-256s go to
        `check_files`, the entry keeps `[rel, blob id]`. Written with the next batch (a first
        check of 10,000 cases holds no more than a batch of new entries at once)."""
        self.used.add(key)
        self._judged += not shared
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
        # what the run asked is written: its sets (a document's blob id each) are let go while
        # the caller still holds the cache to share its entries (services/check.py `_share`)
        self.used, self._known, self._written = set(), set(), set()

    def _write(self, stale: list[tuple[str, str]], gone: list[tuple[str]] = ()) -> None:
        db = self._connect()
        new, self.new = self.new, {}
        if db is None:
            return
        hashed, self._hashed = list(self._hashed.items()), {}
        judged, self._judged = self._judged, 0
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
            db.execute("INSERT OR IGNORE INTO check_meta VALUES ('unshared', 0)")
            db.execute("UPDATE check_meta SET value = value + ? WHERE key = 'unshared'", (judged,))
            db.execute("COMMIT")
            self._written.update(blob for blob, _digest in hashed)
        except Exception:  # noqa: BLE001 - locked or read-only: the next run judges again
            try:
                db.execute("ROLLBACK")
            except Exception:  # noqa: BLE001
                pass

    def unshared(self) -> int:
        """Entries judged here since the set of the branch `antt-digests` last took them."""
        db = self._connect()
        try:
            row = db.execute("SELECT value FROM check_meta WHERE key = 'unshared'").fetchone() if db else None
        except Exception:  # noqa: BLE001
            return 0
        return row[0] if row and type(row[0]) is int else 0

    def shared_now(self, counted: int) -> None:
        """The set was written with the entries of this run: `counted` of them are shared."""
        db = self._connect()
        try:
            with db:
                db.execute("UPDATE check_meta SET value = MAX(0, value - ?) WHERE key = 'unshared'", (counted,))
        except Exception:  # noqa: BLE001 - counted again next time: one more export
            pass

    def travelling(self) -> Iterator[tuple[str, str]]:
        """(case file's blob id, entry as JSON text) of every entry of this stamp, by blob id,
        each with its documents' SHA-256s (`[rel, blob id, SHA-256]`, as `_judge` made it):
        the set the branch `antt-digests` carries. An entry whose document's SHA-256 is not
        known is left out."""
        db = self._connect()
        if db is None:
            return
        hashes = self.file_hashes()
        keys = sorted(db.execute("SELECT key FROM checks WHERE stamp=?", (self.stamp,)).fetchall(),
                      key=lambda row: row[0].rpartition(":")[2])
        for (key,) in keys:
            row = db.execute("SELECT data FROM checks WHERE stamp=? AND key=?", (self.stamp, key)).fetchone()
            entry = json.loads(row[0]) if row else None
            files = entry.get("files") if isinstance(entry, dict) else None
            if not isinstance(files, list) or not all(isinstance(f, list) and len(f) == 2 for f in files):
                continue
            if all(blob is None or blob in hashes for _rel, blob in files):
                entry["files"] = [[rel, blob, hashes.get(blob)] for rel, blob in files]
                yield key.rpartition(":")[2], json.dumps(entry, ensure_ascii=False, separators=(",", ":"))

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
    return type(value) is str and len(value) in lengths and _HEX_TEXT.fullmatch(value) is not None


# -- entries that travel (docs/reliability.md, "The check cache") --------------------------
# An entry made elsewhere, read from the branch `antt-digests` (store/shared.py, buckets
# `check-00` … `check-ff`), is input: used only if it has the shape of an entry made by
# services/check.py `_judge`, every value typed and bounded, its case's own kind, and only
# files of its case's own folder.
_ENTRY_KEYS = frozenset(("kind", "items", "findings", "uses", "files", "day", "until"))
_MAX_TEXT, _MAX_ITEMS = 10_000, 5_000


def _text_ok(value: Any) -> bool:
    return type(value) is str and len(value) <= _MAX_TEXT


def _int_ok(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _ordinals() -> tuple[int, int]:
    import datetime as dt

    from antt_cli.domain.bounds import MAX_YEAR, MIN_YEAR

    return dt.date(MIN_YEAR, 1, 1).toordinal(), dt.date(MAX_YEAR, 12, 31).toordinal()


def _param_ok(value: Any) -> bool:
    if type(value) is dict:   # a date, tagged (store/cache.py `encode`)
        import datetime as dt

        low, high = _ordinals()
        try:
            return value.keys() == {"$date"} and low <= dt.date.fromisoformat(value["$date"]).toordinal() <= high
        except (TypeError, ValueError):
            return False
    return _text_ok(value)


def _items_ok(items: Any) -> bool:
    from antt_cli.domain.dossier_items import STATES

    return type(items) is list and len(items) <= 16 and all(
        type(i) is list and len(i) == 5 and _int_ok(i[0], 1, 16) and (i[1] is None or _text_ok(i[1]))
        and i[2] in STATES and type(i[3]) is list and len(i[3]) <= _MAX_ITEMS and all(map(_text_ok, i[3]))
        and type(i[4]) is bool for i in items)


def _findings_ok(findings: Any) -> bool:
    from antt_cli.domain.consistency import CASE_FINDINGS, ERROR, WARNING

    return type(findings) is list and len(findings) <= _MAX_ITEMS and all(
        type(f) is list and len(f) == 4 and f[0] in (ERROR, WARNING) and _text_ok(f[1])
        and type(f[2]) is str and f[2] in CASE_FINDINGS and type(f[3]) is dict
        and f[3].keys() == CASE_FINDINGS[f[2]] and all(map(_param_ok, f[3].values())) for f in findings)


def _uses_ok(uses: Any) -> bool:
    from antt_cli.domain.bounds import MAX_YEAR, MIN_YEAR

    low, high = _ordinals()
    return type(uses) is list and len(uses) <= _MAX_ITEMS and all(
        type(u) is list and len(u) == 6 and _text_ok(u[0]) and _text_ok(u[1]) and _int_ok(u[2], MIN_YEAR, MAX_YEAR)
        and _text_ok(u[3]) and (u[4] is None or _int_ok(u[4], 0, 10 ** 12)) and _int_ok(u[5], low, high)
        for u in uses)


def _files_ok(files: Any, folder: str) -> bool:
    """Each file `[rel, blob id, SHA-256]` under `folder` (no `..`), both ids hex or both None;
    the hex of all of them checked at once (10,000 entries hold 125,000 files)."""
    if type(files) is not list or len(files) > _MAX_ITEMS:
        return False
    prefix, hexes = folder + "/", []
    for f in files:
        if not (type(f) is list and len(f) == 3 and _text_ok(f[0]) and f[0].startswith(prefix)
                and ".." not in f[0].split("/")):
            return False
        if f[1] is None and f[2] is None:
            continue
        if not (type(f[1]) is str and len(f[1]) in (40, 64) and type(f[2]) is str and len(f[2]) == 64):
            return False
        hexes += f[1:]
    return not hexes or _HEX_TEXT.fullmatch("".join(hexes)) is not None


def entry_ok(value: Any, kind: str, folder: str) -> bool:
    """Whether `value` may stand for what `antt check` finds in a case of `kind` whose files
    are under `folder`: the shape `_judge` gives, typed and bounded (see above)."""
    import datetime as dt

    low, high = _ordinals()
    return (type(value) is dict and value.keys() == _ENTRY_KEYS and value["kind"] == kind
            and _int_ok(value["day"], low, high) and _int_ok(value["until"], value["day"] + 1, dt.date.max.toordinal())
            and _items_ok(value["items"]) and _findings_ok(value["findings"]) and _uses_ok(value["uses"])
            and _files_ok(value["files"], folder))


def code_fingerprint() -> str:
    """The bytes of the code that judges a case (`_CODE`, and `$ANTT_KINDS`' specs), as one
    SHA-1: what an entry made elsewhere must have been judged by."""
    import antt_cli

    base = Path(antt_cli.__file__).parent
    extra = os.environ.get("ANTT_KINDS")
    digest = hashlib.sha1(getattr(antt_cli, "__version__", "").encode())
    for place in [base / rel for rel in _CODE] + ([Path(extra)] if extra else []):
        for f in sorted(place.rglob("*")) if place.is_dir() else [place]:
            if f.suffix in (".py", ".yaml", ".yml") and f.is_file():
                digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()
