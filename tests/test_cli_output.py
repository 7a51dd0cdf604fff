"""What commands print and write, beyond the rules: the YAML they write, the notices and
status lines they print, the default places of the files they write outside the dossier."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PLAN, build_steps, git, new_model, ok, refused


def test_case_file_has_no_yaml_anchors_or_aliases(dossier):
    # The same date object written twice (a survey plan approved the day it is dated; the
    # annual plan's record and its `plans:` entry) must be written out twice, not as &id/*id.
    case_id = new_model(dossier, linked=False)
    ok("record", case_id, "survey-plan", "--date", "2025-09-05", "--number", "auto",
       "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05", root=dossier)
    for step in build_steps(False)[1:]:
        ok("record", case_id, *step, root=dossier)
    ok("plan", case_id, *PLAN, root=dossier)
    text = (dossier / "models" / case_id / "case.yaml").read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    assert text.count("2025-10-30") >= 2


def test_plan_without_targets_notice_has_one_prefix(dossier):
    case_id = new_model(dossier, linked=False)
    for step in build_steps(False):
        ok("record", case_id, *step, root=dossier)
    result = ok("plan", case_id, "--year", "2026", "--date", "2025-10-30", "--number", "05/KH-BCĐ",
                root=dossier)
    assert "Kế hoạch năm 2026 không có chỉ tiêu" in result.stderr
    assert result.stderr.count("Lưu ý") == 1, result


def test_no_message_repeats_the_notice_label():
    # `notice` prints the label ("Lưu ý:", "Note:") itself; a message must not carry it again.
    from antt_cli.i18n import catalog

    label = catalog()["cli.notice"]
    for key, texts in catalog().items():
        for lang, text in texts.items():
            assert not text.startswith(label[lang] + ":"), key


def test_status_of_one_case_marks_an_overdue_deadline(launched):
    # 20/06/2026: the 6-month report of 2026 (due before 05/05/2026) is not recorded.
    listed = ok("status", root=launched).stdout
    assert "04/05/2026 (quá hạn)" in listed
    detail = ok("status", "MH-2025-001", root=launched).stdout
    due_line = next(line for line in detail.splitlines() if line.startswith("Hạn kế tiếp"))
    assert "04/05/2026" in due_line and "quá hạn" in due_line
    assert "Báo cáo tình hình, kết quả hoạt động của mô hình 6 tháng đầu năm 2026" in due_line
    assert "quá hạn" not in ok("status", "MH-2025-001", "--date", "2026-05-01", root=launched).stdout


def test_draft_default_place_inside_and_outside_the_dossier(launched, tmp_path, monkeypatch):
    import tempfile

    name = "MH-2025-001-establishment-decision-nhap.docx"
    # Run from inside the dossier (the usual case): the draft goes to the system temp folder.
    monkeypatch.chdir(launched / "models")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    before = git(launched, "status", "--porcelain", "--untracked-files=all"), git(launched, "rev-parse", "HEAD")
    result = ok("draft", "MH-2025-001", "establishment-decision")
    assert (temp / name).is_file()
    assert str(temp / name) in result.stdout.replace("\n", "")
    assert (git(launched, "status", "--porcelain", "--untracked-files=all"),
            git(launched, "rev-parse", "HEAD")) == before
    # Run from outside: the current folder.
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.chdir(outside)
    ok("draft", "MH-2025-001", "establishment-decision", root=launched)
    assert (outside / name).is_file()


def test_draft_output_directory_takes_the_default_name(launched, tmp_path):
    folder = tmp_path / "nhap"
    folder.mkdir()
    ok("draft", "MH-2025-001", "establishment-decision", "-o", str(folder), root=launched)
    assert (folder / "MH-2025-001-establishment-decision-nhap.docx").is_file()
    refused(launched, "draft", "MH-2025-001", "launch", "-o", str(launched / "models"), contains="models")


def test_status_table_keeps_the_name_column_when_piped(launched):
    """Piped (no terminal) the table is 120 columns wide: the name column must keep room
    (it was squeezed to nothing while the other columns refused to wrap)."""
    listed = ok("status", root=launched).stdout
    rows = [line.split("│") for line in listed.splitlines() if line.startswith("│ MH-")]
    assert rows and all(len(cells) > 3 and len(cells[2].strip()) >= 10 for cells in rows), listed
    header = next(line for line in listed.splitlines() if line.startswith("┃"))
    assert "Tên" in header and "Bước" in header, header


def test_said_lines_follow_columns_when_it_changes(monkeypatch, capsys):
    """`say` keeps one console while stdout, --json and COLUMNS stay the same (cli/common.py),
    and makes a new one when they change."""
    from antt_cli.cli.common import say

    text = " ".join(["Tổ tự quản an ninh trật tự"] * 6)
    monkeypatch.setenv("COLUMNS", "40")
    say(text)
    say(text)
    narrow = capsys.readouterr().out.splitlines()
    assert len(narrow) > 2 and max(len(line) for line in narrow) <= 40
    monkeypatch.setenv("COLUMNS", "400")
    say(text)
    assert capsys.readouterr().out.splitlines() == [text]


SAID = ["Đã ghi Kế hoạch khảo sát, đánh giá tình hình cho MH-2026-013: models/MH-2026-013/docs/01-survey-plan.docx",
        "Opened model MH-2025-004", "", "hai\ndòng", "Tổ tự quản " * 20, "tab\there", "dấu cách cuối ",
        "Mo\u0302 hi\u0300nh (NFD)", "漢字 rộng hai ô", "🙂 emoji", "[bold]không phải markup[/bold]",
        "x" * 120, "x" * 121]


@pytest.mark.parametrize("columns", [None, "40", "400"])
def test_a_line_said_without_rich_is_the_line_rich_would_print(monkeypatch, capsys, columns):
    """`say` writes a plain line itself where rich would print it unchanged (cli/common.py
    `_plain_enough`): byte for byte what rich prints, for every kind of line."""
    from antt_cli.cli import common
    from antt_cli.hygiene import safe

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    direct = 0
    for text in SAID:
        common.say(text)
        fast = capsys.readouterr().out
        direct += common._plain_enough(safe(text, keep="\n"))
        with monkeypatch.context() as m:
            m.setattr(common, "_plain_enough", lambda _text: False)
            common.say(text)
        assert fast == capsys.readouterr().out, text
    assert direct >= 3  # the plain lines did take the direct way
