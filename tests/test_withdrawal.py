"""domain/withdrawal.py at its boundaries: what rests on a record, the kinds whose effects
forbid a withdrawal, the date, and what a withdrawn record no longer counts for."""
from __future__ import annotations

import datetime as dt

import pytest

from antt_cli.domain.model import Case, Plan, Record
from antt_cli.domain.withdrawal import resting_on, withdraw
from antt_cli.errors import AnttError
from antt_cli.store.kinds import load_registry

REG = load_registry()
D = dt.date


def _case(*kinds: str) -> Case:
    case = Case(id="MH-2025-001", opened=D(2025, 9, 1))
    case.documents = [Record(kind=k, date=D(2025, 10, 1 + i), number=f"{i:02d}/X") for i, k in enumerate(kinds)]
    return case


@pytest.mark.parametrize("kinds, withdrawn, resting", [
    (("steering-committee-decision",), 0, []),
    (("steering-committee-decision", "annual-plan"), 0, ["annual-plan"]),
    (("steering-committee-decision", "steering-committee-decision", "annual-plan"), 0, []),  # another counts
    (("steering-committee-decision", "annual-plan"), 1, []),
])
def test_resting_on(kinds, withdrawn, resting):
    case = _case(*kinds)
    assert [d.kind for d in resting_on(case, case.documents[withdrawn], REG)] == resting


def test_withdrawn_plan_leaves_plans_and_counts_nowhere():
    case = _case("steering-committee-decision", "annual-plan")
    case.documents[1].year = 2026
    case.plans[2026] = Plan(year=2026, date=D(2025, 10, 2), number="01/X")
    new = withdraw(case, 1, REG["annual-plan"], REG, D(2025, 10, 2), "nhầm năm")
    assert case.plans and not new.plans                                   # the input is left as it was
    assert new.documents[1].extra["withdrawn"]["plan"]["number"] == "01/X"
    assert new.records_of("annual-plan") == [] and len(new.counted()) == 1
    withdraw(new, 0, REG["steering-committee-decision"], REG, D(2025, 10, 2), "x")  # nothing rests on it now


@pytest.mark.parametrize("day, ok", [(D(2025, 10, 1), True), (D(2025, 9, 30), False)])
def test_withdrawal_date_not_before_the_record(day, ok):
    case = _case("steering-committee-decision")
    if ok:
        assert withdraw(case, 0, REG["steering-committee-decision"], REG, day, "x").documents[0].withdrawn
    else:
        with pytest.raises(AnttError):
            withdraw(case, 0, REG["steering-committee-decision"], REG, day, "x")


def test_a_kind_with_effects_is_not_withdrawn():
    case = _case("launch")
    with pytest.raises(AnttError):
        withdraw(case, 0, REG["launch"], REG, D(2025, 12, 1), "x")


def test_the_authority_goes_with_the_last_authority_decision():
    case = _case("establishment-decision")
    case.authority = case.documents[0].issuer = "UBND xã A"
    assert withdraw(case, 0, REG["establishment-decision"], REG, D(2025, 12, 1), "x").authority is None
