"""Builder of the shipped DOCX templates (`templates/<kind>.docx`), one per document kind.

There is no Word on our machines (docs/kinds.md): the templates are written here with python-docx
from a shared header block, title block, signature and recipients block, plus each kind's
body, read from its spec (`antt_cli/kinds/<kind>.yaml`, `document.body`; docs/kinds.md). Every Jinja tag (`{{ … }}`, `{%p … %}`, `{%tr … %}`) sits inside one run.
The output is deterministic (fixed core properties, fixed zip): the committed templates must
equal what `python -m antt_cli.documents.builder` (or `python tools/build_templates.py`)
writes, and a test checks it.

Layout: NĐ 30/2020, Phụ lục I."""
from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from antt_cli.documents.wording import block, body_items
from antt_cli.documents.deterministic_zip import normalize_docx
from antt_cli.domain.kindspec import MEETING, KindSpec, Registry
from antt_cli.resources import shipped_templates_dir

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
# Page: A4, margins top 20, bottom 20, left 30, right 15 mm -> text width 165 mm.
TEXT_W = 16.5
HEAD_LEFT, HEAD_RIGHT = 6.8, 9.7       # header block columns (cm)
SIGN_LEFT, SIGN_RIGHT = 7.7, 8.8        # recipients | signature (cm)
FIXED_DATE = dt.datetime(2026, 1, 1, 0, 0, 0)

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}

_PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                   "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                   "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                   "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                   "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                   "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_RPR_AFTER_BDR = ("w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                  "w:eastAsianLayout", "w:specVanish", "w:oMath")


# ---------------------------------------------------------------- low-level helpers

def set_run_font(run, size: float | None = None, bold: bool = False, italic: bool = False,
                 underline: bool = False) -> None:
    font = run.font
    font.name = FONT
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), FONT)
    rfonts.set(qn("w:cs"), FONT)
    if size:
        font.size = Pt(size)
    font.bold = bold or None
    font.italic = italic or None
    if underline:
        font.underline = True


def add_run(par, text: str, size: float | None = None, bold: bool = False, italic: bool = False,
            underline: bool = False, boxed: bool = False):
    run = par.add_run(text)
    set_run_font(run, size or BODY_PT, bold, italic, underline)
    if boxed:
        bdr = OxmlElement("w:bdr")
        for key, val in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "000000")):
            bdr.set(qn(key), val)
        run._element.get_or_add_rPr().insert_element_before(bdr, *_RPR_AFTER_BDR)
    return run


class Box:
    """A place paragraphs go: the document body or a table cell (whose first, empty
    paragraph is used before adding new ones)."""

    def __init__(self, container) -> None:
        self.container = container
        self.fresh = hasattr(container, "_tc")  # a cell starts with one empty paragraph

    def par(self, align: str = "justify", indent: float | None = None, before: float = 0,
            after: float = 6, keep_next: bool = False, left: float | None = None,
            right: float | None = None, line: float = 1.0):
        if self.fresh:
            self.fresh = False
            p = self.container.paragraphs[0]
        else:
            p = self.container.add_paragraph()
        pf = p.paragraph_format
        pf.alignment = ALIGN[align]
        pf.space_before = Pt(before)
        pf.space_after = Pt(after)
        pf.line_spacing = line
        if indent is not None:
            pf.first_line_indent = Cm(indent)
        if left is not None:
            pf.left_indent = Cm(left)
        if right is not None:
            pf.right_indent = Cm(right)
        if keep_next:
            pf.keep_with_next = True
        pf.widow_control = True
        return p

    def text(self, text: str, size: float = BODY_PT, bold: bool = False, italic: bool = False,
             **kw):
        p = self.par(**kw)
        add_run(p, text, size, bold, italic)
        return p

    def tag(self, tag: str):
        """A paragraph holding only a docxtpl paragraph tag (`{%p … %}`), removed on render."""
        p = self.par(align="left", after=0)
        add_run(p, tag, 2)
        return p

    def rule(self, width_cm: float, box_cm: float, after: float = 0):
        """A short solid line (paragraph top border), `width_cm` long, centred in a column
        `box_cm` wide: the line under the issuing body, the Tiêu ngữ and the subject."""
        side = max((box_cm - width_cm) / 2, 0)
        p = self.par(align="center", before=3, after=after, left=side, right=side, line=1.0)
        pf = p.paragraph_format
        pf.line_spacing = Pt(2)
        pf.keep_with_next = True
        ppr = p._p.get_or_add_pPr()
        pbdr = OxmlElement("w:pBdr")
        top = OxmlElement("w:top")
        for key, val in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            top.set(qn(key), val)
        pbdr.append(top)
        ppr.insert_element_before(pbdr, *_PPR_AFTER_PBDR)
        add_run(p, "", 2)
        return p


