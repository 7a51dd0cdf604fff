"""Nothing lost, nothing half-done: rollback on injected failures, the dossier lock across
processes, a repository without git identity, dirty or mid-merge repositories (docs/commands.md
Global; docs/commands.md)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import antt, antt_process, build_steps, git, new_model, ok, refused, snapshot

RECORD_FIRST = ["record", "MH-2025-001", *build_steps(False)[0]]


@pytest.fixture
def opened(dossier) -> Path:
    new_model(dossier, linked=False)
    return dossier


def test_rollback_when_the_template_fails_to_render(opened):
    override = opened / "templates"
    override.mkdir()
    from docx import Document

    broken = Document()
    broken.add_paragraph("{{ case.name ")  # an unclosed Jinja tag
    broken.save(override / "survey-plan.docx")
    git(opened, "add", "templates")
    git(opened, "commit", "-qm", "Mẫu riêng của đơn vị (hỏng)")
    result = refused(opened, *RECORD_FIRST)
    assert "survey-plan" in result.stderr


def test_rollback_when_a_pre_commit_hook_fails(opened):
    hook = opened / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = refused(opened, *RECORD_FIRST)
    assert "hook says no" in result.stderr
    assert not list((opened / "models" / "MH-2025-001").glob("docs/*"))


def test_rollback_on_an_exception_after_the_first_file(opened, monkeypatch):
    from antt_cli.audit.transaction import Transaction

    real = Transaction.write_text

    def explode(self, relpath, text):
        assert self.paths, "the DOCX is written before the case file"
        raise RuntimeError("disk full")

    monkeypatch.setattr(Transaction, "write_text", explode)
    result = refused(opened, *RECORD_FIRST, code=3)  # a bug, not a refusal
    assert "disk full" in result.stderr and "last-error.log" in result.stderr
    assert "RuntimeError: disk full" in (opened / ".git" / "antt" / "last-error.log").read_text(encoding="utf-8")
    monkeypatch.setattr(Transaction, "write_text", real)
    ok(*RECORD_FIRST, root=opened)


def test_mid_merge_and_detached_head_refused(opened):
    head = git(opened, "rev-parse", "HEAD").strip()
    (opened / ".git" / "MERGE_HEAD").write_text(head + "\n")
    refused(opened, *RECORD_FIRST, contains="merge")
    (opened / ".git" / "MERGE_HEAD").unlink()
    git(opened, "checkout", "-q", "--detach")
    refused(opened, *RECORD_FIRST)
    git(opened, "checkout", "-q", "main")
    ok(*RECORD_FIRST, root=opened)


HOLD_LOCK = """
import sys, time
from pathlib import Path
from antt_cli.audit.lock import DossierLock
with DossierLock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_second_process_waits_then_refuses_dossier_busy(opened):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(opened), "4"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        before = snapshot(opened)
        started = time.monotonic()
        done = antt_process("--dossier", str(opened), *RECORD_FIRST, env={"ANTT_LOCK_TIMEOUT": "1"})
        waited = time.monotonic() - started
        assert done.returncode == 1, done.stderr
        assert "dossier busy" in done.stderr
        assert waited >= 1.0
        assert snapshot(opened) == before
    finally:
        holder.wait(timeout=30)
    done = antt_process("--dossier", str(opened), *RECORD_FIRST)
    assert done.returncode == 0, done.stderr


def test_stale_lock_from_a_dead_process_is_cleared(opened):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = opened / ".git" / "antt.lock"
    from antt_cli.audit.lock import DossierLock  # write a real lock in the lock's own format

    with DossierLock(opened):
        content = lock.read_text(encoding="utf-8")
    assert str(os.getpid()) in content
    lock.write_text(content.replace(str(os.getpid()), str(dead.pid)), encoding="utf-8")
    result = antt(*RECORD_FIRST, root=opened)
    assert result.exit_code == 0, result
    assert str(dead.pid) in result.stderr
    assert not lock.exists()


def no_identity_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home-empty"
    home.mkdir()
    empty = home / "empty-gitconfig"
    empty.write_text("")
    return {"HOME": str(home), "GIT_CONFIG_GLOBAL": str(empty), "GIT_CONFIG_NOSYSTEM": "1"}


def test_no_git_identity_refused_unless_the_profile_names_the_officer(tmp_path):
    env = no_identity_env(tmp_path)
    root = tmp_path / "ho-so"
    done = antt_process("init", str(root), "--unit", "Công an xã A", "--province", "Lâm Đồng", env=env)
    assert done.returncode == 1 and "user.name" in done.stderr
    assert not root.exists()
    done = antt_process("init", str(root), "--unit", "Công an xã A", "--province", "Lâm Đồng",
                        "--officer", "Trần Văn Cán", "--officer-email", "can@example.vn", env=env)
    assert done.returncode == 0, done.stderr
    done = antt_process("--dossier", str(root), "new-model", "M", "--area", "Thôn 1", env=env)
    assert done.returncode == 0, done.stderr
    assert git(root, "log", "-1", "--format=%an <%ae>").strip() == "Trần Văn Cán <can@example.vn>"
    # init --officer made the officer this dossier's git user (docs/commands.md "Global");
    # a clone on a machine without a git identity has only antt.yaml's officer left.
    assert git(root, "config", "--local", "user.name").strip() == "Trần Văn Cán"
    subprocess.run(["git", "config", "--local", "--unset", "user.name"], cwd=root, check=True)
    done = antt_process("--dossier", str(root), "new-model", "M2", "--area", "Thôn 3", env=env)
    assert done.returncode == 0, done.stderr
    assert git(root, "log", "-1", "--format=%an <%ae>").strip() == "Trần Văn Cán <can@example.vn>"
    # Remove the officer: the next command is refused and changes nothing.
    profile = root / "antt.yaml"
    text = profile.read_text(encoding="utf-8").replace("officer: Trần Văn Cán", "officer:")
    profile.write_text(text, encoding="utf-8")
    subprocess.run(["git", "-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qam", "bỏ cán bộ"],
                   cwd=root, check=True, env={**os.environ, **env})
    before = snapshot(root)
    done = antt_process("--dossier", str(root), "new-model", "N", "--area", "Thôn 2", env=env)
    assert done.returncode == 1 and "officer" in done.stderr
    assert snapshot(root) == before


def test_not_a_dossier(tmp_path):
    result = antt("--dossier", str(tmp_path), "status")
    assert result.exit_code == 1 and "antt.yaml" in result.stderr
