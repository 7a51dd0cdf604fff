"""Case commands: new-model, record, draft, plan, progress, amend (docs/commands.md "Cases")."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import click
import typer

from antt_cli.cli.common import DATE, STATE, emit, say
from antt_cli.i18n import t

from antt_cli.domain import vocab

LEVELS = click.Choice(list(vocab.LEVELS))
UNIT_KINDS = click.Choice(list(vocab.UNIT_KINDS))
MEMBERSHIP = click.Choice(list(vocab.MEMBERSHIP))
SIGN_AS = click.Choice(list(vocab.SIGN_AS))
SECRECY = click.Choice(list(vocab.SECRECY))
PERIODS = click.Choice(list(vocab.REPORT_PERIODS))


def _record_input(date, number, issuer, signer, signer_title, sign_as, approved_by, approved_date,
                  members, secrecy, attach, sets, pdf):
    from antt_cli.services.record import RecordInput, parse_sets

    return RecordInput(date=date, number=number, issuer=issuer, signer=signer, signer_title=signer_title,
                       sign_as=sign_as, approved_by=approved_by, approved_date=approved_date,
                       members_file=members, secrecy=secrecy, attach=list(attach or []),
                       sets=parse_sets(list(sets or [])), pdf=pdf)


def _record_result(result) -> dict:
    """The JSON of a recorded document: the case ID and the record as stored in case.yaml."""
    from antt_cli.domain.model import record_to
    from antt_cli.services.common import jsonable

    return {"id": result.case_id, **jsonable(record_to(result.record)), "commit": result.commit}


def register(app: typer.Typer) -> None:
    @app.command("new-model", help=t("cli.new_model.help"))
    def new_model(
        name: str = typer.Argument(..., metavar="NAME"),
        area: str = typer.Option(..., "--area"),
        field: Optional[str] = typer.Option(None, "--field"),
        level: str = typer.Option("xa", "--level", click_type=LEVELS),
        unit_kind: Optional[str] = typer.Option(None, "--unit-kind", click_type=UNIT_KINDS),
        membership: str = typer.Option("limited", "--membership", click_type=MEMBERSHIP),
        proposer: Optional[str] = typer.Option(None, "--proposer"),
        linked: bool = typer.Option(False, "--linked"),
        member_unit: Optional[List[str]] = typer.Option(None, "--member-unit"),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
    ) -> None:
        from antt_cli.services.cases import new_model as open_model

        opened = open_model(STATE.context(), name, area=area, field=field, level=level, unit_kind=unit_kind,
                            membership=membership, proposer=proposer, linked=linked,
                            member_units=list(member_unit or []), date=date)
        emit({"id": opened.id}, lambda: say(t("cli.new_model.done", id=opened.id)))

    @app.command("record", help=t("cli.record.help"))
    def record(
        case_id: str = typer.Argument(..., metavar="ID"),
        kind: str = typer.Argument(..., metavar="KIND"),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        number: Optional[str] = typer.Option(None, "--number", metavar="TEXT|auto"),
        issuer: Optional[str] = typer.Option(None, "--issuer"),
        signer: Optional[str] = typer.Option(None, "--signer"),
        signer_title: Optional[str] = typer.Option(None, "--signer-title"),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS),
        approved_by: Optional[str] = typer.Option(None, "--approved-by"),
        approved_date: Optional[str] = typer.Option(None, "--approved-date", click_type=DATE),
        members: Optional[Path] = typer.Option(None, "--members", metavar="FILE.csv"),
        secrecy: Optional[str] = typer.Option(None, "--secrecy", click_type=SECRECY),
        attach: Optional[List[Path]] = typer.Option(None, "--attach", metavar="FILE"),
        set_: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE"),
        period: Optional[str] = typer.Option(None, "--period", click_type=PERIODS),
        pdf: bool = typer.Option(False, "--pdf"),
    ) -> None:
        from antt_cli.services.record import record_document

        sets = list(set_ or []) + ([f"period={period}"] if period else [])
        given = _record_input(date, number, issuer, signer, signer_title, sign_as, approved_by,
                              approved_date, members, secrecy, attach, sets, pdf)
        result = record_document(STATE.context(), case_id, kind, given)
        emit(_record_result(result),
             lambda: say(t("cli.record.done", kind=kind, id=case_id, file=result.record.file)))

    @app.command("draft", help=t("cli.draft.help"))
    def draft(
        case_id: str = typer.Argument(..., metavar="ID"),
        kind: str = typer.Argument(..., metavar="KIND"),
        output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE|DIR"),
        pdf: bool = typer.Option(False, "--pdf"),
    ) -> None:
        from antt_cli.services.draft import draft_document

        written = draft_document(STATE.context(reading=True), case_id, kind, output, pdf=pdf)
        emit({"file": str(written)}, lambda: say(t("cli.draft.done", file=written)))

    @app.command("plan", help=t("cli.plan.help"))
    def plan(
        case_id: str = typer.Argument(..., metavar="ID"),
        year: int = typer.Option(..., "--year"),
        target: Optional[List[str]] = typer.Option(None, "--target", metavar='"TEXT=NUMBER"'),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        number: Optional[str] = typer.Option(None, "--number", metavar="TEXT|auto"),
        issuer: Optional[str] = typer.Option(None, "--issuer"),
        signer: Optional[str] = typer.Option(None, "--signer"),
        signer_title: Optional[str] = typer.Option(None, "--signer-title"),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS),
        set_: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE"),
        pdf: bool = typer.Option(False, "--pdf"),
    ) -> None:
        from antt_cli.services.plans import record_plan

        given = _record_input(date, number, issuer, signer, signer_title, sign_as, None, None, None, None,
                              None, set_, pdf)
        result = record_plan(STATE.context(), case_id, year, list(target or []), given)
        emit(_record_result(result),
             lambda: say(t("cli.record.done", kind=result.kind, id=case_id, file=result.record.file)))

    @app.command("progress", help=t("cli.progress.help"))
    def progress(
        case_id: str = typer.Argument(..., metavar="ID"),
        year: int = typer.Option(..., "--year"),
        target: str = typer.Option(..., "--target", metavar="TEXT"),
        achieved: Optional[str] = typer.Option(None, "--achieved", metavar="NUMBER"),
        done: bool = typer.Option(False, "--done"),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
    ) -> None:
        from antt_cli.services.plans import set_progress

        from antt_cli.domain.model import target_to

        result = set_progress(STATE.context(), case_id, year, target, achieved=achieved, done=done, date=date)
        rate = result.completion
        shown = "—" if rate is None else f"{rate:.1f} %"
        data = {"id": result.id, "year": result.year, "target": target_to(result.target),
                "completion": rate, "commit": result.commit}
        emit(data, lambda: say(t("cli.progress.done", id=case_id, year=year, text=result.target.text,
                                 rate=shown)))

    @app.command("amend", help=t("cli.amend.help"))
    def amend(
        case_id: str = typer.Argument(..., metavar="ID"),
        kind: str = typer.Argument(..., metavar="KIND"),
        reason: str = typer.Option(..., "--reason"),
        number: Optional[str] = typer.Option(None, "--number"),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        issuer: Optional[str] = typer.Option(None, "--issuer"),
        signer: Optional[str] = typer.Option(None, "--signer"),
        signer_title: Optional[str] = typer.Option(None, "--signer-title"),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS),
        year: Optional[int] = typer.Option(None, "--year"),
        target: Optional[List[str]] = typer.Option(None, "--target", metavar='"TEXT=NUMBER"'),
        remove_target: Optional[List[str]] = typer.Option(None, "--remove-target", metavar="TEXT"),
    ) -> None:
        from antt_cli.services.amend import amend as amend_document

        result = amend_document(STATE.context(), case_id, kind, reason=reason, number=number, date=date,
                                issuer=issuer, signer=signer, signer_title=signer_title, sign_as=sign_as,
                                year=year, targets=list(target or []), remove_targets=list(remove_target or []))
        emit(_record_result(result), lambda: say(t("cli.amend.done", kind=kind, id=case_id)))
