"""The guideline as pure code: table-driven tests of the domain rules, property tests of
the parsers (no files, no git, no clock)."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_cli.domain import lifecycle as life
from antt_cli.domain.dates import add_months, evaluation_period, evaluation_year_of, parse_date
from antt_cli.domain.ids import format_id, id_code, is_id, next_id, parse_id
from antt_cli.domain.issuers import steering_body
from antt_cli.domain.model import Case, Record, case_from, record_from
from antt_cli.domain.numbers import body_code_of, format_number, next_number, number_form_ok
from antt_cli.domain.plans import completion_of as completion, parse_number, parse_target, target_met
from antt_cli.domain.interpretations import DEFAULT_RULES, rules_from_profile
from antt_cli.domain.text import collation_key, name_key, same_name
from antt_cli.errors import AnttError
from antt_cli.store.kinds import load_registry

TODAY = dt.date(2026, 6, 20)


# -- Vietnamese text ---------------------------------------------------------------------
@pytest.mark.parametrize("a, b, same", [
    ("Uỷ ban nhân dân xã Hàm Thuận", "Ủy ban nhân dân xã Hàm Thuận", True),
    ("Hoà Thắng", "Hòa Thắng", True),
    ("THUỶ", "thủy", True),
    ("khoẻ", "khỏe", True),
    ("Hoàng", "Hoàng", True),
    ("quý", "quý", True),
    ("Hòa", "Hoa", False),
    ("Ủy ban  nhân dân", "Ủy ban nhân dân", True),
    (unicodedata.normalize("NFD", "Đồn Biên phòng"), "Đồn Biên phòng", True),
])
def test_names_compare_after_nfc_and_tone_placement(a, b, same):
    assert same_name(a, b) is same


def test_tone_moves_only_in_open_syllables():
    assert name_key("Hoàng") == "hoàng"          # closed syllable: the mark stays on a
    assert name_key("hoà") == name_key("hòa") == "hòa"
    assert name_key("quỳnh") == "quỳnh"


def test_vietnamese_collation():
    words = ["đào", "dung", "ơn", "ôn", "on", "ăn", "ân", "an", "ưa", "ua", "ba"]
    assert sorted(words, key=collation_key) == ["an", "ăn", "ân", "ba", "dung", "đào", "on", "ôn",
                                                 "ơn", "ua", "ưa"]


# -- dates -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("2026-03-05", dt.date(2026, 3, 5)), ("05/03/2026", dt.date(2026, 3, 5)), ("5/3/2026", dt.date(2026, 3, 5)),
])
def test_parse_date_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2023", "2023-13-01", "2023/01/01", "", "hôm nay", "1-1-2023"])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        parse_date(text)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_parse_date_round_trips_both_forms(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@pytest.mark.parametrize("text, ok", [("2000-01-01", True), ("1999-12-31", False), ("2099-12-31", True),
                                      ("2100-01-01", False), ("31/12/9999", False), ("01/01/0001", False)])
def test_parse_date_years_2000_to_2099(text, ok):
    if ok:
        assert parse_date(text)
    else:
        with pytest.raises(ValueError):
            parse_date(text)


@pytest.mark.parametrize("text, value", [("0", 0), ("1000000000000", 10 ** 12), ("2,5", 2.5), ("0.0001", 0.0001),
                                         ("12.5000000", 12.5), ("1e3", None), ("1e2", None), ("inf", None),
                                         ("nan", None), ("12,5", 12.5), ("12.5", 12.5), (" 7 ", 7),
                                         ("1.000", None), ("1,000", None), ("12,500", None), ("0,125", 0.125),
                                         ("1,0000", 1), ("1.25", 1.25), ("1.2500", 1.25), ("1 000", None),
                                         ("1.000.000", None), ("+5", None), (".5", None), ("5.", None),
                                         ("1000000000000.5", None), ("1e400", None), ("1e999", None),
                                         ("1e5000", None), ("0.00001", None), ("NaN", None), ("Infinity", None),
                                         ("-1", None), ("9" * 100, None)])
def test_parse_number_forms(text, value):
    from antt_cli.domain.plans import parse_number

    if value is None:
        with pytest.raises(ValueError):
            parse_number(text)
    else:
        assert parse_number(text) == value


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_evaluation_year_contains_the_day(day):
    start, end = evaluation_period(evaluation_year_of(day))
    assert start <= day <= end


def test_add_months_civil_code():
    assert add_months(dt.date(2025, 12, 31), 10) == dt.date(2026, 10, 31)
    assert add_months(dt.date(2025, 1, 1), 10) == dt.date(2025, 11, 1)
    assert add_months(dt.date(2025, 12, 31), 2) == dt.date(2026, 2, 28)


# -- IDs and numbers ---------------------------------------------------------------------
@given(st.integers(2000, 2100), st.integers(1, 99999), st.sampled_from(["model", "exemplar"]),
       st.sampled_from(["", "HT", "PT2"]))
def test_ids_round_trip(year, seq, kind, prefix):
    text = format_id(prefix, kind, year, seq)
    assert parse_id(text) == (prefix, "MH" if kind == "model" else "DH", year, seq)
    assert is_id(text) and id_code(text) == parse_id(text)[1]


@pytest.mark.parametrize("text", ["", "MH-2026-01", "mh-2026-001", "MH-26-001", "XX-2026-001", "MH-2026-001/",
                                  "../MH-2026-001", "MH-2026-001 ", "HT-MH-2026-001x"])
def test_is_id_refuses_what_parse_id_refuses(text):
    assert is_id(text) is (parse_id(text) is not None) is False


def test_next_id_never_reuses_and_counts_per_year_and_kind():
    existing = ["MH-2026-001", "MH-2026-003", "DH-2026-007", "MH-2025-009", "HT-MH-2026-010"]
    assert next_id(existing, "", "model", 2026) == "MH-2026-004"
    assert next_id(existing, "", "exemplar", 2026) == "DH-2026-008"
    assert next_id(existing, "", "model", 2027) == "MH-2027-001"
    assert next_id(existing, "HT", "model", 2026) == "HT-MH-2026-011"


@pytest.mark.parametrize("text, party, ok", [
    ("05/QĐ-UBND", False, True), ("12/UBND-VX", False, True), ("123/KH-CAX", False, True),
    ("5/QĐ-UBND", False, False), ("00/QĐ-UBND", False, False), ("05 /QĐ-UBND", False, False),
    ("05-NQ/ĐU", True, True), ("05/QĐ-UBND", True, False), ("QĐ-UBND", False, False),
])
def test_number_form(text, party, ok):
    assert number_form_ok(text, party) is ok


@given(st.integers(1, 9999))
def test_formatted_numbers_have_the_official_form(n):
    state = format_number(n, "QĐ", "UBND")
    party = format_number(n, "NQ", "ĐU", party=True)
    assert number_form_ok(state) and number_form_ok(party, party=True)
    assert body_code_of(state) == "UBND" and body_code_of(party) == "ĐU"
    assert (n < 10) == state.startswith("0")


def test_next_number_shares_the_register():
    assert next_number([], "KH", "CAX") == "01/KH-CAX"
    assert next_number(["01/KH-CAX", "02/BC-CAX"], "BC", "CAX") == "03/BC-CAX"
    assert next_number(["09-NQ/ĐU"], "NQ", "ĐU", party=True) == "10-NQ/ĐU"


# -- plans and completion ----------------------------------------------------------------
@pytest.mark.parametrize("spec, expected", [
    ("Tuyên truyền=12", {"text": "Tuyên truyền", "op": ">=", "planned": 12, "achieved": None}),
    ("Vụ trộm<=3", {"text": "Vụ trộm", "op": "<=", "planned": 3, "achieved": None}),
    ("Vụ trộm <= 0", {"text": "Vụ trộm", "op": "<=", "planned": 0, "achieved": None}),
    ("Tuần tra>=4", {"text": "Tuần tra", "op": ">=", "planned": 4, "achieved": None}),
    ("Tỷ lệ = 2,5", {"text": "Tỷ lệ", "op": ">=", "planned": 2.5, "achieved": None}),
    ("Không để xảy ra điểm nóng", {"text": "Không để xảy ra điểm nóng", "op": "yes-no", "done": False}),
])
def test_parse_target(spec, expected):
    from antt_cli.domain.model import target_to

    assert target_to(parse_target(spec)) == expected


@pytest.mark.parametrize("text, reason", [("1e2", "form"), ("inf", "form"), ("nan", "form"), ("abc", "form"),
                                          ("1.000", "ambiguous"), ("1,000", "ambiguous"), ("-1", "range"),
                                          ("1000000000001", "range"), ("0.00001", "range")])
def test_parse_number_says_why(text, reason):
    from antt_cli.domain.plans import NumberError

    with pytest.raises(NumberError) as refused:
        parse_number(text)
    assert refused.value.reason == reason


@pytest.mark.parametrize("spec", ["=12", "A=", "A=x", "A=-1", "A>3", "A==3", "A<=3<=4", "", "A<3"])
def test_parse_target_refuses(spec):
    with pytest.raises(ValueError):
        parse_target(spec)


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_parse_number_accepts_decimals(value):
    assert parse_number(str(value)) == pytest.approx(float(value))


def test_target_met_and_completion():
    targets = [
        {"text": "a", "op": ">=", "planned": 10, "achieved": 10},
        {"text": "b", "op": ">=", "planned": 10, "achieved": 9.5},
        {"text": "c", "op": "<=", "planned": 0, "achieved": 0},
        {"text": "d", "op": "yes-no", "done": True},
        {"text": "e", "op": "<=", "planned": 2, "achieved": None},
        {"text": "f", "op": ">=", "planned": 4, "achieved": None},
    ]
    assert [target_met(t) for t in targets] == [True, False, True, True, False, False]
    assert completion(targets) == pytest.approx(50.0)
    # `mean`: 100 + 95 + 100 + 100 + 0 + 0, over 6
    assert completion(targets, "mean") == pytest.approx(395 / 6)
    assert completion([]) is None


def test_completion_is_compared_before_rounding():
    # 8 of 9 targets: 88.89 % — shown 88.9, and below the 90 % of Tốt.
    targets = [{"text": str(i), "op": "yes-no", "done": i < 8} for i in range(9)]
    assert completion(targets) < DEFAULT_RULES.thresholds["tot"]


# -- rules (interpretations) -------------------------------------------------------------
def test_rules_from_profile_overrides_and_refuses_unknown():
    rules = rules_from_profile({"completion": "mean", "thresholds": {"tot": 85}, "eligible_months": 12})
    assert rules.completion == "mean" and rules.thresholds["tot"] == 85 and rules.thresholds["kha"] == 70
    assert rules.eligible_months == 12
    with pytest.raises(ValueError):
        rules_from_profile({"nonsense": 1})
    with pytest.raises(ValueError):
        rules_from_profile({"completion": "median"})


# -- the lifecycle -----------------------------------------------------------------------
REG = load_registry()


def case(linked=False, kinds=(), opened=dt.date(2025, 12, 1), **extra) -> Case:
    docs = [{"kind": k, "date": dt.date(2026, 1, 1 + i), "issuer": "Ủy ban nhân dân xã A"}
            for i, k in enumerate(kinds)]
    data = {"id": "MH-2026-001", "kind": "model", "name": "M", "linked": linked, "status": "building",
            "members": ["Công an xã A", "Đồn Biên phòng B"] if linked else [], "documents": docs,
            "plans": {}, "authority": None, "opened": opened}
    data.update(extra)
    return case_from(data)


def record(kind, day=dt.date(2026, 6, 1), **extra) -> Record:
    data = {"kind": kind, "date": day, "issuer": "Ủy ban nhân dân xã A", "fields": {}}
    data.update(extra)
    return record_from(data)


def check(c: Case, kind: str, r: Record) -> None:
    """What `antt record` asks of the domain, in its order."""
    k = REG[kind]
    life.check_recordable(c, k, REG, command=k.command)
    life.check_record(c, k, r, TODAY, REG)


def all_before(kind: str, linked: bool) -> list[str]:
    """Every build kind before `kind` in table order (which respects prerequisites)."""
    names = [k.name for k in REG.build_kinds() if linked or not k.linked_only]
    return names[: names.index(kind)]


@pytest.mark.parametrize("linked", [False, True])
def test_each_build_kind_needs_exactly_its_prerequisites(linked):
    for k in REG.build_kinds():
        if k.linked_only and not linked:
            continue
        done = all_before(k.name, linked)
        for missing in REG.prerequisites(k, linked):
            with pytest.raises(AnttError) as err:
                life.check_recordable(case(linked, [d for d in done if d != missing]), k, REG, command=k.command)
            assert err.value.key == "domain.missing_prerequisites"
            assert missing in [name for name, _ in err.value.params["missing"].kinds]


def test_table_prerequisites_match_spec():
    assert REG.prerequisites(REG["survey-report"], False) == ("survey-plan",)
    assert REG.prerequisites(REG["proposal"], True) == ("survey-report", "member-agreement")
    assert REG.prerequisites(REG["proposal"], False) == ("survey-report",)
    assert "coordination-regulation" in REG.prerequisites(REG["launch"], True)
    assert "coordination-regulation" not in REG.prerequisites(REG["launch"], False)
    assert set(REG.authority_decisions()) <= set(REG.prerequisites(REG["launch"], False))
    assert REG.authority_decisions() == ("establishment-decision", "steering-committee-decision",
                                         "member-list-decision", "launch-plan")
    for k in REG.of_case("model"):  # an exemplar's step 6 follows its recognition (tests/test_exemplars.py)
        if k.step == 6:
            assert "launch" in k.requires


def test_linked_only_kinds_refused_on_plain_models():
    for name in ("member-agreement", "coordination-regulation", "lead-rotation"):
        with pytest.raises(AnttError) as err:
            check(case(False, ["survey-plan", "survey-report"]), name, record(name))
        assert err.value.key == "domain.linked_only"


def test_survey_plan_needs_its_approval_on_or_after_its_date():
    with pytest.raises(AnttError) as err:
        check(case(), "survey-plan", record("survey-plan"))
    assert err.value.key == "domain.approval_required"
    with pytest.raises(AnttError) as err:
        check(case(), "survey-plan", record("survey-plan", approved_by="Đảng ủy xã A",
                                            approved_date=dt.date(2026, 5, 31)))
    assert err.value.key == "domain.approval_before_plan"
    check(case(), "survey-plan", record("survey-plan", approved_by="Đảng ủy xã A",
                                        approved_date=dt.date(2026, 6, 1)))


def test_survey_report_not_before_the_approval():
    c = case(documents=[{"kind": "survey-plan", "date": dt.date(2026, 1, 5), "approved_by": "Đảng ủy",
                         "approved_date": dt.date(2026, 1, 10)}])
    with pytest.raises(AnttError) as err:
        check(c, "survey-report", record("survey-report", dt.date(2026, 1, 9)))
    assert err.value.key == "domain.approval_required_after"
    check(c, "survey-report", record("survey-report", dt.date(2026, 1, 10)))


def test_the_same_date_check_serves_amend():
    """docs/rules.md: moving the survey report before the plan's approval is refused by amend too."""
    c = case(documents=[{"kind": "survey-plan", "date": dt.date(2026, 1, 5), "approved_by": "Đảng ủy",
                         "approved_date": dt.date(2026, 1, 10)},
                        {"kind": "survey-report", "date": dt.date(2026, 1, 20)}])
    moved = c.documents[1]
    moved.date = dt.date(2026, 1, 8)
    with pytest.raises(AnttError) as err:
        life.check_dates(c, REG["survey-report"], moved, TODAY, REG)
    assert err.value.key == "domain.approval_required_after"
    # and a prerequisite may not be moved after what follows it
    plan = c.documents[0]
    plan.date = dt.date(2026, 1, 25)
    with pytest.raises(AnttError) as err:
        life.check_dates(c, REG["survey-plan"], plan, TODAY, REG)
    assert err.value.key in ("domain.dependent_before", "domain.approval_before_plan")


