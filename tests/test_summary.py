"""`antt summary` (docs/commands.md) on the district sample dossier (`antt demo --district`,
built once for this module through the real commands): the terminal tables, --json, the
workbook and the báo cáo, every count checked against the dossier's own case files; empty
years and areas explained; refusals change nothing; the domain's boundaries table-driven."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import antt, copy_dossier, ok, refused

DAY = "2026-11-20"
GRADE_TITLES = {"tot": "Tốt", "kha": "Khá", "trung-binh": "Trung bình", "yeu": "Yếu"}
SECRET = "Đối tượng Nguyễn Văn X"   # the classified survey report's summary (sample_dossier/district.yaml)


@pytest.fixture(scope="module")
def district(_district_built, tmp_path_factory) -> Path:
    return copy_dossier(_district_built, tmp_path_factory.mktemp("district") / "ho-so")


def decided(root: Path, year: int) -> dict[str, dict]:
    """The oracle, read straight from the case files: each model's counting rating decision
    and proposal of `year` (not withdrawn, not superseded by a forced redo)."""
    found = {}
    for path in sorted((root / "models").glob("*/case.yaml")):
        case = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        docs = [d for d in case.get("documents") or [] if d.get("year") == year
                and not d.get("withdrawn") and not d.get("superseded")]
        decision = [d for d in docs if d["kind"] == "rating-decision"]
        proposal = [d for d in docs if d["kind"] == "rating-proposal"]
        if decision:
            found[case["id"]] = {"grade": decision[-1]["fields"]["grade"], "area": case["area"],
                                 "proposed": proposal[-1]["fields"]["grade"] if proposal else None}
    return found


def commune(area: str) -> str:
    return next(p.strip() for p in reversed(area.split(",")) if p.strip().startswith("xã "))


def summary_json(root: Path, *args: str) -> dict:
    return json.loads(ok("--json", "summary", *args, "--date", DAY, root=root).stdout)


def test_json_counts_match_the_case_files(district):
    data = summary_json(district, "--year", "2026")
    oracle = decided(district, 2026)
    assert {m["id"]: m["grade"] for m in data["models"]} == {k: v["grade"] for k, v in oracle.items()}
    by_grade = {g: sum(1 for v in oracle.values() if v["grade"] == g) for g in GRADE_TITLES}
    assert data["counts"]["by_grade"] == by_grade
    # the story of sample_dossier/district.yaml: every grade in 2026, one decision overriding its proposal
    assert by_grade == {"tot": 2, "kha": 3, "trung-binh": 2, "yeu": 1}
    overridden = [m for m in data["models"] if m["proposed"]]
    assert [(m["grade"], m["proposed"]) for m in overridden] == [("trung-binh", "kha")]
    for area, counts in data["counts"]["by_area"].items():
        assert counts == {g: sum(1 for v in oracle.values() if commune(v["area"]) == area and v["grade"] == g)
                          for g in GRADE_TITLES}
    assert data["counts"]["by_level"] == {"xa": by_grade}
    assert data["counts"]["good_share"] == 62.5
    assert set(data) >= {"year", "models", "counts", "not_rated", "exemplars"}
    assert set(data["models"][0]) >= {"id", "name", "area", "level", "grade", "proposed", "completion", "decision"}
    assert data["models"][0]["decision"]["number"] and data["models"][0]["decision"]["date"].startswith("2026-11")


def test_json_explains_the_models_not_rated_and_the_year_events(district):
    data = summary_json(district, "--year", "2026")
    why = {n["name"]: n["why"] for n in data["not_rated"]}
    assert why == {"Tổ hòa giải thôn Ninh Thuận": "closed",
                   "Tổ bảo vệ an ninh trật tự Khu công nghiệp Hồng Sơn": "decision-late",
                   "An toàn trường học Tiểu học Hàm Chính 1": "not-established",
                   "Tổ tự quản an ninh trật tự thôn Lâm Thuận": "not-established"}
    assert {(e["what"], e["from"] is not None) for e in data["events"]} >= {("replicated", True), ("closed", False),
                                                                          ("opened", False), ("launched", False)}
    assert sorted(e["what"] for e in data["exemplars"]) == ["ended", "reassessed", "recognized"]
    earlier = summary_json(district, "--year", "2025")
    assert {n["why"] for n in earlier["not_rated"]} == {"not-eligible"}
    assert {n["first_year"] for n in earlier["not_rated"]} == {2026}
    assert earlier["counts"]["by_grade"] == {"tot": 2, "kha": 3, "trung-binh": 2, "yeu": 1}
    # as of 06/11/2026 the missing decision is still in time
    early = json.loads(ok("--json", "summary", "--year", "2026", "--date", "2026-11-06", root=district).stdout)
    assert "decision-missing" in {n["why"] for n in early["not_rated"]}


def test_terminal_tables(district):
    out = ok("summary", "--year", "2026", "--date", DAY, root=district).stdout
    assert "Mô hình được xếp loại năm 2026" in out and "Số lượng mô hình theo mức xếp loại và địa bàn" in out
    total = next(line for line in out.splitlines() if line.startswith("│ Cộng"))
    assert re.findall(r"\d+(?:,\d)?", total) == ["2", "3", "2", "1", "8", "62,5"]  # decimal comma under vi
    words = " ".join(out.split())
    assert "MH-2024-008" in out and "quá hạn" in words and "Nhân rộng" in words
    assert SECRET not in out


def _xlsx(root: Path, tmp_path: Path, *args: str) -> tuple[Path, bytes]:
    target = tmp_path / "tong-hop.xlsx"
    ok("summary", *args, "--date", DAY, "-o", str(target), root=root)
    return target, target.read_bytes()


def test_workbook_sheets_counts_and_chart(district, tmp_path):
    from openpyxl import load_workbook

    target, data = _xlsx(district, tmp_path, "--year", "2026")
    oracle = decided(district, 2026)
    wb = load_workbook(target)
    assert wb.sheetnames == ["Xếp loại mô hình", "Theo địa bàn", "Theo cấp", "Chưa xếp loại", "Mô hình trong năm",
                             "Điển hình tiên tiến", "Ghi chú"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
        assert all(cell.font.bold for cell in ws[1])
    models = wb["Xếp loại mô hình"]
    assert [c.value for c in models[1]][:5] == ["Mã hồ sơ", "Tên", "Địa bàn", "Cấp", "Xếp loại"]
    rows = {r[0]: r for r in models.iter_rows(min_row=2, values_only=True)}
    assert {k: r[4] for k, r in rows.items()} == {k: GRADE_TITLES[v["grade"]] for k, v in oracle.items()}
    assert models.column_dimensions["B"].width > models.column_dimensions["A"].width
    areas = {r[0]: r[1:6] for r in wb["Theo địa bàn"].iter_rows(min_row=2, values_only=True)}
    for area, counts in areas.items():
        members = [v for v in oracle.values() if area == "Cộng" or commune(v["area"]) == area]
        assert counts == (*(sum(1 for v in members if v["grade"] == g) for g in GRADE_TITLES), len(members))
    assert areas["Cộng"] == (2, 3, 2, 1, 8)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = z.read(charts[0]).decode()
    import xml.etree.ElementTree as ET

    ns = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    bars = ET.fromstring(chart).findall(f".//{ns}barChart")
    assert len(bars) == 1
    titles = [s.find(f"{ns}tx/{ns}strRef/{ns}f").text for s in bars[0].findall(f"{ns}ser")]
    assert titles == [f"'Theo địa bàn'!{col}1" for col in "BCDE"]   # one series per grade, titled by it
    assert [c.value for c in wb["Theo địa bàn"][1]][1:5] == list(GRADE_TITLES.values())
    assert SECRET not in data.decode("latin-1") and all(SECRET not in str(c.value) for ws in wb for r in ws for c in r)
    assert _xlsx(district, tmp_path, "--year", "2026")[1] == data   # deterministic


def _docx(root: Path, tmp_path: Path, *args: str) -> bytes:
    target = tmp_path / "bao-cao.docx"
    ok("summary", *args, "--date", DAY, "-o", str(target), root=root)
    return target.read_bytes()


def test_report_tables_counts_chart_and_layout(district, tmp_path):
    from docx import Document

    from antt_cli.documents.check import problems

    data = _docx(district, tmp_path, "--year", "2026")
    oracle = decided(district, 2026)
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in text and "Kết quả xếp loại mô hình, điển hình tiên tiến" in text
    assert "Lâm Đồng, ngày 20 tháng 11 năm 2026" in "\n".join(c.text for c in doc.tables[0]._cells)
    assert "Tổng số 8 mô hình được xếp loại: 2 Tốt, 3 Khá, 2 Trung bình, 1 Yếu; tỷ lệ Tốt, Khá: 62,5 %." in text
    models = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT" and "Xếp loại" in t.rows[0].cells[3].text)
    grades = [row.cells[3].text for row in models.rows[1:]]
    assert sorted(grades) == sorted(GRADE_TITLES[v["grade"]] for v in oracle.values())
    area = next(t for t in doc.tables if t.rows[0].cells[0].text == "Địa bàn")
    total = [c.text for c in area.rows[-1].cells]
    assert total == ["Cộng", "2", "3", "2", "1", "8", "62,5"]
    assert len(doc.inline_shapes) == 1 and doc.inline_shapes[0].width > 0   # the chart, a picture
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert [n for n in z.namelist() if n.startswith("word/media/")]
    assert SECRET not in text and all(SECRET not in c.text for t in doc.tables for c in t._cells)
    assert problems(io.BytesIO(data)) == []   # NĐ 30 layout (docs/kinds.md)
    assert _docx(district, tmp_path, "--year", "2026") == data   # deterministic


def test_empty_year_and_empty_area_are_explained(district, tmp_path):
    from docx import Document

    empty = summary_json(district, "--year", "2023")
    assert empty["models"] == [] and empty["not_rated"] == []
    assert any("chưa có mô hình nào" in n for n in empty["notes"])
    out = ok("summary", "--year", "2023", "--date", DAY, root=district).stdout
    assert "chưa có mô hình nào được mở hồ sơ" in out.replace("\n", " ")
    nowhere = summary_json(district, "--year", "2026", "--area", "xã Phú Quý")
    assert nowhere["models"] == [] and "xã Hàm Thuận" in nowhere["notes"][0] and "Phú Quý" in nowhere["notes"][0]
    none_yet = summary_json(district, "--year", "2024", "--area", "xã Hàm Chính")
    assert none_yet["models"] == [] and "chưa đủ thời gian hoạt động" in none_yet["notes"][0]
    one = summary_json(district, "--year", "2026", "--area", "Xã Hàm Chính")
    assert one["counts"]["by_grade"] == {"tot": 0, "kha": 1, "trung-binh": 0, "yeu": 1}
    report = Document(io.BytesIO(_docx(district, tmp_path, "--year", "2023")))
    text = "\n".join(p.text for p in report.paragraphs)
    assert "Chưa có mô hình nào được quyết định xếp loại." in text and "chưa có mô hình nào được mở hồ sơ" in text
    assert len(report.inline_shapes) == 0


def test_refusals_change_nothing(district, tmp_path):
    refused(district, "summary", "--year", "2026", "--level", "quan", code=2, contains="--level")
    refused(district, "summary", "--year", "2026", "-o", str(tmp_path / "x.pdf"), code=2, contains=".xlsx")
    refused(district, "summary", "--year", "2026", "-o", str(district / "tong-hop.xlsx"), contains="-o")
    refused(district, "summary", "--year", "1999", code=2)
    assert antt("summary", root=district).exit_code == 2   # --year is required


# ---------------------------------------------------------------- domain, table-driven

@pytest.mark.parametrize("area, mode, group", [
    ("Thôn Lâm Giáo, xã Hàm Thuận", "commune", "xã Hàm Thuận"),
    ("Khu phố 3, Phường Phan Thiết", "commune", "phường Phan Thiết"),
    ("Bến cá Phú Hài", "commune", "Bến cá Phú Hài"),
    ("Thôn Lâm Giáo, xã Hàm Thuận", "full", "Thôn Lâm Giáo, xã Hàm Thuận"),
    ("  ", "commune", "—"),
])
def test_area_group(area, mode, group):
    from antt_cli.domain.summary import area_group

    assert area_group(area, mode) == group


def _established(day: dt.date) -> dict:
    from antt_cli.domain.model import Case, Record
    from antt_cli.domain.summary import case_facts
    from antt_cli.store.kinds import load_registry

    reg = load_registry()
    kind = reg.authority_decisions()[0]
    return case_facts(Case(id="MH-2025-001", status="active", opened=dt.date(2025, 1, 2),
                           documents=[Record(kind=kind, date=day, number="01/QĐ-UBND")]), reg)


@pytest.mark.parametrize("decided_on, today, why, first", [
    (dt.date(2025, 12, 31), dt.date(2026, 11, 4), "proposal-missing", None),   # last good day 04/11
    (dt.date(2025, 12, 31), dt.date(2026, 11, 5), "proposal-late", None),
    (dt.date(2026, 1, 1), dt.date(2026, 11, 20), "not-eligible", 2027),        # 10 months end 01/11/2026
])
def test_why_not_rated_boundaries(decided_on, today, why, first):
    from antt_cli.domain.interpretations import DEFAULT_RULES
    from antt_cli.domain.summary import why_not_rated

    assert why_not_rated(_established(decided_on), 2026, DEFAULT_RULES, today) == (why, first)


@pytest.mark.parametrize("opened, counted", [
    (dt.date(2026, 10, 31), True), (dt.date(2026, 11, 1), False), (dt.date(2025, 11, 1), True),
])
def test_a_model_counts_for_the_year_it_was_opened_by(opened, counted):
    from antt_cli.domain.model import Case
    from antt_cli.domain.summary import case_facts, considered
    from antt_cli.store.kinds import load_registry

    assert considered(case_facts(Case(id="MH-2026-001", opened=opened), load_registry()), 2026) is counted
