"""Input hygiene at the edge and the dossier's edge cases: bad bytes and control
characters refused with the option named, escape sequences never printed raw, YAML types
checked with file:line, a CSV cell over the limit, `draft -o DIR`, a bad ANTT_TODAY, a
git-ignored file at a target path, a failed write that must not warn of a failed restore,
repository operations in progress."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, antt, antt_process, build_steps, git, new_model, ok, refused, snapshot

from antt_cli.hygiene import problem, safe

RECORD_FIRST = ["record", "MH-2025-001", *build_steps(False)[0]]
CASE = Path("models/MH-2025-001/case.yaml")


@pytest.fixture
def opened(dossier) -> Path:
    new_model(dossier, linked=False)
    return dossier


# -- the pure checks -------------------------------------------------------------------------
@pytest.mark.parametrize("text, free, expected", [
    ("Tổ tự quản thôn Lâm Giáo", False, None),
    ("T\udcff\udcfe", False, "store.problem.utf8"),
    ("A\x00B", False, "store.problem.control"),
    ("\x1b[31mđỏ", False, "store.problem.control"),
    ("dòng 1\ndòng 2\tcột", True, None),
    ("dòng 1\ndòng 2", False, "store.problem.control"),
    ("\x9b31m", True, "store.problem.control"),  # a C1 control (CSI) too
])
def test_problem(text, free, expected):
    found = problem(text, free_text=free)
    assert (found[0] if found else None) == expected


def test_safe_shows_escapes_and_bytes():
    assert safe("\x1b[2Jtên") == "\\x1b[2Jtên"
    assert safe("T\udcff") == "T\\xff"
    assert safe("a\nb", keep="\n") == "a\nb"
    assert safe("Mô hình") == "Mô hình"


# -- the command line ------------------------------------------------------------------------
@pytest.mark.skipif(os.name == "nt", reason="bytes in argv exist on POSIX only (Windows passes UTF-16 text)")
def test_invalid_utf8_name_refused_naming_it(dossier):
    before = snapshot(dossier)
    env = dict(os.environ)
    done = subprocess.run([sys.executable, "-m", "antt_cli", "--dossier", str(dossier), "new-model",
                           b"T\xff\xfe", "--area", "Y"], capture_output=True, env=env)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert "NAME" in err and "UTF-8" in err and "\\xff" in err
    assert snapshot(dossier) == before
    assert not (dossier / ".git" / "antt.lock").exists()
    assert "\x1b" not in err


@pytest.mark.parametrize("args, named", [
    (["new-model", "T\x1b[31mđỏ", "--area", "Y"], "NAME"),
    (["new-model", "Tên", "--area", "Thôn\x07"], "--area"),
    (["new-model", "Tên", "--area=Thôn\x00"], "--area"),
    (["new-model", "Tên\ndòng hai", "--area", "Y"], "NAME"),
])
def test_control_characters_refused_naming_the_option(dossier, args, named):
    result = refused(dossier, *args, code=2)
    assert named in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_free_text_options_take_newlines(opened):
    ok(*RECORD_FIRST, "--set", "note=Dòng một\nDòng hai", root=opened)


def test_nul_in_csv_name_refused_with_row_and_column(tmp_path):
    from antt_cli.errors import AnttError
    from antt_cli.store.members import read_members

    members = tmp_path / "members.csv"
    members.write_bytes("name,role,unit,phone\nNguyễn\x00Văn A,Tổ viên,Thôn 1,0900\n".encode("utf-8"))
    with pytest.raises(AnttError) as err:
        read_members(members)
    text = err.value.message()
    assert "members.csv" in text and "2" in text and "name" in text and "U+0000" in text


def test_csv_cell_over_the_limit_refused(opened, tmp_path):
    members = tmp_path / "big.csv"
    members.write_text("name,role,unit,phone\n" + "A" * (129 * 1024) + ",Tổ viên,Thôn 1,0900\n", encoding="utf-8")
    from antt_cli.errors import AnttError
    from antt_cli.store.members import read_members

    with pytest.raises(AnttError) as err:
        read_members(members)
    assert "big.csv" in err.value.message() and "4096" in err.value.message()


# -- files with the wrong types --------------------------------------------------------------
@pytest.mark.parametrize("old, new, key", [
    ("signer: {", "signer: \"văn bản\"\n  x: {", "signer"),
    ("number: 01/KH-CAX", "number: 2", "number"),
    ("members: []", "members: [1, 2]", "members"),
])
def test_wrong_yaml_types_named_with_file_and_line(launched, old, new, key):
    path = launched / CASE
    text = path.read_text(encoding="utf-8")
    if old == "signer: {":
        index = text.index("signer: {")
        end = text.index("\n", index)
        text = text[:index] + 'signer: "văn bản"' + text[end:]
    else:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.strip().startswith(f"{key}:")
                and ("văn bản" in l or "2" in l or "[1, 2]" in l))
    for args in (["status", "MH-2025-001"], ["status"]):
        result = antt(*args, root=launched)
        assert result.exit_code == 1, result
        assert f"{CASE.as_posix()}:{line}" in result.stderr and key in result.stderr, result


def test_escape_sequences_in_names_never_reach_the_terminal(launched):
    path = launched / CASE
    text = path.read_text(encoding="utf-8")
    first = next(l for l in text.splitlines() if l.startswith("name:"))
    path.write_text(text.replace(first, 'name: "\\e[2J\\a[b]x"', 1), encoding="utf-8")
    for args in (["status"], ["status", "MH-2025-001"]):
        result = ok(*args, root=launched)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\\x1b[2J\\x07[b]x" in result.stdout  # shown as typed, not run, not taken as markup


# -- smaller findings --------------------------------------------------------------------------
def test_draft_into_a_directory_and_an_unwritable_path(launched, tmp_path):
    out = tmp_path / "drafts"
    out.mkdir()
    ok("draft", "MH-2025-001", "launch", "-o", str(out), root=launched)
    assert [p.suffix for p in out.iterdir()] == [".docx"]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = antt("draft", "MH-2025-001", "launch", "-o", str(blocker / "sub" / "x.docx"), root=launched)
    assert result.exit_code == 1, result
    assert "-o" in result.stderr


def test_invalid_antt_today_is_named(launched):
    done = antt_process("--dossier", str(launched), "status", env={"ANTT_TODAY": "2026-02-31"})
    assert done.returncode == 1, done.stderr
    assert "ANTT_TODAY" in done.stderr and "2026-02-31" in done.stderr and "Traceback" not in done.stderr


def test_git_ignored_file_at_a_target_path_is_not_overwritten(opened):
    (opened / ".gitignore").write_text("*.docx\n", encoding="utf-8")
    git(opened, "add", ".gitignore")
    git(opened, "commit", "-qm", "bỏ qua docx")
    target = opened / "models" / "MH-2025-001" / "docs" / "01-survey-plan.docx"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"my own file")
    result = refused(opened, *RECORD_FIRST)
    assert "01-survey-plan.docx" in result.stderr and ".gitignore" in result.stderr
    assert target.read_bytes() == b"my own file"


def test_failed_write_leaves_no_false_restore_warning(opened, monkeypatch):
    from antt_cli.audit import transaction
    from antt_cli.errors import AnttError

    real = transaction._atomic_write

    def read_only_case_folder(full, data, mode, rel, tmp=None):
        if rel.endswith("case.yaml"):
            raise AnttError("audit.write_failed", path=rel, detail="Permission denied")
        return real(full, data, mode, rel, tmp)

    monkeypatch.setattr(transaction, "_atomic_write", read_only_case_folder)
    result = refused(opened, *RECORD_FIRST)
    assert "Permission denied" in result.stderr
    assert "khôi phục" not in result.stderr and "restore" not in result.stderr, result
    assert not (opened / ".git" / "antt" / "journal.json").exists()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_case_folder(opened):
    folder = opened / "models" / "MH-2025-001"
    folder.chmod(0o555)
    try:
        result = refused(opened, *RECORD_FIRST)
        assert "restore" not in result.stderr and "khôi phục" not in result.stderr
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name, command", [("REVERT_HEAD", "git revert"), ("CHERRY_PICK_HEAD", "git cherry-pick"),
                                           ("BISECT_LOG", "git bisect")])
def test_operations_in_progress_refused(opened, name, command):
    (opened / ".git" / name).write_text(git(opened, "rev-parse", "HEAD"))
    result = refused(opened, *RECORD_FIRST)
    assert command in result.stderr


def test_sample_members_still_read():
    from antt_cli.store.members import read_members

    assert read_members(SAMPLE / "members-lam-giao.csv")


@pytest.mark.parametrize("old, new, key", [
    ("head: {title: Chủ tịch, name: Trần Thị Hoa}", "head: Chủ tịch Trần Thị Hoa", "head"),
    ("code: UBND", "code: [UBND]", "code"),
    ("own: true", "own: có", "own"),
])
def test_wrong_types_in_antt_yaml_named_with_line(opened, old, new, key):
    path = opened / "antt.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if new in l)
    result = antt("status", root=opened)
    assert result.exit_code == 1, result
    assert f"antt.yaml:{line}" in result.stderr and key in result.stderr, result
