"""The rating rule of HD 163 §III.2 as pure code: table-driven tests at every boundary
(completion thresholds, each criterion missing for each grade, each Yếu trigger, a case's
own criterion, eligibility by the Civil Code), and the dossier items of §V.1."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from antt_cli.domain import dossier_items as di
from antt_cli.domain import rating as R
from antt_cli.domain.model import AT_LEAST, AT_MOST, YES_NO, Case, Criterion, Plan, Record, Target
from antt_cli.domain.interpretations import DEFAULT_RULES
from antt_cli.errors import AnttError
from antt_cli.store.kinds import load_registry

REG = load_registry()
MEAN = replace(DEFAULT_RULES, completion="mean")
ALL_YES = {k: (True, R.GIVEN) for k in R.answerable_keys(Case(id="x")) if k not in R.TRIGGERS}


def model(targets=(), criteria=()) -> Case:
    return Case(id="MH-2026-001", status="active", plans={2026: Plan(2026, targets=list(targets))},
                criteria=tuple(criteria))


def grade(c: Case, answers=None, rules=DEFAULT_RULES, dossier=True, anything=True) -> R.Assessment:
    done = R.completion_for(c, 2026, rules)
    return R.assess(c, 2026, ALL_YES if answers is None else answers, completion=done,
                    dossier_complete=dossier, dossier_any=anything, rules=rules)


def share(met: int, total: int) -> list[Target]:
    return [Target(f"t{i}", YES_NO, done=i < met) for i in range(total)]


@pytest.mark.parametrize("met, total, expected, shown", [
    (10, 10, "tot", None),
    (9, 10, "tot", None),                  # 90 % exactly: Tốt
    (8, 9, "kha", "88,9 % < 90 %"),        # 88,9 %: Khá, and says why
    (7, 10, "kha", "70,0 % < 90 %"),
    (69, 100, "trung-binh", "69,0 % < 70 %"),
    (1, 2, "trung-binh", "50,0 % < 70 %"),
    (49, 100, "yeu", "49,0 % < 50 %"),
])
def test_completion_share_boundaries(met, total, expected, shown):
    a = grade(model(share(met, total)))
    assert a.grade == expected
    texts = [R.missed_text(m) for m in a.missed]
    if shown is None:
        assert a.missed == ()
    else:
        assert any(t.endswith(shown) for t in texts), texts


@pytest.mark.parametrize("achieved, expected, shown", [
    (70, "kha", "70,0 % < 90 %"),
    (69.9, "trung-binh", "69,9 % < 70 %"),
    (50, "trung-binh", "50,0 % < 70 %"),
    (49.9, "yeu", "49,9 % < 50 %"),
])
def test_completion_mean_boundaries(achieved, expected, shown):
    a = grade(model([Target("Tuần tra", AT_LEAST, planned=100, achieved=achieved)]), rules=MEAN)
    assert a.grade == expected
    assert any(R.missed_text(m).endswith(shown) for m in a.missed), [R.missed_text(m) for m in a.missed]


@pytest.mark.parametrize("planned, achieved, rules, expected", [
    (0, 0, DEFAULT_RULES, "tot"),       # a reduction target of 0 met by 0
    (0, 1, DEFAULT_RULES, "yeu"),       # … missed by one case
    (3, 3, DEFAULT_RULES, "tot"),
    (3, 4, DEFAULT_RULES, "yeu"),
    (0, 1, MEAN, "yeu"),                # mean: beyond a ceiling of 0 achieves nothing
    (4, 5, MEAN, "kha"),                # 4/5 = 80 %
])
def test_reduction_targets(planned, achieved, rules, expected):
    a = grade(model([Target("Vụ trộm", AT_MOST, planned=planned, achieved=achieved)]), rules=rules)
    assert a.grade == expected


# The grade when only this criterion is not met, with completion 100 %, and with 80 % (Khá
# range) — docs/rules.md's table read row by row.
@pytest.mark.parametrize("key, at_100, at_80", [
    ("direction", "yeu", "yeu"),
    ("resources", "trung-binh", "trung-binh"),
    ("per-plan", "yeu", "yeu"),
    ("support", "yeu", "yeu"),
    ("support-broad", "trung-binh", "trung-binh"),
    ("socialized", "kha", "kha"),
    ("members", "yeu", "yeu"),
    ("members-excellent", "trung-binh", "trung-binh"),
    ("reporting", "yeu", "yeu"),
    ("reporting-timely", "trung-binh", "trung-binh"),
])
def test_each_criterion_missing(key, at_100, at_80):
    answers = {**ALL_YES, key: (False, R.GIVEN)}
    a100 = grade(model(share(10, 10)), answers)
    a80 = grade(model(share(8, 10)), answers)
    assert (a100.grade, a80.grade) == (at_100, at_80)
    if at_100 != "tot":
        assert key in [m.key for m in a100.missed] or (key == "direction" and "no-direction" in
                                                       [m.key for m in a100.missed])


def test_a_criterion_not_given_counts_as_not_met_and_says_so():
    answers = {k: v for k, v in ALL_YES.items() if k != "socialized"}
    a = grade(model(share(10, 10)), answers)
    assert a.grade == "kha"
    state = next(s for s in a.criteria if s.key == "socialized")
    assert (state.met, state.source) == (False, R.DEFAULT)


def test_dossier_incomplete_is_yeu_and_no_dossier_is_a_trigger():
    assert grade(model(share(10, 10)), dossier=False).grade == "yeu"
    a = grade(model(share(10, 10)), dossier=False, anything=False)
    assert "no-dossier" in [m.key for m in a.yeu_reasons]


@pytest.mark.parametrize("trigger", ["formalistic", "misconduct", "untruthful"])
def test_each_answered_yeu_trigger(trigger):
    a = grade(model(share(10, 10)), {**ALL_YES, trigger: (True, R.GIVEN)})
    assert a.grade == "yeu"
    assert [m.key for m in a.yeu_reasons] == [trigger]
    assert a.missed[0].key == trigger  # the explanation starts with what forced Yếu


def test_computed_yeu_triggers():
    a = grade(model(share(4, 10)), {**ALL_YES, "direction": (False, R.GIVEN)})
    assert a.grade == "yeu"
    assert [m.key for m in a.yeu_reasons] == ["no-direction", "low-completion"]


@pytest.mark.parametrize("lowest, missing_gives", [("tot", "kha"), ("kha", "trung-binh"), ("trung-binh", "yeu")])
def test_case_specific_criterion(lowest, missing_gives):
    c = model(share(10, 10), [Criterion("no-fire", "Không để xảy ra cháy nổ", lowest)])
    assert grade(c, {**ALL_YES, "no-fire": (True, R.GIVEN)}).grade == "tot"
    a = grade(c, {**ALL_YES, "no-fire": (False, R.GIVEN)})
    assert a.grade == missing_gives
    assert "no-fire" in [m.key for m in a.missed]


def test_no_plan_or_no_targets_is_a_clear_error():
    with pytest.raises(AnttError) as err:
        R.completion_for(model([]), 2026, DEFAULT_RULES)
    assert err.value.key == "domain.rating.no_targets"
    with pytest.raises(AnttError) as err:
        R.completion_for(model([]), 2025, DEFAULT_RULES)
    assert err.value.key == "domain.rating.no_plan"


def established(day: dt.date) -> Case:
    kind = REG.authority_decisions()[0]
    return Case(id="MH-2025-001", status="active", documents=[Record(kind=kind, date=day)])


@pytest.mark.parametrize("decided, year, ok, first", [
    (dt.date(2025, 12, 31), 2026, True, 2026),   # + 10 months = 31/10/2026
    (dt.date(2026, 1, 1), 2026, False, 2027),    # + 10 months = 01/11/2026: next year
    (dt.date(2025, 12, 30), 2026, True, 2026),
    (dt.date(2025, 1, 1), 2025, False, 2026),
])
def test_eligibility_counts_months_as_the_civil_code(decided, year, ok, first):
    c = established(decided)
    assert R.first_eligible_year(decided, DEFAULT_RULES) == first
    if ok:
        R.check_eligible(c, year, REG, DEFAULT_RULES)
    else:
        with pytest.raises(AnttError) as err:
            R.check_eligible(c, year, REG, DEFAULT_RULES)
        assert err.value.params["first"] == first


def test_no_establishment_decision_is_not_eligible():
    with pytest.raises(AnttError) as err:
        R.check_eligible(Case(id="x"), 2026, REG, DEFAULT_RULES)
    assert err.value.key == "domain.rating.no_establishment"


@pytest.mark.parametrize("step, last_good", [(R.PROPOSAL, 4), (R.DECISION, 9), (R.SUBMISSION, 14)])
def test_deadlines_are_strict(step, last_good):
    assert R.last_good_day(2026, step, DEFAULT_RULES) == dt.date(2026, 11, last_good)
    assert not R.is_late(dt.date(2026, 11, last_good), 2026, step, DEFAULT_RULES)
    assert R.is_late(dt.date(2026, 11, last_good + 1), 2026, step, DEFAULT_RULES)


def test_decided_grade_ignores_superseded_decisions():
    kind = REG.rating_kind(R.DECISION).name
    first = Record(kind=kind, date=dt.date(2026, 11, 8), year=2026, fields={"grade": "kha"},
                   extra={"superseded": "2026-11-20"})
    second = Record(kind=kind, date=dt.date(2026, 11, 20), year=2026, fields={"grade": "tot"})
    c = Case(id="x", documents=[first, second])
    assert R.decided_grade(c, 2026, REG) == "tot"
    assert R.latest_decided_grade(c, REG) == "tot"
    assert R.decided_grade(Case(id="x", documents=[first]), 2026, REG) is None
    assert R.latest_decided_grade(Case(id="x"), REG) is None


def test_percent_text_uses_the_decimal_comma():
    assert R.percent_text(800 / 9) == "88,9 %"
    assert R.percent_text(90.0) == "90,0 %"
    assert R.threshold_text(90.0) == "90 %"


# -- the dossier items of §V.1 --------------------------------------------------------------
D = dt.date


def built(upto_step: int = 5, linked: bool = False) -> Case:
    """A model with every required build kind up to `upto_step` recorded (launched at 5)."""
    docs = [Record(kind=k.name, date=D(2025, 10, 25)) for k in REG.build_kinds()
            if k.step <= upto_step and not k.optional and k.applies(linked)]
    launched = upto_step >= 5
    for r in docs:
        if "activate" in REG[r.kind].effects:
            r.date = D(2025, 11, 8)
    return Case(id="MH-2025-001", status="active" if launched else "building", linked=linked,
                opened=D(2025, 9, 1), documents=docs,
                plans={2026: Plan(2026, date=D(2025, 10, 30), targets=[Target("t", YES_NO, done=True)])})


def kind_of(item: int) -> str:
    return next(k.name for k in REG.of_case("model") if k.item == item and not k.optional)


def year_records(case: Case, six_month=True, evidence=True) -> Case:
    if six_month:
        case.documents.append(Record(kind=kind_of(10), date=D(2026, 5, 3), year=2026, fields={"period": "6-month"}))
    if evidence:
        case.documents.append(Record(kind=kind_of(11), date=D(2026, 10, 1)))
    return case


def states(case: Case, day: D, rated_year=None) -> dict[int, tuple[str, tuple[str, ...]]]:
    return {i.no: (i.state, i.missing) for i in di.dossier_items(case, day, REG, DEFAULT_RULES, rated_year)}


def test_dossier_items_of_a_rated_year_complete_and_each_part_missing():
    assert di.complete(di.dossier_items(year_records(built()), D(2026, 11, 3), REG, DEFAULT_RULES, 2026))
    s = states(year_records(built(), evidence=False), D(2026, 11, 3), 2026)
    assert s[11] == ("missing", (f"{kind_of(11)} 2026",))
    s = states(year_records(built(), six_month=False), D(2026, 11, 3), 2026)
    assert s[10] == ("missing", (f"{kind_of(10)} 6-month 2026",))
    assert s[12] == ("n/a", ()) and s[14] == ("n/a", ())   # "nếu có"
    assert s[16][0] == "present"                           # the consultation


def test_annual_report_and_decision_become_due():
    reg_p, reg_d = REG.rating_kind(R.PROPOSAL).name, REG.rating_kind(R.DECISION).name
    case = year_records(built())
    # no proposal: the annual report of 2026 is owed from 05/11/2026
    assert states(case, D(2026, 11, 4))[10][0] == "present"
    assert states(case, D(2026, 11, 5))[10] == ("missing", (f"{kind_of(10)} annual 2026",))
    case.documents.append(Record(kind=reg_p, date=D(2026, 11, 3), year=2026, fields={"grade": "kha"}))
    assert states(case, D(2026, 11, 5))[10][0] == "present"   # the proposal is the annual report
    assert states(case, D(2026, 11, 9))[13][0] == "present"
    assert states(case, D(2026, 11, 10))[13] == ("missing", (f"{reg_d} 2026",))
    case.documents.append(Record(kind=reg_d, date=D(2026, 11, 8), year=2026, fields={"grade": "kha"}))
    assert states(case, D(2026, 11, 10))[13][0] == "present"
    # the review: not due, with a warning once the rated year has ended
    review = next(i for i in di.dossier_items(case, D(2026, 11, 10), REG, DEFAULT_RULES) if i.no == 15)
    assert (review.state, review.warning) == ("not-due", True)


def test_dossier_items_of_a_model_being_built():
    case = built(upto_step=2)
    case.documents = [d for d in case.documents if REG[d.kind].step <= 1]  # step 2 in progress
    s = states(case, D(2026, 1, 1))
    assert s[1][0] == s[2][0] == s[3][0] == "present"
    assert s[4][0] == s[6][0] == s[9][0] == "not-due"
    case.documents = case.documents[:1]   # the survey report missing while step 1 … is still running
    assert states(case, D(2026, 1, 1))[2][0] == "not-due"


def test_a_closing_model_is_not_rated():
    for status in ("closing", "closed"):
        with pytest.raises(AnttError) as err:
            R.check_ratable(Case(id="x", status=status))
        assert err.value.key == "domain.rating.closing"
    R.check_ratable(Case(id="x", status="active"))
