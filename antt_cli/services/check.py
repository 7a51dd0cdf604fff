"""`antt check`: every case's dossier items (HD 163 §V, domain/dossier_items.py and
domain/exemplars.py) and whether its file is consistent (domain/consistency.py), as of a day.
Read-only: nothing in the dossier is written; what each case was found to be is kept in the
read cache (store/checkcache.py), so a second check judges only the cases whose files
changed; the whole answer is kept too (store/checkrun.py): recalled when nothing changed,
updated — the cases whose folders changed judged, the numbers used twice found again —
after a change to a few cases (`_update`)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from antt_cli.domain.consistency import (CASE_FILE_ITEM, ERROR, WARNING, Finding, NumberUse, case_findings,
                                         duplicate_numbers, number_uses)
from antt_cli.domain.dossier_items import MISSING, Item, dossier_items
from antt_cli.errors import AnttError
from antt_cli.i18n import kind_label, t
from antt_cli.services.common import Context, say_if_sparse, sha256

Progress = Callable[[int, int], None]   # (cases done, cases in all)


@dataclass(frozen=True)
class Problem:
    """One line of `antt check`: `LEVEL ID item: message`."""

    level: str      # error | warning
    item: str       # a dossier item's number, a kind's name, or case.yaml
    message: str


@dataclass(frozen=True)
class CaseCheck:
    id: str
    items: tuple[Item, ...]
    problems: tuple[Problem, ...]

    @cached_property
    def ok(self) -> bool:
        """SPEC §10: no required item missing, no error; warnings alone pass (found once: the
        result and the summary both ask, for each of 10,000 cases)."""
        return MISSING not in [i.state for i in self.items] and ERROR not in [p.level for p in self.problems]


@dataclass(frozen=True)
class CheckResult:
    cases: tuple[CaseCheck, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.cases)

    def count(self, level: str) -> int:
        return sum(1 for c in self.cases for p in c.problems if p.level == level)

    def as_json(self) -> dict[str, Any]:
        """docs/commands.md `antt check --json`. An item or a problem shared by many cases (one
        object per distinct item, `_compact`) is one row object, written once (cli/common.py)."""
        rows: dict[int, dict[str, Any]] = {}   # the objects are held by the result meanwhile

        def row(i: Item) -> dict[str, Any]:
            found = rows.get(id(i))
            if found is None:
                found = rows[id(i)] = {"no": i.no, "title": i.title, "state": i.state}
            return found

        def problem(p: Problem) -> dict[str, Any]:
            found = rows.get(id(p))
            if found is None:
                found = rows[id(p)] = {"level": p.level, "item": p.item, "message": p.message}
            return found

        return {"ok": self.ok, "cases": [
            {"id": c.id, "items": [row(i) for i in c.items], "problems": [problem(p) for p in c.problems]}
            for c in self.cases]}


# The findings' values that name a kind: printed by its title (vi) or name (en).
_KIND_PARAMS = ("kind", "other", "other_kind")


def _kind(reg: Any, case_kind: str, name: str) -> Any:
    """The kind a finding or a missing part names, by its spec name or its CLI name."""
    return next((k for k in reg.of_case(case_kind) if name in (k.name, k.cli)), None)


def _words(reg: Any, case_kind: str, params: dict[str, Any]) -> dict[str, Any]:
    words = {}
    for key, value in params.items():
        if key in _KIND_PARAMS and (k := _kind(reg, case_kind, str(value))) is not None:
            value = kind_label(k)
        words[key] = value
    return words


def _problem(reg: Any, case_kind: str, f: Finding) -> Problem:
    return Problem(f.level, f.item, t(f.key, **_words(reg, case_kind, dict(f.params))))


def _part(reg: Any, case_kind: str, part: str) -> str:
    """A missing part in words: `periodic-report 6-month 2026` → its title (06 tháng đầu năm
    2026); `annual-plan 2027` → its title (2027)."""
    name, *rest = part.split()
    k = _kind(reg, case_kind, name)
    when = " ".join(t(f"services.check.period.{w}") if w in ("6-month", "annual") else w for w in rest)
    label = str(kind_label(k)) if k is not None else name
    return f"{label} ({when})" if when else label


def _item_problems(reg: Any, case_id: str, case_kind: str, items: Iterable[Item],
                   worded: dict[int, Problem] | None = None) -> list[Problem]:
    """A missing item is an error naming what is missing; item 15's warning (a rated year
    complete without a review, docs/rules.md) a warning. `worded`: the error of an item
    object already worded (one object per distinct item across the dossier, `_compact`)."""
    found = []
    for i in items:
        if i.state == MISSING:
            problem = worded.get(id(i)) if worded is not None else None
            if problem is None:
                missing = "; ".join(_part(reg, case_kind, part) for part in i.missing)
                problem = Problem(ERROR, str(i.no), t("services.check.item_missing", title=i.title, missing=missing))
                if worded is not None:
                    worded[id(i)] = problem
            found.append(problem)
        if i.warning:
            found.append(Problem(WARNING, str(i.no), t("services.check.no_review", title=i.title, id=case_id)))
    return found


def _hashes(dossier: Any, case_id: str, case: Any, listing: dict[str, str],
            known: dict[str, str]) -> tuple[dict, dict]:
    """Each record's file (relative to the case's folder) → the SHA-256 of its bytes as they
    are now, None when it is not there; and each such file (relative to the root) → (its git
    blob id, that SHA-256), (None, None) when not there: what the findings depend on
    (store/checkcache.py). A file git finds unchanged whose blob's SHA-256 is `known` (the
    same bytes were hashed before) is not read."""
    from antt_cli.store.cache import blob_id

    folder = dossier.case_dir_rel(case_id)
    found: dict[str, str | None] = {}
    files: dict[str, tuple[str | None, str | None]] = {}
    for record in [*case.documents, *case.letters]:
        if record.file and record.file not in found:
            rel = f"{folder}/{record.file}"
            blob = listing.get(rel)
            digest = known.get(blob) if blob is not None else None
            if digest is None:
                data = dossier.source.read(rel) if dossier.source.exists(rel) else None
                blob = (blob or blob_id(data)) if data is not None else None
                digest = sha256(data) if data is not None else None
            found[record.file] = digest
            files[rel] = (blob, digest)
    return found, files


def _blob_now(dossier: Any, listing: dict[str, str], rel: str) -> str | None:
    """A file's blob id as it is now: git's index says it for a file it finds unchanged; any
    other file is read and hashed (None when it is not there)."""
    from antt_cli.store.cache import blob_id

    blob = listing.get(rel)
    if blob is not None:
        return blob
    return blob_id(dossier.source.read(rel)) if dossier.source.exists(rel) else None


def _listing(dossier: Any, seen: "_Seen") -> dict[str, str]:
    """{path: blob id} of the files under the case folders whose blob id is known without
    reading them: HEAD's while a writer is at work (store/source.py), else git's index for
    the files git finds unchanged (two git runs; what git said is kept in `seen`, for the
    record of the run, store/checkrun.py); {} when git cannot say."""
    from antt_cli.store.dossier import CASE_DIRS

    folders = tuple(CASE_DIRS.values())
    blobs = getattr(dossier.source, "blobs", None)
    if isinstance(blobs, dict):
        seen.listing = {rel: b for rel, b in blobs.items() if rel.split("/", 1)[0] in folders}
        return seen.listing
    from antt_cli.audit.git import index_view
    from antt_cli.store.checkrun import index_mark

    seen.mark = index_mark(dossier.root)
    # git's changed paths, when a record just asked for them under this very index file
    changed = seen.asked[1] if seen.asked is not None and seen.mark is not None and seen.asked[0] == seen.mark \
        else None
    seen.view = index_view(dossier.root, list(folders), changed)
    seen.listing = seen.view.blobs if seen.view is not None else {}
    return seen.listing


def _titles() -> dict[tuple[str, int], str]:
    """(case kind, item number) → the item's title (HD 163 §V.1 for a model, §V.2 for an
    exemplar): an entry leaves out a title that is this one."""
    from antt_cli.domain.exemplars import ITEM_TITLES as EXEMPLAR_TITLES
    from antt_cli.domain.dossier_items import ITEM_TITLES

    return {**{("model", no): title for no, title in ITEM_TITLES.items()},
            **{("exemplar", no): title for no, title in EXEMPLAR_TITLES.items()}}


def _judge(dossier: Any, reg: Any, today: dt.date, case_id: str, listing: dict[str, str],
           known: dict[str, str]) -> dict[str, Any]:
    """One case on its own (no other case read): its items, its findings, its numbers, the
    files they were found from, the day judged and the first day its items may differ
    (domain/dates.py `JudgedDay`) — an entry of store/checkcache.py. Plain JSON values but
    for the findings' (dates tagged, store/cache.py `encode`): the rest decodes fast."""
    from antt_cli.domain.dates import JudgedDay
    from antt_cli.domain.dossier_items import judged_items
    from antt_cli.store.cache import encode

    case = dossier.case(case_id)
    at = JudgedDay(today)
    items = judged_items(case, at, reg, dossier.rules)
    hashes, files = _hashes(dossier, case_id, case, listing, known)
    findings = case_findings(case, reg, dossier.profile.get("successors"), hashes)
    titles = _titles()
    return {"kind": case.kind,
            "items": [[i.no, None if i.title == titles.get((case.kind, i.no)) else i.title, i.state,
                       list(i.missing), i.warning] for i in items],
            "findings": encode([[f.level, f.item, f.key, dict(f.params)] for f in findings]),
            "uses": [[u.kind, u.body, u.year, u.number, u.value, u.date.toordinal()] for u in number_uses(case)],
            "files": sorted([rel, blob, digest] for rel, (blob, digest) in files.items()),
            "day": today.toordinal(), "until": at.until.toordinal()}


