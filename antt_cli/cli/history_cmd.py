"""`antt history [ID] [--since DATE] [--officer NAME] [--kind KIND]` (docs/commands.md)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

import typer

from antt_cli.cli.common import CASE_ID, DATE, STATE, emit
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
    """One row per commit: time (in the dossier's zone, named above the table), [case,]
    officer, action in words, the document's date, summary with reason and old values.
    Drawn as plain text: rich's table measured every cell of a long history several times
    and took half of `antt history ID`'s time (docs/commands.md `antt history`)."""
    import sys

    from antt_cli.hygiene import safe

    if not result.rows:
        sys.stdout.write(t("cli.history.none") + "\n")
        return
    keys = ["time", *(["case"] if whole else []), "officer", "action", "document_date", "summary"]
    headers = [t(f"cli.history.col.{k}") for k in keys]
    rows = []
    for row in result.rows:
        cells = [_time(row.time)] + ([row.case or ""] if whole else [])
        cells += [row.officer, row.action_text, _day(row.document_date), _details(row)]
        rows.append([safe(c, keep="\n") for c in cells])
    fixed = {i for i, k in enumerate(keys) if k in ("time", "case", "document_date")}
    offset = result.rows[0].time.strftime("%z")
    sys.stdout.write(t("cli.history.zone", zone=result.timezone, offset=f"{offset[:3]}:{offset[3:]}") + "\n")
    sys.stdout.write(draw_table(headers, rows, fixed, _page_width()))


def _page_width() -> int:
    """As wide as stdout_console() draws: COLUMNS, else the terminal's width, else 120."""
    import sys

    from antt_cli.cli.common import _terminal_width, columns

    if sys.stdout.isatty():
        return columns(None) or _terminal_width(sys.stdout)
    return columns(120) or 120


# A character outside Latin up to the spacing modifiers and Latin Extended Additional (where
# Vietnamese in NFC lies: none of them combining, wide or fullwidth). A cell without one is
# just len(); a short class, cheap to compile (the list of every wide range cost 2 ms).
_MAYBE_NOT_ONE = re.compile("[^\x00-\u02ff\u1e00-\u1eff]")


def _width(text: str) -> int:
    """Columns `text` takes on a terminal: a combining mark none, an East Asian wide or
    fullwidth character two."""
    if not _MAYBE_NOT_ONE.search(text):
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def draw_table(headers: list[str], rows: list[list[str]], fixed: set[int], width: int) -> str:
    """Columns separated by " │ ", the header ruled; the columns not in `fixed` share what
    the page leaves (each at most its longest line), their words wrapped."""
    import textwrap

    natural = [max([_width(headers[i])] + [_width(line) for r in rows for line in r[i].split("\n")])
               for i in range(len(headers))]
    room = width - 3 * (len(headers) - 1) - sum(natural[i] for i in fixed)
    loose = [i for i in range(len(headers)) if i not in fixed]
    widths = list(natural)
    while loose:  # a column narrower than an equal share keeps its width; the others share the rest
        share = max(8, room // len(loose))
        narrow = [i for i in loose if natural[i] <= share]
        if not narrow:
            for i in loose:
                widths[i] = share
            break
        room -= sum(natural[i] for i in narrow)
        loose = [i for i in loose if i not in narrow]

    def lines(text: str, i: int) -> list[str]:
        if i in fixed:
            return text.split("\n")
        return [piece for line in text.split("\n")
                for piece in ([line] if _width(line) <= widths[i]
                              else textwrap.wrap(line, widths[i], break_on_hyphens=False) or [""])]

    def render(cells: list[str]) -> list[str]:
        wrapped = [lines(c, i) for i, c in enumerate(cells)]
        out = []
        for n in range(max(len(w) for w in wrapped)):
            parts = [(w[n] if n < len(w) else "") for w in wrapped]
            out.append(" │ ".join(p + " " * (widths[i] - _width(p)) for i, p in enumerate(parts)).rstrip())
        return out

    text = render(headers) + ["─┼─".join("─" * w for w in widths)]
    for row in rows:
        text += render(row)
    return "\n".join(text) + "\n"