def test_dates_not_in_future_nor_before_prerequisites_nor_before_opening():
    c = case(False, ["survey-plan"])
    with pytest.raises(AnttError) as err:
        check(c, "survey-report", record("survey-report", dt.date(2026, 6, 21)))
    assert err.value.key == "domain.date_in_future"
    with pytest.raises(AnttError) as err:
        check(c, "survey-report", record("survey-report", dt.date(2025, 12, 31)))
    assert err.value.key == "domain.date_before_prerequisite"
    with pytest.raises(AnttError) as err:
        check(case(opened=dt.date(2026, 2, 1)), "survey-plan",
              record("survey-plan", dt.date(2026, 1, 31), approved_by="X", approved_date=dt.date(2026, 2, 2)))
    assert err.value.key == "domain.date_before_opening"


def test_step4_decisions_share_one_issuer_after_normalisation():
    c = case(False, all_before("establishment-decision", False))
    c = life.apply_record(c, REG["establishment-decision"], record("establishment-decision"))
    assert c.authority == "Ủy ban nhân dân xã A"
    check(c, "launch-plan", record("launch-plan", issuer="Uỷ ban nhân dân xã A"))
    with pytest.raises(AnttError) as err:
        check(c, "launch-plan", record("launch-plan", issuer="Ủy ban nhân dân xã B"))
    assert err.value.key == "domain.issuer_not_authority"


