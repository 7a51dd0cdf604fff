"""Reading while a write is in progress (docs/reliability.md): while a live writer holds
`.git/antt.lock`, `status`, `history` and `draft` read HEAD's committed state, not the
working tree the writer may have half written; without the lock they read the working
tree as before. The lock is held by a helper process that takes it as antt does
(audit/lock.py `DossierLock`) and keeps it until told to stop."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, antt, git, ok

HOLD = ("import sys; from pathlib import Path; from antt_cli.audit.lock import DossierLock\n"
        "lock = DossierLock(Path(sys.argv[1]), timeout=30); lock.acquire()\n"
        "print('held', flush=True); sys.stdin.read(); lock.release()\n")
NOTICE_VI = "đây là trạng thái đã commit (HEAD)"
NOTICE_EN = "this is the committed state (HEAD)"
CASE = "models/MH-2025-001/case.yaml"


@contextlib.contextmanager
def writer_holding_lock(root: Path):
    """A live process holding the dossier lock for the block."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(root)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "held"
        assert (root / ".git" / "antt.lock").exists()
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert not (root / ".git" / "antt.lock").exists()


def status_rows(root: Path, lang: str | None = None):
    result = antt("--json", "status", root=root, lang=lang)
    assert result.exit_code == 0, result
    return {row["id"]: row for row in json.loads(result.stdout)}, result.stderr


def edit_in_working_tree(root: Path) -> None:
    """An uncommitted edit of MH-2025-001's name and an uncommitted new case MH-2025-009."""
    path = root / CASE
    text = path.read_text(encoding="utf-8")
    assert "name: Tổ tự quản an ninh trật tự" in text
    path.write_text(text.replace("name: Tổ tự quản an ninh trật tự", "name: Tên sửa chưa commit"),
                    encoding="utf-8")
    new = root / "models" / "MH-2025-009"
    shutil.copytree(root / "models" / "MH-2025-001", new)
    (new / "case.yaml").write_text(text.replace("MH-2025-001", "MH-2025-009"), encoding="utf-8")


def test_status_shows_head_while_a_writer_holds_the_lock(launched):
    edit_in_working_tree(launched)

    rows, err = status_rows(launched)  # no lock: the working tree, as before
    assert rows["MH-2025-001"]["name"] == "Tên sửa chưa commit"
    assert "MH-2025-009" in rows
    assert NOTICE_VI not in err

    with writer_holding_lock(launched):
        rows, err = status_rows(launched)
        assert rows["MH-2025-001"]["name"] == "Tổ tự quản an ninh trật tự"
        assert set(rows) == {"MH-2025-001", "MH-2025-002"}  # the uncommitted case is not shown
        assert err.count(NOTICE_VI) == 1 and len(err.strip().splitlines()) == 1, err

        detail = antt("--json", "status", "MH-2025-001", root=launched)
        assert detail.exit_code == 0, detail
        assert json.loads(detail.stdout)["name"] == "Tổ tự quản an ninh trật tự"
        assert NOTICE_VI in detail.stderr

        unknown = antt("status", "MH-2025-009", root=launched)
        assert unknown.exit_code == 1 and "MH-2025-009" in unknown.stderr, unknown
        assert antt("history", "MH-2025-009", root=launched).exit_code == 1

        english = antt("--json", "status", "MH-2025-001", root=launched, lang="en")
        assert english.exit_code == 0 and NOTICE_EN in english.stderr, english

    rows, err = status_rows(launched)  # released: the working tree again
    assert rows["MH-2025-001"]["name"] == "Tên sửa chưa commit" and "MH-2025-009" in rows
    assert NOTICE_VI not in err
    assert json.loads(ok("--json", "status", "MH-2025-001", root=launched).stdout)["name"] == "Tên sửa chưa commit"