def _fresh(entry: Any, dossier: Any, listing: dict[str, str], today: int) -> bool:
    """Whether a cached entry still holds: its shape is ours, today is within the days its
    items hold, and every file it was found from has the blob id it had."""
    files = entry.get("files")
    if not isinstance(files, list) or not isinstance(entry.get("kind"), str) \
            or not all(isinstance(entry.get(k), list) for k in ("items", "findings", "uses")) \
            or not all(isinstance(u, list) and len(u) == 6 for u in entry["uses"]) \
            or not all(isinstance(i, list) and len(i) == 5 for i in entry["items"]) \
            or not all(isinstance(f, list) and len(f) == 2 for f in files) \
            or not all(type(entry.get(k)) is int for k in ("day", "until")) \
            or not entry["day"] <= today < entry["until"]:
        return False
    known = listing.get
    try:
        return all((known(rel) or _blob_now(dossier, listing, rel)) == blob for rel, blob in files)
    except (AnttError, TypeError, ValueError):
        return False


def _case_blob(dossier: Any, listing: dict[str, str], rel: str) -> str | None:
    try:
        return _blob_now(dossier, listing, rel)
    except AnttError:
        return None  # unreadable: judged (and reported) below


@dataclass
class _Seen:
    """What a check that judged was found from, for the record of the run (store/checkrun.py):
    git's index (its checksum before it was asked, and its answer), the files git did not
    vouch for, the days every entry holds, and whether every case has an entry."""

    mark: str | None = None
    view: Any = None
    listing: dict[str, str] = field(default_factory=dict)   # {path: blob id} git vouches for
    loose: set[str] = field(default_factory=set)
    day: int = 0
    until: int = dt.date.max.toordinal()
    whole: bool = True
    share: Callable[[Any], bool] | None = None   # writes the travelling entries (`_share`)
    asked: tuple[str | None, frozenset[str] | None] | None = None   # (index checksum, git diff-files) a record asked
    last: "_Last | None" = None   # the record that did not hold, to update (`_update`)

    def let_go(self) -> None:
        """The run is judged: what git's index listed (125,000 paths at 10,000 cases) is let
        go, only what the record keeps of it stays."""
        self.listing = {}
        if self.view is not None:
            self.view = self.view._replace(blobs={})

    def note(self, case_rel: str, entry: Any) -> None:
        if isinstance(entry, AnttError):
            self.whole = False
            return
        self.day, self.until = max(self.day, entry["day"]), min(self.until, entry["until"])
        listing = self.listing
        self.loose.update(rel for rel in [case_rel, *(f[0] for f in entry["files"])] if rel not in listing)


