"""What the officer types, read strictly through the real CLI (docs/rules.md "Numbers",
"Lengths"; docs/commands.md): `--achieved` and plan targets in `12,5` or `12.5`, `1e2`,
`inf`, `nan` and `1.000` refused with a sentence saying what to type (exit 2); evaluation
years bounded like dates; every refusal leaves the tree and HEAD as they were."""
from __future__ import annotations

import json

import pytest

from conftest import ok, refused

ID = "MH-2025-001"


def _achieved(root, value: str):
    return ok("--json", "progress", ID, "--year", "2026", "--target", "Tuần tra", "--achieved", value,
              "--date", "2026-03-01", root=root)


@pytest.mark.parametrize("typed, stored", [("12,5", 12.5), ("12.5", 12.5), ("40", 40), ("0,125", 0.125)])
def test_achieved_takes_a_decimal_comma_or_point(launched, typed, stored):
    out = json.loads(_achieved(launched, typed).stdout)
    assert out["target"]["achieved"] == stored
    assert f"achieved: {stored}" in (launched / "models" / ID / "case.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("typed, says", [("1e2", "12,5"), ("inf", "1e2"), ("nan", "1e2"), ("12a", "chỉ gõ chữ số"),
                                         ("1.000", "1000"), ("1,000", "1,0000"), ("12,500", "12500"),
                                         ("-3", "không âm"), ("1e999", "1e2")])
def test_achieved_refuses_what_it_cannot_read(launched, typed, says):
    result = refused(launched, "progress", ID, "--year", "2026", "--target", "Tuần tra", "--achieved", typed,
                     code=2, contains="--achieved")
    assert says in result.stderr


@pytest.mark.parametrize("target, says", [("Tuần tra=1.000", "không rõ nghĩa"), ("Tuần tra=1e2", "1e2"),
                                          ("Tuần tra=inf", "không phải số")])
def test_plan_targets_refuse_the_same_forms(launched, target, says):
    refused(launched, "plan", "MH-2025-002", "--year", "2027", "--date", "2026-10-30", "--number", "09/KH-BCĐ",
            "--target", target, code=2, contains=says)


def test_plan_target_with_a_decimal_comma(launched):
    ok("amend", ID, "annual-plan", "--year", "2026", "--target", "Tuần tra=48,5", "--reason", "Sửa chỉ tiêu",
       root=launched)
    case = (launched / "models" / ID / "case.yaml").read_text(encoding="utf-8")
    assert "planned: 48.5" in case


@pytest.mark.parametrize("year", ["1999", "2100"])
def test_evaluation_years_stop_where_dates_stop(launched, year):
    refused(launched, "progress", ID, "--year", year, "--target", "Tuần tra", "--achieved", "3", code=2,
            contains="2099")
    refused(launched, "record", ID, "periodic-report", "--set", f"year={year}", "--date", "2026-05-03",
            "--number", "08/BC-BCĐ", "--period", "annual", contains="2099")


# -- -o: a file, an existing folder, or a folder named with a final slash ------------------
def test_draft_into_a_folder_named_with_a_slash_creates_it(launched, tmp_path):
    folder = tmp_path / "ban-nhap" / "thang-6"
    out = json.loads(ok("--json", "draft", ID, "establishment-decision", "-o", f"{folder}/", root=launched).stdout)
    assert out["file"] == str(folder / f"{ID}-establishment-decision-nhap.docx")
    assert (folder / f"{ID}-establishment-decision-nhap.docx").is_file()
    assert not (tmp_path / "ban-nhap" / "thang-6" / "thang-6").exists()


def test_draft_into_an_existing_folder_without_a_slash(launched, tmp_path):
    out = json.loads(ok("--json", "draft", ID, "launch", "-o", str(tmp_path), root=launched).stdout)
    assert out["file"] == str(tmp_path / f"{ID}-launch-nhap.docx")


def test_draft_to_a_file_path_keeps_its_name(launched, tmp_path):
    out = json.loads(ok("--json", "draft", ID, "launch", "-o", str(tmp_path / "moi" / "kh.docx"), root=launched).stdout)
    assert out["file"] == str(tmp_path / "moi" / "kh.docx") and (tmp_path / "moi" / "kh.docx").is_file()


def test_draft_folder_inside_the_dossier_is_refused(launched):
    refused(launched, "draft", ID, "launch", "-o", f"{launched / 'nhap'}/", contains="nhap")
    assert not (launched / "nhap").exists()


def test_draft_under_a_file_is_refused(launched, tmp_path):
    blocker = tmp_path / "tep"
    blocker.write_text("x", encoding="utf-8")
    refused(launched, "draft", ID, "launch", "-o", f"{blocker}/", contains="tep")


# -- lengths (domain/bounds.py MAX_LENGTH) ----------------------------------------------------
def test_a_6000_character_model_name_is_refused(dossier):
    result = refused(dossier, "new-model", "Mô hình " + "x" * 6000, "--area", "Thôn Lâm Giáo", code=2,
                     contains="NAME")
    assert "200" in result.stderr and "6008" in result.stderr


@pytest.mark.parametrize("args, fits, option", [
    (["new-model", "{}", "--area", "Thôn A"], 200, "NAME"),
    (["new-model", "Tổ tự quản", "--area", "{}"], 200, "--area"),
    (["bodies", "add", "{}", "--code", "UBND"], 200, "NAME"),
    (["bodies", "add", "Ủy ban nhân dân xã B", "--code", "{}"], 40, "--code"),
])
def test_names_up_to_the_limit_pass_one_more_is_refused(dossier, args, fits, option):
    refused(dossier, *[a.format("a" * (fits + 1)) for a in args], code=2, contains=option)
    ok(*[a.format("a" * fits) for a in args], root=dossier)


def test_free_texts_and_set_values(launched):
    long_reason = "r" * 2001
    refused(launched, "amend", ID, "launch", "--date", "2025-11-09", "--reason", long_reason, code=2,
            contains="--reason")
    refused(launched, "record", ID, "periodic-report", "--period", "6-month", "--date", "2026-05-03",
            "--number", "07/BC-BCĐ", "--set", "note=" + "n" * 2001, code=2, contains="--set note=")
    # a --set key that is a name takes a name's limit
    refused(launched, "record", ID, "periodic-report", "--period", "6-month", "--date", "2026-05-03",
            "--number", "07/BC-BCĐ", "--set", "secretary=" + "s" * 201, code=2, contains="--set secretary=")
    ok("record", ID, "periodic-report", "--period", "6-month", "--date", "2026-05-03", "--number", "07/BC-BCĐ",
       "--set", "note=" + "Ghi chú. " * 200, root=launched)


def test_too_long_in_english(dossier):
    from conftest import antt

    result = antt("new-model", "x" * 201, "--area", "A", root=dossier, lang="en")
    assert result.exit_code == 2 and "at most 200" in result.stderr


def test_a_member_name_longer_than_a_name_is_refused_with_file_and_row(dossier, tmp_path):
    from conftest import build_steps, new_model

    case_id = new_model(dossier, linked=False)
    for step in build_steps(False)[:5]:
        ok("record", case_id, *step, root=dossier)
    members = tmp_path / "thanh-vien.csv"
    members.write_text("name,role,unit,phone\nTrần Văn Tư,Tổ trưởng,Thôn Lâm Giáo,\n" + "N" * 201 + ",Tổ viên,,\n",
                       encoding="utf-8")
    result = refused(dossier, "record", case_id, "consultation", "--date", "2025-10-15", "--members", str(members))
    assert "thanh-vien.csv" in result.stderr and "3" in result.stderr and "200" in result.stderr
