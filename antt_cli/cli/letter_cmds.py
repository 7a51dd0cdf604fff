"""Letters and templates: `antt letter`, `antt templates list|export|check` (docs/commands.md
"Letters and templates", docs/templates.md)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from antt_cli.cli.common import STATE, emit, say
from antt_cli.cli.options import ISSUANCE, input_options, shared
from antt_cli.i18n import t


def _letter_input(*, set_=None, **values):
    from antt_cli.services.letters import LetterInput
    from antt_cli.services.record import parse_sets

    return LetterInput(sets=parse_sets(list(set_ or [])), **values)


def _letter_command(app: typer.Typer) -> None:
    """Declare `antt letter` (docs/commands.md)."""
    @app.command("letter", help=t("cli.letter.help"))
    @shared("case_id")
    @input_options(_letter_input, (*ISSUANCE, "set_"))
    def letter(
        case_id: str,
        template: str = typer.Argument(..., metavar="TEMPLATE", help=t("help.letter.template")),
        output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE|DIR", help=t("help.letter.output")),
        record: bool = typer.Option(False, "--record", help=t("help.letter.record")),
        given=None,
    ) -> None:
        from dataclasses import replace

        from antt_cli.services.letters import write_letter

        ctx = STATE.context(reading=not record)
        result = write_letter(ctx, case_id, template, replace(given, output=output, record=record))
        if record:
            emit(result.as_json(), lambda: say(t("cli.letter.recorded", id=case_id, number=result.record.number,
                                                 file=result.file)))
        else:
            emit(result.as_json(), lambda: say(t("cli.letter.done", file=result.file)))


def _templates_group(app: typer.Typer) -> None:
    """Declare `antt templates …` (docs/commands.md)."""
    group = typer.Typer(help=t("cli.templates.help"), no_args_is_help=True)
    app.add_typer(group, name="templates")

    @group.command("list", help=t("cli.templates.list.help"))
    def templates_list() -> None:
        from antt_cli.services.templates import list_templates

        rows = list_templates(STATE.context(reading=True))
        emit([r.as_json() for r in rows], lambda: _print_list(rows))

    @group.command("export", help=t("cli.templates.export.help"))
    def templates_export(name: str = typer.Argument(..., metavar="NAME", help=t("help.templates.name"))) -> None:
        from antt_cli.services.templates import export_template

        done = export_template(STATE.context(), name)
        emit({"name": done.name, "file": done.file, "commit": done.commit},
             lambda: say(t("cli.templates.exported", name=done.name, file=done.file)))

    @group.command("check", help=t("cli.templates.check.help"))
    def templates_check(name: Optional[str] = typer.Argument(None, metavar="[NAME]",
                                                             help=t("help.templates.check_name"))) -> None:
        from antt_cli.services.templates import check_templates

        report = check_templates(STATE.context(reading=True), name)
        emit(report.as_json(), lambda: _print_check(report))
        if not report.ok:
            raise typer.Exit(1)


def _print_list(rows) -> None:
    for row in rows:
        say(t("cli.templates.row", name=row.name, title=row.title, kind=t(f"cli.templates.kind_{row.kind}"),
              origin=t(f"cli.templates.origin_{row.origin}"),
              fields=", ".join(f"{f}*" if f in row.required else f for f in row.fields) or "—"))


def _print_check(report) -> None:
    for item in report.templates:
        if not item.problems:
            say(t("cli.templates.check_ok", file=item.file))
        for problem in item.problems:
            say(t("cli.templates.check_problem", file=item.file, problem=problem))
    say(t("cli.templates.check_summary", checked=len(report.templates),
          broken=sum(1 for i in report.templates if i.problems)))


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app` (help texts in this run's language)."""
    for declare in (_letter_command, _templates_group):
        declare(app)