def _entries(dossier: Any, reg: Any, today: dt.date, progress: Progress | None,
             shared: dict, clock: dt.date, seen: _Seen, stamp: str) -> dict[str, Any]:
    """Every case's entry, from the cache where it still holds, else judged (and kept, unless
    judged for another day than the `clock`'s while the cached one holds on that one: a
    `--date` does not undo today's); the AnttError of a case whose file is broken (one
    finding, the others go on). A case file git finds unchanged is not even read when its
    entry holds."""
    from antt_cli.store.checkcache import CheckCache

    ids = dossier.case_ids()
    listing = _listing(dossier, seen)
    cache = CheckCache(dossier.root, stamp)
    entries: dict[str, Any] = {}
    misses: list[tuple[str, str | None]] = []
    complete, day, keep = False, today.toordinal(), set()
    try:
        for cid, blob, entry, holds in _looked_up(dossier, cache, listing, ids, day):
            if holds:
                entries[cid] = _compact(cid, entry, shared)
                seen.note(dossier.case_relpath(cid), entry)
            else:
                entries[cid] = None  # judged below, in this order
                misses.append((cid, blob))
                if entry is not None and clock != today and _fresh(entry, dossier, listing, clock.toordinal()):
                    keep.add(cid)
        travel = _travel(dossier) if misses else None
        if travel is not None:
            misses = _taken(dossier, travel, misses, day, cache, entries, shared, seen)
        done = len(ids) - len(misses)
        known = cache.file_hashes() if misses else {}
        for n, (cid, blob, entry) in enumerate(_judged_kept(dossier, reg, today, misses, listing, known, cache, keep),
                                               done + 1):
            seen.note(dossier.case_relpath(cid), entry)
            entries[cid] = entry if isinstance(entry, AnttError) else _compact(cid, entry, shared)
            if progress:
                progress(n, len(ids))
        complete = True
    finally:
        cache.save(prune=complete, named=lambda: set(listing.values()))
    seen.whole = seen.whole and complete
    if complete and getattr(dossier.source, "blobs", None) is None:
        seen.share = lambda record: _share(travel or _travel(dossier), cache, len(ids), record)
    return entries


def _looked_up(dossier: Any, cache: Any, listing: dict[str, str], ids: Iterable[str],
               day: int) -> Iterator[tuple[str, str | None, Any, bool]]:
    """(case ID, its case file's blob id, the check cache's entry for them or None, whether
    that entry holds on `day`) of each case of `ids`, in their order: what a whole run
    (`_entries`) and an update of the record (`_rejudged`) take from the cache before
    judging the others."""
    for cid in ids:
        blob = _case_blob(dossier, listing, dossier.case_relpath(cid))
        entry = cache.get(f"{cid}:{blob}") if blob is not None else None
        yield cid, blob, entry, entry is not None and _fresh(entry, dossier, listing, day)


def _judged_kept(dossier: Any, reg: Any, today: dt.date, misses: list[tuple[str, str | None]],
                 listing: dict[str, str], known: dict[str, str], cache: Any,
                 keep: Iterable[str] = ()) -> Iterator[tuple[str, str | None, Any]]:
    """`_judged`'s answers, each entry kept in the check cache as it comes — unless it is
    the AnttError of a broken file, its case file has no blob id, or its case is of `keep`
    (judged for a `--date` while the cached entry holds on the clock's day)."""
    for cid, blob, entry in _judged(dossier, reg, today, misses, listing, known):
        if not isinstance(entry, AnttError) and blob is not None and cid not in keep:
            cache.put(f"{cid}:{blob}", entry)
        yield cid, blob, entry


# The buckets of the branch `antt-digests` that carry check's entries (store/shared.py).
SHARED_PREFIX = "check-"


def _travel(dossier: Any) -> Any:
    """The entries of `antt check` that travel on the branch `antt-digests`
    (docs/reliability.md, "The check cache"): made in the same context — this antt's code
    and kind specs, this `antt.yaml` — and checked as input (store/checkcache.py
    `entry_ok`). None under `ANTT_DIGESTS=off`, or when the dossier is read from HEAD."""
    if dossier.shared is None or getattr(dossier.source, "blobs", None) is not None:
        return None
    from antt_cli.services.common import shared_digests

    def context() -> str:
        from antt_cli.store.cache import VERSION
        from antt_cli.store.checkcache import code_fingerprint, stamp_of
        from antt_cli.store.kinds import fingerprint
        from antt_cli.store.shared import context_of

        return context_of(VERSION, stamp_of(SHARED_PREFIX, code_fingerprint(), dossier.profile), fingerprint())

    def accept(raw: bytes, case_id: str, kind: str) -> dict | None:
        import json

        from antt_cli.store.checkcache import entry_ok

        value = json.loads(raw)
        return value if entry_ok(value, kind, dossier.case_dir_rel(case_id)) else None

    return shared_digests(dossier.root, prefix=SHARED_PREFIX, context=context, accept=accept)


