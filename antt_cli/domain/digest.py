"""A case's digest: the few facts whole-dossier work needs (the status table, what is due,
the number registers), derived from `case.yaml` alone. Small, so that the read cache of a
10,000-case dossier loads in a blink (SPEC §13); recomputed whenever a case file changes."""
from __future__ import annotations

from typing import Any, Mapping

from antt_cli.domain.dates import as_date
from antt_cli.domain.lifecycle import current_step, latest, records_of
from antt_cli.domain.text import name_key


def latest_grade(case: Mapping[str, Any]) -> str | None:
    """The latest decided grade (§III.2.c: the authority's decision, not the proposal)."""
    ratings = case.get("ratings") or {}
    for year in sorted(ratings, key=lambda y: int(y), reverse=True):
        decision = (ratings[year] or {}).get("decision") or {}
        if decision.get("grade"):
            return str(decision["grade"])
    return None


def case_digest(case: Mapping[str, Any]) -> dict[str, Any]:
    launched = as_date((latest(case, "launch") or {}).get("date"))
    numbers = []
    for doc in case.get("documents") or []:
        day = as_date(doc.get("date"))
        if doc.get("number") and day:
            numbers.append((name_key(str(doc.get("issuer") or "")), day.year, str(doc["number"])))
    return {
        "id": case.get("id"),
        "kind": case.get("kind"),
        "name": case.get("name"),
        "status": case.get("status"),
        "linked": bool(case.get("linked")),
        "area": case.get("area"),
        "step": current_step(case),
        "grade": latest_grade(case),
        "launched": launched,
        "plan_years": sorted(int(y) for y in (case.get("plans") or {})),
        "reports": sorted({(int(d["year"]), str((d.get("fields") or {}).get("period")))
                           for d in records_of(case, "periodic-report") if d.get("year") is not None}),
        "numbers": numbers,
    }
