"""The audit layer against real git in temporary repositories (no mocks of git)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from antt_cli.audit import git as gitq
from antt_cli.audit.history import all_history, case_history
from antt_cli.audit.lock import DossierLock, pid_alive
from antt_cli.audit.transaction import Transaction, commit_message, resolve_identity
from antt_cli.errors import AnttError

REPO_ROOT = Path(__file__).resolve().parents[1]


def git(root: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    if check and done.returncode != 0:
        raise AssertionError(f"git {args}: {done.stderr}")
    return done.stdout


def state(root: Path) -> tuple[str, str]:
    """What a refused or rolled-back command must leave exactly as it was."""
    return git(root, "status", "--porcelain", "--untracked-files=all"), git(root, "rev-parse", "HEAD")


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory, monkeypatch):
    """No global/system git config, no identity from the environment."""
    home = tmp_path_factory.mktemp("home")
    empty = home / "gitconfig"
    empty.write_text("")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("ANTT_LANG", "en")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                "EMAIL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "ANTT_LOCK_TIMEOUT"):
        monkeypatch.delenv(var, raising=False)


def make_repo(path: Path, identity: bool = True) -> Path:
    gitq.init_repo(path)
    if identity:
        git(path, "config", "user.name", "Cán bộ Git")
        git(path, "config", "user.email", "git@example.vn")
    return path


@pytest.fixture
def repo(tmp_path) -> Path:
    root = make_repo(tmp_path / "dossier")
    (root / "antt.yaml").write_text("unit: Tổ dân phố 5\n", encoding="utf-8")
    (root / "cases" / "MH-2023-001").mkdir(parents=True)
    (root / "cases" / "MH-2023-001" / "case.yaml").write_bytes(b"id: MH-2023-001\nname: M\xc3\xb4 h\xc3\xacnh\n")
    (root / "notes.txt").write_text("user notes\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "init")
    return root


def tx(root: Path, **kw) -> Transaction:
    args = dict(summary="[MH-2023-001] Quyết định thành lập mô hình (số 12/QĐ-UBND)",
                action="record establishment-decision", case_id="MH-2023-001", officer="Nguyễn Văn A")
    args.update(kw)
    return Transaction(root, **args)


# -- commits -------------------------------------------------------------------------
def test_commit_message_format():
    assert commit_message("[MH-1] Tóm tắt", [("Antt-Case", "MH-1"), ("Antt-Action", "record x"),
                                             ("Antt-Officer", "Nguyễn Văn A")]) == (
        "[MH-1] Tóm tắt\n\nAntt-Case: MH-1\nAntt-Action: record x\nAntt-Officer: Nguyễn Văn A\n"
    )
    assert commit_message("a\nb", [("Antt-Action", "init")]) == "a b\n\nAntt-Action: init\n"


def test_two_files_one_commit_with_trailers(repo):
    before = git(repo, "rev-parse", "HEAD").strip()
    with tx(repo, extra_trailers=[("Antt-Late", "2023-11-05")]) as t:
        t.write_text("cases/MH-2023-001/case.yaml", "id: MH-2023-001\r\nstatus: active\n")
        t.write_bytes("cases/MH-2023-001/01-quyết-định.docx", b"PK\x03\x04docx")
        assert t.paths == ["cases/MH-2023-001/case.yaml", "cases/MH-2023-001/01-quyết-định.docx"]
    assert t.sha == git(repo, "rev-parse", "HEAD").strip()
    assert git(repo, "rev-parse", "HEAD~1").strip() == before
    assert git(repo, "log", "-1", "--format=%B") == (
        "[MH-2023-001] Quyết định thành lập mô hình (số 12/QĐ-UBND)\n\n"
        "Antt-Case: MH-2023-001\nAntt-Action: record establishment-decision\n"
        f"Antt-Officer: Nguyễn Văn A\nAntt-Late: 2023-11-05\nAntt-Transaction: {t.txid}\n\n"
    )
    names = git(repo, "-c", "core.quotepath=false", "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(names) == ["cases/MH-2023-001/01-quyết-định.docx", "cases/MH-2023-001/case.yaml"]
    assert "2 files changed" in git(repo, "show", "--stat", "HEAD")
    # docs/commands.md "Global": the officer who ran the command is the author (git's email)
    assert git(repo, "log", "-1", "--format=%an <%ae>|%cn") == "Nguyễn Văn A <git@example.vn>|Nguyễn Văn A\n"
    assert (repo / "cases/MH-2023-001/case.yaml").read_bytes() == b"id: MH-2023-001\nstatus: active\n"
    assert git(repo, "status", "--porcelain") == ""
    assert not (gitq.git_dir(repo) / "antt.lock").exists()


def test_other_dirty_and_staged_files_stay_out(repo):
    (repo / "notes.txt").write_text("hand edit\n")
    (repo / "staged.txt").write_text("staged by the user\n")
    git(repo, "add", "staged.txt")
    (repo / "scratch.txt").write_text("untracked\n")
    before = git(repo, "status", "--porcelain")
    with tx(repo) as t:
        t.write_text("cases/MH-2023-001/case.yaml", "id: MH-2023-001\nstatus: active\n")
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["cases/MH-2023-001/case.yaml"]
    assert git(repo, "status", "--porcelain") == before
    assert " M notes.txt" in before and "A  staged.txt" in before


def test_explicit_commit_and_unchanged_write(repo):
    head = git(repo, "rev-parse", "HEAD").strip()
    with tx(repo) as t:
        t.write_bytes("cases/MH-2023-001/case.yaml", (repo / "cases/MH-2023-001/case.yaml").read_bytes())
        assert t.commit() == head  # no byte changed: no commit
    assert git(repo, "rev-parse", "HEAD").strip() == head


# -- refusals ------------------------------------------------------------------------
def test_hand_edited_file_is_refused(repo):
    (repo / "cases/MH-2023-001/case.yaml").write_text("edited by hand\n")
    before = state(repo)
    with pytest.raises(AnttError) as err:
        with tx(repo) as t:
            t.write_text("cases/MH-2023-001/new.yaml", "x: 1\n")
            t.write_text("cases/MH-2023-001/case.yaml", "status: active\n")
    assert err.value.key == "audit.dirty"
    assert "cases/MH-2023-001/case.yaml" in err.value.message()
    assert state(repo) == before
    assert not (repo / "cases/MH-2023-001/new.yaml").exists()


@pytest.mark.parametrize("kind", ["staged", "untracked", "deleted"])
def test_staged_untracked_deleted_are_dirty(repo, kind):
    target = repo / ("new.yaml" if kind == "untracked" else "antt.yaml")
    if kind == "staged":
        target.write_text("changed\n")
        git(repo, "add", "antt.yaml")
    elif kind == "untracked":
        target.write_text("new\n")
    else:
        target.unlink()
    before = state(repo)
    with pytest.raises(AnttError, match="uncommitted") as err:
        with tx(repo) as t:
            t.check_clean([target.name, "notes.txt"])
    assert err.value.key == "audit.dirty"
    assert state(repo) == before


def test_rollback_on_exception(repo):
    case = repo / "cases/MH-2023-001/case.yaml"
    old = case.read_bytes()
    before = state(repo)
    with pytest.raises(RuntimeError, match="boom"):
        with tx(repo) as t:
            t.write_text("cases/MH-2023-001/case.yaml", "status: active\n")
            t.write_bytes("cases/MH-2023-002/docs/02.docx", b"new")
            t.write_text("antt.yaml", "unit: changed\n")
            raise RuntimeError("boom")
    assert case.read_bytes() == old
    assert (repo / "antt.yaml").read_text(encoding="utf-8") == "unit: Tổ dân phố 5\n"
    assert not (repo / "cases/MH-2023-002").exists()
    assert state(repo) == before and before[0] == ""
    assert not (gitq.git_dir(repo) / "antt.lock").exists()


def test_failing_pre_commit_hook_rolls_back(repo):
    hook = gitq.git_dir(repo) / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n", newline="\n")
    hook.chmod(0o755)
    (repo / "staged.txt").write_text("user's\n")
    git(repo, "add", "staged.txt")
    before = state(repo)
    old = (repo / "cases/MH-2023-001/case.yaml").read_bytes()
    with pytest.raises(AnttError) as err:
        with tx(repo) as t:
            t.write_text("cases/MH-2023-001/case.yaml", "status: active\n")
            t.write_bytes("cases/MH-2023-001/new/01.docx", b"docx")
    assert err.value.key == "audit.commit_failed"
    assert "hook says no" in err.value.message()
    assert state(repo) == before
    assert (repo / "cases/MH-2023-001/case.yaml").read_bytes() == old
    assert not (repo / "cases/MH-2023-001/new").exists()


@pytest.mark.parametrize("bad", ["../outside.txt", "cases/../../x", "/etc/passwd", "C:\\x.txt",
                                 "a/b:stream", ".git/config", "", "."])
def test_path_escapes_refused(repo, bad):
    if bad == "/etc/passwd":
        bad = str(Path(repo.anchor) / "tmp" / "x.txt")
    before = state(repo)
    with pytest.raises(AnttError) as err:
        with tx(repo) as t:
            t.write_text(bad, "x")
    assert err.value.key == "audit.path_outside"
    assert state(repo) == before


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_escape_refused(repo, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(AnttError) as err:
        with tx(repo) as t:
            t.write_text("link/x.txt", "x")
    assert err.value.key == "audit.path_outside"
    assert not (outside / "x.txt").exists()


def _merge_head(root):
    (gitq.git_dir(root) / "MERGE_HEAD").write_text(git(root, "rev-parse", "HEAD"))


def _detach(root):
    git(root, "checkout", "-q", "--detach")


def _index_lock(root):
    (gitq.git_dir(root) / "index.lock").write_text("")


def _rebase(root):
    (gitq.git_dir(root) / "rebase-merge").mkdir()


def _state_file(name):
    def make(root):
        (gitq.git_dir(root) / name).write_text(git(root, "rev-parse", "HEAD"))
    return make


@pytest.mark.parametrize("make, key, problem", [
    (_merge_head, "audit.merge", "merge"),
    (_rebase, "audit.rebase", "rebase"),
    (_state_file("REVERT_HEAD"), "audit.revert", "revert"),
    (_state_file("CHERRY_PICK_HEAD"), "audit.cherry_pick", "cherry-pick"),
    (_state_file("BISECT_LOG"), "audit.bisect", "bisect"),
    (_detach, "audit.detached", "detached"),
    (_index_lock, "audit.index_busy", "index-locked"),
])
def test_repository_state_refused_before_writing(repo, make, key, problem, monkeypatch):
    monkeypatch.setenv("ANTT_LOCK_TIMEOUT", "0.3")  # index.lock is waited for, then busy
    make(repo)
    assert gitq.repo_state_problem(repo) == problem
    before = state(repo)
    with pytest.raises(AnttError) as err:
        with tx(repo) as t:
            t.write_text("cases/MH-2023-001/case.yaml", "never written\n")
    assert err.value.key == key
    assert state(repo) == before
    assert not (gitq.git_dir(repo) / "antt.lock").exists()


def test_not_a_repo(tmp_path):
    with pytest.raises(AnttError) as err:
        with tx(tmp_path) as t:
            t.write_text("x", "x")
    assert err.value.key == "audit.not_a_repo"
    assert not (tmp_path / "x").exists()


# -- the dirty check without `git status` (audit/git.py `_quick_states`) --------------
def _set_up(root: Path, change: str) -> None:
    """One state of the paths a write checks, as an officer's tree can hold it."""
    case = root / "cases" / "MH-2023-001" / "case.yaml"
    other = root / "cases" / "MH-2023-002"
    steps = {
        "clean": lambda: None,
        "modified": lambda: case.write_text("id: MH-2023-001\nname: sửa tay\n", encoding="utf-8"),
        "same bytes, new time": lambda: (case.write_bytes(case.read_bytes()), os.utime(case, (1, 1))),
        "staged": lambda: (case.write_text("x\n"), git(root, "add", "-A")),
        "staged, then put back": lambda: (case.write_text("x\n"), git(root, "add", "-A"),
                                          git(root, "checkout", "HEAD", "--", "cases")),
        "deleted": lambda: case.unlink(),
        "staged deletion": lambda: git(root, "rm", "-q", "--cached", "cases/MH-2023-001/case.yaml"),
        "removed everywhere": lambda: git(root, "rm", "-q", "cases/MH-2023-001/case.yaml"),
        "untracked": lambda: (other.mkdir(), (other / "case.yaml").write_text("new\n")),
        "ignored": lambda: ((root / ".gitignore").write_text("*.docx\n"), git(root, "add", ".gitignore"),
                            git(root, "commit", "-qm", "ignore"), (root / "cases" / "a.docx").write_text("d")),
        "new, staged": lambda: ((root / "cases" / "b.docx").write_text("d"), git(root, "add", "cases/b.docx")),
        "intent to add": lambda: ((root / "cases" / "b.docx").write_text("d"),
                                  git(root, "add", "-N", "cases/b.docx")),
        "executable": lambda: os.chmod(case, 0o755),
        "assume unchanged": lambda: (git(root, "update-index", "--assume-unchanged", "cases/MH-2023-001/case.yaml"),
                                     case.write_text("hidden\n")),
        "folder": lambda: None,
    }
    steps[change]()