def test_half_written_files_read_as_committed(launched, tmp_path):
    # A writer killed mid-way is recovered; a live one leaves half-written files for a moment.
    for rel in (CASE, "antt.yaml"):
        data = (launched / rel).read_bytes()
        (launched / rel).write_bytes(data[: len(data) // 2] + b"\n  - [unclosed\n")
    assert antt("status", root=launched).exit_code == 1  # no lock: the broken files are reported

    with writer_holding_lock(launched):
        rows, _ = status_rows(launched)
        assert rows["MH-2025-001"]["status"] == "active"
        detail = antt("--json", "status", "MH-2025-001", root=launched)
        assert detail.exit_code == 0, detail
        history = antt("--json", "history", "MH-2025-001", root=launched)
        assert history.exit_code == 0, history
        assert [e["action"] for e in json.loads(history.stdout)][0] == "new-model"
        drafted = antt("--json", "draft", "MH-2025-001", "establishment-decision", "-o", str(tmp_path / "d.docx"), root=launched)
        assert drafted.exit_code == 0, drafted
        assert (tmp_path / "d.docx").stat().st_size > 0
    assert git(launched, "status", "--porcelain").strip()  # the working tree is left as it was


def test_git_is_asked_only_while_a_writer_holds_the_lock(launched, monkeypatch):
    """Lock free: git's index only (one `ls-files`, one `diff-files`: the blob ids of the
    unchanged files) for the whole dossier, no git at all for one case. Lock held: one
    `ls-tree`; blobs are read (one `cat-file --batch`) only when neither the read cache nor
    the working tree has them."""
    from antt_cli.audit import git as gitq

    monkeypatch.setenv("ANTT_DIGESTS", "off")  # the cold read below parses: no digests from the branch antt-digests
    calls: list[str] = []
    run, run_bytes, plain = gitq._run, gitq._run_bytes, gitq._plain_start
    monkeypatch.setattr(gitq, "_run", lambda root, *a, **k: (calls.append(a[0]), run(root, *a, **k))[1])
    monkeypatch.setattr(gitq, "_run_bytes", lambda root, *a, **k: (calls.append(a[0]), run_bytes(root, *a, **k))[1])
    monkeypatch.setattr(gitq, "_plain_start", lambda root, *a, **k: (calls.append(a[0]), plain(root, *a, **k))[1])

    (launched / ".git" / "antt" / "listing.txt").unlink(missing_ok=True)  # git's answer not remembered yet (store/listing.py)
    ok("status", root=launched)
    assert sorted(calls) == ["diff-files", "ls-files"]  # the two at once
    calls.clear()
    ok("status", "MH-2025-001", root=launched)
    assert calls == []

    edit_in_working_tree(launched)
    with writer_holding_lock(launched):
        calls.clear()
        ok("status", root=launched)  # warm cache (HEAD's blobs were read before the edit)
        assert calls.count("ls-tree") == 1 and "cat-file" not in calls, calls

        cache = launched / ".git" / "antt" / "cases.sqlite"
        cache.unlink()
        calls.clear()
        rows, _ = status_rows(launched)  # cold: the edited file's HEAD blob comes from git
        assert rows["MH-2025-001"]["name"] == "Tổ tự quản an ninh trật tự"
        assert calls.count("ls-tree") == 1 and calls.count("cat-file") == 1, calls


def test_a_stale_lock_is_cleared_and_the_working_tree_read(launched):
    edit_in_working_tree(launched)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import socket

    (launched / ".git" / "antt.lock").write_text(json.dumps(
        {"pid": int(dead.stdout), "host": socket.gethostname(), "time": "?", "command": "antt record", "token": "x"}),
        encoding="utf-8")
    rows, err = status_rows(launched)
    assert rows["MH-2025-001"]["name"] == "Tên sửa chưa commit"
    assert NOTICE_VI not in err
    assert not (launched / ".git" / "antt.lock").exists()


def test_nothing_committed_yet_is_said(tmp_path):
    # `antt init` at work: antt.yaml is on disk, HEAD has no commit yet.
    root = tmp_path / "new"
    root.mkdir()
    git(root, "init", "-q")
    (root / "antt.yaml").write_text("unit: Công an xã A\nprovince: Lâm Đồng\n", encoding="utf-8")
    with writer_holding_lock(root):
        result = antt("status", root=root, lang="en")
    assert result.exit_code == 1 and "never been committed" in result.stderr, result


def test_blob_contents_reads_many_blobs_in_one_batch(launched):
    from antt_cli.audit import git as gitq

    blobs = gitq.head_blobs(launched, ["antt.yaml", "models"])
    assert "antt.yaml" in blobs and CASE in blobs
    assert not any(path.startswith("exemplars/") for path in blobs)
    wanted = [blobs["antt.yaml"], "0" * 40, blobs[CASE]]
    got = gitq.blob_contents(launched, wanted)
    assert set(got) == {blobs["antt.yaml"], blobs[CASE]}
    assert got[blobs[CASE]] == (launched / CASE).read_bytes()
    assert got[blobs["antt.yaml"]] == (launched / "antt.yaml").read_bytes()