def _taken(dossier: Any, travel: Any, misses: list[tuple[str, str | None]], day: int, cache: Any,
           entries: dict[str, Any], shared: dict, seen: _Seen) -> list[tuple[str, str | None]]:
    """The cases of `misses` left to judge once each entry made elsewhere that holds — for
    this case file's blob id, today, and the blob ids of its documents now — is taken (and
    kept in the cache, its documents' SHA-256s with it)."""
    wanted = {blob: (cid, dossier.case_kind_of(cid)) for cid, blob in misses if blob is not None}
    listing, taken = seen.listing, set()
    for blob, entry in travel.stream(wanted):
        cid = wanted[blob][0]
        if _fresh({**entry, "files": [f[:2] for f in entry["files"]]}, dossier, listing, day):
            cache.put(f"{cid}:{blob}", entry, shared=True)
            entries[cid] = _compact(cid, entry, shared)
            seen.note(dossier.case_relpath(cid), entry)
            taken.add(cid)
    return [(cid, blob) for cid, blob in misses if cid not in taken]


def _share(travel: Any, cache: Any, total: int, record: Callable[[str], bytes | None]) -> bool:
    """Write the travelling entries again (every case's, from the cache) when enough were
    judged here since they were last written (store/shared.py `due`), or when the local set
    has none yet, with the `record` of the whole run made in the set's context when there is
    one another clone can use (store/checkrun.py `shareable`). A failure, or another antt
    writing first, changes nothing check says. Whether nothing is left to write (no record
    of the run is kept otherwise: the next check tries again)."""
    if travel is None:
        return True
    from antt_cli.store.shared import due

    try:
        from antt_cli.store.checkrun import SHARED

        counted = cache.unshared()
        if not due(counted, total, travel.mode) and not (counted and (travel.first_due(counted)
                                                                      or not travel.holds_own())):
            made = record(travel.context())   # the entries can wait; the record goes alone
            if made is not None:
                travel.put_named(SHARED, made, t("services.check.shared_record_commit"))
            return True

        if travel.export(cache.travelling(), lambda count: t("services.check.shared_commit", count=count),
                         {SHARED: record(travel.context())}):
            cache.shared_now(counted)
            return True
        return False
    except Exception:  # noqa: BLE001 - rebuildable data: the next check tries again
        return False
    finally:
        cache.close()


def _judged(dossier: Any, reg: Any, today: dt.date, misses: list[tuple[str, str | None]],
            listing: dict[str, str], known: dict[str, str]) -> Iterator[tuple[str, str | None, Any]]:
    """(case ID, blob id, its entry or the AnttError of its file) of each case to judge: in
    worker processes when there are many (a first check after a clone; store/parallel.py),
    a case a worker could not judge judged here so that its error is worded."""
    from antt_cli.store.parallel import CHUNK, PARALLEL_FROM, workers

    parallel = len(misses) >= PARALLEL_FROM and workers() > 1 and getattr(dossier.source, "blobs", None) is None
    if not parallel:
        for cid, blob in misses:
            yield cid, blob, _judge_or_error(dossier, reg, today, cid, listing, known)
        return
    import json
    from concurrent.futures import ProcessPoolExecutor

    folders: dict[str, dict[str, str]] = {}
    for rel, blob in listing.items():
        folders.setdefault("/".join(rel.split("/", 2)[:2]), {})[rel] = blob
    chunks = [misses[i:i + CHUNK] for i in range(0, len(misses), CHUNK)]
    work = [[_work(cid, folders.get(dossier.case_dir_rel(cid), {}), known) for cid, _blob in chunk]
            for chunk in chunks]
    with ProcessPoolExecutor(max_workers=workers()) as pool:
        for chunk, answers in zip(chunks, pool.map(_judge_chunk, [str(dossier.root)] * len(work),
                                                   [today.isoformat()] * len(work), work)):
            for (cid, blob), text in zip(chunk, answers):
                entry = json.loads(text) if text is not None else None
                yield cid, blob, (entry if entry is not None
                                  else _judge_or_error(dossier, reg, today, cid, listing, known))


def _work(case_id: str, folder: dict[str, str], known: dict[str, str]) -> tuple:
    """What a worker needs to judge one case: its folder's blob ids, and the SHA-256s known
    of those blobs."""
    return case_id, folder, {blob: known[blob] for blob in folder.values() if blob in known}


def _judge_or_error(dossier: Any, reg: Any, today: dt.date, case_id: str, listing: dict[str, str],
                    known: dict[str, str]) -> Any:
    try:
        return _judge(dossier, reg, today, case_id, listing, known)
    except AnttError as exc:
        return exc


def _judge_chunk(root: str, day: str, items: list[tuple[str, dict[str, str], dict[str, str]]]) -> list[str | None]:
    """In a worker process: each case's entry as JSON text (data only), None for a case that
    failed (the caller judges it again and words the error)."""
    import json
    from pathlib import Path

    from antt_cli.services.common import working_tree
    from antt_cli.store.dossier import Dossier
    from antt_cli.store.kinds import load_registry

    dossier = Dossier.open(Path(root), working_tree(Path(root)))
    reg, today = load_registry(), dt.date.fromisoformat(day)
    answers: list[str | None] = []
    for case_id, listing, known in items:
        try:
            answers.append(json.dumps(_judge(dossier, reg, today, case_id, listing, known), ensure_ascii=False))
        except Exception:  # noqa: BLE001 - judged again by the caller, which words it
            answers.append(None)
    return answers


