"""Recovery knows git's own locks (docs/reliability.md "Git's lock files"; issue 10 point 2):
a transaction whose process group was killed inside `git commit` leaves `HEAD.lock`, the
branch's ref lock, `index.lock` and `next-index-*.lock`; the next command clears them (the
journal shows an interrupted antt transaction whose process is dead, the locks are younger
than it, and no live git process works in the repository) and the next write succeeds. A
live git's lock is never cleared: the refusal quotes git's whole error, path included.
antt's own temporary files of dead processes go too."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import antt, antt_process, build_steps, commit_count, git, new_model, snapshot

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX process groups and hooks")

RECORD_FIRST = ["record", "MH-2025-001", *build_steps(False)[0]]

# git runs this hook while it holds HEAD.lock and the branch's lock ("prepared"): killing the
# whole process group there is `kill -9 -<pgid>` at the worst moment of `git commit`.
KILL_GROUP_HOOK = """#!/bin/sh
if [ "$1" = prepared ]; then
    ls "$(git rev-parse --git-dir)" > "$(git rev-parse --git-dir)/locks-at-kill.txt"
    kill -9 0
fi
cat >/dev/null
"""


@pytest.fixture
def opened(dossier) -> Path:
    new_model(dossier, linked=False)
    return dossier


def git_locks(root: Path) -> list[str]:
    gitdir = root / ".git"
    found = [p.name for p in gitdir.glob("*.lock") if p.name != "antt.lock"]
    found += [str(p.relative_to(gitdir)) for p in (gitdir / "refs").rglob("*.lock")]
    return sorted(found)


def killed_inside_git_commit(root: Path) -> None:
    hook = root / ".git" / "hooks" / "reference-transaction"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text(KILL_GROUP_HOOK)
    hook.chmod(0o755)
    done = subprocess.run([sys.executable, "-m", "antt_cli", "--dossier", str(root), *RECORD_FIRST],
                          capture_output=True, text=True, env={**os.environ, "ANTT_LANG": "en"},
                          start_new_session=True)  # its own process group, which the hook kills
    hook.unlink()
    assert done.returncode == -signal.SIGKILL, done.stderr
    at_kill = (root / ".git" / "locks-at-kill.txt").read_text()
    (root / ".git" / "locks-at-kill.txt").unlink()
    assert "HEAD.lock" in at_kill and "index.lock" in at_kill


def test_a_group_killed_inside_git_commit_is_recovered_by_the_next_command(opened):
    head = git(opened, "rev-parse", "HEAD")
    killed_inside_git_commit(opened)
    left = git_locks(opened)
    assert "HEAD.lock" in left and "index.lock" in left and "refs/heads/main.lock" in left, left
    assert any(name.startswith("next-index-") for name in left), left

    result = antt("status", root=opened, lang="en")  # a read recovers too
    assert result.exit_code == 0, result
    assert "rolled it back" in result.stderr, result.stderr
    assert git_locks(opened) == []
    assert git(opened, "rev-parse", "HEAD") == head
    assert git(opened, "status", "--porcelain", "--untracked-files=all") == ""

    before = commit_count(opened)
    again = antt(*RECORD_FIRST, root=opened)
    assert again.exit_code == 0, again
    assert commit_count(opened) == before + 1


def test_the_next_write_recovers_as_well(opened):
    killed_inside_git_commit(opened)
    before = commit_count(opened)
    done = antt_process("--dossier", str(opened), *RECORD_FIRST, env={"ANTT_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert commit_count(opened) == before + 1 and git_locks(opened) == []
    assert git(opened, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_live_gits_lock_is_never_cleared(opened):
    """The same leftovers, but a git process is alive in the repository: its locks may be its
    own, so they stay, and the refusal names the lock file."""
    killed_inside_git_commit(opened)
    holder = subprocess.Popen(["git", "hash-object", "--stdin"], cwd=opened, stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)  # a live git working in the dossier
    try:
        (opened / ".git" / "index.lock").unlink()  # so that the write gets as far as `git commit`
        result = antt(*RECORD_FIRST, root=opened, lang="en")
        assert "HEAD.lock" in git_locks(opened)
    finally:
        holder.communicate(b"")
    assert result.exit_code == 1, result
    # git's whole sentence, with the lock's full path (HEAD.lock or the branch's, whichever git met first)
    assert f"Unable to create '{opened / '.git'}" in result.stderr and ".lock': File exists" in result.stderr, \
        result.stderr


def test_a_refusal_quotes_gits_whole_error_with_the_path(opened):
    (opened / ".git" / "HEAD.lock").write_text("")  # a foreign lock: no journal says it is antt's
    before = snapshot(opened)
    result = antt(*RECORD_FIRST, root=opened, lang="en")
    assert result.exit_code == 1, result
    assert "HEAD.lock': File exists" in result.stderr, result.stderr
    assert snapshot(opened) == before
    assert (opened / ".git" / "HEAD.lock").exists()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_temporary_files_of_dead_processes_are_removed_by_the_next_command(opened):
    gitdir = opened / ".git"
    pid = dead_pid()
    (gitdir / "antt").mkdir(exist_ok=True)
    leftovers = [gitdir / "antt" / f"journal.json.{pid}.tmp", gitdir / f"antt.lock.{pid}.0badc0de.tmp"]
    live = [gitdir / "antt" / f"journal.json.{os.getpid()}.tmp"]  # a live process's: kept
    for path in leftovers + live:
        path.write_text("{")
    old = time.time() - 10
    for path in leftovers + live:
        os.utime(path, (old, old))
    result = antt("status", root=opened, lang="en")
    assert result.exit_code == 0, result
    assert [p for p in leftovers if p.exists()] == []
    assert all(p.exists() for p in live)
    live[0].unlink()
