"""What a case owes and by when (domain/deadlines.py; HD 163 §III.1.d, §III.1.đ, §III.2.c for a
model, §IV.1 Bước 3 and §IV.3 for an exemplar), at the boundaries, and `antt due` through the real CLI."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import antt, ok, refused
from antt_cli.domain.deadlines import obligations, rating_eligible
from antt_cli.domain.digest import case_digest
from antt_cli.domain.model import case_from
from antt_cli.domain.interpretations import DEFAULT_RULES, rules_from_profile
from antt_cli.store.kinds import load_registry

REG = load_registry()
D = dt.date


def digest(established=D(2025, 10, 25), launched=D(2025, 11, 8), plans=(2026,), met=(), reports=()):
    docs = [{"kind": "launch", "date": launched}]
    c = case_from({"id": "MH-2025-001", "status": "active", "documents": docs, "opened": D(2025, 9, 1),
                   "plans": {y: {"targets": []} for y in plans}})
    out = dict(case_digest(c, REG))
    out["established"] = established
    out["met"] = [*out["met"], *((w, y, d[0] if d else None) for w, y, *d in met),
                  *((f"report-{period}", y, None) for y, period in reports)]
    return out


def owed(d, today, rules=DEFAULT_RULES):
    return [(o.what, o.year, o.due, o.overdue(today)) for o in obligations(d, today, rules)]


@pytest.mark.parametrize("established, year, eligible", [
    (D(2025, 12, 31), 2026, True),    # + 10 months = 31/10/2026: eligible
    (D(2026, 1, 1), 2026, False),     # + 10 months = 01/11/2026: not yet
    (D(2026, 1, 1), 2027, True),
    (None, 2026, False),
])
def test_rating_eligibility_at_the_boundary(established, year, eligible):
    assert rating_eligible(established, year, DEFAULT_RULES) is eligible


@pytest.mark.parametrize("today, first", [
    # The three steps of §III.2.c: last good days 04/11, 09/11, 14/11.
    (D(2026, 11, 3), ("rate-propose", 2026, D(2026, 11, 4), False)),
    (D(2026, 11, 4), ("rate-propose", 2026, D(2026, 11, 4), False)),
    (D(2026, 11, 5), ("rate-propose", 2026, D(2026, 11, 4), True)),
])
def test_rating_steps_last_good_days(today, first):
    found = owed(digest(reports=[(2026, "6-month")]), today)
    assert found[0] == first
    assert [(w, y, d) for w, y, d, _ in found[:3]] == [
        ("rate-propose", 2026, D(2026, 11, 4)), ("rate-decide", 2026, D(2026, 11, 9)),
        ("rate-submit", 2026, D(2026, 11, 14))]
    assert ("plan", 2027, D(2026, 11, 30), False) in found


def test_a_step_done_is_not_owed_and_the_annual_report_is_the_proposal():
    today = D(2026, 11, 12)
    whats = [(w, y) for w, y, *_ in owed(digest(met=[("rate-propose", 2026)], reports=[(2026, "6-month")]), today)]
    assert ("rate-propose", 2026) not in whats and ("rate-decide", 2026) in whats
    # An annual periodic report of the year satisfies the proposal step (docs/interpretations.md).
    whats = [(w, y) for w, y, *_ in owed(digest(reports=[(2026, "6-month"), (2026, "annual")]), today)]
    assert ("rate-propose", 2026) not in whats
    done = [("rate-propose", 2026), ("rate-decide", 2026), ("rate-submit", 2026)]
    whats = [(w, y) for w, y, *_ in owed(digest(met=done, reports=[(2026, "6-month")]), today)]
    assert whats == [("plan", 2027), ("report-6-month", 2027)]


def test_a_record_dated_after_the_day_judged_does_not_count_yet():
    d = digest(met=[("rate-propose", 2026, D(2026, 11, 4))], reports=[(2026, "6-month")])
    assert ("rate-propose", 2026) in [(w, y) for w, y, *_ in owed(d, D(2026, 11, 3))]
    assert ("rate-propose", 2026) not in [(w, y) for w, y, *_ in owed(d, D(2026, 11, 4))]


def test_a_model_not_yet_eligible_owes_the_annual_report_alone():
    found = owed(digest(established=D(2026, 1, 5), launched=D(2026, 1, 20), reports=[(2026, "6-month")]),
                 D(2026, 11, 1))
    assert [w for w, *_ in found if w.startswith("rat")] == []
    assert ("report-annual", 2026, D(2026, 11, 4), False) in found


def test_deadlines_are_configurable():
    rules = rules_from_profile({"deadlines": {"decision": "11-20"}, "plan_due": "11-15"})
    found = owed(digest(reports=[(2026, "6-month")]), D(2026, 11, 3), rules)
    assert ("rate-decide", 2026, D(2026, 11, 19), False) in found
    assert ("plan", 2027, D(2026, 11, 14), False) in found


def test_closing_or_building_models_owe_nothing():
    for status in ("building", "closing", "closed"):
        d = digest()
        d["status"] = status
        assert obligations(d, D(2026, 11, 3), DEFAULT_RULES) == []


def _exemplar(status, **facts):
    return {"kind": "exemplar", "status": status, "clock_start": None, "evaluation_kind": "evaluation",
            "recognized_on": None, "reassessed": [], "met": [], **facts}


@pytest.mark.parametrize("facts, today, expected", [
    # §IV.1 Bước 3: the evaluation's last good day is the clock's end, that day included
    (_exemplar("building", clock_start=D(2025, 5, 15)), D(2026, 5, 15), [("evaluate", 2026, D(2026, 5, 15), False)]),
    (_exemplar("building", clock_start=D(2025, 5, 15)), D(2026, 5, 16), [("evaluate", 2026, D(2026, 5, 15), True)]),
    # recorded: no longer owed — unless dated after the day judged
    (_exemplar("building", clock_start=D(2025, 5, 15), met=[("evaluate", 2026, D(2026, 5, 10))]), D(2026, 5, 10), []),
    (_exemplar("building", clock_start=D(2025, 5, 15), met=[("evaluate", 2026, D(2026, 5, 10))]), D(2026, 5, 9),
     [("evaluate", 2026, D(2026, 5, 15), False)]),
    # §IV.3: the reassessment with the model ratings, strictly before 05/11 of each later year
    (_exemplar("recognized", recognized_on=D(2025, 10, 10)), D(2026, 11, 4), [("reassess", 2026, D(2026, 11, 4), False)]),
    (_exemplar("recognized", recognized_on=D(2025, 10, 10)), D(2026, 11, 5),
     [("reassess", 2026, D(2026, 11, 4), True), ("reassess", 2027, D(2027, 11, 4), False)]),
    (_exemplar("recognized", recognized_on=D(2025, 11, 1), reassessed=[2027]), D(2027, 11, 5),
     [("reassess", 2028, D(2028, 11, 4), False)]),
    (_exemplar("surveying"), D(2026, 1, 1), []),
    (_exemplar("ended", recognized_on=D(2025, 10, 10)), D(2027, 1, 1), []),
])
def test_an_exemplar_owes_its_evaluation_then_its_reassessments(facts, today, expected):
    from antt_cli.domain.deadlines import next_due

    assert owed(facts, today) == expected
    first = next_due(facts, today, DEFAULT_RULES)
    assert (first.day if first else None) == (expected[0][2] if expected else None)


def test_an_exemplars_clock_length_is_the_dossiers_rule():
    rules = rules_from_profile({"exemplar_evaluation_months": 6})
    facts = _exemplar("building", clock_start=D(2024, 8, 29))   # + 6 months: 28/02/2025 (no 29/02)
    assert owed(facts, D(2025, 1, 1), rules) == [("evaluate", 2025, D(2025, 2, 28), False)]
    assert owed(facts, D(2025, 1, 1)) == [("evaluate", 2025, D(2025, 8, 29), False)]


# -- through the CLI ----------------------------------------------------------------------
def test_due_lists_what_is_owed_soonest_first(launched):
    ok("record", "MH-2025-001", "periodic-report", "--period", "6-month", "--date", "2026-04-28",
       "--number", "04/BC-BCĐ", root=launched)
    items = json.loads(ok("--json", "due", "--date", "2026-11-03", root=launched).stdout)
    dues = [i["due"] for i in items]
    assert dues == sorted(dues)
    first = [i for i in items if i["id"] == "MH-2025-001"]
    assert [(i["what"], i["due"], i["deadline"]) for i in first[:3]] == [
        ("rate-propose", "2026-11-04", "trước 05/11/2026"),
        ("rate-decide", "2026-11-09", "trước 10/11/2026"),
        ("rate-submit", "2026-11-14", "trước 15/11/2026")]
    # MH-2025-002 has not sent its 6-month report: overdue, listed first.
    assert items[0]["id"] == "MH-2025-002" and items[0]["what"] == "report-6-month" and items[0]["overdue"]
    text = ok("due", "MH-2025-001", "--date", "2026-11-03", root=launched).stdout
    assert "trước 05/11/2026" in text and "04/11/2026" in text and "MH-2025-002" not in text
    late = ok("due", "MH-2025-001", "--date", "2026-11-06", root=launched).stdout
    assert "QUÁ HẠN 2 ngày" in late


def test_due_refuses_an_unknown_case_and_a_bad_date(launched):
    refused(launched, "due", "MH-2099-001")
    refused(launched, "due", "--date", "31/02/2026", code=2)
