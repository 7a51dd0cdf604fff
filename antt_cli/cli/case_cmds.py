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
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
    ) -> None:
        from antt_cli.services.cases import new_model as open_model

        opened = open_model(STATE.context(), name, area=area, field=field, level=level, unit_kind=unit_kind,
                            membership=membership, proposer=proposer, linked=linked,
                            member_units=list(member_unit or []), date=date)
        emit({"id": opened.id}, lambda: say(t("cli.new_model.done", id=opened.id)))

    @app.command("record", help=t("cli.record.help"))
    def record(
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        kind: str = typer.Argument(..., metavar="KIND", help=t("help.kind")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        number: Optional[str] = typer.Option(None, "--number", metavar="TEXT|auto", help=t("help.number")),
        issuer: Optional[str] = typer.Option(None, "--issuer", help=t("help.issuer")),
        signer: Optional[str] = typer.Option(None, "--signer", help=t("help.signer")),
        signer_title: Optional[str] = typer.Option(None, "--signer-title", help=t("help.signer_title")),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS, help=t("help.sign_as")),
        approved_by: Optional[str] = typer.Option(None, "--approved-by", help=t("help.record.approved_by")),
        approved_date: Optional[str] = typer.Option(None, "--approved-date", click_type=DATE,
                                                    help=t("help.record.approved_date")),
        members: Optional[Path] = typer.Option(None, "--members", metavar="FILE.csv", help=t("help.record.members")),
        secrecy: Optional[str] = typer.Option(None, "--secrecy", click_type=SECRECY, help=t("help.record.secrecy")),
        attach: Optional[List[Path]] = typer.Option(None, "--attach", metavar="FILE", help=t("help.record.attach")),
        set_: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE", help=t("help.set")),
        period: Optional[str] = typer.Option(None, "--period", click_type=PERIODS, help=t("help.record.period")),
        pdf: bool = typer.Option(False, "--pdf", help=t("help.pdf")),
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
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        kind: str = typer.Argument(..., metavar="KIND", help=t("help.kind")),
        output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE|DIR", help=t("help.draft.output")),
        pdf: bool = typer.Option(False, "--pdf", help=t("help.pdf")),
    ) -> None:
        from antt_cli.services.draft import draft_document

        written = draft_document(STATE.context(reading=True), case_id, kind, output, pdf=pdf)
        emit({"file": str(written)}, lambda: say(t("cli.draft.done", file=written)))

    @app.command("plan", help=t("cli.plan.help"))
    def plan(
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        year: int = typer.Option(..., "--year", help=t("help.plan.year")),
        target: Optional[List[str]] = typer.Option(None, "--target", metavar='"TEXT=NUMBER"',
                                                   help=t("help.plan.target")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        number: Optional[str] = typer.Option(None, "--number", metavar="TEXT|auto", help=t("help.number")),
        issuer: Optional[str] = typer.Option(None, "--issuer", help=t("help.issuer")),
        signer: Optional[str] = typer.Option(None, "--signer", help=t("help.signer")),
        signer_title: Optional[str] = typer.Option(None, "--signer-title", help=t("help.signer_title")),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS, help=t("help.sign_as")),
        set_: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE", help=t("help.set")),
        pdf: bool = typer.Option(False, "--pdf", help=t("help.pdf")),
    ) -> None:
        from antt_cli.services.plans import record_plan

        given = _record_input(date, number, issuer, signer, signer_title, sign_as, None, None, None, None,
                              None, set_, pdf)
        result = record_plan(STATE.context(), case_id, year, list(target or []), given)
        emit(_record_result(result),
             lambda: say(t("cli.record.done", kind=result.kind, id=case_id, file=result.record.file)))

    @app.command("progress", help=t("cli.progress.help"))
    def progress(
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        year: int = typer.Option(..., "--year", help=t("help.progress.year")),
        target: str = typer.Option(..., "--target", metavar="TEXT", help=t("help.progress.target")),
        achieved: Optional[str] = typer.Option(None, "--achieved", metavar="NUMBER", help=t("help.progress.achieved")),
        done: bool = typer.Option(False, "--done", help=t("help.progress.done")),
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
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        kind: str = typer.Argument(..., metavar="KIND", help=t("help.kind")),
        reason: str = typer.Option(..., "--reason", help=t("help.amend.reason")),
        number: Optional[str] = typer.Option(None, "--number", help=t("help.number")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("help.amend.date")),
        issuer: Optional[str] = typer.Option(None, "--issuer", help=t("help.issuer")),
        signer: Optional[str] = typer.Option(None, "--signer", help=t("help.signer")),
        signer_title: Optional[str] = typer.Option(None, "--signer-title", help=t("help.signer_title")),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS, help=t("help.sign_as")),
        year: Optional[int] = typer.Option(None, "--year", help=t("help.amend.year")),
        target: Optional[List[str]] = typer.Option(None, "--target", metavar='"TEXT=NUMBER"',
                                                   help=t("help.amend.target")),
        remove_target: Optional[List[str]] = typer.Option(None, "--remove-target", metavar="TEXT",
                                                          help=t("help.amend.remove_target")),
    ) -> None:
        from antt_cli.services.amend import amend as amend_document

        result = amend_document(STATE.context(), case_id, kind, reason=reason, number=number, date=date,
                                issuer=issuer, signer=signer, signer_title=signer_title, sign_as=sign_as,
                                year=year, targets=list(target or []), remove_targets=list(remove_target or []))
        emit(_record_result(result), lambda: say(t("cli.amend.done", kind=kind, id=case_id)))

    @app.command("close", help=t("cli.close.help"))
    def close(
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        reason: str = typer.Option(..., "--reason", help=t("help.close.reason")),
        unfit: bool = typer.Option(False, "--unfit", help=t("help.close.unfit")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        number: Optional[str] = typer.Option(None, "--number", metavar="TEXT|auto", help=t("help.number")),
        issuer: Optional[str] = typer.Option(None, "--issuer", help=t("help.issuer")),
        signer: Optional[str] = typer.Option(None, "--signer", help=t("help.signer")),
        signer_title: Optional[str] = typer.Option(None, "--signer-title", help=t("help.signer_title")),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS, help=t("help.sign_as")),
        set_: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE", help=t("help.set")),
    ) -> None:
        from antt_cli.services.closure import close_model

        given = _record_input(date, number, issuer, signer, signer_title, sign_as, None, None, None, None,
                              None, set_, False)
        result = close_model(STATE.context(), case_id, reason, unfit, given)
        emit(_record_result(result),
             lambda: say(t("cli.close.done", id=case_id, file=result.record.file)))

    @app.command("replicate", help=t("cli.replicate.help"))
    def replicate(
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        area: Optional[str] = typer.Option(None, "--area", help=t("help.replicate.area")),
        field: Optional[str] = typer.Option(None, "--field", help=t("help.replicate.field")),
        name: Optional[str] = typer.Option(None, "--name", help=t("help.replicate.name")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
    ) -> None:
        from antt_cli.services.replication import replicate as replicate_model

        done = replicate_model(STATE.context(), case_id, area=area, field=field, name=name, date=date)
        emit({"id": done.id, "replicated_from": done.source, "commit": done.commit},
             lambda: say(t("cli.replicate.done", id=done.id, source=done.source)))

    @app.command("propose-national", help=t("cli.propose_national.help"))
    def propose_national(
        case_id: str = typer.Argument(..., metavar="ID", help=t("help.id")),
        innovative: bool = typer.Option(False, "--innovative", help=t("help.propose_national.innovative")),
        reason: Optional[str] = typer.Option(None, "--reason", help=t("help.propose_national.reason")),
        include_classified: bool = typer.Option(False, "--include-classified",
                                                help=t("help.propose_national.include_classified")),
        output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE.zip",
                                              help=t("help.propose_national.output")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        number: Optional[str] = typer.Option(None, "--number", metavar="TEXT|auto", help=t("help.number")),
        issuer: Optional[str] = typer.Option(None, "--issuer", help=t("help.issuer")),
        signer: Optional[str] = typer.Option(None, "--signer", help=t("help.signer")),
        signer_title: Optional[str] = typer.Option(None, "--signer-title", help=t("help.signer_title")),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS, help=t("help.sign_as")),
        set_: Optional[List[str]] = typer.Option(None, "--set", metavar="KEY=VALUE", help=t("help.set")),
    ) -> None:
        from antt_cli.services.replication import propose_national as propose

        given = _record_input(date, number, issuer, signer, signer_title, sign_as, None, None, None, None,
                              None, set_, False)
        done = propose(STATE.context(), case_id, innovative=innovative, reason=reason,
                       include_classified=include_classified, output=output, given=given)
        data = {**_record_result(done.result), "zip": str(done.bundle), "included": list(done.included),
                "left_out": list(done.left_out)}
        emit(data, lambda: say(t("cli.propose_national.done", id=case_id, file=done.result.record.file,
                                 zip=done.bundle, count=len(done.included), left=len(done.left_out))))
