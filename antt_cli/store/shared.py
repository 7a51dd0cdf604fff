"""Digests that travel with the dossier (docs/reliability.md, "Digests that travel with the
dossier"): the read cache's digests (store/cache.py, keyed by a case file's git blob id) kept
on a git branch, `antt-digests`, so that the first whole-dossier read after a `git clone`
(which brings every branch as `origin/antt-digests`) parses no case file.

The branch holds one parentless commit whose tree has up to 256 blobs, one per first two hex
digits of the blob ids (`00` … `ff`): a change of a few cases changes a few blobs, so a new
set costs git, and a push, only those. Each blob is text, UTF-8:

    antt-digests 1 <context>
    <blob id> <digest as the read cache's JSON>
    …

`antt check`'s entries live in the same tree, in buckets `check-00` … `check-ff` of the same
form (`SharedDigests(prefix="check-")`, services/check.py); each kind writes its own
buckets and keeps the other's.

`<context>` names what computed the digests (the digest format of store/cache.py `VERSION`,
antt's version and the bytes of every kind spec, store/kinds.py `fingerprint`): a set made by
another antt, or with other kinds, is not used. A blob id says which content an entry
describes, so an entry of a file changed since just misses.

An entry comes from elsewhere (whoever can push the branch wrote it), so it is input: a
bucket is read only if its size is sane, an entry only if its line is, its JSON decodes, and
every field has the type and the bounds a digest made by antt has (`entry_ok`: the shape of
domain/digest.py `case_digest`, strings, lists and dates bounded as in domain/bounds.py, the
case ID and kind those of the file's folder). An entry that fails is ignored and its file
parsed. What a check of shape cannot see — a well-formed entry that lies — is the trust one
already gives the repository: whoever can push the branch can push the case files too.
`ANTT_DIGESTS=off` reads and writes no shared digest (docs/commands.md, Global).

The git side (listing the refs, reading blobs, writing a commit) is handed in (`GitPort`,
audit/digest_ref.py through services/common.py), as store/source.py is handed HEAD."""
from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from antt_cli.domain.bounds import MAX_NUMBER, MAX_YEAR, MIN_YEAR

FORMAT = 1
MAGIC = "antt-digests"
PREFIX = 2                        # hex digits of a blob id that name its bucket
MAX_BUCKET = 64 * 1024 * 1024     # a bucket larger than this is not ours: not read
MAX_TOTAL = 256 * 1024 * 1024     # nor a set larger than this (the read cache's own bound)
LAZY_BUCKETS = 8                  # buckets of a set read one at a time; at the 8th, the rest at once
MAX_LINE = 1024 * 1024            # one entry's line
MAX_TEXT = 10_000                 # any string of an entry (domain/bounds.py MAX_LENGTH: 2,000 typed)
MAX_ITEMS = 5_000                 # any list of an entry
MAX_STEP = 100
# When a whole-dossier read writes the set again (`due`): once this many digests were added
# to the read cache since the last export — at least SHARE_MIN, else a fiftieth of the
# cases, so that a clone parses at most about 2 % of its cases.
SHARE_MIN = 100
SHARE_FRACTION = 50
MODES = ("auto", "always", "off")


