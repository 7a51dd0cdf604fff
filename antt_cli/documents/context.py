"""Everything a template needs, from the dossier data (docs/case-schema.md shapes).

`document_context(profile, case, record)` reads plain mappings (dates as `datetime.date` or
ISO strings; `fields`, `members`, `attachments` may be absent) and returns a dict of strings,
lists and small dicts — no None where a template prints a value, so a template with
StrictUndefined never meets a hole. Keys: see the module's README part in `KEYS` below.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Any, Iterable, Mapping

from antt_cli.documents import nd30
from antt_cli.domain.dates import as_date, evaluation_year_of
from antt_cli.domain.kinds import AUTHORITY, KINDS, MEETING, PARTY, PROPOSER, STEERING
from antt_cli.domain.issuers import is_party_body
from antt_cli.domain.text import nfc, nfc_deep, same_name

GUIDELINE_NUMBER = "Hướng dẫn số 163/HD-BCĐ"
GUIDELINE_DATE = "17/01/2023"
GUIDELINE_ABOUT = ("về xây dựng, nhân rộng mô hình, điển hình tiên tiến trong Phong trào Toàn "
                   "dân bảo vệ an ninh Tổ quốc")
SECRECY = {"mat": "MẬT", "toi-mat": "TỐI MẬT", "tuyet-mat": "TUYỆT MẬT"}
DOTS = "……………"

# The keys every context has (templates may use any of them).
KEYS = (
    "kind", "kind_title", "type_name", "subject", "party", "parent_body", "parent_lines", "issuer_lines",
    "number_line", "secrecy", "date_line", "date_text", "date_short", "place", "year",
    "authority_title", "legal_bases", "signature_lines", "signer_name", "secretary_lines",
    "secretary_name", "recipients", "summary", "note", "name", "name_q", "area", "field_clause",
    "issuer", "proposer", "proposer_head", "authority", "authority_head", "addressees", "unit",
    "province", "guideline_ref", "guideline_short", "refs", "party_doc", "linked", "limited",
    "membership_text", "member_units_text", "lead_unit", "previous_lead", "rotation_text",
    "members", "member_count", "targets", "period_text", "period_start", "period_end",
    "approved_by_upper", "approved_date_text", "approver_name", "plan_approved_by", "meeting", "meeting_opening",
    "meeting_closing", "chair_text", "secretary_text", "sections", "time_text", "time_clause",
    "forces_text", "execution_extra", "consolidation_text", "stage", "stage_period",
    "attachments", "ledger_rows", "keeper", "pilot_area", "fields",
)


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


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


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


def _target_rows(case: Mapping, year: int | None, judged: bool = True) -> list[dict]:
    """The targets of the year's plan, as table rows; `judged` False leaves the result
    column blank (a 6-month report: the year is not over)."""
    rows = []
    for i, t in enumerate(_get(_plan(case, year), "targets", []) or [], start=1):
        op = _s(_get(t, "op", ">="))
        planned, achieved, done = t.get("planned"), t.get("achieved"), t.get("done")
        if op == "yes-no":
            want = planned not in (False, "no", "không", "Không")
            planned_text = "Có" if want else "Không"
            achieved_text = "" if done is None else ("Có" if done else "Không")
            result = "" if done is None else ("Đạt" if bool(done) == want else "Chưa đạt")
        else:
            planned_text = {">=": f"ít nhất {_number(planned)}", "<=": f"không quá {_number(planned)}"}.get(
                op, _number(planned))
            achieved_text = _number(achieved)
            result = ""
            if isinstance(achieved, (int, float)) and isinstance(planned, (int, float)):
                ok = {">=": achieved >= planned, "<=": achieved <= planned}.get(op, achieved == planned)
                result = "Đạt" if ok else "Chưa đạt"
        rows.append({"index": str(i), "text": _s(t.get("text")), "planned": planned_text,
                     "achieved": achieved_text, "result": result if judged else ""})
    return rows


# ---------------------------------------------------------------- the context

class _Data:
    """The dossier data of one record, normalised (NFC, dates, defaults)."""

    def __init__(self, profile: Mapping, case: Mapping, record: Mapping) -> None:
        self.profile = nfc_deep(_plain(profile or {}))
        self.case = nfc_deep(_plain(case or {}))
        self.record = nfc_deep(_plain(record or {}))
        self.kind = KINDS[self.record["kind"]]
        self.fields = {str(k): v for k, v in (_get(self.record, "fields", {}) or {}).items()}
        self.day = as_date(self.record.get("date")) or dt.date.today()
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
        for doc in self.documents:
            if doc.get("kind") in ("establishment-decision", "steering-committee-decision",
                                   "member-list-decision", "launch-plan") and doc.get("issuer"):
                return _s(doc["issuer"])
        return self.state_body()

    def latest(self, kind: str) -> Mapping | None:
        found = None
        for doc in self.documents:
            if doc.get("kind") == kind and doc is not self.record:
                found = doc
        if found is None and self.record.get("kind") == kind:
            return None
        return found

    def default_issuer(self) -> str:
        role = self.kind.issuer_role
        if role == PROPOSER:
            return self.proposer
        if role == STEERING:
            return f"Ban Chỉ đạo mô hình {nd30.quoted(self.name)}"
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


def _subject(data: _Data, kind_name: str, record: Mapping, year: int | None) -> str:
    fields = _get(record, "fields", {}) or {}
    if _s(fields.get("title")):
        return _s(fields["title"])
    nq = nd30.quoted(data.name)
    area = _s(_get(data.case, "area"))
    period = _period(kind_name, record, data, year)[0]
    subjects = {
        "survey-plan": f"Khảo sát, đánh giá tình hình phục vụ xây dựng mô hình {nq}",
        "survey-report": f"Kết quả khảo sát, đánh giá tình hình phục vụ xây dựng mô hình {nq}",
        "member-agreement": f"Thảo luận, thống nhất xây dựng mô hình liên kết {nq}",
        "proposal": f"Đề xuất xây dựng mô hình {nq}",
        "party-policy": f"Về việc xây dựng mô hình {nq}",
        "implementation": f"Triển khai thực hiện xây dựng mô hình {nq}",
        "consultation": f"Tuyên truyền, lấy ý kiến tham gia về mô hình {nq}",
        "establishment-decision": f"Về việc thành lập mô hình {nq}",
        "steering-committee-decision": f"Về việc thành lập Ban Chỉ đạo mô hình {nq}",
        "member-list-decision": f"Về việc công nhận danh sách thành viên tham gia mô hình {nq}",
        "launch-plan": f"Tổ chức ra mắt mô hình {nq}",
        "steering-regulation": f"Hoạt động của Ban Chỉ đạo mô hình {nq}",
        "operating-regulation": f"Hoạt động của mô hình {nq}",
        "coordination-regulation": f"Phối hợp giữa các đơn vị thành viên mô hình liên kết {nq}",
        "annual-plan": f"Hoạt động năm {year} của mô hình {nq}",
        "launch": f"Lễ ra mắt mô hình {nq}",
        "pilot": f"Tổ chức làm điểm mô hình {nq}",
        "periodic-report": f"Tình hình, kết quả hoạt động {period} của mô hình {nq}",
        "evidence": f"Tài liệu chứng minh hiệu quả hoạt động của mô hình {nq}",
        "fund-ledger": f"Thu, chi quỹ của mô hình {nq}" + (f" năm {year}" if year else ""),
        "consolidation": f"Về việc kiện toàn Ban Chỉ đạo, bổ sung danh sách thành viên mô hình {nq}",
        "review": f"{_first_upper(_s(fields.get('stage')) or 'sơ kết')} hoạt động của mô hình {nq}",
        "commendation": f"Về việc khen thưởng tập thể, cá nhân có thành tích trong xây dựng, duy trì "
                        f"hoạt động của mô hình {nq}",
        "lead-rotation": f"Luân phiên Trưởng mô hình liên kết {nq}",
    }
    if kind_name == "party-policy" and not _is_party_doc(data, record):
        return f"Kết luận về chủ trương xây dựng mô hình {nq}"
    del area
    return subjects.get(kind_name, KINDS[kind_name].title)


def _is_party_doc(data: _Data, record: Mapping) -> bool:
    if record.get("kind") != "party-policy":
        return False
    issuer = _s(record.get("issuer")) or data.default_issuer()
    return is_party_body(issuer, _body(data.profile, issuer))


def _period(kind_name: str, record: Mapping, data: _Data, year: int | None) -> tuple[str, str]:
    """(label, text) of a periodic report's period."""
    fields = _get(record, "fields", {}) or {}
    period = _s(fields.get("period") or record.get("period")) or "annual"
    y = year or data.day.year
    if period == "6-month":
        return (f"06 tháng đầu năm {y}",
                f"06 tháng đầu năm {y} (từ ngày 01/11/{y - 1} đến ngày 30/4/{y})")
    if period == "ad-hoc":
        day = as_date(record.get("date")) or data.day
        return "đột xuất", f"đột xuất (tính đến ngày {nd30.short_date(day)})"
    return f"năm {y}", f"năm {y} (từ ngày 01/11/{y - 1} đến ngày 31/10/{y})"


