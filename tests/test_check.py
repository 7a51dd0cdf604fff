"""`antt check` through the real CLI (docs/commands.md, SPEC §10): a complete case, an
incomplete one, each consistency finding (a document edited by hand or missing, a number used
twice, dates out of order, a broken case file), its JSON shape, and the tree byte-identical
afterwards — check writes nothing. The consistency rules themselves: table-driven below."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import antt, snapshot

from antt_cli.domain.consistency import (ERROR, NumberUse, duplicate_numbers, file_findings, issuer_findings)
from antt_cli.domain.dossier_items import STATES
from antt_cli.domain.model import Case, Record
from antt_cli.services.check import CaseCheck, Problem
from antt_cli.store.kinds import load_registry

LINE = re.compile(r"^(LỖI|CẢNH BÁO) (MH|DH)-\d{4}-\d{3} \S+: .+")
# Before any yearly report or the next plan falls due (launched 08/11/2025).
QUIET_DAY = "2025-11-20"


def checked(root: Path, *args: str, lang: str | None = None):
    """Run `antt check …` and assert it changed nothing: status, HEAD, every file's bytes."""
    before = snapshot(root)
    result = antt(*args, root=root, lang=lang)
    assert snapshot(root) == before, "antt check wrote something"
    return result


def case_file(root: Path, case_id: str) -> Path:
    return root / "models" / case_id / "case.yaml"


def test_complete_case_passes_with_its_sixteen_items(launched):
    result = checked(launched, "check", "MH-2025-001", "--date", QUIET_DAY)
    assert result.exit_code == 0, result
    assert "Quyết định thành lập mô hình" in result.stdout   # the items' table, in Vietnamese
    assert "1 hồ sơ: 1 đạt, 0 chưa đạt; 0 lỗi, 0 cảnh báo." in result.stdout
    assert not [line for line in result.stdout.splitlines() if LINE.match(line)]
    assert not result.stderr   # no progress bar off a terminal, no notice


def test_json_shape(launched):
    result = checked(launched, "--json", "check", "--date", QUIET_DAY)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert set(data) == {"ok", "cases"} and data["ok"] is True
    assert [c["id"] for c in data["cases"]] == ["MH-2025-001", "MH-2025-002"]
    for case in data["cases"]:
        assert set(case) == {"id", "items", "problems"} and case["problems"] == []
        assert [i["no"] for i in case["items"]] == list(range(1, 17))
        for item in case["items"]:
            assert set(item) == {"no", "title", "state"} and item["state"] in STATES and item["title"]
    states = {i["no"]: i["state"] for i in data["cases"][0]["items"]}
    assert states[6] == "present" and states[12] == "n/a" and states[13] == "not-due"


def test_incomplete_case_exits_one_naming_what_is_missing(launched):
    # 20/06/2026: the 6-month report of 2026 fell due; none was recorded.
    result = checked(launched, "check", "MH-2025-001")
    assert result.exit_code == 1, result
    assert "LỖI MH-2025-001 10: thiếu Báo cáo kết quả hoạt động định kỳ" in result.stdout
    assert "Báo cáo tình hình, kết quả hoạt động của mô hình (06 tháng đầu năm 2026)" in result.stdout
    data = json.loads(checked(launched, "--json", "check", "MH-2025-001").stdout)
    assert data["ok"] is False
    assert {i["no"]: i["state"] for i in data["cases"][0]["items"]}[10] == "missing"
    assert {"level": "error", "item": "10"}.items() <= data["cases"][0]["problems"][0].items()


def _docx_of(root: Path, case_id: str, kind: str) -> Path:
    return next((root / "models" / case_id / "docs").glob(f"*-{kind}.docx"))


