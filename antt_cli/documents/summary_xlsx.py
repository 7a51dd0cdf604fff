"""The yearly summary as a workbook (`antt summary -o FILE.xlsx`, docs/commands.md): one sheet
per table with a real header row in Vietnamese, column widths, a frozen header and an
autofilter, and a bar chart of the grades per area (one series per grade) on the area sheet.

Deterministic: fixed workbook properties and a normalised zip, so the same dossier gives the
same bytes (docs/kinds.md "byte-identical")."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any, Callable, Sequence

from antt_cli.documents.deterministic_zip import normalize_docx
from antt_cli.domain.rating import GRADE_TITLES, GRADES
from antt_cli.i18n import t_vi

FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)
# The grades' colours, the same in the workbook's chart and the báo cáo's (documents/summary_chart.py).
GRADE_COLOURS = {"tot": "2E7D32", "kha": "1565C0", "trung-binh": "F9A825", "yeu": "C62828"}
_WIDE = 48
_NARROW = {"id": 14, "level": 12, "grade": 12, "proposed": 12, "completion": 14, "date": 12, "first_year": 14,
           "decision": 16, "decision_date": 14, "number": 16, "total": 8, "share": 14,
           **{g: 12 for g in GRADES}}


def _col(key: str) -> str:
    return t_vi(f"documents.summary.col.{key}")


def _day(value: dt.date | None) -> dt.date | None:
    return value


def sheet(wb: Any, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
          headers: Sequence[str] | None = None) -> Any:
    """A sheet with its header row (bold, frozen, filtered) and widths per column."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title[:31])
    ws.append(list(headers) if headers is not None else [_col(c) for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        ws.append(list(row))
    for i, key in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = _NARROW.get(key, _WIDE if key == "name" else 24)
        shown = {"date": "DD/MM/YYYY", "decision_date": "DD/MM/YYYY", "share": "0.0", "completion": "0.0"}.get(key)
        if shown:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = shown
    ws.freeze_panes = "A2"
    # printed on A4 landscape, one page wide (the province prints it)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    return ws


def _grade(slug: str | None) -> str:
    return GRADE_TITLES.get(slug or "", "")


def model_rows(s: Any) -> list[list[Any]]:
    return [[m.id, m.name, m.group, t_vi(f"documents.summary.level.{m.level}"), _grade(m.grade), _grade(m.proposed),
             round(m.completion, 1) if m.completion is not None else None, m.decision.number, m.decision.date,
             m.decision.issuer] for m in s.rated]


def count_rows(items: Sequence[tuple[str, Any]], label: Callable[[str], str]) -> list[list[Any]]:
    return [[label(key), *(c.by_grade[g] for g in GRADES), c.total,
             round(c.good_share, 1) if c.good_share is not None else None] for key, c in items]


def not_rated_rows(s: Any) -> list[list[Any]]:
    return [[n.id, n.name, n.group, t_vi(f"documents.summary.why.{n.why}"), n.first_year, _grade(n.proposed)]
            for n in s.not_rated]


def event_text(e: Any) -> str:
    text = t_vi(f"documents.summary.event.{e.what}", source=e.source or "")
    if e.what == "reassessed" and e.source:
        text = f"{text}: {t_vi('documents.summary.outcome.' + e.source)}"
    return text


def event_rows(events: Sequence[Any]) -> list[list[Any]]:
    return [[e.id, e.name, event_text(e), e.date, e.number] for e in events]


def add_chart(ws: Any, year: int, areas: int) -> None:
    """The grades per area: one bar series per grade (columns B–E), the areas as categories."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = t_vi("documents.summary.title.chart", year=year)
    chart.y_axis.title = t_vi("documents.summary.axis.count")
    chart.x_axis.title = t_vi("documents.summary.col.group")
    chart.y_axis.majorUnit = 1
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    data = Reference(ws, min_col=2, max_col=1 + len(GRADES), min_row=1, max_row=1 + areas)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + areas))
    for series, grade in zip(chart.series, GRADES):
        series.graphicalProperties.solidFill = GRADE_COLOURS[grade]
        series.graphicalProperties.line.solidFill = GRADE_COLOURS[grade]
    chart.width, chart.height = 22, 11
    ws.add_chart(chart, f"A{areas + 4}")


def count_headers(first: str) -> list[str]:
    return [_col(first), *(GRADE_TITLES[g] for g in GRADES), _col("total"), _col("share")]


def build(result: Any) -> Any:
    """The workbook of `result` (services/summary.py `SummaryResult`)."""
    from openpyxl import Workbook

    s = result.summary
    wb = Workbook()
    wb.remove(wb.active)
    count_cols = ["group", *GRADES, "total", "share"]
    sheet(wb, t_vi("documents.summary.sheet.models"),
          ["id", "name", "group", "level", "grade", "proposed", "completion", "decision", "decision_date", "issuer"],
          model_rows(s))
    areas = count_rows(list(s.by_area.items()), lambda k: k)
    ws = sheet(wb, t_vi("documents.summary.sheet.by_area"), count_cols,
               areas + count_rows([("", s.totals)], lambda k: _col("total")), count_headers("group"))
    if areas:
        add_chart(ws, s.year, len(areas))
    sheet(wb, t_vi("documents.summary.sheet.by_level"), count_cols,
          count_rows(list(s.by_level.items()), lambda k: t_vi(f"documents.summary.level.{k}")),
          count_headers("level_group"))
    sheet(wb, t_vi("documents.summary.sheet.not_rated"), ["id", "name", "group", "why", "first_year", "proposed"],
          not_rated_rows(s))
    sheet(wb, t_vi("documents.summary.sheet.events"), ["id", "name", "event", "date", "number"],
          event_rows(s.events))
    sheet(wb, t_vi("documents.summary.sheet.exemplars"), ["id", "name", "event", "date", "number"],
          event_rows(s.exemplars))
    sheet(wb, t_vi("documents.summary.sheet.notes"), ["note"], [[n] for n in vi_notes(result)])
    props = wb.properties
    props.creator = props.lastModifiedBy = "antt"
    props.created = props.modified = FIXED_TIME
    props.title = t_vi("documents.summary.report.subject", year=s.year)
    return wb


def vi_notes(result: Any) -> list[str]:
    """The explanations of empty tables, in Vietnamese (the service's are in the run's
    language): the total line first."""
    return list(result.vi_notes)


def workbook_bytes(result: Any) -> bytes:
    """The .xlsx bytes (deterministic: fixed properties, normalised zip)."""
    from openpyxl.writer.excel import ExcelWriter

    wb = build(result)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return normalize_docx(buf.getvalue())
