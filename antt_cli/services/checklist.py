"""`antt next ID` (and `antt record ID` without a kind, and the end of `antt status ID`): the
case's checklist (domain/checklist.py) from its file, the kind registry, antt.yaml's bodies
and today."""
from __future__ import annotations

import datetime as dt
from typing import Any

from antt_cli.domain.checklist import Checklist
from antt_cli.services.common import Context


def case_checklist(ctx: Context, case_id: str, day: dt.date | None = None) -> Checklist:
    from antt_cli.domain.checklist import checklist
    from antt_cli.store.kinds import load_registry

    dossier = ctx.dossier()
    return checklist(dossier.case(case_id), load_registry(), day or ctx.today, dossier.bodies())


def checklist_json(found: Checklist) -> dict[str, Any]:
    """`antt next --json` (docs/commands.md): slugs and ISO dates."""
    def step(s: Any) -> dict[str, Any]:
        return {"kind": s.kind, "title": s.title, "command": s.command, "issuer_role": s.issuer_role,
                "issuer": s.issuer, "options": list(s.options), "example": s.example, "missing": list(s.missing),
                "missing_titles": list(s.missing_titles)}

    return {
        "id": found.case_id,
        "closed": found.closed,
        "recorded": [{"kind": d.kind, "title": d.title, "number": d.number,
                      "date": d.date.isoformat() if d.date else None} for d in found.recorded],
        "next": [step(s) for s in found.next],
        "blocked": [{"kind": s.kind, "title": s.title, "missing": list(s.missing),
                     "missing_titles": list(s.missing_titles)} for s in found.blocked],
    }
