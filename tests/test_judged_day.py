"""The day a dossier is judged on knows until when its answers hold (domain/dates.py
`JudgedDay`), and the dossier's items are the same on every day up to then — the promise
the check cache keeps them by (store/checkcache.py). Table-driven at the boundaries, then
every case of the demo dossier judged on every day of three years."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ok

from antt_cli.domain.dates import JudgedDay
from antt_cli.domain.dossier_items import dossier_items, judged_items

D = dt.date
NEVER = dt.date.max


@pytest.mark.parametrize("day, when, answer, until", [
    (D(2026, 6, 20), D(2026, 6, 19), True, NEVER),
    (D(2026, 6, 20), D(2026, 6, 20), True, NEVER),
    (D(2026, 6, 20), D(2026, 6, 21), False, D(2026, 6, 21)),
])
def test_reached(day, when, answer, until):
    at = JudgedDay(day)
    assert at.reached(when) is answer and at.until == until


@pytest.mark.parametrize("day, when, answer, until", [
    (D(2026, 6, 20), D(2026, 6, 19), True, NEVER),
    (D(2026, 6, 20), D(2026, 6, 20), False, D(2026, 6, 21)),
    (D(2026, 6, 20), NEVER, False, NEVER),
])
def test_after(day, when, answer, until):
    at = JudgedDay(day)
    assert at.after(when) is answer and at.until == until


@pytest.mark.parametrize("day, year, until", [
    (D(2026, 10, 31), 2026, D(2026, 11, 1)),   # §III.2.c: 01/11/Y-1 – 31/10/Y
    (D(2026, 11, 1), 2027, D(2027, 11, 1)),
])
def test_evaluation_year(day, year, until):
    at = JudgedDay(day)
    assert at.evaluation_year() == year and at.until == until


@pytest.mark.parametrize("day, first, end, enough, answer, until", [
    (D(2026, 1, 10), D(2026, 1, 1), D(2026, 4, 30), 10, True, NEVER),        # 10 days counted
    (D(2026, 1, 9), D(2026, 1, 1), D(2026, 4, 30), 10, False, D(2026, 1, 10)),
    (D(2026, 6, 1), D(2026, 4, 25), D(2026, 4, 30), 10, False, NEVER),       # the end comes first
    (D(2025, 12, 1), D(2026, 1, 1), D(2026, 4, 30), 0, True, NEVER),
])
def test_active_days_reach(day, first, end, enough, answer, until):
    at = JudgedDay(day)
    assert at.active_days_reach(first, end, enough) is answer and at.until == until


def test_the_earliest_change_is_kept():
    at = JudgedDay(D(2026, 6, 20))
    at.reached(D(2026, 12, 1))
    at.reached(D(2026, 7, 1))
    at.reached(D(2027, 1, 1))
    assert at.until == D(2026, 7, 1)


@pytest.fixture(scope="module")
def demo_cases(tmp_path_factory):
    from antt_cli.services.common import working_tree
    from antt_cli.store.dossier import Dossier
    from antt_cli.store.kinds import load_registry

    root = tmp_path_factory.mktemp("judged") / "demo"
    ok("demo", str(root))
    dossier = Dossier.open(Path(root), working_tree(Path(root)))
    return [dossier.case(cid) for cid in dossier.case_ids()], load_registry(), dossier.rules


def test_items_hold_until_the_day_says(demo_cases):
    """For every demo case and every day D from 01/06/2024 for three years: the items of every
    day from D up to `until` are the items of D, and they are `dossier_items`' own."""
    cases, reg, rules = demo_cases
    days = [D(2024, 6, 1) + dt.timedelta(days=n) for n in range(3 * 366)]
    kinds = set()
    for case in cases:
        kinds.add(case.kind)
        judged = []
        for day in days:
            at = JudgedDay(day)
            judged.append((judged_items(case, at, reg, rules), at.until))
        assert judged[0][0] == dossier_items(case, days[0], reg, rules)
        changes = sum(1 for n in range(1, len(days)) if judged[n][0] != judged[n - 1][0])
        spans = 0
        for n, (items, until) in enumerate(judged):
            assert until > days[n]
            stop = min(len(days), n + (until - days[n]).days)
            assert all(judged[m][0] == items for m in range(n, stop)), (case.id, days[n], until)
            spans += until > days[n] + dt.timedelta(days=1)
        assert changes < len(days) // 10 and spans > len(days) // 2, case.id   # the items hold for days
    assert kinds == {"model", "exemplar"}
