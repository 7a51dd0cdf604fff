"""Everything a template needs, from the dossier data (docs/case-schema.md shapes).

`document_context(profile, case, record)` reads plain mappings (dates as `datetime.date` or
ISO strings; `fields`, `members`, `attachments` may be absent) and returns a dict of strings,
lists and small dicts — no None where a template prints a value, so a template with
StrictUndefined never meets a hole. Keys: see `KEYS` below.

Nothing here knows a kind by its name: what is particular to a kind (its subject, the default
text of its sections, its meeting wording, …) is in its spec's `document:` block
(docs/kinds.md, "The document block"), the spec being `load_registry()[record["kind"]]`.
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator, Mapping

from antt_cli.documents import nd30
from antt_cli.documents.wording import Fields, block, check_block, first_lower, first_upper, render_text
from antt_cli.domain.dates import as_date, evaluation_year_of
from antt_cli.domain.issuers import is_party_body, steering_body
from antt_cli.domain.kindspec import AUTHORITY, MEETING, PARTY, PROPOSER, STEERING, KindSpec, Registry
from antt_cli.domain.plans import YES_NO, target_met
from antt_cli.domain.text import nfc, nfc_deep, same_name
from antt_cli.domain.vocab import SECRECY
from antt_cli.errors import AnttError

GUIDELINE_NUMBER = "Hướng dẫn số 163/HD-BCĐ"
GUIDELINE_DATE = "17/01/2023"
GUIDELINE_ABOUT = ("về xây dựng, nhân rộng mô hình, điển hình tiên tiến trong Phong trào Toàn "
                   "dân bảo vệ an ninh Tổ quốc")
DOTS = "……………"

# An exemplar's documents (HD 163 §IV; `_exemplar` below); empty on a model's.
_EXEMPLAR_KEYS = (
    "exemplar_kind_text", "scope_text", "criteria_general", "criteria_specific", "criteria_rows",
    "recognition_rule", "reassess_threshold", "clock_start_text", "clock_end_text", "outcome_subject",
    "assessment_text", "proposal_text", "late_text", "ending_reasons", "ending_date_text", "outcome_ref",
)
# The keys every context has (templates may use any of them).
KEYS = (
    "kind", "kind_title", "type_name", "subject", "party", "parent_body", "parent_lines", "issuer_lines",
    "number_line", "secrecy", "date_line", "date_text", "date_short", "place", "year",
    "authority_title", "legal_bases", "signature_lines", "signer_name", "secretary_lines",
    "secretary_name", "recipients", "summary", "note", "name", "name_q", "area", "field_clause",
    "issuer", "proposer", "proposer_head", "authority", "authority_head", "addressees", "unit",
    "province", "guideline_ref", "guideline_short", "refs", "party_doc", "linked", "limited",
    "membership_text", "member_units_text", "lead_unit", "previous_lead", "rotation_text",
    "members", "member_count", "targets", "period", "period_text", "period_start", "period_end",
    "approved_by_upper", "approved_date_text", "approver_name", "plan_approved_by", "meeting", "meeting_opening",
    "meeting_closing", "chair_text", "secretary_text", "sections", "time_text", "time_clause",
    "execution_extra", "record_year",
    "attachments", "ledger_rows", "fields", "rating",
    *_EXEMPLAR_KEYS,
)
# (plus the keys of the kind's `document.texts`)
# The keys a spec's `subject` may use: it is also rendered to cite that record in another
# document, where only the cited record is at hand.
SUBJECT_KEYS = ("name", "name_q", "year", "period", "period_label", "party", "fields", "kind_title")


# ---------------------------------------------------------------- small helpers

def _s(value: Any) -> str:
    return nfc(str(value)).strip() if value not in (None, "") else ""


def _get(mapping: Mapping | None, key: str, default: Any = None) -> Any:
    if not mapping:
        return default
    value = mapping.get(key, default)
    return default if value is None else value


def _plain(value: Any) -> Any:
    """ruamel/other mappings and sequences to plain dicts and lists (deep copy)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _body(profile: Mapping, name: str) -> dict:
    for key, value in (_get(profile, "bodies", {}) or {}).items():
        if same_name(key, name):
            return dict(value or {})
    return {}


def _number(n: Any) -> str:
    if isinstance(n, bool) or n in (None, ""):
        return ""
    if isinstance(n, (int, float)):
        value = int(n) if float(n).is_integer() else n
        return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value).replace(".", ",")
    return _s(n)


