"""Checks of a case file's shape (docs/case-schema.md) on the way in, so that a hand edit
that breaks it is reported with file, line and what to fix — not met later as a crash.
Closed sets (status, level, …) are errors when unknown, never free text."""
from __future__ import annotations

from typing import Any

from antt_cli.domain.dates import as_date
from antt_cli.domain.vocab import (EXEMPLAR_KINDS, EXEMPLAR_SCOPES, EXEMPLAR_STATUSES, LEVELS, MEMBERSHIP,
                                   STATUSES, UNIT_KINDS)
from antt_cli.errors import AnttError
from antt_cli.store.yamlio import line_of

# The versions of the case and dossier file formats this antt reads (docs/case-schema.md): a
# file of another version (written by a newer antt, or edited by hand) is refused, never
# half-understood.
SCHEMAS = (1,)

CHOICES = {"status": STATUSES, "level": LEVELS, "unit_kind": UNIT_KINDS, "membership": MEMBERSHIP}
EXEMPLAR_CHOICES = {"status": EXEMPLAR_STATUSES, "exemplar_kind": EXEMPLAR_KINDS, "scope": EXEMPLAR_SCOPES}
DATE_KEYS = ("date", "approved_date")


def _fail(rel: str, node: Any, key: Any, detail: str) -> None:
    raise AnttError("store.case_bad_field", file=rel, line=line_of(node, key) or "?", key=key, detail=detail)


# -- the type of every value (`signer: "text"`, `number: 2`, `members: [1, 2]` are
# reported with file:line, not met later as an internal error) --------------------------------
def _is_text(v: Any) -> bool:
    return isinstance(v, str)


def _is_opt_text(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_opt_number(v: Any) -> bool:
    return v is None or _is_number(v)


def _is_opt_int(v: Any) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool))


def _is_scalar(v: Any) -> bool:
    import datetime as dt

    return v is None or isinstance(v, (str, int, float, bool, dt.date))


def _is_text_list(v: Any) -> bool:
    return v is None or (isinstance(v, list) and all(isinstance(x, str) for x in v))


def _is_map_list(v: Any) -> bool:
    return v is None or (isinstance(v, list) and all(isinstance(x, dict) for x in v))


def _is_opt_map(v: Any) -> bool:
    return v is None or isinstance(v, dict)


TEXT, OPT_TEXT, OPT_NUMBER, OPT_INT = "text", "text or empty", "a number or empty", "a whole number or empty"
TEXT_LIST, MAP_LIST, MAPPING = "a list of texts", "a list of { key: value } items", "a mapping { key: value }"
CASE_TYPES = {
    "id": (_is_text, TEXT), "working_title": (_is_opt_text, OPT_TEXT), "area": (_is_opt_text, OPT_TEXT),
    "field": (_is_opt_text, OPT_TEXT), "proposer": (_is_opt_text, OPT_TEXT),
    "lead_unit": (_is_opt_text, OPT_TEXT), "authority": (_is_opt_text, OPT_TEXT),
    "replicated_from": (_is_opt_text, OPT_TEXT), "members": (_is_text_list, TEXT_LIST),
    "lead_units": (_is_text_list, TEXT_LIST), "replicated_to": (_is_text_list, TEXT_LIST),
    "documents": (_is_map_list, MAP_LIST), "ratings": (_is_opt_map, MAPPING),
}
DOC_TYPES = {
    "number": (_is_opt_text, OPT_TEXT), "issuer": (_is_opt_text, OPT_TEXT),
    "approved_by": (_is_opt_text, OPT_TEXT), "secrecy": (_is_opt_text, OPT_TEXT),
    "year": (_is_opt_int, OPT_INT), "file": (_is_opt_text, OPT_TEXT), "sha256": (_is_opt_text, OPT_TEXT),
    "signer": (_is_opt_map, "{ prefix, title, name }"), "fields": (_is_opt_map, MAPPING),
    "members": (_is_map_list, "a list of { name, role, unit, phone }"),
    "attachments": (_is_text_list, TEXT_LIST), "amendments": (_is_map_list, MAP_LIST),
}
SIGNER_TYPES = {"prefix": (_is_opt_text, OPT_TEXT), "title": (_is_opt_text, OPT_TEXT),
                "name": (_is_opt_text, OPT_TEXT)}
TARGET_TYPES = {"text": (_is_text, TEXT), "planned": (_is_opt_number, OPT_NUMBER),
                "achieved": (_is_opt_number, OPT_NUMBER)}


def _found(value: Any) -> str:
    import datetime as dt

    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value[:30]!r})"
    if isinstance(value, dt.date):
        return f"a date ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _types(rel: str, node: Any, table: dict, prefix: str = "") -> None:
    for key, (ok, expected) in table.items():
        if key in node and not ok(node[key]):
            raise AnttError("store.bad_type", file=rel, line=line_of(node, key) or "?", key=prefix + key,
                            expected=expected, found=_found(node[key]))


