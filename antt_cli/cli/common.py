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

    def context(self, *, reading: bool = False):
        """The use case's context on `--dossier` (services/session.py `open_dossier`: a
        journal left by a killed command is dealt with first; `reading` commands read HEAD
        while a live writer holds the lock)."""
        from antt_cli.services.session import open_dossier

        return open_dossier(self.dossier, reading=reading, notice=notice)


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


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, no_color=STATE.json, highlight=False, soft_wrap=True)


def stdout_console():
    """Rich on stdout; piped or captured output gets a wide page (COLUMNS, else 120) so
    tables in logs and files are not squeezed into 80 columns."""
    import os

    from rich.console import Console

    # markup=False: names from the dossier are text, never rich markup ("[bold]" stays as typed)
    console = Console(no_color=STATE.json, highlight=False, markup=False)
    if not console.is_terminal:
        columns = os.environ.get("COLUMNS", "").strip()
        width = int(columns) if columns.isdigit() and 20 <= int(columns) <= 10000 else 120  # COLUMNS=abc
        console = Console(no_color=True, highlight=False, width=width, markup=False)
    return console


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
        sys.stdout.write(json.dumps(jsonable(data), ensure_ascii=not utf8, indent=2) + "\n")
    else:
        human()


def say(text: str) -> None:
    from antt_cli.hygiene import safe

    stdout_console().print(safe(text, keep="\n"), markup=False)
