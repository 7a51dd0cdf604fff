"""The dossier on disk (docs/case-schema.md): find it, read `antt.yaml` and the case files, name paths.

A dossier is a git work tree with `antt.yaml` at its root; cases live in
`models/<ID>/case.yaml` and `exemplars/<ID>/case.yaml`."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from antt_cli.domain.ids import KIND_CODES, id_code, ids_among, in_series, is_id, parse_id, series_head
from antt_cli.domain.interpretations import Rules, rules_from_profile
from antt_cli.errors import AnttError
from antt_cli.store.yamlio import dump_yaml, line_of, parse_yaml

PROFILE = "antt.yaml"
CASE_FILE = "case.yaml"
CASE_DIRS = {"model": "models", "exemplar": "exemplars"}
# More case files than this missing from the read cache, and a write's number register is
# filled the way a whole-dossier read fills it (shared digests, parallel parsing).
_FEW_MISSES = 32
from antt_cli.domain.vocab import UNIT_KINDS  # noqa: E402,F401 - one definition (domain/vocab.py)


class WorkTree:
    """Where the files are read: as they are on disk (the other source, HEAD's committed
    state while a writer is at work, is store/source.py `HeadSnapshot`)."""

    def __init__(self, root: Path, listing: Callable[[list[str]], "dict[str, str] | None"] | None = None) -> None:
        self.root = Path(root)
        self.listing = listing
        self._listed: tuple[frozenset[str], dict[str, str]] | None = None  # the last listing asked for

    def exists(self, rel: str) -> bool:
        return (self.root / rel).is_file()

    def read(self, rel: str) -> bytes:
        try:
            return (self.root / rel).read_bytes()
        except FileNotFoundError:
            raise AnttError("store.missing_file", file=rel) from None
        except OSError as exc:
            raise AnttError("store.unreadable", file=rel, detail=str(exc)) from None

    def id_folders(self, folders: Iterable[str], case_file: str, starting: str = "") -> list[str]:
        """The names of the ID-shaped folders (beginning with `starting`), from the folder
        listings alone (no file is looked at: a writer confirms only the few it needs,
        `Dossier.last_case_id`)."""
        names: list[str] = []
        for folder in folders:
            try:
                with os.scandir(self.root / folder) as entries:
                    names.extend(e.name for e in entries
                                 if e.name.startswith(starting) and is_id(e.name) and e.is_dir())
            except (FileNotFoundError, NotADirectoryError):
                continue
        return names

    def case_ids(self, folders: Iterable[str], case_file: str) -> list[str]:
        """The IDs of the case folders holding a case file."""
        return sorted(self.case_files(folders, case_file).values())

    def case_files(self, folders: Iterable[str], case_file: str) -> dict[str, str]:
        """{case file's path: case ID} of the case folders holding a case file. A file git's
        index holds and finds unchanged on disk is there without asking the disk (one
        listing for the whole dossier, which `keyed` then reuses); any other is looked for."""
        found: dict[str, str] = {}
        for folder in folders:
            try:
                names = os.listdir(self.root / folder)
            except (FileNotFoundError, NotADirectoryError):
                continue
            found.update({f"{folder}/{name}/{case_file}": name for name in ids_among(names)})
        listed = self._listing(list(found))
        return {rel: case_id for rel, case_id in found.items() if rel in listed or os.path.isfile(self.root / rel)}

    def _listing(self, rels: list[str]) -> dict[str, str]:
        """{path: blob id} of `rels` from git's index (WorkTree's `listing`), asked once for
        the same paths."""
        if self.listing is None or not rels:
            return {}
        wanted = frozenset(rels)
        if self._listed is None or self._listed[0] != wanted:
            self._listed = (wanted, self.listing(rels) or {})
        return self._listed[1]

    def keyed(self, rels: list[str], known: Callable[[str], bool]) -> Iterator[tuple[str, str, bytes | None]]:
        """(rel, blob id, bytes or None) of each file, read one by one as they are asked for.
        The blob id of a file git's index holds and git finds unchanged on disk comes from
        the index (`listing`, one `git ls-files` and one `git diff-files`), and a blob
        `known` (in the read cache) is then not read at all; any other file is read and its
        blob id computed from the bytes read (store/cache.py)."""
        from antt_cli.store.cache import blob_id

        listed = self._listing(rels)
        for rel in rels:
            blob = listed.get(rel)
            if blob is not None and known(blob):
                yield rel, blob, None
                continue
            try:
                data = (self.root / rel).read_bytes()
            except OSError as exc:
                raise AnttError("store.unreadable", file=rel, detail=str(exc)) from None
            yield rel, blob or blob_id(data), data


def find_root(explicit: str | os.PathLike | None, env: dict[str, str] | None = None,
              cwd: Path | None = None) -> Path:
    """`--dossier`, else `$ANTT_DOSSIER`, else the nearest folder at or above the current
    one holding `antt.yaml` (docs/commands.md, Global)."""
    env = os.environ if env is None else env
    chosen = explicit or env.get("ANTT_DOSSIER")
    if chosen:
        root = Path(chosen).expanduser().resolve()
        if root.is_file():  # `--dossier antt.yaml` (or any file): the folder is what is meant
            raise AnttError("store.dossier_is_a_file", path=str(root), folder=str(root.parent))
        if not (root / PROFILE).is_file():
            raise AnttError("store.not_a_dossier", path=str(root))
        return root
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PROFILE).is_file():
            return folder
    raise AnttError("store.no_dossier_found", path=str(here))


def parse_chunk(root: str, items: list[tuple[str, str, str, bytes]]) -> list[tuple[str, str | None]]:
    """In a worker process (store/parallel.py): [(blob id, digest as the read cache's JSON, or
    None for a file that failed: the caller reads it again and words the error)]."""
    import json

    from antt_cli.store.cache import encode

    dossier = Dossier.open(Path(root))
    answers: list[tuple[str, str | None]] = []
    for rel, case_id, key, data in items:
        try:
            answers.append((key, json.dumps(encode(dossier._parsed(data, case_id, rel)), ensure_ascii=False)))
        except Exception:  # noqa: BLE001
            answers.append((key, None))
    return answers


@dataclass
class Dossier:
    """`source`: where `antt.yaml` and the case files are read — the working tree (default)
    or HEAD's committed state while a writer is at work (store/source.py)."""

    root: Path
    profile: Any
    rules: Rules = field(default_factory=Rules)
    source: Any = None
    progress: Callable[[int, int], None] | None = None  # (cases read, cases) while a whole read parses files
    shared: Callable[[], Any] | None = None  # gives the digests of the branch antt-digests (store/shared.py), or None

    def __post_init__(self) -> None:
        if self.source is None:
            self.source = WorkTree(self.root)

    @classmethod
    def open(cls, root: Path, source: Any = None, *, editable: bool = False) -> "Dossier":
        """The dossier at `root`, read from `source` (the working tree by default). Its
        profile is read with the fast loader (plain data) unless `editable` (a command that
        writes antt.yaml gets the round-trip tree, comments kept), or taken as the last
        command read the same bytes (store/profile_memo.py); a profile that fails a check is
        read again round-trip, so the message has its line."""
        if source is None:
            source = WorkTree(root)
        raw = source.read(PROFILE)
        if editable:
            return cls._open(root, parse_yaml(raw, PROFILE, fast=False), source)
        from antt_cli.store import profile_memo

        kept = profile_memo.recall(root, raw)  # as the last command read these bytes: no YAML read
        if kept is not None:
            try:
                return cls._open(root, kept, source)
            except AnttError:
                pass  # a record that fails a check: the file is read, and the error worded with its line
        try:
            profile = parse_yaml(raw, PROFILE, fast=True)
            dossier = cls._open(root, profile, source)
            profile_memo.keep(root, raw, profile)
            return dossier
        except AnttError as exc:
            if exc.key == "store.bad_yaml":
                raise
            return cls._open(root, parse_yaml(raw, PROFILE, fast=False), source)

    @classmethod
    def _open(cls, root: Path, profile: Any, source: Any) -> "Dossier":
        if not isinstance(profile, dict):
            raise AnttError("store.profile_not_mapping", file=PROFILE)
        for key in ("unit", "province"):
            if not profile.get(key):
                raise AnttError("store.profile_missing_key", file=PROFILE, key=key)
        try:
            rules = rules_from_profile(profile.get("rules"))
        except (ValueError, TypeError) as exc:
            line = line_of(profile, "rules") or "?"
            raise AnttError("store.bad_rule", file=PROFILE, line=line, key=str(exc)) from None
        for key in ("bodies", "successors"):
            if profile.get(key) is not None and not isinstance(profile.get(key), dict):
                raise AnttError("store.profile_bad_section", file=PROFILE, key=key,
                                line=line_of(profile, key) or "?")
        from antt_cli.store.schema import check_profile

        check_profile(profile, PROFILE)  # every value's type, with file:line
        return cls(root=root, profile=profile, rules=rules, source=source)

    # -- paths -------------------------------------------------------------------------
    @staticmethod
    def case_kind_of(case_id: str) -> str:
        parsed = parse_id(case_id)
        if parsed is None:
            raise AnttError("store.bad_id", id=case_id)
        return "model" if parsed[1] == "MH" else "exemplar"

    def case_relpath(self, case_id: str) -> str:
        return f"{CASE_DIRS[self.case_kind_of(case_id)]}/{case_id}/{CASE_FILE}"

    def case_dir_rel(self, case_id: str) -> str:
        return f"{CASE_DIRS[self.case_kind_of(case_id)]}/{case_id}"

    def case_ids(self) -> list[str]:
        return self.source.case_ids(CASE_DIRS.values(), CASE_FILE)

    def _case_files(self) -> dict[str, str]:
        """{case file's path: case ID} of every case (`case_ids` are well-formed: the folder
        is named from the ID's kind code, not by parsing each ID again)."""
        folder = {code: CASE_DIRS[kind] for kind, code in KIND_CODES.items()}
        return {f"{folder[id_code(case_id)]}/{case_id}/{CASE_FILE}": case_id for case_id in self.case_ids()}

    def last_case_id(self, prefix: str, case_kind: str, year: int) -> str | None:
        """The highest ID of a series whose folder holds a case file, looking at the
        folder listing and then only at the candidates from the top: a new case costs
        the same in a dossier of 100 cases or 10,000 (docs/case-schema.md)."""
        names = self.source.id_folders([CASE_DIRS[case_kind]], CASE_FILE, series_head(prefix, case_kind, year))
        for case_id in in_series(names, prefix, case_kind, year):
            if self.source.exists(self.case_relpath(case_id)):
                return case_id
        return None

    # -- cases -------------------------------------------------------------------------
    def load_case(self, case_id: str, *, fast: bool = False) -> Any:
        """A case file: round-trip (to be written back) or, with `fast`, plain data to read."""
        rel = self.case_relpath(case_id)
        if not self.source.exists(rel):
            raise AnttError("store.unknown_case", id=case_id)
        case = parse_yaml(self.source.read(rel), rel, fast=fast)
        self._check(case, case_id, rel)
        return case

    def load_case_file(self, case_id: str):
        """The case to be written back: typed, with the round-trip tree it came from."""
        from antt_cli.store.casefile import CaseFile, case_of

        tree = self.load_case(case_id)
        return CaseFile(rel=self.case_relpath(case_id), case=case_of(tree), tree=tree)

    def case(self, case_id: str):
        """The typed case, read only (the fast loader)."""
        from antt_cli.store.casefile import case_of

        return case_of(self.load_case(case_id, fast=True))

    def _check(self, case: Any, case_id: str, rel: str) -> None:
        from antt_cli.store.schema import check_case

        if not isinstance(case, dict) or case.get("id") != case_id:
            raise AnttError("store.case_id_mismatch", file=rel, id=case_id)
        try:
            check_case(case, rel)
        except AnttError:
            if hasattr(case, "lc"):
                raise
            check_case(parse_yaml(self.source.read(rel), rel, fast=False), rel)  # again, round-trip: with the line
            raise

    def iter_digests(self, brief: bool = False) -> Iterator[dict]:
        """Every case's digest (domain/digest.py), computed once per content of its file
        (store/cache.py); with `brief`, as `iter_digests_or_errors`. The objects are shared
        with the cache: do not change them. The first broken case file raises its AnttError."""
        for _case_id, found in self.iter_digests_or_errors(brief):
            if isinstance(found, AnttError):
                raise found
            yield found

    def iter_digests_or_errors(self, brief: bool = False,
                               errors_only: bool = False) -> Iterator[tuple[str, "dict | AnttError"]]:
        """(case ID, its digest — or the AnttError that says what is wrong with its file) for
        every case: a whole-dossier read reports a broken case as one finding and goes on
        with the others (docs/reliability.md, "One bad case is one finding"). A file the
        cache does not hold is taken from the shared digests when they hold a good entry for
        it (`shared`, store/shared.py), else parsed, in batches (store/parallel.py), so no
        more than one batch of file contents is held at a time; the cached digests are
        fetched a batch at a time as they are given (store/cache.py `stored`), so a warm
        read of any size holds one batch of them, and what is parsed or taken is written to
        the cache a batch at a time (`flush`), so a first read holds one batch of those too;
        with `brief` a case's digest may be its brief only (domain/digest.py `BRIEF_KEYS`:
        what `antt status` and `antt due` read); with `errors_only` only the broken cases are
        given, the cache filled for the others (`numbers_used`); `progress` hears (cases
        read, cases).
        Once every case is read, the shared digests are written again when they lag behind
        (`_share`)."""
        from antt_cli.store.cache import STREAM_BATCH
        from antt_cli.store.parallel import BATCH, Parser

        cache, shared = self._cache(), self.shared() if self.shared is not None else None
        parser = Parser(self.root, self._parsed, parse_chunk)
        complete = False
        try:
            ids = self._case_files()
            keyed: list[tuple[str, str]] = []
            misses: list[tuple[str, str, str, bytes]] = []
            known = cache.known if shared is None else (lambda key: cache.known(key) or shared.offers(key))
            for rel, key, data in self.source.keyed(list(ids), known):
                keyed.append((rel, key))
                if cache.known(key):
                    continue
                if self._from_shared(shared, cache, key, ids[rel]):
                    cache.flush(at_least=STREAM_BATCH)
                    continue
                misses.append((rel, ids[rel], key, self.source.read(rel) if data is None else data))
                if len(misses) >= BATCH:
                    self._parse_batch(parser, misses, cache, len(keyed), len(ids))
                    cache.flush(at_least=STREAM_BATCH)
                    misses = []
            self._parse_batch(parser, misses, cache, len(keyed), len(ids))
            given = keyed
            if errors_only:  # the files the cache still lacks (they failed to parse): only those
                cache.used.update(key for _rel, key in keyed)
                given = [(rel, key) for rel, key in keyed if not cache.known(key)]
            keys = [key for _rel, key in given]
            found = cache.briefs(keys) if brief else cache.stored(keys)
            for (rel, key), (_key, digest) in zip(given, found):
                try:
                    yield ids[rel], digest if digest is not None else self._reparsed(cache, rel, key, ids[rel])
                except AnttError as exc:
                    yield ids[rel], exc
            complete = True
        finally:
            parser.close()
            cache.save(prune=complete)
            if complete and shared is not None:
                self._share(shared, cache, [key for _, key in keyed], len(ids))
            cache.close()

    def _from_shared(self, shared: Any, cache: Any, key: str, case_id: str) -> bool:
        """Put the shared digests' entry of blob `key` into the cache if they hold a good one."""
        if shared is None:
            return False
        taken = shared.take(key, case_id, self.case_kind_of(case_id))
        if taken is None:
            return False
        cache.put(key, taken[0], shared=True, text=taken[1])
        return True

    def _share(self, shared: Any, cache: Any, keys: list[str], total: int) -> None:
        """Write the shared digests again (the entries of every case file there now) when the
        cache gained enough entries since they were last written (store/shared.py `due`), or
        when this repository has no set of its own yet (`first_due`). A failure, or another
        antt writing them first, changes nothing the command shows."""
        from antt_cli.i18n import t
        from antt_cli.store.shared import due

        try:
            counted, ever = cache.unshared()
            if not due(counted, total, shared.mode) and not (keys and not ever and shared.first_due(counted)):
                return
            entries = cache.stored_texts(sorted(set(keys)))  # as stored: no decode, no encode
            if shared.export(entries, lambda count: t("store.shared_commit", count=count)):
                cache.shared_now(counted)
        except Exception:  # noqa: BLE001 - rebuildable data: the next read tries again
            return

    def _parse_batch(self, parser: Any, misses: list, cache: Any, done: int, total: int) -> None:
        for key, value in parser.run(misses):
            cache.put(key, value)
        if self.progress is not None and misses:
            self.progress(done, total)

    def _reparsed(self, cache: Any, rel: str, key: str, case_id: str) -> dict:
        """The digest of a file the cache holds no good entry for (a damaged entry, or a file
        that failed to parse: read again here, so its AnttError is raised)."""
        data = self.source.read(rel)
        value = self._parsed(data, case_id, rel)
        from antt_cli.store.cache import blob_id

        if blob_id(data) == key:  # the file did not change under us: the entry is rewritten
            cache.put(key, value)
        return value

    def _cache(self):
        from antt_cli.domain import digest as d
        from antt_cli.store.cache import Brief, CaseCache

        return CaseCache(self.root, check=d.digest_ok, index=d.register_rows,
                         brief=Brief(d.BRIEF_KEYS, d.BRIEF_DATES, d.BRIEF_DATED, d.brief_ok))

    def numbers_used(self, body: str, year: int) -> list[str]:
        """The numbers in the register of `body` (its `domain/text.py` `body_key`) of `year`,
        across every case of the dossier: from the register index of the read cache
        (store/cache.py), parsing only the case files it does not hold yet. Many of them (a
        fresh clone's first write) are read the way a whole-dossier read does, from the
        shared digests and in parallel (`iter_digests_or_errors`), not one by one. The first
        broken case file raises its AnttError."""
        found = self._numbers_used(body, year, few=_FEW_MISSES)
        if found is None:
            for _case_id, digest in self.iter_digests_or_errors(brief=True, errors_only=True):
                if isinstance(digest, AnttError):
                    raise digest
            found = self._numbers_used(body, year, few=None)
        return found or []

    def _numbers_used(self, body: str, year: int, few: int | None) -> list[str] | None:
        """`numbers_used` from the cache, parsing what it lacks; None, having parsed nothing,
        when it lacks more than `few` case files."""
        from antt_cli.store.cache import Damaged

        for attempt in (1, 2):
            cache = self._cache()
            try:
                ids = self._case_files()
                blobs: set[str] = set()
                misses = []
                for rel, key, data in self.source.keyed(list(ids), cache.known):
                    blobs.add(key)
                    # read (its stat not the one remembered: written since git was last asked)
                    # is not missing: only a file the cache lacks is parsed, and counted
                    if data is not None and not cache.known(key):
                        misses.append((rel, key, data))
                        if few is not None and len(misses) > few:
                            return None
                for rel, key, data in misses:
                    cache.get_keyed(key, data, lambda raw, rel=rel: self._parsed(raw, ids[rel], rel))
                found = cache.numbers(body, year, blobs)
                cache.save()
                return found
            except Damaged:
                if attempt == 2:
                    raise
            finally:
                cache.close()
        return []

    def remember(self, rels: Iterable[str]) -> None:
        """Put the case files among `rels` (just written and committed) into the read cache,
        so the next read of the dossier parses nothing (docs/interpretations.md)."""
        from antt_cli.store.cache import blob_id

        wanted = {self.case_relpath(cid): cid for cid in
                  {rel.split("/")[1] for rel in rels if rel.count("/") == 2 and rel.endswith("/" + CASE_FILE)}
                  if parse_id(cid)}
        if not wanted:
            return
        cache = self._cache()
        try:
            for rel, case_id in wanted.items():
                try:
                    data = (self.root / rel).read_bytes()
                    cache.put(blob_id(data), self._parsed(data, case_id, rel))
                except (OSError, AnttError):
                    continue  # the next read says what is wrong with it
            cache.save()
        finally:
            cache.close()

    def _parsed(self, raw: bytes, case_id: str, rel: str) -> dict:
        from antt_cli.domain.digest import case_digest
        from antt_cli.store.casefile import case_of
        from antt_cli.store.kinds import load_registry
        from antt_cli.store.yamlio import parse_yaml

        case = parse_yaml(raw, rel)
        self._check(case, case_id, rel)
        return case_digest(case_of(case), load_registry())

    @staticmethod
    def dump(data: Any) -> str:
        return dump_yaml(data)

    # -- profile helpers ---------------------------------------------------------------
    def bodies(self) -> dict[str, Any]:
        return self.profile.get("bodies") or {}

    def _find_body(self, name: str) -> tuple[str, Any] | None:
        """(the spelling in antt.yaml, its data) of the body `name` names, compared after
        NFC and tone-placement normalisation, abbreviations written out ("UBND xã …" is
        "Ủy ban nhân dân xã …"), words typed without diacritics ("UBND xa Ham Thuan";
        domain/text.py `bodies_named`); None when the name could be several bodies."""
        from antt_cli.domain.text import bodies_named

        bodies = {str(known): data for known, data in self.bodies().items()}
        named = bodies_named(name, list(bodies))
        return (named[0], bodies[named[0]]) if len(named) == 1 else None

    def body(self, name: str) -> Any | None:
        found = self._find_body(name)
        return found[1] if found else None

    def body_name(self, name: str) -> str:
        """The spelling in `antt.yaml` of the issuing body `name` names (one spelling per
        body), or `name` itself for a body not declared. A name a slip away from a declared
        body (domain/text.py `near_miss`) is refused with the likely body and how to declare
        another, rather than recorded as a new issuer (docs/interpretations.md)."""
        from antt_cli.domain.text import match_body

        exact, near = match_body(name, [str(known) for known in self.bodies()])
        if exact is not None:
            return exact
        if near is not None:
            raise AnttError("store.issuer_near_miss", given=name, known=near)
        return name

    def templates_override(self) -> Path | None:
        folder = self.root / "templates"
        return folder if folder.is_dir() else None
