"""The dossier lock: one writing command at a time (docs/commands.md "Global").

A file `antt.lock` in the git dir (never tracked, never synced) holding who took it: pid,
host, time, command. It is written complete into a temporary file first and then
hard-linked to its name (`link` fails when the name exists, atomically, like O_EXCL), so
the lock file is either absent or complete — never empty or half written, even when the
process is killed while taking it. A second writer polls until the deadline and then
refuses with "dossier busy". A lock whose process is gone (same host, pid not running) is
stale: it is removed with a notice and taken. An empty or unreadable lock file cannot come
from a live antt (see above), so it is cleared as soon as it is a second old (the grace
covers file systems without hard links, where the file is created, then written).
No fcntl/msvcrt byte locks (nor `filelock`, which wraps them): they vanish silently on
some network shares, and the holder's pid, host and command, which "dossier busy" names,
would still need a file of their own; a lock file can be inspected and, as a last resort,
deleted by a person. Where hard links are missing (FAT/exFAT sticks, some shares: EINVAL,
Windows errors 1/50/87) the file is created with O_EXCL instead.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from antt_cli.audit.processes import pid_alive
from antt_cli.errors import AnttError

import errno as _errno

DEFAULT_TIMEOUT = 10.0
# A file system without hard links (FAT/exFAT USB sticks, some network shares) refuses
# `link` with one of these. CPython on Windows maps ERROR_INVALID_FUNCTION (1),
# ERROR_NOT_SUPPORTED (50) and ERROR_INVALID_PARAMETER (87) to EINVAL.
_NO_LINK_ERRNOS = {getattr(_errno, name) for name in ("EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV",
                                                        "EMLINK", "EINVAL") if hasattr(_errno, name)}
_NO_LINK_WINERRORS = {1, 50, 87}
RELEASE_ATTEMPTS = 5
# Tokens of locks this process released but could not delete (Windows: another process had
# the file open to read who holds it). The file still names this pid, so without this the
# same process would find itself "busy" on its next command (the demo runs many).
_UNDELETED_TOKENS: set[str] = set()
STALE_UNREADABLE_AFTER = 1.0  # seconds: an empty/unreadable lock older than this is left over
POLL_INTERVAL = 0.05
WAIT_NOTICE_AFTER = 1.0


def timeout_from_env() -> float:
    value = os.environ.get("ANTT_LOCK_TIMEOUT")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            pass
    return DEFAULT_TIMEOUT


def no_hard_links(exc: OSError) -> bool:
    """Does this error from `os.link` mean the file system has no hard links?"""
    return exc.errno in _NO_LINK_ERRNOS or getattr(exc, "winerror", None) in _NO_LINK_WINERRORS


def _command_line() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    return " ".join([name, *sys.argv[1:3]])[:200]


class DossierLock:
    """`with DossierLock(root): ...` — hold the dossier's write lock for the block."""

    def __init__(
        self,
        root: Path,
        timeout: float | None = None,
        notice: Callable[[str], None] | None = None,
    ) -> None:
        self.root = Path(root)
        self.timeout = timeout_from_env() if timeout is None else timeout
        self.notice = notice
        self.path: Path | None = None
        self._token = ""
        self._stale_since: float | None = None  # when a dead antt took the lock we cleared

    # -- the lock file -----------------------------------------------------------------
    def _lock_path(self) -> Path:
        from antt_cli.audit.git import git_dir

        return git_dir(self.root) / "antt.lock"

    def _try_create(self, path: Path) -> bool:
        """Take the lock if free: the whole JSON goes into a private temporary file, which is
        then hard-linked to `antt.lock` (atomic; fails if the lock exists)."""
        token = uuid.uuid4().hex
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "time": datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": _command_line(),
            "token": token,
        }
        data = json.dumps(info, ensure_ascii=False).encode("utf-8")
        tmp = path.with_name(f"antt.lock.{os.getpid()}.{token[:8]}.tmp")
        with open(tmp, "xb") as handle:
            handle.write(data)
        try:
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
            except PermissionError:
                # Windows reports a file that is being deleted as "access denied": treat as held.
                if path.exists() or os.name == "nt":
                    return False
                raise
            except (NotImplementedError, OSError) as exc:
                if isinstance(exc, OSError) and not no_hard_links(exc):
                    raise
                if not self._create_exclusive(path, data):  # no hard links here (FAT, some shares)
                    return False
        finally:
            try:
                tmp.unlink()
            except OSError:
                pass
        self._token = token
        return True

    @staticmethod
    def _create_exclusive(path: Path, data: bytes) -> bool:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return True

    def _after_taking(self, path: Path) -> None:
        """What a killed antt left: temporary files of dead processes, and — when the lock
        just cleared was a dead process's — the git locks its git child left
        (audit/leftovers.py says how they are told from a live git's)."""
        from antt_cli.audit.leftovers import clear_dead_git_locks, clear_dead_tmp

        from antt_cli.audit.indexlock import clear_stale_marker

        clear_dead_tmp(path.parent, holding=True)
        clear_stale_marker(path.parent, self.notice)  # antt's own index.lock line of a process that is gone
        since, self._stale_since = self._stale_since, None
        if since is not None:
            clear_dead_git_locks(self.root, path.parent, since, self.notice)

    @staticmethod
    def read_holder(path: Path) -> dict | None:
        """Who holds the lock (the JSON in the file); None when unreadable or empty."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _is_stale(self, path: Path, holder: dict | None) -> bool:
        if holder is None:
            try:
                age = time.time() - path.stat().st_mtime
            except OSError:
                return False  # released meanwhile: just try again
            return age > STALE_UNREADABLE_AFTER
        if holder.get("host") != socket.gethostname():
            return False  # another machine on a shared folder: its pid means nothing here
        if holder.get("token") in _UNDELETED_TOKENS and holder.get("pid") == os.getpid():
            return True  # this process released it; only the file was left behind
        try:
            pid = int(holder.get("pid"))
        except (TypeError, ValueError):
            return True
        return not pid_alive(pid)

    def _remove_stale(self, path: Path, holder: dict | None) -> None:
        """Move the stale file aside, then make sure it was the one judged stale (another
        process may have cleared it and taken the lock in between); if not, put it back."""
        aside = path.with_name(f"antt.lock.stale-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        try:
            os.rename(path, aside)
        except OSError:
            return
        try:
            since = aside.stat().st_mtime
        except OSError:
            since = time.time()
        if self.read_holder(aside) != holder:
            try:
                if not path.exists():
                    os.rename(aside, path)
                    return
            except OSError:
                pass
        try:
            aside.unlink()
        except OSError:
            pass
        if holder and holder.get("token") in _UNDELETED_TOKENS:  # our own leftover: no notice
            _UNDELETED_TOKENS.discard(holder.get("token"))
            return
        self._stale_since = since if self._stale_since is None else min(since, self._stale_since)
        if self.notice is not None:
            from antt_cli.i18n import t

            pid = holder.get("pid", "?") if holder else "?"
            self.notice(t("audit.stale_lock", pid=pid, path=str(path)))

    # -- acquire / release -------------------------------------------------------------
    def acquire(self, deadline: float | None = None) -> None:
        """Take the lock, waiting until `deadline` (a `time.monotonic()` value; default: now
        plus the timeout), then refuse with "dossier busy"."""
        path = self._lock_path()
        started = time.monotonic()
        deadline = started + self.timeout if deadline is None else deadline
        told_waiting = False
        while True:
            try:
                if self._try_create(path):
                    self.path = path
                    self._after_taking(path)
                    return
            except OSError as exc:
                raise AnttError("audit.lock_failed", path=str(path), detail=str(exc)) from exc
            holder = self.read_holder(path)
            if self._is_stale(path, holder):
                self._remove_stale(path, holder)
                continue
            now = time.monotonic()
            if now >= deadline:
                holder = holder or {}
                raise AnttError(
                    "audit.busy",
                    pid=holder.get("pid", "?"),
                    host=holder.get("host", "?"),
                    time=holder.get("time", "?"),
                    command=holder.get("command", "?"),
                    path=str(path),
                )
            if not told_waiting and self.notice is not None and now - started >= WAIT_NOTICE_AFTER:
                from antt_cli.i18n import t

                self.notice(t("audit.waiting", pid=(holder or {}).get("pid", "?")))
                told_waiting = True
            time.sleep(min(POLL_INTERVAL, max(0.0, deadline - now)))

    def release(self) -> None:
        path, self.path = self.path, None
        if path is None:
            return
        holder = self.read_holder(path)
        if holder is not None and holder.get("token") != self._token:
            return  # not ours any more (someone judged it stale and took it): leave it
        for attempt in range(RELEASE_ATTEMPTS):
            try:
                path.unlink()
                return
            except FileNotFoundError:
                return
            except OSError:  # Windows: a reader has it open for a moment
                if attempt < RELEASE_ATTEMPTS - 1:
                    time.sleep(0.02 * (attempt + 1))
        _UNDELETED_TOKENS.add(self._token)

    def try_acquire(self) -> bool:
        """Take the lock without waiting (stale locks are still cleared); False when a live
        process holds it."""
        try:
            self.acquire(deadline=time.monotonic())
        except AnttError as exc:
            if exc.key == "audit.busy":
                return False
            raise
        return True

    @property
    def held(self) -> bool:
        return self.path is not None

    def __enter__(self) -> DossierLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