def _compact(case_id: str, entry: dict[str, Any], shared: dict) -> tuple:
    """What the result needs of an entry, held for every case until the end: (kind, its
    items — one object per distinct item across the dossier —, its findings, its numbers)."""
    from antt_cli.store.cache import decode_tags

    kind = entry["kind"]
    items = []
    for no, title, state, missing, warning in entry["items"]:
        key = (kind, no, title, state, tuple(missing), warning)
        item = shared.get(key)
        if item is None:
            item = shared[key] = Item(no, title or shared["titles"].get((kind, no), ""), state, key[4], warning)
        items.append(item)
    findings = [Finding(level, case_id, item, key, params)
                for level, item, key, params in decode_tags(entry["findings"])]
    day = dt.date.fromordinal
    uses = [NumberUse(case_id, k, body, year, number, value, day(ordinal))
            for k, body, year, number, value, ordinal in entry["uses"]]
    return kind, tuple(items), findings, uses


def _case_check(reg: Any, case_id: str, entry: Any, twice: list[Finding], worded: dict[int, Problem]) -> CaseCheck:
    """One case's line of the result."""
    if isinstance(entry, AnttError):
        return CaseCheck(case_id, (), (Problem(ERROR, CASE_FILE_ITEM, entry.message()),))
    kind, items, findings, _uses = entry
    problems = _item_problems(reg, case_id, kind, items, worded) + [_problem(reg, kind, f) for f in [*findings, *twice]]
    return CaseCheck(case_id, items, tuple(problems))


def check_dossier(ctx: Context, case_id: str | None = None, day: dt.date | None = None,
                  progress: Progress | None = None) -> CheckResult:
    """Every case (or the one `case_id`) as of `day` (default today). The register of numbers
    is dossier-wide, so every case is read even for one; a number used twice is reported on
    its later use. Each case is judged once per content of its files (store/checkcache.py),
    and a whole run where nothing changed is recalled (store/checkrun.py)."""
    from antt_cli.store.cache import VERSION
    from antt_cli.store.checkcache import code_mark, stamp_of
    from antt_cli.store.kinds import load_registry

    say_if_sparse(ctx)  # even for one case: its numbers are compared with every case's
    dossier, reg, today = ctx.dossier(), load_registry(), day or ctx.today
    if case_id is not None:
        try:
            dossier.case(case_id)
        except AnttError as exc:  # an unknown ID is refused; a broken case is a finding below
            if exc.key in ("store.unknown_case", "store.bad_id"):
                raise
    stamp = stamp_of(VERSION, code_mark(), dossier.profile)
    seen = _Seen()
    cases = _recall(dossier, reg, today, stamp, seen)
    if cases is None and seen.last is not None and today == ctx.today:
        cases = _update(dossier, reg, today, stamp, seen)
    if cases is None:
        entries = _entries(dossier, reg, today, progress, {"titles": _titles()}, ctx.today, seen, stamp)
        seen.let_go()
        twice: dict[str, list[Finding]] = {}
        for f in duplicate_numbers(u for e in entries.values() if not isinstance(e, AnttError) for u in e[3]):
            twice.setdefault(f.case_id, []).append(f)
        record = _record(stamp, seen, entries, twice) if seen.whole and seen.view is not None else None
        if record is not None and today == ctx.today:
            record["tree"] = _tree(dossier, seen.mark)
        _keep(dossier, seen, record if today == ctx.today else None,
              lambda: _uses_of(entries) if record is not None and record["tree"] is not None else None)
        worded: dict[int, Problem] = {}   # the items' objects are held by `entries` meanwhile
        cases = [_case_check(reg, cid, entry, twice.get(cid, []), worded) for cid, entry in entries.items()]
    return CheckResult(tuple(c for c in cases if case_id is None or c.id == case_id))


# -- the record of a whole run (store/checkrun.py) ------------------------------------------

def _record(stamp: str, seen: _Seen, entries: dict[str, Any], twice: dict[str, list]) -> dict[str, Any]:
    """What this run found, before it is put in words, with what it was found from
    (store/checkrun.py). The items are one object per distinct item (`_compact`), held by
    `entries` meanwhile: counted by identity."""
    from antt_cli.store.cache import encode

    items: dict[int, int] = {}            # id(item) → its row
    item_rows: list[list] = []
    lists: dict[tuple[int, ...], int] = {}    # the items' ids → the list's row
    list_rows: list[list[int]] = []
    findings: dict[tuple, int] = {}
    rows: list[list] = []
    for cid, (kind, case_items, own, _uses) in entries.items():
        ids = tuple(map(id, case_items))
        listed = lists.get(ids)
        if listed is None:
            for i in case_items:
                if id(i) not in items:
                    items[id(i)] = len(item_rows)
                    item_rows.append([i.no, i.title, i.state, list(i.missing), i.warning])
            listed = lists[ids] = len(list_rows)
            list_rows.append([items[n] for n in ids])
        found = []
        for f in [*own, *twice.get(cid, ())]:
            row = (f.level, f.item, f.key, json.dumps(encode(dict(f.params)), ensure_ascii=False))
            found.append(findings.setdefault(row, len(findings)))
        rows.append([cid, kind, listed, found])
    return {"stamp": stamp, "index": seen.mark, "listed": seen.view.listed, "changed": sorted(seen.view.changed),
            "day": seen.day, "until": seen.until, "items": item_rows, "lists": list_rows,
            "findings": [[level, item, key, json.loads(params)] for level, item, key, params in findings],
            "cases": rows, "tree": None, "uses": None}


