"""Where a use case runs, for every client (the CLI, a script): the dossier's root, a journal
left by a killed command completed or rolled back before anything is read, where a reading
command reads, and the commits this process made (docs/reliability.md)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from antt_cli.services.common import Context, _ignore, reading_source


def dossier_root(dossier: str | os.PathLike | None = None) -> Path:
    """`dossier`, else `$ANTT_DOSSIER`, else the nearest folder at or above the current one
    holding `antt.yaml` (docs/commands.md, Global); refused when there is none."""
    from antt_cli.store.dossier import find_root

    return find_root(dossier)


def open_dossier(dossier: str | os.PathLike | None = None, *, reading: bool = False,
                 notice: Callable[[str], None] = _ignore) -> Context:
    """The context of a use case on the dossier `dossier` (as `dossier_root` finds it). A
    journal left by a killed command is completed or rolled back first when the lock is free
    (one stat otherwise). `reading` (status, history, draft): while a live writer holds the
    lock the files are read from HEAD, not from the working tree (`reading_source`)."""
    from antt_cli.audit.journal import recover_if_pending

    root = dossier_root(dossier)
    recover_if_pending(root, notice)
    source = reading_source(root, notice) if reading else None
    return Context(root=root, notice=notice, source=source)


def git_dir(dossier: str | os.PathLike | None = None) -> Path | None:
    """The dossier's git folder (`.git/antt/` holds its lock, journal and error log), found
    without running git; None outside a dossier."""
    from antt_cli.audit.journal import fast_git_dir

    return fast_git_dir(dossier_root(dossier))


def commits_made() -> list[tuple[str, str]]:
    """The commits this process made, newest last, as (sha, summary): the live list, so a
    client can tell "nothing was changed" from "committed, then failed" (docs/commands.md
    exit status)."""
    from antt_cli.audit import COMMITS

    return COMMITS


def pause_point(point: str) -> None:
    """The test hook that makes antt wait at a named moment (audit/faults.py)."""
    from antt_cli.audit.faults import pause_point as pause

    pause(point)


def commit_log(root: Path) -> list[str]:
    """The dossier's commits, newest first, one line each: short hash and summary."""
    from antt_cli.audit.git import oneline_log

    return oneline_log(root)
