"""What every command module shares: global state, option types, output."""
from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from typing import Any, Callable

import click

from antt_cli.i18n import t


@dataclass
class State:
    dossier: str | None = None
    json: bool = False
    officer: str | None = None  # the global --officer: who runs the command

    def context(self, *, reading: bool = False):
        """The use case's context on `--dossier` (services/session.py `open_dossier`: a
        journal left by a killed command is dealt with first; `reading` commands read HEAD
        while a live writer holds the lock), run by `--officer` when given (else
        ANTT_OFFICER, git's identity, antt.yaml's officer: docs/commands.md "Global")."""
        from antt_cli.services.session import open_dossier

        ctx = open_dossier(self.dossier, reading=reading, notice=notice)
        if self.officer:
            ctx.officer = self.officer
        return ctx


STATE = State()


class DateType(click.ParamType):
    """`YYYY-MM-DD` or `DD/MM/YYYY`; anything else (31/02/2023) is a usage error (exit 2)."""

    name = "DATE"

    def convert(self, value: Any, param, ctx) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from antt_cli.services.choices import parse_date

        try:
            return parse_date(str(value))
        except ValueError:
            self.fail(t("cli.bad_date", value=value), param, ctx)


DATE = DateType()


class CaseIdType(click.ParamType):
    """A case ID in any case (`mh-2026-001` = `MH-2026-001`, services/choices.py `case_id`)."""

    name = "ID"

    def convert(self, value: Any, param, ctx) -> str:
        from antt_cli.services.choices import case_id

        return case_id(str(value))


CASE_ID = CaseIdType()


_CONSOLE_CLASS: list[type] = []


def console_class():
    """rich's Console, except on a broken pipe: rich's own `on_broken_pipe` raises
    SystemExit(1) past antt's error handler, which then cannot tell that the change was
    committed (docs/reliability.md "Exit status"); this one raises BrokenPipeError, an
    output failure the handler knows."""
    if not _CONSOLE_CLASS:
        import errno
        import os

        from rich.console import Console

        class AnttConsole(Console):
            def on_broken_pipe(self) -> None:
                self.quiet = True
                raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

        _CONSOLE_CLASS.append(AnttConsole)
    return _CONSOLE_CLASS[0]


def columns(default: int | None) -> int | None:
    """COLUMNS as a width rich may use: digits, clamped to 20–10000; anything else (`0`,
    `abc`, empty) gives `default` (None: the terminal's own width)."""
    import os

    value = os.environ.get("COLUMNS", "").strip()
    if not value.isdigit() or int(value) == 0:
        return default
    return min(max(int(value), 20), 10000)


def _terminal_width(stream) -> int:
    import os

    try:
        size = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        size = 0
    return size if size >= 20 else 80  # a terminal that reports no size (0) gets the usual 80


def stderr_console():
    import sys

    width = columns(None)
    return console_class()(stderr=True, no_color=STATE.json, highlight=False, soft_wrap=True,
                           width=width if width is not None else _terminal_width(sys.stderr))


def stdout_console():
    """Rich on stdout; piped or captured output gets a wide page (COLUMNS, else 120) so
    tables in logs and files are not squeezed into 80 columns; a terminal gets COLUMNS
    clamped, else its own width (COLUMNS=0 must not hide every line)."""
    console_type = console_class()
    # markup=False: names from the dossier are text, never rich markup ("[bold]" stays as typed)
    console = console_type(no_color=STATE.json, highlight=False, markup=False, width=columns(None) or 80)
    if not console.is_terminal:
        return console_type(no_color=True, highlight=False, width=columns(120), markup=False)
    width = columns(None)
    return console_type(no_color=STATE.json, highlight=False, markup=False,
                        width=width if width is not None else _terminal_width(console.file))


def notice(text: str) -> None:
    from rich.markup import escape

    from antt_cli.hygiene import safe

    stderr_console().print(f"[yellow]{t('cli.notice')}:[/yellow] {escape(safe(text))}", markup=True)


def finding(text: str) -> None:
    """One problem found by a command that goes on (a broken case in `status`): on stderr,
    labelled as an error; the command exits 1 at the end."""
    from rich.markup import escape

    from antt_cli.hygiene import safe

    stderr_console().print(f"[red]{t('cli.error')}:[/red] {escape(safe(text))}", markup=True)


def emit(data: Any, human: Callable[[], None]) -> None:
    """One JSON document on stdout under --json, else the human rendering."""
    if STATE.json:
        from antt_cli.services.common import jsonable

        # \u escapes where stdout cannot carry UTF-8 (PYTHONIOENCODING=cp1258): valid JSON either way
        utf8 = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") in ("utf8", "utf8sig")
        if isinstance(data, list) and data:  # streamed: a province's list is never one big string
            _emit_list(data, not utf8)
            sys.stdout.write("\n")
        elif isinstance(data, dict) and any(isinstance(v, list) and v for v in data.values()):
            _emit_object(data, not utf8)
        else:
            sys.stdout.write(json.dumps(jsonable(data), ensure_ascii=not utf8, indent=2) + "\n")
    else:
        human()


def _emit_object(data: dict, ascii_only: bool) -> None:
    """`json.dumps(data, indent=2)`'s very bytes for an object whose lists are long (`check`'s
    cases): its keys one by one, a non-empty list streamed by `_emit_list` one level in."""
    from antt_cli.services.common import jsonable

    sys.stdout.write("{")
    for n, (key, value) in enumerate(data.items()):
        sys.stdout.write(("\n  " if n == 0 else ",\n  ") + json.dumps(str(key), ensure_ascii=ascii_only) + ": ")
        if isinstance(value, list) and value:
            _emit_list(value, ascii_only, "  ")
        else:
            sys.stdout.write(json.dumps(jsonable(value), ensure_ascii=ascii_only, indent=2).replace("\n", "\n  "))
    sys.stdout.write("\n}\n" if data else "}\n")


