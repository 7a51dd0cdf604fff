"""Exemplars (điển hình tiên tiến, HD 163 §IV, §V.2): the domain rules at their boundaries,
and the whole lifecycle through the real CLI — to recognition, to ending at the evaluation,
and through a yearly reassessment that proposes ending — with every refusal leaving the
working tree and HEAD as they were."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from docx import Document

from conftest import UBND, antt, commit_count, git, ok, refused
from antt_cli.domain import exemplars as ex
from antt_cli.domain.model import Case, Criterion, Record
from antt_cli.store.kinds import load_registry

REG = load_registry()
D = dt.date
GENERAL_YES = [f"--criterion={key}=yes" for key in ex.GENERAL_KEYS]


# ---------------------------------------------------------------- domain

@pytest.mark.parametrize("results, specific, share, outcome", [
    ({**dict.fromkeys(ex.GENERAL_KEYS, True)}, [], 100, "recognize"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, True), "commended": False}, [], 100, "end"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, True), "a": True, "b": True}, ["a", "b"], 100, "recognize"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, True), "a": True, "b": False}, ["a", "b"], 100, "end"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, True), "a": True, "b": False}, ["a", "b"], 50, "recognize"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, True), "a": False, "b": False}, ["a", "b"], 50, "end"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, True), "a": True, "b": True, "c": False}, ["a", "b", "c"], 66.7, "end"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, True), "a": True, "b": True, "c": False}, ["a", "b", "c"], 66.6, "recognize"),
    ({**dict.fromkeys(ex.GENERAL_KEYS, False), "a": True}, ["a"], 0, "end"),  # a general criterion is never waived
])
def test_recognition_needs_every_general_criterion_and_the_specific_share(results, specific, share, outcome):
    got = ex.recognition_outcome(results, specific, share)
    assert got.outcome == outcome
    assert list(got.missed) == [k for k in (*ex.GENERAL_KEYS, *specific) if not results.get(k)]


SPECIFIC = ["s1", "s2", "s3", "s4", "s5"]


@pytest.mark.parametrize("met, unfit, outcome", [
    (10, False, "recognize"), (7, False, "recognize"), (6, False, "end"), (0, False, "end"),
    (10, True, "end"),
])
def test_reassessment_70_percent_of_all_criteria(met, unfit, outcome):
    keys = list(ex.GENERAL_KEYS) + SPECIFIC
    results = {k: i < met for i, k in enumerate(keys)}
    got = ex.reassessment_outcome(results, SPECIFIC, 70.0, unfit)
    assert (got.outcome, round(got.share)) == (outcome, met * 10)


def test_reassessment_threshold_is_compared_before_rounding():
    keys = list(ex.GENERAL_KEYS) + ["s1"]  # 6 criteria: 4 met = 66.67 %
    results = {k: i < 4 for i, k in enumerate(keys)}
    assert ex.reassessment_outcome(results, ["s1"], 66.67).outcome == "end"
    assert ex.reassessment_outcome(results, ["s1"], 66.66).outcome == "recognize"


@pytest.mark.parametrize("plan, last", [
    (D(2025, 5, 15), D(2026, 5, 15)),
    (D(2024, 2, 29), D(2025, 2, 28)),   # Civil Code Điều 148: no 29/02 → the month's last day
    (D(2025, 12, 31), D(2026, 12, 31)),
])
def test_one_year_clock(plan, last):
    assert ex.evaluation_last_day(plan) == last


@pytest.mark.parametrize("day, late, reason, error", [
    (D(2026, 5, 15), False, None, None),                                  # the anniversary is on time
    (D(2026, 5, 16), False, None, "domain.exemplar.evaluation_late"),     # the day after is refused
    (D(2026, 5, 16), True, "Chờ tổng kết", None),
    (D(2026, 5, 16), True, " ", "domain.exemplar.late_needs_reason"),
    (D(2026, 5, 15), True, "x", "domain.exemplar.not_late"),
])
def test_on_time_or_late_with_reason(day, late, reason, error):
    from antt_cli.errors import AnttError

    if error is None:
        ex.check_on_time(day, D(2026, 5, 15), late, reason)
    else:
        with pytest.raises(AnttError) as caught:
            ex.check_on_time(day, D(2026, 5, 15), late, reason)
        assert caught.value.key == error


def _case(*kinds_dates, status="surveying") -> Case:
    docs = [Record(kind=k, date=d) for k, d in kinds_dates]
    return Case(id="DH-2025-001", kind="exemplar", status=status, documents=docs,
                criteria=(Criterion("s1", "Một tiêu chí riêng"),))


def test_the_cli_name_resolves_by_the_case_type():
    assert REG.resolve("proposal", "model").name == "proposal"
    assert REG.resolve("proposal", "exemplar").name == "exemplar-proposal"
    assert REG.resolve("criteria", "exemplar").lists_criteria
    assert REG.resolve("criteria", "model") is None
    assert REG.resolve("survey-plan", "exemplar") is None


def test_dossier_items_follow_the_steps():
    """SPEC §10 for an exemplar: items 1–2 once the proposal is recorded, 3 once building,
    4 once the evaluation is due or done, 5 once the evaluation is recorded."""
    def states(case, today=D(2026, 1, 1)):
        return [i.state for i in ex.exemplar_items(case, REG, today)]

    assert states(_case()) == ["not-due"] * 5
    assert states(_case(("survey", D(2025, 5, 5)))) == ["present"] + ["not-due"] * 4
    proposed = _case(("exemplar-proposal", D(2025, 5, 10)))           # adopted without survey
    assert states(proposed)[:3] == ["missing", "missing", "not-due"]
    built = _case(("survey", D(2025, 5, 5)), ("exemplar-criteria", D(2025, 5, 6)),
                  ("exemplar-proposal", D(2025, 5, 10)), ("building-plan", D(2025, 5, 15)), status="building")
    assert states(built) == ["present"] * 3 + ["not-due"] * 2
    assert states(built, D(2026, 5, 15))[3] == "not-due"                # last good day
    assert states(built, D(2026, 5, 16))[3] == "missing"                # the evaluation is overdue
    built.documents += [Record(kind="self-assessment", date=D(2026, 5, 1)),
                        Record(kind="evaluation", date=D(2026, 5, 10))]
    assert states(built) == ["present"] * 4 + ["missing"]
    built.documents.append(Record(kind="ending", date=D(2026, 5, 20)))
    assert states(built)[4] == "missing"                                # the notice is still owed
    built.documents.append(Record(kind="ending-notice", date=D(2026, 5, 25)))
    assert states(built)[4] == "present"


def test_next_due_evaluation_then_yearly_reassessment():
    """The exemplar's duties in domain/deadlines.py (§IV.1 Bước 3, §IV.3); the table of their
    boundaries is tests/test_deadlines.py."""
    from antt_cli.domain.deadlines import Due, exemplar_owed, next_due
    from antt_cli.domain.interpretations import DEFAULT_RULES as R

    digest = {"kind": "exemplar", "status": "building", "clock_start": D(2025, 5, 15), "evaluation_kind": "evaluation"}
    assert next_due(digest, D(2026, 1, 1), R) == Due(D(2026, 5, 15), "evaluation", 2026)
    digest = {"kind": "exemplar", "status": "recognized", "recognized_on": D(2026, 5, 20), "reassessed": []}
    assert next_due(digest, D(2026, 6, 1), R) == Due(D(2027, 11, 4), "report", 2027)
    assert REG.dated_kind("exemplar", "report").name == "reassessment"
    digest["reassessed"] = [2027]
    assert next_due(digest, D(2027, 11, 20), R) == Due(D(2028, 11, 4), "report", 2028)
    # overdue years stay owed, up to the next one ahead
    assert exemplar_owed({**digest, "reassessed": []}, D(2028, 11, 4), R) == [
        Due(D(2027, 11, 4), "report", 2027), Due(D(2028, 11, 4), "report", 2028)]
    assert exemplar_owed({**digest, "reassessed": []}, D(2028, 11, 5), R)[-1].year == 2029
    assert exemplar_owed({"kind": "exemplar", "status": "ended"}, D(2028, 1, 1), R) == []


# ---------------------------------------------------------------- CLI

def _new(root, name="Tổ hòa giải thôn Lâm Giáo", kind="collective", date="2025-05-02", scope="several") -> str:
    return json.loads(ok("--json", "new-exemplar", name, "--kind", kind, "--area", "Thôn Lâm Giáo",
                         "--scope", scope, "--date", date, root=root).stdout)["id"]


def _build(root, case_id, *, specific=(), start=(2025, 5)) -> None:
    """survey, criteria (with its specific criteria), proposal, building plan (15/5/2025)."""
    y, m = start
    ok("record", case_id, "survey", "--date", f"{y}-{m:02d}-05", "--number", "auto", root=root)
    for key, text in specific:
        ok("criteria", case_id, "add", key, text, root=root)  # the contract's order
    ok("record", case_id, "criteria", "--date", f"{y}-{m:02d}-06", root=root)
    ok("record", case_id, "proposal", "--date", f"{y}-{m:02d}-10", "--number", "auto",
       "--set", "registration=Đăng ký ngày 08/5/2025", root=root)
    ok("record", case_id, "building-plan", "--date", f"{y}-{m:02d}-15", "--number", "auto", root=root)


def _trailers(root) -> str:
    return git(root, "log", "-1", "--format=%B")


def test_new_exemplar_has_its_own_sequence(dossier):
    assert _new(dossier) == "DH-2025-001"
    assert json.loads(ok("--json", "new-model", "Tổ tự quản", "--area", "Thôn A", "--date", "2025-05-03",
                         root=dossier).stdout)["id"] == "MH-2025-001"
    assert _new(dossier, "Ông Nguyễn Văn Ba", "individual") == "DH-2025-002"
    case = (dossier / "exemplars" / "DH-2025-001" / "case.yaml").read_text(encoding="utf-8")
    assert "status: surveying" in case and "exemplar_kind: collective" in case and "scope: several" in case
    assert "Antt-Action: new-exemplar" in _trailers(dossier)
    refused(dossier, "new-exemplar", "X", "--kind", "family", "--area", "A", code=2)
    refused(dossier, "new-exemplar", "X", "--kind", "collective", "--area", " ", contains="--area")


def test_collective_to_recognition_in_order_with_refusals(dossier):
    root = dossier
    case_id = _new(root)
    # out of order: each refused, naming what is missing first, nothing changed
    refused(root, "record", case_id, "proposal", "--date", "2025-05-10", "--number", "auto",
            contains="còn thiếu Báo cáo kết quả khảo sát địa bàn")
    refused(root, "record", case_id, "building-plan", "--date", "2025-05-10", "--number", "auto",
            contains="Báo cáo, đề xuất xây dựng điển hình")
    refused(root, "evaluate", case_id, *GENERAL_YES, "--date", "2025-05-10",
            contains="Báo cáo tự đánh giá kết quả xây dựng điển hình")
    refused(root, "record", case_id, "recognition", "--date", "2025-05-10", "--issuer", UBND, "--number", "auto",
            contains="Báo cáo đánh giá kết quả hoạt động của điển hình")
    before = commit_count(root)
    _build(root, case_id, specific=[("hoa-giai", "Hòa giải thành từ 90% số vụ việc trở lên")])
    assert commit_count(root) == before + 5          # one commit per success
    assert "Antt-Action: record building-plan" in _trailers(root)
    refused(root, "record", case_id, "self-assessment", "--date", "2025-05-14", contains="15/05/2025")  # dates in order
    ok("record", case_id, "self-assessment", "--date", "2026-05-01", "--set", "met=registered,effective", root=root)
    status = json.loads(ok("--json", "status", case_id, root=root).stdout)
    assert status["status"] == "building" and status["clock"]["last_day"] == "2026-05-15"
    # on the anniversary: on time; every criterion met → recognize
    out = json.loads(ok("--json", "evaluate", case_id, *GENERAL_YES, "--criterion", "hoa-giai=yes",
                        "--evidence", "effective=Hòa giải thành 46/49 vụ việc", "--date", "2026-05-15",
                        root=root).stdout)
    assert (out["outcome"], out["missed"], out["late"], out["not_given"]) == ("recognize", [], False, [])
    assert "Antt-Action: evaluate evaluation" in _trailers(root) and "Antt-Late" not in _trailers(root)
    refused(root, "record", case_id, "recognition", "--date", "2026-05-20", "--number", "auto", contains="--issuer")
    ok("record", case_id, "recognition", "--date", "2026-05-20", "--issuer", UBND, "--number", "auto", root=root)
    status = json.loads(ok("--json", "status", case_id, root=root).stdout)
    assert status["status"] == "recognized" and status["kind"] == "exemplar"
    assert [c["met"] for c in status["criteria"]] == [True] * 6
    assert [i["state"] for i in status["items"]] == ["present"] * 5
    doc = Document(str(root / "exemplars" / case_id / "docs" / "07-recognition.docx"))
    assert any("Công nhận tập thể “Tổ hòa giải thôn Lâm Giáo”" in p.text for p in doc.paragraphs)
    refused(root, "evaluate", case_id, *GENERAL_YES, "--date", "2026-06-01", contains="2027")  # same year
    # the model commands refuse an exemplar, evaluate refuses a model
    refused(root, "plan", case_id, "--year", "2026", "--target", "A=1", contains="antt evaluate")
    refused(root, "progress", case_id, "--year", "2026", "--target", "A", "--done", contains="antt evaluate")
    refused(root, "rate", case_id, "--year", "2026", *[f"--criterion={k}=yes" for k in ("direction", "support")],
            contains="antt evaluate")
    refused(root, "rate", case_id, "--year", "2026", "--decide", "--issuer", UBND, "--number", "09/QĐ-UBND",
            contains="antt evaluate")
    model = json.loads(ok("--json", "new-model", "Tổ tự quản", "--area", "Thôn A", root=root).stdout)["id"]
    refused(root, "evaluate", model, *GENERAL_YES, contains="antt rate")
    rows = json.loads(ok("--json", "status", root=root).stdout)
    assert {(r["id"], r["kind"], r["status"]) for r in rows} == {
        (case_id, "exemplar", "recognized"), (model, "model", "building")}
    assert "điển hình tập thể" in ok("status", root=root).stdout


def test_late_evaluation_refused_then_accepted_with_reason(dossier):
    root = dossier
    case_id = _new(root)
    _build(root, case_id)
    ok("record", case_id, "self-assessment", "--date", "2026-05-01", root=root)
    refused(root, "evaluate", case_id, *GENERAL_YES, "--date", "2026-05-16", contains="--late")
    refused(root, "evaluate", case_id, *GENERAL_YES, "--date", "2026-05-16", "--late", contains="--reason")
    refused(root, "evaluate", case_id, *GENERAL_YES, "--date", "2026-05-15", "--late", "--reason", "x",
            contains="--late")
    out = json.loads(ok("--json", "evaluate", case_id, *GENERAL_YES, "--date", "2026-05-16", "--late",
                        "--reason", "Chờ hội nghị tổng kết", root=root).stdout)
    assert out["late"] is True and out["outcome"] == "recognize"
    assert "Antt-Late: 2026-05-15" in _trailers(root)
    case = (root / "exemplars" / case_id / "case.yaml").read_text(encoding="utf-8")
    assert "late: true" in case and "late_reason: Chờ hội nghị tổng kết" in case


def test_individual_ended_at_its_evaluation_then_closed(dossier):
    root = dossier
    case_id = _new(root, "Ông Nguyễn Văn Ba", "individual", scope="one")
    _build(root, case_id)
    ok("record", case_id, "self-assessment", "--date", "2026-05-01", root=root)
    refused(root, "evaluate", case_id, "--criterion", "registered=maybe", code=2)
    refused(root, "evaluate", case_id, "--criterion", "no-such=yes", contains="registered")
    # not given under --json: counts as not met, and the output says so
    out = json.loads(ok("--json", "evaluate", case_id, "--criterion", "registered=yes", "--criterion",
                        "effective=yes", "--date", "2026-05-10", root=root).stdout)
    assert out["outcome"] == "end"
    assert out["missed"] == out["not_given"] == ["acknowledged", "commended", "informative"]
    refused(root, "record", case_id, "recognition", "--date", "2026-05-20", "--issuer", UBND, "--number", "auto",
            contains="acknowledged")
    ok("record", case_id, "ending", "--date", "2026-05-20", "--issuer", UBND, "--number", "auto", root=root)
    assert json.loads(ok("--json", "status", case_id, root=root).stdout)["status"] == "ended"
    ok("record", case_id, "ending-notice", "--date", "2026-05-22", "--number", "auto", root=root)
    doc = Document(str(root / "exemplars" / case_id / "docs" / "08-ending-notice.docx"))
    assert any("được cấp ủy, chính quyền, Nhân dân ghi nhận" in p.text for p in doc.paragraphs)
    for args in (["record", case_id, "review", "--date", "2026-06-01", "--number", "auto"],
                 ["evaluate", case_id, *GENERAL_YES],
                 ["criteria", "add", case_id, "moi", "Tiêu chí mới"],
                 ["amend", case_id, "ending", "--number", "09/QĐ-UBND", "--reason", "Nhầm số"]):
        refused(root, *args, contains=case_id)


def test_recognized_then_reassessment_proposes_ending(dossier, monkeypatch):
    root = dossier
    case_id = _new(root)
    specific = [(f"s{i}", f"Tiêu chí riêng số {i}") for i in range(1, 6)]
    _build(root, case_id, specific=specific)
    ok("record", case_id, "self-assessment", "--date", "2026-05-01", root=root)
    ok("evaluate", case_id, *GENERAL_YES, *[f"--criterion=s{i}=yes" for i in range(1, 6)], "--date", "2026-05-10",
       root=root)
    ok("record", case_id, "recognition", "--date", "2026-05-20", "--issuer", UBND, "--number", "auto", root=root)
    refused(root, "record", case_id, "ending", "--date", "2026-05-25", "--issuer", UBND, "--number", "auto",
            contains="antt evaluate")
    monkeypatch.setenv("ANTT_TODAY", "2027-10-20")
    # 7 of 10: keeps it (reported as recognize)
    keep = json.loads(ok("--json", "evaluate", case_id, *GENERAL_YES, "--criterion", "s1=yes", "--criterion", "s2=yes",
                         *[f"--criterion=s{i}=no" for i in range(3, 6)], "--date", "2027-10-15", root=root).stdout)
    assert (keep["kind"], keep["outcome"], keep["share"]) == ("reassessment", "recognize", 70.0)
    monkeypatch.setenv("ANTT_TODAY", "2028-10-30")
    text = ok("evaluate", case_id, *GENERAL_YES, *[f"--criterion=s{i}=yes" for i in range(1, 6)], "--date", "2028-01-10",
              root=root).stdout
    assert "không cần quyết định mới" in text and "antt record" not in text  # a kept exemplar needs no decision
    refused(root, "evaluate", case_id, *GENERAL_YES, "--date", "2027-10-16", contains="2027")  # once a year
    monkeypatch.setenv("ANTT_TODAY", "2029-10-30")
    end = json.loads(ok("--json", "evaluate", case_id, *GENERAL_YES, "--criterion", "s1=yes",
                        *[f"--criterion=s{i}=no" for i in range(2, 6)], "--date", "2029-10-15", root=root).stdout)
    assert (end["outcome"], end["share"]) == ("end", 60.0)
    ok("record", case_id, "ending", "--date", "2029-10-25", "--issuer", UBND, "--number", "auto", root=root)
    ok("record", case_id, "ending-notice", "--date", "2029-10-28", "--number", "auto", root=root)
    status = json.loads(ok("--json", "status", case_id, root=root).stdout)
    assert status["status"] == "ended" and status["outcome"] == "end"
    doc = Document(str(root / "exemplars" / case_id / "docs" / f"{len(status['documents']) - 1:02d}-ending.docx"))
    assert any("tiêu chí riêng số 2" in p.text for p in doc.paragraphs)


def test_unfit_reassessment_proposes_ending_whatever_the_criteria(dossier, monkeypatch):
    root = dossier
    case_id = _new(root)
    _build(root, case_id)
    ok("record", case_id, "self-assessment", "--date", "2026-05-01", root=root)
    ok("evaluate", case_id, *GENERAL_YES, "--date", "2026-05-10", root=root)
    ok("record", case_id, "recognition", "--date", "2026-05-20", "--issuer", UBND, "--number", "auto", root=root)
    monkeypatch.setenv("ANTT_TODAY", "2027-10-20")
    refused(root, "evaluate", case_id, *GENERAL_YES, "--unfit", contains="--reason")
    out = json.loads(ok("--json", "evaluate", case_id, *GENERAL_YES, "--unfit", "--reason",
                        "Cần thay bằng điển hình khác", "--date", "2027-10-15", root=root).stdout)
    assert out["outcome"] == "end" and out["missed"] == []


def test_criteria_add_before_and_after_the_criteria_document(dossier):
    root = dossier
    case_id = _new(root)
    ok("record", case_id, "survey", "--date", "2025-05-05", "--number", "auto", root=root)
    refused(root, "criteria", "add", case_id, "registered", "Trùng", contains="registered")
    refused(root, "criteria", "add", case_id, "Hòa giải", "Dấu", code=2, contains="Hòa giải")
    refused(root, "criteria", "add", case_id, "hoa-giai", "Hòa giải", "--grade", "tot", contains="--grade")
    ok("criteria", "add", case_id, "hoa-giai", "Hòa giải thành", root=root)
    assert "Antt-Action: criteria add" in _trailers(root)
    refused(root, "criteria", "add", case_id, "hoa-giai", "Lần nữa", contains="hoa-giai")
    ok("record", case_id, "criteria", "--date", "2025-05-06", root=root)
    docx_path = root / "exemplars" / case_id / "docs" / "02-exemplar-criteria.docx"
    before = docx_path.read_bytes()
    refused(root, "criteria", "add", case_id, "tuan-tra", "Tuần tra", contains="--reason")
    out = json.loads(ok("--json", "criteria", "add", case_id, "tuan-tra", "Tham gia tuần tra hằng tháng",
                        "--reason", "Bổ sung theo ý kiến Ban Chỉ đạo", root=root).stdout)
    assert out["rerendered"] == [f"exemplars/{case_id}/docs/02-exemplar-criteria.docx"]
    assert docx_path.read_bytes() != before
    assert any("Tham gia tuần tra hằng tháng" in c.text for t in Document(str(docx_path)).tables
               for r in t.rows for c in r.cells)
    assert "Antt-Reason: Bổ sung theo ý kiến Ban Chỉ đạo" in _trailers(root)
    assert "reason: Bổ sung theo ý kiến Ban Chỉ đạo" in (root / "exemplars" / case_id / "case.yaml").read_text(
        encoding="utf-8")
    # a model's own criterion carries its grade; no criteria set document to amend
    model = json.loads(ok("--json", "new-model", "Tổ tự quản", "--area", "Thôn A", root=root).stdout)["id"]
    refused(root, "criteria", "add", model, "tuan-tra", "Tuần tra", "--reason", "x", contains="--reason")
    ok("criteria", "add", model, "tuan-tra", "Tuần tra", "--grade", "kha", root=root)
    assert "grade: kha" in (root / "models" / model / "case.yaml").read_text(encoding="utf-8")


def test_exemplar_documents_regenerate_byte_identical(dossier):
    from antt_cli.services.common import render_document
    from antt_cli.store.dossier import Dossier

    root = dossier
    case_id = _new(root)
    _build(root, case_id)
    ok("record", case_id, "self-assessment", "--date", "2026-05-01", root=root)
    ok("evaluate", case_id, *GENERAL_YES, "--date", "2026-05-10", root=root)
    d = Dossier.open(root)
    case = d.case(case_id)
    for record in case.documents:
        stored = (root / "exemplars" / case_id / record.file).read_bytes()
        assert render_document(d, case.copy(), record) == stored, record.kind


def test_a_criterion_not_given_is_asked_in_a_terminal(dossier, monkeypatch):
    """docs/commands.md `antt evaluate`: in a terminal each criterion not given is asked (here
    answered yes), the ones given are not asked again."""
    import sys

    from antt_cli.cli import exemplar_cmds
    from antt_cli.cli.common import STATE

    case_id = _new(dossier)
    asked = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(exemplar_cmds.typer, "confirm", lambda text, default: asked.append(text) or True)
    monkeypatch.setattr(STATE, "dossier", str(dossier))
    monkeypatch.setattr(STATE, "json", False)
    answers = exemplar_cmds._ask_missing(case_id, {"registered": False})
    assert answers == {"registered": False, **dict.fromkeys(ex.GENERAL_KEYS[1:], True)}
    assert len(asked) == 4 and "effective" in asked[0]
    monkeypatch.setattr(STATE, "json", True)  # under --json nothing is asked
    assert exemplar_cmds._ask_missing(case_id, {}) == {}


# ---------------------------------------------------------------- due, model-only commands, common commands

def _recognized(root, name="Tổ hòa giải thôn Lâm Giáo") -> str:
    """A collective exemplar built from 15/5/2025, evaluated and recognized on 20/5/2026."""
    case_id = _new(root, name)
    _build(root, case_id)
    ok("record", case_id, "self-assessment", "--date", "2026-05-01", root=root)
    ok("evaluate", case_id, *GENERAL_YES, "--date", "2026-05-10", root=root)
    ok("record", case_id, "recognition", "--date", "2026-05-20", "--issuer", UBND, "--number", "auto", root=root)
    return case_id


def test_due_lists_the_evaluation_and_the_yearly_reassessment(dossier, monkeypatch):
    """§IV.1 Bước 3 and §IV.3 through `antt due`, from the one table of duties."""
    root = dossier
    monkeypatch.setenv("ANTT_TODAY", "2026-06-01")
    recognized = _recognized(root)
    building = _new(root, "Ông Nguyễn Văn Ba", "individual", scope="one")
    _build(root, building, start=(2025, 6))          # building plan 15/06/2025
    surveying = _new(root, "Tổ tự quản thôn Lâm Thuận", date="2026-05-25")

    def due(*args):
        return json.loads(ok("--json", "due", *args, root=root).stdout)

    items = due("--date", "2026-06-01")
    assert [(i["id"], i["what"], i["year"], i["due"], i["before"], i["overdue"], i["days"], i["section"])
            for i in items] == [
        (building, "evaluate", 2026, "2026-06-15", "2026-06-16", False, 14, "§IV.1 Bước 3"),
        (recognized, "reassess", 2027, "2027-11-04", "2027-11-05", False, 521, "§IV.3")]
    assert items[0]["deadline"] == "đến hết 15/06/2026" and items[1]["deadline"] == "trước 05/11/2027"
    assert due(surveying) == []
    # the anniversary is still good; the day after, the evaluation is overdue
    assert due(building, "--date", "2026-06-15")[0]["overdue"] is False
    late = due(building, "--date", "2026-06-16")[0]
    assert (late["overdue"], late["days"]) == (True, -1)
    # a reassessment not made stays owed, and the next year's is listed once the date has passed
    assert [(i["year"], i["overdue"]) for i in due(recognized, "--date", "2027-11-05")] == [
        (2027, True), (2028, False)]
    monkeypatch.setenv("COLUMNS", "300")  # one line per row
    text = ok("due", "--date", "2026-06-01", root=root).stdout
    assert "đến hết 15/06/2026" in text and "Đánh giá lại điển hình năm 2027" in text
    # once evaluated, the evaluation is no longer owed; the status shows the same next due
    ok("record", building, "self-assessment", "--date", "2026-05-30", root=root)
    ok("evaluate", building, *GENERAL_YES, "--date", "2026-06-01", root=root)
    assert due(building, "--date", "2026-06-01") == []
    row = json.loads(ok("--json", "status", recognized, root=root).stdout)
    assert (row["next_due"], row["next_due_kind"], row["next_due_year"]) == ("2027-11-04", "reassessment", 2027)


def test_model_only_commands_refuse_an_exemplar_and_evaluate_a_model(dossier, monkeypatch):
    root = dossier
    monkeypatch.setenv("ANTT_TODAY", "2026-06-01")
    case_id = _recognized(root)
    for command, args in (
            ("rate", ["--year", "2026", "--criterion=direction=yes"]),
            ("plan", ["--year", "2026", "--target", "A=1"]),
            ("progress", ["--year", "2026", "--target", "A", "--done"]),
            ("replicate", ["--area", "Thôn Lâm Thuận"]),
            ("close", ["--reason", "Không còn phù hợp", "--unfit"]),
            ("propose-national", ["--innovative", "--reason", "Cách làm mới", "-o", str(root.parent / "x.zip")])):
        result = refused(root, command, case_id, *args, contains="antt evaluate")
        assert f"`antt {command}`" in result.stderr and result.stderr.strip().count("\n") == 0
    assert not (root.parent / "x.zip").exists()
    model = json.loads(ok("--json", "new-model", "Tổ tự quản", "--area", "Thôn A", root=root).stdout)["id"]
    refused(root, "evaluate", model, *GENERAL_YES, contains="antt rate")


def test_history_amend_and_draft_work_on_an_exemplar(dossier, tmp_path):
    root = dossier
    case_id = _new(root)
    _build(root, case_id)
    history = json.loads(ok("--json", "history", case_id, root=root).stdout)
    assert [h["action"] for h in history] == ["new-exemplar", "record survey", "record criteria",
                                              "record proposal", "record building-plan"]
    before = commit_count(root)
    ok("amend", case_id, "building-plan", "--signer", "Trần Văn Tư", "--signer-title", "Chủ tịch", "--reason", "Đổi người ký", root=root)
    assert commit_count(root) == before + 1 and "Antt-Action: amend building-plan" in _trailers(root)
    case = (root / "exemplars" / case_id / "case.yaml").read_text(encoding="utf-8")
    assert "Trần Văn Tư" in case and "Đổi người ký" in case
    assert len(json.loads(ok("--json", "history", case_id, root=root).stdout)) == 6
    out = tmp_path / "drafts"
    out.mkdir()
    ok("draft", case_id, "self-assessment", "-o", str(out), root=root)
    (drafted,) = out.iterdir()
    assert drafted.name == f"{case_id}-self-assessment-nhap.docx"
    assert any("Lâm Giáo" in p.text for p in Document(str(drafted)).paragraphs)
    assert commit_count(root) == before + 1                       # a draft commits nothing
