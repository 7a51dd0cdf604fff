"""Exemplar commands: new-exemplar, evaluate, criteria (docs/commands.md "Cases"; HD 163 §IV)."""
from __future__ import annotations

import sys
from typing import List, Optional

import click
import typer

from antt_cli.cli.common import CASE_ID, kind_text, DATE, STATE, emit, notice, percent, say
from antt_cli.services import choices
from antt_cli.i18n import t

EXEMPLAR_KINDS = click.Choice(list(choices.EXEMPLAR_KINDS))
SCOPES = click.Choice(list(choices.EXEMPLAR_SCOPES))
_YES, _NO = ("yes", "y", "co", "có", "dat", "đạt", "1", "true"), ("no", "n", "khong", "không", "0", "false")


def _pairs(values: list[str], option: str, as_bool: bool) -> dict:
    """`KEY=yes|no` (or `KEY=TEXT`) pairs; a pair that does not parse is a usage error (exit 2)."""
    out: dict = {}
    for pair in values:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise click.BadParameter(t("cli.evaluate.bad_pair", pair=pair), param_hint=option)
        if as_bool:
            if value.lower() not in _YES + _NO:
                raise click.BadParameter(t("cli.evaluate.bad_pair", pair=pair), param_hint=option)
            out[key] = value.lower() in _YES
        else:
            out[key] = value
    return out


def _ask_missing(case_id: str, answers: dict) -> dict:
    """A criterion not given is asked in a terminal; under --json or without a terminal it
    counts as not met, and the output says so (docs/commands.md, end)."""
    if STATE.json or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return answers
    from antt_cli.services.exemplars import criteria_to_ask

    answers = dict(answers)
    for key, text in criteria_to_ask(STATE.context(reading=True), case_id):
        if key not in answers:
            answers[key] = typer.confirm(t("cli.evaluate.ask", key=key, text=text), default=False)
    return answers


def _new_exemplar_command(app: typer.Typer) -> None:
    """Declare `antt new-exemplar` (docs/commands.md)."""
    @app.command("new-exemplar", help=t("cli.new_exemplar.help"))
    def new_exemplar(
        name: str = typer.Argument(..., metavar="NAME", help=t("help.new_exemplar.name")),
        kind: str = typer.Option(..., "--kind", click_type=EXEMPLAR_KINDS, help=t("help.new_exemplar.kind")),
        area: str = typer.Option(..., "--area", help=t("help.new_exemplar.area")),
        scope: str = typer.Option("comprehensive", "--scope", click_type=SCOPES, help=t("help.new_exemplar.scope")),
        proposer: Optional[str] = typer.Option(None, "--proposer", help=t("help.new_exemplar.proposer")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
    ) -> None:
        from antt_cli.services.exemplars import NewExemplarInput, new_exemplar as open_exemplar

        opened = open_exemplar(STATE.context(), NewExemplarInput(name=name, kind=kind, area=area, scope=scope,
                                                                 proposer=proposer, date=date))
        emit({"id": opened.id}, lambda: say(t("cli.new_exemplar.done", id=opened.id)))


def _evaluate_command(app: typer.Typer) -> None:
    """Declare `antt evaluate` (docs/commands.md)."""
    @app.command("evaluate", help=t("cli.evaluate.help"))
    def evaluate(
        case_id: str = typer.Argument(..., metavar="ID", click_type=CASE_ID, help=t("help.id")),
        criterion: Optional[List[str]] = typer.Option(None, "--criterion", metavar="KEY=yes|no",
                                                      help=t("help.evaluate.criterion")),
        evidence: Optional[List[str]] = typer.Option(None, "--evidence", metavar="KEY=TEXT",
                                                     help=t("help.evaluate.evidence")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        late: bool = typer.Option(False, "--late", help=t("help.evaluate.late")),
        unfit: bool = typer.Option(False, "--unfit", help=t("help.evaluate.unfit")),
        reason: Optional[str] = typer.Option(None, "--reason", help=t("help.evaluate.reason")),
        number: str = typer.Option("auto", "--number", metavar="TEXT|auto", help=t("help.number")),
        issuer: Optional[str] = typer.Option(None, "--issuer", help=t("help.issuer")),
        signer: Optional[str] = typer.Option(None, "--signer", help=t("help.signer")),
    ) -> None:
        from antt_cli.services.exemplars import EvaluateInput, evaluate as run

        answers = _pairs(list(criterion or []), "--criterion", True)
        notes = _pairs(list(evidence or []), "--evidence", False)
        answers = _ask_missing(case_id, answers)
        result = run(STATE.context(), case_id, EvaluateInput(
            answers=answers, evidence=notes, date=date, late=late, unfit=unfit, reason=reason,
            number=number, issuer=issuer, signer=signer))
        if result.not_given:
            notice(t("cli.evaluate.not_given", keys=", ".join(result.not_given)))
        data = {"id": result.id, "kind": result.kind, "outcome": result.outcome, "criteria": result.criteria,
                "missed": result.missed, "share": round(result.share, 1), "late": result.late,
                "not_given": result.not_given, "file": result.record.file, "commit": result.commit}

        def human() -> None:

            lines = [t("cli.evaluate.done", id=result.id, kind=kind_text(result.record.kind), file=result.record.file)]
            for key, met in result.criteria.items():
                lines.append(f"  {'✔' if met else '✘'} {key}")
            lines.append(t("cli.evaluate.share", share=percent(result.share)))
            if result.missed:
                lines.append(t("cli.evaluate.missed", keys=", ".join(result.missed)))
            keep = result.yearly and result.outcome == "recognize"
            lines.append(t("cli.evaluate.outcome_keep" if keep else f"cli.evaluate.outcome_{result.outcome}",
                           id=result.id))
            say("\n".join(lines))

        emit(data, human)


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app` — when the app is built, so that their
    help texts are in the language chosen for this run (`--lang`, ANTT_LANG)."""
    for declare in (_new_exemplar_command, _evaluate_command):
        declare(app)
