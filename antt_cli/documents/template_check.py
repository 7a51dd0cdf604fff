"""The lint of a DOCX template an officer edited in Word (`antt templates check`, and before a
dossier's own template is used): one sentence per problem, naming the tag and what to do
(docs/templates.md, "Check").

- a tag split across Word runs: `{{ na` in one `<w:r>`, `me }}` in the next — what Word does
  when part of a tag is retyped, reformatted or spell-checked. The tag's text is judged by
  its runs as the XML holds them, before docxtpl joins anything;
- Jinja syntax (the XML as docxtpl hands it to Jinja);
- anything the sandbox refuses (documents/sandbox.py: `_` attributes, import, include, …);
- a name the context does not provide (documents/context.py `KEYS`, the spec's `texts`, the
  names the template sets itself), a filter or test the sandbox does not have."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Iterable, Iterator

from jinja2 import TemplateSyntaxError, nodes

from antt_cli.documents.sandbox import TemplateRefused, _tag_text
from antt_cli.i18n import t

_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
_RUN = re.compile(r"<w:r[ >].*?</w:r>", re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.S)
_TAG = re.compile(r"\{[{%#].*?[}%#]\}", re.S)
_OPENERS = ("{{", "{%", "{#")


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in sorted(z.namelist()) if _PARTS.match(n)}


def split_tags(xml: str) -> Iterator[str]:
    """The tags of `xml` whose text spans more than one run of its paragraph (or that never
    close in it), as the paragraph reads."""
    for par in _PARAGRAPH.findall(xml):
        runs = ["".join(_unescape(x) for x in _TEXT.findall(r)) for r in _RUN.findall(par)]
        text, bounds, at = "", [], 0
        for run in runs:
            text += run
            at += len(run)
            bounds.append(at)
        for m in _TAG.finditer(text):
            if any(m.start() < b < m.end() for b in bounds[:-1]):
                yield " ".join(m.group(0).split())
        rest = _TAG.sub("", text)
        for opener in _OPENERS:
            if opener in rest:
                yield " ".join(rest[rest.index(opener):][:60].split())


def _env():
    from antt_cli.documents.wording import template_env

    return template_env()


def _jinja_source(path: Path) -> str:
    """The template's XML as docxtpl hands it to Jinja (its own clean-up of Word's runs
    applied): kept in the template's frame (documents/frame.py), else made by docxtpl."""
    from antt_cli.documents.frame import frame_for

    frame = frame_for(path.read_bytes())
    if frame is not None:
        return frame.body
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    return tpl.patch_xml(tpl.get_xml())


def _names(tree: nodes.Template, node_type: type, attr: str) -> Iterable[str]:
    return sorted({getattr(n, attr) for n in tree.find_all(node_type)})


def _free_names(tree: nodes.Template) -> set[str]:
    """The names the template reads and does not set itself (`{% for x in … %}`, `{% set %}`,
    a macro's parameters; `loop`) — read from the tree, which Jinja's own `meta` cannot do
    once a filter is unknown (it compiles the template)."""
    names = list(tree.find_all(nodes.Name))
    own = {n.name for n in names if n.ctx in ("store", "param")} | {"loop"}
    return {n.name for n in names if n.ctx == "load"} - own


def template_problems(path: Path, known: Iterable[str], label: str | None = None) -> list[str]:
    """Every problem of the template at `path` as one sentence each (empty: usable), naming
    it `label` (default: its file name); `known` are the names its context provides."""
    file = label or path.name
    try:
        parts = _parts(path)
        source = _jinja_source(path)
    except Exception as exc:  # not a zip, no document.xml, broken XML
        return [t("documents.check.unreadable", file=file, detail=f"{type(exc).__name__}: {exc}"[:200])]
    out = [t("documents.check.split_tag", file=file, tag=tag)
           for xml in parts.values() for tag in split_tags(xml)]
    env = _env()
    try:
        tree = env.parse(source)
    except TemplateRefused as exc:
        return out + [t("documents.check.refused", file=file, tag=exc.tag)]
    except TemplateSyntaxError as exc:
        line = source.splitlines()[exc.lineno - 1] if exc.lineno and exc.lineno <= len(source.splitlines()) else ""
        tags = _TAG.findall(line) or re.findall(r"\{[{%][^<]{0,60}", line)
        tag = " ".join(tags[-1].split()) if tags else "?"
        return out + [t("documents.check.syntax", file=file, tag=tag, detail=exc.message or "")]
    for name in _names(tree, nodes.Filter, "name"):
        if name not in env.filters:
            out.append(t("documents.check.unknown_filter", file=file, name=name, tag=_tag_text(source, name)))
    for name in _names(tree, nodes.Test, "name"):
        if name not in env.tests:
            out.append(t("documents.check.unknown_test", file=file, name=name, tag=_tag_text(source, name)))
    for name in sorted(_free_names(tree) - set(known)):
        out.append(t("documents.check.unknown_name", file=file, name=name, tag=_tag_text(source, name)))
    return out


def known_names(k) -> set[str]:
    """The names the context of a document of kind `k` provides (documents/context.py `KEYS`
    and the spec's `texts`), plus the sandbox's globals."""
    from antt_cli.documents.context import KEYS
    from antt_cli.documents.wording import block

    return {*KEYS, *(str(key) for key in block(k, "texts", {}) or {}), "range"}