def _dedupe(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and not any(same_name(name, seen) for seen in out):
            out.append(name)
    return out


def _plan(case: Mapping, year: int | None) -> Mapping:
    plans = _get(case, "plans", {}) or {}
    for key, value in plans.items():
        if str(key) == str(year):
            return value or {}
    return {}


def _target_rows(case: Mapping, year: int | None, judged: bool) -> list[dict]:
    """The targets of the year's plan, as table rows; `judged` False leaves the result
    column blank (a 6-month report: the year is not over). A target not yet reported on is
    not judged either; whether one is met is the domain's rule (docs/rules.md)."""
    rows = []
    for i, t in enumerate(_get(_plan(case, year), "targets", []) or [], start=1):
        op = _s(_get(t, "op", ">="))
        planned, achieved, done = t.get("planned"), t.get("achieved"), t.get("done")
        if op == YES_NO:
            planned_text = "Có"
            achieved_text = "" if done is None else ("Có" if done else "Không")
            reported = done is not None
        else:
            planned_text = {">=": f"ít nhất {_number(planned)}", "<=": f"không quá {_number(planned)}"}.get(
                op, _number(planned))
            achieved_text = _number(achieved)
            reported = isinstance(achieved, (int, float)) and isinstance(planned, (int, float))
        result = ("Đạt" if target_met(t) else "Chưa đạt") if judged and reported else ""
        rows.append({"index": str(i), "text": _s(t.get("text")), "planned": planned_text,
                     "achieved": achieved_text, "result": result})
    return rows


def registry() -> Registry:
    from antt_cli.store.kinds import load_registry

    return load_registry()


# ---------------------------------------------------------------- the context

class _Data:
    """The dossier data of one record, normalised (NFC, dates, defaults)."""

    def __init__(self, profile: Mapping, case: Mapping, record: Mapping) -> None:
        self.registry = registry()
        self.profile = nfc_deep(_plain(profile or {}))
        self.case = nfc_deep(_plain(case or {}))
        self.record = nfc_deep(_plain(record or {}))
        self.kind = self.registry[self.record["kind"]]
        check_block(self.kind)
        self.fields = {str(k): v for k, v in (_get(self.record, "fields", {}) or {}).items()}
        day = as_date(self.record.get("date"))
        if day is None:  # no clock here: the service dates every record (a draft: today)
            raise ValueError(f"a {self.kind.name} record without a date")
        self.day = day
        self.name = _s(_get(self.case, "name") or _get(self.case, "working_title"))
        self.unit = _s(_get(self.profile, "unit"))
        self.proposer = _s(_get(self.case, "proposer")) or self.unit
        self.documents = [d for d in (_get(self.case, "documents", []) or []) if isinstance(d, Mapping)]

    def field(self, key: str, default: str = "") -> str:
        value = self.fields.get(key)
        return _s(value) if value not in (None, "") else default

    def bodies(self) -> dict:
        return dict(_get(self.profile, "bodies", {}) or {})

    def party_body(self) -> str:
        for name, body in self.bodies().items():
            if is_party_body(_s(name), body):
                return _s(name)
        return ""

    def state_body(self) -> str:
        """The People's Committee (or head of agency) of the unit: an own body that is neither
        a party committee nor the unit itself."""
        candidates = [(_s(n), b or {}) for n, b in self.bodies().items()
                      if not is_party_body(_s(n), b) and not same_name(n, self.unit)]
        for name, body in candidates:
            if body.get("own"):
                return name
        return candidates[0][0] if candidates else ""

    def authority(self) -> str:
        value = _s(_get(self.case, "authority"))
        if value:
            return value
        decisions = self.registry.authority_decisions(_s(_get(self.case, "kind")) or "model")
        for doc in self.documents:
            if doc.get("kind") in decisions and doc.get("issuer"):
                return _s(doc["issuer"])
        return self.state_body()

    def latest(self, kinds: Iterable[str]) -> Mapping | None:
        """The last recorded document of one of `kinds` other than the one being rendered."""
        wanted = set(kinds)
        found = None
        for doc in self.documents:
            if doc.get("kind") in wanted and doc is not self.record:
                found = doc
        if found is None and self.record.get("kind") in wanted:
            return None
        return found

    def latest_where(self, test) -> Mapping | None:
        return self.latest(k.name for k in self.registry if test(k))

    def default_issuer(self, k: KindSpec | None = None) -> str:
        role = (k or self.kind).issuer_role
        if role == PROPOSER:
            return self.proposer
        if role == STEERING:
            return steering_body(self.name)
        if role == PARTY:
            return self.party_body() or self.authority()
        if role == AUTHORITY:
            return self.authority()
        return self.proposer


def _head_title(profile_body: Mapping, issuer: str, signer: Mapping) -> str:
    head = _get(profile_body, "head", {}) or {}
    title = _s(head.get("title"))
    if title:
        return title
    if issuer.lower().startswith(("ủy ban nhân dân", "uỷ ban nhân dân")):
        return "Chủ tịch"
    if issuer.lower().startswith("ban chỉ đạo"):
        return "Trưởng ban"
    signer_title = _s(signer.get("title"))
    return signer_title[4:] if signer_title.lower().startswith("phó ") else signer_title


def _issuer_lines(issuer_upper: str) -> list[str]:
    for head in ("ỦY BAN NHÂN DÂN", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "BAN CHỈ ĐẠO MÔ HÌNH"):
        if issuer_upper.startswith(head + " ") and len(issuer_upper) > 20:
            return [head, issuer_upper[len(head) + 1:]]
    return [issuer_upper]


def _period_code(record: Mapping) -> str:
    fields = _get(record, "fields", {}) or {}
    return _s(fields.get("period") or record.get("period")) or "annual"


def _period(record: Mapping, data: _Data, year: int | None) -> tuple[str, str]:
    """(label, text) of a report's period (§III.1.đ: 6 tháng, năm, đột xuất)."""
    period = _period_code(record)
    y = year or data.day.year
    if period == "6-month":
        return (f"06 tháng đầu năm {y}",
                f"06 tháng đầu năm {y} (từ ngày 01/11/{y - 1} đến ngày 30/4/{y})")
    if period == "ad-hoc":
        day = as_date(record.get("date")) or data.day
        return "đột xuất", f"đột xuất (tính đến ngày {nd30.short_date(day)})"
    return f"năm {y}", f"năm {y} (từ ngày 01/11/{y - 1} đến ngày 31/10/{y})"


def _subject(data: _Data, k: KindSpec, record: Mapping, year: int | None) -> str:
    """The trích yếu of `record` (of kind `k`): `--set title=…`, else the spec's `subject`
    rendered with the record's SUBJECT_KEYS, else the kind's title."""
    fields = _get(record, "fields", {}) or {}
    if _s(fields.get("title")):
        return _s(fields["title"])
    source = block(k, "subject")
    if source is None:
        return k.title
    values = {
        "name": data.name, "name_q": nd30.quoted(data.name), "year": year, "period": _period_code(record),
        "period_label": _period(record, data, year)[0], "party": _is_party_doc(data, record),
        "fields": Fields({str(key): _s(v) for key, v in fields.items()}), "kind_title": k.title,
    }
    return render_text(k, "subject", source, values)


def _is_party_doc(data: _Data, record: Mapping) -> bool:
    """A kind with `party_variant` issued by a party body takes the party format."""
    k = data.registry.get(str(record.get("kind")))
    if k is None or not block(k, "party_variant", False):
        return False
    issuer = _s(record.get("issuer")) or data.default_issuer(k)
    return is_party_body(issuer, _body(data.profile, issuer))


def _type_name(k: KindSpec, party: bool) -> str:
    """The type name; a `party_variant` kind in the state format prints its `state_type_name`."""
    if block(k, "party_variant", False) and not party:
        return str(block(k, "state_type_name", k.type_name))
    return k.type_name


def _citation(data: _Data, doc: Mapping) -> str:
    kind = data.registry.get(str(doc.get("kind", "")))
    if kind is None:
        return ""
    issuer = _s(doc.get("issuer")) or data.default_issuer(kind)
    party = _is_party_doc(data, doc)
    words = [first_upper(_type_name(kind, party).lower())]
    number = _s(doc.get("number"))
    if number:
        words.append(f"số {nd30.party_number(number) if party else number}")
    day = as_date(doc.get("date"))
    if day:
        words.append(f"ngày {nd30.short_date(day)}")
    signer = _get(doc, "signer", {}) or {}
    who = issuer
    if kind.issuer_role == AUTHORITY and nd30.norm_prefix(signer.get("prefix")) != "TM." \
            and kind.type_code == "QĐ":
        who = nd30.official_title(_head_title(_body(data.profile, issuer), issuer, signer), issuer)
    words.append(f"của {who}")
    year = int(doc["year"]) if doc.get("year") else None
    subject = _subject(data, kind, doc, year)
    subject = first_lower(subject)
    if not subject.startswith("về"):
        subject = f"về {subject}"
    return " ".join(words) + " " + subject


class _Refs(Mapping):
    """`refs.<kind_with_underscores>`: the citation of that kind's last record, else its title
    — for every kind of the registry, each computed when a template first reads it."""

    def __init__(self, data: _Data) -> None:
        self._data = data
        self._names = {k.name.replace("-", "_"): k for k in data.registry}
        self._done: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._done:
            k = self._names[key]
            doc = self._data.latest([k.name])
            self._done[key] = _citation(self._data, doc) if doc else k.title
        return self._done[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _recipients(data: _Data, issuer: str, authority: str, party_body: str, code: str) -> list[str]:
    role = data.kind.issuer_role
    given = data.fields.get("recipients")
    leading = [_s(x) for x in block(data.kind, "recipients", []) or [] if _s(x)]
    if given:
        items = given if isinstance(given, list) else str(given).split(";")
        names = [_s(x).rstrip(";.") for x in items if _s(x)]
    else:
        report = "(để báo cáo)"
        if role == PROPOSER:
            names = [f"{party_body} {report}" if party_body else "",
                     f"{authority} {report}" if authority else "",
                     f"{_s(_get(data.profile, 'parent_body'))} {report}"
                     if same_name(issuer, data.unit) and _get(data.profile, "parent_body") else ""]
        elif role == PARTY:
            names = [f"{authority} (để thực hiện)" if authority else "",
                     f"{data.proposer} (để thực hiện)",
                     "Các chi bộ trực thuộc" if _is_party_doc(data, data.record) else ""]
        elif role == AUTHORITY:
            first = "Như Điều 3" if data.kind.type_code == "QĐ" else "Các cơ quan, đơn vị có liên quan"
            names = [first, f"{party_body} {report}" if party_body else "", data.proposer]
        elif role == STEERING:
            names = [f"{authority} {report}" if authority else "",
                     f"{party_body} {report}" if party_body else "",
                     data.proposer, "Các thành viên Ban Chỉ đạo"]
        else:  # minutes
            names = [authority, party_body, data.proposer]
    names = _dedupe(n for n in [*leading, *names] if n and not same_name(n, issuer))
    lines = [f"- {n};" for n in names]
    lines.append(f"- Lưu: VT{', ' + code if code else ''}.")
    return lines


def _members(record: Mapping) -> list[dict]:
    rows = []
    for i, m in enumerate(_get(record, "members", []) or [], start=1):
        m = m if isinstance(m, Mapping) else {"name": m}
        rows.append({"index": str(i), "name": _s(m.get("name")), "role": _s(m.get("role")),
                     "unit": _s(m.get("unit")), "phone": _s(m.get("phone"))})
    return rows


def _unit_names(values: Iterable[Any]) -> list[str]:
    out = []
    for v in values or []:
        out.append(_s(v.get("name") if isinstance(v, Mapping) else v))
    return [v for v in out if v]


def _record_year(data: _Data) -> int:
    """The record's year: the pipeline stores it on every kind whose spec has `year: plan|report`
    (docs/rules.md decides it there); else the evaluation year of its date."""
    stored = data.record.get("year")
    return int(stored) if stored else evaluation_year_of(data.day)


def _rating(data: _Data, year: int | None) -> dict:
    """The rating of the record's evaluation year (§III.2.c) as a document shows it: the
    grade (the record's own, else the year's counting decision), the proposed grade and the
    reason where a decision differs, the completion, and the criteria table the proposal
    stored (`domain/rating.py`)."""
    from antt_cli.domain.rating import DECISION, GRADE_TITLES, PROPOSAL, percent_text

    rec = data.record

    def counting(role: str) -> Mapping:
        kind = data.registry.rating_kind(role)
        found = [d for d in data.documents if kind is not None and d.get("kind") == kind.name
                 and str(d.get("year")) == str(year) and not d.get("withdrawn") and not d.get("superseded")]
        return found[-1] if found else {}

    decision = counting(DECISION)
    proposal = rec if data.kind.rating == PROPOSAL else counting(PROPOSAL)
    own = data.kind.rating in (PROPOSAL, DECISION)
    grade = _s(data.fields.get("grade")) if own else _s((_get(decision, "fields", {}) or {}).get("grade"))
    proposed = _s(data.fields.get("proposed_grade"))
    completion = _get(proposal, "completion")
    rows = []
    for i, c in enumerate(_get(proposal, "criteria", []) or [], start=1):
        grades = [GRADE_TITLES.get(str(g), str(g)) for g in c.get("grades") or []]
        rows.append({"index": str(i), "text": _s(c.get("text")), "grades": ", ".join(grades),
                     "state": "Đạt" if c.get("met") else "Chưa đạt"})
    yeu = [_s(m) for m in _get(proposal, "yeu", []) or [] if _s(m)]
    missed = [_s(m) for m in _get(proposal, "missed", []) or [] if _s(m)]
    next_grade = _s(_get(proposal, "next_grade"))
    authority = _s(_get(data.case, "authority"))
    issuer = _s(rec.get("issuer"))
    return {
        "grade_title": GRADE_TITLES.get(grade, grade) or DOTS,
        "grade_upper": nd30.upper_vn(GRADE_TITLES.get(grade, grade)) or DOTS,
        "proposed_title": GRADE_TITLES.get(proposed, proposed),
        "overrides": bool(proposed and proposed != grade),
        "reason": data.field("reason") or DOTS,
        "completion_text": percent_text(float(completion)) if isinstance(completion, (int, float)) else "",
        "criteria": rows,
        "specific": any(c.get("specific") for c in _get(proposal, "criteria", []) or []),
        "yeu_text": "; ".join(first_lower(m) for m in yeu),
        "missed_text": "; ".join(first_lower(m) for m in missed),
        "next_title": GRADE_TITLES.get(next_grade, next_grade),
        "decision_ref": _citation(data, decision) if decision else "",
        "successor_of": authority if data.kind.rating == DECISION and authority and issuer
        and not same_name(authority, issuer) else "",
    }


def _spec_text(data: _Data, what: str, source: Any, values: Mapping[str, Any]) -> str:
    return render_text(data.kind, what, source, values)


def document_context(profile: Mapping, case: Mapping, record: Mapping) -> dict:
    """The template context of `record` (a document record of `case`, dossier `profile`)."""
    data = _Data(profile, case, record)
    k, fields, rec = data.kind, data.fields, data.record
    role = k.issuer_role
    issuer = _s(rec.get("issuer")) or data.default_issuer()
    ibody = _body(data.profile, issuer)
    signer = dict(_get(rec, "signer", {}) or {})
    party_body = data.party_body()
    authority = data.authority()
    party = _is_party_doc(data, rec)
    year = _record_year(data)
    name_q = nd30.quoted(data.name)
    area = _s(_get(data.case, "area"))
    field_ = _s(_get(data.case, "field"))
    province = _s(_get(data.profile, "province"))
    place = _s(_get(data.profile, "place")) or province
    linked = bool(_get(data.case, "linked", False))
    limited = _s(_get(data.case, "membership", "limited")) != "open"

    # header
    if "parent" in ibody:
        parent = _s(ibody.get("parent"))
    elif same_name(issuer, data.unit):
        parent = _s(_get(data.profile, "parent_body"))
    elif issuer.lower().startswith("ban chỉ đạo"):
        parent = authority
    else:
        parent = ""
    issuer_upper = nd30.upper_vn(issuer)
    number = _s(rec.get("number")) or None
    type_name = _s(fields.get("type_name")) or _type_name(k, party)
    secrecy_level = _s(rec.get("secrecy")).lower()
    if secrecy_level and secrecy_level not in SECRECY:
        raise AnttError("documents.bad_secrecy", value=secrecy_level, kind=k.name, allowed=", ".join(SECRECY))

    # people and bodies
    proposer_body = _body(data.profile, data.proposer)
    proposer_head = nd30.official_title(_s((_get(proposer_body, "head", {}) or {}).get("title")),
                                        data.proposer) if proposer_body.get("head") else data.proposer
    auth_body = _body(data.profile, authority)
    authority_head = nd30.official_title(_head_title(auth_body, authority, {}), authority) \
        if authority else "chính quyền"
    head_title = _head_title(ibody, issuer, signer)
    case_lead = _s(_get(data.case, "lead_unit"))
    lead_unit = _s(fields.get("lead_unit")) or case_lead
    rotation = _unit_names(_get(data.case, "lead_units", []))
    member_units = _unit_names(_get(data.case, "members", []))
    # the lead unit handing over: the case's, when the record names a new one; else the one
    # before the (new) lead in the order of rotation
    previous_lead = _s(fields.get("previous_lead")) or (case_lead if not same_name(case_lead, lead_unit) else "")
    if not previous_lead and lead_unit in rotation:
        previous_lead = rotation[rotation.index(lead_unit) - 1]
    addressees = ", ".join(_dedupe([party_body, data.state_body()] if role == PROPOSER else [authority])) \
        or "cấp ủy, chính quyền"

    # references to recorded documents
    refs = _Refs(data)
    party_doc_rec = data.latest_where(lambda kk: kk.issuer_role == PARTY)
    party_doc = _citation(data, party_doc_rec) if party_doc_rec else "chủ trương của cấp ủy về xây dựng mô hình"

    # decisions: authority title, legal bases
    signer_prefix = nd30.norm_prefix(signer.get("prefix"))
    if signer_prefix == "TM.":
        authority_title = issuer_upper
    else:
        authority_title = nd30.upper_vn(nd30.official_title(head_title, issuer))
    # HD 163/HD-BCĐ was issued by the steering committee of Bình Thuận (now part of Lâm Đồng).
    guideline_issuer = _s(_get(data.profile, "guideline_issuer")) or "Ban Chỉ đạo tỉnh Bình Thuận"
    guideline_ref = (f"{GUIDELINE_NUMBER} ngày {GUIDELINE_DATE} của {guideline_issuer} {GUIDELINE_ABOUT}")
    bases = []
    for line in _get(data.profile, "legal_bases", []) or []:
        text = _s(line).rstrip(";.").strip()
        if text:
            bases.append(text if text.lower().startswith("căn cứ") else f"Căn cứ {text}")
    bases.append(f"Căn cứ {guideline_ref}")
    for cited in block(k, "cites", []):  # the recorded documents a decision is based on
        doc = data.latest([str(cited)])
        if doc:
            bases.append(f"Căn cứ {_citation(data, doc)}")
    for extra in _get(rec, "bases", []) or []:
        if _s(extra):
            bases.append(_s(extra).rstrip(";."))

    # signature
    sig_lines = nd30.signature_lines(signer, role, issuer, head_title)
    secretary = _s(fields.get("secretary"))
    code = _s(ibody.get("code")) if party else (_s(proposer_body.get("code")) or _s(ibody.get("code")))

    # periods
    period = _period_code(rec)
    period_label, period_text = _period(rec, data, year)
    approved_date = as_date(rec.get("approved_date"))
    plan_rec = data.latest_where(lambda kk: kk.approval != "none") or {}

    # meetings
    time_given = data.field("time")
    is_minutes = role == MEETING
    start = f"{time_given or '…… giờ ……'}, {nd30.day_text(data.day)}" if is_minutes else \
        (time_given or "theo giấy mời của Ban tổ chức")
    chair_title = _s(signer.get("title"))
    chair_text = ", ".join(x for x in (_s(signer.get("name")), chair_title) if x) or DOTS
    secretary_text = ", ".join(x for x in (secretary, data.field("secretary_title")) if x) or DOTS

    members = _members(rec)
    membership_text = ("mô hình có giới hạn về số lượng thành viên; thành viên do cơ quan, đoàn thể, "
                       "khu dân cư giới thiệu, cử tham gia sau khi lấy ý kiến Nhân dân." if limited else
                       "mô hình không giới hạn số lượng thành viên; vận động, khuyến khích đông đảo "
                       "quần chúng Nhân dân tự nguyện tham gia.")
    attachments = []
    for i, a in enumerate(_get(rec, "attachments", []) or [], start=1):
        a = a if isinstance(a, Mapping) else {"name": a}
        path = _s(a.get("name") or a.get("path"))
        attachments.append({"index": str(i), "name": os.path.basename(path) or path,
                            "note": _s(a.get("note"))})
    if not attachments:
        attachments = [{"index": "", "name": "(chưa có tài liệu đính kèm)", "note": ""}]
    ledger_rows = []
    for i, e in enumerate(_get(rec, "entries", []) or [], start=1):
        day = as_date(e.get("date")) if e.get("date") else None
        ledger_rows.append({"index": str(i), "date": nd30.short_date(day) if day else "",
                            "text": _s(e.get("text")), "income": _number(e.get("income")),
                            "expense": _number(e.get("expense")), "balance": _number(e.get("balance"))})
    if not ledger_rows:
        ledger_rows = [{"index": str(i), "date": "", "text": "", "income": "", "expense": "",
                        "balance": ""} for i in range(1, 13)]
    deadline = data.field("deadline")
    targets_mode = str(block(k, "targets", "none"))  # one of wording.TARGET_MODES
    judged = targets_mode == "judged" or (targets_mode == "judged-if-annual" and period == "annual")
    targets = [] if targets_mode == "none" else _target_rows(data.case, year, judged)

    ctx = {
        "kind": k.name,
        "kind_title": k.title,
        "type_name": nd30.upper_vn(type_name),
        "subject": _subject(data, k, rec, year),
        "party": party,
        "parent_body": nd30.upper_vn(parent) or None,
        "parent_lines": _issuer_lines(nd30.upper_vn(parent)) if parent else [],
        "issuer_lines": _issuer_lines(issuer_upper),
        "number_line": nd30.number_line(number, party),
        "secrecy": SECRECY.get(secrecy_level),
        "date_line": nd30.date_line(place, data.day),
        "date_text": nd30.day_text(data.day),
        "date_short": nd30.short_date(data.day),
        "place": place,
        "year": year,
        "authority_title": authority_title,
        "signature_lines": sig_lines,
        "signer_name": _s(signer.get("name")),
        "secretary_lines": nd30.secretary_lines(),
        "secretary_name": secretary,
        "recipients": _recipients(data, issuer, authority, party_body, code),
        "summary": data.field("summary") or None,
        "note": data.field("note") or None,
        "name": data.name,
        "name_q": name_q,
        "area": area or DOTS,
        "field_clause": f", lĩnh vực {field_}" if field_ else "",
        "issuer": issuer,
        "proposer": data.proposer,
        "proposer_head": proposer_head,
        "authority": authority or "chính quyền",
        "authority_head": authority_head,
        "addressees": addressees,
        "unit": data.unit,
        "province": province,
        "guideline_ref": guideline_ref,
        "guideline_short": GUIDELINE_NUMBER,
        "refs": refs,
        "party_doc": party_doc,
        "linked": linked,
        "limited": limited,
        "membership_text": membership_text,
        "member_units_text": "; ".join(member_units) or DOTS,
        "lead_unit": lead_unit or DOTS,
        "previous_lead": previous_lead or DOTS,
        "rotation_text": "; ".join(f"({i}) {u}" for i, u in enumerate(rotation, start=1)),
        "members": members,
        "member_count": f"{len(members):02d}" if members else "các",
        "targets": targets,
        "period": period,
        "period_text": period_text,
        "period_label": period_label,
        "period_start": f"01/11/{year - 1}",
        "period_end": f"31/10/{year}",
        "approved_by_upper": nd30.upper_vn(rec.get("approved_by")) or DOTS,
        "approved_date_text": first_upper(nd30.day_text(approved_date)) if approved_date
        else "Ngày …… tháng …… năm ……",
        "approver_name": data.field("approver_name") or _approver(data, rec.get("approved_by")),
        "plan_approved_by": _s(plan_rec.get("approved_by")),
        "chair_text": chair_text,
        "secretary_text": secretary_text,
        "time_clause": f", hoàn thành trước ngày {deadline}" if deadline else "",
        "record_year": rec.get("year") or "",
        "attachments": attachments,
        "ledger_rows": ledger_rows,
        "fields": {k2: _s(v) for k2, v in fields.items() if not isinstance(v, (list, dict))},
        "rating": _rating(data, year) if k.rating != "none" else {},
    }
    ctx.update(_exemplar(data, rec))
    ctx.update(_spec_wording(data, ctx, time_given, start))
    ctx["legal_bases"] = _legal_bases(data, ctx, bases, lead_unit, proposer_head)
    return ctx


# HD 163 §IV: how an exemplar's documents name it, its criteria and the outcome proposed.
_EXEMPLAR_KIND_TEXT = {"collective": "tập thể", "individual": "cá nhân"}
_SCOPE_TEXT = {"one": "trên một mặt công tác", "several": "trên một số mặt công tác",
               "comprehensive": "toàn diện"}


def _pct(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _exemplar(data: _Data, rec: Mapping) -> dict:
    """The context keys of an exemplar's documents: what it is (collective or individual, its
    scope), its criteria (general §IV.1 Bước 3, then specific), each judged where the record
    judges them (an evaluation or reassessment: `criteria`; a self-assessment: `--set met=`),
    the one-year clock, and the outcome proposed (empty strings on a model)."""
    from antt_cli.domain import exemplars as ex
    from antt_cli.domain.model import case_from
    from antt_cli.domain.rules import rules_from_profile

    if _s(_get(data.case, "kind")) != ex.EXEMPLAR:
        return {key: [] if key.startswith("criteria_") else "" for key in _EXEMPLAR_KEYS}
    rules = rules_from_profile(_get(data.profile, "rules"))
    case = case_from(data.case)
    judged = dict(_get(rec, "criteria", {}) or {})
    met_field = data.field("met")
    if not judged and met_field:
        met = {part.strip() for part in met_field.split(",")}
        judged = {key: key in met for key in ex.criteria_keys(case)}
    evidence = dict(_get(rec, "criteria_evidence", {}) or {})
    rows = [{"index": str(i), "key": key, "text": ex.criterion_text(case, key),
             "result": ("Đạt" if judged[key] else "Không đạt") if key in judged else "",
             "proof": _s(evidence.get(key))}
            for i, key in enumerate(ex.criteria_keys(case), start=1)]
    general = [{"index": str(i), "key": key, "text": text}
               for i, (key, text) in enumerate(ex.GENERAL_CRITERIA, start=1)]
    specific = [{"index": str(i), "key": c.key, "text": c.text} for i, c in enumerate(case.criteria, start=1)]
    share = rules.exemplar_specific_share
    rule = ("Điển hình được đề xuất công nhận khi đạt tất cả các tiêu chí chung và "
            + ("tất cả các tiêu chí riêng" if share >= 100 else f"từ {_pct(share)}% các tiêu chí riêng trở lên")
            + "; không đạt thì đề xuất kết thúc xây dựng điển hình.")
    clock = ex.clock_of(case, data.registry, rules.exemplar_evaluation_months)
    if clock is None and ex.STARTS_BUILDING in data.kind.effects:  # the building plan itself
        clock = (data.day, ex.evaluation_last_day(data.day, rules.exemplar_evaluation_months))
    outcome = _s(rec.get("outcome"))
    missed = [ex.criterion_text(case, key) for key in rec.get("missed") or []]
    n_met = sum(1 for key in judged if judged[key])
    assessment = (f"Điển hình đạt {n_met}/{len(judged)} tiêu chí ({_pct(float(rec.get('share') or 0))}%)"
                  + (f"; không đạt: {'; '.join(missed)}." if missed else ".")) if judged and outcome else ""
    if rec.get("unfit"):
        assessment += f" Yêu cầu công tác không còn phù hợp với việc xây dựng điển hình: {_s(rec.get('unfit_reason'))}."
    name_q = nd30.quoted(data.name)
    if outcome == ex.RECOGNIZE:
        proposal = (f"{_s(rec.get('issuer'))} đề nghị {data.authority() or 'cấp có thẩm quyền'} xem xét, "
                    + (f"ra quyết định công nhận điển hình tiên tiến đối với {name_q}; đồng thời xem xét "
                       "biểu dương, khen thưởng và nhân rộng điển hình./." if _get(rec, "year") is None else
                       f"tiếp tục công nhận {name_q} là điển hình tiên tiến./."))
    elif outcome == ex.END:
        proposal = (f"{_s(rec.get('issuer'))} đề nghị {data.authority() or 'cấp có thẩm quyền'} xem xét, "
                    f"ra quyết định kết thúc xây dựng điển hình {name_q} và thông báo cho điển hình biết./.")
    else:
        proposal = ""
    late = (f"Việc đánh giá thực hiện sau thời hạn 01 năm (hạn cuối ngày {nd30.short_date(as_date(rec.get('deadline')))}); "
            f"lý do: {_s(rec.get('late_reason'))}.") if rec.get("late") and rec.get("deadline") else ""
    # the ending's reasons: the last proposal's missed criteria and reason (§IV.3)
    source = None
    for doc in data.documents:
        if doc is not rec and doc.get("outcome") in (ex.RECOGNIZE, ex.END):
            source = doc
    reasons = ""
    ending_day = None
    if source is not None:
        src_missed = [first_lower(ex.criterion_text(case, key)) for key in source.get("missed") or []]
        parts = []
        if source.get("unfit"):
            parts.append(f"yêu cầu công tác không còn phù hợp với việc xây dựng điển hình ({_s(source.get('unfit_reason'))})")
        if src_missed:
            parts.append("điển hình không đạt các tiêu chí: " + "; ".join(src_missed))
        reasons = first_upper("; ".join(parts) + ".") if parts else ""
    for doc in data.documents:
        if doc is not rec and ex.ENDS in getattr(data.registry.get(_s(doc.get("kind"))), "effects", ()):
            ending_day = as_date(doc.get("date"))
    return {
        "exemplar_kind_text": _EXEMPLAR_KIND_TEXT.get(_s(_get(data.case, "exemplar_kind")), ""),
        "scope_text": _SCOPE_TEXT.get(_s(_get(data.case, "scope")), ""),
        "criteria_general": general,
        "criteria_specific": specific,
        "criteria_rows": rows,
        "recognition_rule": rule,
        "reassess_threshold": _pct(rules.exemplar_reassess_threshold),
        "clock_start_text": nd30.short_date(clock[0]) if clock else DOTS,
        "clock_end_text": nd30.short_date(clock[1]) if clock else DOTS,
        "outcome_subject": "kết thúc xây dựng" if outcome == ex.END else "công nhận",
        "assessment_text": assessment,
        "proposal_text": proposal,
        "late_text": late,
        "ending_reasons": reasons or DOTS,
        "ending_date_text": nd30.short_date(ending_day) if ending_day else DOTS,
        "outcome_ref": _citation(data, source) if source is not None else "báo cáo đánh giá",
    }


def _spec_wording(data: _Data, ctx: dict, time_given: str, start: str) -> dict:
    """The context keys whose text the spec's `document:` block gives (each a Jinja string
    rendered with the context built so far; a `--set` field of the same key wins)."""
    k = data.kind
    values = {**ctx, "fields": Fields(ctx["fields"])}
    meeting_spec = block(k, "meeting", {})
    is_minutes = k.issuer_role == MEETING

    def text(what: str, source: Any) -> str:
        return _spec_text(data, what, source, values)

    meeting = {
        "start": start,
        "end": data.field("end", "…… giờ ……"),
        "location": data.field("location") or text(
            "meeting.location", meeting_spec.get("location", "trụ sở {{ issuer }}" if is_minutes else DOTS)),
        "attendees": data.field("attendees") or text("meeting.attendees", meeting_spec.get("attendees", DOTS)),
    }
    texts = {str(key): text(f"texts.{key}", source) for key, source in block(k, "texts", {}).items()}
    values.update(texts)
    sections = {}
    for key, source in block(k, "sections", {}).items():
        sections[str(key)] = data.field(str(key)) or text(f"sections.{key}", source)
    return {
        **texts,
        "meeting": meeting,
        "meeting_opening": text("meeting.opening", meeting_spec.get("opening", "{{ issuer }} tổ chức cuộc họp")),
        "meeting_closing": text("meeting.closing", meeting_spec.get("closing", "Cuộc họp kết thúc")),
        "sections": sections,
        "time_text": time_given or text("time_default", block(k, "time_default", DOTS)),
        "execution_extra": text("execution_extra",
                                block(k, "execution_extra", "các cơ quan, cá nhân có liên quan")),
    }


def _legal_bases(data: _Data, ctx: dict, bases: list[str], lead_unit: str, proposer_head: str) -> list[str]:
    """`Căn cứ …;` lines, then `Theo đề nghị của ….` (`--set proposed_by`, else the spec's
    `proposed_by`, else the head of the lead unit of a linked model, else the proposer's)."""
    proposer_line = data.field("proposed_by")
    spec_line = block(data.kind, "proposed_by")
    if not proposer_line and spec_line is not None:
        proposer_line = _spec_text(data, "proposed_by", spec_line, {**ctx, "fields": Fields(ctx["fields"])})
    if not proposer_line:
        if ctx["linked"] and lead_unit and not same_name(lead_unit, data.proposer):
            lead_body = _body(data.profile, lead_unit)
            lead_title = _s((_get(lead_body, "head", {}) or {}).get("title"))
            proposer_line = f"Theo đề nghị của {nd30.official_title(lead_title, lead_unit)}"
        else:
            proposer_line = f"Theo đề nghị của {proposer_head}"
    bases = [*bases, proposer_line]
    return [b + (";" if i < len(bases) - 1 else ".") for i, b in enumerate(bases)]


def _approver(data: "_Data", approved_by: Any) -> str:
    """The DUYỆT block's signer by default: the head of the approving body, when antt.yaml
    knows it (the survey plan is approved by the party committee or the authority's head)."""
    if not approved_by:
        return ""
    for name, body in data.bodies().items():
        if same_name(_s(name), _s(approved_by)):
            return _s(((body or {}).get("head") or {}).get("name"))
    return ""
