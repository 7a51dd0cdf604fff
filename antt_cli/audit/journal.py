"""The journal of the transaction in progress: what a writing command is about to change,
kept in `.git/antt/journal.json` (never tracked), so that a command killed half way
(SIGKILL, a closed terminal, a crash) can be completed or undone by the next one
(docs/commands.md "Global": lock and journal). Nothing is fsync'ed: the journal survives the death
of the process, not necessarily a power cut of the machine.

It is written — complete, through a temporary file and a rename — before the first byte of
a dossier file, and rewritten when a path is added or the transaction moves on to staging
and committing. It holds the transaction id (also the commit's `Antt-Transaction`
trailer), HEAD when the transaction began, and for each path: its prior blob id (or that it
did not exist), its mode, its new blob id and the name of the temporary file its write
goes through.

Only the holder of the dossier lock writes a journal, so a journal found by whoever holds
the lock belongs to a process that is gone. `recover` then asks git whether a commit
carries the transaction id: if so the change is complete and only leftovers are removed;
if not, every path is put back from its prior blob (git has it: a path is written only
when it is clean, i.e. equal to HEAD), temporary files, created folders and an
`index.lock` left by its own git process are removed. git's index needs nothing put back:
the transaction staged into a private index under git's `index.lock` (audit/indexlock.py),
which recovery removes with that lock once it has proven both are antt's; a journal of an
older antt, which staged into git's index, has its index entries reset.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# a file Word or an antivirus scanner holds on Windows: retried (named here as before)
from antt_cli.audit.inuse import IN_USE_ATTEMPTS, FileInUse, retrying  # noqa: F401
from antt_cli.audit.inuse import unlink as _unlink  # a file removed if there, retried likewise

# hashlib, socket, uuid and datetime are imported where used: a reading command only looks
# whether a journal is there (`pending`), and must not pay for more.

JOURNAL = "journal.json"
VERSION = 1
WRITING, STAGING, COMMITTING = "writing", "staging", "committing"


def blob_id(data: bytes) -> str:
    """The id git gives this content (`git hash-object`), computed without git."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def new_transaction_id() -> str:
    import uuid
    from datetime import datetime

    return datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:12]


def tmp_name(final: Path, txid: str) -> Path:
    """The temporary file a write to `final` goes through (named, so recovery finds it)."""
    return final.with_name(f".{final.name}.antt-{txid}.tmp")


def backup_name(final: Path, txid: str) -> Path:
    """The second name the prior file is kept under while the transaction runs."""
    return final.with_name(f".{final.name}.antt-{txid}.orig")


# git's ignore rules for antt's own files beside a file being written (`tmp_name`,
# `backup_name`, the recovery's and `_atomic_write`'s temporary files): a person's `git add -A`
# while antt writes, or after a killed command, never stages them.
OWN_FILES = (".*.antt-*.tmp", ".*.antt-*.orig")


