"""Dossier commands: init, demo, status, history, bodies (docs/commands.md "Dossier")."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

import click
import typer

from antt_cli.cli.common import (CASE_ID, DATE, STATE, day_text, emit, finding, kind_text, notice, number, percent, say,
                                 stdout_console)
from antt_cli.i18n import t
from antt_cli.services.choices import UNIT_KINDS as UNIT_KIND_NAMES

UNIT_KINDS = click.Choice(list(UNIT_KIND_NAMES))


def _init_command(app: typer.Typer) -> None:
    """Declare `antt init` (docs/commands.md)."""
    @app.command("init", help=t("cli.init.help"))
    def init(
        path: Path = typer.Argument(..., metavar="PATH", help=t("help.init.path")),
        unit: str = typer.Option(..., "--unit", help=t("help.init.unit")),
        province: str = typer.Option(..., "--province", help=t("help.init.province")),
        unit_kind: str = typer.Option("residential", "--unit-kind", click_type=UNIT_KINDS,
                                      help=t("help.init.unit_kind")),
        place: Optional[str] = typer.Option(None, "--place", help=t("help.init.place")),
        parent_body: Optional[str] = typer.Option(None, "--parent-body", help=t("help.init.parent_body")),
        officer: Optional[str] = typer.Option(None, "--officer", help=t("help.init.officer")),
        officer_email: Optional[str] = typer.Option(None, "--officer-email", help=t("help.init.officer_email")),
        guideline_issuer: Optional[str] = typer.Option(None, "--guideline-issuer",
                                                       help=t("help.init.guideline_issuer")),
    ) -> None:
        from antt_cli.services.dossier import InitInput, init_dossier

        given = InitInput(unit=unit, province=province, unit_kind=unit_kind, place=place,
                          parent_body=parent_body, officer=officer, officer_email=officer_email,
                          runner=STATE.officer,
                          guideline_issuer=guideline_issuer)
        root = init_dossier(path, given, notice)
        emit({"path": str(root)}, lambda: say(t("cli.init.done", path=root)))


def _demo_command(app: typer.Typer) -> None:
    """Declare `antt demo` (docs/commands.md)."""
    @app.command("demo", help=t("cli.demo.help"))
    def demo(path: Optional[Path] = typer.Argument(None, metavar="[PATH]", help=t("help.demo.path")),
             district: bool = typer.Option(False, "--district", help=t("help.demo.district"))) -> None:
        from antt_cli.cli.demo import run_demo

        run_demo(path, as_json=STATE.json, scenario_file="district.yaml" if district else "scenario.yaml")


@contextmanager
def _reading_progress() -> Iterator[Callable[[int, int], None]]:
    """The callback a whole-dossier read calls as it parses case files (a first read after a
    clone): a rich progress bar on stderr once the read has taken a second, on a terminal
    only (never in a pipe or with --json). Rich is loaded only then: a warm read never
    calls back, and a big table is drawn without it."""
    import time

    started, shown = time.monotonic(), {}

    def advance(done: int, total: int) -> None:
        if "bar" not in shown:
            if STATE.json or "pipe" in shown or time.monotonic() - started < 1.0:
                return
            from antt_cli.cli.common import stderr_console

            console = stderr_console()
            if not console.is_terminal:
                shown["pipe"] = True  # asked once: a pipe stays a pipe
                return
            from rich.progress import Progress

            shown["bar"] = Progress(console=console, transient=True)
            shown["bar"].start()
            shown["task"] = shown["bar"].add_task(t("cli.status.progress"), total=total)
        shown["bar"].update(shown["task"], completed=done, total=total)

    try:
        yield advance
    finally:
        if "bar" in shown:
            shown["bar"].stop()


def _status_command(app: typer.Typer) -> None:
    """Declare `antt status` (docs/commands.md)."""
    @app.command("status", help=t("cli.status.help"))
    def status(
        case_id: Optional[str] = typer.Argument(None, metavar="[ID]", click_type=CASE_ID, help=t("help.status.id")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date")),
    ) -> None:
        from antt_cli.services.status import case_status, dossier_status

        if case_id:
            detail = case_status(STATE.context(reading=True), case_id, date)
            emit(detail, lambda: _print_detail(detail))
            return
        with _reading_progress() as progress:
            ctx = STATE.context(reading=True)
            ctx.progress = progress
            rows = dossier_status(ctx, date)
        emit(rows, lambda: _print_rows(rows))
        broken = [row for row in rows if row.get("error")]
        if broken:  # one finding per broken case, after the others were shown (exit 1)
            for row in broken:
                finding(row["error"])
            raise typer.Exit(1)


def _due_command(app: typer.Typer) -> None:
    """Declare `antt due` (docs/commands.md)."""
    @app.command("due", help=t("cli.due.help"))
    def due(
        case_id: Optional[str] = typer.Argument(None, metavar="[ID]", click_type=CASE_ID, help=t("help.due.id")),
        date: Optional[str] = typer.Option(None, "--date", click_type=DATE, help=t("help.due.date")),
    ) -> None:
        from antt_cli.services.due import due_list

        with _reading_progress() as progress:
            ctx = STATE.context(reading=True)
            ctx.progress = progress
            items = due_list(ctx, date, case_id)
        emit(items, lambda: _print_due(items))


def _history_command(app: typer.Typer) -> None:
    """Declare `antt history` (cli/history_cmd.py), in its place among the dossier commands."""
    from antt_cli.cli.history_cmd import declare

    declare(app)


def _bodies_group(app: typer.Typer) -> None:
    """Declare `antt bodies …` (docs/commands.md)."""
    bodies = typer.Typer(help=t("cli.bodies.help"), no_args_is_help=True)
    app.add_typer(bodies, name="bodies")

    @bodies.command("add", help=t("cli.bodies.add.help"))
    def bodies_add(
        name: str = typer.Argument(..., metavar="NAME", help=t("help.bodies.name")),
        code: str = typer.Option(..., "--code", help=t("help.bodies.code")),
        head: Optional[str] = typer.Option(None, "--head", metavar='"TITLE: NAME"', help=t("help.bodies.head")),
        deputy: Optional[str] = typer.Option(None, "--deputy", metavar='"TITLE: NAME"', help=t("help.bodies.deputy")),
        own: bool = typer.Option(False, "--own", help=t("help.bodies.own")),
        party: bool = typer.Option(False, "--party", help=t("help.bodies.party")),
        parent: Optional[str] = typer.Option(None, "--parent", help=t("help.bodies.parent")),
    ) -> None:
        from antt_cli.services.dossier import BodyInput, add_body

        given = BodyInput(name=name, code=code, head=head, deputy=deputy, own=own, party=party, parent=parent)
        added = add_body(STATE.context(), given)
        emit({"name": added}, lambda: say(t("cli.bodies.add.done", name=added)))

    @bodies.command("list", help=t("cli.bodies.list.help"))
    def bodies_list() -> None:
        from antt_cli.services.dossier import list_bodies

        rows = list_bodies(STATE.context(reading=True))
        emit([r.as_json() for r in rows], lambda: _print_bodies(rows))

    @bodies.command("edit", help=t("cli.bodies.edit.help"))
    def bodies_edit(
        name: str = typer.Argument(..., metavar="NAME", help=t("help.bodies.edit_name")),
        code: Optional[str] = typer.Option(None, "--code", help=t("help.bodies.code")),
        head: Optional[str] = typer.Option(None, "--head", metavar='"TITLE: NAME"', help=t("help.bodies.head")),
        deputy: Optional[str] = typer.Option(None, "--deputy", metavar='"TITLE: NAME"', help=t("help.bodies.deputy")),
        parent: Optional[str] = typer.Option(None, "--parent", help=t("help.bodies.parent")),
    ) -> None:
        from antt_cli.services.dossier import BodyEdit, edit_body

        done = edit_body(STATE.context(), BodyEdit(name=name, code=code, head=head, deputy=deputy, parent=parent))
        emit(done.as_json(), lambda: say(t("cli.bodies.edit.done", name=done.name, keys=", ".join(done.changed))))

    @bodies.command("successor", help=t("cli.bodies.successor.help"))
    def bodies_successor(old: str = typer.Argument(..., metavar="OLD", help=t("help.bodies.old")),
                         new: str = typer.Argument(..., metavar="NEW", help=t("help.bodies.new"))) -> None:
        from antt_cli.services.dossier import add_successor

        add_successor(STATE.context(), old, new)
        emit({"old": old, "new": new}, lambda: say(t("cli.bodies.successor.done", old=old, new=new)))


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app` — when the app is built, so that their
    help texts are in the language chosen for this run (`--lang`, ANTT_LANG)."""
    for declare in (_init_command, _demo_command, _status_command, _due_command, _history_command, _bodies_group):
        declare(app)