def test_members_required_where_the_spec_says():
    c = case(False, all_before("establishment-decision", False))
    with pytest.raises(AnttError) as err:
        check(c, "steering-committee-decision", record("steering-committee-decision"))
    assert err.value.key == "domain.members_required"
    # consultation: required when membership is limited, not when it is open
    c = case(False, all_before("consultation", False))
    with pytest.raises(AnttError) as err:
        check(c, "consultation", record("consultation"))
    assert err.value.key == "domain.members_required"
    check(case(False, all_before("consultation", False), membership="open"), "consultation", record("consultation"))


def test_consultation_of_linked_needs_lead_unit():
    c = case(True, all_before("consultation", True))
    members = [{"name": "Nguyễn Văn A"}]
    with pytest.raises(AnttError) as err:
        check(c, "consultation", record("consultation", members=members))
    assert err.value.key == "domain.lead_unit_required"
    bad = record("consultation", members=members, fields={"lead_unit": "Công an xã C"})
    with pytest.raises(AnttError) as err:
        check(c, "consultation", bad)
    assert err.value.key == "domain.lead_unit_not_member"
    good = record("consultation", members=members,
                  fields={"lead_unit": "Đồn Biên phòng B", "lead_units": "Đồn Biên phòng B, Công an xã A"})
    check(c, "consultation", good)
    after = life.apply_record(c, REG["consultation"], good)
    assert after.lead_unit == "Đồn Biên phòng B"
    assert after.lead_units == ["Đồn Biên phòng B", "Công an xã A"]
    assert c.lead_unit is None  # the domain returns a new case


