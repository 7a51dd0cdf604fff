"""Say what happened (docs/commands.md "Global", exit status): after the commit
nothing turns success into failure — an encoding the output lacks, COLUMNS=abc, a full or
closed stdout, Ctrl-C — and a notice names the commit; exit 1 and 3 mean nothing changed;
a bug exits 3 with the traceback in last-error.log; a reading command leaves a live
writer's journal alone."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from conftest import antt, build_steps, commit_count, git, new_model, refused, snapshot

RECORD_FIRST = ["record", "MH-2025-001", *build_steps(False)[0]]
NEW = ["new-model", "Tổ an ninh thôn Phú Hải", "--area", "Thôn Phú Hải", "--date", "2025-09-01"]


@pytest.fixture
def opened(dossier) -> Path:
    new_model(dossier, linked=False)
    return dossier


def shell(root: Path, args: list[str], redirect: str = "", **env: str) -> subprocess.CompletedProcess:
    """antt through a shell, so that stdout can be sent to /dev/full or closed."""
    import shlex

    line = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "antt_cli", "--dossier", str(root), *args])
    script = f"{line} {redirect}; exit ${{PIPESTATUS[0]}}" if redirect.startswith("|") else f"{line} {redirect}"
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env={**os.environ, "ANTT_LANG": "en", **env})


@pytest.mark.skipif(os.name == "nt", reason="POSIX shell redirections")
@pytest.mark.parametrize("redirect, env", [
    ("", {"PYTHONIOENCODING": "cp1258"}),
    ("", {"COLUMNS": "abc"}),
    (">/dev/full", {}),
    (">&-", {}),
    ("| true", {}),
], ids=["cp1258", "columns-abc", "dev-full", "closed-stdout", "broken-pipe"])
def test_output_failure_after_the_commit_is_still_success(dossier, redirect, env):
    if redirect == ">/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    before = commit_count(dossier)
    done = shell(dossier, NEW, redirect, **env)
    assert done.returncode == 0, done.stderr
    assert commit_count(dossier) == before + 1
    sha = git(dossier, "rev-parse", "HEAD").strip()
    if redirect in (">/dev/full", ">&-"):
        assert sha[:10] in done.stderr and "committed" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "Internal" not in done.stderr
    assert git(dossier, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (dossier / ".git" / "antt.lock").exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX shell redirections")
def test_reading_into_a_full_disk_is_a_plain_failure(opened):
    done = shell(opened, ["status"], ">/dev/full")
    assert done.returncode == 1, done.stderr
    assert "nothing was changed" in done.stderr and "Traceback" not in done.stderr
    done = shell(opened, ["--json", "status"], "", PYTHONIOENCODING="cp1258", COLUMNS="abc")
    assert done.returncode == 0 and json.loads(done.stdout)[0]["name"] == "Tổ tự quản thôn Lâm Giáo"


def test_ctrl_c_before_the_commit_rolls_back(opened, monkeypatch):
    from antt_cli.audit.transaction import Transaction

    def interrupted(self, relpath, text):
        raise KeyboardInterrupt

    monkeypatch.setattr(Transaction, "write_text", interrupted)
    result = refused(opened, *RECORD_FIRST, code=130)  # docs/reliability.md: Ctrl-C before the commit exits 130
    assert "rolled back" in result.stderr or "hoàn lại" in result.stderr
    assert not (opened / ".git" / "antt" / "journal.json").exists()


def test_ctrl_c_after_the_commit_says_committed(opened, monkeypatch):
    from antt_cli.cli import case_cmds

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(case_cmds, "emit", interrupted)
    before = commit_count(opened)
    result = antt(*RECORD_FIRST, root=opened)
    assert result.exit_code == 0, result
    assert commit_count(opened) == before + 1
    assert git(opened, "rev-parse", "HEAD").strip()[:10] in result.stderr


SIGINT_AT = textwrap.dedent("""
    import os, signal, sys
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a background test runner may ignore it
    from antt_cli.audit import transaction
    real = transaction.crash_point
    target = sys.argv[1]
    def point(name):
        if name == target:
            os.kill(os.getpid(), signal.SIGINT)   # Ctrl-C exactly here
        real(name)
    transaction.crash_point = point
    sys.argv = ["antt", *sys.argv[2:]]
    from antt_cli.cli.app import main
    main()
