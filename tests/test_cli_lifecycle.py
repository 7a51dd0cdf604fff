"""The model build lifecycle through the real CLI on temporary git dossiers (docs/rules.md,
docs/commands.md): every kind in order, each refusal with its reason leaving tree and HEAD untouched,
one commit per command with its trailers."""
from __future__ import annotations

import subprocess

import json
import unicodedata
from pathlib import Path

import pytest

from conftest import (PLAN, SAMPLE, UBND, antt, build_steps, commit_count, git, new_model, ok, refused,
                      snapshot)

from antt_cli.store.yamlio import load_yaml


def case_file(root: Path, case_id: str) -> dict:
    return load_yaml(root / "models" / case_id / "case.yaml")


def last_message(root: Path) -> str:
    return git(root, "log", "-1", "--format=%B")


def test_init_writes_profile_and_commits(tmp_path):
    root = tmp_path / "ho-so"
    ok("init", root, "--unit", "Công an phường Phú Thủy", "--province", "Lâm Đồng", "--officer", "Lê Thị B")
    assert (root / "antt.yaml").is_file()
    profile = load_yaml(root / "antt.yaml")
    assert profile["place"] == "Phú Thủy" and profile["rules"]["thresholds"]["tot"] == 90
    assert git(root, "status", "--porcelain") == ""
    message = last_message(root)
    assert "Antt-Action: init" in message and "Antt-Officer: Lê Thị B" in message
    assert "Antt-Case" not in message
    result = antt("init", root, "--unit", "X", "--province", "Y")
    assert result.exit_code == 1 and "antt.yaml" in result.stderr
    assert antt("init", tmp_path / "x", "--unit", "X", "--province", "Y", "--unit-kind", "farm").exit_code == 2


def test_every_kind_in_order_with_one_commit_each(dossier):
    for linked in (False, True):
        case_id = new_model(dossier, linked)
        for step in build_steps(linked):
            before = commit_count(dossier)
            ok("record", case_id, *step, root=dossier)
            assert commit_count(dossier) == before + 1
            kind = step[0]
            message = last_message(dossier)
            assert message.startswith(f"[{case_id}] ")
            assert f"Antt-Case: {case_id}\nAntt-Action: record {kind}\nAntt-Officer: Nguyễn Văn Kiểm" in message
            changed = git(dossier, "show", "--name-only", "--format=", "HEAD").split()
            assert f"models/{case_id}/case.yaml" in changed
            assert any(p.endswith(f"-{kind}.docx") for p in changed) and len(changed) == 2
            assert git(dossier, "status", "--porcelain") == ""
        assert case_file(dossier, case_id)["status"] == "building"
        ok("plan", case_id, *PLAN, root=dossier)
        ok("record", case_id, "launch", "--date", "2025-11-08", root=dossier)
        case = case_file(dossier, case_id)
        assert case["status"] == "active" and case["authority"] == UBND
        assert "Antt-Action: record launch" in last_message(dossier)
        for doc in case["documents"]:
            assert (dossier / "models" / case_id / doc["file"]).is_file()
    data = json.loads(ok("--json", "status", root=dossier).stdout)
    assert [(r["id"], r["kind"], r["status"], r["step"]) for r in data] == [
        ("MH-2025-001", "model", "active", 5), ("MH-2025-002", "model", "active", 5)]


def test_prerequisite_refusals_name_what_is_missing(dossier):
    plain = new_model(dossier, linked=False)
    linked = new_model(dossier, linked=True)
    refused(dossier, "record", plain, "survey-report", "--date", "2025-09-20", "--number", "01/BC-CAX",
            contains="còn thiếu Kế hoạch khảo sát, đánh giá tình hình")
    refused(dossier, "record", plain, "survey-plan", "--date", "2025-09-03", "--number", "auto",
            contains="--approved-by")
    for step in build_steps(True)[:2]:
        ok("record", linked, *step, root=dossier)
    refused(dossier, "record", linked, "proposal", "--date", "2025-09-25", "--number", "auto",
            contains="Biên bản thảo luận, thống nhất giữa các thành viên")
    refused(dossier, "record", plain, "member-agreement", "--date", "2025-09-22", contains="liên kết")
    refused(dossier, "record", plain, "launch", contains="Quy chế hoạt động của Ban Chỉ đạo mô hình")
    refused(dossier, "record", plain, "annual-plan", contains="antt plan")
    english = antt("--lang", "en", "record", plain, "launch", root=dossier, lang="en")
    assert english.exit_code == 1 and "steering-regulation" in english.stderr, english


