"""A template's frame: what docxtpl's rendering of it does not depend on, made once with
docxtpl and kept, so that a render needs neither docxtpl nor python-docx
(documents/frame_render.py; their import alone was a third of a `record`).

docxtpl opens a template with python-docx, renders the body, the headers and footers, the
core properties and the footnotes with Jinja, and python-docx writes the package again
(every XML part parsed and written back, the content types and relationships rebuilt).
A frame holds, made by those very libraries:
- every member of the written zip that no context can change, deflated as
  documents/deterministic_zip.py writes it: the styles, the numbering, the settings, the
  relationships, … and the parts that render the same whatever the data (a header without a
  tag, the core properties);
- the XML of the body as docxtpl hands it on to Jinja (its `patch_xml` clean-up of Word's
  runs applied; `antt templates check` lints it too), and of each header or footer that
  holds a tag, in docxtpl's order;
- the main document part's XML as the template holds it (its root, where the body goes).

A template whose frame could differ from docxtpl's own rendering is rendered by docxtpl
itself (`frame` is None): no core properties part (python-docx would make one stamped with
the time), a core property holding a tag, footnotes (docxtpl renders them once per section of
the rendered body), a header or footer reached twice,
anything docxtpl or python-docx refuse (the render then fails with their words, as before).

Frames are kept in the user's cache folder (resources.py `user_cache_dir`), one file per
template, named by the SHA-256 of the template's bytes, of the libraries that made the frame
(docxtpl's `__init__.py` and `template.py`, python-docx's `__init__.py` — its version —, the
versions of lxml, libxml2, Jinja, zlib and Python) and of this module and
documents/frame_render.py: a shipped template's frame serves every dossier, a dossier's own
template gets its own. A frame
file is data checked before use (its digest, its shape); one that fails is made again, never
an error, and a folder that cannot be written only means the frame is made each time."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from antt_cli.resources import keep_cached, used_cached

MAGIC = b"antt-frame 1\n"
# docxtpl's list of the core properties it renders (DocxTemplate.render_properties)
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


class Frame(NamedTuple):
    fixed: dict[str, tuple[int, int, bytes]]  # member → (CRC-32, size, deflated bytes)
    document: str  # the main document part's member name
    document_xml: bytes  # its XML as the template holds it
    body: str  # the body's XML after docxtpl's patch_xml
    parts: tuple[tuple[str, str], ...]  # (member, XML after patch_xml) of each header / footer with a tag


class Ineligible(Exception):
    """The template is rendered by docxtpl itself (the reason says why)."""


def frame_for(data: bytes) -> Frame | None:
    """The frame of the template whose bytes are `data` (None: docxtpl renders it), from the
    cache or made now and kept."""
    key = _key(data)
    folder = _folder()
    path = folder / f"{key}.frame" if folder is not None and key is not None else None
    if path is not None:
        try:
            found = loads(path.read_bytes(), key)
        except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
            pass  # none yet, or damaged: made again
        else:
            used_cached(path)
            return found
    try:
        frame = build(data)
    except Ineligible:
        frame = None
    if path is not None:
        _keep(path, dumps(frame, key))
    return frame


def _folder() -> Path | None:
    from antt_cli.resources import user_cache_dir

    folder = user_cache_dir()
    return folder / "frames" if folder is not None else None


def _keep(path: Path, data: bytes) -> None:
    """Kept in the cache; the frames not used lately beyond resources.CACHE_KEEP let go."""
    keep_cached(path, data, "*.frame")


def _key(data: bytes) -> str | None:
    """The cache key of a template's frame: its bytes, the libraries that make the frame and
    the code that makes and reads it (None: docxtpl or python-docx is not installed where
    expected, or that code cannot be read)."""
    import importlib.util
    import sys
    import zlib

    import jinja2
    from lxml import etree

    digest = hashlib.sha256(MAGIC + hashlib.sha256(data).digest())
    digest.update(repr((sys.version, zlib.ZLIB_RUNTIME_VERSION, jinja2.__version__, etree.LXML_VERSION,
                        etree.LIBXML_VERSION)).encode())
    here = Path(__file__).parent
    files = [here / "frame.py", here / "frame_render.py"]
    for module, names in (("docxtpl", ("__init__.py", "template.py")), ("docx", ("__init__.py",))):
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.origin:
            return None
        files += [Path(spec.origin).parent / name for name in names]
    try:
        for file in files:
            digest.update(file.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def build(data: bytes) -> Frame:
    """The frame of the template `data`, made with docxtpl and python-docx; Ineligible when
    the fast render could differ from docxtpl's."""
    import io
    import zipfile

    from docxtpl import DocxTemplate

    from antt_cli.documents.wording import template_env

    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.render_init()
        env = template_env()
        parts = _headers_footers(tpl, env)
        _constant_properties(tpl, env)
        body = tpl.patch_xml(tpl.get_xml())
        written = io.BytesIO()
        tpl.docx.save(written)
    except Ineligible:
        raise
    except Exception as exc:  # anything docxtpl or python-docx refuse: docxtpl says it when it renders
        raise Ineligible(f"{type(exc).__name__}: {exc}") from None
    document = tpl.docx.part.partname.membername
    members = _members(written.getvalue())
    variable = [document, *(name for name, _ in parts)]
    if any(name not in members for name in variable):
        raise Ineligible("a rendered part is not in the written package")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document_xml = z.read(document)
    from antt_cli.documents.deterministic_zip import deflate

    fixed = {name: deflate(blob) for name, blob in members.items() if name not in variable}
    return Frame(fixed, document, document_xml, body, tuple(parts))


