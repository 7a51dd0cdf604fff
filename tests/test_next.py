"""`antt next ID` (docs/commands.md): the checklist of a case at each step, through the real
CLI — what may come next, who issues it, the options it needs, an example command that
`antt record` then accepts — and `antt record ID` without a kind, `antt status ID`'s end."""
from __future__ import annotations

import json
import shlex

from conftest import PLAN, SAMPLE, UBND, antt, build_steps, new_model, ok, refused, snapshot


def _next(root, case_id) -> dict:
    return json.loads(ok("--json", "next", case_id, root=root).stdout)


def _step(found: dict, kind: str) -> dict:
    return next(s for s in found["next"] if s["kind"] == kind)


def _run_example(root, step: dict, **fill: str) -> None:
    """Run a step's example command (its placeholders `…` replaced by `fill`, key = option)."""
    words = shlex.split(step["example"])
    assert words[0] == "antt"
    for i, w in enumerate(words):
        if w == "…":
            words[i] = fill[words[i - 1]]
    ok(*words[1:], root=root)


def test_new_model_then_each_example_records(dossier):
    case_id = new_model(dossier, linked=False)
    found = _next(dossier, case_id)
    assert found["recorded"] == [] and found["closed"] is False
    assert [s["kind"] for s in found["next"]] == ["survey-plan"]
    plan = found["next"][0]
    assert plan["title"] == "Kế hoạch khảo sát, đánh giá tình hình"
    assert plan["issuer"] == "Công an xã Hàm Thuận" and plan["issuer_role"] == "proposer"
    assert "--approved-by TEXT --approved-date DATE" in plan["options"]
    assert plan["example"].startswith(f"antt record {case_id} survey-plan --date ")
    assert "--number auto" in plan["example"]  # the proposer is one of the unit's own bodies
    blocked = {s["kind"]: s["missing"] for s in found["blocked"]}
    assert blocked["survey-report"] == ["survey-plan"] and blocked["party-policy"] == ["proposal"]
    _run_example(dossier, plan, **{"--approved-by": "Đảng ủy xã Hàm Thuận"})

    found = _next(dossier, case_id)
    assert [d["kind"] for d in found["recorded"]] == ["survey-plan"]
    assert found["recorded"][0]["number"] == "01/KH-CAX"
    assert [s["kind"] for s in found["next"]] == ["survey-report"]
    _run_example(dossier, found["next"][0])
    assert "proposal" in [s["kind"] for s in _next(dossier, case_id)["next"]]


def test_step_four_names_the_missing_issuer_and_a_members_file(dossier):
    case_id = new_model(dossier, linked=False)
    for step in build_steps(False)[:5]:  # up to the implementation (step 2)
        ok("record", case_id, *step, root=dossier)
    consultation = _step(_next(dossier, case_id), "consultation")
    assert "--members FILE.csv" in consultation["options"]  # membership is limited
    ok("record", case_id, *build_steps(False)[5], root=dossier)
    found = _next(dossier, case_id)
    kinds = [s["kind"] for s in found["next"]]
    assert {"establishment-decision", "steering-committee-decision", "member-list-decision",
            "launch-plan"} <= set(kinds)
    est = _step(found, "establishment-decision")
    # the authority is set by the first step-4 decision: no default issuer yet
    assert est["issuer"] is None and est["issuer_role"] == "authority"
    assert "--issuer TEXT" in est["options"] and '--issuer "…"' in est["example"]
    text = ok("next", case_id, root=dossier).stdout
    assert "  • Quyết định thành lập mô hình\n" in text and "[establishment-decision]" not in text
    assert "--issuer CHỮ" in text  # Click's type word in Vietnamese, as the help pages write it
    assert "cơ quan có thẩm quyền (chưa xác định: ghi --issuer)" in text
    _run_example(dossier, est, **{"--issuer": UBND, "--number": "auto"})
    after = _step(_next(dossier, case_id), "member-list-decision")
    assert after["issuer"] == UBND and "--issuer TEXT" not in after["options"]