def due(unshared: int, total: int, mode: str) -> bool:
    """Whether a whole-dossier read that found `unshared` digests added since the last export
    (of `total` cases) exports the set: `always` whenever one was, `off` never."""
    if mode == "off" or unshared <= 0:
        return False
    return mode == "always" or unshared >= max(SHARE_MIN, total // SHARE_FRACTION)


# -- the shape of an entry (domain/digest.py `case_digest`, domain/summary.py `case_facts`) ----
# A spec: a type name, "?" after it when None is allowed; ("list", spec); ("tuple", specs…);
# ("dict", {key: spec}) with exactly those keys; ("years", spec): {"<year>": spec}.
_STR, _STR_, _DATE_, _YEAR, _YEAR_, _BOOL = "str", "str?", "date?", "year", "year?", "bool"
_MODEL_YEAR = ("dict", {"proposed": _STR_, "grade": _STR_, "completion": "float?", "number": _STR_,
                        "date": _DATE_, "issuer": _STR_, "late": _BOOL, "reason": _STR_})
_FACTS = {"kind": _STR, "name": _STR_, "area": _STR_, "level": _STR_, "status": _STR_, "opened": _DATE_}
SUMMARY = {
    "model": ("dict", {**_FACTS, "established": _DATE_, "years": ("years", _MODEL_YEAR), "launched": _DATE_,
                       "closed": _DATE_, "closure_number": _STR_, "replicated_from": _STR_}),
    "exemplar": ("dict", {**_FACTS, "events": ("list", ("tuple", _STR, _DATE_, _STR_, _STR_, _YEAR_))}),
}
DIGEST = {
    "id": _STR, "kind": _STR, "name": _STR_, "status": _STR_, "linked": _BOOL, "area": _STR_,
    "opened": _DATE_, "step": "step", "grade": _STR_, "proposed_grade": _STR_, "rating_year": _YEAR_,
    "late_steps": ("list", _STR), "launched": _DATE_, "established": _DATE_,
    "met": ("list", ("tuple", _STR, _YEAR, _DATE_)), "plan_years": ("list", _YEAR),
    "reports": ("list", ("tuple", _YEAR, _STR)), "numbers": ("list", ("tuple", _STR, _YEAR, _STR)),
    "exemplar_kind": _STR_, "clock_start": _DATE_, "evaluation_kind": _STR_, "recognized_on": _DATE_,
    "reassessed": ("list", _YEAR),
}


def _date(value: Any) -> bool:
    return type(value) is dt.date and MIN_YEAR <= value.year <= MAX_YEAR


def _year(value: Any) -> bool:
    return type(value) is int and MIN_YEAR <= value <= MAX_YEAR


# The types of a scalar: exact (what `json.loads` and store/cache.py `decode` give; a bool is
# not an int here).
_SCALARS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: type(v) is str and len(v) <= MAX_TEXT,
    "bool": lambda v: type(v) is bool,
    "date": _date,
    "float": lambda v: type(v) is float and math.isfinite(v) and abs(v) <= MAX_NUMBER,
    "year": _year,
    "step": lambda v: type(v) is int and 0 <= v <= MAX_STEP,
}


def _compiled(spec: Any) -> Callable[[Any], bool]:
    """The check of `spec` as one function (built once: an entry is checked per case file)."""
    if isinstance(spec, str):
        scalar = _SCALARS[spec.rstrip("?")]
        return (lambda v: v is None or scalar(v)) if spec.endswith("?") else scalar
    form = spec[0]
    if form == "list":
        item = _compiled(spec[1])
        return lambda v: type(v) is list and len(v) <= MAX_ITEMS and all(map(item, v))
    if form == "tuple":
        parts = [_compiled(s) for s in spec[1:]]
        return lambda v: type(v) is tuple and len(v) == len(parts) and all(c(x) for c, x in zip(parts, v))
    if form == "years":
        item = _compiled(spec[1])
        return lambda v: (type(v) is dict and len(v) <= MAX_ITEMS
                          and all(type(k) is str and k.isascii() and k.isdigit() and _year(int(k)) and item(x)
                                  for k, x in v.items()))
    fields = {key: _compiled(s) for key, s in spec[1].items()}
    return lambda v: type(v) is dict and v.keys() == fields.keys() and all(c(v[k]) for k, c in fields.items())


def shape_ok(value: Any, spec: Any) -> bool:
    """Whether `value` has the shape `spec` says (see above), every part bounded."""
    return _compiled(spec)(value)


_DIGEST_OK = _compiled(("dict", {**DIGEST, "summary": ("dict", {})}))
_SUMMARY_OK = {kind: _compiled(spec) for kind, spec in SUMMARY.items()}


def entry_ok(value: Any, case_id: str, kind: str) -> bool:
    """Whether `value` may stand for the digest of the case file `case_id` (a case of `kind`,
    as its folder says): a digest's every field, typed and bounded, and its own ID and kind."""
    if type(value) is not dict or value.get("id") != case_id or value.get("kind") != kind or kind not in SUMMARY:
        return False
    summary = value.get("summary")
    checked = {**value, "summary": {}}  # the summary's shape depends on the kind: checked apart
    return _DIGEST_OK(checked) and _SUMMARY_OK[kind](summary) and summary["kind"] == kind


# -- the blobs -------------------------------------------------------------------------------
def bucket_name(key: str) -> str:
    return key[:PREFIX]


def _is_key(text: str) -> bool:
    return len(text) in (40, 64) and all(c in "0123456789abcdef" for c in text)


