"""Names of issuing bodies (domain/text.py): abbreviations written out, near misses by edit
distance (docs/interpretations.md)."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_cli.domain.text import body_key, edit_distance, expand_abbreviations, match_body, near_miss, same_body

UBND = "Ủy ban nhân dân xã Hàm Thuận"


@pytest.mark.parametrize("given_name, expanded", [
    ("UBND xã Hàm Thuận", UBND),
    ("ubnd xã Hàm Thuận", UBND),
    ("HĐND xã Hàm Thuận", "Hội đồng nhân dân xã Hàm Thuận"),
    ("CA xã Hàm Thuận", "Công an xã Hàm Thuận"),
    ("ĐU xã Hàm Thuận", "Đảng ủy xã Hàm Thuận"),
    ("Ủy ban MTTQ Việt Nam xã Hàm Thuận", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hàm Thuận"),
    ("UBMTTQ xã Hàm Thuận", "Ủy ban Mặt trận Tổ quốc xã Hàm Thuận"),
    ("BCĐ mô hình", "Ban Chỉ đạo mô hình"),
    # not abbreviations: words, parts of words, small letters where they are words
    ("Đội ca múa nhạc", "Đội ca múa nhạc"),
    ("Nhà hát Ca múa", "Nhà hát Ca múa"),
    ("Cầu đu quay", "Cầu đu quay"),
    ("CAX xã Hàm Thuận", "CAX xã Hàm Thuận"),
    ("UBNDX", "UBNDX"),
])
def test_expand_abbreviations(given_name, expanded):
    assert expand_abbreviations(given_name) == expanded


@pytest.mark.parametrize("a, b, same", [
    ("UBND xã Hàm Thuận", UBND, True),
    ("Uỷ ban nhân dân xã Hàm Thuận", UBND, True),
    ("UBND  xã  hàm thuận", UBND, True),
    (unicodedata.normalize("NFD", "UBND xã Hàm Thuận"), UBND, True),
    ("HĐND xã Hàm Thuận", "Hội đồng nhân dân xã Hàm Thuận", True),
    ("MTTQ xã Hàm Thuận", "Mặt trận Tổ quốc Việt Nam xã Hàm Thuận", True),
    ("Ủy ban MTTQ Việt Nam xã Hàm Thuận", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hàm Thuận", True),
    ("UBMTTQ xã Hàm Thuận", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hàm Thuận", True),
    ("CA xã Hàm Thuận", "Công an xã Hàm Thuận", True),
    ("UBND xã Hàm Thuận", "Hội đồng nhân dân xã Hàm Thuận", False),
    ("UBND xã Hàm Thuận", "Ủy ban nhân dân xã Hàm Thuận Bắc", False),
    ("CA xã Hàm Thuận", "Công an tỉnh Lâm Đồng", False),
])
def test_same_body(a, b, same):
    assert same_body(a, b) is same
    assert same_body(b, a) is same


@pytest.mark.parametrize("a, b, near", [
    ("Ủy ban nhân dân xã Hàm Thuân", UBND, True),        # a tone mark missing
    ("Ủy ban nhân dân xã Ham Thuan", UBND, True),        # two
    ("UBND xã Hàm Thuân", UBND, True),                   # after expansion
    ("Ủy ban nhân dân xa Hàm Thuận", UBND, True),
    ("Đồn Biên phòng Phú Hài", "Đồn Biên phòng Phú Hải", True),
    ("Ủy ban nhân dân xã Hàm Thuận Bắc", UBND, False),  # another body: " Bắc" is 4 characters
    ("Ủy ban nhân dân xã Hàm Thạnh", UBND, False),       # another xã, 3 edits away
    ("Ủy ban nhân dân xã Hàm Thuận", UBND, False),       # the same body is no near miss
    ("UBND xã Hàm Thuận", UBND, False),
    ("Tổ dân phố 2", "Tổ dân phố 1", False),             # numbers name different bodies
    ("Công an tỉnh Lâm Đồng", "Công an xã Hàm Thuận", False),
])
def test_near_miss(a, b, near):
    assert near_miss(a, b) is near
    assert near_miss(b, a) is near


@pytest.mark.parametrize("a, b, distance", [
    ("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("Hải", "Hài", 1),
    ("hàm thuận", "hàm thuận bắc", 4), ("flaw", "lawn", 2),
])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance == edit_distance(b, a)
    assert edit_distance(a, b, limit=1) == min(distance, 2)


@given(st.text(max_size=12), st.text(max_size=12))
def test_edit_distance_is_a_metric_bounded_by_length(a, b):
    d = edit_distance(a, b)
    assert d == edit_distance(b, a)
    assert abs(len(a) - len(b)) <= d <= max(len(a), len(b))
    assert (d == 0) == (a == b)
    assert edit_distance(a, b, limit=2) == min(d, 3)


@given(st.text(alphabet="UBNDHĐMTQCAxãhàmthuậnbắc ", max_size=30))
def test_body_key_is_stable(name):
    assert body_key(body_key(name)) == body_key(name)
    assert same_body(unicodedata.normalize("NFD", name), name)


KNOWN = [UBND, "Đảng ủy xã Hàm Thuận", "Công an xã Hàm Thuận"]


@pytest.mark.parametrize("given_name, exact, near", [
    ("UBND xã Hàm Thuận", UBND, None),
    ("CA xã Hàm Thuận", "Công an xã Hàm Thuận", None),
    ("ĐU xã Hàm Thuận", "Đảng ủy xã Hàm Thuận", None),
    ("Công an xã Hàm Thuân", None, "Công an xã Hàm Thuận"),
    ("Ủy ban nhân dân xã Hàm Thuận Bắc", None, None),
    ("Ban Chỉ đạo mô hình “Tổ tự quản”", None, None),
    # without diacritics: the declared body, never a second one
    ("UBND xa Ham Thuan", UBND, None),
    ("Uy ban nhan dan xa Ham Thuan", UBND, None),
    ("ubnd XA HAM THUAN", UBND, None),
    ("UBND xã Ham Thuan", UBND, None),
    ("Cong an xa Ham Thuan", "Công an xã Hàm Thuận", None),
    ("Dang uy xa Ham Thuan", "Đảng ủy xã Hàm Thuận", None),
    # a word typed with marks must match them: another commune, and not a slip (3 edits)
    ("Ủy ban nhân dân xã Hàm Thạnh", None, None),
    # a slip typed without marks is counted on the bare letters
    ("Cong an xa Ham Thuann", None, "Công an xã Hàm Thuận"),
    ("UBND xa Ham Thuan Bac", None, None),
])
def test_match_body(given_name, exact, near):
    assert match_body(given_name, KNOWN) == (exact, near)


@pytest.mark.parametrize("given_name, exact", [
    ("Ủy ban nhân dân xã Hàm Thạnh", "Ủy ban nhân dân xã Hàm Thạnh"),
    ("Ủy ban nhân dân xã Hàm Thành", "Ủy ban nhân dân xã Hàm Thành"),
    ("UBND xã Hàm Thành", "Ủy ban nhân dân xã Hàm Thành"),
    ("UBND xa Ham Thanh", None),  # could be either: refused, naming both
])
def test_bodies_differing_only_by_diacritics_are_never_merged(given_name, exact):
    from antt_cli.errors import AnttError

    known = ["Ủy ban nhân dân xã Hàm Thạnh", "Ủy ban nhân dân xã Hàm Thành"]
    if exact is not None:
        assert match_body(given_name, known) == (exact, None)
        return
    with pytest.raises(AnttError) as refusal:
        match_body(given_name, known)
    assert refusal.value.key == "domain.body_ambiguous"
    assert all(name in str(refusal.value) for name in known)


# -- one rule for the authority (domain/issuers.py), the one `antt check` applies ------------
@pytest.mark.parametrize("issuer, authority, successors, expected", [
    ("UBND xã Hàm Thuận", "Ủy ban nhân dân xã Hàm Thuận", {}, True),
    ("ủy ban nhân dân xã hàm thuận", "Ủy ban nhân dân xã Hàm Thuận", {}, True),
    ("Ủy ban nhân dân xã Hàm Thạnh", "Ủy ban nhân dân xã Hàm Thuận", {}, False),
    ("UBND tỉnh Lâm Đồng", "Ủy ban nhân dân huyện Hàm Thuận Bắc",
     {"UBND huyện Hàm Thuận Bắc": "Ủy ban nhân dân tỉnh Lâm Đồng"}, True),
    ("Ủy ban nhân dân tỉnh Lâm Đồng", "UBND huyện Hàm Thuận Bắc",
     {"Ủy ban nhân dân huyện Hàm Thuận Bắc": "UBND tỉnh Lâm Đồng"}, True),
    ("Công an xã Hàm Thuận", "Ủy ban nhân dân xã Hàm Thuận", {}, False),
    ("UBND xã Hàm Thuận", None, {}, False),
])
def test_authority_or_successor_compares_bodies_as_check_does(issuer, authority, successors, expected):
    from antt_cli.domain.consistency import issuer_findings
    from antt_cli.domain.issuers import is_authority_or_successor
    from antt_cli.domain.model import case_from
    from antt_cli.store.kinds import load_registry

    assert is_authority_or_successor(issuer, authority, successors) is expected
    reg = load_registry()
    decide = next(k for k in reg if k.by_authority)
    case = case_from({"id": "MH-2025-001", "status": "closing", "authority": authority,
                      "documents": [{"kind": decide.name, "date": "2026-06-10", "issuer": issuer}]})
    found = list(issuer_findings(case, reg, successors))
    assert (not found) is (expected or authority is None)