def _tree(dossier: Any, mark: str | None) -> str | None:
    """The tree id git's index holds under the case folders, when it is HEAD's (after a
    commit, antt's or the officer's), for the record's next update (`_update`); None
    otherwise, or when the index has no checksum to tell it was not rewritten meanwhile."""
    from antt_cli.audit.git import index_tree
    from antt_cli.store.dossier import CASE_DIRS

    return index_tree(dossier.root, list(CASE_DIRS.values())) if mark is not None else None


def _head_tree(dossier: Any, tree: str, since: Any, mark: str | None) -> str | None:
    """`_tree`, told from what git's index changed since the record's `tree` (`since`)."""
    from antt_cli.audit.git import head_tree_as
    from antt_cli.store.dossier import CASE_DIRS

    return head_tree_as(dossier.root, tree, since, list(CASE_DIRS.values())) if mark is not None else None


def _uses_of(entries: dict[str, Any]) -> bytes | None:
    """The numbers of every case (store/checkrun.py `USES`), from the run's entries."""
    from antt_cli.store.checkrun import uses_bytes

    return uses_bytes([[[u.kind, u.body, u.year, u.number, u.value, u.date.toordinal()] for u in entry[3]]
                       for entry in entries.values()])


def _keep(dossier: Any, seen: _Seen, record: dict[str, Any] | None, uses: Callable[[], bytes | None]) -> None:
    """The record of the run (None: none to keep), onto the branch `antt-digests` with the
    travelling entries when they are due (or alone, `_share`), then here, with the numbers
    of every case (`uses`), unless the entries could not be written (the next check tries
    again)."""
    if seen.share is not None:
        from antt_cli.store.checkrun import shareable

        settled = seen.share(lambda context: shareable(dossier.root, record, sorted(seen.loose), context)
                             if record is not None else None)
        record = record if settled else None
    if record is not None:
        from antt_cli.store.checkrun import save

        save(dossier.root, record, sorted(seen.loose), uses())


def _recall(dossier: Any, reg: Any, today: dt.date, stamp: str, seen: _Seen) -> list[CaseCheck] | None:
    """The last run's cases, worded now, when its record holds: same stamp, a day within its
    days, and git's index, the working tree and the folders as they were (store/checkrun.py);
    else None. With no record here, the one the branch `antt-digests` carries (a fresh
    clone's first check), kept here once it holds. Not while a writer is at work (HEAD is
    read then). What git said of the working tree is left in `seen` for the run that follows
    when the record does not hold."""
    if getattr(dossier.source, "blobs", None) is not None:
        return None
    from antt_cli.store import checkrun
    from antt_cli.store.dossier import CASE_DIRS, CASE_FILE

    from antt_cli.audit.git import index_listing, worktree_changes

    folders = list(CASE_DIRS.values())
    entries = _Once(lambda: index_listing(dossier.root, folders))

    def listed() -> str | None:
        return entries().listed if entries() is not None else None

    record = checkrun.load(dossier.root, stamp, today.toordinal())
    fetched = record is None and _fetched_record(dossier, today, listed)
    record = record or fetched
    if not record:
        return None
    mark = checkrun.index_mark(dossier.root)

    def ask() -> frozenset[str] | None:
        seen.asked = (mark, worktree_changes(dossier.root, folders))
        return seen.asked[1]

    changed = _Once(ask)
    if not checkrun.holds(dossier.root, record, mark, listed, changed,
                          {folder: CASE_FILE for folder in folders}) or checkrun.index_mark(dossier.root) != mark:
        seen.last = None if fetched else _Last(record, mark, entries, changed)
        return None
    if fetched:
        checkrun.save(dossier.root, {**record, "stamp": stamp, "index": mark, "tree": None, "uses": None},
                      [rel for rel, _ in record["loose"]])
    elif mark is not None and mark != record["index"]:
        checkrun.save_mark(dossier.root, record, mark)  # the same entries in a rewritten index
    return _cases_of(reg, record)


class _Last(NamedTuple):
    """A record of this dossier that did not hold, with what was asked of git to find it
    out (each asked once): the index's checksum then, `git ls-files` (the SHA-1 of its
    entries, the paths it does not vouch for) and `git diff-files`."""

    record: dict[str, Any]
    mark: str | None
    entries: Callable[[], Any]   # audit/git.py `IndexListing`, or None
    changed: Callable[[], frozenset[str] | None]


# More cases than this touched since the record, and the whole run is judged again (the
# cases to judge are listed with a pathspec each).
FEW_TOUCHED = 256