def read_bucket(name: str, data: bytes, context: str) -> dict[str, bytes]:
    """{blob id: JSON text, as bytes} of one bucket blob; {} when its header is not this
    format and context. Lines that are not `<blob id of this bucket> <text>` are skipped."""
    header = f"{MAGIC} {FORMAT} {context}\n".encode()
    if not data.startswith(header):
        return {}
    found: dict[str, bytes] = {}
    for line in data[len(header):].split(b"\n"):
        if not line or len(line) > MAX_LINE:
            continue
        key, _, body = line.partition(b" ")
        key_text = key.decode("ascii", "replace")
        if _is_key(key_text) and key_text.startswith(name) and body:
            found[key_text] = body
    return found


def bucket_bytes(context: str, lines: list[tuple[str, str]]) -> bytes:
    """The blob of one bucket: the header, then `<blob id> <JSON text>` per (blob id, text), in
    the order given (sorted by `export`: the same entries give the same bytes, so an
    unchanged bucket is the blob it was)."""
    return (f"{MAGIC} {FORMAT} {context}\n" + "".join(f"{key} {text}\n" for key, text in lines)).encode("utf-8")


def context_of(cache_version: int, antt_version: str, kinds: str) -> str:
    """What computed a set of digests, as one word (see the module's docstring)."""
    import hashlib

    return hashlib.sha1(f"{FORMAT}\0{cache_version}\0{antt_version}\0{kinds}".encode()).hexdigest()


@dataclass
class GitPort:
    """The git questions and the one write (audit/digest_ref.py, bound to the dossier)."""

    refs: Callable[[], list[tuple[str, str]]]                # (ref, commit): the local branch first
    tree: Callable[[str], list[tuple[str, str, int]]]        # commit → (name, blob id, size)
    read: Callable[[list[str]], Iterable[tuple[str, bytes]]]  # blob ids → (blob id, content), one at a time
    begin: Callable[[], Any]   # a new set: `.add(name, bytes)`, `.names`, `.publish(kept, old, message)`, `.close()`
    local: str                                               # the local branch's ref name


