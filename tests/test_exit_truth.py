"""The exit status tells the truth (docs/reliability.md "Exit status"; issue 10 points 1, 4
and COLUMNS): once the commit is made, a broken pipe (rich's or Python's), a closed stdout
or Ctrl-C during shutdown never turns exit 0 into anything else, and a notice names the
commit on stderr; Ctrl-C before anything was written exits 130 with one sentence, never a
traceback — also during start-up. Real subprocesses, real signals; the moments are reached
through the `ANTT_TEST_PAUSE` hook (antt waits for a file there), not by racing a timer."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import commit_count, git, into_broken_pipe, new_model

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX pipes and signals")

NEW = ["new-model", "Pipe test", "--area", "X", "--date", "2026-01-02"]
PROGRESS = ["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "20",
            "--date", "2026-06-20"]
ENV = {"ANTT_LANG": "en"}


def cases_named(root: Path, name: str) -> int:
    return sum(1 for p in root.glob("models/*/case.yaml") if f"name: {name}" in p.read_text(encoding="utf-8"))


def test_new_model_into_a_broken_pipe_exits_0_with_a_notice(dossier):
    before = commit_count(dossier)
    done = into_broken_pipe(["--dossier", str(dossier), *NEW])
    assert done.returncode == 0, done.stderr
    assert commit_count(dossier) == before + 1 and cases_named(dossier, "Pipe test") == 1
    sha = git(dossier, "rev-parse", "HEAD").strip()
    assert sha[:10] in done.stderr and "committed" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert git(dossier, "status", "--porcelain", "--untracked-files=all") == ""


def test_progress_into_a_broken_pipe_exits_0(launched):
    before = commit_count(launched)
    done = into_broken_pipe(["--dossier", str(launched), *PROGRESS])
    assert done.returncode == 0, done.stderr
    assert commit_count(launched) == before + 1
    assert git(launched, "rev-parse", "HEAD").strip()[:10] in done.stderr


def test_a_read_into_a_broken_pipe_is_a_plain_failure(launched):
    done = into_broken_pipe(["--dossier", str(launched), "status"])
    assert done.returncode == 1, done.stderr
    assert "nothing was changed" in done.stderr and "Traceback" not in done.stderr


def test_demo_into_a_broken_pipe_does_not_say_nothing_was_changed(_demo_broken_pipe):
    target, done = _demo_broken_pipe  # run by conftest.py (`into_broken_pipe`) in the background
    assert done.returncode == 0, done.stderr
    assert "nothing was changed" not in done.stderr
    assert git(target, "rev-parse", "HEAD").strip()[:7] in done.stderr, done.stderr  # the demo names its last commit


# -- Ctrl-C at chosen moments ------------------------------------------------------------------
def paused(args: list[str], point: str, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """Start antt with `ANTT_TEST_PAUSE=point`; return once it waits there."""
    go = tmp_path / "go"
    proc = subprocess.Popen([sys.executable, "-m", "antt_cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env={**os.environ, **ENV, "ANTT_TEST_PAUSE": point, "ANTT_TEST_PAUSE_FILE": str(go)})
    waiting = go.with_name("go.paused")
    deadline = time.monotonic() + 30
    while not waiting.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            out, err = proc.communicate()
            proc.kill()
            pytest.fail(f"antt did not pause at {point}: exit {proc.returncode}\n{err}")
        time.sleep(0.02)
    return proc, go


@pytest.mark.parametrize("point", ["after-commit", "exit"])
def test_sigint_after_the_commit_is_still_success(dossier, tmp_path, point):
    before = commit_count(dossier)
    proc, go = paused(["--dossier", str(dossier), *NEW], point, tmp_path)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)  # the signal is handled (or held back) before antt goes on
    go.write_text("")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert commit_count(dossier) == before + 1 and cases_named(dossier, "Pipe test") == 1
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    if point == "after-commit":  # the success line was not printed yet: the notice names the commit
        assert git(dossier, "rev-parse", "HEAD").strip()[:10] in err, err
    assert not (dossier / ".git" / "antt.lock").exists()


@pytest.mark.parametrize("point", ["startup", "entered"])
def test_sigint_before_anything_was_written_exits_130(dossier, tmp_path, point):
    """Ctrl-C during start-up (cli/start.py) or once the transaction is entered, before any
    write: exit 130, one sentence, nothing changed."""
    new_model(dossier, linked=False)
    before = git(dossier, "rev-parse", "HEAD")
    proc, go = paused(["--dossier", str(dossier), *NEW], point, tmp_path)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    go.write_text("")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert git(dossier, "rev-parse", "HEAD") == before
    assert git(dossier, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (dossier / ".git" / "antt.lock").exists()


# -- COLUMNS on a terminal ---------------------------------------------------------------------
@pytest.mark.parametrize("columns", ["0", "5", "abc", "99999999"])
def test_columns_on_a_terminal_never_hides_the_output(launched, columns):
    import pty

    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))  # a 100-column terminal
    try:
        proc = subprocess.Popen([sys.executable, "-m", "antt_cli", "--dossier", str(launched), "status"],
                                stdout=follower, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, **ENV, "COLUMNS": columns, "TERM": "xterm"})
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        err = proc.stderr.read()
        proc.wait(timeout=60)
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, err
    if columns == "5":  # clamped to 20 columns: narrow, but every row is there
        assert sum(1 for line in shown.splitlines() if line.startswith("│ MH")) == 2, shown
    else:  # no usable COLUMNS: the terminal's own width (100 here)
        assert "MH-2025-001" in shown and "MH-2025-002" in shown, shown