def _borders(table, val: str) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    # order in tblPr: … tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    tblpr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                "w:tblCaption", "w:tblDescription")


def _cell_margins(table, left_cm: float, right_cm: float) -> None:
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge, cm in (("left", left_cm), ("right", right_cm)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(round(cm * 567))))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription")


def make_table(doc, widths: list[float], rows: int, borders: bool = False, margins: float = 0.05,
               center: bool = True):
    """A fixed-layout table with `w:gridCol` widths (cm); borderless unless `borders`."""
    table = doc.add_table(rows=rows, cols=len(widths))
    table.autofit = False  # w:tblLayout fixed
    if center:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table, "single" if borders else "nil")
    _cell_margins(table, margins, margins)
    tblw = table._tbl.tblPr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        table._tbl.tblPr.insert(0, tblw)
    tblw.set(qn("w:w"), str(int(round(sum(widths) * 567))))
    tblw.set(qn("w:type"), "dxa")
    for i, w in enumerate(widths):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)
    return table


def cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def add_page_field(par) -> None:
    def fld(kind: str):
        run = add_run(par, "", BODY_PT)
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    run = add_run(par, "", BODY_PT)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    fld("separate")
    add_run(par, "2", BODY_PT)
    fld("end")


# ---------------------------------------------------------------- document setup

def new_document():
    doc = Document()
    # fonts: docDefaults and every style's rFonts -> Times New Roman (incl. w:eastAsia)
    styles = doc.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in list(rfonts.attrib):
            if attr.endswith("Theme"):
                del rfonts.attrib[attr]
        for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(key), FONT)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for key in ("w:eastAsia", "w:cs"):
        rfonts.set(qn(key), FONT)
    lang = normal.element.get_or_add_rPr()
    del lang  # (language left to Word)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True  # w:titlePg: no number on page 1
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(hp)
    section.first_page_header.is_linked_to_previous = False
    add_run(section.first_page_header.paragraphs[0], "", BODY_PT)

    core = doc.core_properties
    core.author = "antt"
    core.last_modified_by = "antt"
    core.created = FIXED_DATE
    core.modified = FIXED_DATE
    core.last_printed = FIXED_DATE
    core.revision = 1
    core.title = ""
    core.comments = "antt template — Jinja tags (docxtpl); rebuild: python tools/build_templates.py"
    return doc


# ---------------------------------------------------------------- shared blocks

def header_block(doc, party_variant: bool, official_letter: bool = False) -> None:
    """NĐ 30 header: parent / issuing body / number | Quốc hiệu / Tiêu ngữ / date line; a
    công văn (`official_letter`) has its `V/v …` subject under the number, 12 pt (NĐ 30/2020
    Phụ lục I, mục II.5.b)."""
    table = make_table(doc, [HEAD_LEFT, HEAD_RIGHT], rows=2)
    left, right = Box(table.cell(0, 0)), Box(table.cell(0, 1))
    left.tag("{%p for line in parent_lines %}")
    left.text("{{ line }}", HEADER_PT, align="center", after=0)
    left.tag("{%p endfor %}")
    left.tag("{%p for line in issuer_lines %}")
    left.text("{{ line }}", HEADER_PT, bold=True, align="center", after=0)
    left.tag("{%p endfor %}")
    if party_variant:
        left.tag("{%p if party %}")
        left.text("*", HEADER_PT, align="center", after=0)
        left.tag("{%p else %}")
        left.rule(2.2, HEAD_LEFT)
        left.tag("{%p endif %}")
        right.tag("{%p if party %}")
        right.text("ĐẢNG CỘNG SẢN VIỆT NAM", HEADER_PT + 1, bold=True, align="center", after=0)
        right.rule(6.6, HEAD_RIGHT)
        right.tag("{%p else %}")
    else:
        left.rule(2.2, HEAD_LEFT)
    right.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, align="center", after=0)
    right.text("Độc lập - Tự do - Hạnh phúc", HEADER_PT, bold=True, align="center", after=0)
    right.rule(5.7, HEAD_RIGHT)
    if party_variant:
        right.tag("{%p endif %}")
    left2, right2 = Box(table.cell(1, 0)), Box(table.cell(1, 1))
    left2.tag("{%p if number_line %}")
    left2.text("{{ number_line }}", HEADER_PT, align="center", before=4, after=0)
    left2.tag("{%p endif %}")
    left2.tag("{%p if secrecy %}")
    p = left2.par(align="center", before=6, after=0)
    add_run(p, "{{ secrecy }}", HEADER_PT, bold=True, boxed=True)
    left2.tag("{%p endif %}")
    if official_letter:
        left2.text("{{ subject }}", 12, align="center", before=4, after=0)
    right2.text("{{ date_line }}", HEADER_PT, italic=True, align="center", before=4, after=0)


