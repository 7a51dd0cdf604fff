"""`antt accept`, the refusal to overwrite a document edited by hand (`amend`, the exemplar
criteria amendment's re-render) and `--discard-edits`, and `antt withdraw` — all through the
real CLI on a real git dossier; every refusal leaves the tree and HEAD as they were."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import docx
import pytest

from conftest import build_steps, commit_count, git, new_model, ok, refused
from antt_cli.store.yamlio import load_yaml

CASE = "MH-2025-001"


def _case(root: Path, case_id: str = CASE) -> dict:
    return load_yaml(root / "models" / case_id / "case.yaml")


def _doc(root: Path, kind: str, case_id: str = CASE) -> dict:
    return next(d for d in _case(root, case_id)["documents"] if d["kind"] == kind)


def _edit_in_word(root: Path, kind: str, text: str, commit: bool = True) -> Path:
    """What an officer does in Word: fill in a paragraph, save (and commit it)."""
    path = root / "models" / CASE / _doc(root, kind)["file"]
    document = docx.Document(str(path))
    document.paragraphs[-1].text = text
    document.save(str(path))
    if commit:
        git(root, "commit", "-q", "-am", "Sửa trong Word")
    return path


def _texts(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_amend_refuses_to_overwrite_a_hand_edit_until_accepted(launched):
    path = _edit_in_word(launched, "establishment-decision", "Thư ký: Nguyễn Thị Lan")
    result = refused(launched, "amend", CASE, "establishment-decision", "--number", "15/QĐ-UBND",
                     "--reason", "Ghi nhầm số", contains="antt accept")
    assert path.name in result.stderr and "--discard-edits" in result.stderr
    count = commit_count(launched)
    ok("accept", CASE, "establishment-decision", root=launched)
    assert commit_count(launched) == count + 1
    assert _doc(launched, "establishment-decision")["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "Antt-Action: accept establishment-decision" in git(launched, "log", "-1", "--format=%B")
    history = json.loads(ok("--json", "history", CASE, root=launched).stdout)
    assert history[-1]["action"] == "accept establishment-decision"
    assert "Thư ký: Nguyễn Thị Lan" in _texts(path)      # accepting keeps the file as edited
    refused(launched, "accept", CASE, "establishment-decision", contains="antt")  # nothing left to accept
    ok("amend", CASE, "establishment-decision", "--number", "15/QĐ-UBND", "--reason", "Ghi nhầm số",
       root=launched)                                    # accepted: amend may render it again
    assert _doc(launched, "establishment-decision")["number"] == "15/QĐ-UBND"


def test_discard_edits_renders_over_the_hand_edit(launched):
    path = _edit_in_word(launched, "establishment-decision", "Thư ký: Nguyễn Thị Lan")
    ok("amend", CASE, "establishment-decision", "--number", "15/QĐ-UBND", "--reason", "Ghi nhầm số",
       "--discard-edits", root=launched)
    assert "Thư ký: Nguyễn Thị Lan" not in _texts(path)
    assert _doc(launched, "establishment-decision")["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert git(launched, "status", "--porcelain") == ""


def test_accept_takes_an_uncommitted_edit_in_one_commit(launched):
    path = _edit_in_word(launched, "launch-plan", "Địa điểm: Nhà văn hóa thôn", commit=False)
    refused(launched, "accept", "MH-2025-077", "launch-plan", contains="MH-2025-077")
    ok("accept", CASE, "launch-plan", root=launched)
    assert git(launched, "status", "--porcelain") == ""
    assert "Địa điểm: Nhà văn hóa thôn" in _texts(path)
    changed = git(launched, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(changed) == sorted([f"models/{CASE}/case.yaml", f"models/{CASE}/{_doc(launched, 'launch-plan')['file']}"])


def test_withdraw_a_stray_plan_then_record_the_right_one(dossier, monkeypatch):
    monkeypatch.setenv("ANTT_TODAY", "2026-11-05")
    case_id = new_model(dossier, linked=False)
    for step in build_steps(False):
        ok("record", case_id, *step, root=dossier)
    ok("plan", case_id, "--year", "2026", "--date", "2026-10-15", "--number", "05/KH-BCĐ",
       "--target", "Tuần tra=48", root=dossier)
    refused(dossier, "record", case_id, "launch", "--date", "2026-11-01", contains="2027")
    refused(dossier, "withdraw", case_id, "annual-plan", "--reason", " ", contains="--reason")
    refused(dossier, "withdraw", case_id, "annual-plan", "--reason", "Nhầm năm", "--date", "2026-10-01",
            contains="15/10/2026")
    ok("withdraw", case_id, "annual-plan", "--reason", "Ban hành nhầm năm kế hoạch", "--date", "2026-10-20",
       root=dossier)
    data = _case(dossier, case_id)
    stray = next(d for d in data["documents"] if d["kind"] == "annual-plan")
    assert stray["withdrawn"]["reason"] == "Ban hành nhầm năm kế hoạch"
    assert str(stray["withdrawn"]["date"]) == "2026-10-20" and stray["withdrawn"]["plan"]["number"] == "05/KH-BCĐ"
    assert 2026 not in {int(y) for y in data["plans"]}
    message = git(dossier, "log", "-1", "--format=%B")
    assert "Antt-Action: withdraw annual-plan" in message and "Antt-Reason: Ban hành nhầm năm kế hoạch" in message
    refused(dossier, "withdraw", case_id, "annual-plan", "--reason", "Lần nữa",
            contains="Kế hoạch hoạt động năm của mô hình")
    ok("plan", case_id, "--year", "2027", "--date", "2026-10-25", "--number", "06/KH-BCĐ",
       "--target", "Tuần tra=48", root=dossier)
    ok("record", case_id, "launch", "--date", "2026-11-01", root=dossier)
    status = json.loads(ok("--json", "status", case_id, root=dossier).stdout)
    assert [p["year"] for p in status["plans"]] == [2027]


def test_withdraw_refused_where_a_later_record_rests_on_it(launched):
    refused(launched, "withdraw", CASE, "launch-plan", "--reason", "Nhầm",
            contains="dựa trên nó: Biên bản ra mắt mô hình (—, 08/11/2025)")
    refused(launched, "withdraw", CASE, "launch", "--reason", "Nhầm", contains="antt amend")
    refused(launched, "withdraw", CASE, "steering-committee-decision", "--reason", "Nhầm", contains="Kế hoạch")


def test_the_criteria_amendment_does_not_render_over_a_hand_edit(dossier):
    case_id = json.loads(ok("--json", "new-exemplar", "Tổ hòa giải thôn Lâm Giáo", "--kind", "collective",
                            "--area", "Thôn Lâm Giáo", "--scope", "several", "--date", "2025-05-02",
                            root=dossier).stdout)["id"]
    ok("record", case_id, "survey", "--date", "2025-05-05", "--number", "auto", root=dossier)
    ok("record", case_id, "criteria", "--date", "2025-05-06", root=dossier)
    path = dossier / "exemplars" / case_id / "docs" / "02-exemplar-criteria.docx"
    document = docx.Document(str(path))
    document.paragraphs[-1].text = "Ghi chú: đã thống nhất tại cuộc họp"
    document.save(str(path))
    git(dossier, "commit", "-q", "-am", "Sửa trong Word")
    add = ("criteria", "add", case_id, "tuan-tra", "Tham gia tuần tra", "--reason", "Bổ sung")
    refused(dossier, *add, contains=path.name)
    ok(*add, "--discard-edits", root=dossier)
    assert "Ghi chú: đã thống nhất tại cuộc họp" not in _texts(path)


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
@pytest.mark.parametrize("hooks", [False, True], ids=["from-objects", "git-commit"])
@pytest.mark.parametrize("edited", [False, True], ids=["as-committed", "edited-by-hand"])
def test_a_file_git_is_told_to_ignore_is_refused_not_committed_half(launched, flag, hooks, edited):
    """A case file flagged in git's index (assume-unchanged, skip-worktree) hides its edits
    from git, and git stages nothing new for it: a write there would make a commit naming a
    blob git never stored (from objects) or one without the new content (`git commit`). It is
    refused before anything is written, hand edit or not, and the repository stays whole."""
    case = launched / "models" / "MH-2025-001" / "case.yaml"
    if hooks:
        hook = launched / ".git" / "hooks" / "post-commit"
        hook.write_text("#!/bin/sh\nexit 0\n")
        hook.chmod(0o755)
    git(launched, "update-index", flag, "models/MH-2025-001/case.yaml")
    if edited:
        case.write_text(case.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    refused(launched, "progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra",
            "--achieved", "13", contains="--no-assume-unchanged --no-skip-worktree models/MH-2025-001/case.yaml")
    assert git(launched, "fsck", "--no-progress", "--connectivity-only") == ""
    git(launched, "update-index", f"--no-{flag[2:]}", "models/MH-2025-001/case.yaml")
    if edited:
        refused(launched, "progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra",
                "--achieved", "13", contains="models/MH-2025-001/case.yaml")
        git(launched, "checkout", "--", "models/MH-2025-001/case.yaml")
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "13",
       root=launched)
    assert git(launched, "status", "--porcelain") == ""


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
@pytest.mark.parametrize("hooks", [False, True], ids=["from-objects", "git-commit"])
def test_accept_refuses_a_document_git_is_told_to_ignore(launched, flag, hooks):
    """`antt accept` commits a document as the working tree holds it; flagged in git's index
    (assume-unchanged, skip-worktree), git stages nothing new for it. Before, the commit from
    objects carried the edit while the index kept the old entry (a staged change that undoes
    the commit: assume-unchanged) or lost the entry (removed from the index: skip-worktree).
    Refused like any other write to a flagged file, then accepted once the flag is cleared."""
    if hooks:
        hook = launched / ".git" / "hooks" / "post-commit"
        hook.write_text("#!/bin/sh\nexit 0\n")
        hook.chmod(0o755)
    path = _edit_in_word(launched, "establishment-decision", "Thư ký: Nguyễn Thị Lan", commit=False)
    rel = path.relative_to(launched).as_posix()
    git(launched, "update-index", flag, rel)
    refused(launched, "accept", CASE, "establishment-decision",
            contains=f"--no-assume-unchanged --no-skip-worktree {rel}")
    git(launched, "update-index", f"--no-{flag[2:]}", rel)
    ok("accept", CASE, "establishment-decision", root=launched)
    assert git(launched, "status", "--porcelain", "--untracked-files=all") == ""
    assert "Thư ký: Nguyễn Thị Lan" in _texts(path)


def test_a_file_edited_after_a_killed_write_is_kept_by_the_recovery(launched):
    """A write killed after its new document was written: the officer opens that document in
    Word and edits it before antt runs again. The next command rolls the write back — but the
    edit is the officer's, not antt's: before, the recovery deleted the new file (or put the
    prior one back over an edited one), and the edit was lost. The file is left as the officer
    has it, the rest rolled back, and a notice names it."""
    import signal

    from conftest import antt_process

    killed = antt_process("--dossier", str(launched), "record", CASE, "periodic-report", "--date", "2026-05-05",
                          "--number", "07/BC-BCĐ", "--period", "6-month",
                          env={"ANTT_LANG": "en", "ANTT_TEST_CRASH_AT": "written"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    written = [p for p in (launched / "models" / CASE / "docs").glob("*periodic-report*.docx")]
    assert len(written) == 1
    document = docx.Document(str(written[0]))
    document.paragraphs[-1].text = "Thư ký: Nguyễn Thị Lan"
    document.save(str(written[0]))
    edited = written[0].read_bytes()
    status = antt_process("--dossier", str(launched), "status", env={"ANTT_LANG": "en"})
    assert status.returncode == 0, status.stderr
    assert written[0].name in status.stderr, status.stderr
    assert written[0].read_bytes() == edited
    assert git(launched, "status", "--porcelain", "--untracked-files=all").split() == [
        "??", written[0].relative_to(launched).as_posix()]