def _record_year(data: _Data) -> int:
    rec_year = data.record.get("year")
    if rec_year:
        return int(rec_year)
    if data.kind.name == "periodic-report":
        period = data.field("period") or _s(data.record.get("period")) or "annual"
        if period == "annual" and data.day.month == 11:
            return data.day.year
    return evaluation_year_of(data.day)


def _citation(data: _Data, doc: Mapping) -> str:
    kind = KINDS.get(doc.get("kind", ""))
    if kind is None:
        return ""
    issuer = _s(doc.get("issuer")) or data.default_issuer()
    party = _is_party_doc(data, doc)
    type_name = kind.type_name if (kind.name != "party-policy" or party) else "THÔNG BÁO"
    words = [_first_upper(type_name.lower())]
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
    subject = _subject(data, kind.name, doc, year)
    subject = _first_lower(subject)
    if not subject.startswith("về"):
        subject = f"về {subject}"
    return " ".join(words) + " " + subject


def _recipients(data: _Data, issuer: str, authority: str, party_body: str, code: str) -> list[str]:
    role = data.kind.issuer_role
    given = data.fields.get("recipients")
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
    names = _dedupe(n for n in names if n and not same_name(n, issuer))
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
    type_name = _s(fields.get("type_name")) or (k.type_name if (k.name != "party-policy" or party)
                                                 else "THÔNG BÁO")

    # people and bodies
    proposer_body = _body(data.profile, data.proposer)
    proposer_head = nd30.official_title(_s((_get(proposer_body, "head", {}) or {}).get("title")),
                                        data.proposer) if proposer_body.get("head") else data.proposer
    auth_body = _body(data.profile, authority)
    authority_head = nd30.official_title(_head_title(auth_body, authority, {}), authority) \
        if authority else "chính quyền"
    head_title = _head_title(ibody, issuer, signer)
    lead_unit = _s(fields.get("lead_unit")) or _s(_get(data.case, "lead_unit"))
    rotation = _unit_names(_get(data.case, "lead_units", []))
    member_units = _unit_names(_get(data.case, "members", []))
    previous_lead = _s(fields.get("previous_lead")) or (
        _s(_get(data.case, "lead_unit")) if not same_name(_s(_get(data.case, "lead_unit")), lead_unit) else "")
    if k.name == "lead-rotation" and not previous_lead and lead_unit in rotation:
        previous_lead = rotation[rotation.index(lead_unit) - 1]
    addressees = ", ".join(_dedupe([party_body, data.state_body()] if role == PROPOSER else [authority])) \
        or "cấp ủy, chính quyền"

    # references to recorded documents
    refs = {}
    for name, kk in KINDS.items():
        doc = data.latest(name)
        refs[name.replace("-", "_")] = _citation(data, doc) if doc else kk.title
    party_doc_rec = data.latest("party-policy")
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
    if k.step == 4 and party_doc_rec:
        bases.append(f"Căn cứ {party_doc}")
    if k.step == 6 and k.type_code == "QĐ" and data.latest("establishment-decision"):
        bases.append(f"Căn cứ {refs['establishment_decision']}")
    for extra in _get(rec, "bases", []) or []:
        if _s(extra):
            bases.append(_s(extra).rstrip(";."))
    proposer_line = _s(fields.get("proposed_by"))
    if not proposer_line:
        if k.name == "commendation":
            proposer_line = f"Theo đề nghị của Ban Chỉ đạo mô hình {name_q}"
        elif linked and lead_unit and not same_name(lead_unit, data.proposer):
            lead_body = _body(data.profile, lead_unit)
            lead_title = _s((_get(lead_body, "head", {}) or {}).get("title"))
            proposer_line = f"Theo đề nghị của {nd30.official_title(lead_title, lead_unit)}"
        else:
            proposer_line = f"Theo đề nghị của {proposer_head}"
    bases.append(proposer_line)
    legal_bases = [b + (";" if i < len(bases) - 1 else ".") for i, b in enumerate(bases)]

    # signature
    sig_lines = nd30.signature_lines(signer, role, issuer, head_title)
    secretary = _s(fields.get("secretary"))
    code = _s(ibody.get("code")) if party else (_s(proposer_body.get("code")) or _s(ibody.get("code")))

    # periods
    period_label, period_text = _period(k.name, rec, data, year)
    approved_date = as_date(rec.get("approved_date"))
    plan_rec = data.latest("survey-plan") or {}

    # meetings
    time_given = data.field("time")
    is_minutes = role == MEETING
    start = f"{time_given or '…… giờ ……'}, {nd30.day_text(data.day)}" if is_minutes else \
        (time_given or "theo giấy mời của Ban tổ chức")
    chair_title = _s(signer.get("title"))
    chair_text = ", ".join(x for x in (_s(signer.get("name")), chair_title) if x) or DOTS
    secretary_text = ", ".join(x for x in (secretary, data.field("secretary_title")) if x) or DOTS
    openings = {
        "consultation": (f"{issuer} tổ chức hội nghị tuyên truyền, lấy ý kiến Nhân dân, cán bộ và các "
                         f"đơn vị liên quan về mô hình {name_q}", "Hội nghị kết thúc"),
        "launch": (f"{issuer} tổ chức Lễ ra mắt mô hình {name_q}", "Buổi lễ kết thúc"),
        "member-agreement": (f"đại diện các đơn vị thành viên họp thảo luận, thống nhất việc xây dựng "
                             f"mô hình liên kết {name_q}", "Cuộc họp kết thúc"),
        "lead-rotation": (f"các đơn vị thành viên mô hình liên kết {name_q} họp bàn giao nhiệm vụ "
                          f"Trưởng mô hình", "Cuộc họp kết thúc"),
    }
    opening, closing = openings.get(k.name, (f"{issuer} tổ chức cuộc họp", "Cuộc họp kết thúc"))
    attendees_default = {
        "consultation": f"đại diện cấp ủy, chính quyền, Ủy ban Mặt trận Tổ quốc Việt Nam, các đoàn thể, "
                        f"{data.proposer} và Nhân dân trên địa bàn {area}",
        "launch": "lãnh đạo cấp ủy, chính quyền, Ban Chỉ đạo mô hình, các thành viên mô hình và Nhân dân "
                  "trên địa bàn",
        "launch-plan": "lãnh đạo cấp ủy, chính quyền, Ủy ban Mặt trận Tổ quốc Việt Nam, các đoàn thể, Ban "
                       "Chỉ đạo mô hình, các thành viên mô hình và Nhân dân trên địa bàn",
        "member-agreement": "đại diện lãnh đạo các đơn vị thành viên",
        "lead-rotation": "đại diện lãnh đạo các đơn vị thành viên",
    }.get(k.name, DOTS)
    meeting = {
        "start": start,
        "end": data.field("end", "…… giờ ……"),
        "location": data.field("location", f"trụ sở {issuer}" if is_minutes or k.name == "launch-plan" else DOTS),
        "attendees": data.field("attendees", attendees_default),
    }

    sections = _sections(k.name, data, name_q, area, authority, year, bool(rec.get("secrecy")))
    for key in list(sections):
        if data.field(key):
            sections[key] = data.field(key)

    members = _members(rec)
    membership_text = ("mô hình có giới hạn về số lượng thành viên; thành viên do cơ quan, đoàn thể, "
                       "khu dân cư giới thiệu, cử tham gia sau khi lấy ý kiến Nhân dân." if limited else
                       "mô hình không giới hạn số lượng thành viên; vận động, khuyến khích đông đảo "
                       "quần chúng Nhân dân tự nguyện tham gia.")
    execution_extra = {
        "establishment-decision": f"Ban Chỉ đạo mô hình và các thành viên mô hình {name_q}",
        "steering-committee-decision": "các ông (bà) có tên tại Điều 1",
        "member-list-decision": "Ban Chỉ đạo mô hình và các ông (bà) có tên tại Điều 1",
        "consolidation": "Ban Chỉ đạo mô hình và các ông (bà) có tên tại Điều 1",
        "commendation": "các tập thể, cá nhân có tên tại Điều 1",
    }.get(k.name, "các cơ quan, cá nhân có liên quan")
    consolidation_text = data.field("consolidation") or (
        f"Kiện toàn Ban Chỉ đạo, bổ sung danh sách thành viên tham gia mô hình {name_q} (thành lập theo "
        f"{refs['establishment_decision']}){', gồm các ông (bà) có tên sau:' if members else '.'}")
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
    stage = data.field("stage", "sơ kết")
    stage_period = f" {data.field('period_text')}" if data.field("period_text") else (
        f" năm {year}" if rec.get("year") else "")
    time_default = {"survey-plan": "trong 15 ngày, kể từ ngày Kế hoạch được phê duyệt",
                    "pilot": "từ ngày ra mắt mô hình đến khi sơ kết làm điểm"}.get(k.name, DOTS)
    deadline = data.field("deadline")

    ctx = {
        "kind": k.name,
        "kind_title": k.title,
        "type_name": nd30.upper_vn(type_name),
        "subject": _subject(data, k.name, rec, year),
        "party": party,
        "parent_body": nd30.upper_vn(parent) or None,
        "parent_lines": _issuer_lines(nd30.upper_vn(parent)) if parent else [],
        "issuer_lines": _issuer_lines(issuer_upper),
        "number_line": nd30.number_line(number, party),
        "secrecy": SECRECY.get(_s(rec.get("secrecy")).lower()) or (nd30.upper_vn(rec.get("secrecy")) or None),
        "date_line": nd30.date_line(place, data.day),
        "date_text": nd30.day_text(data.day),
        "date_short": nd30.short_date(data.day),
        "place": place,
        "year": year,
        "authority_title": authority_title,
        "legal_bases": legal_bases,
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
        "targets": _target_rows(data.case, year, judged=(k.name != "periodic-report" or (
            data.field("period") or _s(rec.get("period")) or "annual") == "annual")),
        "period_text": period_text,
        "period_label": period_label,
        "period_start": f"01/11/{year - 1}",
        "period_end": f"31/10/{year}",
        "approved_by_upper": nd30.upper_vn(rec.get("approved_by")) or DOTS,
        "approved_date_text": _first_upper(nd30.day_text(approved_date)) if approved_date
        else "Ngày …… tháng …… năm ……",
        "approver_name": data.field("approver_name") or _approver(data, rec.get("approved_by")),
        "plan_approved_by": _s(plan_rec.get("approved_by")),
        "meeting": meeting,
        "meeting_opening": opening,
        "meeting_closing": closing,
        "chair_text": chair_text,
        "secretary_text": secretary_text,
        "sections": sections,
        "time_text": time_given or time_default,
        "time_clause": f", hoàn thành trước ngày {deadline}" if deadline else "",
        "forces_text": data.field("forces", f"cán bộ, chiến sĩ {issuer}; mời đại diện Ủy ban Mặt trận Tổ "
                                            f"quốc Việt Nam, các đoàn thể và trưởng thôn, khu phố cùng tham gia"),
        "execution_extra": execution_extra,
        "consolidation_text": consolidation_text,
        "stage": stage,
        "stage_period": stage_period,
        "attachments": attachments,
        "ledger_rows": ledger_rows,
        "keeper": data.field("keeper", DOTS),
        "pilot_area": data.field("area", area or DOTS),
        "fields": {k2: _s(v) for k2, v in fields.items() if not isinstance(v, (list, dict))},
    }
    return ctx


