"""What every use case shares: the dossier, today, the notice sink, and the one pipeline of
every writing command:

    with writing(ctx, action="record survey-plan", case_id=case_id) as w:   # the lock first
        loaded = w.load_case(case_id)                                      # then read
        decision = <the domain decides on loaded.case>                     # or refuses
        w.save_case(loaded, decision.case)                                 # render, write …
        w.summary = decision.summary
    # … committed here; on any exception every file is back as it was
"""
from __future__ import annotations

import datetime as dt
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from antt_cli.domain.model import Case, Record
from antt_cli.store.dossier import PROFILE, Dossier


def _ignore(_: str) -> None:
    pass


def clock_today(env: dict[str, str] | None = None) -> dt.date:
    """Today, unless ANTT_TODAY says otherwise (tests, the demo, training) — the only place
    antt reads the clock; below the services `today` is a parameter."""
    import os

    from antt_cli.domain.dates import parse_date
    from antt_cli.errors import AnttError

    env = os.environ if env is None else env
    forced = env.get("ANTT_TODAY")
    if not forced:
        return dt.date.today()
    try:
        return parse_date(forced)
    except ValueError:
        raise AnttError("services.bad_antt_today", value=forced) from None


def env_officer(env: dict[str, str] | None = None) -> str | None:
    """The officer named by ANTT_OFFICER (docs/commands.md "Global"), or None."""
    import os

    value = (os.environ if env is None else env).get("ANTT_OFFICER", "")
    return " ".join(value.split()) or None


@dataclass
class Context:
    """Where and when a use case runs: the dossier root, today's date (ANTT_TODAY), a sink
    for notices (warnings the CLI prints to stderr), and where a reading use case reads the
    files (`source`: None is the working tree; `reading_source` below chooses), and the officer
    who runs the command when one is named (`--officer`, ANTT_OFFICER; None: git's identity,
    else antt.yaml's officer). The clock is read here and only here; below the services
    `today` is a parameter."""

    root: Path
    today: dt.date = field(default_factory=clock_today)
    notice: Callable[[str], None] = _ignore
    source: Any = None
    progress: Callable[[int, int], None] | None = None  # (cases read, cases) while a whole read parses files
    officer: str | None = field(default_factory=env_officer)

    def dossier(self) -> Dossier:
        dossier = Dossier.open(self.root, self.source if self.source is not None else working_tree(self.root))
        dossier.progress = self.progress
        dossier.shared = lambda: shared_digests(self.root)  # asked only by a whole-dossier read
        return dossier


def working_tree(root: Path) -> Any:
    """The working tree as a source of the dossier's files, with git's index telling the blob
    ids of the files git finds unchanged (store/dossier.py `WorkTree`), remembered with the
    files' stats so that git is asked again only when files changed (store/listing.py)."""
    from antt_cli.store.dossier import WorkTree
    from antt_cli.store.listing import Remembered

    def asked(rels: list[str]) -> dict[str, str] | None:
        from antt_cli.audit.git import index_blobs

        return index_blobs(root, rels)

    return WorkTree(root, listing=Remembered(root, asked))


def shared_digests(root: Path, env: dict[str, str] | None = None, *, prefix: str = "",
                   context: Callable[[], str] | None = None, accept: Callable[[bytes, str, str], Any] | None = None
                   ) -> Any:
    """The digests that travel with the dossier on the branch `antt-digests` (store/shared.py,
    the git side in audit/digest_ref.py), for a whole-dossier read to take and write; None
    under `ANTT_DIGESTS=off` (docs/commands.md, Global). Nothing is asked of git until a read
    misses the cache. `antt check`'s entries travel in the same tree, in the buckets named
    by `prefix`, made in their own `context` and checked by their own `accept`
    (services/check.py)."""
    import os

    from antt_cli.store.shared import GitPort, SharedDigests

    mode = (os.environ if env is None else env).get("ANTT_DIGESTS", "").strip().lower() or "auto"
    if mode == "off":
        return None

    def ref():
        from antt_cli.audit import digest_ref

        return digest_ref

    git = GitPort(refs=lambda: ref().candidates(root), tree=lambda commit: ref().tree_of(root, commit),
                  read=lambda ids: ref().blobs(root, ids),
                  begin=lambda: ref().NewSet(root),
                  local="refs/heads/antt-digests")
    return SharedDigests(git, context or _digest_context, mode, prefix=prefix, accept=accept)


