"""`antt status` and `antt history` as use cases: what the CLI prints, and what a script
calls (README, "Python API")."""
from __future__ import annotations

import datetime as dt
from typing import Any

from antt_cli.services.common import Context, say_if_sparse


def dossier_status(ctx: Context, day: dt.date | None = None) -> list[dict[str, Any]]:
    """One row per case (docs/commands.md `antt status`), judged as of `day` (default today).
    A case whose file is broken is one row with status "broken" and its `error` (file:line);
    the others are judged as usual."""
    from antt_cli.errors import AnttError
    from antt_cli.reports.status import broken_row, status_row
    from antt_cli.store.kinds import load_registry

    say_if_sparse(ctx)
    dossier = ctx.dossier()
    today, reg = day or ctx.today, load_registry()
    rows, kinds, dates = [], {}, {}  # the kind owed, asked of the registry once per duty; each duty's dates
    for case_id, found in dossier.iter_digests_or_errors(brief=True):
        if isinstance(found, AnttError):
            rows.append(broken_row(case_id, dossier.case_kind_of(case_id), found.message()))
        else:
            rows.append(status_row(found, today, dossier.rules, reg, kinds, dates))
    return rows


def case_status(ctx: Context, case_id: str, day: dt.date | None = None) -> dict[str, Any]:
    """One case's full picture: documents, plans and targets, what may be recorded next."""
    from antt_cli.reports.status import case_detail
    from antt_cli.store.kinds import load_registry

    from antt_cli.domain.checklist import checklist
    from antt_cli.services.checklist import checklist_json

    dossier = ctx.dossier()
    case, reg, today = dossier.case(case_id), load_registry(), day or ctx.today
    detail = case_detail(case, today, dossier.rules, reg)
    detail["checklist"] = checklist_json(checklist(case, reg, today, dossier.bodies()))
    return detail


def case_history(ctx: Context, case_id: str) -> list[dict[str, Any]]:
    """The case's commits, oldest first, as `antt history ID --json` prints them
    (services/history.py)."""
    from antt_cli.services.history import history

    return [row.to_json() for row in history(ctx, case_id).rows]
