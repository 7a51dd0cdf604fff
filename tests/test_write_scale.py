"""Writes whose cost does not grow with the dossier (docs/reliability.md, "Git's index"): the
split index, the commit made from git's objects and the same commit through `git commit`,
the next case ID from the folder listing."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antt_cli.audit import git as gitq
from antt_cli.audit import plumbing
from antt_cli.audit.transaction import Transaction
from antt_cli.domain.ids import in_series, next_id
from antt_cli.errors import AnttError


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, f"git {args}: {done.stderr}"
    return done.stdout


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    (home / "gitconfig").write_text("")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("ANTT_LANG", "en")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                "EMAIL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(var, raising=False)


def make_repo(path: Path, *, split: bool | None = True) -> Path:
    gitq.init_repo(path)
    git(path, "config", "user.name", "Cán bộ Git")
    git(path, "config", "user.email", "git@example.vn")
    if split is None:
        git(path, "config", "--unset", "core.splitIndex")
    else:
        git(path, "config", "core.splitIndex", str(split).lower())
    for rel, text in {"antt.yaml": "unit: x\n", "models/MH-2026-001/case.yaml": "id: MH-2026-001\n",
                      "models/MH-2026-001/docs/01.docx": "one\n", "models/MH-2026-002/case.yaml": "id: 2\n",
                      "notes.txt": "notes\n"}.items():
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        (path / rel).write_text(text, encoding="utf-8")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "init")
    return path


def write(root: Path) -> Transaction:
    """One write touching three levels: a changed file, a new folder, a file deleted."""
    with Transaction(root, summary="[MH-2026-001] Ghi", action="record x", case_id="MH-2026-001",
                     officer="Nguyễn Văn A") as tx:
        tx.write_text("models/MH-2026-001/case.yaml", "id: MH-2026-001\nstage: 2\n")
        tx.write_bytes("models/MH-2026-001/docs/02-kế-hoạch.docx", b"PK\x03\x04two")
        tx.write_text("models/MH-2026-003/case.yaml", "id: MH-2026-003\n")
        tx.delete("models/MH-2026-001/docs/01.docx")
    return tx


def install_hook(root: Path, name: str, body: str) -> Path:
    hook = root / ".git" / "hooks" / name
    hook.write_text("#!/bin/sh\n" + body + "\n")
    hook.chmod(0o755)
    return hook


@pytest.mark.skipif(os.name == "nt", reason="shell hooks")
def test_commit_from_objects_equals_git_commit(tmp_path):
    fast = make_repo(tmp_path / "fast")
    slow = make_repo(tmp_path / "slow")
    marker = tmp_path / "hook-ran"
    install_hook(slow, "post-commit", f"echo ran > '{marker}'")  # a hook: `git commit --only`
    assert plumbing.usable(fast, gitq.git_dir(fast), gitq.config_values(fast))
    assert not plumbing.usable(slow, gitq.git_dir(slow), gitq.config_values(slow))
    (fast / "notes.txt").write_text("hand edit\n")
    (fast / "staged.txt").write_text("staged by the user\n")
    git(fast, "add", "staged.txt")
    before = git(fast, "status", "--porcelain")
    one, other = write(fast), write(slow)
    assert marker.exists()
    assert git(fast, "rev-parse", "HEAD^{tree}") == git(slow, "rev-parse", "HEAD^{tree}")
    assert git(fast, "log", "-1", "--format=%an|%ae|%cn|%B").replace(one.txid, "T") == \
        git(slow, "log", "-1", "--format=%an|%ae|%cn|%B").replace(other.txid, "T")
    assert one.sha == git(fast, "rev-parse", "HEAD").strip()
    # the user's staged and edited files stay as they were; antt's paths are clean
    assert git(fast, "status", "--porcelain") == before
    assert git(fast, "reflog", "-1", "--format=%gs") == "commit: [MH-2026-001] Ghi\n"
    assert git(fast, "fsck", "--no-progress") == ""


@pytest.mark.skipif(os.name == "nt", reason="shell hooks")
def test_signing_hooks_path_and_hooks_mean_git_commit(tmp_path):
    root = make_repo(tmp_path / "d")
    gitdir = gitq.git_dir(root)
    assert plumbing.usable(root, gitdir, gitq.config_values(root))
    git(root, "config", "commit.gpgSign", "true")
    assert not plumbing.usable(root, gitdir, gitq.config_values(root))
    git(root, "config", "--unset", "commit.gpgSign")
    (root / "hooks").mkdir()
    git(root, "config", "core.hooksPath", "hooks")
    assert plumbing.usable(root, gitdir, gitq.config_values(root))  # no hook there yet
    (root / "hooks" / "commit-msg").write_text("#!/bin/sh\nexit 0\n")
    assert plumbing.usable(root, gitdir, gitq.config_values(root))  # not executable: git skips it too
    (root / "hooks" / "commit-msg").chmod(0o755)
    assert not plumbing.usable(root, gitdir, gitq.config_values(root))
    assert not plumbing.usable(root / "models", gitdir, gitq.config_values(root))  # not the top
    (root / "hooks" / "commit-msg").unlink()
    git(root, "config", "hook.lint.command", "true")  # a hook named in the configuration (git 2.46)
    assert not plumbing.usable(root, gitdir, gitq.config_values(root))


def test_head_moved_meanwhile_is_refused_and_rolled_back(tmp_path, monkeypatch):
    """`update-ref HEAD new old` refuses when someone's git committed between antt's read of
    HEAD and its own commit: nothing of antt's stays, the other commit is kept."""
    root = make_repo(tmp_path / "d")
    status = git(root, "status", "--porcelain")
    real = plumbing.new_tree

    def meanwhile(*args, **kwargs):
        tree = git(root, "rev-parse", "HEAD^{tree}").strip()
        other = git(root, "commit-tree", tree, "-p", "HEAD", "-m", "someone else").strip()
        git(root, "update-ref", "HEAD", other)
        return real(*args, **kwargs)

    monkeypatch.setattr(plumbing, "new_tree", meanwhile)
    with pytest.raises(AnttError) as err:
        write(root)
    assert err.value.key == "audit.head_moved"
    assert git(root, "log", "-1", "--format=%s") == "someone else\n"
    assert git(root, "status", "--porcelain") == status
    assert git(root, "diff", "--cached", "--name-only") == ""  # nothing of antt's left staged
    assert (root / "models/MH-2026-001/docs/01.docx").read_text() == "one\n"
    assert not (root / "models/MH-2026-003").exists()


