"""What a killed antt leaves besides its journal: git's own lock files, made by the git
child that died with it, and antt's temporary files (docs/reliability.md "Git's lock files").

git guards the index and each ref with a lock file created with O_EXCL (`index.lock`,
`next-index-<pid>.lock` of `git commit --only`, `HEAD.lock`, `refs/heads/<branch>.lock`,
`packed-refs.lock`) and removes it when it finishes. Killed with its parent (a killed
process group, a closed terminal), git leaves them, and every later `git commit` fails
with "Unable to create '….lock': File exists" until someone removes them.

How antt knows a lock is its own (it never removes a live git's lock):

1. an antt command was interrupted: the caller holds the dossier lock and either found a
   journal whose process (`pid` on this `host`) is dead, or cleared a stale `antt.lock`
   of a dead process. While that process held the dossier lock no other antt ran git in
   the dossier;
2. the git lock is younger than that process's hold on the dossier (`since`, with a
   second of slack for file systems that keep whole seconds) — an older lock was there
   before it and is someone else's business;
3. no git process is alive with its working folder in the dossier (Linux: `/proc`; a
   process whose folder cannot be read counts as alive). A live one may be the user's own
   git holding that lock, or the dead antt's orphaned child finishing its work: antt waits
   up to two seconds for it and, if it is still there, leaves every lock alone. Where
   there is no `/proc` (Windows, macOS) a lock that survives the two seconds is cleared:
   a git command holds these locks for milliseconds.

antt's own `index.lock` (audit/indexlock.py: its lock line, or the private index on its way
to `index` that the journal names) is not one of these: the journal's recovery deals with it.

A lock that fails any of these stays, and git's refusal (quoted whole by antt, with the
path) tells the user which file it is.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

GRACE = 2.0  # seconds a live git in the dossier gets to finish and drop its locks
SLACK = 1.0  # seconds: lock times are compared with whole-second precision on some file systems


def common_dir(gitdir: Path) -> Path:
    """Where refs live: the git dir itself, or the main one of a linked worktree."""
    pointer = Path(gitdir) / "commondir"
    try:
        text = pointer.read_text(encoding="utf-8").strip()
    except OSError:
        return Path(gitdir)
    return (Path(gitdir) / text).resolve()


def git_lock_files(gitdir: Path) -> list[Path]:
    """git's lock files in this repository: `*.lock` in the git dir (index.lock,
    next-index-*.lock, HEAD.lock, packed-refs.lock, …; never antt's own `antt.lock`) and
    under `refs/`."""
    gitdir = Path(gitdir)
    found = [p for p in gitdir.glob("*.lock") if p.name != "antt.lock"]
    common = common_dir(gitdir)
    if common != gitdir:
        found += [p for p in common.glob("*.lock") if p.name != "antt.lock" and not p.name.startswith("index")]
    found += list((common / "refs").rglob("*.lock"))
    return found


def live_git_in(root: Path, gitdir: Path) -> bool | None:
    """Is a git process alive with its working folder in the dossier or its git dir?
    None when this system cannot tell (no /proc)."""
    proc = Path("/proc")
    if not (proc / "self" / "cwd").exists():
        return None
    places = {os.path.realpath(root), os.path.realpath(gitdir), os.path.realpath(common_dir(gitdir))}
    me = os.getpid()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            name = (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        if name != "git" and not name.startswith("git-"):
            continue
        try:
            cwd = os.readlink(entry / "cwd")
        except FileNotFoundError:  # gone meanwhile
            continue
        except OSError:  # another user's process: it may be working here
            return True
        if any(cwd == place or cwd.startswith(place.rstrip(os.sep) + os.sep) for place in places):
            return True
    return False


def clear_dead_git_locks(root: Path, gitdir: Path, since: float,
                         notice: Callable[[str], None] | None = None) -> list[str]:
    """Remove git's lock files left by the interrupted antt that took the dossier at
    `since` (a time.time() value); the caller holds the dossier lock and has made sure that
    process is dead (see the module's docstring). Returns the names removed."""
    from antt_cli.audit.indexlock import antts_own_lock

    candidates = [p for p in git_lock_files(gitdir) if _mtime(p) >= since - SLACK and not antts_own_lock(p)]
    if not candidates:
        return []
    deadline = time.monotonic() + GRACE
    while True:
        candidates = [p for p in candidates if p.exists()]
        if not candidates:
            return []  # the git that held them finished
        busy = live_git_in(root, gitdir)
        if busy is False:
            break
        if time.monotonic() >= deadline:
            if busy:
                return []  # a live git works here: the locks may be its own
            break  # no way to tell, and nothing dropped them within the grace
        time.sleep(0.05)
    removed = []
    base = common_dir(gitdir)
    for path in candidates:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue
        try:
            removed.append(path.relative_to(gitdir).as_posix())
        except ValueError:
            removed.append(path.relative_to(base).as_posix())
    if removed and notice is not None:
        from antt_cli.i18n import t

        notice(t("audit.git_locks_cleared", files=", ".join(sorted(removed)), path=str(gitdir)))
    return removed


def clear_dead_tmp(gitdir: Path, *, holding: bool) -> None:
    """antt's own temporary files of dead processes: `antt.lock.<pid>.<token>.tmp` (a
    process killed while taking the lock) and, when the caller holds the dossier lock
    (`holding`: nobody else may write a journal now), `antt/journal.json.<pid>.tmp`."""
    from antt_cli.audit.processes import pid_alive

    gitdir = Path(gitdir)
    patterns = [(gitdir, "antt.lock.*.tmp", 2)]
    if holding:
        patterns.append((gitdir / "antt", "journal.json.*.tmp", 2))
    me = os.getpid()
    for folder, pattern, at in patterns:
        for tmp in folder.glob(pattern):
            try:
                pid = int(tmp.name.split(".")[at])
            except (IndexError, ValueError):
                continue
            if pid == me or pid_alive(pid):
                continue
            try:
                tmp.unlink()
            except OSError:
                pass


def tmp_pending(gitdir: Path) -> bool:
    """Is any temporary file of antt's lying in the git dir (two folder listings)?"""
    gitdir = Path(gitdir)
    return any(gitdir.glob("antt.lock.*.tmp")) or any((gitdir / "antt").glob("journal.json.*.tmp"))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