def test_non_repeatable_kinds_once_and_launch_activates():
    c = case(False, ["survey-plan"])
    with pytest.raises(AnttError) as err:
        check(c, "survey-plan", record("survey-plan"))
    assert err.value.key == "domain.already_recorded"
    assert life.apply_record(case(), REG["launch"], record("launch")).status == "active"


def test_launch_needs_the_plan_of_its_year_or_the_next():
    """docs/rules.md: the first plan is for the evaluation year containing the launch date or the next."""
    done = all_before("launch", False)
    c = case(False, done, plans={2025: {"targets": []}})
    with pytest.raises(AnttError) as err:
        check(c, "launch", record("launch", dt.date(2026, 3, 1)))
    assert err.value.key == "domain.launch_needs_plan"
    check(case(False, done, plans={2027: {"targets": []}}), "launch", record("launch", dt.date(2026, 3, 1)))
    check(case(False, done, plans={2026: {"targets": []}}), "launch", record("launch", dt.date(2026, 3, 1)))


def test_plan_year_may_not_have_ended_nor_precede_the_opening():
    done = all_before("annual-plan", False)
    c = case(False, done)
    with pytest.raises(AnttError) as err:
        check(c, "annual-plan", record("annual-plan", dt.date(2026, 6, 1), year=2025))
    assert err.value.key == "domain.plan_year_ended"
    c = case(False, done, opened=dt.date(2025, 12, 1))
    with pytest.raises(AnttError) as err:
        check(c, "annual-plan", record("annual-plan", dt.date(2026, 6, 1), year=2025))
    assert err.value.key in ("domain.plan_year_ended", "domain.plan_before_opening")
    check(c, "annual-plan", record("annual-plan", dt.date(2026, 6, 1), year=2026))
    check(c, "annual-plan", record("annual-plan", dt.date(2026, 6, 1), year=2027))


