"""Case IDs `MH-YYYY-NNN` / `DH-YYYY-NNN` (docs/case-schema.md): year of opening, a sequence per year of
3+ digits, optionally behind the unit's prefix. The next number is derived from the IDs
present (cases are closed, never deleted), so no counter file can conflict."""
from __future__ import annotations

import re
from typing import Iterable

KIND_CODES = {"model": "MH", "exemplar": "DH"}
_ID = re.compile(r"^(?:(?P<prefix>[A-Z0-9]+)-)?(?P<code>MH|DH)-(?P<year>\d{4})-(?P<seq>\d{3,})$")


def parse_id(text: str) -> tuple[str, str, int, int] | None:
    """(prefix, code, year, seq) of a well-formed ID, else None."""
    m = _ID.match(text)
    if not m:
        return None
    return m["prefix"] or "", m["code"], int(m["year"]), int(m["seq"])


def is_id(text: str) -> bool:
    """Whether `text` is a well-formed ID (`parse_id` without taking it apart)."""
    return _ID.match(text) is not None


def ids_among(names: Iterable[str]) -> list[str]:
    """The well-formed IDs among `names`, in their order (a folder listing of 10,000 cases:
    one pass in the regular expression engine, no call per name)."""
    return list(filter(_ID.match, names))


def id_code(case_id: str) -> str:
    """The kind code (`MH`, `DH`) of a well-formed ID: the part before its year."""
    return case_id.rsplit("-", 2)[0][-2:]


def normal_id(text: str) -> str:
    """An ID as typed, in the form the dossier keeps it: `mh-2026-001` is `MH-2026-001` (IDs
    are compared without regard to case, docs/commands.md); text that is no ID stays as typed,
    so the refusal quotes it."""
    upper = text.strip().upper()
    return upper if parse_id(upper) else text


def format_id(prefix: str, kind: str, year: int, seq: int) -> str:
    head = f"{prefix}-" if prefix else ""
    return f"{head}{KIND_CODES[kind]}-{year}-{seq:03d}"


def series_head(prefix: str, kind: str, year: int) -> str:
    """What every ID of a series begins with (`MH-2026-`, `CAX-MH-2026-`): a prefix holds no
    "-", so no ID of another series begins the same way."""
    return format_id(prefix, kind, year, 0)[:-3]


def in_series(names: Iterable[str], prefix: str, kind: str, year: int) -> list[str]:
    """The IDs among `names` of `kind` and `year` behind `prefix`, highest number first: the
    candidates for the highest case of a series, so that a writer confirms only the first
    ones it finds on disk instead of every case (docs/case-schema.md)."""
    code = KIND_CODES[kind]
    head = series_head(prefix, kind, year)
    found = []
    for text in names:
        parsed = parse_id(text) if text.startswith(head) else None
        if parsed and parsed[1] == code and parsed[2] == year and parsed[0] == prefix:
            found.append((parsed[3], text))
    return [text for _, text in sorted(found, reverse=True)]


def next_id(existing: Iterable[str], prefix: str, kind: str, year: int) -> str:
    """The first unused number after the highest of that kind and year (never reuses)."""
    series = in_series(existing, prefix, kind, year)
    highest = parse_id(series[0])[3] if series else 0
    return format_id(prefix, kind, year, highest + 1)
