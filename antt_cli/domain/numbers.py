"""Document numbers (NĐ 30/2020 Phụ lục I, III; party: HD 36-HD/VPTW).

State: `05/QĐ-UBND` — number from 01 (leading zero below 10), `/`, type code and body code
joined by `-`; a công văn has no type code (`12/UBND-VX`). Party: `05-NQ/ĐU`. Numbers run
from 01 each calendar year per issuing body."""
from __future__ import annotations

import re
from typing import Iterable

_CODE = r"[A-ZĐƠƯÂÊÔĂa-zđơưâêôă0-9]+"
_STATE = re.compile(rf"^(?P<n>\d{{2,}})/(?P<codes>{_CODE}(?:-{_CODE})+)$")
_STATE_CV = re.compile(rf"^(?P<n>\d{{2,}})/(?P<codes>{_CODE}(?:-{_CODE})*)$")
_PARTY = re.compile(rf"^(?P<n>\d{{2,}})-(?P<type>{_CODE})/(?P<body>{_CODE}(?:-{_CODE})*)$")


def number_form_ok(text: str, party: bool = False) -> bool:
    """Whether `text` has the form of a document number (the leading number ≥ 01, two digits
    at least)."""
    pattern = _PARTY if party else _STATE_CV
    m = pattern.match(text)
    return bool(m) and int(m["n"]) >= 1


def number_value(text: str) -> int | None:
    m = re.match(r"^(\d+)[/-]", text)
    return int(m.group(1)) if m else None


def format_number(n: int, type_code: str, body_code: str, party: bool = False) -> str:
    if party:
        return f"{n:02d}-{type_code}/{body_code}"
    return f"{n:02d}/{type_code}-{body_code}" if type_code else f"{n:02d}/{body_code}"


def next_number(used: Iterable[str], type_code: str, body_code: str, party: bool = False) -> str:
    """The next number of an issuing body's register for the year: the numbers already used
    by that body this year (any type) are passed in, the register is shared by all types."""
    highest = max((v for v in (number_value(u) for u in used) if v is not None), default=0)
    return format_number(highest + 1, type_code, body_code, party)


def body_code_of(number: str) -> str | None:
    """The issuing body's code in a number: `05/QĐ-UBND` → `UBND`, `05-NQ/ĐU` → `ĐU`."""
    if m := _PARTY.match(number):
        return m["body"]
    if m := _STATE.match(number):
        return m["codes"].split("-", 1)[1]
    return None