def test_launch_refused_before_the_regulations(dossier):
    case_id = new_model(dossier, linked=False)
    for step in build_steps(False)[:-2]:
        ok("record", case_id, *step, root=dossier)
    ok("plan", case_id, *PLAN, root=dossier)
    result = refused(dossier, "record", case_id, "launch", "--date", "2025-11-08")
    assert "Quy chế hoạt động của Ban Chỉ đạo mô hình; Quy chế hoạt động của mô hình" in result.stderr
    assert "Quyết định thành lập mô hình" not in result.stderr


def test_step4_issuer_rule_accepts_other_tone_placement(dossier):
    case_id = new_model(dossier, linked=False)
    steps = build_steps(False)
    for step in steps[:7]:
        ok("record", case_id, *step, root=dossier)
    refused(dossier, "record", case_id, "steering-committee-decision", "--date", "2025-10-25",
            "--number", "20/QĐ-UBND", "--issuer", "Ủy ban nhân dân xã Hàm Hiệp", "--signer", "Lê Văn C",
            "--signer-title", "Chủ tịch", "--members", str(SAMPLE / "steering-lam-giao.csv"), contains=UBND)
    ok("record", case_id, "steering-committee-decision", "--date", "2025-10-25", "--number", "auto",
       "--issuer", "Uỷ ban nhân dân xã Hàm Thuận", "--members", str(SAMPLE / "steering-lam-giao.csv"), root=dossier)
    assert case_file(dossier, case_id)["documents"][-1]["issuer"] == UBND


def test_dates_and_values_refused(dossier):
    case_id = new_model(dossier, linked=False)
    survey = ["record", case_id, "survey-plan", "--number", "auto", "--approved-by", "Đảng ủy xã Hàm Thuận"]
    refused(dossier, *survey, "--date", "31/02/2026", "--approved-date", "2026-03-01", code=2)
    refused(dossier, *survey, "--date", "2026-06-21", "--approved-date", "2026-06-21", contains="21/06/2026")
    refused(dossier, *survey, "--date", "2025-09-02", "--approved-date", "2025-09-03", "--number", "7/KH-CAX",
            contains="7/KH-CAX")
    # a record dated before the case was opened (01/09/2025) is refused
    refused(dossier, *survey, "--date", "2025-08-31", "--approved-date", "2025-09-01", contains="01/09/2025")
    ok(*survey, "--date", "05/09/2025", "--approved-date", "06/09/2025", root=dossier)
    refused(dossier, "record", case_id, "survey-report", "--date", "2025-09-05", "--number", "auto",
            contains="06/09/2025")
    refused(dossier, "record", case_id, "survey-plan", "--date", "2025-09-05", contains="amend")
    refused(dossier, "record", case_id, "bogus-kind", code=2)
    refused(dossier, "record", "MH-2025-099", "survey-report", contains="MH-2025-099")
    refused(dossier, "record", "../../etc", "survey-report", contains="../../etc")
    refused(dossier, "record", case_id, "survey-report", "--date", "2025-09-20", "--number", "auto",
            "--set", "colour=blue", contains="colour")
    refused(dossier, "record", case_id, "survey-report", "--date", "2025-09-20", "--number", "01/KH-CAX",
            contains="01/KH-CAX")  # the survey plan already took 01 of CAX's 2025 register


