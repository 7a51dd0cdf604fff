"""The yearly summary as a báo cáo (`antt summary -o FILE.docx`, docs/commands.md): the unit's
report to the provincial standing office (HD 163 §III.2.c) in the layout of every antt
document (NĐ 30/2020 Phụ lục I, documents/builder.py): header table with the number line
left blank for the văn thư, date line, BÁO CÁO and its subject, the tables, the chart as a
picture (documents/summary_chart.py), recipients and signature block. An editable Word file:
text, real tables, one inline picture.

Built the way the kinds' templates are (the builder's blocks, docxtpl tags) and rendered at
once in the sandbox (documents/sandbox.py); the bytes are deterministic (fixed properties,
normalised zip)."""
from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any, Callable, Iterator

from antt_cli.documents import builder as B
from antt_cli.documents import nd30
from antt_cli.documents.deterministic_zip import normalize_docx
from antt_cli.documents.summary_xlsx import event_text
from antt_cli.domain.rating import GRADE_TITLES, GRADES
from antt_cli.i18n import t_vi

# Column widths (cm) of each table; each row sums to the text width (16.5 cm).
_MODELS = [1.0, 4.4, 2.6, 1.8, 1.9, 2.0, 2.8]
_COUNTS = [4.8, 1.6, 1.6, 2.3, 1.6, 1.6, 3.0]
_NOT_RATED = [1.0, 5.0, 3.0, 5.0, 2.5]
_EVENTS = [1.0, 5.5, 5.0, 2.5, 2.5]


def _col(key: str) -> str:
    return t_vi(f"documents.summary.col.{key}")


def _table(name: str, widths: list[float], columns: list[str], cells: list[str]) -> dict:
    """A data table of the builder (a header row, one row per item of `name`)."""
    return {"widths": widths, "columns": columns, "loop": f"r in {name}", "if": name,
            "cells": ["{{ r.no }}", *cells] if columns[0] == _col("no") else cells}


def _count_table(name: str, first: str) -> dict:
    return {"widths": _COUNTS, "loop": f"r in {name}", "if": name,
            "columns": [_col(first), *(GRADE_TITLES[g] for g in GRADES), _col("total"), _col("share")],
            "cells": ["{{ r.label }}", *(f"{{{{ r.g{i} }}}}" for i in range(len(GRADES))), "{{ r.total }}",
                      "{{ r.share }}"], "align": ["left"] + ["center"] * (len(GRADES) + 2)}


def _event_table(name: str, no: str) -> dict:
    """The table of dated events (models opened, launched, closed…; exemplars recognized…)."""
    return _table(name, _EVENTS, [no, _col("name"), _col("event"), _col("date"), _col("number")],
                  ["{{ r.name }}", "{{ r.event }}", "{{ r.date }}", "{{ r.number }}"])


def _or_none(name: str, table: dict) -> list:
    """A table, and "none" in its place when it has no row (an empty table says nothing)."""
    return [table, f"{{%p if not {name} %}}", "{{ none }}", "{%p endif %}"]


def body_items() -> list:
    """The report's body (builder markers: `# ` heading, `{%p %}` tags, table specs)."""
    no = _col("no")
    return [
        "{{ intro }}",
        "# " + t_vi("documents.summary.report.part1"),
        "{{ total_line }}",
        _table("models", _MODELS, [no, _col("name"), _col("group"), _col("grade"), _col("proposed"),
                                   _col("completion"), _col("decision")],
               ["{{ r.name }}", "{{ r.group }}", "{{ r.grade }}", "{{ r.proposed }}", "{{ r.completion }}",
                "{{ r.decision }}"]),
        _count_table("by_area", "group"),
        "{%p if chart %}",
        "{{ chart }}",
        "~ {{ chart_caption }}",
        "{%p endif %}",
        _count_table("by_level", "level_group"),
        "# " + t_vi("documents.summary.report.part2"),
        "{%p for n in notes %}",
        "{{ n }}",
        "{%p endfor %}",
        *_or_none("not_rated", _table("not_rated", _NOT_RATED, [no, _col("name"), _col("group"), _col("why"),
                                                               _col("first_year")],
                                      ["{{ r.name }}", "{{ r.group }}", "{{ r.why }}", "{{ r.first_year }}"])),
        "# " + t_vi("documents.summary.report.part3"),
        *_or_none("events", _event_table("events", no)),
        "# " + t_vi("documents.summary.report.part4"),
        *_or_none("exemplars", _event_table("exemplars", no)),
        "{{ closing }}",
    ]


