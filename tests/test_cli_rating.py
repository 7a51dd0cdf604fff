"""`antt rate`, `antt rate --decide`, `antt record … rating-submission`, `antt criteria add`
through the real CLI on a real git dossier (HD 163 §III.2; docs/commands.md)."""
from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from conftest import UBND, antt, git, ok, refused

ID = "MH-2025-001"
ALL_YES = ["direction", "resources", "per-plan", "support", "support-broad", "socialized", "members",
           "members-excellent", "reporting", "reporting-timely"]
TRIGGERS = ["formalistic", "misconduct", "untruthful"]


def criteria(*missing: str) -> list[str]:
    args = []
    for key in ALL_YES:
        args += ["--criterion", f"{key}={'no' if key in missing else 'yes'}"]
    for key in TRIGGERS:
        args += ["--criterion", f"{key}=no"]
    return args


def today(monkeypatch, day: str) -> None:
    monkeypatch.setenv("ANTT_TODAY", day)


def run_year_2026(root: Path, monkeypatch, tmp_path: Path) -> None:
    """What the year asks of the model before its rating: results, the 6-month report, evidence."""
    today(monkeypatch, "2026-11-20")
    ok("progress", ID, "--year", "2026", "--target", "Tuần tra", "--achieved", "50", "--date", "2026-10-20", root=root)
    ok("progress", ID, "--year", "2026", "--target", "Vụ trộm", "--achieved", "2", "--date", "2026-10-20", root=root)
    ok("progress", ID, "--year", "2026", "--target", "Không để xảy ra điểm nóng", "--done", "--date", "2026-10-20",
       root=root)
    ok("record", ID, "periodic-report", "--period", "6-month", "--date", "2026-05-03", "--number", "07/BC-BCĐ",
       root=root)
    scan = tmp_path / "tuan-tra.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence")
    ok("record", ID, "evidence", "--date", "2026-10-01", "--attach", str(scan), root=root)


def rate_json(root: Path, *args: str) -> dict:
    return json.loads(ok("--json", "rate", ID, *args, root=root).stdout)


def case_yaml(root: Path) -> str:
    return (root / "models" / ID / "case.yaml").read_text(encoding="utf-8")


def last_message(root: Path) -> str:
    return git(root, "log", "-1", "--format=%B")


def test_two_years_of_rating(launched, monkeypatch, tmp_path):
    root = launched
    run_year_2026(root, monkeypatch, tmp_path)
    # year 1: the proposal (Khá: no socialised resources), the decision overriding it, a late submission
    out = " ".join(ok("rate", ID, "--year", "2026", "--date", "2026-11-03", *criteria("socialized"),
                      root=root).stdout.split())
    assert "Khá" in out and "100,0 %" in out and "Chưa đạt mức Tốt vì:" in out
    assert "Thu hút được các nguồn lực xã hội hóa" in out
    assert "Antt-Late" not in last_message(root) and "Antt-Action: rate" in last_message(root)
    decided = json.loads(ok("--json", "rate", ID, "--year", "2026", "--decide", "--issuer", UBND,
                            "--number", "30/QĐ-UBND", "--date", "2026-11-08", "--grade", "tot",
                            "--reason", "Huy động được kinh phí của doanh nghiệp", root=root).stdout)
    assert (decided["grade"], decided["proposed_grade"], decided["late"]) == ("tot", "kha", False)
    today(monkeypatch, "2026-11-20")
    sub = json.loads(ok("--json", "record", ID, "rating-submission", "--set", "year=2026", "--date", "2026-11-16",
                        root=root).stdout)
    assert sub["late"] is True and sub["year"] == 2026
    assert "Antt-Late: 2026-11-15" in last_message(root)
    assert "late: true" in case_yaml(root)
    # the documents: the proposal's criteria table, the decision's grade and reason
    docs = root / "models" / ID / "docs"
    proposal = next(docs.glob("*-rating-proposal.docx"))
    rows = [[c.text for c in r.cells] for t in docx.Document(proposal).tables for r in t.rows]
    assert ["Thu hút được các nguồn lực xã hội hóa", "Tốt", "Chưa đạt"] in [r[1:] for r in rows]
    decision = "\n".join(p.text for p in docx.Document(next(docs.glob("*-rating-decision.docx"))).paragraphs)
    assert "TỐT năm 2026" in decision and "Huy động được kinh phí" in decision

    # year 2: a plan, results, reports, then Tốt on time
    today(monkeypatch, "2027-11-20")
    ok("plan", ID, "--year", "2027", "--date", "2026-11-25", "--number", "09/KH-BCĐ", "--target", "Tuần tra=50",
       root=root)
    ok("progress", ID, "--year", "2027", "--target", "Tuần tra", "--achieved", "52", "--date", "2027-10-20", root=root)
    ok("record", ID, "periodic-report", "--period", "6-month", "--date", "2027-05-03", "--number", "04/BC-BCĐ",
       root=root)
    scan = tmp_path / "2027.pdf"
    scan.write_bytes(b"%PDF-1.4 2027")
    ok("record", ID, "evidence", "--date", "2027-09-01", "--attach", str(scan), root=root)
    second = rate_json(root, "--year", "2027", "--date", "2027-11-04", *criteria())
    assert (second["grade"], second["missed"], second["late"]) == ("tot", [], False)
    assert second["criteria"]["dossier"] == {**second["criteria"]["dossier"], "met": True, "source": "computed"}
    ok("rate", ID, "--year", "2027", "--decide", "--issuer", UBND, "--number", "31/QĐ-UBND", "--date", "2027-11-09",
       root=root)
    ok("record", ID, "rating-submission", "--set", "year=2027", "--date", "2027-11-14", root=root)
    assert "Antt-Late" not in last_message(root)
    # status: the latest decided grade; status ID: the rating history
    rows = json.loads(ok("--json", "status", root=root).stdout)
    row = next(r for r in rows if r["id"] == ID)
    assert row["grade"] == "tot"
    detail = json.loads(ok("--json", "status", ID, root=root).stdout)
    history = {r["year"]: r for r in detail["ratings"]}
    assert (history[2026]["proposed"], history[2026]["decided"]) == ("kha", "tot")
    assert history[2026]["late"] == ["submit"]
    assert (history[2027]["proposed"], history[2027]["decided"], history[2027]["submitted"]) == ("tot", "tot", True)