def _sections(kind: str, data: _Data, name_q: str, area: str, authority: str, year: int,
              secret: bool) -> dict[str, str]:
    """Default text of a kind's free sections (overridden by `fields` of the same key)."""
    if kind == "survey-report":
        return {
            "general": f"Khái quát vị trí địa lý, dân cư, tình hình kinh tế - xã hội của {area} có liên "
                       f"quan đến việc xây dựng mô hình: {DOTS}",
            "security": f"Tình hình tội phạm, tệ nạn xã hội, vi phạm pháp luật và các vụ việc phức tạp về "
                        f"an ninh, trật tự trên địa bàn: {DOTS}",
            "people": f"Tư tưởng, tâm trạng, đời sống, nhận thức và ý thức chấp hành pháp luật của Nhân "
                      f"dân: {DOTS}",
            "political": f"Hoạt động của cấp ủy, chính quyền, Mặt trận Tổ quốc, các đoàn thể và lực lượng "
                         f"bảo vệ an ninh, trật tự ở cơ sở: {DOTS}",
            "movement": f"Kết quả thực hiện Phong trào Toàn dân bảo vệ an ninh Tổ quốc, các mô hình đang "
                        f"hoạt động trên địa bàn: {DOTS}",
            "loopholes": ("Nội dung này được báo cáo riêng theo chế độ mật." if secret else
                          f"Những sơ hở, thiếu sót trong thực hiện chủ trương, đường lối, chính sách mà các "
                          f"thế lực thù địch và tội phạm có thể lợi dụng: {DOTS}"),
            "conclusion": f"Từ kết quả khảo sát, việc xây dựng mô hình {name_q} trên địa bàn {area} là "
                          f"cần thiết, phù hợp với tình hình thực tế; {data.proposer} sẽ báo cáo, đề xuất "
                          f"cấp ủy, chính quyền xem xét, quyết định.",
        }
    if kind == "proposal":
        return {
            "necessity": f"Qua khảo sát, tình hình an ninh, trật tự trên địa bàn {area} còn tiềm ẩn yếu "
                         f"tố phức tạp; việc tập hợp, tổ chức Nhân dân tham gia bảo đảm an ninh, trật tự "
                         f"theo hướng tự phòng, tự quản, tự bảo vệ, tự hòa giải ở cơ sở là cần thiết, phù "
                         f"hợp với tình hình thực tế và nguyện vọng của Nhân dân.",
            "goals": "Huy động sức mạnh tổng hợp của hệ thống chính trị và Nhân dân tham gia phòng ngừa, "
                     "phát hiện, tố giác tội phạm, tệ nạn xã hội; kéo giảm tội phạm và vi phạm pháp luật, "
                     "không để hình thành điểm nóng về an ninh, trật tự; góp phần thúc đẩy Phong trào "
                     "Toàn dân bảo vệ an ninh Tổ quốc trên địa bàn.",
        }
    if kind in ("consultation", "launch", "lead-rotation"):
        return {"opinions": {
            "consultation": f"Các ý kiến phát biểu đều nhất trí với chủ trương xây dựng mô hình {name_q}; "
                            f"đề nghị mô hình hoạt động thiết thực, hiệu quả, phù hợp với điều kiện của "
                            f"địa phương.",
            "launch": "Các đại biểu dự lễ nhất trí với nội dung ra mắt; Nhân dân tham dự hưởng ứng, đăng "
                      "ký tham gia mô hình.",
            "lead-rotation": "Các đơn vị thành viên thống nhất nội dung bàn giao.",
        }[kind]}
    if kind == "member-agreement":
        return {"agreement": "theo kết quả khảo sát; mỗi đơn vị cử thành viên tham gia và thực hiện "
                             "theo Quy chế phối hợp do Ban Chỉ đạo mô hình ban hành."}
    if kind == "annual-plan":
        return {"resources": f"Kinh phí từ ngân sách được bố trí theo quy định và nguồn xã hội hóa hợp "
                             f"pháp; lực lượng gồm các thành viên mô hình, có sự hướng dẫn của "
                             f"{data.proposer}; phương tiện do thành viên tự trang bị và được hỗ trợ theo "
                             f"quy định."}
    if kind in ("periodic-report", "review"):
        annual = (data.field("period") or _s(data.record.get("period")) or "annual") == "annual"
        proposals = (f"Đề nghị {authority} xem xét, đánh giá, xếp loại mô hình năm {year}./."
                     if kind == "periodic-report" and annual else
                     f"Đề nghị {authority} tiếp tục quan tâm chỉ đạo, bố trí kinh phí, phương tiện bảo "
                     f"đảm hoạt động của mô hình./.")
        out = {
            "situation": f"Tình hình an ninh, trật tự trên địa bàn {area} trong kỳ: {DOTS}",
            "results": f"Kết quả thực hiện các nội dung, nhiệm vụ của mô hình: {DOTS}",
            "assessment": f"Ưu điểm: {DOTS} Hạn chế, nguyên nhân: {DOTS}",
            "direction": f"Tiếp tục duy trì hoạt động của mô hình theo Quy chế và Kế hoạch hoạt động; "
                         f"{DOTS}",
            "proposals": proposals,
        }
        if kind == "review":
            out["lessons"] = f"{DOTS}"
            out.pop("situation")
        return out
    return {}


