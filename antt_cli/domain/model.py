"""Typed values of a dossier: `Case` (hồ sơ mô hình), `Record` (a recorded document), `Plan`
(kế hoạch hoạt động năm) and `Target` (chỉ tiêu) — docs/case-schema.md, field by field.

They cross the layers: the store maps them to and from round-trip YAML (comments and order
kept, `store/casefile.py`), the domain decides on them, documents and reports read them.
Keys this version does not know are carried in `extra`, untouched."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field as dc_field
from typing import Any, Iterable

from antt_cli.domain.dates import as_date

AT_LEAST, AT_MOST, YES_NO = ">=", "<=", "yes-no"


@dataclass(frozen=True)
class Signer:
    name: str
    title: str | None = None
    prefix: str | None = None  # TM. | KT. | Q. | TL. | TUQ. | None


@dataclass(frozen=True)
class Criterion:
    """A case-specific criterion (§III.2.b *Lưu ý*: the steering committee or the core group
    may add criteria that fit the model): its key, its text and, for a model, the lowest grade
    it is required for (`tot`, `kha`, `trung-binh`); None for an exemplar."""

    key: str
    text: str
    grade: str | None = None


@dataclass
class Target:
    text: str
    op: str = AT_LEAST        # >= | <= | yes-no
    planned: int | float | None = None
    achieved: int | float | None = None
    done: bool = False
    extra: dict[str, Any] = dc_field(default_factory=dict)   # e.g. `updated` (date of the last progress)

    def met(self) -> bool:
        """docs/rules.md: at least — achieved ≥ planned; at most — achieved ≤ planned; yes/no — done."""
        if self.op == YES_NO:
            return bool(self.done)
        if self.achieved is None or self.planned is None:
            return False
        return self.achieved >= self.planned if self.op == AT_LEAST else self.achieved <= self.planned


@dataclass
class Plan:
    year: int
    date: dt.date | None = None
    number: str | None = None
    targets: list[Target] = dc_field(default_factory=list)
    extra: dict[str, Any] = dc_field(default_factory=dict)


@dataclass
class Record:
    kind: str
    date: dt.date | None = None
    number: str | None = None
    issuer: str | None = None
    signer: Signer | None = None
    approved_by: str | None = None
    approved_date: dt.date | None = None
    secrecy: str | None = None
    year: int | None = None
    fields: dict[str, str] = dc_field(default_factory=dict)
    members: list[dict[str, str]] = dc_field(default_factory=list)
    attachments: list[str] = dc_field(default_factory=list)
    file: str | None = None
    sha256: str | None = None
    amendments: list[dict[str, Any]] = dc_field(default_factory=list)
    extra: dict[str, Any] = dc_field(default_factory=dict)

    def field(self, key: str) -> str | None:
        value = self.fields.get(key)
        return None if value in (None, "") else str(value)

    @property
    def withdrawn(self) -> bool:
        """Withdrawn (thu hồi, `antt withdraw`): kept in the case and its history, counted
        nowhere (docs/case-schema.md `withdrawn`)."""
        return bool(self.extra.get("withdrawn"))


@dataclass(frozen=True)
class Criterion:
    """A case-specific criterion (§III.2.b *Lưu ý*, §IV.1 Bước 1): its key, its text, and for a
    model the lowest grade it is required for (`tot|kha|trung-binh`; None for an exemplar)."""

    key: str
    text: str
    grade: str | None = None


@dataclass
class Case:
    id: str
    kind: str = "model"                 # model | exemplar
    name: str = ""
    working_title: str = ""
    area: str | None = None
    field: str | None = None
    level: str = "xa"
    unit_kind: str = "residential"
    linked: bool = False
    members: list[str] = dc_field(default_factory=list)   # member units of a linked model
    membership: str = "limited"         # limited | open
    proposer: str | None = None
    lead_unit: str | None = None
    lead_units: list[str] = dc_field(default_factory=list)
    authority: str | None = None
    status: str = "building"
    opened: dt.date | None = None
    documents: list[Record] = dc_field(default_factory=list)
    plans: dict[int, Plan] = dc_field(default_factory=dict)
    criteria: tuple[Criterion, ...] = ()
    # letters sent about the case (`antt letter --record`): outside the lifecycle, numbered in
    # their issuer's register like any record (docs/case-schema.md `letters`)
    letters: list[Record] = dc_field(default_factory=list)
    extra: dict[str, Any] = dc_field(default_factory=dict)

    @property
    def limited(self) -> bool:
        return self.membership != "open"

    def records_of(self, kind: str) -> list[Record]:
        """The records of `kind` that count: a withdrawn one is left out everywhere."""
        return [d for d in self.documents if d.kind == kind and not d.withdrawn]

    def counted(self) -> list[Record]:
        """Every record but the withdrawn ones (`antt withdraw`)."""
        return [d for d in self.documents if not d.withdrawn]

    def latest(self, kind: str) -> Record | None:
        found = self.records_of(kind)
        return found[-1] if found else None

    def plan(self, year: int) -> Plan | None:
        return self.plans.get(int(year))

    def copy(self) -> "Case":
        """A deep enough copy for the domain to return a new case (records and plans are
        copied; their lists are new)."""
        import copy

        return copy.deepcopy(self)


# ----------------------------------------------------------------- plain data ↔ typed
# The store parses YAML into plain dicts and lists; these two functions are the whole mapping.

_CASE_KEYS = ("id", "kind", "name", "working_title", "area", "field", "level", "unit_kind", "linked",
              "members", "membership", "proposer", "lead_unit", "lead_units", "authority", "status",
              "opened", "documents", "plans", "criteria", "letters")
_RECORD_KEYS = ("kind", "number", "date", "issuer", "signer", "approved_by", "approved_date", "secrecy",
                "year", "fields", "members", "attachments", "file", "sha256", "amendments")


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _texts(values: Iterable[Any] | None) -> list[str]:
    return [str(v.get("name") if isinstance(v, dict) else v) for v in values or [] if v not in (None, "")]


def signer_from(value: Any) -> Signer | None:
    if not isinstance(value, dict) or not value.get("name"):
        return None
    return Signer(str(value["name"]), _text(value.get("title")), _text(value.get("prefix")))


def record_from(data: dict[str, Any]) -> Record:
    year = data.get("year")
    return Record(
        kind=str(data.get("kind")), date=as_date(data.get("date")), number=_text(data.get("number")),
        issuer=_text(data.get("issuer")), signer=signer_from(data.get("signer")),
        approved_by=_text(data.get("approved_by")), approved_date=as_date(data.get("approved_date")),
        secrecy=_text(data.get("secrecy")), year=int(year) if year not in (None, "") else None,
        fields={str(k): v for k, v in (data.get("fields") or {}).items()},
        members=[dict(m) if isinstance(m, dict) else {"name": str(m)} for m in data.get("members") or []],
        attachments=[str(a.get("path") if isinstance(a, dict) else a) for a in data.get("attachments") or []],
        file=_text(data.get("file")), sha256=_text(data.get("sha256")),
        amendments=[dict(a) for a in data.get("amendments") or []],
        extra={k: v for k, v in data.items() if k not in _RECORD_KEYS},
    )


def _number(value: Any) -> int | float | None:
    if value is None or isinstance(value, bool):
        return None
    return value if isinstance(value, (int, float)) else None


def plan_from(year: Any, data: dict[str, Any]) -> Plan:
    targets = []
    for t in (data or {}).get("targets") or []:
        targets.append(Target(text=str(t.get("text")), op=str(t.get("op") or AT_LEAST),
                              planned=_number(t.get("planned")), achieved=_number(t.get("achieved")),
                              done=bool(t.get("done")),
                              extra={k: v for k, v in t.items() if k not in ("text", "op", "planned", "achieved", "done")}))
    data = data or {}
    return Plan(year=int(year), date=as_date(data.get("date")), number=_text(data.get("number")),
                targets=targets, extra={k: v for k, v in data.items() if k not in ("date", "number", "targets")})


def criterion_from(data: Any) -> Criterion | None:
    if not isinstance(data, dict) or not data.get("key"):
        return None
    return Criterion(key=str(data["key"]), text=str(data.get("text") or ""), grade=_text(data.get("grade")))


def criterion_to(c: Criterion) -> dict[str, Any]:
    out: dict[str, Any] = {"key": c.key, "text": c.text}
    if c.grade is not None:
        out["grade"] = c.grade
    return out


def case_from(data: dict[str, Any]) -> Case:
    return Case(
        id=str(data.get("id")), kind=str(data.get("kind") or "model"),
        name=str(data.get("name") or data.get("working_title") or ""),
        working_title=str(data.get("working_title") or data.get("name") or ""),
        area=_text(data.get("area")), field=_text(data.get("field")), level=str(data.get("level") or "xa"),
        unit_kind=str(data.get("unit_kind") or "residential"), linked=bool(data.get("linked")),
        members=_texts(data.get("members")), membership=str(data.get("membership") or "limited"),
        proposer=_text(data.get("proposer")), lead_unit=_text(data.get("lead_unit")),
        lead_units=_texts(data.get("lead_units")), authority=_text(data.get("authority")),
        status=str(data.get("status") or "building"), opened=as_date(data.get("opened")),
        documents=[record_from(d) for d in data.get("documents") or [] if isinstance(d, dict)],
        plans={int(y): plan_from(y, p) for y, p in (data.get("plans") or {}).items()},
        criteria=tuple(c for c in (criterion_from(x) for x in data.get("criteria") or []) if c is not None),
        letters=[record_from(d) for d in data.get("letters") or [] if isinstance(d, dict)],
        extra={k: v for k, v in data.items() if k not in _CASE_KEYS},
    )


def signer_to(s: Signer | None) -> dict[str, Any] | None:
    return None if s is None else {"prefix": s.prefix, "title": s.title, "name": s.name}


def record_to(r: Record, approval: bool = False) -> dict[str, Any]:
    """Plain data in the order of docs/case-schema.md; optional keys only where they apply."""
    out: dict[str, Any] = {"kind": r.kind, "number": r.number, "date": r.date, "issuer": r.issuer,
                           "signer": signer_to(r.signer)}
    if approval or r.approved_by or r.approved_date:
        out["approved_by"], out["approved_date"] = r.approved_by, r.approved_date
    out["secrecy"] = r.secrecy
    if r.year is not None:
        out["year"] = r.year
    out["fields"] = dict(r.fields)
    if r.members:
        out["members"] = [dict(m) for m in r.members]
    if r.attachments:
        out["attachments"] = list(r.attachments)
    out["file"] = r.file
    out["sha256"] = r.sha256
    if r.amendments:
        out["amendments"] = [dict(a) for a in r.amendments]
    out.update(r.extra)
    return out


def target_to(t: Target) -> dict[str, Any]:
    if t.op == YES_NO:
        return {"text": t.text, "op": t.op, "done": t.done, **t.extra}
    return {"text": t.text, "op": t.op, "planned": t.planned, "achieved": t.achieved, **t.extra}


def plan_to(p: Plan) -> dict[str, Any]:
    return {"date": p.date, "number": p.number, "targets": [target_to(t) for t in p.targets], **p.extra}


def case_to(c: Case) -> dict[str, Any]:
    out: dict[str, Any] = {}
    extra = dict(c.extra)
    if "schema" in extra:
        out["schema"] = extra.pop("schema")
    out.update({
        "id": c.id, "kind": c.kind, "name": c.name, "working_title": c.working_title, "area": c.area,
        "field": c.field, "level": c.level, "unit_kind": c.unit_kind, "linked": c.linked,
        "members": list(c.members), "membership": c.membership, "proposer": c.proposer,
        "lead_unit": c.lead_unit, "lead_units": list(c.lead_units), "authority": c.authority,
        "status": c.status, "opened": c.opened,
    })
    for key in ("replicated_from", "replicated_to"):
        if key in extra:
            out[key] = extra.pop(key)
    out["documents"] = [record_to(r) for r in c.documents]
    out["plans"] = {y: plan_to(p) for y, p in c.plans.items()}
    if c.criteria:  # written once there is one (older case files stay as they were)
        out["criteria"] = [criterion_to(x) for x in c.criteria]
    if c.letters:  # written once there is one
        out["letters"] = [record_to(r) for r in c.letters]
    out.update(extra)
    return out