def _emit_list(data: list, ascii_only: bool, indent: str = "") -> None:
    """`json.dumps(data, indent=2)`'s very bytes, a block of elements at a time, `indent` deeper."""
    inner = indent + "  "
    write = _indented(ascii_only)
    for start in range(0, len(data), _JSON_BLOCK):
        block = (",\n" + inner).join(write(item, inner) for item in data[start:start + _JSON_BLOCK])
        sys.stdout.write(("[\n" + inner if start == 0 else ",\n" + inner) + block)
    sys.stdout.write("\n" + indent + "]")


def _indented(ascii_only: bool) -> Callable[[Any, str], str]:
    """A writer of `json.dumps(jsonable(value), indent=2)` at a given depth, made directly:
    the standard encoder with an indent is pure Python, a generator per value (a province's
    `check --json` is 24 MB); strings go through its C quoting, as there."""
    from json.encoder import encode_basestring, encode_basestring_ascii

    from antt_cli.services.common import jsonable

    quote = encode_basestring_ascii if ascii_only else encode_basestring
    seen: dict[tuple[int, str], tuple[Any, str]] = {}   # an object met again (`check`'s shared items)

    def write(value: Any, indent: str) -> str:
        kind = type(value)
        if kind is str:
            return quote(value)
        if kind is int:
            return int.__repr__(value)
        if value is None or kind is bool:
            return "null" if value is None else "true" if value else "false"
        if kind is dict or kind is list or kind is tuple:
            if not value:
                return "{}" if kind is dict else "[]"
            known = seen.get((id(value), indent))
            if known is not None:
                return known[1]
            inner = indent + "  "
            sep = ",\n" + inner
            if kind is dict:
                text = "{\n" + inner + sep.join(quote(str(k)) + ": " + write(v, inner) for k, v in value.items()) \
                    + "\n" + indent + "}"
            else:
                text = "[\n" + inner + sep.join(write(v, inner) for v in value) + "\n" + indent + "]"
            if len(text) <= _SEEN_TEXT:   # a row, not a case: only rows recur
                seen[(id(value), indent)] = (value, text)   # the object held: its id is not reused meanwhile
            return text
        plain = jsonable(value)   # a date, a dataclass, a subclass: as jsonable says; a float as json
        if plain is value:
            return json.dumps(value, ensure_ascii=ascii_only)
        return write(plain, indent)

    return write


_JSON_BLOCK = 500  # list elements written at a time under --json
_SEEN_TEXT = 512   # the longest text of an object kept in case it is met again


_SAY: list[tuple[tuple[Any, ...], Any]] = []  # (what the console was made for, the console)


def say(text: str) -> None:
    """One line (or a few) on stdout, through one console for as long as stdout, --json and
    COLUMNS stay what they were (a rich Console is slow to make: `status ID` says forty lines)."""
    import os

    from antt_cli.hygiene import safe

    text = safe(text, keep="\n")
    if _plain_enough(text):
        sys.stdout.write(text + "\n")
        return
    key = (sys.stdout, STATE.json, os.environ.get("COLUMNS"))
    if not _SAY or _SAY[0][0] != key:
        _SAY[:] = [(key, stdout_console())]
    _SAY[0][1].print(text, markup=False)


def _plain_enough(text: str) -> bool:
    """Whether rich would print `text` on stdout as it is: stdout is no terminal (a pipe, a
    file: rich draws no colour there) and every line fits the page it would wrap at
    (COLUMNS, else 120), with no tab to expand, no trailing space and no character wider
    than one cell (below U+1100, where the wide ones begin, and the Vietnamese letters of
    U+1E00–U+1EFF are one cell each). Then the line is written without loading rich (a write
    command's one line of output cost it ~40 ms of imports)."""
    import os

    try:
        if sys.stdout.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    width = columns(120)
    return "\t" not in text and "\r" not in text and all(
        len(line) <= width and line == line.rstrip() for line in text.split("\n")) \
        and all(ord(ch) < 0x1100 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in text) \
        and not any(os.environ.get(name) for name in ("FORCE_COLOR", "TTY_COMPATIBLE"))  # rich: a terminal


def kind_text(name: str) -> object:
    """The kind `name` as a sentence names it (services/record.py `kind_title`), imported only
    when a command has something to say (start-up stays light)."""
    from antt_cli.services.record import kind_title

    return kind_title(name)


def day_text(value: object) -> str:
    """A date in a table or line: dd/mm/yyyy under vi, ISO under en (i18n `date_text`); the
    service rows carry ISO text (what --json prints), read back here. Empty for none."""
    from antt_cli.i18n import date_text

    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, str) and value:
        try:
            return date_text(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return ""


def number(value: object) -> str:
    """A planned or achieved amount: a float with the language's decimal mark (i18n
    `number_text`), anything else as it is."""
    from antt_cli.i18n import number_text

    return number_text(value) if isinstance(value, float) else str(value)


def percent(value: float | None) -> str:
    """A completion rate: `66,7 %` under vi, `66.7 %` under en, `—` for none (one decimal,
    rounded half up as domain/rating.py `percent_text` does)."""
    if value is None:
        return "—"
    from antt_cli.i18n import lang
    from antt_cli.services.rating import percent_text

    text = percent_text(value)
    return text if lang() == "vi" else text.replace(",", ".")
