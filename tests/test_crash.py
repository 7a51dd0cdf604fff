"""Fault injection: a writing command killed (SIGKILL) at each point of its write window,
then `antt status` and the same command again (docs/commands.md "Global": lock and journal).

After the kill the next command finds the journal and completes the change (the commit
exists) or rolls it back, saying which in one line; then the dossier is clean — nothing of
antt's in `git status --porcelain --ignored`, no lock, no `index.lock`, no journal, no
temporary file — and the change is there exactly once: a non-repeatable command's re-run
is refused exactly when the killed run had committed.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from conftest import antt, antt_process, git, ok

from antt_cli.audit.faults import GIT_KILL_PHASES, git_kill_hooks
from antt_cli.audit.transaction import CRASH_POINTS

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")

# the points after the commit is made: before git's index is replaced by the private one,
# between its two renames (index.lock holds it), and once it is in place
COMMITTED_POINTS = ("commit-made", "index-swapping", "after-commit")

FRESH = "MH-2025-003"  # opened in set-up, at step 1, for `record`

# command, the commit action it makes, whether a second run changes the dossier again
COMMANDS = {
    "new-model": (["new-model", "Tổ an ninh thôn Phú Hải", "--area", "Thôn Phú Hải", "--date", "2025-09-01"],
                  "new-model", "repeats"),
    "record": (["record", FRESH, "survey-plan", "--date", "2025-09-03", "--number", "auto",
                "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05"],
               "record survey-plan", "refused"),
    "plan": (["plan", "MH-2025-001", "--year", "2027", "--date", "2026-06-20", "--number", "07/KH-BCĐ",
              "--target", "Tuần tra=50", "--target", "Vụ trộm<=2"], "plan", "refused"),
    "progress": (["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "20",
                  "--date", "2026-06-20"], "progress", "same"),
    "amend": (["amend", "MH-2025-001", "survey-report", "--date", "2025-09-21", "--reason", "Ghi nhầm ngày"],
              "amend survey-report", "refused"),
}


@pytest.fixture(scope="module")
def prepared(_built, tmp_path_factory) -> Path:
    root = Path(shutil.copytree(_built["launched"], tmp_path_factory.mktemp("crash") / "base"))
    ok("new-model", "Tổ tự quản thôn Mới", "--area", "Thôn Mới", "--date", "2025-09-01", root=root)
    assert (root / "models" / FRESH / "case.yaml").is_file()
    return root


def actions(root: Path) -> list[str]:
    out = git(root, "log", "--format=%(trailers:key=Antt-Action,valueonly)", "HEAD")
    return [line.strip() for line in out.splitlines() if line.strip()]


def leftovers(root: Path) -> list[str]:
    gitdir = root / ".git"
    found = [p.name for p in (gitdir / "index.lock", gitdir / "antt.lock", gitdir / "antt" / "journal.json")
             if p.exists()]
    found += [p.name for p in gitdir.glob("antt.lock.*")]
    found += [p.name for p in (gitdir / "antt").glob("index.*")]  # a private index (audit/indexlock.py)
    found += [str(p.relative_to(root)) for p in root.rglob("*.tmp") if ".git" not in p.relative_to(root).parts]
    return found


def run(root: Path, args: list[str], **env: str):
    return antt_process("--dossier", str(root), *args, env={"ANTT_LANG": "en", **env})


def after(root: Path, args: list[str]) -> subprocess.CompletedProcess:
    """A command after the kill, run in this process through the real app: what it finds
    (the journal, the locks) was left on disk by the killed process."""
    result = antt(*args, root=root, lang="en")
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("point", CRASH_POINTS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_killed_command_is_completed_or_rolled_back(prepared, tmp_path, name, point):
    root = Path(shutil.copytree(prepared, tmp_path / "dossier"))
    args, action, again = COMMANDS[name]
    before = actions(root)
    head = git(root, "rev-parse", "HEAD").strip()

    killed = run(root, args, ANTT_TEST_CRASH_AT=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    committed = git(root, "rev-parse", "HEAD").strip() != head
    assert committed == (point in COMMITTED_POINTS)
    assert (root / ".git" / "antt" / "journal.json").exists()  # every point is inside the window
    # git's index.lock is antt's from the first write until the private index is in place
    assert (root / ".git" / "index.lock").exists() == (point != "after-commit")
    if point != "index-swapping":
        lock = root / ".git" / "index.lock"
        assert not lock.exists() or lock.read_text(encoding="utf-8").startswith("antt-index-lock ")

    status = after(root, ["status"])
    assert status.returncode == 0, status.stderr
    said = "completed it" if committed else "rolled it back"
    assert said in status.stderr, status.stderr
    assert git(root, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    assert leftovers(root) == []
    assert actions(root) == ([action] if committed else []) + before
    assert git(root, "diff", "--cached", "--name-only") == ""  # git's index holds the commit

    second = after(root, args)
    if again == "refused" and committed:
        assert second.returncode == 1, second.stderr
    else:
        assert second.returncode == 0, second.stderr
    assert git(root, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    assert leftovers(root) == []
    made = actions(root)[: len(actions(root)) - len(before)]
    if again == "repeats":
        assert made == [action] * (2 if committed else 1)
    else:
        assert made == [action]  # exactly once
    shown = after(root, ["--json", "status", FRESH if name == "record" else "MH-2025-001"])
    assert shown.returncode == 0, shown.stderr
    detail = json.loads(shown.stdout)
    kinds = [d["kind"] for d in detail["documents"]]
    if name == "record":
        assert kinds.count("survey-plan") == 1
        assert len(list((root / "models" / FRESH / "docs").iterdir())) == 1
    elif name == "plan":
        assert [p["year"] for p in detail["plans"]] == [2026, 2027] and kinds.count("annual-plan") == 2
    elif name == "progress":
        assert detail["plans"][0]["targets"][0]["achieved"] == 20
    elif name == "amend":
        report = next(d for d in detail["documents"] if d["kind"] == "survey-report")
        assert report["date"] == "2025-09-21" and report["amended"] == 1


def test_crash_points_are_the_documented_ones():
    assert CRASH_POINTS == ("index-locked", "tmp-written", "written", "before-commit", "staged", "commit-made",
                            "index-swapping", "after-commit")
    assert os.environ.get("ANTT_TEST_CRASH_AT") is None


# -- the process group killed inside git (the git child dies too; issue 10 point 7) ----------

def git_locks(root: Path) -> list[str]:
    gitdir = root / ".git"
    return sorted([p.name for p in gitdir.glob("*.lock")]
                  + [str(p.relative_to(gitdir)) for p in (gitdir / "refs").rglob("*.lock")])


def killed_group(root: Path, args: list[str], phase: str):
    """antt run in a session of its own with the git kill hooks in place (audit/faults.py):
    at `phase` the hook kills the whole group, git and antt."""
    import sys

    with git_kill_hooks(root):
        return subprocess.run([sys.executable, "-m", "antt_cli", "--dossier", str(root), *args],
                              capture_output=True, text=True, encoding="utf-8", start_new_session=True,
                              env={**os.environ, "ANTT_LANG": "en", "ANTT_KILL_AT": phase})


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="the hook reads /proc")
@pytest.mark.parametrize("phase", GIT_KILL_PHASES)
@pytest.mark.parametrize("name", ["new-model", "record"])
def test_killed_process_group_is_recovered(prepared, tmp_path, name, phase):
    root = Path(shutil.copytree(prepared, tmp_path / "dossier"))
    args, action, again = COMMANDS[name]
    before = actions(root)
    head = git(root, "rev-parse", "HEAD").strip()

    killed = killed_group(root, args, phase)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    committed = git(root, "rev-parse", "HEAD").strip() != head
    assert committed == (phase == "committed")
    if phase in ("add", "pre-commit", "prepared"):
        assert "index.lock" in git_locks(root)  # git died holding it
    if phase == "prepared":
        assert "HEAD.lock" in git_locks(root) and "refs/heads/main.lock" in git_locks(root)

    status = after(root, ["status"])
    assert status.returncode == 0, status.stderr
    if phase != "status":  # killed inside the write window: the journal tells what happened
        assert ("completed it" if committed else "rolled it back") in status.stderr, status.stderr
    assert git_locks(root) == []
    assert git(root, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    assert leftovers(root) == []
    assert actions(root) == ([action] if committed else []) + before

    second = after(root, args)
    assert second.returncode == (1 if again == "refused" and committed else 0), second.stderr
    made = actions(root)[: len(actions(root)) - len(before)]
    assert made == [action] * (2 if again == "repeats" and committed else 1)
    assert git(root, "status", "--porcelain", "--ignored", "--untracked-files=all") == ""
    assert git_locks(root) == [] and leftovers(root) == []