def test_new_model_ids_nfc_and_refusals(dossier):
    decomposed = unicodedata.normalize("NFD", "Tổ tự quản Hòa Thắng")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    first = json.loads(ok("--json", "new-model", decomposed, "--area", unicodedata.normalize("NFD", "Xã Hòa Thắng"),
                          "--date", "2026-01-05", root=dossier).stdout)["id"]
    second = json.loads(ok("--json", "new-model", "B", "--area", "C", root=dossier).stdout)["id"]
    assert (first, second) == ("MH-2026-001", "MH-2026-002")
    raw = (dossier / "models" / first / "case.yaml").read_bytes()
    assert "Tổ tự quản Hòa Thắng".encode() in raw and b"\r\n" not in raw
    assert unicodedata.normalize("NFC", raw.decode()) == raw.decode()
    refused(dossier, "new-model", "X", "--area", "Y", "--level", "huyen", contains="huyện")
    refused(dossier, "new-model", "X", "--area", "Y", "--linked", "--member-unit", "A", contains="--member-unit")
    refused(dossier, "new-model", "X", "--area", "Y", "--member-unit", "A", "--member-unit", "B", contains="--linked")
    refused(dossier, "new-model", "X", "--area", "Y", "--level", "quan", code=2)


def test_hand_comments_survive_a_tool_write(dossier):
    case_id = new_model(dossier, linked=False)
    path = dossier / "models" / case_id / "case.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("area: Thôn Lâm Giáo", "area: Thôn Lâm Giáo  # địa bàn giáp ranh xã Hàm Chính")
    text = "# Ghi chú của cán bộ: hồ sơ ưu tiên năm 2025\n" + text
    path.write_text(text, encoding="utf-8")
    git(dossier, "commit", "-qam", "Ghi chú tay")
    ok("record", case_id, *build_steps(False)[0], root=dossier)
    after = path.read_text(encoding="utf-8")
    assert "# Ghi chú của cán bộ: hồ sơ ưu tiên năm 2025" in after
    assert "# địa bàn giáp ranh xã Hàm Chính" in after
    assert "kind: survey-plan" in after


def test_uncommitted_hand_edits_block_the_command(dossier):
    case_id = new_model(dossier, linked=False)
    path = dossier / "models" / case_id / "case.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# sửa dở\n", encoding="utf-8")
    (dossier / "ghi-chu.txt").write_text("không liên quan\n", encoding="utf-8")
    refused(dossier, "record", case_id, *build_steps(False)[0], contains="case.yaml")
    # An unrelated uncommitted file blocks nothing and is not swept into the commit.
    git(dossier, "checkout", "--", str(path))
    ok("record", case_id, *build_steps(False)[0], root=dossier)
    assert "ghi-chu.txt" not in git(dossier, "show", "--name-only", "--format=", "HEAD")
    assert git(dossier, "status", "--porcelain") == "?? ghi-chu.txt\n"


