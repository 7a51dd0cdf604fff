"""`antt status`: the table of cases and one case's full picture, from case files alone."""
from __future__ import annotations

import datetime as dt
from typing import Any

from antt_cli.domain.dates import as_date
from antt_cli.domain.deadlines import next_due
from antt_cli.domain.digest import case_digest
from antt_cli.domain.kinds import KINDS, MODEL_KINDS, applies
from antt_cli.domain.lifecycle import missing_prerequisites, records_of
from antt_cli.domain.plans import completion, target_met
from antt_cli.domain.rules import Rules


def status_row(digest: Any, today: dt.date, rules: Rules) -> dict[str, Any]:
    """One row of `antt status` from a case digest (domain/digest.py)."""
    due = next_due(digest, today, rules)
    return {
        "id": digest["id"],
        "kind": digest["kind"],
        "name": digest["name"],
        "status": digest["status"],
        "step": digest["step"],
        "linked": digest["linked"],
        "area": digest["area"],
        "grade": digest["grade"],
        "next_due": due[0].isoformat() if due else None,
        "next_due_what": due[1] if due else None,
        "overdue": bool(due and due[0] < today),
    }


def next_kinds(case: Any) -> list[str]:
    """Kinds that may be recorded now: prerequisites met, applicable, not yet recorded
    (or repeatable)."""
    linked = bool(case.get("linked"))
    result = []
    for k in MODEL_KINDS:
        if not applies(k, linked) or k.name == "annual-plan" and case.get("plans"):
            continue
        if records_of(case, k.name) and not k.repeatable:
            continue
        if k.step == 6 and case.get("status") != "active":
            continue
        if not missing_prerequisites(case, k):
            result.append(k.name)
    return result


def case_detail(case: Any, today: dt.date, rules: Rules) -> dict[str, Any]:
    detail = status_row(case_digest(case), today, rules)
    detail.update({
        "working_title": case.get("working_title"),
        "field": case.get("field"),
        "level": case.get("level"),
        "unit_kind": case.get("unit_kind"),
        "members": list(case.get("members") or []),
        "membership": case.get("membership"),
        "proposer": case.get("proposer"),
        "authority": case.get("authority"),
        "lead_unit": case.get("lead_unit"),
        "lead_units": list(case.get("lead_units") or []),
        "opened": as_date(case.get("opened")).isoformat() if case.get("opened") else None,
        "documents": [
            {
                "kind": d.get("kind"),
                "title": KINDS[d["kind"]].title if d.get("kind") in KINDS else d.get("kind"),
                "number": d.get("number"),
                "date": as_date(d.get("date")).isoformat() if d.get("date") else None,
                "issuer": d.get("issuer"),
                "signer": (d.get("signer") or {}).get("name"),
                "file": d.get("file"),
                "amended": len(d.get("amendments") or []),
            }
            for d in case.get("documents") or []
        ],
        "plans": [
            {
                "year": int(year),
                "date": as_date(plan.get("date")).isoformat() if plan.get("date") else None,
                "completion": completion(plan.get("targets") or [], rules.completion),
                "targets": [
                    {"text": t.get("text"), "op": t.get("op"), "planned": t.get("planned"),
                     "achieved": t.get("achieved"), "done": t.get("done"), "met": target_met(t)}
                    for t in plan.get("targets") or []
                ],
            }
            for year, plan in sorted((case.get("plans") or {}).items(), key=lambda kv: int(kv[0]))
        ],
        "next_kinds": next_kinds(case),
    })
    return detail
