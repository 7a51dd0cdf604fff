"""Document numbers (NĐ 30/2020 Phụ lục I, III; party: HD 36-HD/VPTW).

State: `05/QĐ-UBND` — number from 01 (leading zero below 10), `/`, type code and body code
joined by `-`; a công văn has no type code (`12/UBND-VX`). Party: `05-NQ/ĐU`. Numbers run
from 01 each calendar year per issuing body."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Mapping

# A register runs from 01 to a few thousand a year: more than 4 digits is a typing slip, and
# no real number with its type and body codes reaches 40 characters (docs/interpretations.md).
MAX_DIGITS = 4
MAX_LENGTH = 40

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


def next_number(used: Iterable[str], type_code: str, body_code: str | None, party: bool = False, *,
                issuer: str | None = None) -> str:
    """The next number of an issuing body's register for the year: the numbers already used
    by that body this year (any type) are passed in, the register is shared by all types.
    A body without a code has no register to number from (`03/BC-None` otherwise): refused,
    naming `issuer`."""
    from antt_cli.errors import AnttError

    if body_code is None or not str(body_code).strip():
        raise AnttError("domain.numbers.body_without_code", issuer=issuer or "?")
    highest = max((v for v in (number_value(u) for u in used) if v is not None), default=0)
    return format_number(highest + 1, type_code, body_code, party)


def body_code_of(number: str) -> str | None:
    """The issuing body's code in a number: `05/QĐ-UBND` → `UBND`, `05-NQ/ĐU` → `ĐU`."""
    if m := _PARTY.match(number):
        return m["body"]
    if m := _STATE.match(number):
        return m["codes"].split("-", 1)[1]
    return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _split(number: str, party: bool) -> tuple[str, str, str] | None:
    """The parts of a number in the official form, or None: party `05-NQ/ĐU` → ("05", "NQ",
    "ĐU"); state `05/QĐ-UBND` → ("05", "QĐ-UBND", ""), the codes split by the caller, which
    knows whether a type code is expected."""
    if party:
        m = _PARTY.match(number)
        return (m["n"], m["type"], m["body"]) if m else None
    m = _STATE_CV.match(number)
    return (m["n"], m["codes"], "") if m else None


def example_number(accepted_types: tuple[str, ...], body_code: str | None, party: bool) -> str:
    """A well-formed number to show in a message: `05/QĐ-UBND`, `05-NQ/ĐU`, `05/UBND`."""
    type_code = next(iter(accepted_types), "")
    body = body_code or ("ĐU" if party else "UBND")
    return format_number(5, type_code, body, party)


def number_problem(number: str, *, accepted_types: tuple[str, ...], body_code: str | None,
                   party: bool) -> tuple[str, dict[str, Any]] | None:
    """What is wrong with a number given by hand, as (catalogue key, parameters), or None.

    NĐ 30/2020 Phụ lục III: state `05/QĐ-UBND` (number, `/`, type code, `-`, body code; a
    công văn, type code "", is `12/UBND-VX`); party (HD 36-HD/VPTW) `05-NQ/ĐU`. The type code
    must be one `accepted_types` names (the kind's; party-policy takes `NQ` or `TB`); with
    `body_code` (a declared issuer) the body code must be its code — an undeclared issuer such
    as a model's steering committee (`…/QC-BCĐ`) is checked for form only. Codes are compared
    after NFC. At most MAX_DIGITS digits and MAX_LENGTH characters."""
    number = _nfc(number)
    accepted = tuple(_nfc(t) for t in accepted_types)
    body = _nfc(body_code) if body_code else None
    example = example_number(accepted, body, party)
    params: dict[str, Any] = {"number": number, "example": example}
    if len(number) > MAX_LENGTH:
        return "domain.numbers.too_long", {**params, "max": MAX_LENGTH}
    parts = _split(number, party)
    if parts is None or int(parts[0]) < 1:
        return "domain.numbers.bad_form", params
    digits, first, rest = parts
    if len(digits) > MAX_DIGITS:
        return "domain.numbers.too_many_digits", {**params, "max": MAX_DIGITS}
    if party:
        type_code, given_body = first, rest
    elif "-" not in first:
        if "" not in accepted:
            return "domain.numbers.bad_form", params  # `05/UBND`: the type code is missing
        type_code, given_body = "", first  # a công văn: all its codes are the body's
    else:
        type_code, _, given_body = first.partition("-")
        if type_code not in accepted and "" in accepted:
            type_code, given_body = "", first
    if type_code not in accepted:
        shown = ", ".join(f"'{t}'" for t in accepted if t) or "—"
        return "domain.numbers.bad_type", {**params, "type": type_code, "accepted": shown}
    if not given_body:
        return "domain.numbers.bad_form", params
    if body is not None and given_body != body:
        return "domain.numbers.bad_body_code", {**params, "code": given_body, "expected": body}
    return None


def register_clash(number: str, used_numbers: Iterable[str]) -> str | None:
    """The number already in the register that `number` takes the place of, or None.

    One register per issuing body per calendar year, shared by every document type
    (docs/interpretations.md): `02/KH-UBND` clashes with `02/QĐ-UBND` of the same body that
    year. The caller passes the numbers that body used that year; only the numeric parts are
    compared (`002` is `02`)."""
    value = number_value(_nfc(number))
    if value is None:
        return None
    return next((u for u in used_numbers if number_value(_nfc(u)) == value), None)


def own_code_holder(code: str, bodies: Mapping[str, Any], *, except_name: str | None = None) -> str | None:
    """The name of another of the unit's own bodies (`own: true`) that already uses `code`,
    or None. An own body's code names its register for `--number auto`: two own bodies with
    one code would share one register under two names. Bodies elsewhere (not own) keep their
    own registers, so two of them may both be `UBND`. Compared after NFC, ignoring case."""
    wanted = _nfc(code).strip().casefold()
    for name, data in bodies.items():
        if str(name) == except_name or not isinstance(data, Mapping) or not data.get("own"):
            continue
        if data.get("code") is not None and _nfc(str(data["code"])).strip().casefold() == wanted:
            return str(name)
    return None