# `--set KEY=VALUE` keys the templates read (beyond the keys a kind's rule reads, which the
# domain lists): free text that fills a document's blanks. Shared by every kind, and the
# free sections of some kinds (their default text is in `_sections`).
TEMPLATE_FIELDS = ("title", "summary", "note", "secretary", "secretary_title", "recipients", "time", "end",
                   "location", "attendees", "type_name", "proposed_by", "stage", "deadline", "forces",
                   "keeper", "approver_name", "area", "period_text", "consolidation", "previous_lead")
SECTION_FIELDS = {
    "survey-report": ("general", "security", "people", "political", "movement", "loopholes", "conclusion"),
    "proposal": ("necessity", "goals"),
    "consultation": ("opinions",),
    "launch": ("opinions",),
    "lead-rotation": ("opinions",),
    "member-agreement": ("agreement",),
    "annual-plan": ("resources",),
    "periodic-report": ("situation", "results", "assessment", "direction", "proposals"),
    "review": ("results", "assessment", "direction", "proposals", "lessons"),
}


def template_fields(kind: str) -> tuple[str, ...]:
    return TEMPLATE_FIELDS + SECTION_FIELDS.get(kind, ())


def _approver(data: "_Data", approved_by: Any) -> str:
    """The DUYỆT block's signer by default: the head of the approving body, when antt.yaml
    knows it (the survey plan is approved by the party committee or the authority's head)."""
    if not approved_by:
        return ""
    for name, body in data.bodies().items():
        if same_name(_s(name), _s(approved_by)):
            return _s(((body or {}).get("head") or {}).get("name"))
    return ""
