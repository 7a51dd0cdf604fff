"""The measurable part of the NĐ 30/2020 layout (Phụ lục I), for tests and `antt` itself.

`problems(path_or_file)` returns one sentence per problem (empty list: the layout is right):
A4 and margins, Times New Roman (styles incl. w:eastAsia, every run), the header table with
the Quốc hiệu / Tiêu ngữ (or the party header), the date line (day and month padding), no
typed underscores, page numbers in a header and not on page 1, a `Nơi nhận:` block. It cannot
judge wording or balance: render the page and look at it too.
"""
from __future__ import annotations

import re
import zipfile
from typing import IO

import docx

MM = 36000  # EMU per millimetre


def problems(source: str | IO[bytes]) -> list[str]:
    out: list[str] = []
    d = docx.Document(source)
    if hasattr(source, "seek"):
        source.seek(0)
    s = d.sections[0]
    w, h = round(s.page_width / MM), round(s.page_height / MM)
    if (w, h) != (210, 297):
        out.append(f"page is {w}x{h} mm, not A4 portrait")
    for name, val, lo, hi in (("top", s.top_margin, 20, 25), ("bottom", s.bottom_margin, 20, 25),
                              ("left", s.left_margin, 30, 35), ("right", s.right_margin, 15, 20)):
        mm = round(val / MM)
        if not lo <= mm <= hi:
            out.append(f"{name} margin {mm} mm, not {lo}-{hi}")
    if d.styles["Normal"].font.name != "Times New Roman":
        out.append("Normal style font is not Times New Roman")
    z = zipfile.ZipFile(source)
    styles = z.read("word/styles.xml").decode("utf-8")
    if 'w:eastAsia="Times New Roman"' not in styles:
        out.append("East-Asian font of the styles is not Times New Roman")
    body = z.read("word/document.xml").decode("utf-8")
    fonts = set(re.findall(r'w:ascii="([^"]+)"', body))
    if fonts - {"Times New Roman"}:
        out.append(f"runs use other fonts: {sorted(fonts - {'Times New Roman'})}")
    if not d.tables:
        out.append("no header table")
    else:
        text = "\n".join(c.text for r in d.tables[0].rows for c in r.cells)
        if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text and "ĐẢNG CỘNG SẢN VIỆT NAM" not in text:
            out.append("first table lacks the Quốc hiệu (or the party header)")
        if "CỘNG HÒA" in text and "Độc lập - Tự do - Hạnh phúc" not in text:
            out.append("first table lacks the Tiêu ngữ")
        m = re.search(r"ngày (\d+) tháng (\d+) năm (\d{4})", text)
        if not m:
            out.append("no date line in the header")
        else:
            day, month = m.group(1), m.group(2)
            if int(day) < 10 and len(day) != 2:
                out.append(f"day {day} needs a leading zero")
            if int(month) <= 2 and len(month) != 2:
                out.append(f"month {month} needs a leading zero")
            if int(month) >= 3 and month.startswith("0"):
                out.append(f"month {month} must not have a leading zero")
        if re.search(r"_{4,}", text):
            out.append("lines drawn with typed underscores")
    headers = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header"))
    if "PAGE" not in headers:
        out.append("no PAGE field in a header")
    if "titlePg" not in body:
        out.append("first page not set different")
    texts = [p.text for p in d.paragraphs] + [
        p.text for t in d.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    if not any(t.strip().startswith("Nơi nhận") for t in texts):
        out.append("no 'Nơi nhận:' block")
    if any("\n" in t for t in texts):
        out.append("a paragraph holds a line break")
    return out