def _members(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [info.filename for info in z.infolist() if not info.is_dir()]
        if len(set(names)) != len(names):
            raise Ineligible("a member written twice")
        return {name: z.read(name) for name in names}


def _headers_footers(tpl: Any, env: Any) -> list[tuple[str, str]]:
    """(member, patched XML) of the headers and footers that hold a tag, in docxtpl's order
    (headers, then footers, each in the order of the document's relationships); those that
    hold none are rendered now, by docxtpl, into the package."""
    targets = [rel.target_part for part in [tpl.docx.part.package, *tpl.docx.part.package.iter_parts()]
               for rel in part.rels.values() if not rel.is_external]
    out: list[tuple[str, str]] = []
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for rel_id, part in list(tpl.get_headers_footers(uri)):
            if sum(target is part for target in targets) != 1:
                raise Ineligible(f"{part.partname} is reached more than once")
            source = tpl.patch_xml(tpl.get_part_xml(part))
            if "{" in source:
                out.append((part.partname.membername, source))
            else:
                xml = tpl.render_xml_part(source, part, {}, env)
                tpl.map_headers_footers_xml(rel_id, xml.encode("utf-8"))
    return out


def _constant_properties(tpl: Any, env: Any) -> None:
    """docxtpl's rendering of the core properties, done now when no context can change it
    (no tag in them); a template with footnotes is rendered by docxtpl."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    package = tpl.docx.part.package
    try:
        package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        raise Ineligible("no core properties part") from None
    if any("{" in (getattr(tpl.docx.core_properties, name) or "") for name in PROPERTIES):
        raise Ineligible("a core property holds a tag")
    if any(part.content_type == FOOTNOTES for part in package.iter_parts()):
        raise Ineligible("footnotes")  # rendered once per section of the rendered body: as many times as it says
    tpl.render_properties({}, env)


def dumps(frame: Frame | None, key: str) -> bytes:
    """The cache file of `frame` (None: docxtpl renders the template)."""
    blobs: list[bytes] = []

    def put(blob: bytes) -> list[int]:
        blobs.append(blob)
        return [sum(map(len, blobs[:-1])), len(blob)]

    shape = None
    if frame is not None:
        shape = {"document": frame.document, "document_xml": put(frame.document_xml),
                 "body": put(frame.body.encode("utf-8")),
                 "parts": [[name, *put(source.encode("utf-8"))] for name, source in frame.parts],
                 "fixed": [[name, crc, size, *put(packed)] for name, (crc, size, packed) in frame.fixed.items()]}
    payload = b"".join(blobs)
    head = {"key": key, "sha256": hashlib.sha256(payload).hexdigest(), "frame": shape}
    return MAGIC + json.dumps(head, ensure_ascii=True).encode("ascii") + b"\n" + payload


def loads(data: bytes, key: str) -> Frame | None:
    """The frame in the cache file `data` for `key`; ValueError (or KeyError, TypeError,
    IndexError, RecursionError) when the file is not one, is another template's or is damaged."""
    if not data.startswith(MAGIC):
        raise ValueError("not a frame")
    head_end = data.index(b"\n", len(MAGIC))
    head = json.loads(data[len(MAGIC):head_end])
    payload = data[head_end + 1:]
    if head["key"] != key or head["sha256"] != hashlib.sha256(payload).hexdigest():
        raise ValueError("another template's frame, or a damaged one")
    shape = head["frame"]
    if shape is None:
        return None

    def blob(at: list) -> bytes:
        start, size = (int(n) for n in at)
        if start < 0 or size < 0 or start + size > len(payload):
            raise ValueError("a blob outside the file")
        return payload[start:start + size]

    fixed = {str(name): (int(crc), int(size), blob(at)) for name, crc, size, *at in shape["fixed"]}
    parts = tuple((str(name), blob(at).decode("utf-8")) for name, *at in shape["parts"])
    return Frame(fixed, str(shape["document"]), blob(shape["document_xml"]), blob(shape["body"]).decode("utf-8"),
                 parts)
