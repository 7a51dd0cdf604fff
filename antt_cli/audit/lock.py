"""The dossier lock: one writing command at a time (CLI.md "Global").

A file `antt.lock` in the git dir (never tracked, never synced) created with
O_CREAT|O_EXCL, which is atomic on every platform antt runs on, holding who took it:
pid, host, time, command. A second writer polls until the timeout and then refuses with
"dossier busy". A lock whose process is gone (same host, pid not running) — or that is
unreadable and older than a minute — is stale: it is removed with a notice and taken.
No fcntl/msvcrt byte locks: they vanish silently on some network shares and a lock file
can be inspected and, as a last resort, deleted by a person.
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

from antt_cli.errors import AnttError

DEFAULT_TIMEOUT = 10.0
STALE_UNREADABLE_AFTER = 60.0  # seconds: a lock file still empty after this is left over
POLL_INTERVAL = 0.05
WAIT_NOTICE_AFTER = 1.0


def pid_alive(pid: int) -> bool:
    """Is a process with this pid running on this machine?"""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return False
    return True


def _pid_alive_windows(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    process_query_limited_information = 0x1000
    still_active = 259
    error_access_denied = 5
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == error_access_denied
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _timeout_from_env() -> float:
    value = os.environ.get("ANTT_LOCK_TIMEOUT")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            pass
    return DEFAULT_TIMEOUT


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
        self.timeout = _timeout_from_env() if timeout is None else timeout
        self.notice = notice
        self.path: Path | None = None
        self._token = ""

    # -- the lock file -----------------------------------------------------------------
    def _lock_path(self) -> Path:
        from antt_cli.audit.git import git_dir

        return git_dir(self.root) / "antt.lock"

    def _try_create(self, path: Path) -> bool:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            return False
        except PermissionError:
            # Windows reports a file that is being deleted as "access denied": treat as held.
            if path.exists() or os.name == "nt":
                return False
            raise
        self._token = uuid.uuid4().hex
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "time": datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": _command_line(),
            "token": self._token,
        }
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(info, handle, ensure_ascii=False)
        return True

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
        if self.notice is not None:
            from antt_cli.i18n import t

            pid = holder.get("pid", "?") if holder else "?"
            self.notice(t("audit.stale_lock", pid=pid, path=str(path)))

    # -- acquire / release -------------------------------------------------------------
    def acquire(self) -> None:
        path = self._lock_path()
        deadline = time.monotonic() + self.timeout
        started = time.monotonic()
        told_waiting = False
        while True:
            try:
                if self._try_create(path):
                    self.path = path
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
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass

    @property
    def held(self) -> bool:
        return self.path is not None

    def __enter__(self) -> DossierLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
