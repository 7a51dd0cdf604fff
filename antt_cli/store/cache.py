"""The read cache of case files and the number registers (docs/interpretations.md): whole-dossier
commands read every `case.yaml` through a cache keyed by the file's git blob id, so a warm
run parses only what changed; a writing command finds a body's numbers of a year in an
index of the same cache instead of walking every case.

The blob id is git's (`sha1("blob <size>\\0" + content)`): taken from git's index for a file
git says is unchanged (store/dossier.py `WorkTree`), else computed from the bytes on disk, so
a file edited by hand and not yet committed is keyed by what it holds now; while a writer
holds the lock, a reading command takes the blob ids of HEAD's files (store/source.py).

The cache is one SQLite file in the git directory (`.git/antt/cases.sqlite`), never tracked,
rebuildable at any time. SQLite (the standard library's) rather than one JSON file because a
command touches only what it needs: a write adds the digest of the one case it changed and
that case's numbers (an insert, not a rewrite of every entry), a number register is one
indexed query, and concurrent readers and writers are serialised by SQLite's own locking.
Entries are data, not code: a digest is JSON with dates and tuples tagged
(`{"$date": "2026-06-20"}`, `{"$tuple": [...]}`), and every entry is checked by the caller's
`check` before it is trusted. Beside each digest the cache keeps its brief (`Brief`: the few
fields `antt status` and `antt due` read, domain/digest.py `BRIEF_KEYS`) as a plain JSON
array, so that those tables decode a sixth of the bytes and call no hook per object. A file
that is not a SQLite database, of another version (`VERSION`, `LAYOUT`), or that fails in any
way is removed and rebuilt; a read-only dossier works, only slower."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

VERSION = 10  # 10: SQLite with the number registers; 9: the facts of `antt summary` (domain/summary.py); 8: an exemplar's evaluation and reassessments among the duties met
# The tables of the file, apart from the digests' format (VERSION, which the shared digests'
# context names, store/shared.py): 2: the briefs beside the digests. Either changed, the file
# is rebuilt. 3: the register's index holds the rows themselves (body, year, blob, number), so
# a numbered write reads one run of pages, not a row scattered among 90,000 for each number.
# 4: meta `pruned`, a token replaced whenever entries are removed (a prune, a rebuild), so a
# register question sees that no entry went away by reading one row, not every key.
LAYOUT = 4
MAX_BYTES = 256 * 1024 * 1024  # a cache larger than this is not ours: rebuilt
NAME = "cases.sqlite"
PAGE_SIZE = 16384  # of a file made anew (an existing file keeps its own)
STREAM_BATCH = 500  # entries fetched and decoded at a time by a whole-dossier read (below SQLite's 999 variables)
OLD_NAMES = ("cases.json", "cases.pickle")  # what an older antt kept: removed, never read
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS digests (blob TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS briefs (blob TEXT PRIMARY KEY, data TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS numbers (blob TEXT NOT NULL, body TEXT NOT NULL, year INTEGER, number TEXT)",
    "CREATE INDEX IF NOT EXISTS numbers_by_body ON numbers (body, year, blob, number)",
    "CREATE INDEX IF NOT EXISTS numbers_by_blob ON numbers (blob)",
)

Rows = Iterable[tuple[str, Any, Any]]


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def git_folder(root: Path) -> Path | None:
    git = root / ".git"
    if git.is_file():  # a worktree or submodule: ".git" points elsewhere
        text = git.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            git = (root / text.split(":", 1)[1].strip()).resolve()
    return git if git.is_dir() else None


def cache_file(root: Path) -> Path | None:
    git = git_folder(root)
    return git / "antt" / NAME if git else None


def encode(value: Any) -> Any:
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$date": value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(obj: dict) -> Any:
    if len(obj) != 1:  # most objects: one test (called for every object of every entry)
        return obj
    if "$date" in obj:
        return dt.date.fromisoformat(obj["$date"])
    if "$tuple" in obj:
        return tuple(obj["$tuple"])
    return obj


def decode_tags(value: Any) -> Any:
    """`value` (plain JSON) with its tagged dates and tuples (`encode`) turned back, for data
    read without `decode` as an object hook."""
    if isinstance(value, list):
        return [decode_tags(v) for v in value]
    if isinstance(value, dict):
        return decode({k: decode_tags(v) for k, v in value.items()})
    return value


def _stamp() -> str:
    return f"{VERSION}.{LAYOUT}"


class Brief:
    """The part of an entry kept beside it for the readers that need only that part: `keys`,
    in this order, as one JSON array (no key names, no tags): a key of `dates` holds a date
    or None (its ISO text), a key of `dated` a list of tuples whose last item is a date or
    None (arrays); every other value is plain JSON. `check` judges the part read back."""

    def __init__(self, keys: tuple[str, ...], dates: frozenset[str], dated: frozenset[str],
                 check: Callable[[Any], bool]) -> None:
        self.keys, self.dates, self.dated, self.check = keys, dates, dated, check
        self._date_places = [i for i, key in enumerate(keys) if key in dates]
        self._dated_places = [i for i, key in enumerate(keys) if key in dated]

    def of(self, value: dict) -> dict:
        return {key: value[key] for key in self.keys}

    def encode(self, value: dict) -> str:
        row = []
        for key in self.keys:
            item = value[key]
            if key in self.dates:
                item = _iso(item)
            elif key in self.dated:
                item = [[*part[:-1], _iso(part[-1])] for part in item]
            row.append(item)
        return json.dumps(row, ensure_ascii=False, separators=(",", ":"))

    def decode(self, text: str) -> dict | None:
        """The part stored as `text`, checked; None when it is not good (a miss)."""
        try:
            row = json.loads(text)
            if type(row) is not list or len(row) != len(self.keys):
                return None
            for i in self._date_places:
                if row[i] is not None:
                    row[i] = _date(row[i])
            for i in self._dated_places:
                row[i] = [(*part[:-1], None if part[-1] is None else _date(part[-1])) for part in row[i]]
            value = dict(zip(self.keys, row))
        except Exception:  # noqa: BLE001 - not JSON, a bad date, a wrong shape: a miss
            return None
        return value if self.check(value) else None


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


_date = dt.date.fromisoformat


class Damaged(Exception):
    """The cache failed in the middle of a question; it is removed, ask again."""


class CaseCache:
    """blob id → parsed case (plain data), its brief (`brief`, when given) and the rows of the
    number registers (`index` turns an entry into (body, year, number) rows). `get_keyed`
    parses on a miss; `flush` writes what was parsed so far and lets it go; `save` writes
    the rest, in place, and with `prune` drops the entries of files no longer there. Opened
    lazily: a command that never asks reads nothing."""

    def __init__(self, root: Path, check: Callable[[Any], bool] = lambda value: True,
                 index: Callable[[Any], Rows] | None = None, brief: Brief | None = None) -> None:
        self.path = cache_file(root)
        self.check = check
        self.index = index
        self.brief = brief
        self._unwritable = False  # a flush failed: what is parsed stays in memory (`flush`)
        self._texts: dict[str, str] = {}  # among `new`, the JSON of entries that came as text
        self.new: dict[str, Any] = {}
        self.shared: set[str] = set()  # among `new`, the entries taken from the shared digests (store/shared.py)
        self.used: set[str] = set()
        self._damaged = False  # a read of the file failed: every entry a miss
        self._bad: set[str] = set()  # keys whose stored entry failed its check
        self._keys: set[str] | None = None
        self._pruned: str | None = None  # meta `pruned` when `_keys` were read
        self._good: dict[str, Any] = {}
        self._db = None

    # -- the file ------------------------------------------------------------------------
    def _connect(self):
        """The open database, created or rebuilt as needed; None when it cannot be had."""
        if self._db is not None or self.path is None:
            return self._db
        import sqlite3

        for attempt in (1, 2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                if self.path.is_file() and self.path.stat().st_size > MAX_BYTES:
                    raise sqlite3.DatabaseError("too big")
                db = sqlite3.connect(str(self.path), timeout=10, isolation_level=None)
                try:
                    db.execute("PRAGMA synchronous=OFF")  # rebuildable data: speed over durability
                    db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a new file's: a digest (2 KB) and its neighbours on one page
                    row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone() \
                        if _has_tables(db) else None
                    if row is None or row[0] != _stamp():
                        _recreate(db)
                    self._db = db
                    return db
                except Exception:
                    db.close()
                    raise
            except Exception:  # noqa: BLE001 - not a database, another version, a locked or read-only file
                if attempt == 2:
                    return None
                _remove(self.path)
        return None

    def connect(self):
        """The open database (created, or rebuilt when damaged or of another version), for a
        table kept beside the digests (store/checkcache.py); None when it cannot be had."""
        return self._connect()

    def _row(self, key: str) -> str | None:
        """The stored text of blob `key`, that row alone (a write asking for a few files must
        not read 10,000 entries: 35 MB); None for a row that failed its check, and for every
        row once the file proved damaged (it is removed, and rebuilt on save)."""
        if self._damaged or key in self._bad:
            return None
        db = self._connect()
        if db is None:
            return None
        try:
            found = db.execute("SELECT data FROM digests WHERE blob = ?", (key,)).fetchone()
        except Exception:  # noqa: BLE001 - damaged: removed, everything a miss
            self.close()
            _remove(self.path)
            self._damaged = True
            return None
        return found[0] if found and isinstance(found[0], str) else None

    def known(self, key: str) -> bool:
        """Whether the cache holds an entry for blob `key` (not yet checked; its register rows
        are there with it). Only the keys are read, not the entries."""
        keys = self._keys if self._keys is not None else self._stored_keys()  # asked once per case file
        return key in keys or key in self.new

    def _stored_keys(self) -> set[str]:
        if self._keys is None:
            db = self._connect()
            self._keys = set()
            if db is not None:
                try:
                    db.execute("BEGIN")  # the keys and the token of one moment
                    self._keys = {blob for (blob,) in db.execute("SELECT blob FROM digests")}
                    self._pruned = _pruned(db)
                    db.execute("COMMIT")
                except Exception:  # noqa: BLE001 - damaged: removed, everything a miss
                    self._keys = set()
                    self.close()
                    _remove(self.path)
        return self._keys

    def has(self, key: str) -> bool:
        """Whether the cache holds a good entry for blob `key` (decoded and checked)."""
        if key in self.new or key in self._good:
            return True
        raw = self._row(key)
        if raw is None:
            return False
        try:
            value = json.loads(raw, object_hook=decode)
        except Exception:  # noqa: BLE001 - not JSON, a bad date: a miss
            value = None
        if value is None or not self.check(value):
            self._bad.add(key)
            return False
        self._good[key] = value
        return True

    def stored(self, keys: list[str]) -> Iterator[tuple[str, Any]]:
        """(key, its entry — decoded and checked — or None where the cache holds no good
        one) for each of `keys`, in their order. Fetched `STREAM_BATCH` at a time and not
        kept: a whole-dossier read holds one batch of entries, not all of them (a
        10,000-case dossier's decoded digests alone weigh about 70 MB)."""
        for batch, raw in self._batches(keys, lambda key: key in self.new or key in self._good):
            for key in batch:
                self.used.add(key)
                if key in self.new or key in self._good:
                    yield key, self.new.get(key, self._good.get(key))
                else:
                    yield key, self._checked(raw.get(key))

    def stored_texts(self, keys: list[str]) -> Iterator[tuple[str, Any]]:
        """(key, its entry's JSON as the cache stores it) for each of `keys` it holds, in their
        order, `STREAM_BATCH` at a time: what the shared digests are written from
        (store/shared.py `export`), with neither a decode nor an encode — the text is the
        one a bucket carries (`_insert`, `put(text=…)`). An entry only in memory (a cache that
        cannot be written) comes decoded. Not checked here: whoever takes it checks it."""
        for batch, raw in self._batches(keys, lambda key: key in self.new):
            for key in batch:
                if key in self.new:
                    yield key, self._texts.get(key, self.new[key])
                elif key in raw:
                    yield key, raw[key]

    def _batches(self, keys: list[str], held: Callable[[str], bool]) -> Iterator[tuple[list[str], dict[str, str]]]:
        """`keys` `STREAM_BATCH` at a time, each batch with the stored JSON of those of its
        keys that are not `held` in memory already (`_fetch`, one query a batch), fetched
        only when the batch before it has been gone through (`stored`, `stored_texts`)."""
        for start in range(0, len(keys), STREAM_BATCH):
            batch = keys[start:start + STREAM_BATCH]
            yield batch, self._fetch([key for key in batch if not held(key)])

    def _fetch(self, keys: list[str], table: str = "digests") -> dict[str, str]:
        """The stored JSON of those of `keys` the cache holds in `table` (one indexed query)."""
        db = self._connect() if keys else None
        if db is None:
            return {}
        try:
            marks = ",".join("?" * len(keys))
            return {blob: data for blob, data in db.execute(f"SELECT blob, data FROM {table} WHERE blob IN ({marks})",
                                                            keys) if isinstance(data, str)}
        except Exception:  # noqa: BLE001 - damaged: removed, everything a miss, rebuilt on save
            self.close()
            _remove(self.path)
            self._keys = set()
            return {}

    def _checked(self, raw: str | None) -> Any:
        """A stored entry decoded and checked; None when it is not good (a miss)."""
        if raw is None:
            return None
        try:
            value = json.loads(raw, object_hook=decode)
        except Exception:  # noqa: BLE001 - not JSON, a bad date: a miss
            return None
        return value if self.check(value) else None

    def briefs(self, keys: list[str]) -> Iterator[tuple[str, Any]]:
        """(key, the brief of its entry — checked — or None where the cache holds no good
        one) for each of `keys`, in their order, as `stored` gives entries: a batch at a
        time, not kept. Only with a `brief`."""
        assert self.brief is not None
        decode_brief, of = self.brief.decode, self.brief.of
        for start in range(0, len(keys), STREAM_BATCH):
            batch = keys[start:start + STREAM_BATCH]
            raw = self._fetch([key for key in batch if key not in self.new and key not in self._good], "briefs")
            self.used.update(batch)
            for key in batch:
                if key in self.new or key in self._good:
                    yield key, of(self.new[key] if key in self.new else self._good[key])
                else:
                    text = raw.get(key)
                    yield key, None if text is None else decode_brief(text)

    def get(self, data: bytes, parse: Callable[[bytes], Any]) -> Any:
        return self.get_keyed(blob_id(data), data, parse)

    def get_keyed(self, key: str, data: bytes | None, parse: Callable[[bytes], Any]) -> Any:
        """The entry of blob `key`; on a miss `data` (its content) is parsed. A caller that
        knows the blob id without the content passes None for a key it `has`."""
        self.used.add(key)
        if self.has(key):
            return self.new[key] if key in self.new else self._good[key]
        if data is None:
            raise KeyError(key)
        value = parse(data)
        self.new[key] = value
        return value

    def put(self, key: str, value: Any, *, shared: bool = False, text: str | None = None) -> None:
        """Add an entry parsed by this command, or (`shared`) taken from the shared digests;
        `text`: its JSON, when it is at hand already (written as it is, not encoded again)."""
        self.used.add(key)
        self.new[key] = value
        if shared:
            self.shared.add(key)
        if text is not None:
            self._texts[key] = text
        else:
            self._texts.pop(key, None)

    # -- what the shared digests lack (store/shared.py) -----------------------------------
    def unshared(self) -> tuple[int, bool]:
        """(how many entries were added since the shared digests were last written — meta
        `unshared`, counted by `save` —, whether this cache ever wrote them — meta `shared`);
        (0, True) when the cache cannot say: nothing to write."""
        db = self._connect()
        try:
            rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('unshared', 'shared')").fetchall()) \
                if db is not None else {"shared": "1"}
            return int(rows.get("unshared") or 0), rows.get("shared") == "1"
        except Exception:  # noqa: BLE001 - a damaged or foreign value: nothing counted
            return 0, True

    def shared_now(self, counted: int) -> None:
        """The shared digests were written with the entries counted so far (`counted`, what
        `unshared` said): take them off the count, keeping what other commands added since."""
        db = self._connect()
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("UPDATE meta SET value = MAX(0, CAST(value AS INTEGER) - ?) WHERE key='unshared'", (counted,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('shared', '1')")
            db.execute("COMMIT")
        except Exception:  # noqa: BLE001 - a locked or read-only cache: exported again later
            try:
                db.execute("ROLLBACK")
            except Exception:  # noqa: BLE001
                pass

    # -- the number registers -------------------------------------------------------------
    def numbers(self, body: str, year: int, blobs: set[str]) -> list[str]:
        """The numbers of `body`'s register of `year` in the entries `blobs` (the case files
        there now): one indexed query, plus the entries parsed by this command. Every entry
        of `blobs` was found in the cache (`known`) or parsed here: that none went away since
        (a prune by another command) is told by meta `pruned`, unchanged since the keys were
        read; without that token every key is read again."""
        db = self._connect()
        rows: list = []
        if db is not None:
            try:
                db.execute("BEGIN")  # the token and the rows of one moment
                token = _pruned(db)
                rows = db.execute("SELECT blob, number FROM numbers WHERE body=? AND year=?", (body, year)).fetchall()
                if self._keys is None or token != self._pruned:
                    present = {blob for (blob,) in db.execute("SELECT blob FROM digests")}
                    if any(blob not in present for blob in blobs - set(self.new)):
                        raise Damaged("an entry went away meanwhile")
                db.execute("COMMIT")
            except Exception as exc:  # noqa: BLE001 - damaged under our feet: removed, the caller reads again
                self.close()
                _remove(self.path)
                raise Damaged(str(exc)) from None
        found = [number for blob, number in rows if blob in blobs and blob not in self.new and isinstance(number, str)]
        for key, value in self.new.items():
            if key in blobs and self.index is not None:
                found += [n for b, y, n in self.index(value) if b == body and y == year]
        return found

    # -- writing back ---------------------------------------------------------------------
    def save(self, prune: bool = False) -> None:
        """Insert what was parsed (with its register rows); with `prune` (a whole-dossier
        read, `used` is every file there) drop the entries of files no longer there once
        they outnumber the live ones."""
        stale = self._stored_keys() - self.used if prune else set()
        if not self.new and len(stale) <= max(64, len(self.used)):
            self._forget_old()
            return
        db = self._connect()
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            self._insert(db)
            if len(stale) > max(64, len(self.used)):
                for table in ("digests", "briefs", "numbers"):
                    db.executemany(f"DELETE FROM {table} WHERE blob=?", [(k,) for k in stale])
                _new_token(db)
            db.execute("COMMIT")
        except Exception:  # noqa: BLE001 - a locked or read-only cache: the next command parses again
            _rollback(db)
        self._forget_old()

    def flush(self, at_least: int = 1) -> None:
        """Write what was parsed or taken so far once it is `at_least` entries, and let it go:
        a whole-dossier read of a fresh clone holds a batch of digests at a time, not all of
        them (store/dossier.py `iter_digests_or_errors`; 10,000 decoded digests weigh about
        70 MB). When the cache cannot be written (a read-only dossier) they stay in memory."""
        if len(self.new) < at_least or self._unwritable:
            return
        db = self._connect()
        if db is None:
            self._unwritable = True
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            self._insert(db)
            db.execute("COMMIT")
        except Exception:  # noqa: BLE001 - locked or read-only: kept, `save` tries once more
            _rollback(db)
            self._unwritable = True
            return
        if self._keys is not None:
            self._keys.update(self.new)
        self.new.clear()
        self.shared.clear()
        self._texts.clear()

    def _insert(self, db: Any) -> None:
        """Insert the entries of `new` with their briefs and register rows, and count those
        the shared digests lack (inside the caller's transaction)."""
        digests, briefs, numbers = [], [], []  # one statement per table for the lot
        for key, value in self.new.items():
            text = self._texts.get(key)
            if text is None:
                text = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))
            digests.append((key, text))
            if self.brief is not None:
                briefs.append((key, self.brief.encode(value)))
            if self.index is not None:
                numbers.extend((key, body, year, number) for body, year, number in self.index(value))
        db.executemany("DELETE FROM numbers WHERE blob=?", [(key,) for key in self.new])
        db.executemany("INSERT OR REPLACE INTO digests VALUES (?, ?)", digests)
        db.executemany("INSERT OR REPLACE INTO briefs VALUES (?, ?)", briefs)
        db.executemany("INSERT INTO numbers VALUES (?, ?, ?, ?)", numbers)
        added = len(self.new.keys() - self.shared)
        if added:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('unshared', '0')")
            db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key='unshared'", (added,))

    def _forget_old(self) -> None:
        if self.path is None:
            return
        for name in OLD_NAMES:
            _remove(self.path.with_name(name))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _rollback(db: Any) -> None:
    try:
        db.execute("ROLLBACK")
    except Exception:  # noqa: BLE001
        pass


def _has_tables(db: Any) -> bool:
    """Whether the four tables are there (a cache missing one is rebuilt whole: a register
    must never miss a case's numbers)."""
    names = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {"meta", "digests", "briefs", "numbers"} <= names


def _recreate(db: Any) -> None:
    db.execute("BEGIN IMMEDIATE")  # two commands rebuilding at once: one after the other
    for table in ("meta", "digests", "briefs", "numbers"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in _SCHEMA:
        db.execute(statement)
    db.execute("INSERT INTO meta VALUES ('version', ?)", (_stamp(),))
    _new_token(db)
    db.execute("COMMIT")


def _new_token(db: Any) -> None:
    """Meta `pruned` replaced: entries went away (inside the caller's transaction)."""
    db.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (os.urandom(16).hex(),))


def _pruned(db: Any) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key='pruned'").fetchone()
    return row[0] if row else None


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
