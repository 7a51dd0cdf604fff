"""The audit trail read back: `antt history [ID]` and `antt verify` (docs/commands.md).

Everything comes from one `git log` whose format prints each commit's trailers
(`%(trailers:only,unfold)`), so a dossier with thousands of commits is read in one process;
one case's history is a path-limited log of its folder, which costs what that case's commits
cost, not what the dossier's do.
"""
from __future__ import annotations

from pathlib import Path

from antt_cli.audit import git as gitq

CASE = "Antt-Case"
ACTION = "Antt-Action"
OFFICER = "Antt-Officer"
LATE = "Antt-Late"
FORCED = "Antt-Forced"
RENUMBERED_FROM = "Antt-Renumbered-From"
REASON = "Antt-Reason"
KIND = "Antt-Kind"                      # the document's kind (services/common.py `describe`)
DOCUMENT_DATE = "Antt-Document-Date"    # the document's own date, ISO
# An amendment's old values, one trailer per value that changed (services/amend.py).
OLD = {"number": "Antt-Old-Number", "date": "Antt-Old-Date", "issuer": "Antt-Old-Issuer",
       "signer": "Antt-Old-Signer", "targets": "Antt-Old-Targets"}


def trailer(record: dict, key: str) -> str | None:
    """The last value of trailer `key` (case-insensitive) in a record, or None."""
    for name, values in record["trailers"].items():
        if name.lower() == key.lower() and values:
            return values[-1]
    return None


def trailer_values(record: dict, key: str) -> list[str]:
    return [v for name, values in record["trailers"].items() if name.lower() == key.lower() for v in values]


def _entry(raw: dict) -> dict:
    """A log record in the shape `history` and `verify` use.

    `late` and `forced` are the trailer's text (the deadline missed, the reason) or None,
    so they read as booleans too.
    """
    last = {name.lower(): values[-1] for name, values in raw["trailers"].items() if values}

    def get(key: str) -> str | None:
        return last.get(key.lower())

    return {
        "sha": raw["sha"],
        "date": raw["date"],
        "author": raw["author"],
        "email": raw["email"],
        "officer": get(OFFICER),
        "action": get(ACTION),
        "case": get(CASE),
        "summary": raw["summary"],
        "trailers": raw["trailers"],
        "late": get(LATE),
        "forced": get(FORCED),
        "renumbered_from": get(RENUMBERED_FROM),
        "kind": get(KIND),
        "document_date": get(DOCUMENT_DATE),
        "reason": get(REASON),
        "old": {key: value for key, name in OLD.items() if (value := get(name)) is not None},
    }


def all_history(root: Path) -> list[dict]:
    """Every commit reachable from HEAD, oldest first (commits made outside antt too:
    their `action` and `case` are None)."""
    return [_entry(raw) for raw in reversed(gitq.log_records(Path(root)))]


def start_case_log(root: Path, folder: str) -> gitq.PendingLog:
    """The path-limited log of a case's `folder`, begun: git reads while the caller reads
    the rest (`case_history(..., started=)`)."""
    return gitq.start_log(Path(root), paths=[folder])


def case_history(root: Path, case_id: str, folder: str, started: gitq.PendingLog | None = None) -> list[dict]:
    """The commits of one case, oldest first: those that touch its `folder` (a path-limited
    log, `started` already or begun now) and carry Antt-Case `case_id`, and — when the case
    was renumbered on sync (docs/case-schema.md) — those of its earlier IDs, found through
    the Antt-Renumbered-From trailer of the renumbering commit and read from their own
    folders. A commit that renumbered `case_id` away is part of the old ID's history too."""
    root = Path(root)
    parent = folder.rsplit("/", 1)[0] + "/" if "/" in folder else ""
    records = (started or start_case_log(root, folder)).records()
    ids = _follow_renumbering(records, case_id)
    done = {case_id}
    while ids - done:  # renumbered: the old IDs' commits are in the old IDs' folders
        done |= ids
        records = gitq.log_records(root, paths=[folder, *(parent + old for old in sorted(ids - {case_id}))])
        ids = _follow_renumbering(records, case_id)
    selected = [
        raw for raw in records
        if ids & set(trailer_values(raw, CASE)) or case_id in trailer_values(raw, RENUMBERED_FROM)
    ]
    return [_entry(raw) for raw in reversed(selected)]


def _follow_renumbering(records: list[dict], case_id: str) -> set[str]:
    """case_id and every ID it was renumbered from, reading newest to oldest."""
    ids = {case_id}
    for raw in records:  # newest first: the renumbering commit comes before the old ones
        if trailer(raw, CASE) in ids:
            ids.update(trailer_values(raw, RENUMBERED_FROM))
    return ids
