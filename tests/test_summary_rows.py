"""`antt summary -o FILE.docx` at a province's scale (documents/summary_docx.py): the per-case
tables are rendered as one row of markers whose XML is then repeated with each row's text.
The report must be byte for byte the one the template renders row by row — on the district
demo for every year, and with names that XML escapes, an empty cell, spaces at the ends,
and a line break (that one rendered the ordinary way)."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import copy_dossier

from antt_cli.documents import summary_docx
from antt_cli.services.common import Context
from antt_cli.services.summary import SummaryInput, year_summary

DAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def _district(_district_built, tmp_path_factory) -> Path:
    return copy_dossier(_district_built, tmp_path_factory.mktemp("district") / "ho-so")


def _both(root: Path, year: int, monkeypatch) -> tuple[bytes, bytes]:
    """(the report with repeated rows, the report rendered row by row by the template)."""
    result = year_summary(Context(root, today=DAY), SummaryInput(year=year))
    fast = summary_docx.report_bytes(result)
    with monkeypatch.context() as m:
        m.setattr(summary_docx, "_markers", lambda context: None)
        slow = summary_docx.report_bytes(result)
    return fast, slow


def _rename(root: Path, name: str) -> None:
    """A hand edit of the first model's name (read from the working tree)."""
    path = sorted((root / "models").glob("*/case.yaml"))[0]
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["name"] = name
    buf = io.StringIO()
    yaml.dump(data, buf)
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_district_report_is_the_row_by_row_rendering(_district, year, monkeypatch):
    fast, slow = _both(_district, year, monkeypatch)
    assert fast == slow


@pytest.mark.parametrize("name", ['Tổ "An toàn" & <Bình yên> \'xã\'', "  Mô hình có khoảng trắng  ",
                                  "Dòng một\nDòng hai", "Tab\tgiữa"])
def test_names_the_xml_escapes_or_breaks(_district, tmp_path, name, monkeypatch):
    root = copy_dossier(_district, tmp_path / "ho-so")
    _rename(root, name)
    fast, slow = _both(root, 2026, monkeypatch)
    assert fast == slow
    xml = zipfile.ZipFile(io.BytesIO(fast)).read("word/document.xml").decode("utf-8")
    assert "\ue000" not in xml                        # no marker left
    first = name.split("\n")[0].split("\t")[0].strip()
    assert first.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in xml


def test_a_report_with_many_rows_holds_each_once(_district, monkeypatch):
    """Each model's row appears once, in order, with its own number (`no`)."""
    result = year_summary(Context(_district, today=DAY), SummaryInput(year=2026))
    xml = zipfile.ZipFile(io.BytesIO(summary_docx.report_bytes(result))).read("word/document.xml").decode("utf-8")
    names = [n.name for n in result.summary.not_rated]
    assert names, "the district demo has models not rated in 2026"
    at = [xml.find(n.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")) for n in names]
    assert all(i >= 0 for i in at)
