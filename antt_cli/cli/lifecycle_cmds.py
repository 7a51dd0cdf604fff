"""Lifecycle commands after the rating: `antt close`, `antt replicate`, `antt propose-national`
(HD 163 §III.3; docs/commands.md)."""
from __future__ import annotations

from typing import Optional

import typer

from antt_cli.cli.case_cmds import _record_input
from antt_cli.cli.common import STATE, emit, say
from antt_cli.cli.options import PLAN, input_options, shared
from antt_cli.i18n import t


def _close_command(app: typer.Typer) -> None:
    """Declare `antt close` (docs/commands.md)."""
    @app.command("close", help=t("cli.close.help"))
    @shared("case_id")
    @input_options(_record_input, PLAN)
    def close(
        case_id: str,
        reason: str = typer.Option(..., "--reason", help=t("help.close.reason")),
        unfit: bool = typer.Option(False, "--unfit", help=t("help.close.unfit")),
        given=None,
    ) -> None:
        from antt_cli.services.closure import close_model

        result = close_model(STATE.context(), case_id, reason, unfit, given)
        emit(result.as_json(), lambda: say(t("cli.close.done", id=case_id, file=result.record.file)))


def _replicate_command(app: typer.Typer) -> None:
    """Declare `antt replicate` (docs/commands.md)."""
    @app.command("replicate", help=t("cli.replicate.help"))
    @shared("case_id", "date")
    def replicate(
        case_id: str,
        area: Optional[str] = typer.Option(None, "--area", help=t("help.replicate.area")),
        field: Optional[str] = typer.Option(None, "--field", help=t("help.replicate.field")),
        name: Optional[str] = typer.Option(None, "--name", help=t("help.replicate.name")),
        date: Optional[str] = None,
    ) -> None:
        from antt_cli.services.replication import replicate as replicate_model

        done = replicate_model(STATE.context(), case_id, area=area, field=field, name=name, date=date)
        emit({"id": done.id, "replicated_from": done.source, "commit": done.commit},
             lambda: say(t("cli.replicate.done", id=done.id, source=done.source)))


def _propose_national_command(app: typer.Typer) -> None:
    """Declare `antt propose-national` (docs/commands.md)."""
    @app.command("propose-national", help=t("cli.propose_national.help"))
    @shared("case_id")
    @input_options(_record_input, PLAN)
    def propose_national(
        case_id: str,
        innovative: bool = typer.Option(False, "--innovative", help=t("help.propose_national.innovative")),
        reason: Optional[str] = typer.Option(None, "--reason", help=t("help.propose_national.reason")),
        include_classified: bool = typer.Option(False, "--include-classified",
                                                help=t("help.propose_national.include_classified")),
        output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE.zip|DIR/",
                                              help=t("help.propose_national.output")),
        given=None,
    ) -> None:
        from antt_cli.services.replication import propose_national as propose

        done = propose(STATE.context(), case_id, innovative=innovative, reason=reason,
                       include_classified=include_classified, output=output, given=given)
        data = {**done.result.as_json(), "zip": str(done.bundle), "included": list(done.included),
                "left_out": list(done.left_out)}
        emit(data, lambda: say(t("cli.propose_national.done", id=case_id, file=done.result.record.file,
                                 zip=done.bundle, count=len(done.included), left=len(done.left_out))))


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app` — when the app is built, so that their
    help texts are in the language chosen for this run (`--lang`, ANTT_LANG)."""
    for declare in (_close_command, _replicate_command, _propose_national_command):
        declare(app)
