"""antt's hold on git's index.lock and its private index (audit/indexlock.py), piece by piece;
the write path through the CLI is in tests/test_git_states.py and tests/test_crash.py."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from antt_cli.audit import indexlock
from antt_cli.errors import AnttError


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "kho"
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "config", "core.splitIndex", "true"], check=True)
    for i in range(5):
        (root / f"f{i}.txt").write_text(f"{i}\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "add", "."], check=True)
    return root


def _git(root: Path, *args: str, env: dict | None = None) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True,
                          env={**os.environ, **(env or {})}).stdout


def test_staging_goes_to_the_private_index_and_install_replaces_gits(repo):
    gitdir = repo / ".git"
    assert b"link" in (gitdir / "index").read_bytes() and list(gitdir.glob("sharedindex.*"))  # a split index
    held = indexlock.IndexLock(gitdir, "t1")
    held.acquire(time.monotonic() + 1, 1)
    assert (gitdir / "index.lock").read_text(encoding="utf-8") == held.text
    env = held.copy()
    (repo / "moi.txt").write_text("mới\n", encoding="utf-8")
    _git(repo, "-c", "core.splitIndex=true", "update-index", "--add", "--", "moi.txt", env=env)
    assert "moi.txt" not in _git(repo, "ls-files")            # git's index untouched
    assert "moi.txt" in _git(repo, "ls-files", env=env)       # the split index's shared file found from .git/antt
    assert held.install()
    assert not (gitdir / "index.lock").exists() and not held.private.exists()
    assert "moi.txt" in _git(repo, "ls-files")


def test_nothing_staged_leaves_no_lock_behind(repo):
    """A private index git never rewrote is still a hard link to git's index: renaming one name
    of a file over another of the same file does nothing on POSIX, so install releases instead."""
    gitdir = repo / ".git"
    before = (gitdir / "index").read_bytes()
    held = indexlock.IndexLock(gitdir, "t2")
    held.acquire(time.monotonic() + 1, 1)
    held.copy()
    assert held.install()
    assert not (gitdir / "index.lock").exists() and not held.private.exists()
    assert (gitdir / "index").read_bytes() == before


def test_release_drops_the_private_index_and_the_lock(repo):
    gitdir = repo / ".git"
    held = indexlock.IndexLock(gitdir, "t3")
    held.acquire(time.monotonic() + 1, 1)
    env = held.copy()
    _git(repo, "rm", "-q", "--cached", "f1.txt", env=env)
    assert held.release()
    assert not (gitdir / "index.lock").exists() and not held.private.exists()
    assert "f1.txt" in _git(repo, "ls-files")


def test_a_foreign_lock_is_waited_for_then_busy_and_left_alone(repo):
    lock = repo / ".git" / "index.lock"
    lock.write_bytes(b"DIRC")
    held = indexlock.IndexLock(repo / ".git", "t4")
    with pytest.raises(AnttError) as refused:
        held.acquire(time.monotonic() + 0.2, 0.2)
    assert refused.value.key == "audit.index_busy"
    assert lock.read_bytes() == b"DIRC"
    assert indexlock.recover_lock(repo / ".git", held.journal_entry()) is None
    assert not indexlock.antts_own_lock(lock)
    assert lock.read_bytes() == b"DIRC"


def test_recovery_removes_its_line_and_finishes_a_half_done_swap(repo):
    gitdir = repo / ".git"
    held = indexlock.IndexLock(gitdir, "t5")
    held.acquire(time.monotonic() + 1, 1)
    entry = held.journal_entry()
    assert indexlock.antts_own_lock(gitdir / "index.lock")
    assert indexlock.recover_lock(gitdir, entry) == "marker"
    assert not (gitdir / "index.lock").exists()

    held = indexlock.IndexLock(gitdir, "t6")
    held.acquire(time.monotonic() + 1, 1)
    env = held.copy()
    (repo / "moi.txt").write_text("mới\n", encoding="utf-8")
    _git(repo, "update-index", "--add", "--", "moi.txt", env=env)
    entry = {**held.journal_entry(), "swap": indexlock.identity(held.private)}
    os.replace(held.private, gitdir / "index.lock")  # killed between the two renames
    assert indexlock.recover_lock(gitdir, entry) == "swapped"
    assert not (gitdir / "index.lock").exists()
    assert "moi.txt" in _git(repo, "ls-files")


def test_a_lock_line_of_a_process_that_is_gone_goes_with_its_private_index(repo):
    import json
    import socket
    import sys

    gitdir = repo / ".git"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (gitdir / "antt").mkdir()
    private = gitdir / "antt" / "index.t7"
    private.write_bytes(b"DIRC")
    lock = gitdir / "index.lock"
    lock.write_text("antt-index-lock " + json.dumps({"id": "t7", "pid": dead.pid, "host": socket.gethostname()})
                    + "\n", encoding="utf-8")
    said = []
    assert indexlock.clear_stale_marker(gitdir, said.append)
    assert not lock.exists() and not private.exists() and len(said) == 1
    lock.write_text("antt-index-lock " + json.dumps({"id": "t8", "pid": dead.pid, "host": "elsewhere"}) + "\n",
                    encoding="utf-8")
    assert not indexlock.clear_stale_marker(gitdir)  # another host's: cannot tell, left alone
    assert lock.exists()
