"""`antt adopt FILE.csv|FILE.xlsx [--dry-run] [--date DATE]` (docs/commands.md): parse, call
services/adopt.py, print the cases opened (or that would be) and the undeclared issuers."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from antt_cli.cli.common import DATE, STATE, emit, say
from antt_cli.i18n import t


def _print(result) -> None:
    for case in result.cases:
        grade = t("cli.adopt.grade", grade=case.grade_title) if case.grade else ""
        say(t("cli.adopt.case", ref=case.ref, id=case.id, name=case.name, status=t(f"cli.status.{case.status}"),
              grade=grade, documents=case.documents, scans=case.scans))
    if result.undeclared:
        say(t("cli.adopt.undeclared"))
        for issuer, successor in result.undeclared:
            say(t("cli.adopt.undeclared_line", issuer=issuer,
                  successor=t("cli.adopt.successor", successor=successor) if successor else ""))
    key = "cli.adopt.dry_run" if result.dry_run else "cli.adopt.done"
    say(t(key, count=len(result.cases), file=Path(result.file).name))


def register(app: typer.Typer) -> None:
    """Declare `antt adopt` on `app`."""
    @app.command("adopt", help=t("cli.adopt.help"))
    def adopt(
        file: Path = typer.Argument(..., metavar="FILE.csv|FILE.xlsx", help=t("help.adopt.file")),
        dry_run: bool = typer.Option(False, "--dry-run", help=t("help.adopt.dry_run")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("help.adopt.date")),
    ) -> None:
        from antt_cli.services.adopt import AdoptInput, adopt as run

        result = run(STATE.context(), AdoptInput(file=file, dry_run=dry_run, date=date))
        emit(result.as_json(), lambda: _print(result))