def test_broken_yaml_names_file_and_line(dossier):
    case_id = new_model(dossier, linked=False)
    path = dossier / "models" / case_id / "case.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = "area: [Thôn Lâm Giáo"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    git(dossier, "commit", "-qam", "hỏng")
    result = refused(dossier, "record", case_id, *build_steps(False)[0])
    assert f"models/{case_id}/case.yaml:" in result.stderr


def test_members_csv_problems_are_refused(dossier, tmp_path):
    case_id = new_model(dossier, linked=False)
    for step in build_steps(False)[:5]:
        ok("record", case_id, *step, root=dossier)
    bad = tmp_path / "bad.csv"
    bad.write_text("ho_ten,chuc_vu\nA,B\n", encoding="utf-8")
    refused(dossier, "record", case_id, "consultation", "--members", str(bad), contains="name")
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffname;role;unit;phone\r\nNguyễn Văn A;Tổ trưởng;Thôn 1;0900\r\n".encode("utf-8"))
    ok("record", case_id, "consultation", "--date", "2025-10-15", "--members", str(bom), root=dossier)
    members = case_file(dossier, case_id)["documents"][-1]["members"]
    assert members == [{"name": "Nguyễn Văn A", "role": "Tổ trưởng", "unit": "Thôn 1", "phone": "0900"}]


def test_plan_progress_and_completion(launched):
    refused(launched, "plan", "MH-2025-001", *PLAN, contains="2026")
    refused(launched, "plan", "MH-2025-001", "--year", "2027", "--target", "Tuần tra=>4", code=2)
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "50,5", root=launched)
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Không để xảy ra điểm nóng", "--done",
       root=launched)
    refused(launched, "progress", "MH-2025-001", "--year", "2026", "--target", "Vụ trộm", "--done",
            contains="--achieved")
    refused(launched, "progress", "MH-2025-001", "--year", "2026", "--target", "Không để xảy ra điểm nóng",
            "--achieved", "1", contains="--done")
    refused(launched, "progress", "MH-2025-001", "--year", "2026", "--target", "Không có", "--achieved", "1",
            contains="Tuần tra")
    refused(launched, "progress", "MH-2025-001", "--year", "2027", "--target", "Tuần tra", "--achieved", "1",
            contains="2027")
    result = json.loads(ok("--json", "progress", "MH-2025-001", "--year", "2026", "--target", "Vụ trộm",
                           "--achieved", "4", root=launched).stdout)
    assert result["completion"] == pytest.approx(200 / 3)  # 50.5 ≥ 48 and done; 4 > 3 misses
    assert "Antt-Action: progress" in last_message(launched)
    detail = json.loads(ok("--json", "status", "MH-2025-001", root=launched).stdout)
    plan = detail["plans"][0]
    assert plan["year"] == 2026 and [t["met"] for t in plan["targets"]] == [True, False, True]
    ok("plan", "MH-2025-001", "--year", "2027", "--date", "2026-06-01", "--number", "07/KH-BCĐ",
       "--target", "Tuần tra>=50", root=launched)
    assert "Kế hoạch hoạt động năm 2027" in last_message(launched)


def test_amend_keeps_old_values_and_reason(launched):
    case_id = "MH-2025-001"
    before = case_file(launched, case_id)
    old = next(d for d in before["documents"] if d["kind"] == "establishment-decision")
    refused(launched, "amend", case_id, "establishment-decision", "--reason", "x", contains="--number")
    refused(launched, "amend", case_id, "establishment-decision", "--date", "2025-10-10", "--reason", "sai ngày",
            contains="Biên bản tuyên truyền, lấy ý kiến")
    ok("amend", case_id, "establishment-decision", "--number", "15/QĐ-UBND", "--reason", "Nhập nhầm số", root=launched)
    doc = next(d for d in case_file(launched, case_id)["documents"] if d["kind"] == "establishment-decision")
    assert doc["number"] == "15/QĐ-UBND"
    assert doc["amendments"][0]["reason"] == "Nhập nhầm số"
    assert doc["amendments"][0]["old"]["number"] == old["number"]
    assert doc["sha256"] != old["sha256"]
    message = last_message(launched)
    assert "Antt-Action: amend establishment-decision" in message and "Antt-Reason: Nhập nhầm số" in message


def test_status_and_history(launched):
    table = ok("status", root=launched).stdout
    assert "MH-2025-001" in table and "đang hoạt động" in table
    assert "MH-2025-001" in ok("--lang", "en", "status", root=launched).stdout
    detail = json.loads(ok("--json", "status", "MH-2025-002", root=launched).stdout)
    assert detail["id"] == "MH-2025-002" and detail["kind"] == "model" and detail["grade"] is None
    assert detail["lead_unit"] == "Công an xã Hàm Thuận" and detail["authority"] == UBND
    history = json.loads(ok("--json", "history", "MH-2025-001", root=launched).stdout)
    assert history[0]["action"] == "new-model" and history[-1]["action"] == "record launch"
    assert all(h["case"] == "MH-2025-001" and h["officer"] == "Nguyễn Văn Kiểm" for h in history)
    assert len(history) == len(build_steps(False)) + 3
    from antt_cli.store.kinds import load_registry

    shown = " ".join(ok("history", "MH-2025-001", root=launched).stdout.split())
    launch_title = load_registry().kinds["launch"].title
    assert "record launch" not in shown and launch_title.split()[0] in shown and "Ghi nhận:" in shown
    refused(launched, "history", "MH-2025-077", contains="MH-2025-077")