def title_block(doc) -> None:
    body = Box(doc)
    body.text("{{ type_name }}", BODY_PT, bold=True, align="center", before=18, after=0,
              keep_next=True)
    body.text("{{ subject }}", BODY_PT, bold=True, align="center", after=0, keep_next=True)
    body.rule(4.0, TEXT_W, after=6)


def decision_opening(doc, decide: str = "QUYẾT ĐỊNH:") -> None:
    body = Box(doc)
    body.text("{{ authority_title }}", BODY_PT, bold=True, align="center", before=6, after=6,
              keep_next=True)
    body.tag("{%p for basis in legal_bases %}")
    body.text("{{ basis }}", BODY_PT, italic=True, indent=1.27, after=4)
    body.tag("{%p endfor %}")
    body.text(decide, BODY_PT, bold=True, align="center", before=6, after=6, keep_next=True)


def approval_paragraphs(box: Box) -> None:
    """The DUYỆT block of the survey plan (the approving leader, the date, room to sign),
    beside the signature (a plan approved by a leader, NĐ 30/2020 Phụ lục I)."""
    box.text("", 6, after=0)
    box.text("DUYỆT", BODY_PT, bold=True, align="center", after=0)
    box.text("{{ approved_by_upper }}", 13, bold=True, align="center", after=0)
    box.text("{{ approved_date_text }}", 13, italic=True, align="center", after=0)
    for _ in range(3):
        box.text("", BODY_PT, align="center", after=0)
    box.text("{{ approver_name }}", BODY_PT, bold=True, align="center", after=6)


def recipients_paragraphs(box: Box) -> None:
    box.text("Nơi nhận:", 12, bold=True, italic=True, align="left", before=6, after=0)
    box.tag("{%p for r in recipients %}")
    box.text("{{ r }}", 11, align="left", after=0)
    box.tag("{%p endfor %}")


def signature_paragraphs(box: Box, lines: str, name: str) -> None:
    box.tag(f"{{%p for line in {lines} %}}")
    box.text("{{ line }}", BODY_PT, bold=True, align="center", after=0)
    box.tag("{%p endfor %}")
    for _ in range(4):
        box.text("", BODY_PT, align="center", after=0)
    box.text(f"{{{{ {name} }}}}", BODY_PT, bold=True, align="center", after=0)


def signature_block(doc, approval: bool = False) -> None:
    """Recipients (left) and signature (right) in one borderless row kept on one page; with
    `approval`, the DUYỆT block sits left of the signature and the recipients go under it."""
    table = make_table(doc, [SIGN_LEFT, SIGN_RIGHT], rows=2 if approval else 1)
    for row in table.rows:
        cant_split(row)
    if approval:
        approval_paragraphs(Box(table.cell(0, 0)))
        recipients_paragraphs(Box(table.cell(1, 0)))
        Box(table.cell(1, 1)).text("", 2, after=0)
    else:
        recipients_paragraphs(Box(table.cell(0, 0)))
    right = Box(table.cell(0, 1))
    right.text("", 6, after=0)
    signature_paragraphs(right, "signature_lines", "signer_name")


def minutes_signature_block(doc) -> None:
    """Minutes: THƯ KÝ (left) and CHỦ TRÌ (right), then the recipients."""
    table = make_table(doc, [TEXT_W / 2, TEXT_W / 2], rows=1)
    cant_split(table.rows[0])
    left, right = Box(table.cell(0, 0)), Box(table.cell(0, 1))
    left.text("", 6, after=0)
    signature_paragraphs(left, "secretary_lines", "secretary_name")
    right.text("", 6, after=0)
    signature_paragraphs(right, "signature_lines", "signer_name")
    recipients_paragraphs(Box(doc))


# ---------------------------------------------------------------- body

def data_table(doc, spec: dict) -> None:
    """A bordered table with a header row and one templated row per item (`{%tr for %}`)."""
    widths = spec["widths"]
    cols = spec["columns"]
    cells = spec["cells"]
    guard = spec.get("if")
    body = Box(doc)
    if guard:
        body.tag(f"{{%p if {guard} %}}")
    table = make_table(doc, widths, rows=4, borders=True, margins=0.1)
    header_row(table.rows[0])
    for i, title in enumerate(cols):
        Box(table.cell(0, i)).text(title, 13, bold=True, align="center", before=2, after=2)
    Box(table.cell(1, 0)).text(f"{{%tr for {spec['loop']} %}}", 2, align="left", after=0)
    for i, cell in enumerate(cells):
        align = spec.get("align", ["center"] + ["left"] * (len(cells) - 1))[i]
        Box(table.cell(2, i)).text(cell, 13, align=align, before=2, after=2)
    Box(table.cell(3, 0)).text("{%tr endfor %}", 2, align="left", after=0)
    for row in table.rows:
        cant_split(row)
    if guard:
        body.tag("{%p endif %}")
    # a little air after a table
    body.text("", 6, after=0)