JUDGED_QUICKLY = ("clean", "modified", "same bytes, new time", "staged", "staged, then put back", "deleted",
                  "removed everywhere", "new, staged", "intent to add")
SEEN_CLEAN = ("clean", "staged, then put back", "same bytes, new time", "folder")


@pytest.mark.parametrize("change", [*JUDGED_QUICKLY, "staged deletion", "untracked", "ignored", "executable",
                                    "assume unchanged", "folder"])
def test_quick_dirty_check_answers_as_git_status(repo, change):
    """Every state gets the answer `git status` gives: from the three small git runs where
    they can judge it, else from `git status` itself."""
    _set_up(repo, change)
    paths = ["cases/MH-2023-001/case.yaml", "cases/MH-2023-002/case.yaml", "cases/a.docx", "cases/b.docx",
             "notes.txt", "cases/none.docx", *(["cases"] if change == "folder" else [])]
    if change == "assume unchanged":  # a flag set by hand: refused either way (audit.flagged)
        for quick in (False, True):
            with pytest.raises(AnttError) as err:
                gitq.path_states(repo, paths, quick=quick)
            assert err.value.key == "audit.flagged"
        return
    expected = gitq.path_states(repo, paths)
    assert gitq.path_states(repo, paths, quick=True) == expected
    judged = gitq._quick_states(repo, paths)
    if change in JUDGED_QUICKLY:
        assert judged == expected  # judged without `git status`
    else:
        assert judged is None  # left to `git status`
    assert (expected == ([], [])) == (change in SEEN_CLEAN), change  # the table's states are seen (the test can fail)


