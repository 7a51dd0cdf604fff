"""The officer's Windows PC, emulated on this machine (README "On Windows"): Vietnamese output
through a non-console stream in an ANSI code page, a file system without hard links (FAT/exFAT
sticks: EINVAL, winerror 1/50/87), a lock file another process holds open while it is
released, a document held open in Word during recovery, attachments whose names collide on
NTFS, LibreOffice outside PATH, a dossier in OneDrive, and the README's PowerShell block.

Each emulation monkeypatches what Windows would do (errno, winerror, PermissionError, the
stream's encoding) and runs the real CLI on a real git dossier. Tests that need a real
Windows host are marked `windows` (.github/workflows/windows.yml runs them there)."""
from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import antt, antt_process, git, ok

from antt_cli.audit import journal as jr
from antt_cli.audit import lock as lockmod

REPO = Path(__file__).resolve().parent.parent


def snapshot(root: Path) -> tuple[str, str]:
    return git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain", "--ignored", "--untracked-files=all")


# -- 1. Vietnamese through a pipe in an ANSI code page --------------------------------------------
@pytest.mark.parametrize("codepage", ["cp1258", "cp437"])
def test_redirected_output_in_an_ansi_code_page_keeps_vietnamese(tmp_path, codepage):
    """Python writes a redirected stream in the ANSI code page on Windows (forced here with
    PYTHONIOENCODING); antt must still write UTF-8, on stdout and stderr."""
    env = {**os.environ, "PYTHONIOENCODING": codepage, "ANTT_LANG": "vi"}
    env.pop("PYTHONUTF8", None)
    out = subprocess.run([sys.executable, "-m", "antt_cli", "--help"], capture_output=True, env=env,
                         cwd=tmp_path, timeout=60)
    assert out.returncode == 0
    text = out.stdout.decode("utf-8")  # strict: fails on cp1258/cp437 bytes
    assert "hồ sơ" in text.casefold(), text[:300]
    err = subprocess.run([sys.executable, "-m", "antt_cli", "--dossier", str(tmp_path), "status"],
                         capture_output=True, env=env, cwd=tmp_path, timeout=60)
    assert err.returncode == 1
    message = err.stderr.decode("utf-8")
    assert "?" not in message.replace("?", "", message.count("có phải")), message
    assert "hồ sơ" in message.casefold(), message


# -- 2. no hard links (FAT/exFAT, some shares) -----------------------------------------------------
def _no_links(error: OSError):
    def link(src, dst, *args, **kwargs):
        raise error
    return link


def _winerror(code: int) -> OSError:
    exc = OSError(0, "The request is not supported")
    exc.winerror = code  # what CPython sets on Windows; errno stays 0 here, as winerror decides
    return exc


@pytest.mark.parametrize("error", [OSError(errno.EINVAL, "Invalid argument"), _winerror(1), _winerror(50),
                                   _winerror(87)], ids=["EINVAL", "winerror1", "winerror50", "winerror87"])
def test_writes_work_without_hard_links(dossier, monkeypatch, error):
    monkeypatch.setattr(os, "link", _no_links(error))
    result = antt("new-model", "Tổ tự quản thôn Mới", "--area", "Thôn Mới", "--date", "2025-09-01", root=dossier)
    assert result.exit_code == 0, result
    assert not (dossier / ".git" / "antt.lock").exists()
    assert git(dossier, "status", "--porcelain", "--untracked-files=all") == ""


def test_other_link_errors_still_refuse(dossier, monkeypatch):
    monkeypatch.setattr(os, "link", _no_links(OSError(errno.EIO, "Input/output error")))
    before = snapshot(dossier)
    result = antt("new-model", "Tổ tự quản thôn Mới", "--area", "Thôn Mới", "--date", "2025-09-01", root=dossier)
    assert result.exit_code == 1, result
    assert snapshot(dossier) == before


# -- 3. the lock file held open by a reader while it is released ------------------------------------
def test_a_lock_that_could_not_be_deleted_is_still_ours(dossier, monkeypatch):
    """Windows refuses to delete a file another process has open (a reader checking who holds
    the lock). The same process must not find itself "busy" on its next command."""
    real_unlink = Path.unlink
    refused = []

    def unlink(self, *args, **kwargs):
        if self.name == "antt.lock":
            refused.append(self)
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        return real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setenv("ANTT_LOCK_TIMEOUT", "0.5")
    monkeypatch.setattr(lockmod.time, "sleep", lambda s: None)
    ok("new-model", "Tổ tự quản thôn Một", "--area", "Thôn Một", "--date", "2025-09-01", root=dossier)
    assert refused and (dossier / ".git" / "antt.lock").exists()
    second = antt("new-model", "Tổ tự quản thôn Hai", "--area", "Thôn Hai", "--date", "2025-09-02", root=dossier)
    assert second.exit_code == 0, second
    assert "stale" not in second.stderr and "bỏ" not in second.stderr.casefold()


