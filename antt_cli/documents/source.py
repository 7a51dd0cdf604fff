"""What one document is built from — the typed `Case` and `Record` (domain/model.py), the
kind registry and the dossier profile (`antt.yaml`, plain data) — and what follows from them
alone: the bodies a role stands for, the documents recorded before, their citations.

Nothing here knows a kind by its name: a kind's particulars are in its spec (docs/kinds.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping

from antt_cli.documents import nd30
from antt_cli.documents.wording import Fields, block, first_lower, first_upper, render_text
from antt_cli.domain.dates import as_date
from antt_cli.domain.issuers import is_party_body, steering_body
from antt_cli.domain.kindspec import AUTHORITY, PARTY, STEERING, KindSpec, Registry
from antt_cli.domain.model import Case, Record, signer_to
from antt_cli.domain.text import nfc, same_name


def text_of(value: Any) -> str:
    """A value as printed text: NFC, stripped, "" for None or empty."""
    return nfc(str(value)).strip() if value not in (None, "") else ""


def signer_of(record: Record) -> dict[str, Any]:
    """The record's signer as the NĐ 30 helpers read it (`prefix`, `title`, `name`)."""
    return signer_to(record.signer) or {}


@dataclass(frozen=True)
class Source:
    """The inputs of one document: the dossier profile, the case, the record being rendered
    (the case may hold it: the pipeline renders the case after the record is added) and the
    registry of kinds."""

    profile: Mapping[str, Any]
    case: Case
    record: Record
    registry: Registry

    def __post_init__(self) -> None:
        if self.record.date is None:  # no clock here: the service dates every record (a draft: today)
            raise ValueError(f"a {self.record.kind} record without a date")

    @property
    def kind(self) -> KindSpec:
        return self.registry[self.record.kind]

    @property
    def day(self) -> dt.date:
        return self.record.date

    @property
    def name(self) -> str:
        return text_of(self.case.name or self.case.working_title)

    @property
    def unit(self) -> str:
        return text_of(self.profile.get("unit"))

    @property
    def proposer(self) -> str:
        return text_of(self.case.proposer) or self.unit

    def field(self, key: str, default: str = "") -> str:
        """The record's `--set key=…` value as text, else `default`."""
        value = self.record.fields.get(key)
        return text_of(value) if value not in (None, "") else default

    def bodies(self) -> dict:
        return dict(self.profile.get("bodies") or {})

    def body(self, name: str) -> dict:
        """antt.yaml's entry of the body called `name` (names compared as antt compares them)."""
        for key, value in self.bodies().items():
            if same_name(key, name):
                return dict(value or {})
        return {}


# ---------------------------------------------------------------- the bodies a role stands for

def party_body(src: Source) -> str:
    """The party committee of the unit (antt.yaml `party: true`, or a party name)."""
    for name, body in src.bodies().items():
        if is_party_body(text_of(name), body):
            return text_of(name)
    return ""


def state_body(src: Source) -> str:
    """The People's Committee (or head of agency) of the unit: an own body that is neither a
    party committee nor the unit itself (§III.1.b, "chính quyền")."""
    candidates = [(text_of(n), b or {}) for n, b in src.bodies().items()
                  if not is_party_body(text_of(n), b) and not same_name(n, src.unit)]
    for name, body in candidates:
        if body.get("own"):
            return name
    return candidates[0][0] if candidates else ""


def authority(src: Source) -> str:
    """The model's managing authority: the case's, else the issuer of its step-4 decision,
    else the unit's People's Committee (§III.1.d)."""
    value = text_of(src.case.authority)
    if value:
        return value
    decisions = src.registry.authority_decisions(src.case.kind)
    for doc in src.case.counted():
        if doc.kind in decisions and doc.issuer:
            return text_of(doc.issuer)
    return state_body(src)


def default_issuer(src: Source, k: KindSpec) -> str:
    """Who issues a `k` when the record names no one: the spec's `issuer` role (docs/kinds.md)."""
    role = k.issuer_role
    if role == STEERING:
        return steering_body(src.name)
    if role == PARTY:
        return party_body(src) or authority(src)
    if role == AUTHORITY:
        return authority(src)
    return src.proposer  # PROPOSER, and minutes held by the proposer


def head_title(profile_body: Mapping, issuer: str, signer: Mapping) -> str:
    """The title of the issuing body's head (antt.yaml, else the usual one, else the signer's
    without `Phó`) — NĐ 30/2020, Phụ lục I, mục II.7 (chức vụ của người ký)."""
    title = text_of((profile_body.get("head") or {}).get("title"))
    if title:
        return title
    if issuer.lower().startswith(("ủy ban nhân dân", "uỷ ban nhân dân")):
        return "Chủ tịch"
    if issuer.lower().startswith("ban chỉ đạo"):
        return "Trưởng ban"
    signer_title = text_of(signer.get("title"))
    return signer_title[4:] if signer_title.lower().startswith("phó ") else signer_title


