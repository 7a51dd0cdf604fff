"""Rating commands: `antt rate` (proposal, `--decide`), `antt criteria ID add` (docs/commands.md)."""
from __future__ import annotations

import sys
from typing import List, Optional

import click
import typer
from typer.core import TyperGroup

from antt_cli.cli.common import CASE_ID, kind_text, DATE, STATE, emit, percent, say
from antt_cli.i18n import t
from antt_cli.services import choices

GRADES = click.Choice(list(choices.GRADES))
RATED_GRADES = click.Choice(list(choices.RATED_GRADES))
SIGN_AS = click.Choice(list(choices.SIGN_AS))


def _grade(slug: str | None) -> str:
    return t(f"cli.grade.{slug}") if slug else "—"


def _interactive() -> bool:
    """Ask for a criterion not given only where someone can answer (docs/commands.md)."""
    return not STATE.json and sys.stdin.isatty()


def _answers(ctx, case_id: str, pairs: list[str]) -> dict[str, tuple[bool, str]]:
    from antt_cli.services.rating import ASKED, GIVEN, criterion_keys, parse_answers

    given = {k: (v, GIVEN) for k, v in parse_answers(pairs).items()}
    if _interactive():
        for c in criterion_keys(ctx, case_id):
            if c.key not in given:
                question = t("cli.rate.ask_trigger" if c.trigger else "cli.rate.ask", key=c.key, text=c.text)
                given[c.key] = (typer.confirm(question, default=False), ASKED)
    return given


def _proposal_json(result) -> dict:
    a = result.assessment
    return {
        "id": result.id, "year": result.year, "grade": a.grade, "completion": round(a.completion, 4),
        "criteria": {s.key: {"met": s.met, "source": s.source, "text": s.text, "grades": list(s.grades)}
                     for s in a.criteria},
        "triggers": {s.key: {"present": s.met, "source": s.source, "text": s.text} for s in a.triggers},
        "yeu": [{"key": m.key, "text": _missed(m)} for m in a.yeu_reasons],
        "next_grade": a.next_grade,
        "missed": [{"key": m.key, "text": _missed(m)} for m in a.missed],
        "defaulted": [s.key for s in (*a.criteria, *a.triggers) if s.source == "default"],
        "late": result.late, "deadline": result.deadline.isoformat() if result.late else None,
        "forced": result.forced, "file": result.record.file, "commit": result.commit,
    }


def _missed(m) -> str:
    from antt_cli.services.rating import missed_text

    return missed_text(m)


def _print_proposal(result) -> None:
    from rich.table import Table

    from antt_cli.cli.common import stdout_console
    from antt_cli.hygiene import safe

    a = result.assessment
    say(t("cli.rate.grade", id=result.id, year=result.year, grade=_grade(a.grade),
          completion=percent(a.completion)))
    table = Table(show_lines=False)
    for col in ("key", "criterion", "grades", "met", "source"):
        table.add_column(t(f"cli.rate.col.{col}"), overflow="fold")
    for s in a.criteria:
        verdict = percent(a.completion) if s.key == "completion" else \
            t("cli.rate.met" if s.met else "cli.rate.not_met")
        table.add_row(s.key, safe(s.text), ", ".join(_grade(g) for g in s.grades), verdict,
                      t(f"cli.rate.source.{s.source}"))
    for s in a.triggers:
        table.add_row(s.key, safe(s.text), _grade("yeu"),
                      t("cli.rate.present" if s.met else "cli.rate.absent"), t(f"cli.rate.source.{s.source}"))
    stdout_console().print(table)
    defaulted = [s.key for s in (*a.criteria, *a.triggers) if s.source == "default"]
    if defaulted:
        say(t("cli.rate.defaulted", keys=", ".join(defaulted)))
    if a.next_grade:
        say(t("cli.rate.missed", grade=_grade(a.next_grade)))
        for m in a.missed:
            say(f"  - {safe(_missed(m))}")
    if a.grade == "yeu":
        say(t("cli.rate.yeu_paths", id=result.id))
    if result.late:
        say(t("cli.rate.late", deadline=result.deadline))
    say(t("cli.record.done", kind=kind_text(result.record.kind), id=result.id, file=result.record.file))


class IdFirstGroup(TyperGroup):
    """`antt criteria ID add KEY TEXT` (docs/commands.md, the contract's order) as well as
    `antt criteria add ID KEY TEXT`: an ID before the subcommand is moved after it."""

    def parse_args(self, ctx, args):
        if len(args) >= 2 and args[0] not in self.commands and args[1] in self.commands:
            args = [args[1], args[0], *args[2:]]
        return super().parse_args(ctx, args)