def _status_text(status: str | None) -> str:
    from antt_cli.services.choices import CASE_STATUSES

    return t(f"cli.status.{status}") if status in (*CASE_STATUSES, "broken") else str(status)


# Above this many rows the table is printed as plain aligned text: rich lays out a big table
# cell by cell (measured: 0.65 s for 1,000 rows), a province's dossier has thousands.
RICH_TABLE_MAX_ROWS = 300


def _due_text(row: dict) -> str:
    """The next due date as both views show it, marked when it has passed."""
    due = day_text(row["next_due"])
    return f"{due} ({t('cli.detail.overdue')})" if row["overdue"] else due


def _due_what(row: dict) -> str:
    """What is due in words: the kind's title, a report's period, the year (status's
    `next_due_what` spells the same with the kind's name and the period's key, for scripts)."""
    kind = row.get("next_due_kind")
    period = row.get("next_due_period")
    parts = [str(kind_text(kind)) if kind else "",
             t(f"cli.period.{period}") if period else "", str(row.get("next_due_year") or "")]
    return " ".join(part for part in parts if part)


def _kind_text(row: dict) -> str:
    """mô hình / điển hình, and for an exemplar tập thể / cá nhân (docs/commands.md `antt status`)."""
    text = t(f"cli.kind.{row['kind']}")
    sub = row.get("exemplar_kind")
    return f"{text} {t(f'cli.exemplar_kind.{sub}')}" if sub else text


