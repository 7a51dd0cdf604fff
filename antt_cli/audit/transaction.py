"""One command = one commit, or nothing at all (docs/commands.md).

    with Transaction(root, action="record establishment-decision", case_id="MH-2023-001",
                     officer=profile.officer, officer_email=…, notice=…) as tx:
        case = load(...)                  # read under the lock: nobody writes meanwhile
        tx.summary = "[MH-2023-001] Quyết định thành lập mô hình"   # any time before the end
        tx.write_text("cases/MH-2023-001/case.yaml", text)
        tx.write_bytes("cases/MH-2023-001/01-quyet-dinh.docx", docx)
    # committed here; on any exception every file is back as it was and nothing is staged

Entering takes the dossier lock first (waiting; one deadline for everything, 10 s or
ANTT_LOCK_TIMEOUT), completes or rolls back a transaction a killed process left
(audit/journal.py), then checks the repository: an operation in progress (merge, rebase,
revert, cherry-pick, bisect), a detached HEAD or a sparse checkout is refused, another git process's
`index.lock` is waited for within the same deadline, then "dossier busy". Refusals (also
no identity, a file with hand edits or hidden by .gitignore, a path outside the dossier)
happen before the first byte is written. Before the first write the journal is saved;
commits carry the trailer `Antt-Transaction: <id>` so that recovery can tell whether the
commit was made. Commits hold exactly their paths (`git commit --only -- paths`, or the
same commit made from git's objects: audit/plumbing.py), so whatever else the user has
modified or staged stays so and is never swept in.

Before the first byte is written the transaction also takes git's own `index.lock` and
holds it until the commit is made or undone, staging into a private index meanwhile
(audit/indexlock.py): a person's `git add`, `git commit` or `git commit -a` is refused by git
for that moment instead of taking antt's half-written files.

`ANTT_TEST_CRASH_AT=<point>` kills the process with SIGKILL at a point of the write window
(`index-locked`, `tmp-written`, `written`, `before-commit`, `staged`, `commit-made`,
`index-swapping`, `after-commit`): the fault injection of tests/test_crash.py.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath

from antt_cli.audit import COMMITS
from antt_cli.audit import git as gitq
from antt_cli.audit import journal as jr
from antt_cli.audit import plumbing
from antt_cli.audit.indexlock import IndexLock, clear_stale_marker
from antt_cli.audit.faults import pause_point
from antt_cli.audit.lock import DossierLock, timeout_from_env
from antt_cli.errors import AnttError

_MISSING = None  # snapshot value of a path that did not exist before the transaction
DEFAULT_EMAIL = "antt@localhost"
_STATE_KEYS = {
    "merge": "audit.merge",
    "rebase": "audit.rebase",
    "revert": "audit.revert",
    "cherry-pick": "audit.cherry_pick",
    "bisect": "audit.bisect",
    "detached": "audit.detached",
}
CRASH_POINTS = ("index-locked", "tmp-written", "written", "before-commit", "staged", "commit-made",
                "index-swapping", "after-commit")



def crash_point(point: str) -> None:
    """Fault injection for tests: die here, as a power cut or `kill -9` would (or wait
    here: audit/faults.py)."""
    pause_point(point)
    if os.environ.get("ANTT_TEST_CRASH_AT") == point:
        kill = getattr(signal, "SIGKILL", None)
        if kill is None:  # Windows
            os._exit(137)
        os.kill(os.getpid(), kill)


@contextlib.contextmanager
def _shielded():
    """Defer Ctrl-C (SIGINT) for the block: bookkeeping that must finish once begun (the
    rollback, the steps around the commit). A deferred Ctrl-C is raised at the end unless
    another exception is already on its way. Only the main thread can set handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    except (ValueError, OSError):  # not the main interpreter
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and callable(previous):
        raise KeyboardInterrupt


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def commit_message(summary: str, trailers: Iterable[tuple[str, str]]) -> str:
    """The summary line, a blank line, then `Key: value` trailers, one per line."""
    lines = [_one_line(summary), ""]
    lines += [f"{_one_line(key)}: {_one_line(value)}" for key, value in trailers]
    return "\n".join(lines) + "\n"


