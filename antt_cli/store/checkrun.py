"""The whole of `antt check`'s last answer, remembered (`.git/antt/check-run.json`) with
everything it was found from, so that a check of a dossier where nothing changed asks git
one question and judges, reads and decodes nothing else (docs/reliability.md, "The check
cache").

The record holds what services/check.py found, before it is put in words (the wording is
the language's, done at each run): the distinct dossier items, their lists, the distinct
findings (the number used twice included), and each case's ID, kind, list and findings. It
is used only while each thing it was found from is provably what it was:

- the code that judges, the kind specs and `antt.yaml` (the `stamp`, as the check cache's);
- the day: within every case's days (the entries' `day` and `until`);
- git's index: the same entries under the case folders — the index file's own checksum
  (its last bytes) when it is the same file, else the SHA-1 of `git ls-files -s -v`'s
  answer there (audit/git.py `IndexView.listed`);
- the working tree against the index: the same paths that `git diff-files` finds changed
  (git compares each file's stat, and its content where the stat cannot tell);
- the files it was found from that git could not vouch for (changed since the index, not
  tracked, or not there): each with its stat as it was (modification and change times,
  size, inode, device, as store/listing.py keeps them; "not there" is kept too), a file
  whose times are within `SETTLED_NS` of the record's moment not kept at all (no record);
- the case folders: no folder holding a case file that the record does not name.

A record that no longer holds (after a write: the index is another file, with other
entries) is updated rather than made again, when it can tell what changed since
(services/check.py `_update`): a case's findings and items follow from its own folder's
files, the day and the stamp only (store/checkcache.py `entry_ok`: an entry's files are its
folder's), so only the cases whose folders may hold another file are judged again, and the
number used twice, the one finding across cases, is found again from every case's numbers.
For that the record keeps, besides:

- `tree`: the tree id git's index held under the case folders when it was made — HEAD's
  tree, kept only when the index held exactly HEAD's entries there (a commit leaves it so;
  a file staged does not) and was not rewritten meanwhile. `git diff-index --cached` against
  it then names every path whose entry changed since. A path it names, a path git finds
  changed in the working tree, an entry git does not vouch for and a file kept with its
  stat whose stat differs are what the record was found from and may no longer be
  (`touched`); with the case folders there now (`case_ids_now`) they make the cases to
  judge again. A path git found changed then needs no look of its own: it was read from the
  disk, and is kept with its stat.
- `uses`: the SHA-1 of the file of every case's numbers beside it (`USES`, `Uses`), kept
  apart so that a warm check, which reads the record, reads no more than before (4 MB at
  10,000 cases, against the record's 0.3 MB). Named by its SHA-1, a file of another run is
  never taken for this one's.

Like every cache, the record is input: a record that is not of this shape, of another
format or stamp, or that names an index, a file or a day that no longer holds is a miss and
the check runs as before; writing it is best effort. Code: services/check.py `_recall`,
`_record`, `_update`; tests in tests/test_check_run.py."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

NAME = "check-run.json"
SHARED = "check-run"   # its name on the branch `antt-digests`
FORMAT = "antt-check-run 2"
MAX_BYTES = 64 * 1024 * 1024
TRAILER = 32   # the index's checksum: its last 20 (SHA-1) or 32 (SHA-256) bytes
_KEYS = frozenset(("format", "stamp", "index", "listed", "changed", "loose", "day", "until",
                   "items", "lists", "findings", "cases", "tree", "uses"))


def _path(root: Path) -> Path | None:
    from antt_cli.store.cache import git_folder

    folder = git_folder(Path(root))
    return folder / "antt" / NAME if folder is not None and os.name != "nt" else None


def index_mark(root: Path) -> str | None:
    """The checksum at the end of git's index file (hex), None when there is none to trust
    (no index, or one written without it: `index.skipHash`)."""
    from antt_cli.store.cache import git_folder

    folder = git_folder(Path(root))
    try:
        with open(folder / "index", "rb") as f:
            f.seek(0, os.SEEK_END)
            if f.tell() < TRAILER:
                return None
            f.seek(-TRAILER, os.SEEK_END)
            tail = f.read(TRAILER)
    except (OSError, TypeError):
        return None
    return tail.hex() if tail[-20:].strip(b"\0") else None


def load(root: Path, stamp: str, day: int) -> dict[str, Any] | None:
    """The record, when it is of this format and `stamp`, holds on `day` and has its shape
    throughout (`_shape_ok`); else None. Nothing on disk is compared yet (`holds`)."""
    import stat

    path = _path(root)
    try:
        if path is None or not stat.S_ISREG(path.lstat().st_mode):   # a regular file, not a link or a pipe
            return None
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        return None
    return parse(data, stamp, day) if len(data) <= MAX_BYTES else None


def parse(data: bytes, stamp: str, day: int) -> dict[str, Any] | None:
    """`load`'s checks of a record's bytes (from the file, or the branch `antt-digests`)."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if type(value) is not dict or value.keys() != _KEYS or value["format"] != FORMAT \
            or value["stamp"] != stamp or type(value["day"]) is not int or type(value["until"]) is not int \
            or not value["day"] <= day < value["until"]:
        return None
    return value if _shape_ok(value) else None


