"""The model build lifecycle — HD 163 §III.1 — as pure functions over a case's data.

`check_record` decides whether a document of a kind may be recorded now (raising the
refusal with its reason), `record_effects` what recording it changes in the case. Nothing
here reads files, the clock or git: `today` is a parameter."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping, Sequence

from antt_cli.domain.dates import as_date, evaluation_year_of
from antt_cli.domain.kinds import (
    BUILD_KINDS, KINDS, REPORT_PERIODS, STEP4_DECISIONS, DocumentKind, applies, prerequisites)
from antt_cli.domain.text import name_key, same_name
from antt_cli.errors import AnttError, AnttUsageError

STATUSES = ("building", "active", "closing", "closed")
MEMBERSHIP = ("limited", "open")
UNIT_KINDS = ("residential", "agency", "enterprise", "school")
LEVELS = ("xa", "tinh", "huyen")
SECRECY = {"mat": "MẬT", "toi-mat": "TỐI MẬT"}
SIGN_AS = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
# §III.1.d: the head of the steering committee signs its regulations (TM. BAN CHỈ ĐẠO / TRƯỞNG BAN).
STEERING_HEAD_ROLE = "Trưởng ban"
# Kinds whose member list is the substance of the document (§III.1.d (2), (3)).
MEMBERS_REQUIRED = ("steering-committee-decision", "member-list-decision")


def records_of(case: Mapping[str, Any], kind: str) -> list[Mapping[str, Any]]:
    return [d for d in case.get("documents") or [] if d.get("kind") == kind]


def latest(case: Mapping[str, Any], kind: str) -> Mapping[str, Any] | None:
    found = records_of(case, kind)
    return found[-1] if found else None


def model_kind(name: str) -> DocumentKind:
    k = KINDS.get(name)
    if k is None:
        raise AnttUsageError("domain.unknown_kind", kind=name, kinds=", ".join(KINDS))
    return k


def current_step(case: Mapping[str, Any]) -> int:
    """The step in progress: the first build step with a required kind not yet recorded;
    5 once active (CLI.md `antt status`)."""
    if case.get("status") != "building":
        return 5
    linked = bool(case.get("linked"))
    for k in BUILD_KINDS:
        if applies(k, linked) and not k.optional and not records_of(case, k.name):
            return k.step
    return 5


def missing_prerequisites(case: Mapping[str, Any], k: DocumentKind) -> list[str]:
    linked = bool(case.get("linked"))
    return [r for r in prerequisites(k, linked) if not records_of(case, r)]


def steering_head(case: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The head of the steering committee (the member whose role is Trưởng ban)."""
    decision = latest(case, "steering-committee-decision")
    for member in (decision or {}).get("members") or []:
        if name_key(str(member.get("role") or "")) == name_key(STEERING_HEAD_ROLE):
            return member
    return None


def steering_body(case: Mapping[str, Any]) -> str:
    """The model's steering committee as an issuing body ("Ban Chỉ đạo mô hình …")."""
    name = str(case.get("name") or "")
    if name_key(name).startswith("mô hình"):
        return f"Ban Chỉ đạo {name}"
    return f"Ban Chỉ đạo mô hình {name}"


def default_report_year(day: dt.date, period: str | None) -> int:
    """SPEC §3: the report's evaluation year is the year containing its date, except an
    annual report dated in November, which belongs to the year just ended."""
    if period == "annual" and day.month == 11:
        return day.year
    return evaluation_year_of(day)


def check_record(case: Mapping[str, Any], k: DocumentKind, record: Mapping[str, Any],
                 today: dt.date) -> None:
    """Refuse (AnttError) when `record` of kind `k` may not be recorded on `case` now."""
    case_id = case.get("id")
    if case.get("status") == "closed":
        raise AnttError("domain.case_closed", id=case_id)
    linked = bool(case.get("linked"))
    if k.linked_only and not linked:
        raise AnttError("domain.linked_only", id=case_id, kind=k.name, title=k.title)
    if not k.repeatable and records_of(case, k.name):
        raise AnttError("domain.already_recorded", id=case_id, kind=k.name, title=k.title)
    missing = missing_prerequisites(case, k)
    if missing:
        raise AnttError("domain.missing_prerequisites", id=case_id, kind=k.name,
                        missing="; ".join(f"{m} ({KINDS[m].title})" for m in missing))
    day = as_date(record.get("date"))
    if day is None:
        raise AnttError("domain.date_required", kind=k.name)
    if day > today:
        raise AnttError("domain.date_in_future", date=day.isoformat(), today=today.isoformat())
    for name in prerequisites(k, linked):
        for prior in records_of(case, name):
            prior_day = as_date(prior.get("date"))
            if prior_day and day < prior_day:
                raise AnttError("domain.date_before_prerequisite", kind=k.name, date=day.isoformat(),
                                prior=name, prior_date=prior_day.isoformat())
    _check_kind_rules(case, k, record, day, today)


