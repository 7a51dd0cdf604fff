"""A case's digest: the few facts whole-dossier work needs (the status table, what is due,
the number registers), derived from `case.yaml` alone. Small, so that the read cache of a
10,000-case dossier loads in a blink (docs/interpretations.md); recomputed whenever a case file changes."""
from __future__ import annotations

from typing import Any

from antt_cli.domain.kindspec import Registry
from antt_cli.domain.lifecycle import current_step
from antt_cli.domain.model import Case
from antt_cli.domain.text import name_key


def latest_grade(case: Case) -> str | None:
    """The latest decided grade (§III.2.c: the authority's decision, not the proposal)."""
    ratings = case.extra.get("ratings") or {}
    for year in sorted(ratings, key=lambda y: int(y), reverse=True):
        decision = (ratings[year] or {}).get("decision") or {}
        if decision.get("grade"):
            return str(decision["grade"])
    return None


def launch_date(case: Case, reg: Registry):
    """The date the model became active: the first record of a kind whose effect activates it."""
    for d in case.documents:
        k = reg.get(d.kind)
        if k is not None and "activate" in k.effects:
            return d.date
    return None


def case_digest(case: Case, reg: Registry) -> dict[str, Any]:
    numbers = [(name_key(str(d.issuer or "")), d.date.year, str(d.number))
               for d in case.documents if d.number and d.date]
    reports = sorted({(int(d.year), str(d.fields.get("period")))
                      for d in case.documents if d.year is not None and reg.get(d.kind) is not None
                      and reg[d.kind].year == "report"})
    from antt_cli.domain.exemplars import EXEMPLAR, digest_part

    return {
        **(digest_part(case, reg) if case.kind == EXEMPLAR else {}),
        "id": case.id,
        "kind": case.kind,
        "name": case.name,
        "status": case.status,
        "linked": case.linked,
        "area": case.area,
        "opened": case.opened,
        "step": current_step(case, reg),
        "grade": latest_grade(case),
        "launched": launch_date(case, reg),
        "plan_years": sorted(case.plans),
        "reports": reports,
        "numbers": numbers,
    }