def _digest_context() -> str:
    """What computes a digest here: the read cache's format, antt's version, the kind specs."""
    from antt_cli import __version__
    from antt_cli.store.cache import VERSION
    from antt_cli.store.kinds import fingerprint
    from antt_cli.store.shared import context_of

    return context_of(VERSION, __version__, fingerprint())


def reading_source(root: Path, notice: Callable[[str], None] = _ignore) -> Any:
    """Where a reading command reads (docs/reliability.md): None — the working tree — unless
    a live writer holds the dossier lock; then HEAD's committed state (store/source.py),
    said in one notice. With no lock file this is one stat and no git process."""
    from antt_cli.audit.journal import writer_at_work

    if not writer_at_work(root, notice):
        return None
    from antt_cli.audit import git as gitq
    from antt_cli.errors import AnttError
    from antt_cli.i18n import t
    from antt_cli.store.dossier import CASE_DIRS
    from antt_cli.store.source import HeadSnapshot

    blobs = gitq.head_blobs(root, [PROFILE, *CASE_DIRS.values()])
    if PROFILE not in blobs:  # `antt init` at work: nothing committed yet
        raise AnttError("services.nothing_committed", file=PROFILE)
    notice(t("services.committed_shown"))
    return HeadSnapshot(blobs, lambda ids: gitq.blob_contents(root, ids), root)


def say_if_sparse(ctx: Context) -> None:
    """A whole-dossier read (status, check, due, summary) of a sparse checkout's working
    tree says, in one notice, that it saw only the cases on disk: those outside the
    checkout's cone are not there, and nothing else would tell the officer (a write is
    refused instead: audit.sparse_checkout). Nothing is said when the read is of HEAD
    (`reading_source`), which holds every case. One stat when git's folder holds no
    `info/sparse-checkout` (without it git checks out every file, whatever
    `core.sparseCheckout` says), else one `git config`."""
    if ctx.source is not None:
        return
    from antt_cli.audit import git as gitq
    from antt_cli.audit.journal import fast_git_dir
    from antt_cli.i18n import t

    gitdir = fast_git_dir(ctx.root)
    if gitdir is not None and not (gitdir / "info" / "sparse-checkout").is_file():
        return
    if gitq.sparse_checkout(gitq.config_values(ctx.root)):
        ctx.notice(t("services.sparse_partial"))


def transaction(ctx: Context, *, summary: str, action: str, case_id: str | None,
                extra_trailers: list[tuple[str, str]] | None = None):
    from antt_cli.audit.transaction import Transaction

    profile = _profile_identity(ctx.root)
    return Transaction(ctx.root, summary=summary, action=action, case_id=case_id,
                       officer=ctx.officer, default_officer=_text(profile.get("officer")),
                       officer_email=_text(profile.get("officer_email")),
                       extra_trailers=extra_trailers or [], notice=ctx.notice)


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _profile_identity(root: Path) -> dict[str, Any]:
    """The officer of antt.yaml, read before the lock only to name the committer (the
    profile is read again under the lock for everything the command decides)."""
    from antt_cli.store.yamlio import load_yaml

    try:
        profile = load_yaml(root / PROFILE, PROFILE, fast=True)
    except Exception:  # noqa: BLE001 - the real read under the lock reports it
        return {}
    return profile if isinstance(profile, dict) else {}