def test_active_model_lists_its_own_commands(launched):
    found = _next(launched, "MH-2025-001")
    kinds = {s["kind"]: s for s in found["next"]}
    assert "launch" not in kinds and "survey-plan" not in kinds
    blocked = {s["kind"]: s["missing"] for s in found["blocked"]}
    assert blocked["rating-decision"] == ["rating-proposal"]
    assert blocked["closure-consultation"] == ["closure-report"]
    assert kinds["periodic-report"]["options"] == ["--number TEXT|auto", "--period 6-month"] \
        or "--period 6-month" in kinds["periodic-report"]["options"]
    assert kinds["evidence"]["options"] == ["--attach FILE"]
    assert kinds["rating-proposal"]["command"] == "rate"
    assert kinds["rating-proposal"]["example"].startswith("antt rate MH-2025-001 --year 2026")
    assert kinds["closure-report"]["example"].startswith('antt close MH-2025-001 --reason "…"')
    assert "rating-decision" not in kinds  # no proposal yet
    text = ok("next", "MH-2025-001", root=launched).stdout
    assert ("✘ Quyết định công nhận mức xếp loại mô hình — thiếu: Báo cáo kết quả hoạt động năm và đề nghị "
            "xếp loại mô hình") in text
    english = antt("next", "MH-2025-001", root=launched, lang="en").stdout
    assert "[rating-decision] — missing: rating-proposal" in english


def test_linked_model_lists_its_own_kinds(dossier):
    case_id = new_model(dossier, linked=True)
    steps = build_steps(True)
    for step in steps[:2]:
        ok("record", case_id, *step, root=dossier)
    found = _next(dossier, case_id)
    assert [s["kind"] for s in found["next"]] == ["member-agreement"]
    assert "coordination-regulation" in {s["kind"] for s in found["blocked"]}
    plain = new_model(dossier, linked=False)
    assert "coordination-regulation" not in {s["kind"] for s in _next(dossier, plain)["blocked"]}


def test_exemplar(dossier):
    case_id = json.loads(ok("--json", "new-exemplar", "Tổ hòa giải thôn Lâm Giáo", "--kind", "collective",
                            "--area", "Thôn Lâm Giáo", "--date", "2025-05-02", root=dossier).stdout)["id"]
    found = _next(dossier, case_id)
    assert [s["kind"] for s in found["next"]][0] == "survey"
    assert "building-plan" in {s["kind"] for s in found["blocked"]}
    assert found["next"][0]["example"].startswith(f"antt record {case_id} survey --date ")
    _run_example(dossier, found["next"][0])
    assert [d["kind"] for d in _next(dossier, case_id)["recorded"]] == ["survey"]


def test_record_without_kind_prints_the_checklist_and_changes_nothing(launched):
    before = snapshot(launched)
    shown = ok("record", "MH-2025-001", root=launched)
    assert shown.stdout == ok("next", "MH-2025-001", root=launched).stdout
    assert "Có thể ghi tiếp:" in shown.stdout and "Ví dụ: antt record MH-2025-001" in shown.stdout
    assert snapshot(launched) == before
    refused(launched, "next", "MH-2099-001")


def test_status_ends_with_what_may_come_next(launched):
    text = ok("status", "MH-2025-001", root=launched).stdout
    assert "Có thể ghi tiếp:" in text and "Ví dụ: antt record MH-2025-001 periodic-report" in text
    detail = json.loads(ok("--json", "status", "MH-2025-001", root=launched).stdout)
    assert set(detail["checklist"]) == {"id", "closed", "recorded", "next", "blocked"}


def test_json_shape_and_english(launched):
    found = _next(launched, "MH-2025-001")
    assert set(found) == {"id", "closed", "recorded", "next", "blocked"}
    assert set(found["recorded"][0]) == {"kind", "title", "number", "date"}
    assert found["recorded"][0]["date"] == "2025-09-03"
    assert set(found["next"][0]) == {"kind", "title", "command", "issuer_role", "issuer", "options",
                                     "example", "missing", "missing_titles"}
    english = antt("next", "MH-2025-001", root=launched, lang="en")
    assert english.exit_code == 0 and "May come next:" in english.stdout and "Example:" in english.stdout
