"""What every command module shares: global state, option types, output."""
from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import click

from antt_cli.i18n import t


@dataclass
class State:
    dossier: str | None = None
    json: bool = False

    def root(self) -> Path:
        from antt_cli.store.dossier import find_root

        return find_root(self.dossier)

    def context(self):
        from antt_cli.services.common import Context

        return Context(root=self.root(), notice=notice)


STATE = State()


class DateType(click.ParamType):
    """`YYYY-MM-DD` or `DD/MM/YYYY`; anything else (31/02/2023) is a usage error (exit 2)."""

    name = "DATE"

    def convert(self, value: Any, param, ctx) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from antt_cli.domain.dates import parse_date

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

    console = Console(no_color=STATE.json, highlight=False)
    if not console.is_terminal:
        console = Console(no_color=True, highlight=False, width=int(os.environ.get("COLUMNS") or 120))
    return console


def notice(text: str) -> None:
    stderr_console().print(f"[yellow]{t('cli.notice')}:[/yellow] {text}", markup=True)


def emit(data: Any, human: Callable[[], None]) -> None:
    """One JSON document on stdout under --json, else the human rendering."""
    if STATE.json:
        from antt_cli.services.common import jsonable

        sys.stdout.write(json.dumps(jsonable(data), ensure_ascii=False, indent=2) + "\n")
    else:
        human()


def say(text: str) -> None:
    stdout_console().print(text, markup=False)