@pytest.mark.skipif(os.name == "nt", reason="runs git commands under a monkeypatched spawner")
def test_quick_dirty_check_runs_no_git_status(repo, monkeypatch):
    """A write's check of a tracked, unchanged file and of a new one asks git no `status`,
    and its staging no `add`; the commit holds the new file and the tree is clean after."""
    calls: list[str] = []
    start = gitq._start_plain
    monkeypatch.setattr(gitq, "_start_plain", lambda root, *a, **k: (calls.append(a[0]), start(root, *a, **k))[1])
    with tx(repo) as t:
        t.check_clean(["cases/MH-2023-001/case.yaml", "cases/MH-2023-001/docs/new.docx"])
        t.write_text("cases/MH-2023-001/docs/new.docx", "x")
        t.commit()
    assert "status" not in calls and "add" not in calls, calls
    assert "update-index" in calls
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["cases/MH-2023-001/docs/new.docx"]


# -- identity ------------------------------------------------------------------------
def test_no_identity_refused_unless_officer(tmp_path):
    root = make_repo(tmp_path / "d", identity=False)
    assert gitq.config_identity(root) is None
    with pytest.raises(AnttError) as err:
        with tx(root, officer=None, allow_unborn=True) as t:
            t.write_text("antt.yaml", "x: 1\n")
    assert err.value.key == "audit.no_identity"
    assert "git config --global user.name" in err.value.message()
    assert not (root / "antt.yaml").exists()

    assert resolve_identity(root, "Nguyễn Văn A", None) == ("Nguyễn Văn A", ("Nguyễn Văn A", "antt@localhost"))
    with tx(root, case_id=None, action="init", allow_unborn=True, officer_email="a@ca.gov.vn") as t:
        t.write_text("antt.yaml", "x: 1\n")
    assert git(root, "log", "-1", "--format=%an <%ae>|%cn") == "Nguyễn Văn A <a@ca.gov.vn>|Nguyễn Văn A\n"
    assert "Antt-Case" not in git(root, "log", "-1", "--format=%B")


