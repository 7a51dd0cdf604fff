"""`antt.yaml` written by antt: a new profile, a body added, a successor recorded — as text,
with comments and order kept (round-trip YAML stays inside `store/`)."""
from __future__ import annotations

from typing import Any

from antt_cli.domain.interpretations import DEFAULT_RULES, default_guideline_issuer
from antt_cli.store.yamlio import dump_yaml, flow_map, new_map


def new_profile_text(unit: str, province: str, unit_kind: str, place: str | None, parent_body: str | None,
                 officer: str | None, officer_email: str | None, guideline_issuer: str | None = None):
    """The text of a new `antt.yaml` (docs/case-schema.md): `guideline_issuer` None is the
    default for `province` (domain/interpretations.py `default_guideline_issuer`)."""
    rules = DEFAULT_RULES
    profile = new_map([
        ("schema", 1),
        ("unit", unit),
        ("unit_kind", unit_kind),
        ("province", province),
        ("place", place),
        ("parent_body", parent_body),
        ("officer", officer),
        ("officer_email", officer_email),
        ("id_prefix", ""),
        ("bodies", new_map()),
        ("successors", new_map()),
        ("guideline_issuer", guideline_issuer or default_guideline_issuer(province)),
        ("legal_bases", ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"]),
        ("rules", new_map([
            ("completion", rules.completion),
            ("thresholds", flow_map(list(rules.thresholds.items()))),
            ("eligible_months", rules.eligible_months),
            ("deadlines", flow_map(list(rules.deadlines.items()))),
            ("six_month_report_due", rules.six_month_report_due),
            ("plan_due", rules.plan_due),
            ("report_min_active_days", rules.report_min_active_days),
            ("exemplar_reassess_threshold", rules.exemplar_reassess_threshold),
        ])),
    ])
    notes = {
        "unit": "đơn vị lập và lưu hồ sơ",
        "unit_kind": "residential | agency | enterprise | school",
        "place": "địa danh ghi ở dòng ngày tháng của văn bản",
        "parent_body": "cơ quan chủ quản (dòng đầu của tiêu đề văn bản)",
        "officer": "cán bộ lập hồ sơ (trailer Antt-Officer; danh tính commit khi git chưa có)",
        "id_prefix": "ví dụ \"HT\" cho mã HT-MH-2026-001",
        "bodies": "cơ quan ban hành văn bản: `antt bodies add`",
        "successors": "cơ quan kế thừa (antt help rules): `antt bodies successor`",
        "guideline_issuer": "cơ quan ban hành Hướng dẫn 163/HD-BCĐ (dòng căn cứ của văn bản; antt help interpretations)",
        "legal_bases": "các dòng \"Căn cứ …\" của quyết định (ngoài Hướng dẫn 163 và chủ trương của cấp ủy)",
        "rules": "các cách hiểu của Hướng dẫn 163, có thể điều chỉnh (antt help interpretations)",
    }
    for key, text in notes.items():
        profile.yaml_add_eol_comment(text, key)
    profile.yaml_set_start_comment("Hồ sơ antt — hồ sơ đơn vị (xem antt help case-schema)")
    return dump_yaml(profile)


def _node(value: Any) -> Any:
    """Plain data as YAML nodes: people (`{title, name}`) on one line."""
    if isinstance(value, dict):
        node = new_map([(k, _node(v)) for k, v in value.items()])
        if set(value) == {"title", "name"}:
            node.fa.set_flow_style()
        return node
    return value


def with_body(profile: Any, name: str, body: dict[str, Any]) -> str:
    """The profile's text with body `name` added under `bodies:`."""
    if profile.get("bodies") is None:
        profile["bodies"] = new_map()
    profile["bodies"][name] = _node(body)
    return dump_yaml(profile)


def with_successor(profile: Any, old: str, new: str) -> str:
    """The profile's text with `old` → `new` added under `successors:`."""
    if profile.get("successors") is None:
        profile["successors"] = new_map()
    profile["successors"][old] = new
    return dump_yaml(profile)