def _status_cells(rows: list[dict]) -> list[tuple[str, ...]]:
    """The status table's cells, escape sequences from hand-edited files shown, not executed
    (hygiene.py). The words of a kind, a status, a grade or a date are the same for many
    cases of a big dossier: each is worded once."""
    from antt_cli.hygiene import safe

    said: dict = {}

    def once(key: tuple, word: Callable[[dict], str], row: dict) -> str:
        if key not in said:
            said[key] = safe(word(row), keep="\n")
        return said[key]

    return [(safe(r["id"], keep="\n"), safe(r["name"] or r.get("error") or "", keep="\n"),
             once(("kind", r["kind"], r.get("exemplar_kind")), _kind_text, r),
             once(("status", r["status"]), lambda row: _status_text(row["status"]), r),
             "—" if r["step"] is None else str(r["step"]),
             once(("grade", r["grade"], r.get("proposed_grade"), r.get("rating_year"),
                   tuple(r.get("late_steps") or ())), _grade_text, r),
             once(("due", r["next_due"], r["overdue"]), _due_text, r)) for r in rows]


def _print_rows(rows: list[dict]) -> None:
    if not rows:
        say(t("cli.no_cases"))
        return
    keys = ("id", "name", "kind", "status", "step", "grade", "due")
    cells = _status_cells(rows)
    if len(rows) > RICH_TABLE_MAX_ROWS:
        _print_plain([t(f"cli.col.{k}") for k in keys], cells)
        return
    from rich.table import Table

    console = stdout_console()
    piped = not console.is_terminal
    table = Table(show_lines=False, expand=not piped)
    for key in keys:
        # A terminal: only the ID, the step and the deadline never wrap; the others share the
        # width (the name the most) rather than the name being squeezed to nothing. Piped or
        # redirected: nothing wraps — one case per line, whole, for grep and files.
        table.add_column(t(f"cli.col.{key}"), overflow="fold", no_wrap=piped or key in ("id", "step", "due"),
                         ratio=None if piped else _STATUS_SHARES.get(key))
    for row in cells:
        table.add_row(*row)
    if piped:  # as wide as the rows need (measured on an unbounded page), never narrower
        wanted, console.width = console.width, PIPED_MAX_WIDTH
        console.width = max(wanted, min(console.measure(table).maximum, PIPED_MAX_WIDTH))
    console.print(table)


PIPED_MAX_WIDTH = 400  # a piped status row is never wrapped below this width

# Shares of the width left after the ID, the step and the deadline (which never wrap) — the
# name the most.
_STATUS_SHARES = {"name": 5, "kind": 2, "status": 3, "grade": 3}


