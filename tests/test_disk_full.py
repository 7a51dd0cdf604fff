"""A full disk (docs/reliability.md "A full disk"; issue 10 point 7): the rollback writes
nothing new — the prior files are hard links renamed back, git's index was never touched (the staging
went to a private index, dropped with antt's index.lock) — so a
command that fails because the disk filled up in the middle of its write leaves the dossier
exactly as it was, and it never says "put back" unless every file was.

The dossier lives on a small tmpfs the test mounts (root on Linux); elsewhere the test is
skipped with the reason. The disk is filled at an exact moment through the
`ANTT_TEST_PAUSE` hook (audit/faults.py)."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import build_steps, git, new_model, snapshot

RECORD_FIRST = ["record", "MH-2025-001", *build_steps(False)[0]]


@pytest.fixture
def small_disk(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    where = Path(f"/tmp/antt-full-{uuid.uuid4().hex[:8]}")
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)
        shutil.rmtree(where, ignore_errors=True)


def fill(disk: Path) -> Path:
    """Take every free byte of the file system."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        for size in (1 << 16, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return filler


@pytest.mark.parametrize("point", ["before-commit", "staged"])
def test_disk_full_in_the_commit_rolls_back_without_space(dossier, small_disk, tmp_path, point):
    new_model(dossier, linked=False)
    root = Path(shutil.copytree(dossier, small_disk / "dossier"))
    before = snapshot(root)
    go = tmp_path / "go"
    proc = subprocess.Popen([sys.executable, "-m", "antt_cli", "--dossier", str(root), *RECORD_FIRST],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env={**os.environ, "ANTT_LANG": "en", "ANTT_TEST_PAUSE": point,
                                 "ANTT_TEST_PAUSE_FILE": str(go)})
    deadline = time.monotonic() + 60
    while not go.with_name("go.paused").exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    filler = fill(small_disk)  # the files are written (and staged): now there is no byte left
    go.write_text("")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    journal = root / ".git" / "antt" / "journal.json"
    still_full = not journal.exists()
    assert "could not restore" not in err, err
    assert "Traceback" not in err
    filler.unlink()  # room again, only to look: no antt command runs before the checks
    assert still_full, err
    assert snapshot(root) == before, err
    assert [p.name for p in root.rglob("*.orig")] == [] and [p.name for p in root.rglob("*.tmp")] == []
    assert git(root, "diff", "--cached", "--name-only") == ""


def test_an_incomplete_rollback_never_says_put_back(dossier, monkeypatch):
    """When a file cannot be put back (here: renaming the prior file back fails), the error
    says so and names it; the journal is kept and the next command finishes the rollback."""
    from conftest import antt

    from antt_cli.audit import transaction

    new_model(dossier, linked=False)
    before = snapshot(dossier)
    real_replace = os.replace

    def hook_refuses(self):
        raise transaction.AnttError("audit.commit_failed", detail="hook said no")

    def no_rename_back(src, dst):
        if str(src).endswith(".orig"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(transaction.Transaction, "_commit", lambda self: (setattr(self, "_done", False),
                                                                          self.rollback(), hook_refuses(self)))
    monkeypatch.setattr(transaction.os, "replace", no_rename_back)
    result = antt(*RECORD_FIRST, root=dossier, lang="en")
    assert result.exit_code == 1, result
    assert "put back as it was" not in result.stderr and "could not yet put back" in result.stderr, result.stderr
    assert "case.yaml" in result.stderr
    assert (dossier / ".git" / "antt" / "journal.json").exists()
    monkeypatch.undo()
    again = antt("status", root=dossier, lang="en")
    assert again.exit_code == 0 and "rolled it back" in again.stderr, again
    assert snapshot(dossier) == before