def test_another_live_process_lock_is_still_busy(dossier, monkeypatch):
    """Only this process's own undeleted tokens are taken back: a lock naming this pid with
    another token (a second DossierLock held in this process) stays busy."""
    held = lockmod.DossierLock(dossier, timeout=0)
    held.acquire()
    try:
        other = lockmod.DossierLock(dossier, timeout=0)
        assert not other.try_acquire()
    finally:
        held.release()
    assert not (dossier / ".git" / "antt.lock").exists()


# -- 4. a document open in Word while a killed command is recovered ---------------------------------
AMEND = ["amend", "MH-2025-001", "survey-report", "--date", "2025-09-21", "--reason", "Ghi nhầm ngày"]


@pytest.fixture
def half_amended(launched) -> Path:
    """An amend killed after writing its files, before the commit (kill -9 / a power cut)."""
    if not hasattr(__import__("signal"), "SIGKILL"):
        pytest.skip("SIGKILL is POSIX")
    killed = antt_process("--dossier", str(launched), *AMEND, env={"ANTT_TEST_CRASH_AT": "written"})
    assert killed.returncode != 0
    assert (launched / ".git" / "antt" / "journal.json").exists()
    return launched


def _in_use(monkeypatch, name_part: str):
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if name_part in os.fspath(dst):
            raise PermissionError(errno.EACCES, "The process cannot access the file because it is "
                                                "being used by another process", os.fspath(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(jr.time, "sleep", lambda s: None)


def test_recovery_with_a_document_open_in_word_names_it_and_keeps_the_journal(half_amended, monkeypatch):
    root = half_amended
    journal = root / ".git" / "antt" / "journal.json"
    docx = next((root / "models" / "MH-2025-001" / "docs").glob("*.docx"))
    _in_use(monkeypatch, ".docx")
    head = git(root, "rev-parse", "HEAD")

    read = antt("status", "MH-2025-001", root=root)
    assert read.exit_code == 0, read  # a read is not stopped, it says which file to close
    assert ".docx" in read.stderr and "Word" in read.stderr, read.stderr
    assert journal.exists()

    write = antt("new-model", "Tổ tự quản thôn Ba", "--area", "Thôn Ba", "--date", "2025-09-01", root=root)
    assert write.exit_code == 1, write  # never exit 3; never a second journal over the first
    assert ".docx" in write.stderr and journal.exists()
    assert git(root, "rev-parse", "HEAD") == head

    monkeypatch.undo()  # Word is closed
    again = antt("status", "MH-2025-001", root=root)
    assert again.exit_code == 0 and not journal.exists(), again
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    assert docx.exists()


def test_recover_returns_incomplete_while_a_file_is_in_use(half_amended, monkeypatch):
    root = half_amended
    _in_use(monkeypatch, ".docx")
    said: list[str] = []
    assert jr.recover(root, root / ".git", said.append) == "incomplete"
    assert any(".docx" in s for s in said)
    monkeypatch.undo()
    assert jr.recover(root, root / ".git", said.append) == "rolled-back"


# -- 5. smaller points -------------------------------------------------------------------------------
def test_attachments_whose_names_differ_only_in_case_are_refused(launched, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "Scan.pdf").write_bytes(b"%PDF-1.4 one")
    (b / "scan.PDF").write_bytes(b"%PDF-1.4 two")
    before = snapshot(launched)
    result = antt("record", "MH-2025-001", "evidence", "--date", "2026-01-10", "--attach", str(a / "Scan.pdf"),
                  "--attach", str(b / "scan.PDF"), root=launched)
    assert result.exit_code == 1, result
    assert "Scan.pdf" in result.stderr and "scan.PDF" in result.stderr
    assert snapshot(launched) == before


def test_libreoffice_found_outside_path(tmp_path, monkeypatch):
    from antt_cli.services.record import find_libreoffice

    program = tmp_path / "Program Files" / "LibreOffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice.exe").write_bytes(b"")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("ANTT_SOFFICE", raising=False)
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    assert find_libreoffice() == str(program / "soffice.exe")
    monkeypatch.setenv("ANTT_SOFFICE", str(tmp_path / "elsewhere.exe"))
    assert find_libreoffice() is None  # named but absent: not silently another one
    (tmp_path / "elsewhere.exe").write_bytes(b"")
    assert find_libreoffice() == str(tmp_path / "elsewhere.exe")


def test_init_warns_about_onedrive_and_sets_longpaths(tmp_path, monkeypatch):
    synced = tmp_path / "OneDrive - Công an tỉnh"
    monkeypatch.setenv("OneDrive", str(synced))
    result = antt("init", str(synced / "ho-so"), "--unit", "Công an xã Hàm Thuận", "--province", "Lâm Đồng",
                  "--officer", "Nguyễn Văn Kiểm")
    assert result.exit_code == 0, result
    assert "OneDrive" in result.stderr and "git bundle" in result.stderr
    assert git(synced / "ho-so", "config", "core.longpaths").strip() == "true"
    plain = antt("init", str(tmp_path / "HoSo"), "--unit", "Công an xã Hàm Thuận", "--province", "Lâm Đồng",
                 "--officer", "Nguyễn Văn Kiểm")
    assert plain.exit_code == 0 and "OneDrive" not in plain.stderr


def test_synced_folder_rule():
    from antt_cli.services.dossier import synced_folder

    env = {"OneDriveCommercial": r"C:\Users\kiem\OneDrive - CA"}
    assert synced_folder(Path("/home/kiem/ho-so"), {}) is None
    assert synced_folder(Path("/home/kiem/OneDrive/ho-so"), {}) == str(Path("/home/kiem/OneDrive"))
    assert synced_folder(Path("/data/ho-so"), env) is None


def test_kind_cache_lives_in_the_platform_cache_folder(monkeypatch, tmp_path):
    from antt_cli.store import kinds

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = kinds._cache_dir()
    assert folder is not None and "antt" in folder.parts
    if sys.platform.startswith("linux"):
        assert folder.is_relative_to(tmp_path / "xdg")


# -- 6. the README's PowerShell block and the repository's own line endings ----------------------------
def _powershell_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```powershell\n(.*?)```", text, re.S)


def test_readme_powershell_block_runs_in_powershell_5():
    blocks = _powershell_blocks()
    assert len(blocks) >= 2
    whole = "\n".join(blocks)
    for line in whole.splitlines():
        assert "&&" not in line, line  # not in PowerShell 5.1
        assert not line.rstrip().endswith("\\"), line  # backslash continuation is bash
        assert not line.startswith("python3"), line  # the Microsoft Store stub
        assert not re.match(r"^[A-Z_]+=\S+ ", line), line  # VAR=value cmd is bash
        assert "Activate.ps1" not in line and ".venv/bin" not in line, line
    assert "py -3.11 -m venv .venv" in whole
    assert ".venv\\Scripts\\python -m pip install -e ." in whole
    assert ".venv\\Scripts\\antt demo" in whole
    assert ".venv\\Scripts\\python -m pytest" in whole
    assert "$env:ANTT_TODAY" in whole
    assert any(line.rstrip().endswith("`") for line in whole.splitlines())  # backtick continuation


def test_repository_gitattributes_keeps_lf_and_binary_documents():
    text = (REPO / ".gitattributes").read_text(encoding="utf-8")
    assert "* text=auto eol=lf" in text and "*.docx binary" in text and ".ci/run text eol=lf" in text


def test_windows_workflow_runs_the_readme_commands():
    flow = (REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "windows-latest" in flow
    for line in ("py -3.11 -m venv .venv", ".venv\\Scripts\\antt demo", "-m windows"):
        assert line in flow, line


@pytest.mark.windows
@pytest.mark.skipif(os.name != "nt", reason="needs a real Windows host")
def test_word_holding_a_document_on_windows(launched):
    """On a real Windows host: a DOCX opened without FILE_SHARE_DELETE cannot be replaced;
    `amend` refuses naming it and leaves the dossier as it was."""
    import msvcrt  # noqa: F401 - only on Windows

    docx = next((launched / "models" / "MH-2025-001" / "docs").glob("*.docx"))
    handle = open(docx, "rb")  # Python opens without FILE_SHARE_DELETE: replace fails
    try:
        before = snapshot(launched)
        result = antt(*AMEND, root=launched)
        assert result.exit_code == 1 and docx.name in result.stderr
        assert snapshot(launched) == before
    finally:
        handle.close()
    assert shutil.which("git")