def _rate_command(app: typer.Typer) -> None:
    """Declare `antt rate` (docs/commands.md)."""
    @app.command("rate", help=t("cli.rate.help"))
    def rate(
        case_id: str = typer.Argument(..., metavar="ID", click_type=CASE_ID, help=t("help.id")),
        year: int = typer.Option(..., "--year", help=t("help.rate.year")),
        criterion: Optional[List[str]] = typer.Option(None, "--criterion", metavar="KEY=yes|no",
                                                      help=t("help.rate.criterion")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
        force: bool = typer.Option(False, "--force", help=t("help.rate.force")),
        reason: Optional[str] = typer.Option(None, "--reason", help=t("help.rate.reason")),
        decide: bool = typer.Option(False, "--decide", help=t("help.rate.decide")),
        issuer: Optional[str] = typer.Option(None, "--issuer", help=t("help.rate.issuer")),
        number: Optional[str] = typer.Option(None, "--number", metavar="TEXT|auto", help=t("help.number")),
        grade: Optional[str] = typer.Option(None, "--grade", click_type=GRADES, help=t("help.rate.grade")),
        signer: Optional[str] = typer.Option(None, "--signer", help=t("help.signer")),
        signer_title: Optional[str] = typer.Option(None, "--signer-title", help=t("help.signer_title")),
        sign_as: Optional[str] = typer.Option(None, "--sign-as", click_type=SIGN_AS, help=t("help.sign_as")),
    ) -> None:
        from antt_cli.errors import AnttUsageError

        ctx = STATE.context()
        if decide:
            _decide(ctx, case_id, year, criterion, issuer=issuer, number=number, date=date, grade=grade,
                    reason=reason, force=force, signer=signer, signer_title=signer_title, sign_as=sign_as)
            return
        if grade or issuer:
            raise AnttUsageError("cli.rate.decide_only", option="--grade" if grade else "--issuer")
        from antt_cli.services.rating import RateInput, propose

        answers = _answers(ctx, case_id, list(criterion or []))
        result = propose(ctx, case_id, RateInput(year=year, answers=answers, date=date, number=number,
                                                 force=force, reason=reason))
        emit(_proposal_json(result), lambda: _print_proposal(result))


def _decide(ctx, case_id: str, year: int, criterion: list[str] | None, *, issuer: str | None, number: str | None,
            **options) -> None:
    """`antt rate --decide`: the authority's decision (docs/commands.md); criteria are the
    proposal's, and the decision needs its issuer and number."""
    from antt_cli.errors import AnttUsageError
    from antt_cli.services.rating import DecideInput, decide as record_decision

    if criterion:
        raise AnttUsageError("cli.rate.criterion_with_decide")
    if not issuer or not number:
        raise AnttUsageError("cli.rate.decide_needs", missing=" ".join(
            o for o, v in (("--issuer", issuer), ("--number", number)) if not v))
    done = record_decision(ctx, case_id, DecideInput(year=year, issuer=issuer, number=number, **options))
    data = {"id": done.id, "year": done.year, "grade": done.grade, "proposed_grade": done.proposed_grade,
            "late": done.late, "deadline": done.deadline.isoformat() if done.late else None,
            "forced": done.forced, "file": done.record.file, "commit": done.commit}

    def human() -> None:
        say(t("cli.rate.decided", id=done.id, year=done.year, grade=_grade(done.grade)))
        if done.grade != done.proposed_grade:
            say(t("cli.rate.overrides", proposed=_grade(done.proposed_grade)))
        if done.late:
            say(t("cli.rate.late", deadline=done.deadline))
        say(t("cli.record.done", kind=kind_text(done.record.kind), id=done.id, file=done.record.file))

    emit(data, human)


def _criteria_group(app: typer.Typer) -> None:
    """Declare `antt criteria …` (docs/commands.md)."""
    criteria = typer.Typer(cls=IdFirstGroup, help=t("cli.criteria.help"), no_args_is_help=True)
    app.add_typer(criteria, name="criteria")

    @criteria.command("add", help=t("cli.criteria.add.help"))
    def criteria_add(
        case_id: str = typer.Argument(..., metavar="ID", click_type=CASE_ID, help=t("help.id")),
        key: str = typer.Argument(..., metavar="KEY", help=t("help.criteria.key")),
        text: str = typer.Argument(..., metavar="TEXT", help=t("help.criteria.text")),
        grade: Optional[str] = typer.Option(None, "--grade", click_type=RATED_GRADES, help=t("help.criteria.grade")),
        reason: Optional[str] = typer.Option(None, "--reason", help=t("help.criteria.reason")),
        discard_edits: bool = typer.Option(False, "--discard-edits", help=t("help.discard_edits")),
    ) -> None:
        from antt_cli.services.rating import add_criterion

        done = add_criterion(STATE.context(), case_id, key, text, grade, reason, discard_edits)
        c = done.criterion
        emit({"id": done.id, "key": c.key, "text": c.text, "grade": c.grade, "rerendered": list(done.rerendered),
              "commit": done.commit},
             lambda: say(t("cli.criteria.added", id=done.id, key=c.key, grade=_grade(c.grade)) if c.grade
                         else t("cli.criteria.added_exemplar", id=done.id, key=c.key)))


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app` — when the app is built, so that their
    help texts are in the language chosen for this run (`--lang`, ANTT_LANG)."""
    for declare in (_rate_command, _criteria_group):
        declare(app)
