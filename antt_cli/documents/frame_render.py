"""A template rendered from its frame (documents/frame.py) without docxtpl or python-docx:
the same bytes as docxtpl's rendering (tests/test_frame.py compares them for every shipped
kind and for templates with loops, table rows, headers with tags).

The steps are docxtpl's (0.20, DocxTemplate.render), written here from what it does:
1. the body's XML (after docxtpl's `patch_xml`), each paragraph on a line of its own (so
   that Jinja's line numbers count paragraphs), renders in the sandbox (documents/sandbox.py);
2. the paragraph line breaks added for Jinja are taken out again, `{_{` `}_}` `{_%` `%_}`
   become `{{` `}}` `{%` `%}`, and in each text of each run of each paragraph a tab, a
   `\\a`, a line break or a `\\f` becomes a tab run, a new paragraph, a `<w:br/>` or a
   page break (`_listing`);
3. the XML is parsed (lxml, recovering), each table's grid gets the columns its widest row
   needs or loses those no row reaches (`_fix_grids`), and the drawings are numbered from
   1001 (`wp:docPr` ids);
4. the body takes the place of the template's in the document's root, parsed as
   python-docx parses a part, and the part is written as python-docx writes one;
5. each header or footer with a tag renders the same way (steps 1–2), and is parsed and
   written as python-docx does;
6. the members go into the deterministic zip (documents/deterministic_zip.py).
An error anywhere is the one docxtpl's rendering raised at the same step."""
from __future__ import annotations

import re
from typing import Any, Mapping

from lxml import etree

from antt_cli.documents.deterministic_zip import deflate, zip_deflated
from antt_cli.documents.frame import Frame

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
FIRST_DRAWING_ID = 1001

_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_LINE = re.compile(r"\n<w:p([ >])")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.S)
_RUN = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.S)
_PARAGRAPH_PROPS = re.compile(r"<w:pPr>.*?</w:pPr>")
_RUN_PROPS = re.compile(r"<w:rPr>.*?</w:rPr>")
_ESCAPED = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))
_LISTING = "\t\a\n\f"


def _part_parser() -> etree.XMLParser:
    """python-docx's parser of a part (docx.oxml.parser: blank text dropped, no entities)."""
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def _written(root: Any) -> bytes:
    """A part as python-docx writes it (docx.opc.oxml.serialize_part_xml)."""
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def render_frame(frame: Frame, context: Mapping[str, Any], env: Any) -> bytes:
    """The deterministic DOCX bytes of the template `frame` was made of, rendered with
    `context` in `env` (raising what docxtpl's rendering raises)."""
    body = _fix_grids(_rendered(frame.body, context, env))
    for number, drawing in enumerate(body.iter(DOC_PR), start=FIRST_DRAWING_ID):
        drawing.attrib["id"] = str(number)
    root = etree.fromstring(frame.document_xml, _part_parser())
    root.replace(root.find(W + "body"), body)
    members = dict(frame.fixed)
    members[frame.document] = deflate(_written(root))
    for name, source in frame.parts:
        xml = _rendered(source, context, env)
        members[name] = deflate(_written(etree.fromstring(xml.encode("utf-8"), _part_parser())))
    return zip_deflated(members)


def _rendered(patched: str, context: Mapping[str, Any], env: Any) -> str:
    """Steps 1 and 2 of the module's docstring."""
    source = _PARAGRAPH_START.sub(r"\n<w:p\1", patched)
    xml = _LINE.sub(r"<w:p\1", env.from_string(source).render(context))
    for escaped, tag in _ESCAPED:
        xml = xml.replace(escaped, tag)
    return _listing(xml) if any(c in xml for c in _LISTING) else xml


def _listing(xml: str) -> str:
    """Tabs, `\\a`, line breaks and `\\f` in the texts of runs made into Word's own XML, each
    run's and paragraph's properties carried over to the runs and paragraphs they start."""
    def paragraph(p: re.Match) -> str:
        found = _PARAGRAPH_PROPS.search(p.group(0))
        p_props = found.group(0) if found else ""

        def run(r: re.Match) -> str:
            found = _RUN_PROPS.search(r.group(0))
            r_props = found.group(0) if found else ""
            return _TEXT.sub(lambda t: _text(t.group(0), p_props, r_props), r.group(0))

        return _RUN.sub(run, p.group(0))

    return _PARAGRAPH.sub(paragraph, xml)


def _text(text: str, p_props: str, r_props: str) -> str:
    opened = f'<w:r>{r_props}<w:t xml:space="preserve">'
    text = text.replace("\t", f"</w:t></w:r><w:r>{r_props}<w:tab/></w:r>{opened}")
    text = text.replace("\a", f"</w:t></w:r></w:p><w:p>{p_props}{opened}")
    text = text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return text.replace("\f", f'</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p>{p_props}{opened}')


def _fix_grids(xml: str) -> Any:
    """The rendered body parsed (recovering, as docxtpl does) with each table's grid fitted
    to its rows: a loop over cells (`{%tc %}`) may give a row more cells than the grid has
    columns, or fewer."""
    tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
    w = "{" + tree.nsmap["w"] + "}"
    for table in tree.iter(w + "tbl"):
        grid = table.find(w + "tblGrid")
        _widen(table, grid, grid.findall(w + "gridCol"), w)
        _narrow(table, grid, grid.findall(w + "gridCol"), w)
    return tree


def _widen(table: Any, grid: Any, columns: list, w: str) -> None:
    """Columns added up to the row with the most cells, the table keeping its width (only
    when the grid gives one); the widths are truncated to whole numbers as docxtpl does."""
    missing = max([len(row.findall(w + "tc")) - len(columns) for row in table.iter(w + "tr")] + [0])
    if missing <= 0:
        return
    width = 0.0
    for column in columns:
        if column.get(w + "w") is not None:
            width += float(column.get(w + "w"))
    if not width > 0:  # (a width that is not a number included)
        return
    before, after = width / len(columns), width / (len(columns) + missing)
    for column in columns:
        column.set(w + "w", str(int(float(column.get(w + "w")) * after / before)))
    for _ in range(missing):
        etree.SubElement(grid, w + "gridCol", {w + "w": str(int(after))})


def _narrow(table: Any, grid: Any, columns: list, w: str) -> None:
    """Columns no row reaches (cells counted with their spans, rows of nested tables too)
    removed, their width shared among those left."""
    def cells(row: Any) -> int:
        count = 0
        for cell in row.findall(w + "tc"):
            props = cell.find(w + "tcPr")
            span = None if props is None else props.find(w + "gridSpan")
            count += 1 if span is None else int(span.get(w + "val"))
        return count

    extra = len(columns) - max([cells(row) for row in table.iter(w + "tr")] + [0])
    if extra <= 0:
        return
    removed = 0.0
    for column in columns[-extra:]:
        removed += float(column.get(w + "w"))
        grid.remove(column)
    left = grid.findall(w + "gridCol")
    share = int(removed / len(left)) if left else 0
    for column in left:
        column.set(w + "w", str(int(float(column.get(w + "w")) + share)))