def _person_text(person: dict | None) -> str:
    return f"{person['title']}: {person['name']}" if person else "—"


def _print_bodies(rows: list) -> None:
    """`antt bodies list`: name, code, head, deputy, parent, own, successor."""
    from rich.table import Table

    from antt_cli.hygiene import safe

    if not rows:
        say(t("cli.bodies.list.none"))
        return
    table = Table(show_lines=False)
    for key in ("name", "code", "head", "deputy", "parent", "own", "successor"):
        table.add_column(t(f"cli.bodies.col.{key}"), overflow="fold", min_width=16 if key == "name" else None)
    for r in rows:
        own = t("cli.bodies.own_party") if r.own and r.party else t("cli.bodies.own_yes") if r.own else "—"
        table.add_row(*(safe(x) for x in (r.name, r.code, _person_text(r.head), _person_text(r.deputy),
                                          r.parent or "—", own, r.successor or "—")))
    stdout_console().print(table)


def _print_plain(header: list[str], cells: list[tuple[str, ...]]) -> None:
    """A big table as plain aligned text (RICH_TABLE_MAX_ROWS): each column as wide as its
    widest cell in terminal cells (a Vietnamese letter written with combining marks is one
    cell), written a block of lines at a time rather than built whole. A column holds the
    same few texts over and over (dates, kinds, a case's name on each of its lines): each
    distinct text is measured and padded once."""
    import sys
    from operator import itemgetter

    from rich.cells import cell_len

    def size(text: str) -> int:
        return len(text) if text.isascii() else cell_len(text)

    columns = [{h: size(h)} for h in header]  # per column: {text: its width}, then {text: padded}
    for i, seen in enumerate(columns):
        seen.update((text, size(text)) for text in {row[i] for row in cells} if text not in seen)
    widths = [max(seen.values()) for seen in columns]
    padded = [{text: text + " " * (w - n) for text, n in seen.items()} for seen, w in zip(columns, widths)]

    def lines(rows: list) -> str:  # column by column, each cell's padded text looked up
        columns = [map(pad.__getitem__, map(itemgetter(i), rows)) for i, pad in enumerate(padded)]
        return "".join(line.rstrip() + "\n" for line in map("  ".join, zip(*columns)))

    sys.stdout.write(lines([header]) + "  ".join("-" * w for w in widths) + "\n")
    for start in range(0, len(cells), _PLAIN_BLOCK):
        sys.stdout.write(lines(cells[start:start + _PLAIN_BLOCK]))


_PLAIN_BLOCK = 2000  # lines written at a time by _print_plain


def _steps(steps: list[str]) -> str:
    return ", ".join(t(f"cli.rate.step.{s}") for s in steps)


def _grade_text(row: dict) -> str:
    """The latest decided grade; the latest year's proposed grade where it differs (or is
    not decided yet); that year's late steps (docs/commands.md `antt status`)."""
    grade = t(f"cli.grade.{row['grade']}") if row.get("grade") else "—"
    if row.get("proposed_grade"):
        grade += " " + t("cli.detail.proposed", year=row.get("rating_year"),
                         grade=t(f"cli.grade.{row['proposed_grade']}"))
    if row.get("late_steps"):
        grade += " " + t("cli.detail.late_steps", steps=_steps(row["late_steps"]))
    return grade


def _fmt_rate(rate: float | None) -> str:
    return t("cli.detail.no_targets") if rate is None else percent(rate)


