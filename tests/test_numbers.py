"""Document numbers (domain/numbers.py): the form NĐ 30/2020 gives them, the type and body
codes a number must carry, and the one register per body per year (docs/interpretations.md)."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_cli.domain.numbers import (MAX_DIGITS, MAX_LENGTH, format_number, next_number, number_problem,
                                     own_code_holder, register_clash)
from antt_cli.errors import AnttError
from antt_cli.i18n import t

PLAN, DECISION, PARTY_POLICY, LETTER = ("KH",), ("QĐ",), ("NQ", "TB"), ("",)


@pytest.mark.parametrize("number, types, body, party, problem", [
    # well formed
    ("05/QĐ-UBND", DECISION, "UBND", False, None),
    ("05/KH-UBND", PLAN, "UBND", False, None),
    ("123/QĐ-CAT-PC06", DECISION, "CAT-PC06", False, None),     # a body code with its own hyphen
    ("9999/QĐ-UBND", DECISION, "UBND", False, None),
    ("05-NQ/ĐU", PARTY_POLICY, "ĐU", True, None),
    ("05-TB/ĐU", PARTY_POLICY, "ĐU", True, None),
    ("12/UBND-VX", LETTER, "UBND-VX", False, None),             # a công văn has no type code
    ("01/QC-BCĐ", ("QC",), None, False, None),                  # undeclared issuer: form only
    ("01/QC-XYZ", ("QC",), None, False, None),
    # form
    ("5/QĐ-UBND", DECISION, "UBND", False, "domain.numbers.bad_form"),
    ("00/QĐ-UBND", DECISION, "UBND", False, "domain.numbers.bad_form"),
    ("05 /QĐ-UBND", DECISION, "UBND", False, "domain.numbers.bad_form"),
    ("QĐ-UBND", DECISION, "UBND", False, "domain.numbers.bad_form"),
    ("05/QĐ", DECISION, None, False, "domain.numbers.bad_form"),
    ("05/UBND", DECISION, "UBND", False, "domain.numbers.bad_form"),   # the type code is missing
    ("05/QĐ-UBND", PARTY_POLICY, "ĐU", True, "domain.numbers.bad_form"),  # state form for a party body
    ("05-NQ/ĐU", DECISION, "UBND", False, "domain.numbers.bad_form"),  # party form for a state body
    ("", DECISION, None, False, "domain.numbers.bad_form"),
    # type code
    ("05/KH-UBND", DECISION, "UBND", False, "domain.numbers.bad_type"),
    ("05/QĐ-UBND", PLAN, "UBND", False, "domain.numbers.bad_type"),
    ("05-QĐ/ĐU", PARTY_POLICY, "ĐU", True, "domain.numbers.bad_type"),
    ("05/BC-CAX", PLAN, None, False, "domain.numbers.bad_type"),       # checked for undeclared issuers too
    # body code
    ("05/QĐ-CAX", DECISION, "UBND", False, "domain.numbers.bad_body_code"),
    ("05-NQ/HU", PARTY_POLICY, "ĐU", True, "domain.numbers.bad_body_code"),
    ("05/QĐ-UBND", DECISION, "UBND-VX", False, "domain.numbers.bad_body_code"),
    # size
    ("12345/QĐ-UBND", DECISION, "UBND", False, "domain.numbers.too_many_digits"),
    ("00001/QĐ-UBND", DECISION, "UBND", False, "domain.numbers.too_many_digits"),
    ("05/QĐ-" + "X" * (MAX_LENGTH - 5), DECISION, None, False, "domain.numbers.too_long"),
    ("05/QĐ-" + "X" * (MAX_LENGTH - 6), DECISION, None, False, None),
])
def test_number_problem(number, types, body, party, problem):
    found = number_problem(number, accepted_types=types, body_code=body, party=party)
    assert (found and found[0]) == problem
    if found:
        assert t(found[0], **found[1])  # every problem is a sentence of the catalogue


def test_codes_are_compared_after_nfc():
    # "TƯ" (Trung ương) has a letter that decomposes: Ư = U + horn.
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    assert nfd("TƯ") != "TƯ"
    assert number_problem(nfd("05-NQ/TƯ"), accepted_types=PARTY_POLICY, body_code="TƯ", party=True) is None
    assert number_problem("05-NQ/TƯ", accepted_types=PARTY_POLICY, body_code=nfd("TƯ"), party=True) is None
    assert number_problem("05/QĐ-TƯ", accepted_types=DECISION, body_code=nfd("TƯ"), party=False) is None


def test_problem_params_name_what_to_fix():
    key, params = number_problem("05/KH-UBND", accepted_types=DECISION, body_code="UBND", party=False)
    assert params["type"] == "KH" and "QĐ" in params["accepted"] and params["example"] == "05/QĐ-UBND"
    key, params = number_problem("05/QĐ-CAX", accepted_types=DECISION, body_code="UBND", party=False)
    assert (params["code"], params["expected"]) == ("CAX", "UBND")
    assert "'CAX'" in t(key, **params) and "'UBND'" in t(key, **params)


@pytest.mark.parametrize("number, used, clash", [
    ("02/KH-UBND", ["01/QĐ-UBND", "02/QĐ-UBND"], "02/QĐ-UBND"),  # one register across types
    ("02/QĐ-UBND", ["02/QĐ-UBND"], "02/QĐ-UBND"),
    ("03/KH-UBND", ["01/QĐ-UBND", "02/QĐ-UBND"], None),
    ("002/KH-UBND", ["02/QĐ-UBND"], "02/QĐ-UBND"),               # the numeric part, not its spelling
    ("05-NQ/ĐU", ["05-TB/ĐU"], "05-TB/ĐU"),
    ("05/KH-UBND", [], None),
    ("not a number", ["01/QĐ-UBND"], None),
])
def test_register_clash(number, used, clash):
    assert register_clash(number, used) == clash


@given(st.integers(1, 10 ** MAX_DIGITS - 1), st.sampled_from(["QĐ", "KH", "BC", "QC"]),
       st.sampled_from(["UBND", "CAX", "BCĐ", "CAT-PC06"]))
def test_formatted_numbers_pass_and_clash_across_types(n, type_code, body):
    number = format_number(n, type_code, body)
    assert number_problem(number, accepted_types=(type_code,), body_code=body, party=False) is None
    other_type = "TB" if type_code != "TB" else "KH"
    assert register_clash(number, [format_number(n, other_type, body)]) is not None
    assert register_clash(number, [format_number(n + 1, type_code, body)]) is None
    party = format_number(n, "NQ", "ĐU", party=True)
    assert number_problem(party, accepted_types=PARTY_POLICY, body_code="ĐU", party=True) is None


@given(st.integers(10 ** MAX_DIGITS, 10 ** 8))
def test_more_than_four_digits_is_refused(n):
    found = number_problem(format_number(n, "QĐ", "UBND"), accepted_types=DECISION, body_code="UBND",
                           party=False)
    assert found and found[0] == "domain.numbers.too_many_digits"


@given(st.text(max_size=60))
def test_number_problem_never_crashes(text):
    found = number_problem(text, accepted_types=DECISION, body_code="UBND", party=False)
    assert found is None or t(found[0], **found[1])


@pytest.mark.parametrize("code", [None, "", "  "])
def test_next_number_refuses_a_body_without_code(code):
    with pytest.raises(AnttError) as err:
        next_number(["01/KH-CAX"], "BC", code, issuer="Công an xã Hàm Thuận")
    assert err.value.key == "domain.numbers.body_without_code"
    assert "Công an xã Hàm Thuận" in err.value.message()


def test_next_number_still_serves_its_callers():
    assert next_number(["01/KH-CAX", "02/BC-CAX"], "BC", "CAX") == "03/BC-CAX"
    assert next_number(["09-NQ/ĐU"], "NQ", "ĐU", party=True) == "10-NQ/ĐU"


BODIES = {
    "Ủy ban nhân dân xã Hàm Thuận": {"code": "UBND", "own": True},
    "Ủy ban nhân dân tỉnh Lâm Đồng": {"code": "UBND"},
    "Đảng ủy xã Hàm Thuận": {"code": "ĐU", "own": True, "party": True},
    "Công an xã Hàm Thuận": {"code": "CAX", "own": True},
    "Không mã": {"own": True},
}


@pytest.mark.parametrize("code, holder", [
    ("UBND", "Ủy ban nhân dân xã Hàm Thuận"),
    ("ubnd", "Ủy ban nhân dân xã Hàm Thuận"),
    (unicodedata.normalize("NFD", "ĐU"), "Đảng ủy xã Hàm Thuận"),
    ("CAX", "Công an xã Hàm Thuận"),
    ("HĐND", None),
    ("CAT", None),
])
def test_own_code_holder(code, holder):
    assert own_code_holder(code, BODIES) == holder


def test_own_code_holder_ignores_bodies_elsewhere_and_the_body_itself():
    elsewhere = {"Ủy ban nhân dân tỉnh Lâm Đồng": {"code": "UBND"}}
    assert own_code_holder("UBND", elsewhere) is None
    assert own_code_holder("CAX", BODIES, except_name="Công an xã Hàm Thuận") is None