def _update(dossier: Any, reg: Any, today: dt.date, stamp: str, seen: _Seen) -> list[CaseCheck] | None:
    """The record that did not hold, updated (docs/reliability.md, "The record of a whole
    run"): the cases whose folders hold a file that may have changed since it was made are
    judged (from their entries, as a whole run would), every other case is the record's,
    the numbers used twice are found again from every case's numbers (`checkrun.Uses`),
    and the new record is kept. A case's findings and items follow from its own folder's
    files, the day and the stamp alone (store/checkcache.py), so this is what a run that
    judges every case says. What changed is git's answer: the index against the tree the
    record was made from (it held HEAD's entries then, `_tree`), the working tree against
    the index, the entries git does not vouch for, the files kept with their stats, the
    case folders there. None — the whole run — when any of it cannot be told, a case
    file cannot be read, or more than `FEW_TOUCHED` cases changed."""
    from antt_cli.audit.git import index_tree_changes
    from antt_cli.store import checkrun
    from antt_cli.store.dossier import CASE_DIRS, CASE_FILE

    record, mark, listing, changed = seen.last
    folders = list(CASE_DIRS.values())
    uses = checkrun.load_uses(dossier.root, record) if record["tree"] is not None else None
    now, listed = (changed(), listing()) if uses is not None else (None, None)
    since = index_tree_changes(dossier.root, record["tree"], folders) if now is not None and listed else None
    if since is None:
        return None
    touched = checkrun.touched(dossier.root, record, now | listed.odd | since.paths.keys(), folders)
    ids = checkrun.case_ids_now(dossier.root, record, touched, {folder: CASE_FILE for folder in folders})
    rows = {case[0]: n for n, case in enumerate(record["cases"])}
    names = {folder.rpartition("/")[2] for folder in touched}   # a case's folder is named by its ID
    judge = [cid for cid in ids or () if cid not in rows or cid in names]
    if ids is None or len(judge) > FEW_TOUCHED:
        return None
    run = _Seen(mark=mark)
    entries = _rejudged(dossier, reg, today, stamp, judge, run, len(ids), seen.last)
    if entries is None:
        return None
    new, numbers = _updated(record, uses, ids, rows, entries, {"titles": _titles()})
    if new is None:
        return None
    loose = sorted({rel for rel, _key in record["loose"] if "/".join(rel.split("/", 2)[:2]) not in touched}
                   | run.loose)
    new.update(stamp=stamp, index=mark, listed=listed.listed, changed=sorted(now), day=max(record["day"], run.day),
               until=min(record["until"], run.until), tree=_head_tree(dossier, record["tree"], since, mark))
    run.loose = set(loose)
    _keep(dossier, run, new, lambda: numbers.to_bytes() if new["tree"] is not None else None)
    return _cases_of(reg, new)


def _rejudged(dossier: Any, reg: Any, today: dt.date, stamp: str, judge: list[str], run: _Seen, total: int,
              last: _Last) -> dict[str, dict[str, Any]] | None:
    """The entry of each case of `judge` (the check cache's where it holds, else judged and
    kept), its files noted in `run` (what git vouches for: its index, in those folders),
    and how the record goes onto the branch `antt-digests` (`run.share`, as a whole run of
    `total` cases shares it); None when a case's file cannot be read (the whole run words
    it) or git cannot say. The index's entries there are read from the listing `last` asked
    for (asked again of git only when a path there has a tab in it), less the files git
    found changed."""
    from antt_cli.audit.git import index_view, view_of
    from antt_cli.store.checkcache import CheckCache

    folders = sorted({dossier.case_dir_rel(cid) for cid in judge})
    changed = last.changed()
    view = (view_of(last.entries(), folders, changed) or index_view(dossier.root, folders, changed)) if judge else None
    if judge and view is None:
        return None
    run.listing = listing = view.blobs if view is not None else {}
    cache = CheckCache(dossier.root, stamp)
    entries: dict[str, Any] = {}
    misses: list[tuple[str, str | None]] = []
    day = today.toordinal()
    try:
        for cid, blob, entry, holds in _looked_up(dossier, cache, listing, judge, day):
            if holds:
                entries[cid] = entry
            else:
                misses.append((cid, blob))
        known = cache.file_hashes(listing.values()) if misses else {}
        for cid, blob, entry in _judged_kept(dossier, reg, today, misses, listing, known, cache):
            if isinstance(entry, AnttError):
                return None
            entries[cid] = entry
    finally:
        cache.save()
    for cid in judge:
        run.note(dossier.case_relpath(cid), entries[cid])
    run.share = lambda record: _share(_travel(dossier), cache, total, record)
    return entries


def _updated(record: dict[str, Any], old: Any, ids: list[str], rows: dict[str, int],
             entries: dict[str, dict[str, Any]], shared: dict) -> tuple[dict[str, Any] | None, Any]:
    """The record's items, lists, findings and cases for the cases `ids` now — those of
    `entries` from them, the others as `record` has them (`rows`: ID → its row there) — with
    the numbers used twice found again from every case's numbers (`old`, the record's, and
    the entries'), and those numbers (`checkrun.Uses`); (None, None) when a number cannot
    be kept with the others (a value too large, a text too long)."""
    from antt_cli.store.cache import encode
    from antt_cli.store.checkrun import TWICE

    compact = {cid: _compact(cid, entry, shared) for cid, entry in entries.items()}
    uses = _numbers(old, ids, rows, entries)
    if not uses.whole:
        return None, None
    twice: dict[str, list[Finding]] = {}
    found = uses.twice(ids)
    if found is None:
        return None, None
    for f in found:
        twice.setdefault(f.case_id, []).append(f)
    tables = _Tables(record)
    cases, old, findings = [], record["cases"], record["findings"]
    for cid in ids:
        if cid in compact:
            kind, items, own, _uses = compact[cid]
            listed = tables.list_of([[i.no, i.title, i.state, list(i.missing), i.warning] for i in items])
            found = [tables.finding([f.level, f.item, f.key, encode(dict(f.params))]) for f in own]
        else:
            row = old[rows[cid]]
            if not row[3] and cid not in twice:   # the record's row as it is (its tables are kept)
                cases.append(row)
                continue
            _cid, kind, listed, found = row
            found = [n for n in found if findings[n][2] != TWICE]
        found += [tables.finding([f.level, f.item, f.key, encode(dict(f.params))]) for f in twice.get(cid, ())]
        cases.append([cid, kind, listed, found])
    return tables.kept(cases), uses


