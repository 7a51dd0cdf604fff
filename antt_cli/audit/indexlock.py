"""antt's hold on git's own `index.lock` through the write window, and the private index it
stages into (docs/reliability.md "Git's index lock through the write").

git guards the index with `.git/index.lock`, created with O_CREAT|O_EXCL by whoever is about
to replace the index; `git add`, `git commit`, `git commit -a` refuse ("Unable to create
'….git/index.lock': File exists") while it is there. git does not know antt's own lock
(`antt.lock`), so a person's `git commit -a` in the middle of a write took antt's written
files. A transaction therefore creates `index.lock` itself, the same way, before the first
byte of a dossier file is written, and holds it until its commit is made or undone:

- the lock file holds one line, `antt-index-lock {"id": …, "pid": …, "host": …}` (git never
  writes that: a lock of git's holds the new index, which begins with `DIRC`), also kept in
  the journal: whoever finds it later can prove it is antt's before removing it;
- git's index itself is not touched meanwhile: antt stages into a private index,
  `.git/antt/index.<id>` — a hard link to the index made while holding the lock (git never
  writes an index in place, always through `<file>.lock` and a rename, so staging there
  leaves the real index's file alone), a copy where hard links are not possible — by
  giving git `GIT_INDEX_FILE` for the runs that stage and commit. A split index's link
  extension names `sharedindex.<id>` in the git dir, where git looks from any index file;
- once the commit is made (`install`), the private index goes to `index.lock` (a rename
  over antt's own lock line: the lock never leaves) and then `index.lock` to `index`, as
  git itself replaces the index; on a failure it is removed and the lock line with it
  (`release`), the index as it was.

A killed transaction leaves the lock line (or, between the two renames, the private index
under the lock's name, whose file identity the journal holds): `recover_lock` puts that
right before anything else of the recovery (audit/journal.py).
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from antt_cli.audit.inuse import FileInUse, retrying
from antt_cli.audit.inuse import unlink as _unlink_retrying
from antt_cli.errors import AnttError

MARKER = b"antt-index-lock "
_READ_AT_MOST = 4096


def lock_path(gitdir: Path) -> Path:
    return Path(gitdir) / "index.lock"


def private_path(gitdir: Path, txid: str) -> Path:
    return Path(gitdir) / "antt" / f"index.{txid}"


def marker_text(txid: str) -> str:
    """The line antt's index.lock holds for the transaction `txid` (this process, this host)."""
    import socket

    return MARKER.decode() + json.dumps({"id": txid, "pid": os.getpid(), "host": socket.gethostname()}) + "\n"


