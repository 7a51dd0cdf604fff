"""The fast read-only loader of case files (docs/interpretations.md, the read cache): PyYAML's
libyaml-backed `CSafeLoader`, about three times as fast as ruamel's safe loader on a case file,
restricted so that whatever it returns is exactly what ruamel's YAML 1.2 loader gives.

It answers only for the plain YAML antt writes; for anything else it says "not mine"
(`Unsure`) and store/yamlio.py reads the file the usual way, which also words every error with
its file:line. "Anything else" is: a directive (`%YAML 1.1` changes how `yes` reads), a tag,
an anchor or alias, a tab, a duplicate key, a plain scalar that YAML 1.2 reads as something other
than text unless it is one of the unambiguous forms below (`010`, `0x1F`, `1_000`, `1e3`,
`.5`, `2025-9-1`, a timestamp with a time, `<<`, `=`), a value out of domain/bounds.py's
range, an invisible character, nesting deeper than MAX_DEPTH, and any error at all.

The forms typed here (YAML 1.2 core, as ruamel reads them): `~`, `null`, `Null`, `NULL` and
the empty value (None); `true`/`false` in three casings (bool; `yes`, `no`, `on`, `off` stay
text, YAML 1.1's booleans are not 1.2's); a decimal integer without a leading zero; a decimal
with digits on both sides of the point; a date `YYYY-MM-DD`. Everything else that YAML 1.2
reads as text is text."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any
from unicodedata import is_normalized, normalize

_LOADER = None
_NULL = frozenset(("~", "null", "Null", "NULL", ""))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_STR, _NULL_TAG, _BOOL_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_INT_TAG, _FLOAT_TAG, _DATE_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"


class Unsure(Exception):
    """Not a file this loader answers for: read it the usual way."""


def available() -> bool:
    return _loader() is not None


def _ruamel_typed(value: str) -> bool:
    """Whether ruamel's YAML 1.2 resolver reads this plain scalar as anything but text."""
    global _RUAMEL
    if _RUAMEL is None:
        from ruamel.yaml.resolver import implicit_resolvers

        table: dict[str, list] = {}
        for versions, _tag, regexp, first in implicit_resolvers:
            if (1, 2) in versions:
                for ch in first:
                    table.setdefault(ch, []).append(regexp)
        _RUAMEL = table
    return any(regexp.match(value) for regexp in _RUAMEL.get(value[:1], ()))


_RUAMEL: dict | None = None


def _loader():
    global _LOADER
    if _LOADER is None:
        try:
            import yaml
            from yaml import CSafeLoader
        except ImportError:  # no PyYAML with libyaml: every file is read the usual way
            _LOADER = False
            return None

        class Loader(CSafeLoader):
            """libyaml's parser and composer; tags resolved as described above."""

            def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
                if kind is not yaml.ScalarNode:
                    return super().resolve(kind, value, implicit)
                if not implicit[0]:
                    return _STR  # quoted: text
                if value in _NULL:
                    return _NULL_TAG
                if value in _BOOL:
                    return _BOOL_TAG
                if value[:1] in _TYPED_START:
                    if _INT.match(value):
                        return _INT_TAG
                    if _FLOAT.match(value):
                        return _FLOAT_TAG
                    if _DATE.match(value):
                        return _DATE_TAG
                    if _MAYBE_TYPED.match(value) and _ruamel_typed(value):
                        raise Unsure(value)
                return _STR

        _LOADER = (yaml, Loader)
    return _LOADER or None


# An anchor, an alias, a tag, a directive, a tab (libyaml and ruamel disagree on some).
_NOT_PLAIN = ("&", "*", "!", "\n%", "\t")
# Every character of every plain scalar YAML 1.2 reads as a number, a timestamp, `<<` or `=`
# (binary, octal, hex, sexagesimal, .inf/.nan, dates and times) has one of these shapes (a
# looser form of ruamel's patterns; tests/test_fastyaml.py checks it covers them): a scalar
# of no such shape (12/KH-CAX, a sha256, 0903 121 212) is text without asking ruamel (nor
# importing it).
_MAYBE_TYPED = re.compile(r"""(?:
      [-+]?0[xX][0-9a-fA-F_]*                       # hex
    | [-+]?0[bBoO][0-9_]*                           # binary, octal
    | [-+]?[0-9_.:]+(?:[eE][-+]?[0-9]+)?            # decimal, octal 0…, float, sexagesimal
    | [-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t][0-9:. \tZ+-]*)?   # date, timestamp
    | <<|=
    )\Z""", re.X)