def test_document_edited_by_hand_names_accept(launched):
    import docx

    path = _docx_of(launched, "MH-2025-001", "establishment-decision")
    document = docx.Document(str(path))
    document.add_paragraph("Thêm bằng tay trong Word")
    document.save(str(path))
    result = checked(launched, "check", "MH-2025-001", "--date", QUIET_DAY)
    assert result.exit_code == 1, result
    line = next(line for line in result.stdout.splitlines() if "establishment-decision:" in line)
    assert LINE.match(line) and line.startswith("LỖI MH-2025-001 establishment-decision:")
    assert "antt accept MH-2025-001 establishment-decision" in line
    # the other case is untouched by it
    other = json.loads(checked(launched, "--json", "check", "MH-2025-002", "--date", QUIET_DAY).stdout)
    assert other["ok"] is True
    # the edit accepted as the issued version: consistent again
    assert antt("accept", "MH-2025-001", "establishment-decision", root=launched).exit_code == 0
    assert checked(launched, "check", "MH-2025-001", "--date", QUIET_DAY).exit_code == 0


def test_document_file_missing(launched):
    path = _docx_of(launched, "MH-2025-002", "launch-plan")
    path.unlink()
    data = json.loads(checked(launched, "--json", "check", "--date", QUIET_DAY).stdout)
    assert data["ok"] is False
    problems = {c["id"]: c["problems"] for c in data["cases"]}
    assert problems["MH-2025-001"] == []
    assert [(p["level"], p["item"]) for p in problems["MH-2025-002"]] == [("error", "launch-plan")]
    assert path.name in problems["MH-2025-002"][0]["message"]


def _number_of(root: Path, case_id: str, kind: str) -> str:
    data = json.loads(antt("--json", "status", case_id, root=root).stdout)
    return next(d["number"] for d in data["documents"] if d["kind"] == kind)


def test_number_used_twice_by_one_body_in_one_year(launched):
    first = _number_of(launched, "MH-2025-001", "establishment-decision")
    second = _number_of(launched, "MH-2025-002", "establishment-decision")
    path = case_file(launched, "MH-2025-002")
    text = path.read_text(encoding="utf-8")
    assert text.count(second) == 1
    path.write_text(text.replace(second, first), encoding="utf-8")   # a hand edit of case.yaml
    result = checked(launched, "check", "--date", QUIET_DAY)
    assert result.exit_code == 1, result
    lines = [line for line in result.stdout.splitlines() if LINE.match(line)]
    assert len(lines) == 1 and lines[0].startswith("LỖI MH-2025-002 establishment-decision:")
    assert first in lines[0] and "MH-2025-001" in lines[0]
    assert "Quyết định thành lập mô hình" in lines[0]   # the other kind by its title


def test_dates_out_of_order(launched):
    path = case_file(launched, "MH-2025-001")
    text = path.read_text(encoding="utf-8")
    assert "2025-11-08" in text
    path.write_text(text.replace("2025-11-08", "2025-10-20"), encoding="utf-8")   # launch before the decisions
    result = checked(launched, "--json", "check", "MH-2025-001", "--date", QUIET_DAY)
    assert result.exit_code == 1, result
    problems = json.loads(result.stdout)["cases"][0]["problems"]
    assert any(p["item"] == "launch" and "20/10/2025" in p["message"] and "25/10/2025" in p["message"]
               for p in problems), problems


def test_broken_case_is_one_finding_the_others_are_checked(launched):
    path = case_file(launched, "MH-2025-002")
    path.write_text(path.read_text(encoding="utf-8").replace("linked: true", "linked: [1, 2]"), encoding="utf-8")
    result = checked(launched, "check", "--date", QUIET_DAY)
    assert result.exit_code == 1, result
    broken = [line for line in result.stdout.splitlines() if line.startswith("LỖI MH-2025-002 case.yaml:")]
    assert len(broken) == 1 and re.search(r"case\.yaml:\d+", broken[0]), result.stdout
    assert "2 hồ sơ: 1 đạt, 1 chưa đạt" in result.stdout
    alone = checked(launched, "check", "MH-2025-002", "--date", QUIET_DAY)
    assert alone.exit_code == 1 and "case.yaml" in alone.stdout