def test_english_messages(dossier):
    result = antt("record", "MH-2025-001", "survey-plan", root=dossier, lang="en")
    assert result.exit_code == 1 and "There is no case MH-2025-001" in result.stderr


def test_dossier_discovery(dossier, monkeypatch):
    inner = dossier / "models"
    inner.mkdir(exist_ok=True)
    monkeypatch.chdir(inner)
    assert ok("status").exit_code == 0
    monkeypatch.chdir(dossier.parent)
    result = antt("status")
    assert result.exit_code == 1 and "antt.yaml" in result.stderr
    monkeypatch.setenv("ANTT_DOSSIER", str(dossier))
    assert ok("status").exit_code == 0
    snapshot(dossier)


def test_active_phase_kinds(launched, tmp_path):
    scan = tmp_path / "Ảnh tuần tra.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    ok("record", "MH-2025-001", "periodic-report", "--period", "6-month", "--date", "2026-04-28",
       "--number", "06/BC-BCĐ", root=launched)
    ok("record", "MH-2025-001", "evidence", "--date", "2026-05-10", "--attach", str(scan),
       "--set", "title=Ảnh các buổi tuần tra", root=launched)
    ok("record", "MH-2025-001", "fund-ledger", "--date", "2026-05-12", root=launched)
    ok("record", "MH-2025-001", "consolidation", "--date", "2026-05-15", "--number", "auto",
       "--members", str(SAMPLE / "steering-lam-giao.csv"), root=launched)
    ok("record", "MH-2025-001", "review", "--date", "2026-05-20", "--number", "07/BC-BCĐ",
       "--set", "stage=sơ kết", root=launched)
    # docs/commands.md: commendation rows are the people or collectives commended; evidence is its scans.
    refused(launched, "record", "MH-2025-001", "commendation", "--date", "2026-05-25", "--number", "auto",
            contains="--members")
    refused(launched, "record", "MH-2025-001", "evidence", "--date", "2026-05-25", contains="--attach")
    ok("record", "MH-2025-001", "commendation", "--date", "2026-05-25", "--number", "auto",
       "--members", str(SAMPLE / "members-lam-giao.csv"), root=launched)
    refused(launched, "record", "MH-2025-001", "periodic-report", "--period", "yearly", code=2)
    refused(launched, "record", "MH-2025-001", "lead-rotation", contains="liên kết")
    case = case_file(launched, "MH-2025-001")
    kinds = [d["kind"] for d in case["documents"]][-6:]
    assert kinds == ["periodic-report", "evidence", "fund-ledger", "consolidation", "review", "commendation"]
    report = case["documents"][-6]
    assert report["year"] == 2026 and report["fields"]["period"] == "6-month"
    evidence = case["documents"][-5]
    assert evidence["attachments"] == [f"evidence/{len(case['documents']) - 4:02d}-Ảnh tuần tra.pdf"]
    assert (launched / "models" / "MH-2025-001" / evidence["attachments"][0]).read_bytes() == b"%PDF-1.4 scan"
    # The linked model's lead unit rotates; the authority follows the new lead unit.
    refused(launched, "record", "MH-2025-002", "lead-rotation", "--date", "2026-05-01",
            contains="authority")
    ok("record", "MH-2025-002", "lead-rotation", "--date", "2026-05-01", "--set",
       "authority=Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lâm Đồng", root=launched)
    linked = case_file(launched, "MH-2025-002")
    assert linked["lead_unit"] == "Đồn Biên phòng Phú Hải"
    assert linked["authority"] == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lâm Đồng"


