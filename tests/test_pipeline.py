"""The record pipeline and the kind specs as a new user meets them: prerequisites named,
missing fields, the case file's look, the profile's uncommitted edits, hand-given numbers, the
Python API, global options — each through the real CLI in a temporary git dossier."""
from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

from conftest import REPO, SAMPLE, UBND, build_steps, git, new_model, ok, refused


def record_until(root: Path, case_id: str, kind: str, linked: bool = False) -> None:
    """Record the build steps of the conftest scenario up to (not including) `kind`."""
    for step in build_steps(linked):
        if step[0] == kind:
            return
        ok("record", case_id, *step, root=root)


def test_refusal_names_missing_prerequisites_before_anything_else(dossier):
    """Before the steering committee's decision there is no head to sign its regulation: the
    refusal names the missing decision, not --signer, not --number."""
    case_id = new_model(dossier, linked=False)
    record_until(dossier, case_id, "steering-committee-decision")
    result = refused(dossier, "record", case_id, "steering-regulation", "--date", "2025-10-28",
                     contains="còn thiếu Quyết định thành lập Ban Chỉ đạo mô hình")
    assert "--signer" not in result.stderr
    # a bad CSV or a bad number does not come first either
    refused(dossier, "record", case_id, "launch", "--number", "xx", "--members", "/nonexistent.csv",
            contains="Quy chế hoạt động của Ban Chỉ đạo mô hình")


def test_amend_survey_report_before_the_plans_approval_is_refused(dossier):
    case_id = new_model(dossier, linked=False)
    record_until(dossier, case_id, "member-agreement")  # survey plan approved 05/09, report 20/09
    refused(dossier, "amend", case_id, "survey-report", "--date", "2025-09-04", "--reason", "Sai ngày",
            contains="05/09/2025")
    ok("amend", case_id, "survey-report", "--date", "2025-09-06", "--reason", "Sai ngày", root=dossier)


def test_periodic_report_without_period_says_the_period_is_missing(launched):
    result = refused(launched, "record", "MH-2025-001", "periodic-report", "--date", "2026-04-28",
                     "--number", "06/BC-BCĐ", contains="period")
    assert "None" not in result.stderr


def test_case_file_keeps_its_look(dossier):
    """Empty values stay `key:` as written by hand and by earlier versions, never `null`."""
    case_id = new_model(dossier, linked=False)
    ok("record", case_id, *build_steps(False)[0], root=dossier)
    text = (dossier / "models" / case_id / "case.yaml").read_text(encoding="utf-8")
    assert "\n    secrecy:\n" in text and "field:\n" in text and ": null\n" not in text
    assert "signer: {prefix: null," in text  # inside a one-line mapping YAML needs the word


def test_consultation_of_limited_membership_needs_its_members(dossier):
    case_id = new_model(dossier, linked=False)
    record_until(dossier, case_id, "consultation")
    refused(dossier, "record", case_id, "consultation", "--date", "2025-10-15", contains="--members")


def test_uncommitted_profile_edit_refuses_a_document(dossier):
    case_id = new_model(dossier, linked=False)
    profile = dossier / "antt.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    result = refused(dossier, "record", case_id, *build_steps(False)[0], contains="antt.yaml")
    assert "git add antt.yaml" in result.stderr
    # progress renders no document: the edit does not block it (and is not swept in)


def test_launch_needs_the_plan_of_its_year(dossier):
    case_id = new_model(dossier, linked=False)
    for step in build_steps(False):
        ok("record", case_id, *step, root=dossier)
    # evaluation year 2024 ended on 31/10/2024, before the plan's date (docs/rules.md)
    refused(dossier, "plan", case_id, "--year", "2024", "--date", "2025-10-30", "--number", "05/KH-BCĐ",
            "--target", "A=1", contains="2024")
    ok("plan", case_id, "--year", "2027", "--date", "2025-10-30", "--number", "05/KH-BCĐ", "--target", "A=1",
       root=dossier)
    refused(dossier, "record", case_id, "launch", "--date", "2025-10-31", contains="2025")


def test_python_api_of_the_readme(dossier):
    """The README's example, run as written against a real dossier."""
    case_id = new_model(dossier, linked=False)
    ok("record", case_id, *build_steps(False)[0], root=dossier)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Python API", 1)[1].split("## ", 1)[0]
    code = textwrap.dedent("\n".join(line for line in block.splitlines() if line.startswith("    ")))
    code = code.replace('"ho-so"', repr(str(dossier))).replace('"MH-2026-001"', repr(case_id))
    env = dict(os.environ)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - our own README
    assert git(dossier, "log", "-1", "--format=%s").startswith(f"[{case_id}] Báo cáo kết quả khảo sát")
    assert env == dict(os.environ)


def test_numbers_given_by_hand_are_checked_against_the_kind_and_the_register(dossier):
    """The type code must be the kind's, the body code the declared issuer's; one register per
    body per year across types; at most 4 digits; unnumbered kinds take no number."""
    case_id = new_model(dossier, linked=False)
    record_until(dossier, case_id, "implementation")
    impl = ["record", case_id, "implementation", "--date", "2025-10-06", "--issuer", UBND]
    refused(dossier, *impl, "--number", "07/QĐ-UBND", contains="KH")          # a plan is KH
    refused(dossier, *impl, "--number", "07/KH-CAX", contains="UBND")         # UBND's own code
    refused(dossier, *impl, "--number", "12345/KH-UBND", contains="4")        # at most 4 digits
    ok(*impl, "--number", "07/KH-UBND", root=dossier)
    refused(dossier, "record", case_id, "consultation", "--date", "2025-10-15", "--number", "01/BB-CAX",
            "--members", str(SAMPLE / "members-lam-giao.csv"), contains="--number")
    ok("record", case_id, "consultation", "--date", "2025-10-15", "--members",
       str(SAMPLE / "members-lam-giao.csv"), root=dossier)
    # 07 of UBND's register is taken by the KH: a QĐ may not reuse it
    refused(dossier, "record", case_id, "establishment-decision", "--date", "2025-10-25", "--issuer", UBND,
            "--number", "07/QĐ-UBND", contains="07/KH-UBND")
    # an undeclared issuer (the steering committee) is checked for form only
    ok("record", case_id, "establishment-decision", "--date", "2025-10-25", "--issuer", UBND,
       "--number", "08/QĐ-UBND", root=dossier)


def test_global_options_after_the_command_and_json_errors(launched):
    """docs/commands.md: --json, --dossier, --lang before or after the command; with --json a
    refusal is also a JSON object {error, code} on stdout."""
    from conftest import antt

    after = antt("status", "--json", "--dossier", str(launched))
    assert after.exit_code == 0 and json.loads(after.stdout)[0]["id"] == "MH-2025-001"
    english = antt("status", "MH-2025-001", "--lang", "en", "--dossier=" + str(launched))
    assert english.exit_code == 0 and "Status" in english.stdout
    refused_ = antt("status", "MH-2025-099", "--json", "--dossier", str(launched))
    assert refused_.exit_code == 1
    assert json.loads(refused_.stdout) == {"error": refused_.stderr.split(": ", 1)[1].strip(), "code": 1}