def resolve_identity(
    root: Path, officer: str | None, officer_email: str | None, default_officer: str | None = None,
    config: dict[str, str] | None = None,
) -> tuple[str, tuple[str, str]]:
    """(name for the Antt-Officer trailer, (name, email) to commit as). docs/commands.md
    "Global": the officer who runs the command is `officer` (`--officer` / ANTT_OFFICER),
    else git's user name on this machine, else antt.yaml's officer (`default_officer`, the
    default for a new machine); the email is git's, else antt.yaml's `officer_email`. The
    commit's author and the trailer are the same person; no name at all is refused.
    `config`: git's settings when already read (`audit/git.py` `config_values`)."""
    name_git, email_git = gitq.config_user(root, config)
    name = next((_one_line(n) for n in (officer, name_git, default_officer) if n and _one_line(n)), None)
    if name is None:
        raise AnttError("audit.no_identity")
    email = next((_one_line(e) for e in (email_git, officer_email) if e and _one_line(e)), DEFAULT_EMAIL)
    return name, (name, email)


def _relative(relpath: str | Path) -> str:
    """`relpath` as a "/"-separated path, refusing absolute paths and `..` anywhere."""
    text = str(relpath)
    win, posix = PureWindowsPath(text), PurePosixPath(text.replace("\\", "/"))
    if not text or win.anchor or win.drive or posix.is_absolute():
        raise AnttError("audit.path_outside", path=text)
    parts = [p for p in posix.parts if p not in ("", ".")]
    # ":" would name a drive or an NTFS alternate data stream on Windows
    if not parts or ".." in parts or parts[0].lower() == ".git" or any(":" in p for p in parts):
        raise AnttError("audit.path_outside", path=text)
    return "/".join(parts)