def test_proposal_without_answers_counts_them_not_met_and_says_so(launched, monkeypatch, tmp_path):
    run_year_2026(launched, monkeypatch, tmp_path)
    data = rate_json(launched, "--year", "2026", "--date", "2026-11-03")
    assert data["grade"] == "yeu"  # direction not given: not met, which forces Yếu
    assert set(data["defaulted"]) == set(ALL_YES) | set(TRIGGERS)
    assert data["criteria"]["resources"]["source"] == "default"
    assert data["yeu"][0]["key"] == "no-direction"
    out = " ".join(ok("rate", ID, "--year", "2026", "--force", "--date", "2026-11-03", root=launched).stdout.split())
    assert "Không được trả lời" in out  # says which were counted as not met
    assert "antt record MH-2025-001 consolidation" in out and "antt close MH-2025-001" in out  # both paths


def test_force_redo_keeps_both_and_says_so(launched, monkeypatch, tmp_path):
    root = launched
    run_year_2026(root, monkeypatch, tmp_path)
    ok("rate", ID, "--year", "2026", "--date", "2026-11-03", *criteria("socialized"), root=root)
    refused(root, "rate", ID, "--year", "2026", "--date", "2026-11-04", *criteria(), contains="--force")
    again = rate_json(root, "--year", "2026", "--date", "2026-11-04", "--force", "--reason", "Bổ sung nguồn xã hội hóa",
                      *criteria())
    assert again["grade"] == "tot" and again["forced"] is True
    assert "Antt-Forced: Bổ sung nguồn xã hội hóa" in last_message(root)
    assert case_yaml(root).count("kind: rating-proposal") == 2 and "superseded: 2026-11-04" in case_yaml(root)
    # the decision takes the proposal that counts
    first = json.loads(ok("--json", "rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number",
                          "30/QĐ-UBND", "--date", "2026-11-08", root=root).stdout)
    assert first["grade"] == "tot"
    refused(root, "rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number", "32/QĐ-UBND",
            "--date", "2026-11-09", contains="--force")
    refused(root, "rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number", "32/QĐ-UBND",
            "--date", "2026-11-09", "--force", contains="--reason")
    redo = json.loads(ok("--json", "rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number",
                         "32/QĐ-UBND", "--date", "2026-11-09", "--grade", "kha", "--force", "--reason",
                         "Thẩm định lại hồ sơ", root=root).stdout)
    assert redo["grade"] == "kha" and redo["forced"] is True
    assert "Antt-Forced: Thẩm định lại hồ sơ" in last_message(root)
    assert json.loads(ok("--json", "status", root=root).stdout)[0]["grade"] == "kha"


