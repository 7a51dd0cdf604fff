"""`antt status`: the table of cases and one case's full picture, from case files alone."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from antt_cli.domain.deadlines import Due, next_due

if TYPE_CHECKING:  # the table needs only the deadlines: one case's picture imports the rest when asked
    from antt_cli.domain.interpretations import Rules
    from antt_cli.domain.kindspec import Registry
    from antt_cli.domain.model import Case


def due_fields(due: Due | None, today: dt.date, case_kind: str, reg: Registry,
               kinds: dict | None = None) -> dict[str, Any]:
    """What is due, as data: the kind's name (from the registry), the evaluation year, the
    report's period; `next_due_what` joins them (docs/commands.md `antt status`). `kinds`
    remembers the registry's answers over the rows of one table."""
    kind = None
    if due is not None:
        asked = (case_kind, due.role, due.owed)
        if kinds is None or asked not in kinds:
            k = reg.rating_kind(due.role) if due.role else reg.dated_kind(case_kind, due.owed)
            kind = k.name if k else due.owed
            if kinds is not None:
                kinds[asked] = kind
        else:
            kind = kinds[asked]
    return {
        "next_due": due.day.isoformat() if due else None,
        "next_due_kind": kind,
        "next_due_year": due.year if due else None,
        "next_due_period": due.period if due else None,
        "next_due_what": " ".join(str(x) for x in (kind, due.period, due.year) if x) if due else None,
        "overdue": bool(due and due.day < today),
    }


def status_row(digest: Any, today: dt.date, rules: Rules, reg: Registry, kinds: dict | None = None,
               dates: dict | None = None) -> dict[str, Any]:
    """One row of `antt status` from a case digest (domain/digest.py); `kinds` as for
    `due_fields`, `dates` as for domain/deadlines.py `obligations`."""
    due = next_due(digest, today, rules, dates)
    return {
        "id": digest["id"],
        "kind": digest["kind"],
        "exemplar_kind": digest.get("exemplar_kind"),
        "name": digest["name"],
        "status": digest["status"],
        "step": digest["step"],
        "linked": digest["linked"],
        "area": digest["area"],
        "grade": digest["grade"],
        "proposed_grade": digest.get("proposed_grade"),
        "rating_year": digest.get("rating_year"),
        "late_steps": list(digest.get("late_steps") or []),
        **due_fields(due, today, digest["kind"], reg, kinds),
    }


def broken_row(case_id: str, kind: str, error: str) -> dict[str, Any]:
    """The row of a case whose file cannot be read: its ID, what is wrong (file:line), no
    judgement (docs/reliability.md, "One bad case is one finding")."""
    return {"id": case_id, "kind": kind, "name": None, "status": "broken", "step": None, "linked": None,
            "area": None, "grade": None, **due_fields(None, dt.date.min, kind, None), "error": error}


def next_kinds(case: Case, reg: Registry) -> list[str]:
    """Kinds that may be recorded now: applicable, prerequisites met, not yet recorded (or
    repeatable). A kind recorded through its own command (the annual plan) is listed until
    its first record; later ones are in `next_due`."""
    from antt_cli.domain import lifecycle as life
    from antt_cli.errors import AnttError

    result = []
    for k in reg.of_case(case.kind):
        if k.command != "record" and case.records_of(k.name):
            continue
        try:
            life.check_recordable(case, k, reg, command=k.command)
        except AnttError:
            continue
        result.append(k.cli)
    return result


def case_detail(case: Case, today: dt.date, rules: Rules, reg: Registry) -> dict[str, Any]:
    from antt_cli.domain.digest import case_digest
    from antt_cli.domain.plans import completion_of
    from antt_cli.domain.rating import rating_history

    detail = status_row(case_digest(case, reg), today, rules, reg)
    detail.update({
        "working_title": case.working_title,
        "field": case.field,
        "level": case.level,
        "unit_kind": case.unit_kind,
        "members": list(case.members),
        "membership": case.membership,
        "proposer": case.proposer,
        "authority": case.authority,
        "lead_unit": case.lead_unit,
        "lead_units": list(case.lead_units),
        "opened": case.opened.isoformat() if case.opened else None,
        "documents": [
            {
                "kind": d.kind,
                "title": reg[d.kind].title if d.kind in reg else d.kind,
                "number": d.number,
                "date": d.date.isoformat() if d.date else None,
                "issuer": d.issuer,
                "signer": d.signer.name if d.signer else None,
                "file": d.file,
                "amended": len(d.amendments),
            }
            for d in case.documents
        ],
        "plans": [
            {
                "year": year,
                "date": plan.date.isoformat() if plan.date else None,
                "completion": completion_of(plan.targets, rules.completion),
                "targets": [
                    {"text": t.text, "op": t.op, "planned": t.planned, "achieved": t.achieved,
                     "done": t.done, "met": t.met()}
                    for t in plan.targets
                ],
            }
            for year, plan in sorted(case.plans.items())
        ],
        "next_kinds": next_kinds(case, reg),
        "ratings": [{"year": r.year, "proposed": r.proposed, "decided": r.decided, "submitted": r.submitted,
                     "late": list(r.late), "redone": r.redone} for r in rating_history(case, reg)],
    })
    if case.kind == "exemplar":
        detail.update(_exemplar_detail(case, today, rules, reg))
    return detail


def _exemplar_detail(case: Case, today: dt.date, rules: Rules, reg: Registry) -> dict[str, Any]:
    """An exemplar's criteria with their state (as the last evaluation or reassessment judged
    them; None before any), its one-year clock and its dossier items (§IV, §V.2)."""
    from antt_cli.domain import exemplars as ex

    judged = ex.latest_outcome(case)
    results = (judged.extra.get("criteria") or {}) if judged else {}
    clock = ex.clock_of(case, reg, rules.exemplar_evaluation_months)
    return {
        "scope": case.extra.get("scope"),
        "criteria": [{"key": key, "text": ex.criterion_text(case, key), "general": key in ex.GENERAL_KEYS,
                      "met": results.get(key) if judged else None} for key in ex.criteria_keys(case)],
        "outcome": judged.extra.get("outcome") if judged else None,
        "clock": {"start": clock[0].isoformat(), "last_day": clock[1].isoformat(),
                  "days_left": (clock[1] - today).days if case.status == "building" else None}
        if clock else None,
        "items": [{"no": i.no, "title": i.title, "state": i.state}
                  for i in ex.exemplar_items(case, reg, today, rules.exemplar_evaluation_months)],
    }
