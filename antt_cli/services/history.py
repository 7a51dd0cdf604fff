"""`antt history [ID]` as a use case (docs/commands.md): the commits of one case, or of the
whole dossier, read back from their trailers (audit/history.py), each with its time in the
dossier's time zone (`timezone:` in antt.yaml, docs/case-schema.md), the officer, the action
in words, the document's own date, and for an amendment its reason and old values."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from antt_cli.errors import AnttError
from antt_cli.i18n import has_key, kind_label, t
from antt_cli.services.common import Context

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class HistoryFilter:
    """What `antt history` narrows to: commits from `since` on (a day in the dossier's time
    zone), by an officer (ignoring case and diacritics), about a document kind (its name as
    `record` takes it: slug, title, unaccented, prefix)."""

    since: dt.date | None = None
    officer: str | None = None
    kind: str | None = None


@dataclass
class HistoryRow:
    """One commit as `antt history` shows it."""

    sha: str
    time: dt.datetime                 # the commit's time, in the dossier's time zone
    officer: str                      # the Antt-Officer trailer, else the git author
    author: str
    email: str
    case: str | None
    action: str | None                # the Antt-Action trailer, as written (slugs)
    action_text: str                  # the action in words, the kind by its title
    command: str                      # the action without its kind (`record`, `rate --decide`)
    kind: str | None                  # the document's kind (spec name), when the commit has one
    kind_title: str | None            # its Vietnamese title (the words commit summaries use)
    document_date: dt.date | None     # the document's own date
    summary: str
    reason: str | None = None         # Antt-Reason: an amendment's, a withdrawal's reason
    old: dict[str, str] = field(default_factory=dict)   # an amendment's old values
    late: str | None = None
    forced: str | None = None
    renumbered_from: str | None = None
    trailers: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """docs/commands.md `antt history --json`: ISO times with their offset, slugs."""
        return {"sha": self.sha, "date": self.time.isoformat(), "officer": self.officer,
                "author": self.author, "email": self.email, "case": self.case, "action": self.action,
                "kind": self.kind, "document_date": self.document_date.isoformat() if self.document_date else None,
                "summary": self.summary, "reason": self.reason, "old": self.old, "late": self.late,
                "forced": self.forced, "renumbered_from": self.renumbered_from, "trailers": self.trailers}


@dataclass
class HistoryResult:
    rows: list[HistoryRow]
    timezone: str


def history(ctx: Context, case_id: str | None = None, given: HistoryFilter = HistoryFilter()) -> HistoryResult:
    """The commits of case `case_id` (a path-limited log of its folder), or of the whole
    dossier, oldest first, narrowed by `given`. An unknown ID, kind or time zone is refused."""
    started = _start_case_log(ctx.root, case_id) if case_id is not None else None
    try:
        return _history(ctx, case_id, given, started)
    except BaseException:
        if started is not None:
            started.cancel()
        raise


def _start_case_log(root: Any, case_id: str) -> Any:
    """The case's path-limited `git log`, begun before antt.yaml and the kinds are read so
    that git and Python work side by side (the log is most of `history ID`'s wait); None
    for an ID that is no ID (refused in its turn)."""
    from antt_cli.audit import history as audit
    from antt_cli.store.dossier import CASE_DIRS, Dossier

    try:
        return audit.start_case_log(root, f"{CASE_DIRS[Dossier.case_kind_of(case_id)]}/{case_id}")
    except AnttError:
        return None


def _history(ctx: Context, case_id: str | None, given: HistoryFilter, started: Any) -> HistoryResult:
    from antt_cli.audit import history as audit
    from antt_cli.store.dossier import Dossier
    from antt_cli.store.kinds import load_registry

    dossier = ctx.dossier()
    zone_name = str(dossier.profile.get("timezone") or DEFAULT_TIMEZONE)
    zone = time_zone(zone_name)
    reg = load_registry()
    kinds = reg.of_case(Dossier.case_kind_of(case_id)) if case_id else list(reg)
    wanted = _wanted_kinds(given.kind, kinds)
    # A day in the dossier's zone; compared here, not by `git log --since`, which stops at the
    # first older commit and would miss commits made on a PC whose clock was behind.
    since = dt.datetime.combine(given.since, dt.time(), zone) if given.since else None
    if case_id is not None:
        if not dossier.source.exists(dossier.case_relpath(case_id)):  # refused, not an empty history
            raise AnttError("store.unknown_case", id=case_id)
        entries = audit.case_history(ctx.root, case_id, dossier.case_dir_rel(case_id), started)
    else:
        entries = audit.all_history(ctx.root)
    rows = [_row(e, zone, reg) for e in entries]
    if case_id is not None and any(r.kind and r.document_date is None for r in rows):
        _dates_from_the_case(rows, dossier.case(case_id))
    rows = [r for r in rows if (since is None or r.time >= since)
            and (given.officer is None or officer_matches(given.officer, r.officer))
            and (wanted is None or r.kind in wanted)]
    return HistoryResult(rows, zone_name)


def _dates_from_the_case(rows: list[HistoryRow], case: Any) -> None:
    """Commits made before antt wrote Antt-Document-Date: the date of the case's record of that
    kind — the only one, or the one whose number (now or before an amendment) the summary
    names ("… (số 05/BC-CAX)")."""
    import re

    for row in rows:
        if not row.kind or row.document_date is not None:
            continue
        records = [r for r in case.documents if r.kind == row.kind]
        found = re.search(r"\(số ([^)]+)\)$", row.summary)
        if found and len(records) > 1:
            number = found.group(1)
            records = [r for r in records if r.number == number
                       or any((a.get("old") or {}).get("number") == number for a in r.amendments)]
        if len(records) != 1:
            continue
        first_old = next((a.get("old", {}).get("date") for a in records[0].amendments), None)
        day = first_old if row.command != "amend" and first_old else records[0].date
        row.document_date = day if isinstance(day, dt.date) else _iso_date(str(day) if day else None)


def time_zone(name: str) -> Any:
    """The zone `name` (IANA, e.g. Asia/Ho_Chi_Minh) — from the `tzdata` package where the
    system has no time zone database (Windows, minimal Linux)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise AnttError("services.history.bad_timezone", value=name, default=DEFAULT_TIMEZONE) from None


def _wanted_kinds(text: str | None, kinds: list[Any]) -> set[str] | None:
    """The spec names `--kind` names, resolved as `record` resolves a kind
    (domain/kind_names.py); dossier-wide, a CLI name both case types use (`proposal`) means
    both kinds."""
    if text is None:
        return None
    from antt_cli.domain.kind_names import resolve_kind_name

    exact = {k.name for k in kinds if text in (k.cli, k.name)}
    if exact:
        return exact
    found = resolve_kind_name(text, kinds)
    return {k.name for k in kinds if k.cli == found.cli}


def officer_matches(typed: str, name: str) -> bool:
    """`--officer`: the name holds what was typed, ignoring case and diacritics ("kiem"
    finds "Nguyễn Văn Kiểm")."""
    from antt_cli.domain.kind_names import fold

    return fold(typed, accents=False) in fold(name or "", accents=False)


def _row(e: dict[str, Any], zone: Any, reg: Any) -> HistoryRow:
    command, spec = _action_parts(e.get("action"), e.get("kind"), e.get("case"), reg)
    when = dt.datetime.fromisoformat(e["date"]).astimezone(zone)
    return HistoryRow(
        sha=e["sha"], time=when, officer=e.get("officer") or e.get("author") or "", author=e["author"],
        email=e["email"], case=e.get("case"), action=e.get("action"),
        action_text=_action_text(command, spec, e.get("action")), command=command, kind=spec.name if spec else None,
        kind_title=spec.title if spec else None,
        document_date=_iso_date(e.get("document_date")), summary=e["summary"], reason=e.get("reason"),
        old=e.get("old") or {}, late=e.get("late"), forced=e.get("forced"),
        renumbered_from=e.get("renumbered_from"), trailers=e.get("trailers") or {})


def _action_parts(action: str | None, kind: str | None, case: str | None, reg: Any) -> tuple[str, Any]:
    """(the command, the document kind's spec or None) of an Antt-Action such as
    `record survey-plan` or `rate --decide`; the kind from the Antt-Kind trailer when the
    commit has one, else from the action's last word."""
    from antt_cli.store.dossier import Dossier

    words = (action or "").split()
    case_kind = "model"
    try:
        case_kind = Dossier.case_kind_of(case) if case else "model"
    except AnttError:  # a commit made outside antt with an odd case trailer
        pass
    spec = reg.kinds.get(kind) if kind else None
    tail = reg.resolve(words[-1], case_kind) if len(words) > 1 else None
    if tail is not None:
        words = words[:-1]
    return " ".join(words), spec or tail


def _action_text(command: str, spec: Any, action: str | None) -> str:
    """The action in words (services.history.action.*), the kind by its title; an action
    antt has no words for (a newer antt's, a commit made by hand) as it was written."""
    key = "services.history.action." + "_".join(w.strip("-").replace("-", "_") for w in command.split())
    if not has_key(key):
        return action or ""
    verb = t(key)
    return f"{verb}: {kind_label(spec)}" if spec is not None else verb


def _iso_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