def _centre(doc: Any, texts: tuple[str, ...]) -> None:
    """The chart and its caption: centred, no first-line indent (a figure, not a paragraph)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    for par in doc.paragraphs:
        if par.text in texts:
            par.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.paragraph_format.first_line_indent = Cm(0)


def template_bytes() -> bytes:
    """The report's template: the builder's header, title, body and signature blocks."""
    doc = B.new_document()
    for par in list(doc.paragraphs):
        par._p.getparent().remove(par._p)
    B.header_block(doc, party_variant=False)
    B.title_block(doc)
    B.render_body(doc, body_items())
    B.signature_block(doc)
    _centre(doc, ("{{ chart }}", "{{ chart_caption }}"))
    doc.core_properties.comments = ""
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _day(value: dt.date | None) -> str:
    return nd30.short_date(value) if value is not None else ""


def _numbered(rows: list[dict]) -> list[dict]:
    return [{"no": i, **row} for i, row in enumerate(rows, 1)]


def _share(value: float | None) -> str:
    return f"{value:.1f}".replace(".", ",") if value is not None else "—"


def _counts(items: list[tuple[str, Any]]) -> list[dict]:
    return [{"label": label, **{f"g{i}": c.by_grade[g] for i, g in enumerate(GRADES)}, "total": c.total,
             "share": _share(c.good_share)} for label, c in items]


def table_rows(s: Any) -> dict:
    """The rows of every table, as text (Vietnamese grades and dates dd/mm/yyyy)."""
    grade = lambda slug: GRADE_TITLES.get(slug or "", "")  # noqa: E731
    return {
        "models": _numbered([{"name": m.name, "group": m.group, "grade": grade(m.grade), "proposed": grade(m.proposed),
                              "completion": _share(m.completion),
                              "decision": f"{m.decision.number or ''} {_day(m.decision.date)}".strip()}
                             for m in s.rated]),
        "by_area": _counts([*s.by_area.items(), (_col("total"), s.totals)]) if s.rated else [],
        "by_level": _counts([(t_vi(f"documents.summary.level.{k}"), c) for k, c in s.by_level.items()]),
        "not_rated": _numbered([{"name": n.name, "group": n.group, "why": t_vi(f"documents.summary.why.{n.why}"),
                                 "first_year": n.first_year or ""} for n in s.not_rated]),
        "events": _numbered([{"name": e.name, "event": event_text(e), "date": _day(e.date), "number": e.number or ""}
                             for e in s.events]),
        "exemplars": _numbered([{"name": e.name, "event": event_text(e), "date": _day(e.date),
                                 "number": e.number or ""} for e in s.exemplars]),
    }


def header_context(result: Any, code: str) -> dict:
    """NĐ 30 header and signature of the unit's report (Phụ lục I mục II.1–II.9): the number
    left for the văn thư to fill in on signing (`Số:      /BC-<code>`)."""
    unit, head = result.unit, result.head
    signer = {"name": head.get("name") or "", "title": head.get("title") or ""}
    return {
        "parent_lines": [nd30.upper_vn(result.parent)] if result.parent else [],
        "issuer_lines": [nd30.upper_vn(unit)], "party": False, "secrecy": None,
        "number_line": f"Số:       /BC-{code}" if code else "Số:       /BC",
        "date_line": nd30.date_line(result.place, result.summary.day),
        "type_name": t_vi("documents.summary.report.type"),
        "subject": t_vi("documents.summary.report.subject", year=result.summary.year),
        "signature_lines": nd30.signature_lines(signer, "proposer", unit, signer["title"]),
        "signer_name": signer["name"],
        "recipients": [f"- {t_vi('documents.summary.report.recipient')};", f"- Lưu: VT{', ' + code if code else ''}."],
    }


def report_context(result: Any, tpl: Any, guideline: str) -> dict:
    from docx.shared import Mm
    from docxtpl import InlineImage

    from antt_cli.documents.summary_chart import chart_png

    s = result.summary
    t = s.totals
    chart = None
    if s.rated:
        png = chart_png(s.year, {k: dict(v.by_grade) for k, v in s.by_area.items()})
        chart = InlineImage(tpl, io.BytesIO(png), width=Mm(160))
    total_line = (t_vi("documents.summary.total", total=t.total, tot=t.by_grade["tot"], kha=t.by_grade["kha"],
                       tb=t.by_grade["trung-binh"], yeu=t.by_grade["yeu"], share=_share(t.good_share) + " %")
                  if s.rated else t_vi("documents.summary.total_none"))
    return {
        **header_context(result, result.code), **table_rows(s), "chart": chart,
        "chart_caption": t_vi("documents.summary.title.chart", year=s.year),
        "intro": t_vi("documents.summary.report.intro", guideline=guideline, unit=result.unit, year=s.year,
                      start=_day(s.start), end=_day(s.end)),
        "total_line": total_line, "notes": list(result.vi_notes), "none": t_vi("documents.summary.report.none"),
        "closing": t_vi("documents.summary.report.closing", year=s.year, unit=result.unit),
    }


# The tables with a row per case: rendered with one row of markers, then that row's XML
# repeated with each row's text (`_expand`), so a province's report is never one giant
# template rendering and XML tree in memory.
_PER_CASE = ("models", "not_rated", "events", "exemplars")
_MARK = re.compile("\ue000([a-z_]+)\\.([a-z_]+)\ue001".encode("utf-8"))
# What the renderer would not copy as it is (a line break becomes a <w:br/>, a control
# character is dropped): such a report is rendered the ordinary way.
_UNCOPIED = re.compile("[\x00-\x1f\ue000\ue001\ud800-\udfff\ufffe\uffff]")


def _plain_cell(value: Any) -> bool:
    return (type(value) is int) or (isinstance(value, str) and not _UNCOPIED.search(value))


def _markers(context: dict) -> dict[str, list[dict]] | None:
    """The rows of the per-case tables, taken out of `context` and replaced by one row of
    markers each; None (nothing taken) when a cell is not plain text."""
    rows = {name: context[name] for name in _PER_CASE}
    if not all(_plain_cell(v) for table in rows.values() for row in table for v in row.values()):
        return None
    for name, table in rows.items():
        context[name] = [{key: f"\ue000{name}.{key}\ue001" for key in table[0]}] if table else []
    return rows


def _escape(value: Any) -> bytes:
    """As the XML writer escapes a text node (&, <, >; quotes as they are), in UTF-8."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


