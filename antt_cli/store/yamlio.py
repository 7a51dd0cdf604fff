"""Load and save YAML with ruamel.yaml round-trip: comments and key order written by hand
survive a tool write; errors name the file and line; all text comes in NFC; files go out
UTF-8 with LF line endings whatever the platform.

Every file is read as untrusted (docs/reliability.md, "Bounded input"): before it is built
into objects, one pass over its parse events refuses anchors and aliases (antt never writes
them; `field: &a [*a]` recurses forever, a 600-byte file of nested aliases expands to
billions of items), nesting deeper than MAX_DEPTH, a file larger than MAX_BYTES, numbers and
dates out of domain/bounds.py's range and invisible characters (hygiene.INVISIBLE) — each
with file:line."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from antt_cli.domain.text import nfc_deep
from antt_cli.errors import AnttError


# A case file with hundreds of documents is a few hundred kilobytes and four levels deep.
MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 32

_REPRESENTER = None


def _representer():
    """The round-trip representer that never writes an anchor or an alias: the same object
    (a date given once and stored twice) is written out in full each time, so a case file
    reads the same to an officer as to a program, and a hand edit of one place does not
    change another."""
    global _REPRESENTER
    if _REPRESENTER is None:
        from ruamel.yaml.representer import RoundTripRepresenter

        class NoAliasRepresenter(RoundTripRepresenter):
            def ignore_aliases(self, data: Any) -> bool:
                return True

            def represent_none(self, data: Any) -> Any:
                # `key:` (empty) as the round-trip writer does once anything is written; its
                # test of "anything written" counts aliasable objects, which are now none.
                return self.represent_scalar("tag:yaml.org,2002:null", "")

        NoAliasRepresenter.add_representer(type(None), NoAliasRepresenter.represent_none)

        _REPRESENTER = NoAliasRepresenter
    return _REPRESENTER


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Representer = _representer()
    yaml.width = 4096  # never fold a long Vietnamese name onto two lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    return yaml


_FAST = None


def _fast_yaml():
    """The C-accelerated safe loader (ruamel.yaml.clib): for reading only. The round-trip
    loader that keeps comments is pure Python and 5–10× slower, so whole-dossier reads
    (status, number registers) use this one and only a file about to be written is loaded
    round-trip."""
    global _FAST
    if _FAST is None:
        from ruamel.yaml import YAML

        _FAST = YAML(typ="safe", pure=False)
    return _FAST


def load_yaml(path: Path, label: str | None = None, *, fast: bool = False) -> Any:
    """The YAML document of `path`; AnttError `store.bad_yaml` with file:line on a syntax
    error, `store.unreadable` when it cannot be read or decoded. `fast`: plain dicts from the
    C loader (read-only use), else ruamel's round-trip tree."""
    shown = label or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AnttError("store.missing_file", file=shown) from None
    except OSError as exc:
        raise AnttError("store.unreadable", file=shown, detail=str(exc)) from None
    return parse_yaml(raw, shown, fast=fast)


def parse_yaml(raw: bytes, shown: str, *, fast: bool = True) -> Any:
    """Parse YAML bytes (UTF-8, a BOM allowed) named `shown` in messages; NFC throughout."""
    if len(raw) > MAX_BYTES:
        raise AnttError("store.yaml_too_big", file=shown, mb=MAX_BYTES // (1024 * 1024))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnttError("store.unreadable", file=shown, detail=str(exc)) from None
    if fast:
        from antt_cli.store import fastyaml

        try:
            return fastyaml.load(text, MAX_DEPTH)  # NFC already
        except fastyaml.Unsure:
            pass  # not the plain YAML antt writes, or an error: read as below, which words it
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        _scan(text, shown)
        data = (_fast_yaml() if fast else _yaml()).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else "?"
        raise AnttError("store.bad_yaml", file=shown, line=line,
                        detail=(exc.problem or exc.context or "").strip()) from None
    except YAMLError as exc:
        raise AnttError("store.bad_yaml", file=shown, line="?", detail=str(exc).splitlines()[0]) from None
    except (ValueError, TypeError) as exc:  # a value the constructor rejects, e.g. 2025-13-25
        raise AnttError("store.bad_yaml", file=shown, line=_bad_date_line(text) or "?", detail=str(exc)) from None
    return nfc_deep(data)


def _scan(text: str, shown: str) -> None:
    """The checks of the module docstring, on the parse events (no object is built)."""
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    from antt_cli.hygiene import INVISIBLE

    depth = 0
    for event in _fast_yaml().parse(text):
        line = event.start_mark.line + 1 if event.start_mark is not None else "?"
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise AnttError("store.yaml_alias", file=shown, line=line)
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise AnttError("store.yaml_too_deep", file=shown, line=line, max=MAX_DEPTH)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        elif isinstance(event, ScalarEvent):
            value = event.value
            hidden = next((ch for ch in value if ch in INVISIBLE), None) if not value.isprintable() else None
            if hidden is not None:
                from antt_cli.i18n import t

                raise AnttError("store.yaml_invisible", file=shown, line=line,
                                problem=t("store.problem.invisible", code=f"U+{ord(hidden):04X}"))
            if value[:1] in _NUMERIC_START and not _scalar_in_range(event):
                raise AnttError("store.yaml_out_of_range", file=shown, line=line, value=value[:40])


_RESOLVER = None
# A number, a date, .inf or .nan starts with one of these; other scalars (names, keys) are
# text whatever their tag, and skipping the resolver for them halves the scan.
_NUMERIC_START = frozenset("0123456789+-.")


def _scalar_in_range(event: Any) -> bool:
    """Whether a number or date scalar is within domain/bounds.py's range (text always is)."""
    global _RESOLVER
    from antt_cli.domain.bounds import number_in_range, year_in_range

    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return True  # quoted: text
        if _RESOLVER is None:
            from ruamel.yaml.resolver import VersionedResolver

            _RESOLVER = VersionedResolver()
        from ruamel.yaml.nodes import ScalarNode

        tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
    kind = str(tag).rsplit(":", 1)[-1].lstrip("!")
    value = event.value.strip().replace("_", "")
    if kind == "int":
        if len(value) > 20:
            return False
        try:
            return number_in_range(int(value, 0))
        except ValueError:
            return True  # the loader says what is wrong with it
    if kind == "float":
        if value.lower().lstrip("+-") in (".inf", ".nan"):
            return False
        try:
            return number_in_range(float(value))
        except ValueError:
            return True
    if kind == "timestamp":
        return not value[:4].isdigit() or year_in_range(int(value[:4]))
    return True


def _bad_date_line(text: str) -> int | None:
    """The line of the first date-like value that is not a real date (YAML reads it as one)."""
    import datetime as dt
    import re

    for number, line in enumerate(text.splitlines(), start=1):
        for m in re.finditer(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])", line):
            try:
                dt.date(*(int(g) for g in m.groups()))
            except ValueError:
                return number
    return None


def dump_yaml(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue().replace("\r\n", "\n")


def new_map(pairs: list[tuple[str, Any]] | None = None):
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(pairs or [])


def new_seq(items: list[Any] | None = None):
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq(items or [])


def flow_map(pairs: list[tuple[str, Any]]):
    """A mapping written on one line (`{ title: …, name: … }`), as in the examples."""
    m = new_map(pairs)
    m.fa.set_flow_style()
    return m


def line_of(node: Any, key: Any) -> int | None:
    """1-based line of `key` inside a loaded mapping, for file:line messages."""
    try:
        return node.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None
