"""`antt history [ID] [--since DATE] [--officer NAME] [--kind KIND]` (docs/commands.md)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import typer

from antt_cli.cli.common import CASE_ID, DATE, STATE, emit, stdout_console
from antt_cli.i18n import lang, t

OLD_ORDER = ("number", "date", "issuer", "signer", "targets")


def declare(app: typer.Typer) -> None:
    @app.command("history", help=t("cli.history.help"))
    def history(
        case_id: Optional[str] = typer.Argument(None, metavar="[ID]", click_type=CASE_ID, help=t("help.history.id")),
        since: Optional[str] = typer.Option(None, "--since", click_type=DATE, help=t("help.history.since")),
        officer: Optional[str] = typer.Option(None, "--officer", metavar="NAME", help=t("help.history.officer")),
        kind: Optional[str] = typer.Option(None, "--kind", metavar="KIND", help=t("help.history.kind")),
    ) -> None:
        from antt_cli.services.history import HistoryFilter, history as read_history

        given = HistoryFilter(since=since, officer=officer, kind=kind)  # type: ignore[arg-type]
        result = read_history(STATE.context(reading=True), case_id, given)
        emit([row.to_json() for row in result.rows], lambda: print_history(result, whole=case_id is None))


def _day(value: dt.date | None) -> str:
    """A date as the officer reads it: dd/mm/yyyy under vi, ISO under en (docs/commands.md)."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if lang() == "vi" else value.isoformat()


def _time(value: dt.datetime) -> str:
    return f"{_day(value.date())} {value:%H:%M}"


def _old_value(key: str, value: str) -> str:
    if key == "date":
        try:
            return _day(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value


def _details(row) -> str:
    """The summary, and under it an amendment's (or withdrawal's) reason and old values."""
    text = row.summary
    prefix = f"[{row.case}] " if row.case else ""
    if prefix and text.startswith(prefix):  # the case has its own column, or is the one asked for
        text = text[len(prefix):]
    if row.kind_title and text.startswith(row.kind_title) and text[len(row.kind_title):].strip(" :"):
        text = text[len(row.kind_title):].strip(" :")  # the action column names the kind already
    lines = [text]
    if row.reason:
        lines.append(t("cli.history.reason", reason=row.reason))
    if row.old:
        values = "; ".join(t(f"cli.history.old.{key}", value=_old_value(key, row.old[key]))
                           for key in OLD_ORDER if key in row.old)
        lines.append(t("cli.history.old_values", values=values))
    return "\n".join(lines)


def print_history(result, *, whole: bool) -> None:
    """One row per commit: time (in the dossier's zone, named in the header), [case,]
    officer, action in words, the document's date, summary with reason and old values."""
    from rich.table import Table

    from antt_cli.hygiene import safe

    if not result.rows:
        stdout_console().print(t("cli.history.none"), markup=False)
        return
    table = Table(show_lines=False)
    table.add_column(t("cli.history.col.time", zone=result.timezone), no_wrap=True)
    if whole:
        table.add_column(t("cli.history.col.case"), no_wrap=True)
    for key in ("officer", "action", "document_date", "summary"):
        table.add_column(t(f"cli.history.col.{key}"), overflow="fold", no_wrap=key == "document_date")
    for row in result.rows:
        cells = [_time(row.time)] + ([row.case or ""] if whole else [])
        cells += [row.officer, row.action_text, _day(row.document_date), _details(row)]
        table.add_row(*(safe(c, keep="\n") for c in cells))
    stdout_console().print(table)