class Transaction:
    """Write files under the dossier, then commit exactly them — or restore everything."""

    def __init__(
        self,
        root: Path,
        *,
        summary: str | None = None,
        action: str,
        case_id: str | None,
        officer: str | None,
        officer_email: str | None = None,
        default_officer: str | None = None,
        extra_trailers: Iterable[tuple[str, str]] = (),
        notice: Callable[[str], None] | None = None,
        lock: bool = True,
        allow_unborn: bool = False,
    ) -> None:
        self.root = Path(root)
        self.summary = summary  # may be set inside the block, before it ends
        self.action = action
        self.case_id = case_id
        self.officer = officer
        self.officer_email = officer_email
        self.default_officer = default_officer
        self.extra_trailers = list(extra_trailers)
        self.notice = notice
        self.use_lock = lock
        self.allow_unborn = allow_unborn

        self.officer_name: str | None = None
        self.identity: tuple[str, str] | None = None
        self.sha: str | None = None
        self.txid = jr.new_transaction_id()
        self._root_resolved: Path | None = None
        self._lock: DossierLock | None = None
        self._journal: jr.Journal | None = None
        self._head: str | None = None
        self._snapshots: dict[str, tuple[bytes, int] | None] = {}  # relpath -> (bytes, mode) | None
        self._written: set[str] = set()  # paths whose bytes on disk were actually replaced
        self._created_dirs: list[Path] = []
        self._staged: list[str] = []
        self._taken: set[str] = set()  # committed as the working tree holds them (keep_as_is)
        self._backups: dict[str, Path] = {}  # relpath -> hard link to its prior file (rollback by rename)
        self._index: IndexLock | None = None  # git's index.lock, held from the first write (audit/indexlock.py)
        self._deadline = 0.0  # time.monotonic() after which a lock is no longer waited for
        self._keep_journal = False  # the index could not be installed: recovery finishes it
        self.not_put_back: list[tuple[str, str]] = []  # what the rollback could not undo
        self._known_clean: set[str] = set()  # checked by check_clean(): no second git call
        self._entered = False
        self._done = False  # committed or rolled back
        self._git_options: tuple[str, ...] = gitq.SPLIT_INDEX  # of the git runs that write the index
        self._from_objects = False  # commit without `git commit` (audit/plumbing.py `usable`)
        self._file_mode = True  # git records the executable bit (core.fileMode)

    def add_trailer(self, key: str, value: str) -> None:
        """One more `Key: value` trailer (before the block ends)."""
        self.extra_trailers.append((key, value))

    # -- entering: every refusal before the first write --------------------------------
    def __enter__(self) -> Transaction:
        if not gitq.is_work_tree(self.root):
            raise AnttError("audit.not_a_repo", path=str(self.root))
        deadline = time.monotonic() + timeout_from_env()
        self._deadline = deadline
        if self.use_lock:
            self._lock = DossierLock(self.root, notice=self.notice)
            self._lock.acquire(deadline)
        try:
            gitdir = gitq.git_dir(self.root)
            # A killed command's half transaction; while it cannot be finished (a file in
            # use, git refusing to unstage) its journal must not be overwritten by ours.
            if self.use_lock and jr.recover(self.root, gitdir, self.notice) == "incomplete":
                raise AnttError("audit.recovery_pending")
            self._wait_for_repository(gitdir, deadline)
            config = gitq.config_values(self.root)
            if gitq.sparse_checkout(config):  # cases not on disk: IDs and numbers given blind
                raise AnttError("audit.sparse_checkout")
            self._git_options = gitq.index_options(config)
            self._from_objects = plumbing.usable(self.root, gitdir, config)
            self._file_mode = plumbing.file_mode(config)
            self.officer_name, self.identity = resolve_identity(self.root, self.officer, self.officer_email,
                                                                self.default_officer, config)
            self._root_resolved = self.root.resolve()
            self._head = gitq.head_sha(self.root)
            if self._head is None and not self.allow_unborn:
                raise AnttError("audit.unborn", path=str(self.root))
            self._entered = True
            pause_point("entered")
        except BaseException:
            self._release_lock()
            raise
        self._entered = True
        return self

    def _wait_for_repository(self, gitdir: Path, deadline: float) -> None:
        """Refuse an operation in progress or a detached HEAD; wait for another git
        process's index.lock until the deadline, then refuse "dossier busy"."""
        while True:
            problem = gitq.repo_state_problem(self.root)
            if problem is None:
                return
            if problem != "index-locked":
                raise AnttError(_STATE_KEYS[problem], path=str(gitdir))
            if clear_stale_marker(gitdir, self.notice):  # antt's own index.lock line of a process that is gone
                continue
            if time.monotonic() >= deadline:
                raise AnttError("audit.index_busy", path=str(gitdir / "index.lock"),
                                seconds=f"{timeout_from_env():g}")
            time.sleep(0.05)

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is not None:
                self.rollback()
                self._refuse_if_not_put_back(exc)
                return False
            if not self._done:
                try:
                    self.commit()  # raises after rolling back if git refuses
                except BaseException as err:
                    self._refuse_if_not_put_back(err)
                    raise
            return False
        finally:
            self._release_lock()

    def _refuse_if_not_put_back(self, exc: BaseException | None) -> None:
        """The error's own sentence may say that nothing changed ("every file was put
        back"): never when the rollback left something undone — then this one is said."""
        if not self.not_put_back:
            return
        if isinstance(exc, AnttError):
            detail = str(exc.params.get("detail") or exc.message())
        elif isinstance(exc, KeyboardInterrupt):
            detail = "Ctrl-C"
        else:
            detail = f"{type(exc).__name__}: {exc}"
        raise AnttError("audit.not_put_back", detail=detail[:500],
                        paths=", ".join(path for path, _ in self.not_put_back)) from exc

    def _release_lock(self) -> None:
        if not self._keep_journal:
            self._release_index()
        if self._lock is not None:
            try:
                self._lock.release()
            finally:
                self._lock = None

    # -- writing -----------------------------------------------------------------------
    @property
    def paths(self) -> list[str]:
        """The paths written (or deleted) so far, "/"-separated, relative to root."""
        return list(self._snapshots)

    def _target(self, relpath: str | Path) -> tuple[str, Path]:
        rel = _relative(relpath)
        root = self._root_resolved or self.root.resolve()
        full = root.joinpath(*rel.split("/"))
        try:
            full.resolve().relative_to(root)
            full.parent.resolve().relative_to(root)
        except ValueError:
            raise AnttError("audit.path_outside", path=str(relpath)) from None
        _refuse_links(root, rel)
        return rel, full

    def _refuse_unsafe(self, rels: list[str], rests_on: list[str] = ()) -> None:
        """One git question for these paths: hand edits (audit.dirty) or an existing file
        hidden by .gitignore (it would be overwritten without a trace); and, for the files
        the change is rendered from (`rests_on`, not written), hand edits the commit would
        not carry (audit.rests_on_dirty)."""
        dirty, ignored = gitq.path_states(self.root, [*rests_on, *rels], self._git_options,
                                            quick=self._from_objects)
        unrecorded = [p for p in dirty if p in rests_on]
        if unrecorded:
            raise AnttError("audit.rests_on_dirty", file=unrecorded[0])
        if dirty:
            raise AnttError("audit.dirty", files=", ".join(dirty))
        ignored = [p for p in ignored if p not in rests_on]
        if ignored:
            raise AnttError("audit.ignored_target", files=", ".join(ignored))

    def check_clean(self, relpaths: Iterable[str | Path], *, rests_on: Iterable[str | Path] = ()) -> None:
        """Refuse (audit.dirty) if any of these has uncommitted changes; call it before
        writing anything so that a refusal leaves nothing to undo. `rests_on`: files the
        change is derived from without writing them (a document rendered from antt.yaml),
        refused when they have uncommitted edits (docs/commands.md, Global). One git call for
        all of them; the writes that follow skip their own check."""
        rels = [self._target(p)[0] for p in relpaths]
        rels = [r for r in rels if r not in self._snapshots and r not in self._known_clean]
        self._refuse_unsafe(rels, [self._target(p)[0] for p in rests_on])
        self._known_clean.update(rels)

    def keep_as_is(self, relpath: str | Path) -> bytes:
        """Commit the file as the working tree holds it, uncommitted hand edits included
        (`antt accept`: the officer's edit in Word becomes the issued version); its bytes."""
        rel, full = self._target(relpath)
        gitq.refuse_flagged(self.root, [rel])  # its edit is meant: not checked clean, but git must stage it
        try:
            data = full.read_bytes()
        except OSError as exc:
            raise AnttError("audit.write_failed", path=rel, detail=str(exc)) from exc
        self._known_clean.add(rel)
        self._prepare(rel)   # snapshotted: never rewritten, so a rollback leaves the edit in place
        self._taken.add(rel)
        return data

    def _prepare(self, relpath: str | Path) -> tuple[str, Path]:
        """Validate, refuse hand-edited files, snapshot once, create missing folders."""
        if not self._entered or self._done:
            raise RuntimeError("Transaction used outside its `with` block or after commit")
        rel, full = self._target(relpath)
        if rel not in self._snapshots:
            if rel not in self._known_clean:
                self._refuse_unsafe([rel])
            if full.is_dir() and not full.is_symlink():
                raise AnttError("audit.write_failed", path=rel, detail="is a folder")
            try:
                self._snapshots[rel] = (full.read_bytes(), full.stat().st_mode) if full.exists() else _MISSING
            except OSError as exc:
                raise AnttError("audit.write_failed", path=rel, detail=str(exc)) from exc
        missing: list[Path] = []
        parent = full.parent
        while not parent.exists():
            missing.append(parent)
            parent = parent.parent
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                raise AnttError("audit.write_failed", path=rel, detail=str(exc)) from exc
            self._created_dirs.append(folder)
            if self._journal is not None:
                self._journal.add_dir(folder.relative_to(self._root_resolved).as_posix())
        return rel, full

    def _journal_path(self, rel: str, full: Path, new: bytes | None) -> Path:
        """Save the journal entry of `rel` before its bytes change; returns the temporary
        file its write goes through."""
        tmp = jr.tmp_name(full, self.txid)
        first = self._journal is None
        if first:
            gitdir = gitq.git_dir(self.root)
            jr.exclude_own_files(gitdir)  # before the first of them exists
            self._journal = jr.Journal(gitdir, self.txid, action=self.action,
                                       case_id=self.case_id, head=self._head)
            self._index = IndexLock(gitdir, self.txid)
            self._journal.data["index_lock"] = self._index.journal_entry()
            for folder in self._created_dirs:
                self._journal.data["dirs"].append(folder.relative_to(self._root_resolved).as_posix())
        snapshot = self._snapshots[rel]
        self._journal.data["case"] = self.case_id
        try:
            self._journal.add(
                rel,
                old=jr.blob_id(snapshot[0]) if snapshot else None,
                mode=snapshot[1] if snapshot else None,
                new=jr.blob_id(new) if new is not None else None,
                tmp=tmp.relative_to(self._root_resolved).as_posix(),
                backup=jr.backup_name(full, self.txid).relative_to(self._root_resolved).as_posix()
                if snapshot else None,
            )
        except OSError as exc:
            raise AnttError("audit.journal_failed", path=str(self._journal.path), detail=str(exc)) from exc
        if first:
            self._hold_index()
        return tmp

    def _hold_index(self) -> None:
        """Take git's index.lock (journalled first: a kill right after leaves a lock the next
        command can prove is antt's), waiting for another git's within the deadline — at
        least a second from now: the command may have spent its time rendering."""
        if self._index is None:
            self._index = IndexLock(gitq.git_dir(self.root), self.txid)
        if self._index.held:
            return
        self._index.acquire(max(self._deadline, time.monotonic() + 1.0), timeout_from_env())
        crash_point("index-locked")

    def _release_index(self) -> None:
        """Give git's index.lock back (the private index dropped); a lock line that cannot be
        removed (a file held open on Windows) is cleared by the next command."""
        if self._index is not None:
            try:
                self._index.release()
            except OSError:
                pass

    def write_bytes(self, relpath: str | Path, data: bytes) -> None:
        rel, full = self._prepare(relpath)
        data = bytes(data)
        snapshot = self._snapshots[rel]
        tmp = self._journal_path(rel, full, data)
        self._keep_prior(rel, full)
        self._written.add(rel)
        _atomic_write(full, data, snapshot[1] if snapshot else None, rel, tmp)
        crash_point("written")

    def _keep_prior(self, rel: str, full: Path, *, move: bool = False) -> None:
        """Keep the prior file under a second name (`.<name>.antt-<id>.orig`) before its
        bytes change: a hard link (no data copied, no space taken), or the file itself
        moved there when it is being deleted. The rollback then renames it back and
        writes nothing new, so it works on a full disk (docs/reliability.md). Where hard
        links are not possible the rollback writes the prior bytes back instead."""
        if rel in self._backups or self._snapshots.get(rel) is _MISSING:
            return
        backup = jr.backup_name(full, self.txid)
        try:
            if move:
                os.replace(full, backup)
            else:
                os.link(full, backup)
        except FileNotFoundError:
            return
        except OSError:
            if move:
                raise
            return
        self._backups[rel] = backup

    def write_text(self, relpath: str | Path, text: str) -> None:
        """UTF-8, LF line endings on every platform (byte-identical dossiers everywhere)."""
        self.write_bytes(relpath, text.replace("\r\n", "\n").encode("utf-8"))

    def copy_file(self, src: Path, relpath: str | Path) -> None:
        try:
            data = Path(src).read_bytes()
        except OSError as exc:
            raise AnttError("audit.read_failed", path=str(src), detail=str(exc)) from exc
        self.write_bytes(relpath, data)

    def delete(self, relpath: str | Path) -> None:
        """Remove a file as part of this commit (e.g. a renumbered case's old files)."""
        rel, full = self._prepare(relpath)
        self._journal_path(rel, full, None)
        self._written.add(rel)
        try:
            if rel in self._backups:
                full.unlink()
            else:
                self._keep_prior(rel, full, move=True)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise AnttError("audit.write_failed", path=rel, detail=str(exc)) from exc

    # -- committing --------------------------------------------------------------------
    def message(self) -> str:
        trailers: list[tuple[str, str]] = []
        if self.case_id is not None:
            trailers.append(("Antt-Case", self.case_id))
        trailers.append(("Antt-Action", self.action))
        trailers.append(("Antt-Officer", self.officer_name or ""))
        trailers += self.extra_trailers
        trailers.append((gitq.TRANSACTION_TRAILER, self.txid))
        return commit_message(self.summary or self.action, trailers)

    def _author_env(self) -> dict[str, str]:
        """The officer as the commit's author and committer (docs/commands.md "Global"): set
        through git's environment, which wins over any identity in git's configuration."""
        name, email = self.identity or (self.officer_name or "", DEFAULT_EMAIL)
        return {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
                "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}

    def _changed_paths(self) -> list[str]:
        changed = []
        for rel, snapshot in self._snapshots.items():
            full = self._root_resolved.joinpath(*rel.split("/"))
            try:
                now = full.read_bytes()
            except FileNotFoundError:
                now = None
            except OSError:
                changed.append(rel)
                continue
            if now != (snapshot[0] if snapshot else None) or rel in self._taken:
                changed.append(rel)
        return changed

    def commit(self) -> str | None:
        """Stage and commit exactly the changed paths; return the new commit's sha.

        A transaction whose writes changed no byte makes no commit and returns HEAD.
        On failure (a hook refuses, git errors) everything is rolled back first, then
        AnttError("audit.commit_failed") is raised. Ctrl-C meanwhile is held back until
        the commit is made or undone, and then raised (the CLI says which happened).
        """
        if not self._entered or self._done:
            raise RuntimeError("Transaction.commit() outside its `with` block or twice")
        with _shielded():
            return self._commit()

    def _commit(self) -> str | None:
        try:
            paths = self._changed_paths()
            if not paths:
                self._done = True
                self._forget_journal()
                self.sha = self._head
                return self.sha
            crash_point("before-commit")
            specs = [gitq.literal(p) for p in paths]
            self._hold_index()  # held since the first write; `keep_as_is` alone writes nothing
            private = self._index.copy()
            self._staged = paths
            self._set_phase(jr.STAGING)
            status, _, err = gitq._run(self.root, *self._git_options, *self._stage_args(paths, specs), env=private)
            if status != 0:
                raise AnttError("audit.commit_failed", detail=gitq.last_lines(err))
            crash_point("staged")
            self._set_phase(jr.COMMITTING)
            sha = self._git_commit(paths, specs)
        except BaseException:
            landed = self._landed()
            if landed is None:
                self.rollback()
                raise
            self._committed(landed)  # git made the commit before the interruption: keep it
            raise
        self._committed(sha)
        gitq.refresh_commit_graph(self.root)  # still under the lock: one writer at a time
        if self._from_objects:
            plumbing.after_commit(self.root)
        return sha

    def _stage_args(self, paths: list[str], specs: list[str]) -> list[str]:
        """The git run that stages `paths`: `update-index` when the commit is made from
        objects (the paths as they are, no search for untracked files, which hashes every
        name in the index: docs/reliability.md, "Git's index"); else `git add`, as the
        hooks that `git commit` runs expect."""
        if self._from_objects and self._head is not None:
            return ["update-index", "--add", "--remove", "--", *paths]
        return ["add", "-f", "-A", "--", *specs]

    def _git_commit(self, paths: list[str], specs: list[str]) -> str | None:
        """Commit the staged `paths`: from objects where nothing has to happen inside `git
        commit` (audit/plumbing.py), else `git commit --only`; the new commit."""
        private = self._index.env()
        if self._from_objects and self._head is not None:
            found = gitq.disk_blobs(self.root, paths)  # what update-index staged: no second read of the index
            disk = plumbing.Disk(found, self._file_mode) if found is not None else None
            return plumbing.commit(self.root, self._head, paths, self.message(), self._author_env(),
                                   _one_line(self.summary or self.action), disk, index_env=private)
        self._from_objects = False
        # the private index is the one `git commit` locks and updates; its hooks see it as
        # GIT_INDEX_FILE, as git sets it for them
        status, _, err = gitq._run(self.root, *self._git_options, "commit", "-q", "--only", "-m",
                                   self.message(), "--", *specs, env={**self._author_env(), **private})
        if status != 0:
            raise AnttError("audit.commit_failed", detail=gitq.last_lines(err))
        return gitq.head_sha(self.root)

    def _drop_backups(self) -> None:
        for backup in self._backups.values():
            try:
                backup.unlink()
            except OSError:
                pass
        self._backups.clear()

    def _set_phase(self, phase: str) -> None:
        if self._journal is None:
            return
        try:
            self._journal.set_phase(phase)
        except OSError as exc:
            raise AnttError("audit.journal_failed", path=str(self._journal.path), detail=str(exc)) from exc

    def _landed(self) -> str | None:
        """After an interruption in the commit window: the commit, if git made it."""
        if not self._staged:
            return None
        try:
            return gitq.commit_with_transaction(self.root, self.txid, self._head)
        except Exception:  # noqa: BLE001 - cannot tell: roll back (the journal backs it up)
            return None

    def _committed(self, sha: str | None) -> None:
        self._done = True
        self.sha = sha
        COMMITS.append((sha or "?", self.summary or self.action))
        crash_point("commit-made")
        self._install_index()
        crash_point("after-commit")
        self._forget_journal()

    def _install_index(self) -> None:
        """The private index becomes git's index (audit/indexlock.py `install`), its file
        identity journalled first so that a kill between the two renames is finished by the
        next command. When that cannot be done (the lock removed by hand meanwhile, a file
        held open), git's index is brought to the commit for the paths (`git reset`) once the
        lock is given back, and otherwise left to `git status`."""
        if self._index is None or not self._staged:
            return

        def keep(known: dict) -> None:
            if self._journal is not None:
                self._journal.data["index_lock"]["swap"] = known
                self._journal.save()

        try:
            installed = self._index.install(keep, lambda: crash_point("index-swapping"))
        except OSError:  # half done: the journal stays, and the next command finishes it
            self._keep_journal = True
            return
        if not installed:
            self._release_index()
            try:
                gitq.unstage(self.root, self._staged, options=self._git_options)
            except Exception:  # noqa: BLE001 - the commit is made; git's index is only behind it
                pass

    def _forget_journal(self) -> None:
        self._drop_backups()
        if self._keep_journal:
            return
        self._release_index()  # before the journal goes: a lock line the journal no longer names is a dead one's
        if self._journal is not None:
            try:
                self._journal.remove()
            except OSError:
                pass  # the next command completes it (the commit carries the id)

    @property
    def committed(self) -> bool:
        return self._done and bool(self._staged) and self.sha is not None

    # -- undoing -----------------------------------------------------------------------
    def rollback(self) -> None:
        """Put every file, folder and index entry back as it was. Never raises: a step that
        fails is reported through `notice` and the others still run; the journal is then
        kept, so that the next command tries again."""
        if self._done:
            return
        self._done = True
        with _shielded():
            problems = self._undo()
        self.not_put_back = problems
        if not problems:
            self._forget_journal()
        elif self.notice is not None:
            try:
                from antt_cli.i18n import t

                for path, detail in problems:
                    self.notice(t("audit.rollback_incomplete", path=path, detail=detail))
            except Exception:  # noqa: BLE001 - never mask the original error
                pass

    def _undo(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        root = self._root_resolved or self.root
        for rel, snapshot in reversed(list(self._snapshots.items())):
            full = root.joinpath(*rel.split("/"))
            if self._journal is not None:
                tmp = jr.tmp_name(full, self.txid)
                try:
                    tmp.unlink()
                except OSError:
                    pass
            if rel not in self._written:
                continue  # never touched: nothing to restore (and no false warning)
            backup = self._backups.pop(rel, None)
            try:
                if snapshot is _MISSING:
                    if full.exists() or full.is_symlink():
                        full.unlink()
                elif backup is not None:
                    jr.rename_back(backup, full)  # no byte written: works on a full disk
                else:
                    try:
                        if full.read_bytes() == snapshot[0]:
                            continue
                    except OSError:
                        pass
                    _atomic_write(full, snapshot[0], snapshot[1], rel)
            except Exception as exc:  # noqa: BLE001 - keep undoing the rest
                if backup is not None:
                    self._backups[rel] = backup  # kept for the next command's recovery
                problems.append((rel, str(exc)))
        for folder in reversed(self._created_dirs):
            try:
                folder.rmdir()
            except OSError:
                pass  # not empty (something else wrote there) or already gone
        # git's index was never touched: the staging went to the private index, which
        # `_forget_journal` drops with the lock
        return problems


def _refuse_links(root: Path, rel: str) -> None:
    """Refuse (audit.symlink) a path whose file or a folder on the way to it (below `root`) is
    a symbolic link: git records the link itself, not what it points to, so a write there
    would either be refused by git (a path "beyond a symbolic link") or replace the link by a
    file. One `lstat` per part of the path."""
    import stat

    at = root
    parts = rel.split("/")
    for depth, part in enumerate(parts, 1):
        at = at / part
        try:
            mode = os.lstat(at).st_mode
        except FileNotFoundError:
            return  # the rest is made by the write
        except OSError:
            return  # the write says what is wrong
        if stat.S_ISLNK(mode):
            raise AnttError("audit.symlink", path="/".join(parts[:depth]))


def _atomic_write(full: Path, data: bytes, mode: int | None, rel: str, tmp: Path | None = None) -> None:
    """Write through a temporary file in the same folder and `os.replace` it in, so that a
    crash leaves either the old or the new file. On Windows a file open in Word cannot be
    replaced: retry briefly (antivirus scanners hold files for a moment), then refuse."""
    import uuid

    tmp = tmp or full.with_name(f".{full.name}.antt-{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(tmp, mode & 0o7777)
        crash_point("tmp-written")
        jr.retrying(lambda: os.replace(tmp, full), full)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise AnttError("audit.write_failed", path=rel, detail=exc.strerror or str(exc)) from exc
