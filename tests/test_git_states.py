"""Unusual states of a dossier's git repository, through the real CLI on a real git dossier:
a write either refuses cleanly (tree, index and HEAD as they were, one sentence) or makes one
valid commit holding exactly its files (`git fsck` clean, nothing else staged or swept in)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import git, ok, refused

PROGRESS = ("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "13")
NEW_MODEL = ("new-model", "Tổ tự quản thôn Lâm Thuận", "--area", "Thôn Lâm Thuận", "--date", "2026-01-02")


def _fsck_clean(root: Path) -> None:
    done = subprocess.run(["git", "fsck", "--no-progress", "--connectivity-only"], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "missing" not in done.stdout + done.stderr, done


def _other_repository(tmp_path: Path) -> Path:
    other = tmp_path / "other"
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    git(other, "commit", "-q", "--allow-empty", "-m", "khác")
    return other


@pytest.mark.parametrize("variables", ["GIT_DIR", "GIT_DIR+GIT_WORK_TREE", "GIT_INDEX_FILE"])
@pytest.mark.parametrize("command", [PROGRESS, NEW_MODEL], ids=["progress", "new-model"])
def test_git_location_variables_in_the_environment_are_not_followed(launched, tmp_path, monkeypatch,
                                                                      variables, command):
    """antt run with git's location variables set for another repository (from another
    repository's git hook, or a shell that exported them): the dossier named by --dossier is
    the one written and committed, as its reading commands already read it; the other
    repository and its index are left alone."""
    other = _other_repository(tmp_path)
    env = {"GIT_DIR": {"GIT_DIR": str(other / ".git")},
           "GIT_DIR+GIT_WORK_TREE": {"GIT_DIR": str(other / ".git"), "GIT_WORK_TREE": str(other)},
           "GIT_INDEX_FILE": {"GIT_INDEX_FILE": str(tmp_path / "other-index")}}[variables]
    head = git(launched, "rev-parse", "HEAD")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    ok(*command, root=launched)
    for key in env:
        monkeypatch.delenv(key)
    assert git(launched, "rev-parse", "HEAD^") == head          # one commit, in the dossier
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(other, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(other, "status", "--porcelain") == ""
    assert not (tmp_path / "other-index").exists()
    _fsck_clean(launched)


def test_a_sparse_checkout_is_refused_before_any_write(launched):
    """In a sparse checkout the cases outside its cone are not on disk: a write would take
    its case ID from a folder listing without them (new-model: a case HEAD has) and its
    number (--number auto) from a register without theirs (a number given twice). Refused
    with how to get every case back, then written once the checkout is whole."""
    git(launched, "update-index", "-q", "--refresh")  # a copy: stat data git must see as its own
    git(launched, "sparse-checkout", "set", "models/MH-2025-001")
    assert not (launched / "models" / "MH-2025-002").exists()
    refused(launched, *PROGRESS, contains="git sparse-checkout disable")
    refused(launched, *NEW_MODEL, contains="git sparse-checkout disable")
    git(launched, "sparse-checkout", "disable")
    ok(*PROGRESS, root=launched)
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    _fsck_clean(launched)


def _link_committed(root: Path, rel: str, store: str) -> None:
    """Move `rel` to `store` (inside the dossier) and leave a symbolic link to it in its
    place, committed so."""
    source, target = root / rel, root / store
    target.parent.mkdir(parents=True, exist_ok=True)
    git(root, "mv", rel, store)
    source.symlink_to(os.path.relpath(target, source.parent))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "liên kết")


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
@pytest.mark.parametrize("linked, command", [
    ("models/MH-2025-001", PROGRESS),
    ("models/MH-2025-001/case.yaml", PROGRESS),
    ("models/MH-2025-001/docs", ("record", "MH-2025-001", "periodic-report", "--date", "2026-05-05",
                                 "--number", "07/BC-BCĐ", "--period", "6-month")),
], ids=["case-folder", "case-file", "docs-folder"])
def test_a_symbolic_link_on_the_way_to_a_written_file_is_refused(launched, linked, command):
    """A case folder, case file or docs folder that is a symbolic link to elsewhere in the
    dossier: git records the link, not what it points to. Before, a write through a linked
    folder reached `update-index`, which refused ("beyond a symbolic link") and the sentence
    blamed a pre-commit hook; a linked case file was replaced by a regular file in the commit
    while the file it pointed to kept the old content. Refused first, naming the link."""
    _link_committed(launched, linked, "kho/" + linked.replace("/", "-"))
    result = refused(launched, *command, contains=linked)
    assert "symbolic link" in result.stderr and "pre-commit" not in result.stderr
    assert (launched / linked).is_symlink()
    _fsck_clean(launched)


@pytest.mark.parametrize("hooks", [False, True], ids=["from-objects", "git-commit"])
def test_a_link_checked_out_as_a_plain_file_is_refused(launched, hooks):
    """With `core.symlinks=false` (Git for Windows' default) a symbolic link is checked out
    as a plain file holding its target, and `update-index` keeps the link's mode for whatever
    bytes the file gets. Before, a document written there was committed from objects as a
    regular file while the index kept a link to 39 KB of DOCX bytes (a staged typechange the
    next `git commit` would carry). Refused, naming it."""
    if hooks:
        hook = launched / ".git" / "hooks" / "post-commit"
        hook.write_text("#!/bin/sh\nexit 0\n")
        hook.chmod(0o755)
    git(launched, "config", "core.symlinks", "false")
    rel = "models/MH-2025-001/docs/15-periodic-report.docx"
    (launched / rel).write_text("../case.yaml")
    blob = git(launched, "hash-object", "-w", rel).strip()
    git(launched, "update-index", "--add", "--cacheinfo", f"120000,{blob},{rel}")
    git(launched, "commit", "-q", "-m", "liên kết")
    refused(launched, "record", "MH-2025-001", "periodic-report", "--date", "2026-05-05",
            "--number", "07/BC-BCĐ", "--period", "6-month", contains=rel)
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    _fsck_clean(launched)


def _paused(root: Path, args: tuple[str, ...], point: str, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """antt started with `ANTT_TEST_PAUSE=point` (audit/faults.py); returned once it waits there."""
    import sys
    import time

    go = tmp_path / "go"
    proc = subprocess.Popen([sys.executable, "-m", "antt_cli", "--dossier", str(root), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env={**os.environ, "ANTT_TEST_PAUSE": point, "ANTT_TEST_PAUSE_FILE": str(go)})
    deadline = time.monotonic() + 60
    while not go.with_name("go.paused").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"antt did not pause at {point}: {proc.communicate()}")
        time.sleep(0.02)
    return proc, go


def _refused_by_git(root: Path, *args: str) -> subprocess.CompletedProcess:
    """A person's git run while antt holds git's index.lock (audit/indexlock.py): git's own
    refusal, naming the lock."""
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode != 0 and "index.lock': File exists" in done.stderr, done
    return done


def _antts(root: Path, action: str) -> int:
    """How many commits of antt's carry the action `action`."""
    out = git(root, "log", "--format=%(trailers:key=Antt-Action,valueonly)", "HEAD")
    return [line.strip() for line in out.splitlines()].count(action)


@pytest.mark.skipif(os.name == "nt", reason="POSIX processes")
@pytest.mark.parametrize("point, user", [("written", ("commit", "-q", "-a", "-m", "của người dùng")),
                                         ("staged", ("commit", "-q", "-m", "của người dùng"))])
@pytest.mark.parametrize("hooks", [False, True], ids=["from-objects", "git-commit"])
def test_a_users_commit_during_the_write_does_not_take_antts_files(launched, tmp_path, point, user, hooks):
    """The officer commits a note of their own while antt writes. Before, git did not know
    antt's lock: the officer's commit took antt's written (or staged) file, antt's
    `update-ref` then found HEAD moved and rolled back, leaving HEAD with half of antt's
    write and the file put back on disk. antt now holds git's own index.lock through the
    write (staging into a private index), so git refuses the officer's commit for that moment
    ("index.lock': File exists"); antt's write is committed once, by antt, and the note is
    still staged, to be committed — holding only the note — once antt is done."""
    if hooks:
        hook = launched / ".git" / "hooks" / "post-commit"
        hook.write_text("#!/bin/sh\nexit 0\n")
        hook.chmod(0o755)
    git(launched, "update-index", "-q", "--refresh")
    (launched / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    git(launched, "add", "ghi-chu.txt")
    before = _antts(launched, "progress")
    proc, go = _paused(launched, PROGRESS, point, tmp_path)
    try:
        _refused_by_git(launched, *user)
    finally:
        go.write_text("")
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert _antts(launched, "progress") == before + 1
    assert git(launched, "show", "--name-only", "--format=", "HEAD").split() == ["models/MH-2025-001/case.yaml"]
    assert git(launched, "status", "--porcelain", "--untracked-files=all").splitlines() == ["A  ghi-chu.txt"]
    git(launched, *user)  # the officer's commit, once antt is done: the note alone
    assert git(launched, "show", "--name-only", "--format=", "HEAD").split() == ["ghi-chu.txt"]
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (launched / ".git" / "index.lock").exists()
    assert list((launched / ".git" / "antt").glob("index.*")) == []
    _fsck_clean(launched)


@pytest.mark.skipif(os.name == "nt", reason="POSIX processes")
def test_a_commit_made_meanwhile_is_refused_with_its_own_sentence(launched, tmp_path):
    """A commit lands between antt's checks and its commit (paused before staging): the
    officer's own `git commit` is refused by git (antt holds index.lock), but a tool that
    commits without the index — here `git write-tree` of a copy, `commit-tree` and `update-ref`,
    what `git commit` does minus the lock — still moves the branch. The commit from objects is then
    refused (`update-ref` against the HEAD antt started from) and everything put back. Before,
    the sentence quoted git's "cannot lock ref" and blamed a pre-commit hook; it now says what
    happened and to run the command again — which then succeeds."""
    git(launched, "update-index", "-q", "--refresh")
    (launched / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    git(launched, "add", "ghi-chu.txt")
    proc, go = _paused(launched, PROGRESS, "before-commit", tmp_path)
    try:
        _refused_by_git(launched, "commit", "-q", "-m", "của người dùng")
        import shutil

        shutil.copyfile(launched / ".git" / "index", tmp_path / "index")  # write-tree would take the lock
        tree = subprocess.run(["git", "write-tree"], cwd=launched, capture_output=True, text=True, check=True,
                              env={**os.environ, "GIT_INDEX_FILE": str(tmp_path / "index")}).stdout.strip()
        other = git(launched, "commit-tree", tree, "-p", "HEAD", "-m", "của người dùng").strip()
        git(launched, "update-ref", "HEAD", other)
    finally:
        go.write_text("")
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert "git log" in err and "pre-commit" not in err, err
    assert git(launched, "show", "--name-only", "--format=", "HEAD").split() == ["ghi-chu.txt"]
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    ok(*PROGRESS, root=launched)
    _fsck_clean(launched)


@pytest.mark.skipif(os.name == "nt", reason="POSIX processes")
def test_a_users_add_all_during_the_write_does_not_stage_antts_own_files(launched, tmp_path):
    """The officer's `git add -A` while antt writes is refused by git (antt holds index.lock);
    what git lists meanwhile does not show antt's prior-file link beside the case file
    (`.case.yaml.antt-<id>.orig`, docs/reliability.md "A full disk"): it is ignored by git
    (`info/exclude`), so a `git add -A` after a killed command, before the next one clears
    its files, does not stage it either. Before, the index kept it after antt removed the
    file, and the officer's next commit carried it."""
    git(launched, "update-index", "-q", "--refresh")
    (launched / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    proc, go = _paused(launched, PROGRESS, "written", tmp_path)
    try:
        _refused_by_git(launched, "add", "-A")
        assert list((launched / "models" / "MH-2025-001").glob(".case.yaml.antt-*.orig"))
        listed = git(launched, "status", "--porcelain", "--untracked-files=all").splitlines()
        assert sorted(listed) == [" M models/MH-2025-001/case.yaml", "?? ghi-chu.txt"], listed
    finally:
        go.write_text("")
        proc.communicate(timeout=60)
    assert proc.returncode == 0
    git(launched, "add", "-A")
    assert git(launched, "status", "--porcelain", "--untracked-files=all").splitlines() == ["A  ghi-chu.txt"]
    _fsck_clean(launched)


def test_recovery_keeps_what_was_staged_after_the_kill(launched):
    """A write killed once it had staged (into its private index, git's index.lock held).
    The officer's `git add` is refused by git until the next antt command clears the lock;
    the officer removes it by hand, as git's sentence says, and stages a file of their own
    before antt runs again. The recovery drops antt's private index and lock and leaves git's
    index — the officer's `git add` — alone: before, it renamed a prior copy of the whole
    index back, and the officer's `git add` was undone."""
    import signal

    from conftest import antt_process

    git(launched, "update-index", "-q", "--refresh")
    killed = antt_process("--dossier", str(launched), *PROGRESS,
                          env={"ANTT_LANG": "en", "ANTT_TEST_CRASH_AT": "staged"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (launched / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    _refused_by_git(launched, "add", "ghi-chu.txt")
    (launched / ".git" / "index.lock").unlink()
    git(launched, "add", "ghi-chu.txt")
    status = antt_process("--dossier", str(launched), "status", env={"ANTT_LANG": "en"})
    assert status.returncode == 0 and "rolled it back" in status.stderr, status.stderr
    assert git(launched, "status", "--porcelain", "--untracked-files=all").splitlines() == ["A  ghi-chu.txt"]
    assert list((launched / ".git" / "antt").glob("index.*")) == []
    _fsck_clean(launched)


def test_recovery_clears_antts_index_lock_after_the_kill(launched):
    """A write killed while it holds git's index.lock: the officer's git is refused until the
    next antt command (a reading one too), which proves the lock is antt's (its line names the
    journal's transaction), removes it with the private index and rolls the write back; then
    the officer's `git add` works."""
    import signal

    from conftest import antt_process

    git(launched, "update-index", "-q", "--refresh")
    killed = antt_process("--dossier", str(launched), *PROGRESS,
                          env={"ANTT_LANG": "en", "ANTT_TEST_CRASH_AT": "staged"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (launched / ".git" / "index.lock").read_text(encoding="utf-8").startswith("antt-index-lock ")
    (launched / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    _refused_by_git(launched, "add", "ghi-chu.txt")
    status = antt_process("--dossier", str(launched), "status", env={"ANTT_LANG": "en"})
    assert status.returncode == 0 and "rolled it back" in status.stderr, status.stderr
    assert not (launched / ".git" / "index.lock").exists()
    git(launched, "add", "ghi-chu.txt")
    assert git(launched, "status", "--porcelain", "--untracked-files=all").splitlines() == ["A  ghi-chu.txt"]
    _fsck_clean(launched)


def test_a_git_index_lock_not_antts_is_left_alone_by_recovery(launched):
    """After a kill, an index.lock that is not antt's line (a person's git holding it, say)
    is never removed by the recovery, even though the killed command's journal names one."""
    import signal

    from conftest import antt_process

    git(launched, "update-index", "-q", "--refresh")
    killed = antt_process("--dossier", str(launched), *PROGRESS,
                          env={"ANTT_LANG": "en", "ANTT_TEST_CRASH_AT": "written"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    lock = launched / ".git" / "index.lock"
    lock.unlink()
    lock.write_bytes(b"DIRC\0\0\0\2")  # a live git's lock holds the index it is writing
    old = os.stat(lock).st_mtime - 3600  # older than the killed command: not its git child's either
    os.utime(lock, (old, old))
    antt_process("--dossier", str(launched), "status", env={"ANTT_LANG": "en"})
    assert lock.read_bytes() == b"DIRC\0\0\0\2"
    lock.unlink()


@pytest.mark.skipif(os.name == "nt", reason="POSIX processes")
def test_a_failed_write_keeps_what_was_staged_meanwhile(launched, tmp_path):
    """The officer has a file staged when antt writes; while antt's write is staged, the
    officer's `git add` of another is refused by git (antt holds index.lock), and HEAD moves
    (another tool's commit, made without the index), so antt's commit is refused and rolled
    back. git's index keeps what the officer staged: antt staged into a private index, which
    is dropped. Before, the rollback renamed its copy of the whole index back."""
    git(launched, "update-index", "-q", "--refresh")
    (launched / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    git(launched, "add", "ghi-chu.txt")
    (launched / "ghi-chu-2.txt").write_text("ghi chú 2\n", encoding="utf-8")
    proc, go = _paused(launched, PROGRESS, "staged", tmp_path)
    try:
        _refused_by_git(launched, "add", "ghi-chu-2.txt")
        other = git(launched, "commit-tree", "HEAD^{tree}", "-p", "HEAD", "-m", "công cụ khác").strip()
        git(launched, "update-ref", "HEAD", other)
    finally:
        go.write_text("")
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert git(launched, "rev-parse", "HEAD").strip() == other
    assert git(launched, "status", "--porcelain", "--untracked-files=all").splitlines() == [
        "A  ghi-chu.txt", "?? ghi-chu-2.txt"]
    assert not (launched / ".git" / "index.lock").exists()
    _fsck_clean(launched)


def test_recovery_leaves_a_killed_write_the_officer_committed(launched):
    """A write killed once its file was written; the officer's `git commit -a` is refused by
    git (the killed write's index.lock), so the officer removes the lock by hand, as git's
    sentence says, and commits the change before antt runs again. The recovery finds no
    commit of antt's and rolls back — but not that file: before, it put the prior bytes back
    on disk, a change against the officer's own commit (the tree no longer clean), while the
    notice said the dossier was as before. The file is left as committed, and a notice says so."""
    import signal

    from conftest import antt_process

    git(launched, "update-index", "-q", "--refresh")
    killed = antt_process("--dossier", str(launched), *PROGRESS,
                          env={"ANTT_LANG": "en", "ANTT_TEST_CRASH_AT": "written"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    _refused_by_git(launched, "commit", "-q", "-a", "-m", "của cán bộ")
    (launched / ".git" / "index.lock").unlink()
    git(launched, "commit", "-q", "-a", "-m", "của cán bộ")
    mine = git(launched, "rev-parse", "HEAD").strip()
    status = antt_process("--dossier", str(launched), "status", env={"ANTT_LANG": "en"})
    assert status.returncode == 0, status.stderr
    assert "models/MH-2025-001/case.yaml" in status.stderr and "git log -p" in status.stderr, status.stderr
    assert git(launched, "rev-parse", "HEAD").strip() == mine
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    _fsck_clean(launched)


@pytest.mark.skipif(os.name == "nt", reason="POSIX processes")
def test_another_gits_index_lock_at_the_first_write_is_waited_for_then_busy(launched, tmp_path, monkeypatch):
    """A git process takes index.lock after antt entered and before its first write: antt
    waits for it within its deadline, then refuses "dossier busy" having written nothing, and
    leaves that lock alone."""
    monkeypatch.setenv("ANTT_LOCK_TIMEOUT", "1")
    git(launched, "update-index", "-q", "--refresh")
    head = git(launched, "rev-parse", "HEAD")
    lock = launched / ".git" / "index.lock"
    proc, go = _paused(launched, PROGRESS, "entered", tmp_path)
    try:
        lock.write_bytes(b"DIRC")  # another git, writing the index
    finally:
        go.write_text("")
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert "dossier busy" in err or "bận" in err, err
    assert lock.read_bytes() == b"DIRC"
    lock.unlink()
    assert git(launched, "rev-parse", "HEAD") == head
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (launched / ".git" / "antt" / "journal.json").exists()


def test_a_lock_line_of_an_antt_that_is_gone_is_cleared(launched):
    """An index.lock holding antt's line for a process that no longer runs on this host (its
    release failed, the journal gone) is removed by the next write, with a notice; the write
    then goes on."""
    import json
    import socket
    import sys

    from conftest import antt_process

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = launched / ".git" / "index.lock"
    lock.write_text("antt-index-lock " + json.dumps({"id": "x", "pid": dead.pid, "host": socket.gethostname()})
                    + "\n", encoding="utf-8")
    done = antt_process("--dossier", str(launched), *PROGRESS, env={"ANTT_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert "Removed git's index lock" in done.stderr, done.stderr
    assert not lock.exists()
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    _fsck_clean(launched)
