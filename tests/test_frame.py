"""A template rendered from its frame (documents/frame.py, documents/frame_render.py) gives the
bytes docxtpl's own rendering gives — for every shipped kind and letter with the data of its
default record, for a dossier's own template with loops over paragraphs, table rows and cells,
tabs and line breaks in values, drawings and a header with tags — and fails with the same
error where docxtpl fails. Frames are cache files: one that is damaged or another template's is
made again, never an error; a template whose frame could differ is rendered by docxtpl."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from antt_cli.documents import frame as frames
from antt_cli.documents.context import document_context
from antt_cli.documents.deterministic_zip import deflate, normalize_docx, zip_deflated
from antt_cli.documents.frame_render import render_frame
from antt_cli.documents.render import jinja_env, render_docxtpl, render_template, shipped_dir
from antt_cli.domain import lifecycle as life
from antt_cli.store.kinds import load_letters

from test_documents import PROFILE, REG, default_case, default_record

LETTERS = load_letters()
SHIPPED = sorted(p.stem for p in shipped_dir().glob("*.docx"))


def _fast(path: Path, context: dict) -> bytes:
    return render_frame(frames.build(path.read_bytes()), context, jinja_env())


def _context(name: str) -> dict:
    """The context of `name`'s default record (a kind's on its case; a letter's on a case)."""
    if name in REG:
        case, record = default_case(name)
        return document_context(PROFILE, life.apply_record(case, REG[name], record), record, REG)
    case, _ = default_case("proposal")
    record = default_record(LETTERS[name], 7, case.documents[-1].date)
    return document_context(PROFILE, case, record, LETTERS)


