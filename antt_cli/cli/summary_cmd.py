"""`antt summary` (docs/commands.md): parse, call services/summary.py, print its tables."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from antt_cli.cli.common import DATE, STATE, emit, say, stdout_console
from antt_cli.i18n import t


def _grade(slug: str | None) -> str:
    return t(f"cli.grade.{slug}") if slug else "—"


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else "—"


def _show(title: str, header: list[str], cells: list[tuple[str, ...]], right: int = 0) -> None:
    """One table: rich up to RICH_TABLE_MAX_ROWS rows, plain aligned text above (a province's
    summary has thousands of rows; docs/commands.md `antt status`). The last `right` columns
    are numbers, aligned right."""
    from antt_cli.cli.dossier_cmds import RICH_TABLE_MAX_ROWS, _print_plain
    from antt_cli.hygiene import safe_deep

    cells = safe_deep(cells)  # escape sequences in hand-edited files are shown, not executed
    if len(cells) > RICH_TABLE_MAX_ROWS:
        say(title)
        _print_plain(header, cells)
        return
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for i, col in enumerate(header):
        table.add_column(col, overflow="fold", justify="right" if i >= len(header) - right else "left")
    for row in cells:
        table.add_row(*row)
    stdout_console().print(table)


def _share(value: float | None) -> str:
    """A percentage with one decimal, in the language's decimal mark (`62,5` under vi)."""
    from antt_cli.i18n import number_text

    return number_text(value, ".1f") if value is not None else "—"


def _cols(*keys: str) -> list[str]:
    return [t(f"documents.summary.col.{k}") for k in keys]


def _models(s) -> None:
    cells = [(m.id, m.name, m.group, t(f"documents.summary.level.{m.level}"), _grade(m.grade),
              _grade(m.proposed) if m.proposed else "", _share(m.completion),
              f"{m.decision.number or '—'} ({_day(m.decision.date)})", m.decision.issuer or "—") for m in s.rated]
    _show(t("documents.summary.title.models", year=s.year),
          _cols("id", "name", "group", "level", "grade", "proposed", "completion", "decision", "issuer"), cells)


def _counts(title: str, first: str, rows, label) -> None:
    grades = list(rows[-1][1].by_grade) if rows else []   # the grades, best first (domain/rating.py)
    cells = [(label(key), *(str(c.by_grade[g]) for g in grades), str(c.total),
              _share(c.good_share)) for key, c in rows]
    _show(title, [*_cols(first), *(_grade(g) for g in grades), *_cols("total", "share")], cells,
          right=len(grades) + 2)


def _not_rated(s) -> None:
    cells = [(n.id, n.name, n.group, t(f"documents.summary.why.{n.why}"), str(n.first_year) if n.first_year else "",
              _grade(n.proposed) if n.proposed else "") for n in s.not_rated]
    _show(t("documents.summary.title.not_rated", year=s.year),
          _cols("id", "name", "group", "why", "first_year", "proposed"), cells)


def _event_text(e) -> str:
    what = t(f"documents.summary.event.{e.what}", source=e.source or "")
    if e.what == "reassessed" and e.source:
        what = f"{what}: {t('documents.summary.outcome.' + e.source)}"
    return what


def _events(title: str, events) -> None:
    cells = [(e.id, e.name, _event_text(e), _day(e.date), e.number or "") for e in events]
    _show(title, _cols("id", "name", "event", "date", "number"), cells)


def _print(result) -> None:
    s = result.summary
    say(t("cli.summary.period", year=s.year, start=_day(s.start), end=_day(s.end), day=_day(s.day),
          count=s.considered))
    if s.rated:
        _models(s)
    _counts(t("documents.summary.title.by_area"), "group", [*s.by_area.items(), (None, s.totals)],
            lambda k: k or t("documents.summary.col.total"))
    _counts(t("documents.summary.title.by_level"), "level_group", list(s.by_level.items()),
            lambda k: t(f"documents.summary.level.{k}"))
    if s.not_rated:
        _not_rated(s)
    if s.events:
        _events(t("documents.summary.title.events"), s.events)
    if s.exemplars:
        _events(t("documents.summary.title.exemplars"), s.exemplars)
    for note in result.notes:
        say(note)
    if result.broken:
        say(t("cli.summary.broken", count=len(result.broken), ids=", ".join(result.broken)))
    if result.output:
        say(t("cli.summary.written", file=result.output))


def register(app: typer.Typer) -> None:
    """Declare `antt summary` on `app`."""
    @app.command("summary", help=t("cli.summary.help"))
    def summary(
        year: int = typer.Option(..., "--year", help=t("help.summary.year")),
        output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE.xlsx|FILE.docx",
                                              help=t("help.summary.output")),
        area: Optional[str] = typer.Option(None, "--area", help=t("help.summary.area")),
        level: Optional[str] = typer.Option(None, "--level", help=t("help.summary.level")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("help.summary.date")),
    ) -> None:
        from antt_cli.services.summary import SummaryInput, year_summary

        result = year_summary(STATE.context(reading=True),
                              SummaryInput(year=year, area=area, level=level, day=date, output=output))
        emit(result.as_json(), lambda: _print(result))