def _read(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(_READ_AT_MOST)
    except OSError:
        return None


def holds_marker(path: Path, text: str) -> bool:
    """Does `path` hold exactly antt's lock line `text`?"""
    return _read(path) == text.encode("utf-8")


def identity(path: Path) -> dict[str, int] | None:
    """What tells one file from another across a rename: device, inode, size and time."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return {"dev": st.st_dev, "ino": st.st_ino, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def same_file(path: Path, known: object) -> bool:
    if not isinstance(known, dict):
        return False
    now = identity(path)
    return now is not None and all(now.get(key) == known.get(key) for key in ("dev", "ino", "size", "mtime_ns"))


def same_as(one: Path, other: Path) -> bool:
    """Are both names the same file (hard links)?"""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _unlink(path: Path) -> bool:
    """Remove `path` if it is there, retried while Windows says it is in use; whether it is gone."""
    try:
        _unlink_retrying(path)
    except (FileInUse, OSError):
        return False
    return True


def _marker_fields(data: bytes | None) -> dict | None:
    """The fields of an antt lock line (`marker_text`), or None for anything else."""
    if data is None or not data.startswith(MARKER):
        return None
    try:
        fields = json.loads(data[len(MARKER):].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return fields if isinstance(fields, dict) else None


def _stale(fields: dict | None) -> bool:
    """Are `fields` (`_marker_fields`) those of a process that is gone (this host, pid not
    running, or this very process, which is between transactions)? Such a line is left only
    when a release failed (a file held open on Windows) after the journal was gone."""
    import socket

    from antt_cli.audit.processes import pid_alive

    if fields is None:
        return False
    try:
        pid = int(fields["pid"])
        host = str(fields["host"])
    except (ValueError, KeyError, TypeError):
        return False
    if host != socket.gethostname():
        return False
    return pid == os.getpid() or not pid_alive(pid)


def clear_stale_marker(gitdir: Path, notice=None) -> bool:
    """Remove an antt lock line left by a process that is gone (`_stale`), saying so
    through `notice`; whether it did. Never touches a lock of git's (it holds an index, not
    antt's line)."""
    path = lock_path(gitdir)
    fields = _marker_fields(_read(path))
    if not (_stale(fields) and _unlink(path)):
        return False
    txid = str(fields.get("id") or "")
    if txid and "/" not in txid and "\\" not in txid:  # its private index, if it made one (no journal named it)
        try:
            drop_private(gitdir, {"private": f"index.{txid}"})
        except OSError:
            pass
    if notice is not None:
        from antt_cli.i18n import t

        notice(t("audit.index_lock_cleared", path=str(path)))
    return True


class IndexLock:
    """One transaction's hold on `index.lock` and its private index (see the module's text)."""

    def __init__(self, gitdir: Path, txid: str) -> None:
        self.gitdir = Path(gitdir)
        self.lock = lock_path(gitdir)
        self.private = private_path(gitdir, txid)
        self.text = marker_text(txid)
        self.held = False
        self.copied = False

    def journal_entry(self) -> dict[str, str]:
        """What the journal keeps, saved before the lock is taken."""
        return {"marker": self.text, "private": self.private.name}

    def acquire(self, deadline: float, seconds: float) -> None:
        """Create `index.lock` (O_CREAT|O_EXCL) holding antt's line, waiting for another git
        process's lock until `deadline` (time.monotonic()), then "dossier busy" (after
        `seconds`, the command's timeout)."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        data = self.text.encode("utf-8")
        while True:
            try:
                fd = os.open(self.lock, flags, 0o666)
            except FileExistsError:
                if clear_stale_marker(self.gitdir):
                    continue
                if time.monotonic() >= deadline:
                    raise AnttError("audit.index_busy", path=str(self.lock), seconds=f"{seconds:g}") from None
                time.sleep(0.05)
                continue
            except OSError as exc:
                raise AnttError("audit.index_lock_failed", path=str(self.lock), detail=exc.strerror or str(exc)) from exc
            try:
                os.write(fd, data)
            except OSError as exc:
                os.close(fd)
                _unlink(self.lock)
                raise AnttError("audit.index_lock_failed", path=str(self.lock), detail=exc.strerror or str(exc)) from exc
            os.close(fd)
            self.held = True
            return

    def copy(self) -> dict[str, str]:
        """Make the private index from git's index (a hard link, else a copy; none when
        there is no index yet) and return the environment of the git runs that use it."""
        if not self.copied:
            self.private.parent.mkdir(exist_ok=True)
            _unlink(self.private)
            source = self.gitdir / "index"
            try:
                os.link(source, self.private)
            except FileNotFoundError:
                pass  # no index yet (a new repository): git makes the private one
            except OSError:
                import shutil

                try:
                    shutil.copyfile(source, self.private)
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    raise AnttError("audit.commit_failed", detail=f"{self.private}: {exc.strerror or exc}") from exc
            self.copied = True
        return self.env()

    def env(self) -> dict[str, str]:
        return {"GIT_INDEX_FILE": str(self.private)}

    def ours(self) -> bool:
        return holds_marker(self.lock, self.text)

    def install(self, before_swap=None, between=None) -> bool:
        """The private index becomes git's index, through `index.lock` as git does it:
        renamed over antt's lock line, then `index.lock` renamed to `index`. `before_swap`
        is called with the private index's file identity first (the journal keeps it);
        `between` between the two renames (a crash point). False, with nothing renamed,
        when the lock is no longer antt's (removed by hand) or there is no private index."""
        if not self.held or not self.copied or not self.ours():
            return False
        index = self.gitdir / "index"
        if same_as(self.private, index):
            # git wrote nothing into the private index (still the link to git's index): there
            # is nothing to install, and renaming one name of a file over another name of
            # the same file does nothing (POSIX), which would leave index.lock behind
            return self.release()
        known = identity(self.private)
        if known is None:
            return False
        if before_swap is not None:
            before_swap(known)
        retrying(lambda: os.replace(self.private, self.lock), self.lock)
        if between is not None:
            between()
        retrying(lambda: os.replace(self.lock, index), index)
        self.held = False
        self.copied = False
        return True

    def release(self) -> bool:
        """Drop the private index (and a lock git left on it) and the lock line, if it is
        still antt's; whether the lock is released."""
        if self.copied:
            _unlink(self.private)
            _unlink(self.private.with_name(self.private.name + ".lock"))
            self.copied = False
        if self.held:
            if self.ours() and not _unlink(self.lock):
                return False
            self.held = False
        return True


def antts_own_lock(path: Path) -> bool:
    """Is `path` antt's index.lock — a lock line, or the private index a journal names on
    its way to `index` — rather than a lock a git process left? (audit/leftovers.py leaves it
    to `recover_lock`.)"""
    if Path(path).name != "index.lock":
        return False
    data = _read(path)
    if data is None:
        return False
    if data.startswith(MARKER):
        return True
    try:  # the journal (audit/journal.py `journal_path`), read here: the journal imports this module
        entry = json.loads((Path(path).parent / "antt" / "journal.json").read_text(encoding="utf-8"))["index_lock"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return isinstance(entry, dict) and same_file(path, entry.get("swap"))


def recover_lock(gitdir: Path, entry: object) -> str | None:
    """What a killed transaction's journal entry `entry` (`journal_entry`, plus `swap`: the
    private index's identity, saved just before it went to `index.lock`) left at
    `index.lock`: "marker" (antt's line, removed), "swapped" (the private index under the
    lock's name: the commit was made, so the rename to `index` is finished), or None
    (nothing of antt's there; a lock of anyone else's is left alone)."""
    if not isinstance(entry, dict):
        return None
    lock = lock_path(gitdir)
    text = entry.get("marker")
    if isinstance(text, str) and holds_marker(lock, text):
        _unlink_retrying(lock)
        return "marker"
    if same_file(lock, entry.get("swap")):
        index = Path(gitdir) / "index"
        if same_as(lock, index):  # the rename was made and the name stayed (see `install`)
            _unlink_retrying(lock)
        else:
            retrying(lambda: os.replace(lock, index), index)
        return "swapped"
    return None


def private_index(gitdir: Path, entry: object) -> Path | None:
    """The private index a journal entry names (in `.git/antt/`, whatever the entry says)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("private"), str):
        return None
    name = Path(entry["private"]).name
    return Path(gitdir) / "antt" / name if name.startswith("index.") else None


def drop_private(gitdir: Path, entry: object) -> None:
    """Remove a killed transaction's private index and git's lock on it."""
    private = private_index(gitdir, entry)
    if private is None:
        return
    _unlink_retrying(private)
    _unlink_retrying(private.with_name(private.name + ".lock"))

