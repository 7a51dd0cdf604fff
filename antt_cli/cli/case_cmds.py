"""Case commands: new-model, record, draft, plan, progress, amend, accept, withdraw (docs/commands.md "Cases")."""
from __future__ import annotations

from typing import List, Optional

import click
import typer

from antt_cli.cli.common import kind_text, percent, STATE, emit, say
from antt_cli.cli.options import ISSUANCE, PLAN, RECORD, FieldOptionsCommand, input_options, shared
from antt_cli.i18n import t
from antt_cli.services import choices

LEVELS = click.Choice(list(choices.LEVELS))
UNIT_KINDS = click.Choice(list(choices.UNIT_KINDS))
MEMBERSHIP = click.Choice(list(choices.MEMBERSHIP))


def _record_input(*, members=None, attach=None, set_=None, **values):
    """The RecordInput of the shared options; a field's own option (`--period X`) is its
    `--set period=X`, after the `--set` pairs."""
    from dataclasses import fields

    from antt_cli.services.record import RecordInput, parse_sets

    keys = {o.name: o.key for o in choices.field_options()}
    sets = list(set_ or []) + [f"{keys[name]}={value}" for name, value in values.items()
                               if name in keys and value is not None]
    known = {f.name for f in fields(RecordInput)}
    return RecordInput(members_file=members, attach=list(attach or []), sets=parse_sets(sets),
                       **{name: value for name, value in values.items() if name in known})


def _amend_input(**values):
    from antt_cli.services.amend import AmendInput

    return AmendInput(**values)


def _new_model_command(app: typer.Typer) -> None:
    """Declare `antt new-model` (docs/commands.md)."""
    @app.command("new-model", help=t("cli.new_model.help"))
    @shared("date")
    def new_model(
        name: str = typer.Argument(..., metavar="NAME", help=t("help.new_model.name")),
        area: str = typer.Option(..., "--area", help=t("help.new_model.area")),
        field: Optional[str] = typer.Option(None, "--field", help=t("help.new_model.field")),
        level: str = typer.Option("xa", "--level", click_type=LEVELS, help=t("help.new_model.level")),
        unit_kind: Optional[str] = typer.Option(None, "--unit-kind", click_type=UNIT_KINDS,
                                                help=t("help.new_model.unit_kind")),
        membership: str = typer.Option("limited", "--membership", click_type=MEMBERSHIP,
                                       help=t("help.new_model.membership")),
        proposer: Optional[str] = typer.Option(None, "--proposer", help=t("help.new_model.proposer")),
        linked: bool = typer.Option(False, "--linked", help=t("help.new_model.linked")),
        member_unit: Optional[List[str]] = typer.Option(None, "--member-unit", help=t("help.new_model.member_unit")),
        date: Optional[str] = None,
    ) -> None:
        from antt_cli.services.cases import NewModelInput
        from antt_cli.services.cases import new_model as open_model

        given = NewModelInput(name=name, area=area, field=field, level=level, unit_kind=unit_kind,
                              membership=membership, proposer=proposer, linked=linked,
                              member_units=list(member_unit or []), date=date)
        opened = open_model(STATE.context(), given)
        emit({"id": opened.id}, lambda: say(t("cli.new_model.done", id=opened.id)))


def _record_command(app: typer.Typer) -> None:
    """Declare `antt record` (docs/commands.md)."""
    @app.command("record", help=t("cli.record.help"), cls=FieldOptionsCommand)
    @shared("case_id")
    @input_options(_record_input, RECORD, fields=True)
    def record(case_id: str, kind: Optional[str] = typer.Argument(None, metavar="[KIND]", help=t("help.record.kind")),
               given=None) -> None:
        from antt_cli.services.record import record_document

        if kind is None:  # docs/commands.md: without a kind, the case's checklist (`antt next`)
            from antt_cli.cli.next_cmd import show_next

            show_next(case_id)
            return
        result = record_document(STATE.context(), case_id, kind, given)
        emit(result.as_json(), lambda: say(t("cli.record.done", kind=kind_text(result.record.kind), id=case_id, file=result.record.file)))


def _draft_command(app: typer.Typer) -> None:
    """Declare `antt draft` (docs/commands.md)."""
    @app.command("draft", help=t("cli.draft.help"))
    @shared("case_id", "kind", "pdf")
    def draft(
        case_id: str,
        kind: str,
        output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE|DIR/", help=t("help.draft.output")),
        pdf: bool = False,
    ) -> None:
        from antt_cli.services.draft import draft_document

        written = draft_document(STATE.context(reading=True), case_id, kind, output, pdf=pdf)
        emit({"file": str(written)}, lambda: say(t("cli.draft.done", file=written)))


