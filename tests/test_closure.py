"""Closure of a model (HD 163 §III.3): `antt close` then three `antt record` steps in order,
the model `closing` then `closed`, every later change refused naming the closure decision."""
from __future__ import annotations

import json

import pytest
from docx import Document

from conftest import UBND, antt, git, ok, refused
from antt_cli.domain.closure import check_may_close
from antt_cli.domain.model import case_from
from antt_cli.errors import AnttError
from antt_cli.store.kinds import load_registry

REASON = "Địa bàn thôn Lâm Giáo đã sáp nhập, mô hình không còn phù hợp với thực tiễn"
REG = load_registry()


def _status(root, case_id):
    return json.loads(ok("--json", "status", case_id, root=root).stdout)["status"]


def _doc(root, case_id, *args) -> str:
    """Record through the real CLI (--json) and return the text of the document it wrote."""
    done = json.loads(ok("--json", *args, root=root).stdout)
    return _text(root / "models" / case_id / done["file"])


def _text(path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.mark.parametrize("grade, unfit, ok_", [
    ("yeu", False, True), ("yeu", True, True), ("trung-binh", False, False), ("tot", False, False),
    ("kha", True, True), (None, False, False), (None, True, True),
])
def test_closure_needs_a_weak_year_or_unfit(grade, unfit, ok_):
    case = case_from({"id": "MH-2025-001", "status": "active"})
    if ok_:
        check_may_close(case, grade, unfit, REASON)
    else:
        with pytest.raises(AnttError):
            check_may_close(case, grade, unfit, REASON)


def test_closure_refused_without_reason_or_twice():
    with pytest.raises(AnttError, match="reason|lý do"):
        check_may_close(case_from({"id": "X", "status": "active"}), "yeu", False, " ")
    for status in ("closing", "closed", "building"):
        with pytest.raises(AnttError):
            check_may_close(case_from({"id": "X", "status": status}), "yeu", False, REASON)


def test_closure_in_order(launched):
    root, cid = launched, "MH-2025-001"
    # Without a Yếu year and without --unfit: refused, naming the path.
    refused(root, "close", cid, "--reason", REASON, "--number", "05/BC-BCĐ", contains="--unfit")
    text = _doc(root, cid, "close", cid, "--reason", REASON, "--unfit", "--date", "2026-06-01",
                "--number", "05/BC-BCĐ")
    assert _status(root, cid) == "closing"
    assert REASON[1:] in text and "Quyết định thành lập mô hình" in text  # history since establishment
    refused(root, "close", cid, "--reason", REASON, "--unfit", contains="closing")
    refused(root, "record", cid, "closure-report", contains="antt close")
    refused(root, "record", cid, "closure-consultation", "--date", "2026-06-05", "--set", "agree=18",
            "--set", "disagree=hai", contains="disagree")
    text = _doc(root, cid, "record", cid, "closure-consultation", "--date", "2026-06-05", "--set", "agree=18",
                "--set", "disagree=2")
    assert "Tổng số thành viên cho ý kiến: 20" in text and "18 thành viên" in text
    # The decision: the model's authority only.
    refused(root, "record", cid, "closure-decision", "--date", "2026-06-10", "--number", "auto",
            "--issuer", "Công an xã Hàm Thuận", contains=UBND)
    text = _doc(root, cid, "record", cid, "closure-decision", "--date", "2026-06-10", "--number", "auto")
    assert "Kết thúc hoạt động của mô hình" in text and REASON in text
    assert _status(root, cid) == "closing"
    ok("record", cid, "closure-announcement", "--date", "2026-06-12", "--number", "auto", root=root)
    assert _status(root, cid) == "closed"
    decision = json.loads(ok("--json", "status", cid, root=root).stdout)["documents"][-2]
    for args in (["record", cid, "periodic-report", "--period", "ad-hoc", "--date", "2026-06-15",
                  "--number", "09/BC-BCĐ"],
                 ["progress", cid, "--year", "2026", "--target", "Tuần tra", "--achieved", "40"],
                 ["amend", cid, "closure-decision", "--number", "07/QĐ-UBND", "--reason", "sai số"],
                 ["close", cid, "--reason", REASON, "--unfit"],
                 ["rate", cid, "--year", "2026"],
                 ["replicate", cid, "--area", "Thôn Lâm Thuận"],
                 ["propose-national", cid, "--innovative", "--reason", "x", "-o", str(root.parent / "x.zip")],
                 ["plan", cid, "--year", "2027", "--target", "Tuần tra=40", "--number", "09/KH-BCĐ"]):
        result = refused(root, *args)
        assert decision["number"] in result.stderr and "10/06/2026" in result.stderr, result
    assert ok("due", cid, root=root).stdout.strip() == "Không có việc nào đến hạn."
    assert "Antt-Case: MH-2025-001" in git(root, "log", "-1", "--format=%B")


def test_closure_out_of_order(launched):
    root, cid = launched, "MH-2025-002"
    for kind, extra in (("closure-consultation", ["--set", "agree=1", "--set", "disagree=0"]),
                        ("closure-decision", ["--number", "auto"]),
                        ("closure-announcement", ["--number", "auto"])):
        refused(root, "record", cid, kind, "--date", "2026-06-10", *extra, contains="còn thiếu")
    ok("close", cid, "--reason", REASON, "--unfit", "--date", "2026-06-01", "--number", "05/BC-BCĐ", root=root)
    refused(root, "record", cid, "closure-decision", "--date", "2026-06-10", "--number", "auto",
            contains="còn thiếu Biên bản lấy ý kiến các thành viên")
    refused(root, "record", cid, "closure-announcement", "--date", "2026-06-10", "--number", "auto",
            contains="còn thiếu Quyết định kết thúc mô hình")
    # A date before the step it follows is refused too.
    refused(root, "record", cid, "closure-consultation", "--date", "2026-05-30", "--set", "agree=1",
            "--set", "disagree=0")


def test_closure_decision_by_the_successor(launched):
    root, cid = launched, "MH-2025-001"
    ok("bodies", "add", "Ủy ban nhân dân phường Phan Thiết", "--code", "UBND", "--head", "Chủ tịch: Lê Minh",
       root=root)
    ok("bodies", "successor", UBND, "Ủy ban nhân dân phường Phan Thiết", root=root)
    ok("close", cid, "--reason", REASON, "--unfit", "--date", "2026-06-01", "--number", "05/BC-BCĐ", root=root)
    ok("record", cid, "closure-consultation", "--date", "2026-06-05", "--set", "agree=3", "--set", "disagree=0",
       root=root)
    ok("record", cid, "closure-decision", "--date", "2026-06-10", "--number", "12/QĐ-UBND",
       "--issuer", "Ủy ban nhân dân phường Phan Thiết", root=root)


def test_amend_keeps_the_closure_decision_by_the_authority(launched):
    """`by_authority` (docs/kinds.md) holds on amend too: the new issuer is the authority or its
    successor, else refused naming the authority."""
    root, cid = launched, "MH-2025-001"
    ok("close", cid, "--reason", REASON, "--unfit", "--date", "2026-06-01", "--number", "05/BC-BCĐ", root=root)
    ok("record", cid, "closure-consultation", "--date", "2026-06-05", "--set", "agree=3", "--set", "disagree=0",
       root=root)
    ok("record", cid, "closure-decision", "--date", "2026-06-10", "--number", "auto", root=root)
    refused(root, "amend", cid, "closure-decision", "--issuer", "Công an xã Hàm Thuận", "--reason", "Sai cơ quan",
            contains=UBND)
    ok("bodies", "add", "Ủy ban nhân dân phường Phan Thiết", "--code", "UBND", "--head", "Chủ tịch: Lê Minh",
       root=root)
    ok("bodies", "successor", UBND, "Ủy ban nhân dân phường Phan Thiết", root=root)
    ok("amend", cid, "closure-decision", "--issuer", "Ủy ban nhân dân phường Phan Thiết", "--reason",
       "Cơ quan kế nhiệm", root=root)
    decision = json.loads(ok("--json", "status", cid, root=root).stdout)["documents"][-1]
    assert decision["issuer"] == "Ủy ban nhân dân phường Phan Thiết"


def test_close_refuses_a_building_model(launched):
    ok("new-model", "Mô hình mới", "--area", "Thôn B", "--date", "2026-06-01", root=launched)
    refused(launched, "close", "MH-2026-001", "--reason", REASON, "--unfit", contains="MH-2026-001")


def test_a_closing_model_records_what_it_did_not_what_would_extend_it(launched):
    """Between the closure report and the announcement (§III.3) a model still records its
    reports and evidence (`while_closing` kinds) and its progress; a plan, a consolidation, a
    lead rotation, a national proposal are refused, naming the closure, and `antt next` lists
    only what may still be recorded."""
    root, cid = launched, "MH-2025-002"  # linked: lead rotation applies
    ok("close", cid, "--reason", REASON, "--unfit", "--date", "2026-06-01", "--number", "05/BC-BCĐ", root=root)
    for args in (["record", cid, "consolidation", "--date", "2026-06-03", "--number", "auto"],
                 ["record", cid, "lead-rotation", "--date", "2026-06-03", "--set", "lead_unit=Đồn Biên phòng Phú Hải"],
                 ["plan", cid, "--year", "2027", "--date", "2026-06-03", "--target", "Tuần tra=40", "--number",
                  "09/KH-BCĐ"]):
        refused(root, *args, contains="kết thúc")
    refused(root, "propose-national", cid, "--innovative", "--reason", "x", "-o", str(root.parent / "x.zip"),
            contains="closing")
    ok("record", cid, "periodic-report", "--period", "ad-hoc", "--date", "2026-06-03", "--number", "09/BC-BCĐ",
       root=root)
    ok("progress", cid, "--year", "2026", "--target", "Tuần tra", "--achieved", "30", "--date", "2026-06-03",
       root=root)
    may = [s["kind"] for s in json.loads(ok("--json", "next", cid, root=root).stdout)["next"]]
    assert "closure-consultation" in may and "evidence" in may
    assert not {"consolidation", "lead-rotation", "annual-plan", "national-proposal", "replicate"} & set(may)