def test_a_tree_git_writes_otherwise_is_refused_and_rolled_back(tmp_path, monkeypatch):
    """The ids antt computes for the trees it splices are checked against the ones git gives
    when it writes them: a disagreement fails the commit, and the write is rolled back."""
    root = make_repo(tmp_path / "d")
    head, status = git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain")
    monkeypatch.setattr(plumbing, "object_id", lambda raw, width: "0" * 40)
    with pytest.raises(AnttError) as err:
        write(root)
    assert err.value.key == "audit.commit_failed" and "git wrote the tree" in str(err.value.params)
    assert git(root, "rev-parse", "HEAD") == head and git(root, "status", "--porcelain") == status
    assert (root / "models/MH-2026-001/docs/01.docx").read_text() == "one\n"
    assert not (root / "models/MH-2026-003").exists()


@pytest.mark.parametrize("setting, split", [(None, True), (True, True), (False, False)])
def test_split_index_unless_the_user_said_otherwise(tmp_path, setting, split):
    root = make_repo(tmp_path / "d", split=setting)
    write(root)
    assert bool(list((root / ".git").glob("sharedindex.*"))) is split
    assert git(root, "status", "--porcelain") == ""


def test_init_sets_split_index(tmp_path):
    gitq.init_repo(tmp_path / "d")
    assert git(tmp_path / "d", "config", "core.splitIndex").strip() == "true"


@pytest.mark.parametrize("names, expected", [
    ([], []),
    (["MH-2026-002", "MH-2026-010", "MH-2025-099", "DH-2026-050", "X-MH-2026-077", "notes"],
     ["MH-2026-010", "MH-2026-002"]),
    (["MH-2026-999", "MH-2026-1000"], ["MH-2026-1000", "MH-2026-999"]),  # by number, not by text
])
def test_in_series_highest_first(names, expected):
    assert in_series(names, "", "model", 2026) == expected
    assert next_id(names, "", "model", 2026) == (f"MH-2026-{int(expected[0][8:]) + 1:03d}" if expected
                                                 else "MH-2026-001")


def test_new_model_id_after_the_highest_case_with_a_case_file(dossier):
    """The next ID comes from the folder listing; only the highest candidates are looked
    into, and a folder without a case file (or a file named like an ID) does not count."""
    import json

    from conftest import git as cgit, ok

    first = json.loads(ok("--json", "new-model", "A", "--area", "B", "--date", "2026-01-05", root=dossier).stdout)["id"]
    (dossier / "models" / "MH-2026-050" / "docs").mkdir(parents=True)  # left behind, no case file
    (dossier / "models" / "MH-2026-070").write_text("a file, not a case folder\n")
    copied = dossier / "models" / "MH-2026-009"
    copied.mkdir()
    (copied / "case.yaml").write_bytes((dossier / "models" / first / "case.yaml").read_bytes()
                                       .replace(first.encode(), b"MH-2026-009"))
    cgit(dossier, "add", "models/MH-2026-009")
    cgit(dossier, "-c", "user.name=Người sửa tay", "-c", "user.email=tay@example.vn", "commit", "-q", "-m",
         "a case copied by hand")
    second = json.loads(ok("--json", "new-model", "C", "--area", "D", "--date", "2026-01-06",
                           root=dossier).stdout)["id"]
    assert (first, second) == ("MH-2026-001", "MH-2026-010")
    assert cgit(dossier, "show", "--name-only", "--format=", "HEAD").split() == ["models/MH-2026-010/case.yaml"]