def exclude_own_files(gitdir: Path) -> None:
    """Add `OWN_FILES` to the repository's `info/exclude` (the common git dir's, which a linked
    worktree reads) unless they are there; one read of a small file. Best effort: a
    repository where it cannot be written keeps antt's files visible to `git add`."""
    from antt_cli.audit.leftovers import common_dir

    path = common_dir(gitdir) / "info" / "exclude"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        text = ""
    except OSError:
        return
    if all(pattern in text.splitlines() for pattern in OWN_FILES):
        return
    lines = "# antt: its temporary files beside a file it writes (docs/reliability.md)\n"
    lines += "".join(f"{pattern}\n" for pattern in OWN_FILES)
    try:
        path.parent.mkdir(exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(("\n" if text and not text.endswith("\n") else "") + lines)
    except OSError:
        pass


def rename_back(backup: Path, final: Path) -> None:
    """Put the prior file back under its name. When both names are still the same file
    (the write never replaced it) rename() does nothing (POSIX): the second name goes."""
    retrying(lambda: os.replace(backup, final), final)
    _unlink(backup)


def fast_git_dir(root: Path) -> Path | None:
    """`root/.git` (or where a `.git` file points: worktrees, submodules) without running
    git — for the read commands' one look at the journal."""
    dot_git = Path(root) / ".git"
    if dot_git.is_dir():
        return dot_git
    if dot_git.is_file():
        try:
            text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return None
        if text.startswith("gitdir:"):
            return (Path(root) / text.split(":", 1)[1].strip()).resolve()
    return None


def batch_path(gitdir: Path) -> Path:
    """Where a batch of commits (audit/batch.py, `antt adopt`) notes where it began."""
    return Path(gitdir) / "antt" / "batch.json"


def journal_path(gitdir: Path) -> Path:
    return Path(gitdir) / "antt" / JOURNAL


def _atomic_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:  # a full disk: no half-written temporary file stays behind
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


class Journal:
    """The journal of one transaction (see the module's docstring)."""

    def __init__(self, gitdir: Path, txid: str, *, action: str, case_id: str | None, head: str | None) -> None:
        import socket
        from datetime import datetime

        self.path = journal_path(gitdir)
        self.data: dict[str, Any] = {
            "version": VERSION,
            "id": txid,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "time": datetime.now().astimezone().isoformat(timespec="seconds"),
            "started": time.time(),  # when it held the dossier: older git locks are not its own
            "action": action,
            "case": case_id,
            "head": head,
            "phase": WRITING,
            "paths": [],
            "dirs": [],
        }
        self._entries: dict[str, dict] = {}
        self.saved = False

    def add(self, rel: str, *, old: str | None, mode: int | None, new: str | None, tmp: str | None,
            backup: str | None = None) -> None:
        """Record a path before it is written (or deleted); a path written twice keeps its
        first prior state and takes the latest new blob."""
        entry = self._entries.get(rel)
        if entry is None:
            entry = {"path": rel, "old": old, "mode": mode, "new": new, "tmp": tmp, "backup": backup}
            self._entries[rel] = entry
            self.data["paths"].append(entry)
        else:
            entry["new"], entry["tmp"] = new, tmp
        self.save()

    def add_dir(self, rel: str) -> None:
        if rel not in self.data["dirs"]:
            self.data["dirs"].append(rel)
            if self.saved:
                self.save()

    def set_phase(self, phase: str) -> None:
        self.data["phase"] = phase
        self.save()

    def save(self) -> None:
        _atomic_json(self.path, self.data)
        self.saved = True

    def remove(self) -> None:
        if self.saved:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            self.saved = False


# -- recovery ----------------------------------------------------------------------------
def pending(root: Path) -> bool:
    """Is a journal waiting (one stat; no git process)?"""
    gitdir = fast_git_dir(root)
    return gitdir is not None and (journal_path(gitdir).exists() or batch_path(gitdir).exists())


def recover_if_pending(root: Path, notice: Callable[[str], None] | None) -> str | None:
    """For a reading command: when a journal waits, try the lock without waiting and
    recover; when a live writer holds the lock, leave everything to it. Returns
    "completed" | "rolled-back" | None."""
    gitdir = fast_git_dir(root)
    if gitdir is None:
        return None
    from antt_cli.audit.leftovers import tmp_pending

    if not journal_path(gitdir).exists() and not batch_path(gitdir).exists() and not tmp_pending(gitdir):
        return None
    from antt_cli.audit.lock import DossierLock

    lock = DossierLock(root, notice=notice)
    if not lock.try_acquire():
        return None
    try:
        from antt_cli.audit import git as gitq

        return recover(root, gitq.git_dir(root), notice)
    finally:
        lock.release()


def writer_at_work(root: Path, notice: Callable[[str], None] | None = None) -> bool:
    """For a reading command: does a live process hold the dossier lock now? Then it reads
    HEAD's committed state (docs/reliability.md). No lock file: one stat, no git process
    (and audit/lock.py is not even imported). Otherwise the lock is tried without waiting
    (a stale one is cleared, with its notice) and, when taken, given back at once."""
    gitdir = fast_git_dir(root)
    if gitdir is None or not (gitdir / "antt.lock").exists():
        return False
    from antt_cli.audit.lock import DossierLock

    lock = DossierLock(root, notice=notice)
    if lock.try_acquire():
        lock.release()
        return False
    return True


def recover(root: Path, gitdir: Path, notice: Callable[[str], None] | None) -> str | None:
    """Complete or roll back the journal's transaction, then undo a batch a killed process
    left (`batch.json`); the caller holds the dossier lock. Returns "completed" |
    "rolled-back" | "incomplete" | None (nothing to do)."""
    done = _recover_journal(root, gitdir, notice)
    if done == "incomplete":
        return done
    return recover_batch(Path(root), gitdir, notice) or done


def _recover_journal(root: Path, gitdir: Path, notice: Callable[[str], None] | None) -> str | None:
    from antt_cli.audit.indexlock import recover_lock
    from antt_cli.audit.leftovers import clear_dead_git_locks, clear_dead_tmp

    clear_dead_tmp(gitdir, holding=True)
    path = journal_path(gitdir)
    data = _read_journal(path, notice)
    if data is None:
        return None
    try:
        # antt's own index.lock first (proven by its line, or by the private index's file
        # identity): never taken for a git child's lock below, and a half-done swap finished
        lock = recover_lock(gitdir, data.get("index_lock"))
        if _dead_here(data):  # its git child may have died with it, holding git's locks
            clear_dead_git_locks(Path(root), gitdir, _started(data, path), notice)
        return _complete_or_undo(Path(root), gitdir, data, path, notice, lock)
    except FileInUse as exc:  # never exit 3 for a file Word holds: say which one, keep the journal
        _say(notice, "audit.file_in_use", path=str(exc.path), what=_describe(data))
        return "incomplete"


def _complete_or_undo(root: Path, gitdir: Path, data: dict, path: Path,
                      notice: Callable[[str], None] | None, lock: str | None = None) -> str:
    """`lock`: what `indexlock.recover_lock` found at index.lock ("marker", "swapped", None)."""
    from antt_cli.audit import git as gitq

    private = data.get("index_lock")  # a transaction that staged into a private index

    entries = list(data["paths"])
    sha = gitq.commit_with_transaction(root, str(data["id"]), data.get("head"))
    for entry in entries:  # temporary files go either way
        if entry.get("tmp"):
            _unlink(root / entry["tmp"])
    index_backup = (Path(gitdir) / "antt" / str(data["index_backup"])) if data.get("index_backup") else None
    what = _describe(data)
    if sha is not None:
        for entry in entries:
            if entry.get("backup"):
                _unlink(root / entry["backup"])
        if index_backup is not None:
            _unlink(index_backup)
        if private is not None and not _settle_private(root, gitdir, data, lock, True, notice):
            return "incomplete"
        path.unlink()
        _say(notice, "audit.recovered_completed", what=what, sha=sha[:10])
        return "completed"
    taken = _committed_by_hand(root, data)
    for rel in taken:
        _say(notice, "audit.recovered_taken", what=what, path=rel)
    kept = [entry["path"] for entry in reversed(entries)
            if entry["path"] not in taken and _restore_entry(root, entry)]
    for rel in kept:
        _say(notice, "audit.recovered_kept", what=what, path=rel)
    for entry in entries:
        if entry["path"] in taken and entry.get("backup"):
            _unlink(root / entry["backup"])
    if private is not None:
        if not _settle_private(root, gitdir, data, lock, False, notice, taken):
            return "incomplete"
    elif not _restore_index(root, gitdir, data, index_backup, notice, taken):
        return "incomplete"  # the journal stays: the next command tries again
    for rel in reversed(data.get("dirs") or []):
        try:
            (root / rel).rmdir()
        except OSError:
            pass
    path.unlink()
    _say(notice, "audit.recovered_rolled_back", what=what)
    return "rolled-back"


def _settle_private(root: Path, gitdir: Path, data: dict, lock: str | None, landed: bool,
                    notice: Callable[[str], None] | None, taken: set[str] = frozenset()) -> bool:
    """git's index after a transaction that staged into a private index (audit/indexlock.py)
    was killed; `lock`: what `recover_lock` found. Committed (`landed`) with the private
    index not renamed in (git's index is not the file whose identity the journal kept before
    the swap): git's index is brought to the commit for the transaction's paths. Rolled back: git's index was
    never touched — unless the private index was half installed ("swapped"), which `git
    reset` of the paths undoes. The private index goes either way; False when git could not
    reset the paths (the journal stays)."""
    from antt_cli.audit import git as gitq
    from antt_cli.audit.indexlock import drop_private, same_file

    entry = data.get("index_lock")
    if landed:  # in place unless git's index is the very file the private index was
        behind = lock != "swapped" and not same_file(Path(gitdir) / "index", (entry or {}).get("swap"))
    else:
        behind = lock == "swapped"
    if behind:
        paths = [e["path"] for e in data["paths"] if e["path"] not in taken]
        status, err = gitq.unstage(root, paths, unborn=not landed and data.get("head") is None)
        if status != 0:
            _say(notice, "audit.rollback_incomplete", path="git index", detail=gitq.last_lines(err))
            return False
    drop_private(gitdir, entry)
    return True


def undo_batch(root: Path, data: dict, notice: Callable[[str], None] | None) -> bool:
    """Put the branch back at the batch's first HEAD with the files as they were then. False
    (and a notice) when that cannot be done safely: the journal-less state is left for a
    person, `batch.json` kept."""
    from antt_cli.audit import git as gitq

    head, now = data.get("head"), gitq.head_sha(root)
    if not head or now is None or now == head:
        return True
    status, _, _ = gitq._run(root, "merge-base", "--is-ancestor", str(head), now)
    if status != 0 or not _only_antts(root, f"{head}..{now}"):
        # the branch moved elsewhere meanwhile, or a person committed on top of the batch's
        # commits (their work would be undone with them): not ours to undo
        _say(notice, "audit.batch_not_undone", head=str(head)[:10])
        return False
    out = gitq._check(root, "diff", "--name-only", "--no-renames", "-z", str(head), now)
    paths = [p for p in out.split("\0") if p]
    gitq._check(root, "reset", "-q", "--soft", str(head))
    if paths:
        gitq._run(root, "reset", "-q", "--", *[gitq.literal(p) for p in paths])
    for rel in paths:
        full = Path(root).joinpath(*rel.split("/"))
        if gitq._run(root, "cat-file", "-e", f"{head}:{rel}")[0] == 0:
            gitq._run(root, "checkout", "-q", str(head), "--", gitq.literal(rel))
        else:
            _unlink(full)
            _prune(full.parent, Path(root))
    return True


def _only_antts(root: Path, commits: str) -> bool:
    """Whether every commit of the range `commits` is antt's own (carries its
    `Antt-Transaction` trailer): one `git rev-list`."""
    from antt_cli.audit import git as gitq

    status, out, _ = gitq._run(root, "rev-list", "--count", "--invert-grep",
                               f"--grep=^{gitq.TRANSACTION_TRAILER}: ", commits)
    return status == 0 and out.strip() == "0"


def recover_batch(root: Path, gitdir: Path, notice: Callable[[str], None] | None) -> str | None:
    """Undo the batch a killed process left (the caller holds the dossier lock, so no live
    batch is running). Returns "rolled-back", "incomplete" or None (no batch)."""
    path = batch_path(gitdir)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict) or not undo_batch(root, data, notice):
        return "incomplete"
    _unlink(path)
    _say(notice, "audit.batch_rolled_back", action=str(data.get("action") or "?"), head=str(data.get("head"))[:10])
    return "rolled-back"