def test_unknown_case_refused_and_english(launched):
    result = checked(launched, "check", "MH-2025-009")
    assert result.exit_code == 1 and result.stderr.strip() and not result.stdout
    english = checked(launched, "check", "--date", QUIET_DAY, lang="en")
    assert "2 case(s): 2 pass, 0 fail; 0 error(s), 0 warning(s)." in english.stdout


# -- the rules, table-driven ---------------------------------------------------------------
def _case(*records: Record, authority: str | None = "Ủy ban nhân dân xã Hàm Thuận") -> Case:
    return Case(id="MH-2025-001", authority=authority, status="active", documents=list(records))


@pytest.mark.parametrize("issuer, authority, successors, found", [
    ("Ủy ban nhân dân xã Hàm Thuận", "Ủy ban nhân dân xã Hàm Thuận", {}, 0),
    ("UBND xã Hàm Thuận", "Ủy ban nhân dân xã Hàm Thuận", {}, 0),                 # one body, two spellings
    ("Công an xã Hàm Thuận", "Ủy ban nhân dân xã Hàm Thuận", {}, 1),
    ("Ủy ban nhân dân xã Mới", "Ủy ban nhân dân xã Hàm Thuận", {"Ủy ban nhân dân xã Hàm Thuận": "Ủy ban nhân dân xã Mới"}, 0),
    ("Công an xã Hàm Thuận", None, {}, 0),                                       # no authority yet: nothing to compare
])
def test_issuer_of_an_authority_decision(issuer, authority, successors, found):
    reg = load_registry()
    decision = Record(kind="rating-decision", date=dt.date(2026, 11, 9), issuer=issuer, year=2026)
    plan = Record(kind="launch-plan", date=dt.date(2025, 10, 26), issuer="Công an xã Hàm Thuận")  # not the authority's
    findings = list(issuer_findings(_case(decision, plan, authority=authority), reg, successors))
    assert len(findings) == found
    assert all(f.level == ERROR and f.item == "rating-decision" for f in findings)


def _use(case_id: str, body: str, year: int, number: str, value: int, day: int) -> NumberUse:
    return NumberUse(case_id, "evidence", body, year, number, value, dt.date(year, 1, day))


@pytest.mark.parametrize("uses, flagged", [
    ([_use("A", "ubnd", 2026, "02/QĐ-UBND", 2, 1), _use("B", "ubnd", 2026, "02/KH-UBND", 2, 2)], ["B"]),
    ([_use("A", "ubnd", 2026, "02/QĐ-UBND", 2, 3), _use("B", "ubnd", 2026, "002/QĐ-UBND", 2, 2)], ["A"]),
    ([_use("A", "ubnd", 2026, "02/QĐ-UBND", 2, 1), _use("B", "ubnd", 2027, "02/QĐ-UBND", 2, 1)], []),
    ([_use("A", "ubnd", 2026, "02/QĐ-UBND", 2, 1), _use("B", "cax", 2026, "02/QĐ-CAX", 2, 1)], []),
    ([_use("A", "ubnd", 2026, "02/QĐ-UBND", 2, 1), _use("A", "ubnd", 2026, "03/QĐ-UBND", 3, 1)], []),
])
def test_duplicate_numbers(uses, flagged):
    assert [f.case_id for f in duplicate_numbers(uses)] == flagged


def _every_later_use(uses):
    """The rule as written: every use in date order (a case's own order on one day), each
    number of a register after its first use reported, naming the first."""
    first, found = {}, []
    for use in sorted(uses, key=lambda u: u.date):
        if use.value is not None:
            key = (use.body, use.year, use.value)
            if key in first:
                found.append((use.case_id, use.number, first[key].case_id, first[key].number))
            else:
                first[key] = use
    return found


def test_duplicate_numbers_in_the_rules_order():
    """Three hundred uses, many numbers twice or more, many on one day: the findings and
    their order are the rule's as written (only the numbers used twice are sorted)."""
    import random

    rng = random.Random(163)
    uses = [NumberUse(f"MH-{rng.randint(1, 40):03}", "evidence", rng.choice(["ubnd", "cax"]), 2026,
                      f"{n}/QĐ", rng.choice([None, *range(1, 30)]), dt.date(2026, rng.randint(1, 3), rng.randint(1, 3)))
            for n in range(300)]
    found = [(f.case_id, f.params["number"], f.params["other_id"], f.params["other"]) for f in duplicate_numbers(uses)]
    assert found == _every_later_use(uses) and len(found) > 100