def test_officer_precedence_explicit_then_git_then_profile(repo, monkeypatch):
    """docs/commands.md "Global": --officer / ANTT_OFFICER, else git's user.name, else
    antt.yaml's officer; the email is git's, else antt.yaml's officer_email."""
    git_identity = ("Cán bộ Git", "git@example.vn")
    assert resolve_identity(repo, None, None) == ("Cán bộ Git", git_identity)
    assert resolve_identity(repo, None, "p@ca.gov.vn", "Hồ sơ Officer") == ("Cán bộ Git", git_identity)
    assert resolve_identity(repo, "Trần Thị B", None, "Hồ sơ Officer") == (
        "Trần Thị B", ("Trần Thị B", "git@example.vn"))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Env Name")
    assert gitq.config_identity(repo) == ("Env Name", "git@example.vn")


def test_officer_from_profile_when_git_has_no_name(tmp_path):
    root = make_repo(tmp_path / "d", identity=False)
    assert resolve_identity(root, None, "p@ca.gov.vn", "Hồ sơ Officer") == (
        "Hồ sơ Officer", ("Hồ sơ Officer", "p@ca.gov.vn"))
    with pytest.raises(AnttError) as err:
        resolve_identity(root, None, "p@ca.gov.vn", None)
    assert err.value.key == "audit.no_identity" and "--officer" in err.value.message()


