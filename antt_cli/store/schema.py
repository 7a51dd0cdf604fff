"""Checks of a case file's shape (docs/case-schema.md) on the way in, so that a hand edit
that breaks it is reported with file, line and what to fix — not met later as a crash.
Closed sets (status, level, …) are errors when unknown, never free text."""
from __future__ import annotations

from typing import Any

from antt_cli.domain.dates import as_date
from antt_cli.domain.vocab import LEVELS, MEMBERSHIP, STATUSES, UNIT_KINDS
from antt_cli.errors import AnttError
from antt_cli.store.yamlio import line_of

CHOICES = {"status": STATUSES, "level": LEVELS, "unit_kind": UNIT_KINDS, "membership": MEMBERSHIP}
DATE_KEYS = ("date", "approved_date")


def _fail(rel: str, node: Any, key: Any, detail: str) -> None:
    raise AnttError("store.case_bad_field", file=rel, line=line_of(node, key) or "?", key=key, detail=detail)


def check_case(case: Any, rel: str) -> None:
    """Raise `store.case_bad_field` (file:line) at the first field that breaks the schema."""
    if case.get("kind") not in ("model", "exemplar"):
        _fail(rel, case, "kind", "model | exemplar")
    for key, allowed in CHOICES.items():
        if case.get("kind") == "model" and case.get(key) not in allowed and not (key != "status" and case.get(key) is None):
            _fail(rel, case, key, " | ".join(allowed))
    if not isinstance(case.get("name"), str) or not case["name"].strip():
        _fail(rel, case, "name", "text")
    if not isinstance(case.get("linked", False), bool):
        _fail(rel, case, "linked", "true | false")
    for key in ("members", "lead_units", "documents"):
        if case.get(key) is not None and not isinstance(case.get(key), list):
            _fail(rel, case, key, "list")
    if case.get("plans") is not None and not isinstance(case.get("plans"), dict):
        _fail(rel, case, "plans", "year: plan")
    try:
        as_date(case.get("opened"))
    except (ValueError, TypeError):
        _fail(rel, case, "opened", "YYYY-MM-DD")
    from antt_cli.store.kinds import load_registry

    kinds = load_registry().kinds
    for doc in case.get("documents") or []:
        if not isinstance(doc, dict) or doc.get("kind") not in kinds:
            _fail(rel, doc if isinstance(doc, dict) else case, "kind", ", ".join(kinds))
        for key in DATE_KEYS:
            try:
                as_date(doc.get(key))
            except (ValueError, TypeError):
                _fail(rel, doc, key, "YYYY-MM-DD")
        if doc.get("date") is None:
            _fail(rel, doc, "date", "YYYY-MM-DD")
    for year, plan in (case.get("plans") or {}).items():
        if not str(year).isdigit() or not isinstance(plan, dict) or not isinstance(plan.get("targets") or [], list):
            _fail(rel, case["plans"], year, "YEAR: {date, targets: [...]}")
        for target in plan.get("targets") or []:
            if not isinstance(target, dict) or target.get("op") not in (">=", "<=", "yes-no"):
                _fail(rel, plan, "targets", "op: '>=' | '<=' | yes-no")