def test_documents_hash_and_deterministic_draft(launched, tmp_path):
    import hashlib

    case = case_file(launched, "MH-2025-001")
    for doc in case["documents"]:
        data = (launched / "models" / "MH-2025-001" / doc["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == doc["sha256"]
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    ok("draft", "MH-2025-001", "establishment-decision", "-o", str(first), root=launched)
    ok("draft", "MH-2025-001", "establishment-decision", "-o", str(second), root=launched)
    assert first.read_bytes() == second.read_bytes()
    refused(launched, "draft", "MH-2025-001", "launch", "-o", str(launched / "nhap.docx"), contains="nhap.docx")


def test_recorded_document_content(launched):
    from docx import Document

    case = case_file(launched, "MH-2025-001")
    doc = next(d for d in case["documents"] if d["kind"] == "establishment-decision")
    document = Document(launched / "models" / "MH-2025-001" / doc["file"])
    header = "\n".join(c.text for row in document.tables[0].rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header and "Độc lập - Tự do - Hạnh phúc" in header
    assert f"Số: {doc['number']}" in header
    assert "Hàm Thuận, ngày 25 tháng 10 năm 2025" in header
    body = "\n".join(p.text for p in document.paragraphs)
    assert "QUYẾT ĐỊNH" in body and "Tổ tự quản an ninh trật tự" in body
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_hand_broken_case_fields_are_named_with_their_line(launched):
    path = launched / "models" / "MH-2025-001" / "case.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("status:")) + 1
    path.write_text(text.replace("status: active", "status: actve"), encoding="utf-8")
    git(launched, "commit", "-qam", "gõ nhầm")
    for args in (["status"], ["status", "MH-2025-001"], ["record", "MH-2025-001", "review", "--number", "09/BC-BCĐ"]):
        result = refused(launched, *args)
        assert f"models/MH-2025-001/case.yaml:{number}" in result.stderr and "status" in result.stderr
    path.write_text(text.replace("date: 2025-10-25", "date: 2025-13-25", 1), encoding="utf-8")
    git(launched, "commit", "-qam", "ngày sai")
    lines = (launched / "models" / "MH-2025-001" / "case.yaml").read_text(encoding="utf-8").splitlines()
    bad = next(i for i, line in enumerate(lines) if "2025-13-25" in line) + 1
    assert f"case.yaml:{bad}:" in refused(launched, "status").stderr


def test_amend_plan_targets_keeps_achievements(launched):
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "20", root=launched)
    refused(launched, "amend", "MH-2025-001", "launch", "--target", "A=1", "--reason", "x", contains="Kế hoạch hoạt động năm của mô hình")  # the plan kind by its title
    before = case_file(launched, "MH-2025-001")["plans"][2026]["targets"]
    ok("amend", "MH-2025-001", "annual-plan", "--year", "2026", "--target", "Tuần tra=40", "--target",
       "Buổi họp tổ=12", "--reason", "Điều chỉnh chỉ tiêu theo Nghị quyết giữa năm", root=launched)
    case = case_file(launched, "MH-2025-001")
    targets = case["plans"][2026]["targets"]
    # only the named target changes (its progress kept), a new one is added, the rest stay as they were
    assert targets[0] == {**before[0], "planned": 40}
    assert targets[0]["achieved"] == 20
    assert targets[1:3] == before[1:3]
    assert targets[3] == {"text": "Buổi họp tổ", "op": ">=", "planned": 12, "achieved": None}
    plan = next(d for d in case["documents"] if d["kind"] == "annual-plan")
    assert len(plan["amendments"][0]["old"]["targets"]) == 3
    subject = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=launched, capture_output=True,
                             text=True, encoding="utf-8").stdout
    assert "năm 2026" in subject
    # removing a target is said explicitly
    refused(launched, "amend", "MH-2025-001", "annual-plan", "--year", "2026", "--remove-target", "Không có",
            "--reason", "x", contains="Không có")
    ok("amend", "MH-2025-001", "annual-plan", "--year", "2026", "--remove-target", "Vụ trộm",
       "--reason", "Bỏ chỉ tiêu trùng", root=launched)
    texts = [t["text"] for t in case_file(launched, "MH-2025-001")["plans"][2026]["targets"]]
    assert texts == ["Tuần tra", "Không để xảy ra điểm nóng", "Buổi họp tổ"]
