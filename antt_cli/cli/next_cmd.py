"""`antt next ID` (docs/commands.md): the case's checklist — also printed by `antt record ID`
without a kind and at the end of `antt status ID`."""
from __future__ import annotations

import typer

from antt_cli.cli.common import STATE, day_text, emit, say
from antt_cli.i18n import lang, t


def _day(iso: str | None) -> str:
    return day_text(iso) or "—"


def _title(step: dict) -> str:
    """A kind in the list: its title; under en also its name (what --lang en users type)."""
    return step["title"] if lang() == "vi" else f"{step['title']} [{step['kind']}]"


def _options(options: list[str]) -> str:
    from antt_cli.cli.click_vi import word

    return " ".join(word(option) for option in options)


def print_next(found: dict, *, recorded: bool = True, blocked: bool = True) -> None:
    """The checklist (services/checklist.py `checklist_json`) as text: recorded documents (with
    `recorded`), what may come next — title, issuer, options needed, example command —, what
    is blocked and by what (with `blocked`; `antt status ID` prints only what may come next)."""
    if recorded:
        say(t("cli.next.recorded") + (":" if found["recorded"] else ": —"))
        for d in found["recorded"]:
            say(f"  ✔ {_day(d['date'])}  {d['title']}" + (f" — {t('cli.next.number', number=d['number'])}"
                                                         if d["number"] else ""))
    if found["closed"]:
        say(t("cli.next.closed", id=found["id"]))
        return
    say(t("cli.next.may") + (":" if found["next"] else ": —"))
    for s in found["next"]:
        say(f"  • {_title(s)}")
        say(f"      {t('cli.next.issuer')}: {s['issuer'] or t('cli.next.role.' + s['issuer_role'])}")
        if s["options"]:
            say(f"      {t('cli.next.options')}: {_options(s['options'])}")
        say(f"      {t('cli.next.example')}: {s['example']}")
    if blocked and found["blocked"]:
        say(t("cli.next.blocked") + ":")
        for s in found["blocked"]:
            missing = ", ".join(s["missing_titles"] if lang() == "vi" else s["missing"])
            say(f"  ✘ {_title(s)} — {t('cli.next.missing')}: {missing}")


def show_next(case_id: str) -> None:
    """Compute and print (or emit as JSON) the checklist of `case_id`."""
    from antt_cli.services.checklist import case_checklist, checklist_json

    found = checklist_json(case_checklist(STATE.context(reading=True), case_id))
    emit(found, lambda: print_next(found))


def register(app: typer.Typer) -> None:
    """Declare `antt next`."""
    @app.command("next", help=t("cli.next.help"))
    def next_(case_id: str = typer.Argument(..., metavar="ID", help=t("help.id"))) -> None:
        show_next(case_id)