def shareable(root: Path, record: dict[str, Any], loose: list[str], context: str) -> bytes | None:
    """The record as the branch `antt-digests` carries it (`SHARED`), when another clone can
    find it holding: git vouched for every file it was found from (no file changed since
    the index), but those not there; `context` (what made the travelling entries) in place
    of the stamp, and no index checksum (a clone's index is another file). None otherwise."""
    if record["changed"] or any(_stat_key(root, rel) is not None for rel in loose):
        return None
    shared = {**record, "format": FORMAT, "stamp": context, "index": None, "tree": None, "uses": None,
              "loose": [[rel, None] for rel in sorted(set(loose))]}
    return json.dumps(shared, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def holds(root: Path, record: dict[str, Any], mark: str | None, listed: Callable[[], str | None],
          changed: Callable[[], frozenset[str] | None], folders: dict[str, str]) -> bool:
    """Whether what the record was found from is what it was: the files git could not vouch
    for, the case folders (`folders`: kind's folder → the case file's name), the working tree
    against git's index (`changed`: git's answer now) and the index's entries (`mark`, its
    checksum now; `listed`, asked only when that differs: the SHA-1 of its entries). The
    cheap questions first."""
    if not all(_stat_key(root, rel) == key for rel, key in record["loose"]):
        return False
    if not _folders_ok(root, {case[0] for case in record["cases"]}, folders):
        return False
    now = changed()
    if now is None or sorted(now) != record["changed"]:
        return False
    return (mark is not None and mark == record["index"]) or listed() == record["listed"]


def _folders_ok(root: Path, ids: set[str], folders: dict[str, str]) -> bool:
    """Every case the record names has its folder, and no other ID-shaped folder holds a case
    file (store/dossier.py `WorkTree.case_ids`: a case's file is vouched for by the index or
    the record's own stats)."""
    from antt_cli.domain.ids import is_id

    seen = 0
    for folder, case_file in folders.items():
        try:
            with os.scandir(Path(root) / folder) as entries:
                for e in entries:
                    if e.name in ids:
                        seen += e.is_dir()
                    elif is_id(e.name) and e.is_dir() and os.path.isfile(os.path.join(e.path, case_file)):
                        return False
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return False
    return seen == len(ids)


def _stat_key(root: Path, rel: str) -> str | None:
    """A file's stat as store/listing.py keeps it; None when there is no regular file."""
    from antt_cli.store.listing import _stat, stat_key

    st = _stat(os.path.join(root, rel))
    return stat_key(st) if st is not None else None


def save(root: Path, record: dict[str, Any], loose: list[str], uses: bytes | None = None) -> bool:
    """Write the record, with the stat of each file of `loose` (those git did not vouch
    for), unless one of them changed too lately to be told from a change to come (its times
    within `SETTLED_NS` of the moment, read from the file system's own clock as
    store/listing.py does), and the cases' numbers (`uses`, `uses_bytes`) beside it, named
    by their SHA-1 in the record. Written whole, then renamed into place: the numbers first.
    An index rewritten since the run began (another checksum now) keeps neither its
    checksum nor its tree. Whether it was kept."""
    import hashlib

    from antt_cli.store.listing import SETTLED_NS, _stat, stat_key

    path = _path(root)
    if path is None:
        return False
    temporary = path.with_name(f"{NAME}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(b"")
        moment = temporary.stat().st_mtime_ns
        kept = []
        for rel in sorted(set(loose)):
            st = _stat(os.path.join(root, rel))
            if st is not None and max(st.st_mtime_ns, st.st_ctime_ns) >= moment - SETTLED_NS:
                return False
            kept.append([rel, stat_key(st) if st is not None else None])
        same = record["index"] is not None and index_mark(root) == record["index"]   # not rewritten meanwhile
        named = None
        if uses is not None and same and record.get("tree") is not None:
            numbers = path.with_name(f"{USES}.{os.getpid()}.tmp")
            try:
                numbers.write_bytes(uses)
                os.replace(numbers, path.with_name(USES))
                named = hashlib.sha1(uses).hexdigest()
            finally:
                try:
                    numbers.unlink()
                except OSError:
                    pass
        text = json.dumps({**record, "format": FORMAT, "index": record["index"] if same else None,
                           "tree": record.get("tree") if same else None, "uses": named, "loose": kept},
                          ensure_ascii=False, separators=(",", ":"))
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        return True
    except (OSError, TypeError, ValueError):
        return False
    finally:
        try:
            temporary.unlink()
        except OSError:
            pass


def save_mark(root: Path, record: dict[str, Any], mark: str) -> None:
    """Keep the record found to hold under a rewritten index (the same entries: `git status`
    refreshing its stats, say) with that index's checksum, so that the next check need not
    ask for the entries again. Best effort."""
    path = _path(root)
    if path is None:
        return
    temporary = path.with_name(f"{NAME}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps({**record, "index": mark}, ensure_ascii=False, separators=(",", ":")),
                             encoding="utf-8")
        os.replace(temporary, path)
    except (OSError, TypeError, ValueError):
        try:
            temporary.unlink()
        except OSError:
            pass


# -- updating the record: what changed since, and the numbers of every case -----------------

def touched(root: Path, record: dict[str, Any], paths: frozenset[str], folders: list[str]) -> set[str]:
    """The case folders (`models/ID`) whose files may not be what the record was found from:
    those of `paths` (what git finds changed now: the index against the record's tree, the
    working tree against the index, the entries it does not vouch for) and of each file kept
    with its stat (`loose`) whose stat differs. A file the record was found from is either
    one git vouched for then (its blob the tree's) or one kept with its stat: the paths git
    found changed then need no look of their own."""
    moved = [rel for rel, key in record["loose"] if _stat_key(root, rel) != key]
    found = set()
    for path in [*paths, *moved]:
        parts = path.split("/", 2)
        if len(parts) >= 2 and parts[0] in folders:
            found.add(f"{parts[0]}/{parts[1]}")
    return found


def case_ids_now(root: Path, record: dict[str, Any], touched: set[str], folders: dict[str, str]) -> list[str] | None:
    """The case IDs there now, as store/dossier.py `WorkTree.case_ids` finds them (the
    ID-shaped folders holding a case file), a folder not `touched` of a case the record
    names taken as holding its case file (git or its stat vouched for it); None when a
    folder holds a case of another kind (so no ID is found in two folders), or a case the
    record names and git saw no change to is gone (what the whole run alone judges)."""
    from antt_cli.domain.ids import KIND_CODES, id_code, ids_among
    from antt_cli.store.dossier import CASE_DIRS

    home = {KIND_CODES[kind]: folder for kind, folder in CASE_DIRS.items()}
    where = {case[0]: CASE_DIRS[case[1]] for case in record["cases"]}   # its kind's folder (`_cases_ok`)
    found: list[str] = []
    for folder, case_file in folders.items():
        try:
            names = os.listdir(Path(root) / folder)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return None
        for name in ids_among(names):
            if where.get(name) == folder and f"{folder}/{name}" not in touched:
                found.append(name)
            elif os.path.isfile(os.path.join(root, folder, name, case_file)):
                if home.get(id_code(name)) != folder:
                    return None
                found.append(name)
    found.sort()   # each ID once: a named one in its kind's folder alone, any other checked to be
    there = set(found)
    if any(f"{folder}/{cid}" not in touched for cid, folder in where.items() if cid not in there):
        return None
    return found


# The numbers each case put in the registers (domain/consistency.py `NumberUse`, without its
# case ID), kept beside the record (`USES`) and read only to update it: the only finding
# across cases, the number used twice, is found again from all of them. A file of its own
# (90,000 numbers at 10,000 cases: 2 MB), so that the record a warm check reads stays small;
# columns of machine integers, read without decoding each number.
USES = "check-uses.bin"
USES_MAGIC = b"antt-check-uses 1\n"
_COLUMNS = (("counts", "I"), ("kind", "I"), ("body", "I"), ("year", "H"), ("value", "q"), ("day", "I"),
            ("key", "Q"))
# A number's register key (body, year, numeric value) as one integer (`_key`), 0 for a
# number without a value (never counted): the numbers used twice are looked for among
# integers, not tuples. Equal register keys make equal integers; a key whose parts do not
# fit the widths below is 1, one more candidate (`Uses.twice` asks the candidates again).
_VALUE_BITS, _YEAR_BITS, _BODY_BITS = 40, 7, 16
_MAX_VALUE = 1 << 62   # a value kept in a signed 64-bit column; a larger one: no file (`Uses.whole`)


def _key(body: int, year: int, value: int | None) -> int:
    if value is None:
        return 0
    return (1 << 63) | (body << (_VALUE_BITS + _YEAR_BITS)) | ((year - 2000) << _VALUE_BITS) | value


class Uses:
    """The numbers of every case, in the record's order of cases: `counts` per case, then
    per number its kind and body (indexes into `kinds`, `bodies`), year, numeric value (-1:
    none), date (an ordinal) and text (`numbers`)."""

    def __init__(self, kinds: list[str], bodies: list[str]) -> None:
        from array import array

        self.kinds, self.bodies = kinds, bodies
        self._kind = {k: n for n, k in enumerate(kinds)}
        self._body = {b: n for n, b in enumerate(bodies)}
        for name, code in _COLUMNS:
            setattr(self, name, array(code))
        self.numbers: list[str] = []
        self.offsets: list[int] = [0]
        self.whole = True    # every number kept as it is (a value past `_MAX_VALUE` is not)

    def add(self, uses: list[list]) -> None:
        """One case's numbers, as an entry holds them (store/checkcache.py: kind, body, year,
        number, value or None, date's ordinal)."""
        kinds, bodies = self._kind, self._body
        for kind, body, year, number, value, day in uses:
            k = kinds.get(kind)
            if k is None:
                k = kinds[kind] = len(self.kinds)
                self.kinds.append(kind)
            b = bodies.get(body)
            if b is None:
                b = bodies[body] = len(self.bodies)
                self.bodies.append(body)
            if value is not None and not 0 <= value < _MAX_VALUE:
                self.whole, value = False, None
            self.kind.append(k)
            self.body.append(b)
            self.year.append(year)
            self.value.append(-1 if value is None else value)
            self.day.append(day)
            self.key.append(_key(b, year, value) if b < 1 << _BODY_BITS and 2000 <= year < 2000 + (1 << _YEAR_BITS)
                            and (value is None or 0 <= value < 1 << _VALUE_BITS) else 1)
            self.numbers.append(number)
        self.counts.append(len(uses))
        self.offsets.append(self.offsets[-1] + len(uses))

    def take(self, other: "Uses", first: int, last: int) -> None:
        """The numbers of `other`'s cases `first` … `last - 1`, as they are (its kinds' and
        bodies' indexes: `other`'s tables are this one's, or begin it)."""
        start, end = other.offsets[first], other.offsets[last]
        for name, _code in _COLUMNS[1:]:
            getattr(self, name).extend(getattr(other, name)[start:end])
        self.numbers.extend(other.numbers[start:end])
        base = self.offsets[-1]
        self.counts.extend(other.counts[first:last])
        self.offsets.extend(base + n - start for n in other.offsets[first + 1:last + 1])

    def twice(self, ids: list[str]) -> Any:
        """domain/consistency.py `duplicate_numbers` of every case's numbers (`ids`: the
        cases, in this order), asked of the numbers whose integer key is another's only (a
        superset of those whose register key is: the others find nothing), their order
        among them kept; None when one of them has a number too long for a finding."""
        import bisect
        import datetime as dt
        from collections import Counter

        from antt_cli.domain.consistency import NumberUse, duplicate_numbers

        keys = self.key
        distinct = set(keys)
        distinct.discard(0)
        if len(distinct) == len(keys) - keys.count(0):   # no register key twice: nothing to find
            return iter(())
        shared = {key for key, count in Counter(keys).items() if count > 1 and key != 0}
        offsets, day = self.offsets, dt.date.fromordinal
        chosen = [n for n, key in enumerate(keys) if key in shared]
        if any(len(self.numbers[n]) > 10_000 for n in chosen):   # no finding's text so long (`_findings_ok`)
            return None
        return duplicate_numbers(
            NumberUse(ids[bisect.bisect_right(offsets, n) - 1], self.kinds[self.kind[n]], self.bodies[self.body[n]],
                      self.year[n], self.numbers[n], self.value[n], day(self.day[n])) for n in chosen)

    def to_bytes(self) -> bytes | None:
        """The file's bytes; None when a number cannot be kept this way (a NUL in it, a value
        too large)."""
        import sys

        numbers = "\0".join(self.numbers)
        if not self.whole or numbers.count("\0") != max(len(self.numbers) - 1, 0):
            return None
        head = json.dumps({"order": sys.byteorder, "cases": len(self.counts), "uses": len(self.numbers),
                           "kinds": self.kinds, "bodies": self.bodies}, ensure_ascii=False)
        return b"".join([USES_MAGIC, head.encode("utf-8"), b"\n",
                         *(getattr(self, name).tobytes() for name, _code in _COLUMNS),
                         numbers.encode("utf-8")])


def uses_bytes(cases: list[list[list]]) -> bytes | None:
    """The file of the numbers of `cases` (each case's, as an entry holds them)."""
    uses = Uses([], [])
    for one in cases:
        uses.add(one)
    return uses.to_bytes()


def load_uses(root: Path, record: dict[str, Any]) -> Uses | None:
    """The numbers kept beside `record`: the file it names by its SHA-1, of its shape, one
    count per case it names, every index and value in range; else None."""
    import hashlib
    import itertools
    import sys
    from array import array

    from antt_cli.domain.bounds import MAX_YEAR, MIN_YEAR
    from antt_cli.store.checkcache import _ordinals, _text_ok

    path = _path(root)
    if path is None or record["uses"] is None:
        return None
    try:
        with open(path.with_name(USES), "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_BYTES or hashlib.sha1(data).hexdigest() != record["uses"] or not data.startswith(USES_MAGIC):
        return None
    end = data.find(b"\n", len(USES_MAGIC))
    try:
        head = json.loads(data[len(USES_MAGIC):end]) if end > 0 else None
    except (ValueError, RecursionError):
        return None
    if type(head) is not dict or head.keys() != {"order", "cases", "uses", "kinds", "bodies"} \
            or head["order"] != sys.byteorder or type(head["cases"]) is not int or type(head["uses"]) is not int \
            or head["cases"] != len(record["cases"]) or not 0 <= head["uses"] <= 10 ** 7 \
            or not all(type(t) is list and all(map(_text_ok, t)) and len(set(t)) == len(t)
                       for t in (head["kinds"], head["bodies"])):
        return None
    uses = Uses(head["kinds"], head["bodies"])
    at = end + 1
    for name, code in _COLUMNS:
        column = array(code)
        size = column.itemsize * (head["cases"] if name == "counts" else head["uses"])
        if at + size > len(data):
            return None
        column.frombytes(data[at:at + size])
        setattr(uses, name, column)
        at += size
    try:
        numbers = data[at:].decode("utf-8").split("\0") if head["uses"] else ([] if at == len(data) else None)
    except UnicodeDecodeError:
        return None
    low, high = _ordinals()
    count = head["uses"]
    if numbers is None or len(numbers) != count or sum(uses.counts) != count or (count and not (
            max(uses.kind) < len(uses.kinds) and max(uses.body) < len(uses.bodies)
            and low <= min(uses.day) and max(uses.day) <= high and min(uses.value) >= -1
            and max(uses.value) < _MAX_VALUE and MIN_YEAR <= min(uses.year) and max(uses.year) <= MAX_YEAR)):
        return None
    uses.numbers = numbers
    uses.offsets = [0, *itertools.accumulate(uses.counts)]
    return uses


# -- shape: the record is input ------------------------------------------------------------

def _shape_ok(value: dict[str, Any]) -> bool:
    from antt_cli.store.checkcache import _hex, _items_ok, _text_ok

    items, lists, findings, cases = value["items"], value["lists"], value["findings"], value["cases"]
    return (type(value["stamp"]) is str and (value["index"] is None or _hex(value["index"], (64,)))
            and (value["tree"] is None or _hex(value["tree"], (40, 64)))
            and (value["uses"] is None or _hex(value["uses"], (40,)))
            and _hex(value["listed"], (40,)) and _texts(value["changed"])
            and type(value["loose"]) is list
            and all(type(f) is list and len(f) == 2 and _text_ok(f[0]) and not _escapes(f[0])
                    and (f[1] is None or _text_ok(f[1])) for f in value["loose"])
            and _items_ok_all(items, _items_ok) and _lists_ok(lists, len(items))
            and _findings_ok(findings) and _cases_ok(cases, len(lists), len(findings)))


def _escapes(rel: str) -> bool:
    return rel.startswith("/") or ".." in rel.split("/")


def _texts(value: Any) -> bool:
    from antt_cli.store.checkcache import _text_ok

    return type(value) is list and all(map(_text_ok, value))


def _items_ok_all(items: Any, items_ok: Any) -> bool:
    """Each distinct item as an entry's (store/checkcache.py), its title given."""
    return type(items) is list and all(type(i) is list and len(i) == 5 and type(i[1]) is str and items_ok([i])
                                       for i in items)


def _lists_ok(lists: Any, count: int) -> bool:
    return type(lists) is list and all(type(one) is list and len(one) <= 16 and all(
        type(n) is int and 0 <= n < count for n in one) for one in lists)


# The finding made across cases (domain/consistency.py `duplicate_numbers`), with its values.
TWICE = "domain.consistency.number_twice"
_TWICE_PARAMS = {"number": str, "other": str, "other_id": str, "other_kind": str, "year": int}


def _findings_ok(findings: Any) -> bool:
    from antt_cli.store.checkcache import _findings_ok as case_findings_ok, _text_ok

    if type(findings) is not list:
        return False
    own = [f for f in findings if not (type(f) is list and len(f) == 4 and f[2] == TWICE)]
    twice = [f for f in findings if type(f) is list and len(f) == 4 and f[2] == TWICE]
    return case_findings_ok(own) and all(
        f[0] == "error" and _text_ok(f[1]) and type(f[3]) is dict and f[3].keys() == _TWICE_PARAMS.keys()
        and all(type(f[3][k]) is kind and (kind is int or _text_ok(f[3][k])) for k, kind in _TWICE_PARAMS.items())
        for f in twice)


def _cases_ok(cases: Any, lists: int, findings: int) -> bool:
    """Each case: [ID, kind, its items' list, its findings], in the order of their IDs, each
    once, its kind its ID's."""
    from antt_cli.domain.ids import KIND_CODES, id_code, is_id

    if type(cases) is not list or not all(type(c) is list and len(c) == 4 for c in cases):
        return False
    ids, kinds, listed, found = (list(column) for column in zip(*cases)) if cases else ([], [], [], [])
    codes = {code: kind for kind, code in KIND_CODES.items()}
    numbers = [n for one in found if type(one) is list for n in one]
    return (all(type(i) is str and is_id(i) for i in ids) and all(a < b for a, b in zip(ids, ids[1:]))
            and all(codes.get(id_code(i)) == kind for i, kind in zip(ids, kinds))
            and all(type(n) is int for n in listed) and (not listed or 0 <= min(listed) <= max(listed) < lists)
            and all(type(one) is list for one in found) and all(type(n) is int for n in numbers)
            and (not numbers or 0 <= min(numbers) <= max(numbers) < findings))