# The first characters of every plain scalar YAML 1.2 reads as a number, a timestamp, `<<`
# or `=` (null and bool are decided in full above).
_TYPED_START = frozenset("0123456789+-.<=")


def load(text: str, max_depth: int) -> Any:
    """The data of `text`, every string in NFC (as domain/text.py `nfc_deep` leaves it), or
    Unsure."""
    found = _loader()
    if found is None or any(mark in text for mark in _NOT_PLAIN) or text.startswith("%"):
        raise Unsure("not plain")
    if _too_deep(text, max_depth):  # keep libyaml's recursive composer shallow
        raise Unsure("deep")
    yaml, loader = found
    try:
        node = yaml.compose(text, Loader=loader)
        return None if node is None else _build(node, 1, max_depth)
    except Unsure:
        raise
    except Exception as exc:  # noqa: BLE001 - any error: the usual reader words it with file:line
        raise Unsure(str(exc)) from None


def _build(node: Any, depth: int, max_depth: int) -> Any:
    """The data of a composed node, checked as store/yamlio.py's scan checks the events:
    nesting, invisible characters, numbers and dates within domain/bounds.py's range."""
    tag = node.tag
    if tag == _STR:
        value = node.value
        if value.isascii():
            if not value.isprintable() and not _visible(value):
                raise Unsure("invisible")
            return value
        if not value.isprintable() and not _visible(value):
            raise Unsure("invisible")
        return value if is_normalized("NFC", value) else normalize("NFC", value)  # domain/text.py nfc
    if tag == _MAP:
        if depth > max_depth:
            raise Unsure("deep")
        mapping = {}
        for key, item in node.value:
            if key.tag == _MAP or key.tag == _SEQ:
                raise Unsure("a collection as key")
            built = _build(key, depth + 1, max_depth)
            if built in mapping:
                raise Unsure("duplicate key")
            mapping[built] = _build(item, depth + 1, max_depth)
        return mapping
    if tag == _SEQ:
        if depth > max_depth:
            raise Unsure("deep")
        return [_build(item, depth + 1, max_depth) for item in node.value]
    if tag == _NULL_TAG:
        return None
    if tag == _BOOL_TAG:
        return _BOOL[node.value]
    from antt_cli.domain.bounds import number_in_range, year_in_range

    if tag == _INT_TAG or tag == _FLOAT_TAG:
        value = int(node.value) if tag == _INT_TAG else float(node.value)
        if not number_in_range(value):
            raise Unsure("out of range")
        return value
    if tag == _DATE_TAG:
        value = dt.date.fromisoformat(node.value)
        if not year_in_range(value.year):
            raise Unsure("out of range")
        return value
    raise Unsure(tag)


_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _too_deep(text: str, max_depth: int) -> bool:
    """Whether `text` might nest deeper than about 4 × `max_depth` (then it is read the usual
    way, which counts exactly): a line starting deeper than 3 × `max_depth` columns of
    indentation and `- ` marks (each level of block nesting takes at least one), or brackets
    nested deeper than `max_depth` (looked at only when a bracket opens inside another)."""
    if re.search(r"(?m)^[ ?:-]{%d}" % (3 * max_depth), text):
        return True
    if not _NESTED_FLOW.search(text):
        return False
    level = deepest = 0
    for ch in re.sub(r"[^\[\]{}]", "", text):
        level += 1 if ch in "[{" else -1
        deepest = max(deepest, level)
    return deepest > max_depth


_NESTED_FLOW = re.compile(r"[\[{][^\]}]*[\[{]")


def _visible(text: str) -> bool:
    from antt_cli.hygiene import INVISIBLE

    return not any(ch in INVISIBLE for ch in text)