# ---------------------------------------------------------------- documents recorded before

def latest(src: Source, kinds: Iterable[str]) -> Record | None:
    """The last recorded document of one of `kinds` in the case."""
    wanted = set(kinds)
    found = [doc for doc in src.case.counted() if doc.kind in wanted]
    return found[-1] if found else None


def latest_where(src: Source, test: Callable[[KindSpec], bool]) -> Record | None:
    return latest(src, (k.name for k in src.registry if test(k)))


def is_party_doc(src: Source, record: Record) -> bool:
    """A kind with `party_variant` issued by a party body takes the party format
    (Hướng dẫn 36-HD/VPTW, as docs/kinds.md `party_variant`)."""
    k = src.registry.get(record.kind)
    if k is None or not block(k, "party_variant", False):
        return False
    issuer = text_of(record.issuer) or default_issuer(src, k)
    return is_party_body(issuer, src.body(issuer))


def type_name(k: KindSpec, party: bool) -> str:
    """The type name; a `party_variant` kind in the state format prints its `state_type_name`."""
    if block(k, "party_variant", False) and not party:
        return str(block(k, "state_type_name", k.type_name))
    return k.type_name


def period_code(record: Record) -> str:
    """`annual`, `6-month` or `ad-hoc` (§III.1.đ: báo cáo 6 tháng, năm, đột xuất)."""
    return text_of(record.fields.get("period") or record.extra.get("period")) or "annual"


def period_words(src: Source, record: Record, year: int | None) -> tuple[str, str]:
    """(label, text) of a report's period (§III.1.đ; the evaluation year runs 01/11–31/10)."""
    period = period_code(record)
    y = year or src.day.year
    if period == "6-month":
        return (f"06 tháng đầu năm {y}",
                f"06 tháng đầu năm {y} (từ ngày 01/11/{y - 1} đến ngày 30/4/{y})")
    if period == "ad-hoc":
        day = as_date(record.date) or src.day
        return "đột xuất", f"đột xuất (tính đến ngày {nd30.short_date(day)})"
    return f"năm {y}", f"năm {y} (từ ngày 01/11/{y - 1} đến ngày 31/10/{y})"


def subject(src: Source, k: KindSpec, record: Record, year: int | None) -> str:
    """The trích yếu of `record` (NĐ 30/2020, Phụ lục I, mục II.5.b): `--set title=…`, else
    the spec's `subject` rendered with the record's keys (docs/kinds.md), else the title."""
    fields = record.fields
    if text_of(fields.get("title")):
        return text_of(fields["title"])
    source = block(k, "subject")
    if source is None:
        return k.title
    values = {
        "name": src.name, "name_q": nd30.quoted(src.name), "year": year, "period": period_code(record),
        "period_label": period_words(src, record, year)[0], "party": is_party_doc(src, record),
        "fields": Fields({str(key): text_of(v) for key, v in fields.items()}), "kind_title": k.title,
    }
    return render_text(k, "subject", source, values)


def citation(src: Source, doc: Record) -> str:
    """How a recorded document is cited: `<Loại> số <số> ngày <ngày> của <cơ quan> về <trích
    yếu>` (NĐ 30/2020, Phụ lục I, mục II.6: căn cứ ban hành)."""
    kind = src.registry.get(doc.kind)
    if kind is None:
        return ""
    issuer = text_of(doc.issuer) or default_issuer(src, kind)
    party = is_party_doc(src, doc)
    words = [first_upper(type_name(kind, party).lower())]
    number = text_of(doc.number)
    if number:
        words.append(f"số {nd30.party_number(number) if party else number}")
    if doc.date:
        words.append(f"ngày {nd30.short_date(doc.date)}")
    signer = signer_of(doc)
    who = issuer
    if kind.issuer_role == AUTHORITY and nd30.norm_prefix(signer.get("prefix")) != "TM." \
            and kind.type_code == "QĐ":
        who = nd30.official_title(head_title(src.body(issuer), issuer, signer), issuer)
    words.append(f"của {who}")
    about = first_lower(subject(src, kind, doc, int(doc.year) if doc.year else None))
    return " ".join(words) + " " + (about if about.startswith("về") else f"về {about}")


class Refs(Mapping):
    """`refs.<kind_with_underscores>`: the citation of that kind's last record, else its title
    — for every kind of the registry, each computed when a template first reads it."""

    def __init__(self, src: Source) -> None:
        self._src = src
        self._names = {k.name.replace("-", "_"): k for k in src.registry}
        self._done: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._done:
            k = self._names[key]
            doc = latest(self._src, [k.name])
            self._done[key] = citation(self._src, doc) if doc else k.title
        return self._done[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)