def _print_detail(d: dict) -> None:
    from rich.markup import escape
    from rich.table import Table

    from antt_cli.hygiene import safe_deep

    d = safe_deep(d)  # escape sequences in hand-edited files are shown, not executed
    console = stdout_console()
    console.print(f"[bold]{escape(str(d['id']))}[/bold] — {escape(str(d['name']))}", markup=True)
    console.print(f"{t('cli.col.status')}: {_status_text(d['status'])} · {t('cli.col.step')} {d['step']}"
                  f" · {t('cli.detail.area')}: {d['area']}", markup=False)
    if d.get("authority"):
        console.print(f"{t('cli.detail.authority')}: {d['authority']}", markup=False)
    if d.get("members"):
        console.print(f"{t('cli.detail.members')}: {', '.join(d['members'])}", markup=False)
    if d.get("lead_unit"):
        console.print(f"{t('cli.detail.lead')}: {d['lead_unit']}", markup=False)
    if d["documents"]:
        table = Table()
        for key in ("date", "document", "number", "issuer"):
            table.add_column(t(f"cli.col.{key}"), overflow="fold")
        for doc in d["documents"]:
            table.add_row(day_text(doc["date"]), doc["title"], doc["number"] or "", doc["issuer"] or "")
        console.print(table)
    for plan in d["plans"]:
        console.print(t("cli.detail.plan", year=plan["year"], rate=_fmt_rate(plan["completion"])), markup=False)
        table = Table()
        for key in ("target", "planned", "achieved", "met"):
            table.add_column(t(f"cli.col.{key}"))
        for target in plan["targets"]:
            if target["op"] == "yes-no":
                planned, achieved = t("cli.detail.yes_no"), "✔" if target["done"] else "—"
            else:
                planned = ("≤ " if target["op"] == "<=" else "≥ ") + number(target["planned"])
                achieved = "—" if target["achieved"] is None else number(target["achieved"])
            table.add_row(target["text"], planned, achieved, "✔" if target["met"] else "✘")
        console.print(table)
    if d.get("ratings"):
        table = Table(title=t("cli.detail.ratings"))
        for key in ("year", "proposed", "decided", "submitted", "late"):
            table.add_column(t(f"cli.detail.rating.{key}"))
        for r in d["ratings"]:
            table.add_row(str(r["year"]), t(f"cli.grade.{r['proposed']}") if r["proposed"] else "—",
                          t(f"cli.grade.{r['decided']}") if r["decided"] else "—",
                          "✔" if r["submitted"] else "—", _steps(r["late"]) or "—")
        console.print(table)
    if d.get("criteria") is not None:
        _print_exemplar(console, d)
    from antt_cli.cli.next_cmd import print_next

    print_next(d["checklist"], recorded=False, blocked=False)
    if d.get("next_due"):
        console.print(f"{t('cli.col.due')}: {_due_text(d)} — {_due_what(d)}", markup=False)


def _print_due(items: list) -> None:
    """docs/commands.md `antt due`: the guideline's words and the last good day, overdue
    marked; above RICH_TABLE_MAX_ROWS rows (a province's dossier owes tens of thousands)
    as plain aligned text, like `antt status`."""
    from antt_cli.hygiene import safe

    if not items:
        say(t("cli.due.none"))
        return
    keys = ("last_day", "left", "id", "name", "what", "deadline")
    said: dict = {}  # the same few hundred dates and day counts, worded once each

    def left(i) -> str:
        key = (i.overdue, i.days)
        if key not in said:
            said[key] = t("cli.due.days_over", days=-i.days) if i.overdue else t("cli.due.days_left", days=i.days)
        return said[key]

    def day(value) -> str:
        if value not in said:
            said[value] = day_text(value)
        return said[value]

    cells = [(day(i.due), left(i), i.id, safe(i.name), i.title, i.deadline) for i in items]
    if len(cells) > RICH_TABLE_MAX_ROWS:
        _print_plain([t(f"cli.col.{key}") for key in keys], cells)
        return
    from rich.table import Table

    table = Table()
    for key in keys:
        table.add_column(t(f"cli.col.{key}"), overflow="fold", no_wrap=key in ("last_day", "id", "deadline"))
    for row in cells:
        table.add_row(*row)
    stdout_console().print(table)


def _print_exemplar(console, d: dict) -> None:
    """An exemplar's criteria and their state, its one-year clock, its dossier items."""
    from rich.table import Table

    clock = d.get("clock")
    if clock:
        line = t("cli.detail.clock", start=day_text(clock["start"]), last=day_text(clock["last_day"]))
        if clock["days_left"] is not None:
            line += " " + t("cli.detail.days_left", days=clock["days_left"])
        console.print(line, markup=False)
    table = Table()
    for key in ("criterion", "text", "met"):
        table.add_column(t(f"cli.col.{key}"), overflow="fold")
    for c in d["criteria"]:
        state = "—" if c["met"] is None else ("✔" if c["met"] else "✘")
        table.add_row(c["key"], c["text"], state)
    console.print(table)
    items = "; ".join(f"({i['no']}) {t('cli.item_state.' + i['state'])}" for i in d["items"])
    console.print(f"{t('cli.detail.items')}: {items}", markup=False)