class Writer:
    """The inside of a writing command: the dossier read under the lock, the transaction."""

    def __init__(self, ctx: Context, tx: Any, edit_profile: bool = False) -> None:
        self.ctx = ctx
        self.tx = tx
        self.dossier = Dossier.open(ctx.root, working_tree(ctx.root), editable=edit_profile)
        # a fresh clone's first write fills its number registers from them (store/dossier.py numbers_used)
        self.dossier.shared = lambda: shared_digests(ctx.root)

    @property
    def summary(self) -> str:
        return self.tx.summary

    def describe(self, summary: str, record: Record | None = None) -> None:
        """The commit's summary line and, for a document, the trailers `antt history` reads
        back: its kind and its own date (audit/history.py)."""
        from antt_cli.audit.history import DOCUMENT_DATE, KIND

        self.tx.summary = summary
        if record is not None:
            self.tx.add_trailer(KIND, record.kind)
            if record.date is not None:
                self.tx.add_trailer(DOCUMENT_DATE, record.date.isoformat())

    @summary.setter
    def summary(self, text: str) -> None:
        self.tx.summary = text

    def load_case(self, case_id: str):
        return self.dossier.load_case_file(case_id)

    def render(self, case: Case, record: Record) -> bytes:
        return render_document(self.dossier, case, record)

    def check_clean(self, rels: list[str], renders: bool) -> None:
        """Refuse a file this command must change that has uncommitted edits — and, when it
        renders a document, an `antt.yaml` with uncommitted edits (docs/commands.md, Global)."""
        self.tx.check_clean(rels, rests_on=[PROFILE] if renders else [])

    def write_bytes(self, rel: str, data: bytes) -> None:
        self.tx.write_bytes(rel, data)

    def write_text(self, rel: str, text: str) -> None:
        self.tx.write_text(rel, text)

    def copy_file(self, src: Path, rel: str) -> None:
        self.tx.copy_file(src, rel)


@contextmanager
def writing(ctx: Context, *, action: str, case_id: str | None,
            trailers: list[tuple[str, str]] | None = None, edit_profile: bool = False) -> Iterator[Writer]:
    """Take the dossier lock, then read: the one pipeline of every writing command.
    `edit_profile`: the command writes antt.yaml (its round-trip tree is loaded)."""
    with transaction(ctx, summary="", action=action, case_id=case_id, extra_trailers=trailers) as tx:
        writer = Writer(ctx, tx, edit_profile)
        yield writer
    if tx.committed:  # the cases written go into the read cache and its registers, in place
        try:
            writer.dossier.remember(tx.paths)
        except Exception:  # noqa: BLE001 - committed: a cache not updated only means one parse later
            pass


def render_document(dossier: Dossier, case: Case, record: Record, registry: Any = None) -> bytes:
    """The DOCX of `record` on `case`, from the dossier's profile and templates (record, plan,
    amend, draft and letter render through here; a letter passes the registry that holds it)."""
    from antt_cli.documents.render import render_record
    from antt_cli.store.kinds import load_registry

    return render_record(dossier.profile, case, record, registry or load_registry(), dossier.templates_override())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):  # most values: first, and cheap
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    from dataclasses import fields, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        # field by field (what `asdict` gives, without its deep copy of every value: a
        # province's `antt due --json` converts tens of thousands of rows)
        return {f.name: jsonable(getattr(value, f.name)) for f in fields(value)}
    return value


def output_file(output: str | Path | None, default_name: str, folder: Path) -> Path:
    """Where `-o` puts a written file (docs/commands.md, "-o"): nothing given → `folder` /
    `default_name`; a path ending with a slash (`dir/`, on Windows also `dir\\`) or an
    existing folder → `default_name` inside it (a folder not there yet is created when the
    file is written, as `mkdir -p` would: the slash says it is a folder, and a file named
    `dir` is never what was meant); anything else → that file."""
    if output is None:
        return folder / default_name
    chosen = Path(str(output)).expanduser().resolve()
    if names_folder(output) or chosen.is_dir():
        return chosen / default_name
    return chosen


def names_folder(output: str | Path | None) -> bool:
    """Whether `-o` was typed as a folder: ending with a slash (on Windows also a backslash)."""
    import os

    return output is not None and str(output).endswith(("/", os.sep))


def can_create(path: Path) -> bool:
    """Whether the file `path` may be written: no folder of that name, and the nearest
    existing folder above it a folder (the ones missing in between are created)."""
    if path.is_dir():
        return False
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return parent.is_dir()
