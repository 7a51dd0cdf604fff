"""Whether a case file agrees with itself and with the dossier — the consistency half of
`antt check` (HD 163 §V: "hồ sơ lập, lưu trữ đầy đủ, sắp xếp khoa học"; docs/rules.md
"Dossier consistency").

Each check is a small generator of `Finding`s (a level, the item it concerns, a message key
and its values), in the manner of Doorstop's validators: the caller gathers them, prints one
line each and decides the exit status (any error fails; warnings alone do not). Pure: the
hashes of the files on disk and the numbers of the other cases are given by the caller."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, NamedTuple

from antt_cli.domain.issuers import is_authority_or_successor, successor_chain
from antt_cli.domain.kindspec import Registry
from antt_cli.domain.model import Case, Record
from antt_cli.domain.numbers import number_value
from antt_cli.domain.text import body_key, nfc

ERROR, WARNING = "error", "warning"
CASE_FILE_ITEM = "case.yaml"


# The findings of one case on its own (`case_findings`) and the values each message takes:
# what an entry of `antt check` made elsewhere may say (store/checkcache.py `entry_ok`).
CASE_FINDINGS: Mapping[str, frozenset[str]] = {
    "domain.consistency.date_order": frozenset(("kind", "date", "other", "other_date")),
    "domain.consistency.issuer_not_authority": frozenset(("kind", "issuer", "authority")),
    "domain.consistency.historical_authority": frozenset(("authority",)),
    "domain.consistency.file_missing": frozenset(("kind", "cli", "file", "id", "year")),
    "domain.consistency.file_edited": frozenset(("kind", "cli", "file", "id", "year")),
}


@dataclass(frozen=True)
class Finding:
    """One problem of one case: `item` is a dossier item's number, a kind's name or the case
    file; `key` the message (i18n/domain.py) filled with `params`."""

    level: str
    case_id: str
    item: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


class NumberUse(NamedTuple):
    """A number in a body's register (§III.1 and NĐ 30 Điều 15: one register per issuing body
    per calendar year): which case and kind used it. A tuple: a 10,000-case dossier has
    a hundred thousand of them."""

    case_id: str
    kind: str
    body: str          # body_key of the issuer: every spelling of one body is one register
    year: int
    number: str
    value: int | None  # the numeric part, compared (`002` is `02`)
    date: dt.date


def _counts(record: Record) -> bool:
    return not record.extra.get("withdrawn") and not record.extra.get("superseded")


def date_findings(case: Case, reg: Registry) -> Iterator[Finding]:
    """A record dated before a document it rests on (its kind's `requires`): the order of the
    steps of §III.1 is the order of their dates. Only when every counting record of the kind
    required is dated later — one earlier record is enough."""
    for record in case.documents:
        spec = reg.get(record.kind)
        if spec is None or record.date is None or not _counts(record):
            continue
        for needed in spec.requires:
            dates = [r.date for r in case.records_of(needed) if _counts(r) and r.date is not None]
            if dates and min(dates) > record.date:
                yield Finding(ERROR, case.id, record.kind, "domain.consistency.date_order",
                              {"kind": record.kind, "date": record.date, "other": needed, "other_date": min(dates)})


def issuer_findings(case: Case, reg: Registry, successors: Mapping[str, Any] | None) -> Iterator[Finding]:
    """A decision only the authority issues (`by_authority` kinds, the rating decision of
    §III.2.c) issued by another body: "cấp nào ra quyết định thành lập thì cấp đó có thẩm
    quyền" (§III.3), or the body that succeeds it (docs/rules.md)."""
    if not case.authority:
        return
    for record in case.documents:
        spec = reg.get(record.kind)
        if spec is None or not record.issuer or not _counts(record):
            continue
        if (spec.by_authority or spec.rating == "decide") and \
                not is_authority_or_successor(record.issuer, case.authority, successors):
            yield Finding(ERROR, case.id, record.kind, "domain.consistency.issuer_not_authority",
                          {"kind": record.kind, "issuer": record.issuer, "authority": case.authority})


def historical_findings(case: Case, successors: Mapping[str, Any] | None) -> Iterator[Finding]:
    """SPEC §12 (docs/rules.md "Bodies change"): a case whose authority is a district body — the
    historical level `huyen`, abolished on 01/07/2025 — with no successor mapped can be
    neither rated nor closed: "cấp nào ra quyết định thành lập thì cấp đó có thẩm quyền"
    (§III.3) now means its successor. A warning naming `antt bodies successor`."""
    if case.level == "huyen" and case.authority and len(successor_chain(case.authority, successors)) == 1:
        yield Finding(WARNING, case.id, CASE_FILE_ITEM, "domain.consistency.historical_authority",
                      {"authority": case.authority})


def file_findings(case: Case, reg: Registry, hashes: Mapping[str, str | None]) -> Iterator[Finding]:
    """A record's document file missing, or no longer matching the hash stored when it was
    recorded — edited by hand (in Word) and not yet `antt accept`ed (docs/commands.md).
    `hashes`: each record's file (relative to the case's folder) → its SHA-256 on disk, None
    when the file is not there."""
    for record in case.documents:
        if not record.file:
            continue
        actual = hashes.get(record.file)
        year = f" --year {record.year}" if record.year is not None else ""
        spec = reg.get(record.kind)
        params = {"kind": record.kind, "cli": spec.cli if spec else record.kind, "file": record.file,
                  "id": case.id, "year": year}
        if actual is None:
            yield Finding(ERROR, case.id, record.kind, "domain.consistency.file_missing", params)
        elif record.sha256 and actual != record.sha256:
            yield Finding(ERROR, case.id, record.kind, "domain.consistency.file_edited", params)
    for letter in case.letters:  # a letter sent (`antt letter --record`): its copy is kept
        if letter.file and hashes.get(letter.file) is None:
            yield Finding(ERROR, case.id, letter.kind, "domain.consistency.file_missing",
                          {"kind": letter.kind, "cli": letter.kind, "file": letter.file, "id": case.id, "year": ""})


def number_uses(case: Case) -> Iterator[NumberUse]:
    """The numbers `case` put in the registers: every numbered, dated, issued record (a
    withdrawn one keeps its number: it was issued), its letters included (`antt letter`)."""
    for record in [*case.documents, *case.letters]:
        if record.number and record.date and record.issuer:
            number = nfc(str(record.number))
            yield NumberUse(case.id, record.kind, body_key(record.issuer), record.date.year, number,
                            number_value(number), record.date)


def duplicate_numbers(uses: Iterable[NumberUse]) -> Iterator[Finding]:
    """A number given twice by one body in one year, across the whole dossier (one register per
    body per calendar year, docs/interpretations.md): reported on the later use, naming the
    first. In date order, a case's own order on one day (the registers' numbers are counted
    first: only the numbers used twice are sorted)."""
    from collections import Counter
    from operator import itemgetter

    uses = list(uses)
    keys = list(map(itemgetter(2, 3, 5), uses))   # (body, year, value) of each use
    twice = {key for key, count in Counter(keys).items() if count > 1 and key[2] is not None}
    groups: dict[tuple[str, int, int], list[tuple[dt.date, int, NumberUse]]] = {}
    for n, key in enumerate(keys):
        if key in twice:
            groups.setdefault(key, []).append((uses[n].date, n, uses[n]))
    found = []
    for group in groups.values():
        group.sort(key=lambda g: g[:2])
        other = group[0][2]
        found.extend((day, n, use, other) for day, n, use in group[1:])
    found.sort(key=lambda f: f[:2])
    for _day, _n, use, other in found:
        yield Finding(ERROR, use.case_id, use.kind, "domain.consistency.number_twice",
                      {"number": use.number, "other": other.number, "other_id": other.case_id,
                       "other_kind": other.kind, "year": use.year})


def case_findings(case: Case, reg: Registry, successors: Mapping[str, Any] | None,
                  hashes: Mapping[str, str | None]) -> list[Finding]:
    """Every finding about one case on its own (the dossier-wide number check is
    `duplicate_numbers`)."""
    return [*date_findings(case, reg), *issuer_findings(case, reg, successors),
            *historical_findings(case, successors), *file_findings(case, reg, hashes)]