def check_types(case: Any, rel: str) -> None:
    """Every value of a case file has the type docs/case-schema.md gives it."""
    _types(rel, case, CASE_TYPES)
    for doc in case.get("documents") or []:
        _types(rel, doc, DOC_TYPES, "documents[].")
        if isinstance(doc.get("signer"), dict):
            _types(rel, doc["signer"], SIGNER_TYPES, "signer.")
        fields = doc.get("fields") or {}
        for key, value in fields.items():
            if not _is_scalar(value):
                raise AnttError("store.bad_type", file=rel, line=line_of(fields, key) or "?",
                                key=f"fields.{key}", expected=OPT_TEXT, found=_found(value))
        for row in doc.get("members") or []:
            for key, value in row.items():
                if not _is_scalar(value) or isinstance(value, bool):
                    raise AnttError("store.bad_type", file=rel, line=line_of(row, key) or line_of(doc, "members") or "?",
                                    key=f"members[].{key}", expected=OPT_TEXT, found=_found(value))


def check_schema(data: Any, rel: str) -> None:
    """`schema:` absent or one of SCHEMAS, else `store.unknown_schema` with file:line."""
    value = data.get("schema", SCHEMAS[0])
    if isinstance(value, bool) or value not in SCHEMAS:
        raise AnttError("store.unknown_schema", file=rel, line=line_of(data, "schema") or "?",
                        value=str(value)[:20], known=", ".join(map(str, SCHEMAS)))


def check_case(case: Any, rel: str) -> None:
    """Raise `store.case_bad_field` (file:line) at the first field that breaks the schema."""
    check_schema(case, rel)
    if case.get("kind") not in ("model", "exemplar"):
        _fail(rel, case, "kind", "model | exemplar")
    for key, allowed in CHOICES.items():
        if case.get("kind") == "model" and case.get(key) not in allowed and not (key != "status" and case.get(key) is None):
            _fail(rel, case, key, " | ".join(allowed))
    for key, allowed in EXEMPLAR_CHOICES.items():
        if case.get("kind") == "exemplar" and case.get(key) not in allowed:
            _fail(rel, case, key, " | ".join(allowed))
    criteria = case.get("criteria")
    if criteria is not None and (not isinstance(criteria, list)
                                 or not all(isinstance(c, dict) and c.get("key") and c.get("text") for c in criteria)):
        _fail(rel, case, "criteria", "[{key, text, grade}]")
    if not isinstance(case.get("name"), str) or not case["name"].strip():
        _fail(rel, case, "name", "text")
    if not isinstance(case.get("linked", False), bool):
        _fail(rel, case, "linked", "true | false")
    for key in ("members", "lead_units", "documents"):
        if case.get(key) is not None and not isinstance(case.get(key), list):
            _fail(rel, case, key, "list")
    check_types(case, rel)
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
            _types(rel, target, TARGET_TYPES, "targets[].")
            if target["op"] != "yes-no" and not _is_number(target.get("planned")):
                raise AnttError("store.bad_type", file=rel, line=line_of(target, "planned") or line_of(plan, "targets")
                                or "?", key="targets[].planned", expected="a number",
                                found=_found(target.get("planned")))
            if "done" in target and not isinstance(target["done"], bool):
                raise AnttError("store.bad_type", file=rel, line=line_of(target, "done") or "?",
                                key="targets[].done", expected="true | false", found=_found(target["done"]))


PROFILE_TYPES = {
    "unit": (_is_text, TEXT), "province": (_is_text, TEXT), "unit_kind": (_is_opt_text, OPT_TEXT),
    "place": (_is_opt_text, OPT_TEXT), "parent_body": (_is_opt_text, OPT_TEXT),
    "officer": (_is_opt_text, OPT_TEXT), "officer_email": (_is_opt_text, OPT_TEXT),
    "id_prefix": (_is_opt_text, OPT_TEXT), "guideline_issuer": (_is_opt_text, OPT_TEXT),
    "legal_bases": (_is_text_list, TEXT_LIST), "bodies": (_is_opt_map, MAPPING),
    "successors": (_is_opt_map, MAPPING), "rules": (_is_opt_map, MAPPING),
    "timezone": (_is_opt_text, OPT_TEXT),
}
BODY_TYPES = {"code": (_is_opt_text, OPT_TEXT), "parent": (_is_opt_text, OPT_TEXT),
              "head": (_is_opt_map, "{ title, name }"), "deputy": (_is_opt_map, "{ title, name }"),
              "own": (lambda v: v is None or isinstance(v, bool), "true | false"),
              "party": (lambda v: v is None or isinstance(v, bool), "true | false")}
PERSON_TYPES = {"title": (_is_opt_text, OPT_TEXT), "name": (_is_opt_text, OPT_TEXT)}


def check_profile(profile: Any, rel: str) -> None:
    """Every value of antt.yaml has the type docs/case-schema.md gives it (file:line)."""
    check_schema(profile, rel)
    _types(rel, profile, PROFILE_TYPES)
    bodies = profile.get("bodies") or {}
    for name, body in bodies.items():
        if not isinstance(body, dict):
            raise AnttError("store.bad_type", file=rel, line=line_of(bodies, name) or "?", key=f"bodies.{name}",
                            expected="{ code, head, deputy, own }", found=_found(body))
        _types(rel, body, BODY_TYPES, f"bodies.{name}.")
        for role in ("head", "deputy"):
            if isinstance(body.get(role), dict):
                _types(rel, body[role], PERSON_TYPES, f"bodies.{name}.{role}.")
    successors = profile.get("successors") or {}
    for old, new in successors.items():
        if not isinstance(new, str):
            raise AnttError("store.bad_type", file=rel, line=line_of(successors, old) or "?",
                            key=f"successors.{old}", expected=TEXT, found=_found(new))