@pytest.mark.skipif(os.name == "nt", reason="shell hooks")
def test_cli_writes_commit_from_objects_unless_a_hook_is_installed(dossier, monkeypatch):
    """A command of the real CLI takes the flat path; with a commit hook installed the same
    command goes through `git commit`, and the hook runs."""
    import json

    from conftest import git as cgit, ok

    made: list[str] = []
    real = plumbing.commit

    def spy(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(plumbing, "commit", spy)
    first = json.loads(ok("--json", "new-model", "A", "--area", "B", "--date", "2026-01-05", root=dossier).stdout)
    assert made == [cgit(dossier, "rev-parse", "HEAD").strip()] and first["id"] == "MH-2026-001"
    marker = dossier.parent / "post-commit-ran"
    install_hook(dossier, "post-commit", f"echo ran > '{marker}'")
    ok("--json", "new-model", "C", "--area", "D", "--date", "2026-01-06", root=dossier)
    assert len(made) == 1 and marker.exists()
    assert cgit(dossier, "status", "--porcelain", "--untracked-files=all") == ""


@pytest.mark.skipif(os.name == "nt", reason="the executable bit")
@pytest.mark.parametrize("file_mode", [True, False])
@pytest.mark.parametrize("was, executable", [("100644", False), ("100644", True), ("100755", False),
                                             ("100755", True), (None, False), (None, True)])
def test_the_commit_holds_the_entry_update_index_staged(tmp_path, file_mode, was, executable):
    """The commit made from objects takes the staged files' entries from the disk
    (`staged_from_disk`, git's mode rule) instead of reading the index again: for every
    core.fileMode, mode in HEAD and executable bit on disk, the commit holds what `git
    update-index` put in the index, and the tree is clean after it."""
    root = make_repo(tmp_path / "d")
    target = root / "models/MH-2026-001/docs/02.docx"
    if was is not None:
        target.write_text("before\n")
        git(root, "add", str(target))
        git(root, "update-index", "--chmod=" + ("+x" if was == "100755" else "-x"), str(target))
        git(root, "commit", "-q", "-m", "with the file")
        git(root, "checkout", "-q", "--", ".")
    git(root, "config", "core.fileMode", str(file_mode).lower())
    with Transaction(root, summary="[MH-2026-001] Ghi", action="record x", case_id="MH-2026-001",
                     officer="Nguyễn Văn A") as tx:
        tx.write_text("models/MH-2026-001/docs/02.docx", "after\n")
        target.chmod(0o755 if executable else 0o644)
        tx.commit()
    rel = "models/MH-2026-001/docs/02.docx"
    committed = git(root, "ls-tree", "HEAD", "--", rel).split()[:1]
    staged = git(root, "ls-files", "-s", "--", rel).split()[:1]
    assert committed == staged
    assert git(root, "status", "--porcelain") == ""


_NAMES = st.text(alphabet="ab-.09_/", min_size=1, max_size=4).filter(lambda n: "/" not in n and n not in (".", ".."))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.dictionaries(_NAMES, st.booleans(), max_size=12),
       changes=st.dictionaries(_NAMES, st.one_of(st.none(), st.booleans()), max_size=5))
def test_a_spliced_tree_is_the_tree_git_makes(tmp_path_factory, before, changes):
    """`plumbing.Tree.changed` edits a tree's bytes in place of taking it apart: for any
    tree and any names set (as a file or a folder, including a file becoming a folder, and
    names that sort differently as a folder: "a-" against "a") or removed, the bytes are
    the tree `git mktree` makes of the same entries, and the id is git's."""
    root = tmp_path_factory.mktemp("tree")
    git(root, "init", "-q")
    blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=root, input=b"x", capture_output=True,
                       check=True).stdout.decode().strip()
    empty = subprocess.run(["git", "mktree"], cwd=root, input=b"", capture_output=True, check=True).stdout.decode().strip()

    def entry(folder: bool) -> tuple[bytes, str]:
        return (b"40000", empty) if folder else (b"100644", blob)

    def mktree(entries: dict[str, bool]) -> str:
        text = "".join(f"{'040000 tree' if d else '100644 blob'} {empty if d else blob}\t{n}\0" for n, d in entries.items())
        return subprocess.run(["git", "mktree", "-z"], cwd=root, input=text.encode(), capture_output=True,
                              check=True).stdout.decode().strip()

    raw = subprocess.run(["git", "cat-file", "tree", mktree(before)], cwd=root, capture_output=True,
                         check=True).stdout
    spliced = plumbing.Tree(raw, 20).changed({n.encode(): None if d is None else entry(d) for n, d in changes.items()})
    after = {**before, **{n: d for n, d in changes.items() if d is not None}}
    for n, d in changes.items():
        if d is None:
            after.pop(n, None)
    expected = mktree(after)
    assert plumbing.object_id(spliced, 20) == expected
    assert spliced == subprocess.run(["git", "cat-file", "tree", expected], cwd=root, capture_output=True,
                                     check=True).stdout