def test_current_step():
    assert life.current_step(case(), REG) == 1
    assert life.current_step(case(False, all_before("party-policy", False)), REG) == 2
    assert life.current_step(case(False, all_before("consultation", False)), REG) == 3
    assert life.current_step(case(False, all_before("establishment-decision", False)), REG) == 4
    assert life.current_step(case(status="active"), REG) == 5


def test_periodic_report_year_default():
    report_year = life.report_year
    assert report_year(dt.date(2026, 11, 3), "annual") == 2026
    assert report_year(dt.date(2026, 11, 3), "ad-hoc") == 2027
    assert report_year(dt.date(2026, 4, 28), "6-month") == 2026


def test_huyen_level_refused_for_new_cases_after_the_reform():
    life.check_new_model("huyen", dt.date(2025, 6, 30), DEFAULT_RULES.huyen_abolished)
    with pytest.raises(AnttError):
        life.check_new_model("huyen", dt.date(2025, 7, 1), DEFAULT_RULES.huyen_abolished)


def test_unknown_kind_is_refused_with_the_nearest_or_the_list():
    with pytest.raises(AnttError) as refusal:
        life.kind_spec(REG, "quyết-định")
    assert refusal.value.key == "domain.kind_ambiguous"
    with pytest.raises(AnttError) as refusal:
        life.kind_spec(REG, "zzz-zzz")  # nothing near: the list
    assert refusal.value.key == "domain.unknown_kind"