def _row_bounds(xml: bytes, at: int) -> tuple[int, int]:
    start = max(xml.rfind(b"<w:tr>", 0, at), xml.rfind(b"<w:tr ", 0, at))
    return start, xml.index(b"</w:tr>", at) + len(b"</w:tr>")


def _opens_text(xml: bytes) -> bool:
    """Whether `xml` ends with a `<w:t>` start tag."""
    tag = xml[xml.rfind(b"<"):]
    return (tag.startswith(b"<w:t>") or tag.startswith(b"<w:t ")) and not tag.endswith(b"/>")


def _row(texts: list[bytes], keys: list[str], row: dict) -> bytes:
    """One row's XML: the marker row's with each cell's value; an empty text element closed
    on itself, as the XML writer writes it (`<w:t xml:space="preserve"/>`)."""
    out = texts[0]
    for key, text in zip(keys, texts[1:]):
        value = _escape(row[key])
        if not value and text.startswith(b"</w:t>") and _opens_text(out):
            out = out[:-1] + b"/>" + text[len(b"</w:t>"):]
        else:
            out += value + text
    return out


def _expand(rows: dict[str, list[dict]]) -> Callable[[bytes], Iterator[bytes]]:
    """document.xml with each marker row repeated once per row of its table, in pieces
    (UTF-8 bytes throughout: the text of a province's report is never held whole)."""
    def change(xml: bytes) -> Iterator[bytes]:
        bounds = []
        for name, table in rows.items():
            at = xml.find(f"\ue000{name}.".encode("utf-8"))
            if at >= 0:
                bounds.append((*_row_bounds(xml, at), table))
        done = 0
        for start, end, table in sorted(bounds, key=lambda b: b[0]):
            parts = _MARK.split(xml[start:end])  # text, table, key, text, table, key, …, text
            texts, keys = parts[0::3], [k.decode("ascii") for k in parts[2::3]]
            yield xml[done:start]
            for row in table:
                yield _row(texts, keys, row)
            done = end
        yield xml[done:]
    return change


def report_bytes(result: Any) -> bytes:
    """The .docx bytes of `result` (services/summary.py `SummaryResult`)."""
    from docxtpl import DocxTemplate

    from antt_cli.documents.context import GUIDELINE_ABOUT, GUIDELINE_DATE, GUIDELINE_NUMBER
    from antt_cli.documents.render import jinja_env

    tpl = DocxTemplate(io.BytesIO(template_bytes()))
    guideline = f"{GUIDELINE_NUMBER} ngày {GUIDELINE_DATE} của {result.guideline_issuer} {GUIDELINE_ABOUT}"
    context = report_context(result, tpl, guideline)
    rows = _markers(context)
    tpl.render(context, jinja_env(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return normalize_docx(buf.getvalue(), {"word/document.xml": _expand(rows)} if rows else None)
