"""`antt check` (docs/commands.md): parse, call services/check.py, print."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional

import typer

from antt_cli.cli.common import DATE, STATE, emit, say, stderr_console, stdout_console
from antt_cli.i18n import t

# Above this many cases the items' tables are left out: the findings and the summary say it.
TABLES_UP_TO = 3
# A progress bar only where it is worth watching, on a terminal (never in a pipe or --json).
PROGRESS_FROM = 20


@contextmanager
def _progress() -> Iterator[object]:
    """A rich progress bar on stderr when it is a terminal; the callback the service calls
    (none elsewhere: rich's progress is not even imported)."""
    console = stderr_console()
    if not console.is_terminal or STATE.json:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(t("cli.check.progress"), total=None, visible=False)

        def advance(done: int, total: int) -> None:
            if total >= PROGRESS_FROM:
                bar.update(task, completed=done, total=total, visible=True)

        yield advance


def _print_items(case) -> None:
    from rich.table import Table

    table = Table(title=t("cli.check.case", id=case.id), title_justify="left")
    table.add_column(t("cli.col.check_no"), justify="right", no_wrap=True)
    table.add_column(t("cli.col.dossier_item"), overflow="fold")
    table.add_column(t("cli.col.state"), no_wrap=True)
    for i in case.items:
        table.add_row(str(i.no), i.title, t(f"cli.item_state.{i.state}"))
    stdout_console().print(table)


def _print_result(result) -> None:
    """One line per finding, `LEVEL ID item: message`; the items of a few cases; a summary."""
    import sys

    from antt_cli.hygiene import safe

    levels = {level: t("cli.check.level." + level) for level in ("error", "warning")}
    # one line each, never wrapped (grep and scripts read them), written as plain text at
    # once: a province's check has thousands of lines
    lines = [f"{levels.get(p.level) or t('cli.check.level.' + p.level)} {case.id} {safe(p.item)}: {safe(p.message)}\n"
             for case in result.cases for p in case.problems]
    sys.stdout.write("".join(lines))
    sys.stdout.flush()
    if len(result.cases) <= TABLES_UP_TO:
        for case in result.cases:
            if case.items:
                _print_items(case)
    passed = sum(1 for c in result.cases if c.ok)
    say(t("cli.check.summary", cases=len(result.cases), ok=passed, failed=len(result.cases) - passed,
          errors=result.count("error"), warnings=result.count("warning")))


def register(app: typer.Typer) -> None:
    """Declare `antt check` on `app`."""
    @app.command("check", help=t("cli.check.help"))
    def check(
        case_id: Optional[str] = typer.Argument(None, metavar="[ID]", help=t("help.check.id")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("help.check.date")),
    ) -> None:
        from antt_cli.services.check import check_dossier

        with _progress() as advance:
            result = check_dossier(STATE.context(reading=True), case_id, date, advance)
        emit(result.as_json() if STATE.json else None, lambda: _print_result(result))  # JSON only when asked
        if not result.ok:
            raise typer.Exit(1)