def test_unborn_branch_first_commit(tmp_path):
    root = make_repo(tmp_path / "new")
    assert gitq.head_sha(root) is None
    assert gitq.repo_state_problem(root) is None
    assert git(root, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert git(root, "config", "core.autocrlf").strip() == "false"
    with pytest.raises(AnttError) as err:
        with tx(root) as t:
            t.write_text("antt.yaml", "x")
    assert err.value.key == "audit.unborn"
    # a failing first commit is rolled back too (index emptied with `git rm --cached`)
    with pytest.raises(RuntimeError):
        with tx(root, allow_unborn=True) as t:
            t.write_text("antt.yaml", "x")
            raise RuntimeError
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    with tx(root, case_id=None, action="init", summary="Khởi tạo hồ sơ", allow_unborn=True) as t:
        t.write_text("antt.yaml", "unit: x\n")
        t.write_text("cases/.keep", "")
    assert gitq.head_sha(root) == t.sha
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    assert sorted(git(root, "ls-files").split()) == ["antt.yaml", "cases/.keep"]


# -- lock ----------------------------------------------------------------------------
HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from antt_cli.audit.lock import DossierLock
    with DossierLock(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
        print("releasing", time.time(), flush=True)
""")


def test_lock_blocks_second_process_then_busy_then_free(repo, monkeypatch):
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(repo), "3"], env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setenv("ANTT_LOCK_TIMEOUT", "1")
        before = state(repo)
        started = time.monotonic()
        with pytest.raises(AnttError) as err:
            with tx(repo) as t:
                t.write_text("cases/MH-2023-001/case.yaml", "x\n")
        assert 0.9 <= time.monotonic() - started < 2.5
        assert err.value.key == "audit.busy"
        assert "dossier busy" in err.value.message()
        monkeypatch.setenv("ANTT_LANG", "vi")
        assert "(dossier busy)" in err.value.message()
        assert state(repo) == before
        monkeypatch.setenv("ANTT_LOCK_TIMEOUT", "10")
        notices: list[str] = []
        with tx(repo, notice=notices.append) as t:  # waits for the holder to release the lock
            entered = time.time()
            t.write_text("cases/MH-2023-001/case.yaml", "x\n")
        # Free: the lock was taken only after the holder had let go of it (the holder may
        # still be exiting; whether its process is gone yet is not what this tests).
        line = holder.stdout.readline().split()
        assert line[0] == "releasing" and float(line[1]) <= entered
        assert t.sha == gitq.head_sha(repo)
        assert notices  # "waiting for another antt command (pid …)"
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_is_cleared_with_notice(repo):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    assert not pid_alive(dead.pid) and pid_alive(os.getpid())
    import json
    import socket

    lock_file = gitq.git_dir(repo) / "antt.lock"
    lock_file.write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname(),
                                     "time": "2023-01-01T00:00:00", "command": "antt record"}))
    notices: list[str] = []
    with DossierLock(repo, timeout=1, notice=notices.append) as lock:
        assert lock.held
        assert DossierLock.read_holder(lock_file)["pid"] == os.getpid()
    assert len(notices) == 1 and str(dead.pid) in notices[0]
    assert not lock_file.exists()


def test_empty_or_unreadable_lock_is_cleared_at_once(repo):
    """A live antt never leaves a lock file empty (it is linked into place complete), so
    an empty or garbled one is a dead process's: cleared after a second's grace, not 60 s."""
    lock_file = gitq.git_dir(repo) / "antt.lock"
    for content in ("", "{not json"):
        lock_file.write_text(content)
        started = time.monotonic()
        notices: list[str] = []
        with DossierLock(repo, timeout=5, notice=notices.append):
            assert DossierLock.read_holder(lock_file)["pid"] == os.getpid()
        assert time.monotonic() - started < 2.5
        assert len(notices) == 1
        assert not lock_file.exists()


def test_lock_file_is_complete_or_absent(repo, monkeypatch):
    """Killed while taking the lock: the name appears only once the content is complete
    (link of a written temporary file), and the temporary file of a dead pid is swept."""
    lock_file = gitq.git_dir(repo) / "antt.lock"
    seen: list[bytes] = []
    real_link = os.link

    def spy(src, dst, *a, **k):
        seen.append(Path(src).read_bytes())
        return real_link(src, dst, *a, **k)

    monkeypatch.setattr(os, "link", spy)
    with DossierLock(repo):
        assert lock_file.read_bytes() == seen[0] and b'"pid"' in seen[0]
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = lock_file.with_name(f"antt.lock.{dead.pid}.abcd1234.tmp")
    leftover.write_text("{")
    with DossierLock(repo):
        pass
    assert not leftover.exists()
    assert sorted(p.name for p in lock_file.parent.glob("antt.lock*")) == []


# -- history -------------------------------------------------------------------------
def test_case_history_reads_trailers(repo):
    steps = [("MH-2023-001", "record establishment-decision", []),
             ("MH-2023-002", "open", []),
             ("MH-2023-001", "rate", [("Antt-Late", "2023-11-05"), ("Antt-Forced", "lý do")])]
    for i, (case, action, extra) in enumerate(steps):
        with tx(repo, case_id=case, action=action, summary=f"[{case}] bước {i}", extra_trailers=extra) as t:
            t.write_text(f"cases/{case}/step{i}.yaml", f"i: {i}\n")
    first = case_history(repo, "MH-2023-001", "cases/MH-2023-001")
    assert [h["action"] for h in first] == ["record establishment-decision", "rate"]
    assert [h["summary"] for h in first] == ["[MH-2023-001] bước 0", "[MH-2023-001] bước 2"]
    assert first[0]["officer"] == "Nguyễn Văn A" and first[0]["author"] == "Nguyễn Văn A"
    assert first[0]["late"] is None and not first[0]["forced"]
    assert first[1]["late"] == "2023-11-05" and first[1]["forced"] == "lý do"
    assert first[1]["trailers"]["Antt-Case"] == ["MH-2023-001"]
    assert first[1]["date"][:4].isdigit() and "T" in first[1]["date"]
    assert len(first[0]["sha"]) == 40
    assert [h["case"] for h in case_history(repo, "MH-2023-002", "cases/MH-2023-002")] == ["MH-2023-002"]
    assert case_history(repo, "MH-2023-00", "cases/MH-2023-00") == []
    everything = all_history(repo)
    assert [h["action"] for h in everything] == [None, "record establishment-decision", "open", "rate"]


def test_case_history_follows_renumbering(repo):
    with tx(repo, case_id="MH-2023-P01", action="open", summary="[MH-2023-P01] mở") as t:
        t.write_text("cases/MH-2023-P01/case.yaml", "a\n")
    with tx(repo, case_id="MH-2023-007", action="sync renumber", summary="[MH-2023-007] đánh số lại",
            extra_trailers=[("Antt-Renumbered-From", "MH-2023-P01")]) as t:
        t.delete("cases/MH-2023-P01/case.yaml")
        t.write_text("cases/MH-2023-007/case.yaml", "a\n")
    assert git(repo, "show", "--no-renames", "--name-status", "--format=", "HEAD").split() == [
        "A", "cases/MH-2023-007/case.yaml", "D", "cases/MH-2023-P01/case.yaml"]
    assert [h["action"] for h in case_history(repo, "MH-2023-007", "cases/MH-2023-007")] == ["open", "sync renumber"]
    assert [h["action"] for h in case_history(repo, "MH-2023-P01", "cases/MH-2023-P01")] == ["open", "sync renumber"]


def test_history_of_unborn_repo_is_empty(tmp_path):
    root = make_repo(tmp_path / "empty")
    assert all_history(root) == [] and case_history(root, "MH-1", "cases/MH-1") == []


def test_check_clean_first_then_write(repo):
    (repo / "notes.txt").write_text("hand edit\n")
    with pytest.raises(AnttError) as err:
        with tx(repo) as t:
            t.check_clean(["cases/MH-2023-001/case.yaml", "notes.txt", "cases/MH-2023-001/new.docx"])
    assert err.value.message().startswith("notes.txt ")
    with tx(repo) as t:
        t.check_clean(["cases/MH-2023-001/case.yaml", "cases/MH-2023-001/new.docx"])
        t.write_text("cases/MH-2023-001/case.yaml", "status: active\n")
        t.copy_file(repo / "antt.yaml", "cases/MH-2023-001/new.docx")
    assert sorted(git(repo, "show", "--name-only", "--format=", "HEAD").split()) == [
        "cases/MH-2023-001/case.yaml", "cases/MH-2023-001/new.docx"]
    assert git(repo, "status", "--porcelain") == " M notes.txt\n"


from hypothesis import given, settings, strategies as st  # noqa: E402

from antt_cli.audit.transaction import _relative  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "..", ".", "", "/", "\\", "C:", "đ", " ", ".git"]),
                max_size=6).map("".join))
def test_relative_paths_never_escape(text):
    try:
        rel = _relative(text)
    except AnttError as err:
        assert err.key == "audit.path_outside"
        return
    parts = rel.split("/")
    assert ".." not in parts and "" not in parts and "." not in parts
    assert parts[0].lower() != ".git" and ":" not in rel and "\\" not in rel


# -- journal ---------------------------------------------------------------------------
def test_journal_records_prior_and_new_blobs_before_writing(repo):
    import json

    from antt_cli.audit import journal as jr

    journal = gitq.git_dir(repo) / "antt" / "journal.json"
    old = (repo / "cases/MH-2023-001/case.yaml").read_bytes()
    with tx(repo) as t:
        assert not journal.exists()  # nothing written yet: nothing to journal
        t.write_text("cases/MH-2023-001/case.yaml", "status: active\n")
        t.write_bytes("cases/MH-2023-001/docs/01.docx", b"docx")
        data = json.loads(journal.read_text(encoding="utf-8"))
        assert data["id"] == t.txid and data["phase"] == "writing"
        assert data["head"] == git(repo, "rev-parse", "HEAD").strip()
        entries = {e["path"]: e for e in data["paths"]}
        assert entries["cases/MH-2023-001/case.yaml"]["old"] == jr.blob_id(old)
        assert entries["cases/MH-2023-001/case.yaml"]["new"] == jr.blob_id(b"status: active\n")
        assert entries["cases/MH-2023-001/docs/01.docx"]["old"] is None
        assert data["dirs"] == ["cases/MH-2023-001/docs"]
    assert not journal.exists()
    assert git(repo, "rev-parse", "HEAD:cases/MH-2023-001/case.yaml").strip() == jr.blob_id(b"status: active\n")
    assert f"Antt-Transaction: {t.txid}" in git(repo, "log", "-1", "--format=%B")


def test_recover_rolls_back_a_dead_transaction(repo):
    """A transaction abandoned half way (its process gone: simulated by dropping it without
    __exit__) is rolled back by the next transaction, which says so."""
    old = (repo / "cases/MH-2023-001/case.yaml").read_bytes()
    before = state(repo)
    t = tx(repo)
    t.__enter__()
    t.write_text("cases/MH-2023-001/case.yaml", "half\n")
    t.write_bytes("cases/MH-2023-001/docs/01.docx", b"docx")
    gitq._run(repo, "add", "-f", "--", "cases/MH-2023-001/case.yaml")
    t._journal.set_phase("staging")
    t._lock.path = None  # "dies" holding nothing: the lock file stays behind
    lock_file = gitq.git_dir(repo) / "antt.lock"
    lock_file.unlink()
    notices: list[str] = []
    with tx(repo, notice=notices.append) as again:
        assert (repo / "cases/MH-2023-001/case.yaml").read_bytes() == old
        assert not (repo / "cases/MH-2023-001/docs").exists()
        assert state(repo) == before
        again.write_text("notes.txt", "after\n")
    assert any("rolled it back" in n for n in notices), notices


def test_git_runs_without_gitpython_and_a_missing_git_is_one_sentence(tmp_path, monkeypatch):
    """git is a plain child process (GitPython's import cost every write 34 ms); the program
    named by GIT_PYTHON_GIT_EXECUTABLE missing is audit.git_missing, not a traceback."""
    from antt_cli.errors import AnttError

    status, out, _ = gitq._run(tmp_path, "--version")
    assert status == 0 and out.startswith("git version")
    probe = ("import sys; from antt_cli.audit import git; assert git._run(sys.argv[1], 'init', '-q')[0] == 0; "
             "assert git._run_bytes(sys.argv[1], 'rev-parse', '--git-dir')[1] == b'.git\\n'; print('git' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
    monkeypatch.setenv("GIT_PYTHON_GIT_EXECUTABLE", str(tmp_path / "no-such-git"))
    with pytest.raises(AnttError) as err:
        gitq._run(tmp_path, "--version")
    assert err.value.key == "audit.git_missing"
    assert gitq._run(tmp_path / "no-such-folder", "--version")[0] == 128


def test_on_windows_the_current_folder_is_out_of_gits_search(monkeypatch):
    """A git.exe planted in a dossier must never run (CVE-2024-22190's guard)."""
    monkeypatch.delenv("NoDefaultCurrentDirectoryInExePath", raising=False)
    monkeypatch.delenv("GIT_PYTHON_GIT_EXECUTABLE", raising=False)
    monkeypatch.setattr(gitq.os, "name", "nt")
    assert gitq.executable() == "git"
    assert gitq.os.environ["NoDefaultCurrentDirectoryInExePath"] == "1"
