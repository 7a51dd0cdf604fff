"""The one Jinja environment every text antt renders goes through: DOCX templates (a dossier's
own `templates/` override included) and the texts of kind specs (which ANTT_KINDS may bring
from elsewhere). Anyone who can push to a shared dossier writes its templates, so a template
is untrusted input (docs/reliability.md, "Templates and spec texts").

`ImmutableSandboxedEnvironment` refuses attribute access to internals and mutation of the
values it is given; on top of it a template is refused before it renders when it names an
attribute starting with `_` (`cycler.__init__.__globals__`), or uses `{% import %}`,
`{% include %}`, `{% extends %}` (the only tags that read other files). No helper globals
(`cycler`, `joiner`, `namespace`, `lipsum`, `dict`): only a bounded `range`. Loops, string
repetition and powers are bounded, so a template cannot hang antt or fill the disk.
Undefined names are errors (StrictUndefined)."""
from __future__ import annotations

import operator
import re
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

# A document is a few pages: no loop of a template runs more than this many times, and no
# text a template builds (`'a' * n`) is longer than this many characters.
MAX_RANGE = 10_000
MAX_TEXT = 1_000_000

_FORBIDDEN_TAGS = ((nodes.Import, "import"), (nodes.FromImport, "import"),
                   (nodes.Include, "include"), (nodes.Extends, "extends"))
_TAG = re.compile(r"\{[{%].*?[%}]\}", re.S)


class TemplateRefused(SecurityError):
    """A template antt will not render; `tag` is the offending tag as written."""

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.tag = tag


def _tag_text(source: str, word: str) -> str:
    """The first `{{ … }}` / `{% … %}` of `source` that contains `word`, shortened."""
    for m in _TAG.finditer(source):
        if word in m.group(0):
            text = " ".join(m.group(0).split())
            return text if len(text) <= 120 else text[:117] + "…"
    return word


def _bounded_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise SecurityError(f"range of {len(rng)} items (at most {MAX_RANGE})")
    return rng


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


class AnttSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**"])

    def __init__(self, *, autoescape: bool) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=autoescape)
        self.globals.clear()
        self.globals["range"] = _bounded_range

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return not str(attr).startswith("_") and super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "*":
            count = right if isinstance(right, int) else left if isinstance(left, int) else 0
            if max(_size(left), _size(right)) * max(count, 0) > MAX_TEXT:
                raise SecurityError(f"a text of more than {MAX_TEXT} characters")
            return operator.mul(left, right)
        if isinstance(right, int) and abs(right) > 64 and not (isinstance(left, (int, float)) and abs(left) <= 1):
            raise SecurityError("a power above 64")
        return operator.pow(left, right)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for node_type, word in _FORBIDDEN_TAGS:
            for _ in tree.find_all(node_type):
                raise TemplateRefused(_tag_text(source, word))
        for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
            attr = node.attr if isinstance(node, nodes.Getattr) else (
                node.arg.value if isinstance(node.arg, nodes.Const) else None)
            if isinstance(attr, str) and attr.startswith("_"):
                raise TemplateRefused(_tag_text(source, attr))
        return tree


def sandbox(*, autoescape: bool) -> AnttSandbox:
    return AnttSandbox(autoescape=autoescape)