def render_body(doc, items: list) -> None:
    """Body items (docs/kinds.md): strings with a marker — `# ` heading, `## ` centred bold,
    `@ Điều 1.|text` article, `~ ` italic, `{%p … %}` a docxtpl paragraph tag, anything else a
    body paragraph — or table specs (see data_table)."""
    box = Box(doc)
    for item in items:
        if isinstance(item, dict):
            data_table(doc, item)
            continue
        if item.startswith("{%p"):
            box.tag(item)
        elif item.startswith("# "):      # section heading: bold, indented
            box.text(item[2:], BODY_PT, bold=True, indent=1.27, before=6, keep_next=True)
        elif item.startswith("## "):     # centred bold (QUYẾT NGHỊ:, Chương …)
            box.text(item[3:], BODY_PT, bold=True, align="center", before=6, after=6, keep_next=True)
        elif item.startswith("@ "):      # article: `@ Điều 1.|text`
            head, _, rest = item[2:].partition("|")
            p = box.par(indent=1.27)
            add_run(p, head, BODY_PT, bold=True)
            if rest:
                # an article title (no final stop) is bold with its number, a sentence is not
                titled = not rest.rstrip().endswith((".", ":", "./.")) and "{%" not in rest
                add_run(p, " " + rest, BODY_PT, bold=titled)
        elif item.startswith("> "):      # centred plain line (Kính gửi: …)
            box.text(item[2:], BODY_PT, align="center", after=3, keep_next=True)
        elif item.startswith("~ "):      # italic paragraph
            box.text(item[2:], BODY_PT, italic=True, indent=1.27)
        elif item.startswith("- "):      # a line without first-line indent (lists, minutes)
            box.text(item, BODY_PT, indent=1.27)
        else:
            box.text(item, BODY_PT, indent=1.27)


# ---------------------------------------------------------------- per kind

def build_template(k: KindSpec, shared: dict) -> bytes:
    """The DOCX bytes of kind `k`'s template: its `document:` block and `_shared.yaml`'s
    tables and fragments (`shared`) say everything."""
    doc = new_document()
    # the empty first paragraph of a new document goes: the header table comes first
    for par in list(doc.paragraphs):
        par._p.getparent().remove(par._p)
    official_letter = bool(block(k, "official_letter", False))
    header_block(doc, party_variant=bool(block(k, "party_variant", False)), official_letter=official_letter)
    if official_letter:  # a công văn has no type name and no title block (NĐ 30/2020 Phụ lục I)
        Box(doc).text("", BODY_PT, after=6)
    else:
        title_block(doc)
    if block(k, "decision", False):
        decision_opening(doc, str(block(k, "decide", "QUYẾT ĐỊNH:")))
    render_body(doc, body_items(k, shared))
    if k.issuer_role == MEETING:
        minutes_signature_block(doc)
    else:
        signature_block(doc, approval=k.approval != "none")
    # python-docx puts the sectPr last already; finish
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_docx(buf.getvalue())


def default_dir() -> Path:
    """The shipped templates' folder: in a checkout, the repository's `templates/`."""
    return shipped_templates_dir()


def build_all(registry: Registry, out_dir: Path | None = None,
              letters: Registry | None = None) -> dict[str, bytes]:
    """Write the template of every kind of `registry` (and every letter of `letters`) to
    `out_dir` (default: the repository's `templates/`)."""
    out = out_dir or default_dir()
    out.mkdir(parents=True, exist_ok=True)
    built = {}
    for k in [*registry, *(letters or [])]:
        data = build_template(k, registry.shared)
        (out / f"{k.name}.docx").write_bytes(data)
        built[k.name] = data
    return built


def main(argv: list[str] | None = None) -> int:
    """`python -m antt_cli.documents.builder [DIR]`: a command-line client of its own, it
    reads the kinds (the shipped ones and `ANTT_KINDS`) as the CLI does, then builds."""
    from antt_cli.store.kinds import load_letters, load_registry

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else None
    built = build_all(load_registry(), out, load_letters())
    print(f"{len(built)} templates written to {out or default_dir()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
