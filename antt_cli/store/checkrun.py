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

Like every cache, the record is input: a record that is not of this shape, of another
format or stamp, or that names an index, a file or a day that no longer holds is a miss and
the check runs as before; writing it is best effort. Code: services/check.py `_recall`,
`_record`; tests in tests/test_check_run.py."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

NAME = "check-run.json"
SHARED = "check-run"   # its name on the branch `antt-digests`
FORMAT = "antt-check-run 1"
MAX_BYTES = 64 * 1024 * 1024
TRAILER = 32   # the index's checksum: its last 20 (SHA-1) or 32 (SHA-256) bytes
_KEYS = frozenset(("format", "stamp", "index", "listed", "changed", "loose", "day", "until",
                   "items", "lists", "findings", "cases"))


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
    shared = {**record, "format": FORMAT, "stamp": context, "index": None,
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


def save(root: Path, record: dict[str, Any], loose: list[str]) -> bool:
    """Write the record, with the stat of each file of `loose` (those git did not vouch
    for), unless one of them changed too lately to be told from a change to come (its times
    within `SETTLED_NS` of the moment, read from the file system's own clock as
    store/listing.py does). Written whole, then renamed into place. Whether it was kept."""
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
        mark = record["index"] if index_mark(root) == record["index"] else None   # rewritten meanwhile
        text = json.dumps({**record, "format": FORMAT, "index": mark, "loose": kept}, ensure_ascii=False,
                          separators=(",", ":"))
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


# -- shape: the record is input ------------------------------------------------------------

def _shape_ok(value: dict[str, Any]) -> bool:
    from antt_cli.store.checkcache import _hex, _items_ok, _text_ok

    items, lists, findings, cases = value["items"], value["lists"], value["findings"], value["cases"]
    return (type(value["stamp"]) is str and (value["index"] is None or _hex(value["index"], (64,)))
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