def _numbers(old: Any, ids: list[str], rows: dict[str, int], entries: dict[str, dict[str, Any]]) -> Any:
    """The numbers of the cases `ids`: an entry's for the cases of `entries`, else those the
    record kept (`old`, its cases' rows `rows`), taken a run of consecutive rows at a time."""
    from antt_cli.store.checkrun import Uses

    uses = Uses(list(old.kinds), list(old.bodies))
    first = last = None          # the run of the record's rows not yet taken
    for cid in ids:
        n = rows.get(cid) if cid not in entries else None
        if n is not None and n == last:
            last += 1
            continue
        if first is not None:
            uses.take(old, first, last)
        first, last = (n, n + 1) if n is not None else (None, None)
        if n is None:
            uses.add(entries[cid]["uses"])
    if first is not None:
        uses.take(old, first, last)
    return uses


class _Tables:
    """The distinct items, item lists and findings of a record being updated: the older
    `record`'s rows, at the same places (its cases' rows stand as they are), and new ones
    after them, one row per distinct one; rows no case names any more are let go once
    there are more than `UNUSED` (`kept`)."""

    UNUSED = 64

    def __init__(self, record: dict[str, Any]) -> None:
        self.items: list[list] = list(record["items"])
        self.lists: list[list[int]] = list(record["lists"])
        self.findings: list[list] = list(record["findings"])
        self._rows: dict[tuple, int] = {}
        for n, (no, title, state, missing, warning) in enumerate(self.items):
            self._rows.setdefault(("item", no, title, state, tuple(missing), warning), n)
        for n, ids in enumerate(self.lists):
            self._rows.setdefault(("list", *ids), n)
        for n, (level, item, key, params) in enumerate(self.findings):
            self._rows.setdefault(("finding", level, item, key, json.dumps(params, ensure_ascii=False)), n)

    def _row(self, table: list, key: tuple, row: list) -> int:
        n = self._rows.get(key)
        if n is None:
            n = self._rows[key] = len(table)
            table.append(row)
        return n

    def list_of(self, items: list[list]) -> int:
        ids = [self._row(self.items, ("item", no, title, state, tuple(missing), warning),
                         [no, title, state, missing, warning]) for no, title, state, missing, warning in items]
        return self._row(self.lists, ("list", *ids), ids)

    def finding(self, row: list) -> int:
        level, item, key, params = row
        return self._row(self.findings, ("finding", level, item, key, json.dumps(params, ensure_ascii=False)), row)

    def kept(self, cases: list[list]) -> dict[str, Any]:
        """The record's tables and `cases`, the rows no case names left out (renumbered)
        when they are more than `UNUSED`."""
        lists = sorted({case[2] for case in cases})
        findings = sorted({n for case in cases for n in case[3]})
        items = sorted({n for one in lists for n in self.lists[one]})
        if len(self.items) + len(self.lists) + len(self.findings) - len(items) - len(lists) - len(findings) \
                <= self.UNUSED:
            return {"items": self.items, "lists": self.lists, "findings": self.findings, "cases": cases}
        item_at, list_at = {n: at for at, n in enumerate(items)}, {n: at for at, n in enumerate(lists)}
        finding_at = {n: at for at, n in enumerate(findings)}
        return {"items": [self.items[n] for n in items],
                "lists": [[item_at[i] for i in self.lists[n]] for n in lists],
                "findings": [self.findings[n] for n in findings],
                "cases": [[cid, kind, list_at[listed], [finding_at[n] for n in found]]
                          for cid, kind, listed, found in cases]}


class _Once:
    """A git question asked at most once (git's index listed, `index_listing`)."""

    def __init__(self, ask: Callable[[], Any]) -> None:
        self.ask, self.answer, self.asked = ask, None, False

    def __call__(self) -> Any:
        if not self.asked:
            self.answer, self.asked = self.ask(), True
        return self.answer


def _fetched_record(dossier: Any, today: dt.date, listed: Callable[[], str | None]) -> dict[str, Any] | None:
    """The record of a whole run that a set of the branch `antt-digests` carries (the local
    one first, then each fetched one: a clone's own set may be older than the one it just
    fetched), made in this context (the travelling entries', `_travel`), of its shape, and
    found from the very entries git's index holds now (`listed`); None without one, or
    under `ANTT_DIGESTS=off`."""
    from antt_cli.store import checkrun

    travel = _travel(dossier)
    for data in travel.named(checkrun.SHARED, checkrun.MAX_BYTES) if travel is not None else ():
        record = checkrun.parse(data, travel.context(), today.toordinal())
        if record is not None and record["listed"] == listed():
            return record
    return None


def _cases_of(reg: Any, record: dict[str, Any]) -> list[CaseCheck]:
    """The record's cases as the run that made it found them, worded now: one object per
    distinct item, item list and finding (as `_compact` and `_item_problems` share them)."""
    from antt_cli.store.cache import decode_tags

    items = [Item(no, title, state, tuple(missing), warning) for no, title, state, missing, warning in record["items"]]
    lists = [tuple(items[n] for n in one) for one in record["lists"]]
    plain = [not any(i.state == MISSING or i.warning for i in one) for one in lists]
    findings = decode_tags(record["findings"])
    worded: dict[int, Problem] = {}
    said: dict[tuple[str, int], Problem] = {}
    cases = []
    for cid, kind, listed, found in record["cases"]:
        problems = [] if plain[listed] else _item_problems(reg, cid, kind, lists[listed], worded)
        for n in found:
            problem = said.get((kind, n))
            if problem is None:
                level, item, key, params = findings[n]
                problem = said[(kind, n)] = _problem(reg, kind, Finding(level, cid, item, key, params))
            problems.append(problem)
        cases.append(CaseCheck(cid, lists[listed], tuple(problems)))
    return cases