@pytest.mark.parametrize("stored, on_disk, key", [
    ("abc", "abc", None),
    ("abc", "abd", "domain.consistency.file_edited"),
    ("abc", None, "domain.consistency.file_missing"),
    (None, "abc", None),          # imported without a hash: nothing to compare
])
def test_file_findings(stored, on_disk, key):
    record = Record(kind="launch-plan", file="docs/09-launch-plan.docx", sha256=stored)
    found = list(file_findings(_case(record), load_registry(), {"docs/09-launch-plan.docx": on_disk}))
    assert [f.key for f in found] == ([key] if key else [])


def test_every_finding_of_a_case_is_one_an_entry_may_say():
    """`CASE_FINDINGS` (what a check entry made elsewhere may hold, store/checkcache.py) is
    every key `case_findings` gives, with exactly its values."""
    from antt_cli.domain.consistency import CASE_FINDINGS, case_findings

    late = Record(kind="survey-report", date=dt.date(2025, 1, 1), issuer="Công an xã Hàm Thuận")
    plan = Record(kind="survey-plan", date=dt.date(2025, 2, 1), issuer="Công an xã Hàm Thuận",
                  file="docs/01.docx", sha256="abc")
    decision = Record(kind="rating-decision", date=dt.date(2026, 11, 9), issuer="Công an xã Hàm Thuận", year=2026,
                      file="docs/02.docx")
    case = Case(id="MH-2025-001", authority="UBND huyện Cũ", level="huyen", status="active",
                documents=[late, plan, decision], letters=[Record(kind="to-trinh", file="docs/03.docx")])
    found = case_findings(case, load_registry(), {}, {"docs/01.docx": "abd"})
    assert {f.key for f in found} == set(CASE_FINDINGS)
    assert all(set(f.params) == CASE_FINDINGS[f.key] for f in found)


@pytest.mark.parametrize("levels, missing, ok", [
    ((), False, True), (("warning",), False, True), (("warning", "error"), False, False), ((), True, False),
])
def test_warnings_alone_pass(levels, missing, ok):
    from antt_cli.domain.dossier_items import Item

    items = (Item(9, "Kế hoạch", "missing" if missing else "present"),)
    assert CaseCheck("MH-2025-001", items, tuple(Problem(level, "15", "…") for level in levels)).ok is ok


def test_exemplar_has_five_items(dossier):
    case_id = json.loads(antt("--json", "new-exemplar", "Tổ hòa giải thôn Lâm Giáo", "--kind", "collective",
                              "--area", "Thôn Lâm Giáo", "--date", "2025-05-02", root=dossier).stdout)["id"]
    for kind, day, more in (("survey", "05", ["--number", "auto"]), ("criteria", "06", []),
                            ("proposal", "10", ["--number", "auto", "--set", "registration=Đăng ký ngày 08/5/2025"]),
                            ("building-plan", "15", ["--number", "auto"])):
        assert antt("record", case_id, kind, "--date", f"2025-05-{day}", *more, root=dossier).exit_code == 0
    early = json.loads(checked(dossier, "--json", "check", case_id, "--date", "2025-06-01").stdout)
    assert early["ok"] is True
    assert [(i["no"], i["state"]) for i in early["cases"][0]["items"]] == [
        (1, "present"), (2, "present"), (3, "present"), (4, "not-due"), (5, "not-due")]
    # 20/06/2026: the one-year evaluation (by 15/05/2026) is overdue — item 4 is missing
    late = checked(dossier, "check", case_id)
    assert late.exit_code == 1, late
    assert any(line.startswith(f"LỖI {case_id} 4: thiếu ") for line in late.stdout.splitlines()), late.stdout