# -- what is owed next (§III.1.d plans, §III.1.đ 6-month reports) -------------------------
def active_case(launch: dt.date, plans=(), reports=(), opened=None):
    docs = [{"kind": "launch", "date": launch}]
    docs += [{"kind": "periodic-report", "date": dt.date(y, 4, 28), "year": y, "fields": {"period": "6-month"}}
             for y in reports]
    return case_from({"id": "MH-2025-001", "status": "active", "documents": docs, "opened": opened,
                      "plans": {y: {"targets": []} for y in plans}})


def next_due(c, today, rules=DEFAULT_RULES):
    from antt_cli.domain.deadlines import next_due as due_of_digest
    from antt_cli.domain.digest import case_digest

    from antt_cli.reports.status import due_fields

    due = due_of_digest(case_digest(c, REG), today, rules)
    return None if due is None else (due.day, due_fields(due, today, c.kind, REG)["next_due_what"])


def test_next_due_plan_and_six_month_report():
    # Launched 15/03/2026, plan 2026 recorded: the 6-month report of 2026 is due before 05/05/2026.
    c = active_case(dt.date(2026, 3, 15), plans=[2026])
    assert next_due(c, dt.date(2026, 4, 1)) == (dt.date(2026, 5, 4), "periodic-report 6-month 2026")
    # Still owed (overdue) months later, before the annual report and the 2027 plan.
    assert next_due(c, dt.date(2026, 11, 25))[1] == "periodic-report 6-month 2026"
    # With it recorded: the annual report of 2026 (not yet eligible for rating) before 05/11/2026.
    c = active_case(dt.date(2026, 3, 15), plans=[2026], reports=[2026])
    assert next_due(c, dt.date(2026, 6, 20)) == (dt.date(2026, 11, 4), "periodic-report annual 2026")
    # Launched 10/04/2026: only 21 days of the 6-month period, fewer than 30 — no 6-month report owed.
    c = active_case(dt.date(2026, 4, 10), plans=[2026])
    assert next_due(c, dt.date(2026, 6, 20)) == (dt.date(2026, 11, 4), "periodic-report annual 2026")
    # Launched 10/10/2026: 22 days of the evaluation year — the next thing owed is the 2027 plan.
    c = active_case(dt.date(2026, 10, 10), plans=[2026])
    assert next_due(c, dt.date(2026, 10, 20)) == (dt.date(2026, 11, 30), "annual-plan 2027")
    assert next_due(case_from({"id": "MH-2026-001", "status": "building"}), dt.date(2026, 6, 20)) is None


def test_no_plan_due_before_the_first_plans_year():
    """docs/rules.md: opened 01/09/2025, planned for 2026, launched 31/10/2025 — the 2025 plan is not owed."""
    c = active_case(dt.date(2025, 10, 31), plans=[2026], opened=dt.date(2025, 9, 1))
    due = next_due(c, dt.date(2025, 11, 5))
    assert due is None or "annual-plan 2025" not in due[1]
    assert due is None or due[0] >= dt.date(2025, 11, 5) or "2026" in due[1]


def test_steering_body_name():
    assert steering_body("Tổ tự quản thôn A") == "Ban Chỉ đạo mô hình Tổ tự quản thôn A"
    assert steering_body("Mô hình liên kết bến cá") == "Ban Chỉ đạo Mô hình liên kết bến cá"


_VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ "


@given(st.text(alphabet=_VIET + _VIET.upper(), max_size=40))
def test_name_key_is_stable_under_normalisation(text):
    assert name_key(name_key(text)) == name_key(text)
    assert same_name(unicodedata.normalize("NFD", text), text)
    assert unicodedata.normalize("NFC", name_key(text)) == name_key(text)