class SharedDigests:
    """The digests of the branch `antt-digests` for a whole-dossier read: `offers` and
    `take` answer from the local branch, else each remote-tracking one (each read whole,
    once, the first time an entry is asked of it); `export` writes the set again."""

    def __init__(self, git: GitPort, context: Callable[[], str], mode: str = "auto", *, prefix: str = "",
                 accept: Callable[[bytes, str, str], Any] | None = None) -> None:
        self.git = git
        self.mode = mode if mode in MODES else "auto"
        # Another kind of entry (`antt check`'s: services/check.py) lives in the same tree, in
        # buckets whose names start with `prefix`; each kind keeps the other's buckets.
        self.prefix = prefix
        self._accept = accept or _digest_entry
        self._context = context
        self._word: str | None = None
        self._refs: list[tuple[str, str]] | None = None
        self._trees: dict[str, list[tuple[str, str, int]]] = {}   # commit → its tree (`_tree`)
        self._sets: list[dict[str, bytes]] = []            # per set (ref): the entries read so far
        self._buckets: list[set[str] | None] = []          # per set: the buckets read (None: all of them)

    def context(self) -> str:
        if self._word is None:
            self._word = self._context()
        return self._word

    def _raw(self, key: str) -> bytes | None:
        """The raw entry of blob `key` in the first set that holds one (the local branch, then
        each fetched one). A set is read a bucket at a time while few are asked of it — the
        next read after a hand edit, a commit made with git, a pull of a few changes asks for
        a file or two, and reading the whole set (every case's digest: 16 MB at 10,000
        cases) cost it an eighth of a second — and whole once `LAZY_BUCKETS` were (a fresh
        clone asks for every file)."""
        if self._refs is None:
            self._refs = self.git.refs()
        name = bucket_name(key)
        for index, (_ref, commit) in enumerate(self._refs):
            while len(self._sets) <= index:
                self._sets.append({})
                self._buckets.append(set())
            read = self._buckets[index]
            if read is not None and name not in read:
                self._read_buckets(index, commit, name)
            entries = self._sets[index]
            if key in entries:
                return entries[key]
        return None

    def _read_buckets(self, index: int, commit: str, name: str) -> None:
        """Read bucket `name` of set `index` (at `commit`) into its entries — or, the set's
        `LAZY_BUCKETS`th, every bucket not read yet; a set larger than MAX_TOTAL is not read."""
        read = self._buckets[index]
        if read is None:
            return
        buckets = self._readable(commit)
        if buckets is None:
            self._buckets[index] = None  # not ours: nothing taken from it
            return
        whole = len(read) + 1 >= LAZY_BUCKETS
        names = {blob: bucket for bucket, blob, _ in buckets
                 if bucket not in read and (whole or bucket == name)}
        for blob, content in self.git.read(list(names)):
            self._sets[index].update(read_bucket(names[blob], content, self.context()))
        if whole:
            self._buckets[index] = None  # every bucket read
        else:
            read.add(name)

    def first_due(self, unshared: int) -> bool:
        """Whether a first set is written here though `due` says no (the cache never wrote
        one): when there is no local branch and either the cache gained a digest (a clone
        after its first change) or no set is there at all (a dossier older than the branch),
        so that `git push origin +antt-digests` has one to send."""
        if self.mode == "off":
            return False
        if self._refs is None:
            self._refs = self.git.refs()
        if any(ref == self.git.local for ref, _ in self._refs):
            return False
        return unshared > 0 or not self._refs

    def stream(self, wanted: dict[str, tuple[str, str]]) -> Iterator[tuple[str, Any]]:
        """(blob id, checked entry) of each `wanted` blob id (→ its case ID and kind) that a
        set holds a good entry for: the local set first, then each fetched one, read a bucket
        at a time and only the buckets of blob ids still wanted, so that no more than one
        bucket's text is held (`take` holds a whole set: the digests of `status`)."""
        if self.mode == "off":
            return
        if self._refs is None:
            self._refs = self.git.refs()
        left = dict(wanted)
        for _ref, commit in self._refs:
            groups: dict[str, list[str]] = {}
            for key in left:
                groups.setdefault(bucket_name(key), []).append(key)
            buckets = self._readable(commit) if left else None
            if buckets is None:
                continue
            names = {blob: name for name, blob, _ in buckets if name in groups}
            for blob, content in self.git.read(list(names)):
                entries = read_bucket(names[blob], content, self.context())
                del content
                for key in groups[names[blob]]:
                    value = self._checked(entries.get(key), *left[key])
                    if value is not None:
                        del left[key]
                        yield key, value

    def _checked(self, raw: bytes | None, case_id: str, kind: str) -> Any:
        if raw is None:
            return None
        try:
            return self._accept(raw, case_id, kind)
        except Exception:  # noqa: BLE001 - not JSON, a bad date, a number too long: not an entry
            return None

    def holds_own(self) -> bool:
        """Whether the local branch holds buckets of this kind (a set made by `status` alone
        holds none of `antt check`'s)."""
        if self._refs is None:
            self._refs = self.git.refs()
        local = self._local(self._refs)
        return local is not None and self._holds_buckets(self._tree(local))

    def _tree(self, commit: str) -> list[tuple[str, str, int]]:
        """A set's tree (a commit's tree never changes: asked of git once)."""
        if commit not in self._trees:
            self._trees[commit] = self.git.tree(commit)
        return self._trees[commit]

    def _local(self, refs: list[tuple[str, str]]) -> str | None:
        """The commit of the local branch among `refs` (None: there is none here)."""
        return next((commit for ref, commit in refs if ref == self.git.local), None)

    def _holds_buckets(self, tree: list[tuple[str, str, int]]) -> bool:
        """Whether a set's tree holds buckets of this kind."""
        return any(self._own(name) for name, _blob, _size in tree)

    def named(self, name: str, limit: int) -> Iterator[bytes]:
        """The blob `name` of each set that has one (the local branch first) no larger than
        `limit` bytes, as it is (the caller checks it), read as it is asked for."""
        if self.mode == "off":
            return
        if self._refs is None:
            self._refs = self.git.refs()
        for _ref, commit in self._refs:
            found = [blob for entry, blob, size in self.git.tree(commit) if entry == name and 0 < size <= limit]
            for _blob, content in self.git.read(found[:1]):
                yield content

    def put_named(self, name: str, data: bytes, message: str) -> bool:
        """The local branch's set with its blob `name` made `data`, every other blob kept as it
        is: `antt check`'s record of a whole run travels after every check that makes one,
        not only with the entries (written after many cases are judged). Only onto a local
        set that holds this kind's buckets (else `export` writes the set whole); True when
        the branch holds `data` there now."""
        from antt_cli.store.cache import blob_id

        if self.mode == "off":
            return False
        refs = self._refs if self._refs is not None else self.git.refs()   # the update-ref below compares
        local = self._local(refs)
        old = self._tree(local) if local else []
        if not self._holds_buckets(old):
            return False
        if (name, blob_id(data)) in {(entry, blob) for entry, blob, _size in old}:
            return True
        sink = self.git.begin()
        try:
            sink.add(name, data)
            return sink.publish({entry: blob for entry, blob, _size in old if entry != name}, local, message)
        finally:
            sink.close()

    def offers(self, key: str) -> bool:
        """Whether a set holds an entry for blob `key` (not yet checked)."""
        return self.mode != "off" and self._raw(key) is not None

    def take(self, key: str, case_id: str, kind: str) -> tuple[dict, str] | None:
        """(the checked entry of blob `key` for the case file of `case_id`, its JSON text —
        the read cache's own format, stored as it is), or None (absent, or not a digest: the
        file is parsed)."""
        raw = self._raw(key) if self.mode != "off" else None
        if raw is None:
            return None
        for entries in self._sets:  # taken once: its text is not needed any more
            entries.pop(key, None)
        try:
            return self._accept(raw, case_id, kind)
        except Exception:  # noqa: BLE001 - not UTF-8, not JSON, a bad date, a number too long: not an entry
            return None

    def _readable(self, commit: str) -> list[tuple[str, str, int]] | None:
        """(bucket name without this kind's prefix, blob id, size) of each of this kind's
        buckets in the set at `commit` that is of a sane size; None when the set is over
        MAX_TOTAL (not ours: none of it read)."""
        buckets = [(name[len(self.prefix):], blob, size) for name, blob, size in self._tree(commit)
                   if self._own(name) and 0 < size <= MAX_BUCKET]
        return None if sum(size for _, _, size in buckets) > MAX_TOTAL else buckets

    def _own(self, name: str) -> bool:
        """Whether a tree entry is one of this kind's buckets."""
        hexes = name[len(self.prefix):]
        return name.startswith(self.prefix) and len(hexes) == PREFIX and _is_hex(hexes)

    def export(self, entries: Iterable[tuple[str, Any]], message: Callable[[int], str],
               extra: dict[str, bytes | None] | None = None) -> bool:
        """Make the local branch hold `entries` ((blob id, digest), sorted by blob id: each
        bucket's entries come together), unless it already does; `message` words the commit
        for a count of entries. `extra`: blobs of this kind named apart (`antt check`'s record
        of its whole run, `check-run`), each put in or (None) left out. True when it holds
        them now; False when the write failed or lost the race. One bucket's text is held at
        a time; a bucket that is a blob already there is not written again."""
        from antt_cli.store.cache import blob_id

        refs = self.git.refs()
        local = self._local(refs)
        # the set there (or, with none here yet, a fetched one): its blobs are not written again
        base = local or (refs[0][1] if refs else None)
        old = self.git.tree(base) if base else []
        known = {blob for _, blob, _ in old}
        extra = extra or {}
        kept: dict[str, str] = {name: blob for name, blob, _ in old  # the other kind's
                                if not self._own(name) and name not in extra}
        sink = self.git.begin()
        try:
            for name, data in extra.items():
                if data is not None and blob_id(data) in known:
                    kept[name] = blob_id(data)
                elif data is not None:
                    sink.add(name, data)
            count = 0
            for name, lines in _buckets(entries):
                count += len(lines)
                data = bucket_bytes(self.context(), lines)
                blob = blob_id(data)
                if blob in known:
                    kept[self.prefix + name] = blob
                else:
                    sink.add(self.prefix + name, data)
            if local and sorted(kept.items()) == sorted((name, blob) for name, blob, _ in old) and not sink.names:
                return True
            return sink.publish(kept, local, message(count))
        finally:
            sink.close()


def _digest_entry(raw: bytes, case_id: str, kind: str) -> tuple[dict, str] | None:
    """A status digest's entry, decoded (its dates and tuples) and checked (`entry_ok`), with
    its JSON text (the read cache's own format, stored as it is)."""
    from antt_cli.store.cache import decode

    text = raw.decode("utf-8")
    value = json.loads(text, object_hook=decode)
    return (value, text) if entry_ok(value, case_id, kind) else None


def _buckets(entries: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(bucket name, [(blob id, JSON text)]) of sorted entries, one bucket at a time; an entry
    given as text is its JSON already (`antt check`'s: plain JSON, nothing to encode)."""
    from antt_cli.store.cache import encode

    name, lines = None, []
    for key, value in entries:
        if bucket_name(key) != name:
            if lines:
                yield name, lines
            name, lines = bucket_name(key), []
        lines.append((key, value if isinstance(value, str) else _text(encode(value))))
    if lines:
        yield name, lines


def _text(value: Any) -> str:
    """An entry's JSON as the read cache writes it (keys in the digest's own order, which
    every digest of antt has: domain/digest.py `case_digest`)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)