def _plan_command(app: typer.Typer) -> None:
    """Declare `antt plan` (docs/commands.md)."""
    @app.command("plan", help=t("cli.plan.help"))
    @shared("case_id")
    @input_options(_record_input, PLAN)
    def plan(
        case_id: str,
        year: int = typer.Option(..., "--year", help=t("help.plan.year")),
        target: Optional[List[str]] = typer.Option(None, "--target", metavar='"TEXT=NUMBER"',
                                                   help=t("help.plan.target")),
        given=None,
    ) -> None:
        from dataclasses import replace

        from antt_cli.services.plans import record_plan

        result = record_plan(STATE.context(), case_id, replace(given, year=year, targets=list(target or [])))
        emit(result.as_json(),
             lambda: say(t("cli.record.done", kind=kind_text(result.kind), id=case_id, file=result.record.file)))


def _progress_command(app: typer.Typer) -> None:
    """Declare `antt progress` (docs/commands.md)."""
    @app.command("progress", help=t("cli.progress.help"))
    @shared("case_id", "date")
    def progress(
        case_id: str,
        year: int = typer.Option(..., "--year", help=t("help.progress.year")),
        target: str = typer.Option(..., "--target", metavar="TEXT", help=t("help.progress.target")),
        achieved: Optional[str] = typer.Option(None, "--achieved", metavar="NUMBER", help=t("help.progress.achieved")),
        done: bool = typer.Option(False, "--done", help=t("help.progress.done")),
        date: Optional[str] = None,
    ) -> None:
        from antt_cli.services.plans import set_progress

        result = set_progress(STATE.context(), case_id, year, target, achieved=achieved, done=done, date=date)
        shown = percent(result.completion)
        emit(result.as_json(), lambda: say(t("cli.progress.done", id=case_id, year=year, text=result.target.text,
                                             rate=shown)))


def _amend_command(app: typer.Typer) -> None:
    """Declare `antt amend` (docs/commands.md)."""
    @app.command("amend", help=t("cli.amend.help"))
    @shared("case_id", "kind")
    @input_options(_amend_input, ISSUANCE, helps={"date": "help.amend.date"})
    def amend(
        case_id: str,
        kind: str,
        reason: str = typer.Option(..., "--reason", help=t("help.amend.reason")),
        year: Optional[int] = typer.Option(None, "--year", help=t("help.amend.year")),
        target: Optional[List[str]] = typer.Option(None, "--target", metavar='"TEXT=NUMBER"',
                                                   help=t("help.amend.target")),
        remove_target: Optional[List[str]] = typer.Option(None, "--remove-target", metavar="TEXT",
                                                          help=t("help.amend.remove_target")),
        discard_edits: bool = typer.Option(False, "--discard-edits", help=t("help.discard_edits")),
        given=None,
    ) -> None:
        from dataclasses import replace

        from antt_cli.services.amend import amend as amend_document

        given = replace(given, reason=reason, year=year, targets=list(target or []),
                        remove_targets=list(remove_target or []), discard_edits=discard_edits)
        result = amend_document(STATE.context(), case_id, kind, given)
        emit(result.as_json(), lambda: say(t("cli.amend.done", kind=kind_text(result.kind), id=case_id)))


def _accept_command(app: typer.Typer) -> None:
    """Declare `antt accept` (docs/commands.md)."""
    @app.command("accept", help=t("cli.accept.help"))
    @shared("case_id", "kind")
    def accept(
        case_id: str,
        kind: str,
        year: Optional[int] = typer.Option(None, "--year", help=t("help.accept.year")),
    ) -> None:
        from antt_cli.services.edits import accept as accept_edit

        result = accept_edit(STATE.context(), case_id, kind, year)
        emit(result.as_json(), lambda: say(t("cli.accept.done", kind=kind_text(result.kind), id=case_id,
                                             file=result.file)))


def _withdraw_command(app: typer.Typer) -> None:
    """Declare `antt withdraw` (docs/commands.md)."""
    @app.command("withdraw", help=t("cli.withdraw.help"))
    @shared("case_id", "kind", "date")
    def withdraw(
        case_id: str,
        kind: str,
        reason: str = typer.Option(..., "--reason", help=t("help.withdraw.reason")),
        year: Optional[int] = typer.Option(None, "--year", help=t("help.withdraw.year")),
        date=None,
    ) -> None:
        from antt_cli.services.edits import WithdrawInput, withdraw as withdraw_record

        result = withdraw_record(STATE.context(), case_id, kind, WithdrawInput(reason=reason, date=date, year=year))
        emit(result.as_json(), lambda: say(t("cli.withdraw.done", kind=kind_text(result.kind), id=case_id)))


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app` — when the app is built, so that their
    help texts are in the language chosen for this run (`--lang`, ANTT_LANG)."""
    for declare in (_new_model_command, _record_command, _draft_command, _plan_command, _progress_command, _amend_command,
                    _accept_command, _withdraw_command):
        declare(app)