def _check_kind_rules(case, k, record, day, today) -> None:
    fields = record.get("fields") or {}
    case_id = case.get("id")
    if k.name == "survey-plan":
        # §III.1.a "Kế hoạch khảo sát … phải được cấp ủy, chính quyền … phê duyệt trước khi thực hiện".
        approved = as_date(record.get("approved_date"))
        if not record.get("approved_by") or approved is None:
            raise AnttError("domain.survey_plan_unapproved", id=case_id)
        if approved < day:
            raise AnttError("domain.approval_before_plan", approved=approved.isoformat(), date=day.isoformat())
        if approved > today:
            raise AnttError("domain.date_in_future", date=approved.isoformat(), today=today.isoformat())
    if k.name == "survey-report":
        plan = latest(case, "survey-plan") or {}
        approved = as_date(plan.get("approved_date"))
        if approved and day < approved:
            raise AnttError("domain.report_before_approval", date=day.isoformat(), approved=approved.isoformat())
    if k.name in STEP4_DECISIONS:
        # §III.1.d: the same chairman / head issues the four decisions; the first sets the authority.
        authority = case.get("authority")
        if authority and not same_name(str(record.get("issuer") or ""), str(authority)):
            raise AnttError("domain.issuer_not_authority", kind=k.name, issuer=record.get("issuer"),
                            authority=authority)
    if k.name in MEMBERS_REQUIRED and not record.get("members"):
        raise AnttError("domain.members_required", kind=k.name)
    if k.name == "consultation" and case.get("linked"):
        # §III.1.c: linked models nominate the lead unit (Trưởng mô hình) and its rotation.
        lead = fields.get("lead_unit")
        if not lead:
            raise AnttError("domain.lead_unit_required", id=case_id)
        members = [str(m) for m in case.get("members") or []]
        for unit in [lead, *split_list(fields.get("lead_units"))]:
            if not any(same_name(unit, m) for m in members):
                raise AnttError("domain.lead_unit_not_member", unit=unit, members=", ".join(members))
    if k.name == "lead-rotation":
        order = case.get("lead_units") or []
        if len(order) < 2:
            raise AnttError("domain.no_rotation_order", id=case_id)
        if not fields.get("authority"):
            raise AnttError("domain.rotation_authority_required", id=case_id)
    if k.name == "periodic-report":
        period = fields.get("period")
        if period not in REPORT_PERIODS:
            raise AnttUsageError("domain.bad_period", period=period, periods=", ".join(REPORT_PERIODS))
    if k.name == "annual-plan":
        year = record.get("year")
        if year is None:
            raise AnttError("domain.plan_year_required")
        if str(year) in {str(y) for y in (case.get("plans") or {})}:
            raise AnttError("domain.plan_exists", id=case_id, year=year)


def split_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def record_effects(case: Mapping[str, Any], k: DocumentKind, record: Mapping[str, Any]) -> dict[str, Any]:
    """The case fields that recording `record` changes (field → new value)."""
    fields = record.get("fields") or {}
    changes: dict[str, Any] = {}
    if k.name in STEP4_DECISIONS and not case.get("authority"):
        changes["authority"] = record.get("issuer")
    if k.name == "proposal" and fields.get("name"):
        # §III.1.a: the model is named after the survey ("ngắn gọn, dễ nhớ, bao hàm nội dung").
        changes["name"] = fields["name"]
    if k.name == "consultation" and case.get("linked"):
        lead = fields["lead_unit"]
        order = split_list(fields.get("lead_units")) or [lead]
        if not any(same_name(lead, u) for u in order):
            order = [lead, *order]
        changes["lead_unit"] = lead
        changes["lead_units"] = order
    if k.name == "launch":
        changes["status"] = "active"
    if k.name == "lead-rotation":
        order: Sequence[str] = case.get("lead_units") or []
        new_lead = fields.get("lead_unit") or _next_in_order(order, case.get("lead_unit"))
        changes["lead_unit"] = new_lead
        changes["authority"] = fields["authority"]
    return changes


def _next_in_order(order: Sequence[str], current: Any) -> str:
    for i, unit in enumerate(order):
        if same_name(str(unit), str(current or "")):
            return order[(i + 1) % len(order)]
    return order[0]


def check_new_model(level: str, day: dt.date, huyen_abolished: dt.date) -> None:
    """SPEC §12: since 01/07/2025 local government has two levels; new cases may not be given
    the historical district level (adopted ones may)."""
    if level == "huyen" and day >= huyen_abolished:
        raise AnttError("domain.huyen_abolished", date=huyen_abolished.strftime("%d/%m/%Y"))


# Keys of `--set KEY=VALUE` (CLI.md, "Fields set with --set"): free text every kind uses,
# and the keys a kind reads for its own rule.
COMMON_FIELDS = ("title", "summary", "note", "secretary")
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "proposal": ("name",),
    "consultation": ("lead_unit", "lead_units"),
    "periodic-report": ("period", "year"),
    "lead-rotation": ("lead_unit", "authority"),
}


def allowed_fields(kind: str) -> tuple[str, ...]:
    return COMMON_FIELDS + KIND_FIELDS.get(kind, ())


def is_party_body(name: str, body: Mapping[str, Any] | None) -> bool:
    """A party committee issues in the party format (HD 36-HD/VPTW): flagged in antt.yaml,
    or recognisable by its name."""
    if body and body.get("party"):
        return True
    key = name_key(name)
    return key.startswith(("đảng ủy", "đảng bộ", "chi bộ", "ban thường vụ"))
