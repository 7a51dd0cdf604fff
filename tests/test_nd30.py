"""Nghị định 30/2020 helpers: date line, upper case, number line, signature blocks."""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, strategies as st

from antt_cli.documents import nd30


def test_date_line_padding():
    assert nd30.date_line("Hàm Thuận", dt.date(2026, 3, 5)) == "Hàm Thuận, ngày 05 tháng 3 năm 2026"
    assert nd30.date_line("Phan Thiết", dt.date(2023, 11, 5)) == "Phan Thiết, ngày 05 tháng 11 năm 2023"
    assert nd30.date_line("Hàm Thuận", dt.date(2026, 1, 17)) == "Hàm Thuận, ngày 17 tháng 01 năm 2026"
    assert nd30.date_line("Hàm Thuận", dt.date(2026, 2, 9)) == "Hàm Thuận, ngày 09 tháng 02 năm 2026"
    assert nd30.date_line("Hàm Thuận", dt.date(2026, 12, 31)) == "Hàm Thuận, ngày 31 tháng 12 năm 2026"
    assert nd30.date_line("Hàm Thuận", dt.date(2026, 10, 10)) == "Hàm Thuận, ngày 10 tháng 10 năm 2026"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_date_line_property(day):
    line = nd30.date_line("Hàm Thuận", day)
    m = re.fullmatch(r"Hàm Thuận, ngày (\d\d) tháng (\d{1,2}) năm (\d{4})", line)
    assert m, line
    d, mo, y = m.groups()
    assert (int(d), int(mo), int(y)) == (day.day, day.month, day.year)
    assert len(mo) == (2 if day.month <= 2 else len(str(day.month)))
    assert not (day.month >= 3 and mo.startswith("0"))


def test_short_date():
    assert nd30.short_date(dt.date(2023, 1, 17)) == "17/01/2023"
    assert nd30.short_date(dt.date(2026, 3, 2)) == "02/3/2026"


def test_upper_vn():
    assert nd30.upper_vn("Ủy ban nhân dân xã Hàm Thuận") == "ỦY BAN NHÂN DÂN XÃ HÀM THUẬN"
    assert nd30.upper_vn("đội trưởng ưu tú") == "ĐỘI TRƯỞNG ƯU TÚ"
    decomposed = "Tru\u031bo\u031b\u0309ng"  # "Trưởng" typed decomposed
    assert nd30.upper_vn(decomposed) == "TRƯỞNG"
    assert nd30.upper_vn(None) == ""


def test_number_line():
    assert nd30.number_line("05/QĐ-UBND") == "Số: 05/QĐ-UBND"
    assert nd30.number_line("05-NQ/ĐU", party=True) == "Số 05-NQ/ĐU"
    assert nd30.number_line("05/NQ-ĐU", party=True) == "Số 05-NQ/ĐU"
    assert nd30.number_line(None) is None


UBND = "Ủy ban nhân dân xã Hàm Thuận"


def test_signature_chairman():
    sig = nd30.signature_lines
    assert sig({"title": "Chủ tịch"}, "authority", UBND) == ["CHỦ TỊCH"]
    assert sig({"prefix": "TM.", "title": "Chủ tịch"}, "authority", UBND) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert sig({"prefix": "KT.", "title": "Phó Chủ tịch"}, "authority", UBND, "Chủ tịch") == [
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert sig({"prefix": "KT", "title": "Phó Chủ tịch"}, "authority", UBND) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_signature_steering_proposer_party_meeting():
    sig = nd30.signature_lines
    bcd = "Ban Chỉ đạo mô hình “Tổ tự quản”"
    assert sig({"prefix": "TM.", "title": "Trưởng ban"}, "steering", bcd) == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"]
    assert sig({"title": "Trưởng ban"}, "steering", bcd) == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"]
    assert sig({"prefix": "KT.", "title": "Phó Trưởng ban"}, "steering", bcd) == [
        "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert sig({"title": "Trưởng Công an xã"}, "proposer", "Công an xã Hàm Thuận") == ["TRƯỞNG CÔNG AN XÃ"]
    assert sig({"title": "Bí thư"}, "party", "Đảng ủy xã Hàm Thuận") == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    assert sig({"prefix": "TM.", "title": "Bí thư"}, "party", "Đảng ủy xã Hàm Thuận") == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    assert sig({"prefix": "KT.", "title": "Phó Bí thư"}, "party", "Đảng ủy xã Hàm Thuận") == [
        "K/T BÍ THƯ", "PHÓ BÍ THƯ"]
    assert sig({"title": "Phó Chủ tịch"}, "meeting", UBND) == ["CHỦ TRÌ"]
    assert nd30.secretary_lines() == ["THƯ KÝ"]


def test_official_title():
    assert nd30.official_title("Trưởng Công an xã", "Công an xã Hàm Thuận") == "Trưởng Công an xã Hàm Thuận"
    assert nd30.official_title("Chủ tịch", UBND) == "Chủ tịch Ủy ban nhân dân xã Hàm Thuận"
    assert nd30.official_title("", UBND) == UBND
