"""What the officer types, read strictly through the real CLI (docs/rules.md "Numbers",
"Lengths"; docs/commands.md): `--achieved` and plan targets in `12,5` or `12.5`, `1e2`,
`inf`, `nan` and `1.000` refused with a sentence saying what to type (exit 2); evaluation
years bounded like dates; every refusal leaves the tree and HEAD as they were."""
from __future__ import annotations

import json

import pytest

from conftest import ok, refused

ID = "MH-2025-001"


def _achieved(root, value: str):
    return ok("--json", "progress", ID, "--year", "2026", "--target", "Tuần tra", "--achieved", value,
              "--date", "2026-03-01", root=root)


@pytest.mark.parametrize("typed, stored", [("12,5", 12.5), ("12.5", 12.5), ("40", 40), ("0,125", 0.125)])
def test_achieved_takes_a_decimal_comma_or_point(launched, typed, stored):
    out = json.loads(_achieved(launched, typed).stdout)
    assert out["target"]["achieved"] == stored
    assert f"achieved: {stored}" in (launched / "models" / ID / "case.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("typed, says", [("1e2", "12,5"), ("inf", "1e2"), ("nan", "1e2"), ("12a", "chỉ gõ chữ số"),
                                         ("1.000", "1000"), ("1,000", "1,0000"), ("12,500", "12500"),
                                         ("-3", "không âm"), ("1e999", "1e2")])
def test_achieved_refuses_what_it_cannot_read(launched, typed, says):
    result = refused(launched, "progress", ID, "--year", "2026", "--target", "Tuần tra", "--achieved", typed,
                     code=2, contains="--achieved")
    assert says in result.stderr


@pytest.mark.parametrize("target, says", [("Tuần tra=1.000", "không rõ nghĩa"), ("Tuần tra=1e2", "1e2"),
                                          ("Tuần tra=inf", "không phải số")])
def test_plan_targets_refuse_the_same_forms(launched, target, says):
    refused(launched, "plan", "MH-2025-002", "--year", "2027", "--date", "2026-10-30", "--number", "09/KH-BCĐ",
            "--target", target, code=2, contains=says)


def test_plan_target_with_a_decimal_comma(launched):
    ok("amend", ID, "annual-plan", "--year", "2026", "--target", "Tuần tra=48,5", "--reason", "Sửa chỉ tiêu",
       root=launched)
    case = (launched / "models" / ID / "case.yaml").read_text(encoding="utf-8")
    assert "planned: 48.5" in case


@pytest.mark.parametrize("year", ["1999", "2100"])
def test_evaluation_years_stop_where_dates_stop(launched, year):
    refused(launched, "progress", ID, "--year", year, "--target", "Tuần tra", "--achieved", "3", code=2,
            contains="2099")
    refused(launched, "record", ID, "periodic-report", "--set", f"year={year}", "--date", "2026-05-03",
            "--number", "08/BC-BCĐ", "--period", "annual", contains="2099")