def _prune(folder: Path, root: Path) -> None:
    """Remove the folders a removed file leaves empty, up to the dossier's root."""
    root = root.resolve()
    folder = folder.resolve()
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _read_journal(path: Path, notice: Callable[[str], None] | None) -> dict | None:
    """The journal's contents, or None when there is none; an unreadable one is set aside
    (it is written through a rename, so never half written: whatever it is, it is not ours)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        list(data["paths"]), str(data["id"])
        return data
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        aside = path.with_name(f"{JOURNAL}.unreadable-{int(time.time())}")
        os.replace(path, aside)
        _say(notice, "audit.journal_unreadable", path=str(aside))
        return None


def _restore_entry(root: Path, entry: dict) -> bool | None:
    """Put one journalled file back as it was: removed when it was new, renamed back from its
    hard-linked backup when there is one (works on a full disk), else rewritten from git.
    True when it was left alone: changed since the killed command wrote it (a hand edit)."""
    from antt_cli.audit import git as gitq

    full = root / entry["path"]
    old = entry.get("old")
    try:
        current = blob_id(full.read_bytes())
    except OSError:
        current = None
    backup = root / entry["backup"] if entry.get("backup") else None
    if current is not None and current not in (old, entry.get("new", current)):
        # neither as it was nor as the killed command wrote it: edited since (the new
        # document opened in Word), the person's work: left as it is (the prior version is
        # the blob `old`, in git: a path is written only when clean)
        if backup is not None:
            _unlink(backup)
        return True
    if old is None:
        _unlink(full)
        return None
    if current == old:
        if backup is not None:
            _unlink(backup)
        return None
    if backup is not None and _holds(backup, old):
        rename_back(backup, full)
        return
    data_old = gitq.blob_bytes(root, old)
    if data_old is None:  # not in the object store: take HEAD's version instead
        gitq.restore_from_head(root, entry["path"])
        return
    full.parent.mkdir(parents=True, exist_ok=True)
    tmp = full.with_name(f".{full.name}.antt-recover.tmp")
    tmp.write_bytes(data_old)
    if entry.get("mode") is not None:
        os.chmod(tmp, int(entry["mode"]) & 0o7777)
    retrying(lambda: os.replace(tmp, full), full)


def _committed_by_hand(root: Path, data: dict) -> set[str]:
    """The journalled paths a person committed as the killed transaction wrote them (`git
    commit -a` after the kill, say): HEAD moved since the transaction began and holds the
    path at the journal's `new` blob. Undoing those would make the working tree and the
    index differ from the person's own commit; they are left as committed. One `git
    ls-tree`, only when HEAD moved."""
    from antt_cli.audit import git as gitq

    if gitq.head_sha(root) in (None, data.get("head")):
        return set()
    written = {e["path"]: e.get("new") for e in data["paths"] if e.get("new")}
    if not written:
        return set()
    try:
        now = gitq.head_blobs(root, list(written))
    except Exception:  # noqa: BLE001 - cannot tell: undo as usual
        return set()
    return {rel for rel, new in written.items() if now.get(rel) == new}


def _restore_index(root: Path, gitdir: Path, data: dict, index_backup: Path | None,
                   notice: Callable[[str], None] | None, taken: set[str] = frozenset()) -> bool:
    """The index as it was before `git add` (its backup renamed back, or the paths unstaged);
    False when git could not unstage them."""
    from antt_cli.audit import git as gitq

    phase = data.get("phase")
    paths = [e["path"] for e in data["paths"] if e["path"] not in taken]
    if phase in (STAGING, COMMITTING) and index_backup is not None and index_backup.exists() \
            and not taken and same_but(root, index_backup, paths):
        rename_back(index_backup, Path(gitdir) / "index")
    elif phase in (STAGING, COMMITTING) and paths:
        status, err = gitq.unstage(root, paths, unborn=data.get("head") is None)
        if status != 0:
            _say(notice, "audit.rollback_incomplete", path="git index", detail=gitq.last_lines(err))
            return False
    if index_backup is not None:
        _unlink(index_backup)
    return True


def same_but(root: Path, index_backup: Path, paths: list[str]) -> bool:
    """Whether git's index holds what its prior copy `index_backup` holds but for `paths` (the
    killed transaction's): then renaming the copy back undoes exactly its staging, writing
    nothing (a full disk). False when someone staged something else since (a person's `git
    add` after the kill), whose work the copy would undo: the paths are unstaged instead.
    Two `git ls-files` (a rare recovery); when git cannot say, the copy is renamed back."""
    from antt_cli.audit import git as gitq

    skip = set(paths)

    def entries(env: dict[str, str] | None) -> set[str] | None:
        status, out, _ = gitq._run(root, "ls-files", "-s", "-v", "-z", env=env)
        if status != 0:
            return None
        return {item for item in out.split("\0") if item and item.partition("\t")[2] not in skip}

    prior, now = entries({"GIT_INDEX_FILE": str(index_backup)}), entries(None)
    return prior is None or now is None or prior == now


def _dead_here(data: dict) -> bool:
    """Was the journal written by a process of this machine that is no longer running?"""
    import socket

    from antt_cli.audit.processes import pid_alive

    try:
        pid = int(data.get("pid"))
    except (TypeError, ValueError):
        return False
    return data.get("host") == socket.gethostname() and pid != os.getpid() and not pid_alive(pid)


def _started(data: dict, path: Path) -> float:
    """When the journal's transaction began (a journal without `started`: its `time`)."""
    try:
        return float(data["started"])
    except (KeyError, TypeError, ValueError):
        pass
    try:
        from datetime import datetime

        return datetime.fromisoformat(str(data["time"])).timestamp()
    except (KeyError, TypeError, ValueError):
        return path.stat().st_mtime


def _holds(path: Path, blob: str) -> bool:
    try:
        return blob_id(path.read_bytes()) == blob
    except OSError:
        return False


def _describe(data: dict) -> str:
    action = data.get("action") or "?"
    case = data.get("case")
    return f"`antt {action}`" + (f" ({case})" if case else "")


def _say(notice: Callable[[str], None] | None, key: str, **params: object) -> None:
    if notice is None:
        return
    from antt_cli.i18n import t

    notice(t(key, **params))