def test_wrong_issuer_refused_and_the_successor_accepted(launched, monkeypatch, tmp_path):
    root = launched
    run_year_2026(root, monkeypatch, tmp_path)
    ok("rate", ID, "--year", "2026", "--date", "2026-11-03", *criteria(), root=root)
    result = refused(root, "rate", ID, "--year", "2026", "--decide", "--issuer", "Công an xã Hàm Thuận",
                     "--number", "30/QĐ-CAX", "--date", "2026-11-08")
    assert UBND in result.stderr
    province = "Ủy ban nhân dân tỉnh Lâm Đồng"
    ok("bodies", "add", province, "--code", "UBND", "--head", "Chủ tịch: Hồ Văn Mười", root=root)
    ok("bodies", "successor", UBND, province, root=root)
    done = json.loads(ok("--json", "rate", ID, "--year", "2026", "--decide", "--issuer", province,
                         "--number", "12/QĐ-UBND", "--date", "2026-11-08", root=root).stdout)
    assert done["grade"] == "tot"
    decision = "\n".join(p.text for p in docx.Document(root / "models" / ID / done["file"]).paragraphs)
    assert f"cơ quan kế thừa {UBND}" in decision


def test_refusals_change_nothing(launched, monkeypatch, tmp_path):
    root = launched
    today(monkeypatch, "2026-11-03")
    # too early: established 25/10/2025, first rated year 2026
    refused(root, "rate", ID, "--year", "2025", "--date", "2026-11-03", *criteria(), contains="2026")
    refused(root, "rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number", "30/QĐ-UBND",
            contains="antt rate")                                   # no proposal yet
    refused(root, "rate", ID, "--year", "2026", "--criterion", "colour=yes", contains="colour")
    refused(root, "rate", ID, "--year", "2026", "--criterion", "direction=maybe", code=2)
    refused(root, "record", ID, "rating-submission", "--set", "year=2026")   # nothing decided
    refused(root, "record", ID, "rating-proposal", "--set", "year=2026", contains="antt rate")
    refused(root, "criteria", "add", ID, "Bad Key", "Một tiêu chí", code=2)
    refused(root, "criteria", "add", ID, "socialized", "Trùng khóa", contains="socialized")
    ok("rate", ID, "--year", "2026", "--date", "2026-11-03", *criteria(), root=root)
    refused(root, "record", ID, "rating-submission", "--date", "2026-11-03")  # the year must be said
    refused(root, "rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number", "30/QĐ-UBND",
            "--date", "2026-11-08", "--grade", "kha", contains="--reason")   # an override needs a reason
    refused(root, "rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number", "30/QĐ-UBND",
            "--date", "2026-11-02")   # before the proposal


def test_case_specific_criterion_joins_the_table(launched, monkeypatch, tmp_path):
    root = launched
    ok("criteria", "add", ID, "no-fire", "Không để xảy ra cháy nổ tại bến cá", "--grade", "kha", root=root)
    assert "key: no-fire" in case_yaml(root) and "Antt-Action: criteria add" in last_message(root)
    run_year_2026(root, monkeypatch, tmp_path)
    data = rate_json(root, "--year", "2026", "--date", "2026-11-03", *criteria(), "--criterion", "no-fire=no")
    assert data["grade"] == "trung-binh"
    assert "no-fire" in [m["key"] for m in data["missed"]]
    assert data["criteria"]["no-fire"]["grades"] == ["tot", "kha"]


def test_status_shows_the_decided_grade_the_proposed_one_and_late_steps(launched, monkeypatch, tmp_path):
    root = launched
    run_year_2026(root, monkeypatch, tmp_path)
    ok("rate", ID, "--year", "2026", "--date", "2026-11-06", *criteria("socialized"), root=root)  # late
    table = ok("status", root=root).stdout
    assert "(đề nghị 2026: Khá)" in table and "(muộn: đề nghị)" in table
    ok("rate", ID, "--year", "2026", "--decide", "--issuer", UBND, "--number", "30/QĐ-UBND", "--date", "2026-11-08",
       root=root)
    table = ok("status", root=root).stdout
    assert "Khá" in table and "(đề nghị" not in table
    detail = ok("status", ID, root=root).stdout
    assert "Xếp loại hằng năm" in detail and "2026" in detail