""")


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("point", ["written", "before-commit", "staged", "after-commit"])
def test_real_sigint_in_the_write_window_tells_the_truth(opened, point):
    before = snapshot(opened)
    head = before[1]
    done = subprocess.run([sys.executable, "-c", SIGINT_AT, point, "--dossier", str(opened), *RECORD_FIRST],
                          capture_output=True, text=True, encoding="utf-8", env={**os.environ, "ANTT_LANG": "en"})
    committed = git(opened, "rev-parse", "HEAD") != head
    # Ctrl-C inside the commit window is held back until the commit is made, then told
    assert committed == (point in ("before-commit", "staged", "after-commit"))
    if committed:
        assert done.returncode == 0 and "already been committed" in done.stderr, done.stderr
    else:
        assert done.returncode == 130 and "rolled back" in done.stderr, done.stderr
        assert snapshot(opened) == before
    assert git(opened, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (opened / ".git" / "antt" / "journal.json").exists()
    assert not (opened / ".git" / "antt.lock").exists()


def test_a_bug_exits_3_with_the_traceback_logged(opened, monkeypatch):
    from antt_cli.services import record

    def bug(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(record, "build_record", bug)
    result = refused(opened, *RECORD_FIRST, code=3)
    log = opened / ".git" / "antt" / "last-error.log"
    assert str(log) in result.stderr
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bug_outside_a_dossier_logs_to_the_temp_folder(tmp_path, monkeypatch):
    from antt_cli.store import dossier

    def bug(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # not shared with a parallel run
    monkeypatch.setattr(dossier, "find_root", bug)
    result = antt("status")
    assert result.exit_code == 3, result
    log = tmp_path / "antt-last-error.log"
    assert str(log) in result.stderr and "RuntimeError: boom" in log.read_text(encoding="utf-8")


def test_a_bug_after_the_commit_is_not_a_failure(opened, monkeypatch):
    from antt_cli.cli import case_cmds

    def bug(*args, **kwargs):
        raise AttributeError("printing went wrong")

    monkeypatch.setattr(case_cmds, "emit", bug)
    before = commit_count(opened)
    result = antt(*RECORD_FIRST, root=opened)
    assert result.exit_code == 0, result
    assert commit_count(opened) == before + 1 and "last-error.log" in result.stderr


HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from antt_cli.audit.lock import DossierLock
    with DossierLock(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_a_read_leaves_a_live_writers_journal_alone(opened):
    journal = opened / ".git" / "antt" / "journal.json"
    journal.parent.mkdir(exist_ok=True)
    journal.write_text(json.dumps({"version": 1, "id": "x", "phase": "writing", "paths": [], "dirs": []}))
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(opened), "3"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        result = antt("status", root=opened)
        assert result.exit_code == 0 and time.monotonic() - started < 2
        assert journal.exists()  # the writer is alive: its journal is its own business
    finally:
        holder.wait(timeout=30)
    result = antt("status", root=opened)  # now the lock is free: the next read recovers
    assert result.exit_code == 0 and not journal.exists()
    assert "rolled" in result.stderr or "hoàn lại" in result.stderr


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_sigkill_of_a_killed_git_child_leaves_no_index_lock(opened):
    """An index.lock made by the dead transaction's own git process is removed by recovery."""
    done = subprocess.run([sys.executable, "-m", "antt_cli", "--dossier", str(opened), *RECORD_FIRST],
                          env={**os.environ, "ANTT_TEST_CRASH_AT": "staged"}, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    (opened / ".git" / "index.lock").write_text("")  # as if `git commit` had died with it
    result = antt(*RECORD_FIRST, root=opened)
    assert result.exit_code == 0, result
    assert not (opened / ".git" / "index.lock").exists()
    assert git(opened, "status", "--porcelain", "--untracked-files=all") == ""