def test_every_shipped_template_is_a_kind_or_a_letter():
    assert SHIPPED and all(name in REG or name in LETTERS for name in SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_a_shipped_template_renders_from_its_frame_as_docxtpl_renders_it(name):
    path = shipped_dir() / f"{name}.docx"
    context = _context(name)
    expected = render_docxtpl(path, context)
    assert _fast(path, context) == expected
    assert render_template(path, context) == expected  # through the cache (made, then read)
    assert render_template(path, context) == expected


def test_the_zip_of_deflated_members_is_normalize_docx_s():
    data = (shipped_dir() / "proposal.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    members["word/tên-việt.xml"] = "<a>đ</a>".encode()  # a name zip marks as UTF-8
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w") as z:
        for name, blob in members.items():
            z.writestr(name, blob)
    assert zip_deflated({name: deflate(blob) for name, blob in members.items()}) == \
        normalize_docx(source.getvalue())


# ---------------------------------------------------------------- a dossier's own template

def _p(text: str, props: str = "") -> str:
    return f'<w:p>{props}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _tc(text: str, span: int | str = 0) -> str:
    props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else "<w:tcPr/>"
    return f"<w:tc>{props}{_p(text)}</w:tc>"


def _table(grid: list[int], *rows: list[str]) -> str:
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>'
            + "".join(f"<w:tr>{''.join(cells)}</w:tr>" for cells in rows) + "</w:tbl>")


DRAWING = ('<w:p><w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/><wp:docPr id="5" name="Hình"/>'
           "</wp:inline></w:drawing></w:r></w:p>")
BODY = "".join([
    _p("{{ title }}", '<w:pPr><w:jc w:val="center"/></w:pPr>'),
    _p("{%p for m in members %}"), _p("{{ loop.index }}. {{ m.name }} – {{ m.note }}"), DRAWING, _p("{%p endfor %}"),
    # a row per member, a cell per column of the member: more cells than the grid has columns
    _table([4500, 4500], [_tc("{%tr for m in members %}")],
           [_tc("{{ m.name }}"), _tc("{%tc for c in m.cols %}"), _tc("{{ c }}"), _tc("{%tc endfor %}")],
           [_tc("{%tr endfor %}")]),
    # a grid wider than every row (a spanning cell counted by its span)
    _table([1000, 2000, 3000, 3000], [_tc("{{ title }}", span=2)], [_tc("a"), _tc("b")]),
    # a grid without widths, or widths that are not numbers: no column added
    _table([0, 0], [_tc("{%tc for c in [1, 2, 3] %}"), _tc("{{ c }}"), _tc("{%tc endfor %}")]),
    _table(["nan", "nan"], [_tc("{%tc for c in [1, 2, 3] %}"), _tc("{{ c }}"), _tc("{%tc endfor %}")]),
    _p("{% if note %}{{ note }}{% endif %} {{ '{_{ kept }_}' }}"),
])
CONTEXT = {"title": "Danh sách <thành viên> & “tổ”", "note": "dòng 1\ndòng 2\tcột\fsau trang\ađoạn mới",
           "members": [{"name": "Võ Văn Tám", "note": "a\tb", "cols": ["x", "y", "z"]},
                       {"name": "Huỳnh Thị Lan", "note": "c\nd", "cols": []}]}


# the header's tags, and blanks between its runs that python-docx's parser drops
HEADER = "{{ title }} – {{ note }}</w:t></w:r>{{ '  ' }}<w:r><w:t>{{ 1 + 1 }}"


def own_template(tmp_path: Path, body: str = BODY, header: str | None = HEADER,
                 core_title: str | None = None, name: str = "own.docx") -> Path:
    """A shipped template with its body replaced by `body` (its section kept), the text of its
    first header by `header`, its core title by `core_title`."""
    source = shipped_dir() / "proposal.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                xml = blob.decode()
                section = re.findall(r"<w:sectPr.*?</w:sectPr>", xml, re.S)[-1]
                blob = re.sub(r"<w:body>.*</w:body>", f"<w:body>{body}{section}</w:body>", xml, flags=re.S).encode()
            elif info.filename == "word/header1.xml" and header is not None:
                blob = blob.replace(b"<w:t>2</w:t>", f"<w:t>{header}</w:t>".encode())
            elif info.filename == "docProps/core.xml" and core_title is not None:
                blob = re.sub(rb"<dc:title>.*?</dc:title>|<dc:title/>", f"<dc:title>{core_title}</dc:title>".encode(),
                              blob)
            dst.writestr(info, blob)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def test_an_own_template_with_loops_tables_listing_drawings_and_a_header_renders_as_docxtpl(tmp_path):
    path = own_template(tmp_path)
    frame = frames.build(path.read_bytes())
    assert [name for name, _ in frame.parts] == ["word/header1.xml"]  # the header with tags renders
    expected = render_docxtpl(path, CONTEXT)
    assert _fast(path, CONTEXT) == expected
    with zipfile.ZipFile(io.BytesIO(expected)) as z:
        xml = z.read("word/document.xml").decode()
        header = z.read("word/header1.xml").decode()
    # what the cases exercise is there: the grid widened and narrowed, the drawings numbered,
    # the listing made into Word's XML, the header rendered
    grids = re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", xml)
    assert [g.count("<w:gridCol") for g in grids] == [4, 2, 2, 2]
    assert re.findall(r'<wp:docPr id="(\d+)"', xml) == ["1001", "1002"]
    assert "<w:tab/>" in xml and '<w:br w:type="page"/>' in xml and "<w:br/>" in xml
    assert "{{ kept }}" in xml and "Danh sách &lt;thành viên&gt; &amp;" in header


@pytest.mark.parametrize("body, header", [
    (_p("{{ title "), None),  # a syntax error (its line)
    (_p("{{ no_such_name }}"), None),  # an undefined name
    (_p("{{ title.__class__ }}"), None),  # refused by the sandbox
    (_p("{% include 'x.docx' %}"), None),
    (_p("{{ title }}"), "{{ no_such_name }}"),  # the header's own error
    (_p("{{ title }}"), "{{ '&lt;/w:p&gt;' | safe }}"),  # a header that is no longer XML
    (_p("{{ title.__class__ }}"), "{{ no_such_name }}"),  # the body's error comes first
    (_p("{{ '&lt;w:tbl&gt;&lt;w:tr&gt;&lt;/w:tr&gt;&lt;/w:tbl&gt;' | safe }}"), None),  # a table without a grid
    (_table([100, 100], [_tc("a", span="zwei")]), None),  # a span that is not a number
    (_table(["x", "1"], [_tc("a")]), None),  # a width that is not a number
])
def test_a_failing_template_fails_with_docxtpl_s_error(tmp_path, body, header):
    path = own_template(tmp_path, body, header)

    def failure(render) -> tuple:
        with pytest.raises(Exception) as err:
            render(path, CONTEXT)
        exc = err.value
        return type(exc), str(exc), getattr(exc, "lineno", None), getattr(exc, "tag", None)

    expected = failure(render_docxtpl)
    assert failure(_fast) == expected
    assert failure(render_template) == expected


def test_a_template_whose_frame_could_differ_is_rendered_by_docxtpl(tmp_path):
    # docxtpl renders the core properties: a tag there is the context's (a frame made without
    # one would say "none")
    tagged = own_template(tmp_path, core_title="{% if title is defined %}{{ title }}{% else %}none{% endif %}")
    assert frames.frame_for(tagged.read_bytes()) is None
    assert frames.frame_for(tagged.read_bytes()) is None  # (the answer is kept too)
    assert render_template(tagged, CONTEXT) == render_docxtpl(tagged, CONTEXT)
    with pytest.raises(frames.Ineligible):
        frames.build(tagged.read_bytes())
    with pytest.raises(frames.Ineligible):
        frames.build(b"not a zip")
    plain = own_template(tmp_path, core_title="Kế hoạch", name="plain.docx")
    assert frames.frame_for(plain.read_bytes()) is not None


# ---------------------------------------------------------------- the cache

def _cache_file(data: bytes) -> Path:
    return frames._folder() / f"{frames._key(data)}.frame"


def test_a_frame_is_made_once_then_read(tmp_path, monkeypatch):
    data = own_template(tmp_path).read_bytes()
    _cache_file(data).unlink(missing_ok=True)
    made = frames.frame_for(data)
    assert _cache_file(data).is_file()
    monkeypatch.setattr(frames, "build", lambda data: pytest.fail("made again"))
    assert frames.frame_for(data) == made


@pytest.mark.parametrize("damage", [
    lambda b: b"",
    lambda b: b[: len(b) // 2],
    lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit of the payload
    lambda b: b.replace(b'"key": "', b'"key": "0', 1),  # another template's
    lambda b: frames.MAGIC + b'{"key": 1}\n',
    lambda b: b"\x00" * 64,
    lambda b: frames.MAGIC + b"[" * 100_000 + b"\n",  # deeper than json can read
])
def test_a_damaged_frame_is_made_again_never_an_error(tmp_path, damage):
    path = own_template(tmp_path)
    data = path.read_bytes()
    made = frames.frame_for(data)
    cached = _cache_file(data)
    cached.write_bytes(damage(cached.read_bytes()))
    assert frames.frame_for(data) == made
    assert frames.loads(cached.read_bytes(), frames._key(data)) == made  # written again whole
    cached.write_bytes(damage(cached.read_bytes()))
    assert render_template(path, CONTEXT) == render_docxtpl(path, CONTEXT)


def test_a_frame_of_the_wrong_shape_is_made_again(tmp_path):
    data = own_template(tmp_path).read_bytes()
    made = frames.frame_for(data)
    key = frames._key(data)
    wrong = made._replace(fixed={"x": (1, 2, b"")})
    blob = frames.dumps(wrong, key).replace(b'[["x", 1, 2, ', b'[["x", "crc", 2, ')
    _cache_file(data).write_bytes(blob)
    assert frames.frame_for(data) == made


def test_no_cache_folder_or_an_unwritable_one_only_costs_time(tmp_path, monkeypatch):
    path = own_template(tmp_path)
    expected = render_docxtpl(path, CONTEXT)
    monkeypatch.setattr(frames, "_folder", lambda: None)
    assert render_template(path, CONTEXT) == expected
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(frames, "_folder", lambda: blocker / "frames")
    assert render_template(path, CONTEXT) == expected
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_key_follows_the_template_and_the_libraries(tmp_path, monkeypatch):
    data = own_template(tmp_path).read_bytes()
    key = frames._key(data)
    assert key == frames._key(data) and key != frames._key(data + b" ")
    import jinja2

    monkeypatch.setattr(jinja2, "__version__", "0.0")
    assert frames._key(data) != key


def test_the_cache_keeps_the_frames_used_lately_and_lets_go_of_the_rest(tmp_path, monkeypatch):
    """Every edited template adds a frame: the folder keeps the CACHE_KEEP most recently used
    (a frame read is marked used, at most once a day) and lets go of the others, and of the
    temporary files a killed command left (resources.py `keep_cached`)."""
    import os
    import time

    from antt_cli import resources

    folder = tmp_path / "frames"
    monkeypatch.setattr(frames, "_folder", lambda: folder)
    monkeypatch.setattr(resources, "CACHE_KEEP", 2)
    datas = []
    for i, when in enumerate((3, 2)):  # two frames, made 3 and 2 days ago
        source = tmp_path / f"t{i}"
        source.mkdir()
        datas.append(own_template(source).read_bytes() + b"\0" * i)
        frames.frame_for(datas[-1])
        old = time.time() - when * 86400
        os.utime(_cache_file(datas[-1]), (old, old))
    left = folder / ".x.frame.123.tmp"
    left.write_bytes(b"half")
    os.utime(left, (time.time() - 7200,) * 2)
    fresh = folder / ".y.frame.456.tmp"
    fresh.write_bytes(b"being written")
    frames.frame_for(datas[0])  # read: marked used now, the other one is the oldest
    source = tmp_path / "t2"
    source.mkdir()
    datas.append(own_template(source).read_bytes() + b"\0" * 2)
    frames.frame_for(datas[-1])  # a third frame: one too many
    assert _cache_file(datas[0]).is_file() and _cache_file(datas[2]).is_file()
    assert not _cache_file(datas[1]).exists()
    assert not left.exists() and fresh.exists()
    assert frames.frame_for(datas[1]) is not None and _cache_file(datas[1]).is_file()  # made again
