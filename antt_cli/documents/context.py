"""Everything a template needs, from the typed case (docs/case-schema.md, domain/model.py).

`document_context(profile, case, record, registry)` takes the dossier profile (`antt.yaml`),
the typed `Case` and `Record` and the kind registry, and returns a dict of strings, lists and
small dicts — no None where a template prints a value, so a template with StrictUndefined
never meets a hole. Keys: see `KEYS` below. The context is built in named parts, one per
element of the document (NĐ 30/2020, Phụ lục I): header, parties, legal bases, body,
signature, meeting, tables.

Nothing here knows a kind by its name: what is particular to a kind (its subject, the default
text of its sections, its meeting wording, …) is in its spec's `document:` block
(docs/kinds.md, "The document block").
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from antt_cli.documents import nd30
from antt_cli.documents.source import (Refs, Source, authority, citation, default_issuer, head_title,
                                       is_party_doc, latest, latest_where, party_body, period_code,
                                       period_words, signer_of, state_body, subject, text_of, type_name)
from antt_cli.documents.wording import Fields, block, check_block, first_lower, first_upper, render_text
from antt_cli.domain.dates import as_date, evaluation_year_of
from antt_cli.domain.interpretations import default_guideline_issuer
from antt_cli.domain.kindspec import AUTHORITY, MEETING, PARTY, PROPOSER, STEERING, Registry
from antt_cli.domain.model import YES_NO, Case, Record
from antt_cli.domain.plans import target_met
from antt_cli.domain.text import same_name
from antt_cli.domain.vocab import SECRECY
from antt_cli.errors import AnttError

GUIDELINE_NUMBER = "Hướng dẫn số 163/HD-BCĐ"
GUIDELINE_DATE = "17/01/2023"
GUIDELINE_ABOUT = ("về xây dựng, nhân rộng mô hình, điển hình tiên tiến trong Phong trào Toàn "
                   "dân bảo vệ an ninh Tổ quốc")
DOTS = "……………"

# An exemplar's documents (HD 163 §IV; `exemplar` below); empty on a model's.
EXEMPLAR_KEYS = (
    "exemplar_kind_text", "scope_text", "criteria_general", "criteria_specific", "criteria_rows",
    "recognition_rule", "reassess_threshold", "clock_start_text", "clock_end_text",
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
    "attachments", "ledger_rows", "fields", "rating", *EXEMPLAR_KEYS,
    "history", "ratings", "replicas", "closure_reason", "closure_date", "to_list", "to_lines", "to_text",
)
# (plus the keys of the kind's `document.texts`)
# The keys a spec's `subject` may use: it is also rendered to cite that record in another
# document, where only the cited record is at hand.
SUBJECT_KEYS = ("name", "name_q", "year", "period", "period_label", "party", "fields", "kind_title")


@dataclass(frozen=True)
class Who:
    """The bodies and people of one document, resolved once."""

    issuer: str
    issuer_body: dict
    signer: dict
    head_title: str      # the title of the issuer's head
    authority: str
    party_body: str
    party: bool          # printed in the party format
    year: int            # the record's year (docs/rules.md), else the evaluation year of its date


def document_context(profile: Mapping[str, Any], case: Case, record: Record, registry: Registry) -> dict:
    """The template context of `record` (a document of `case`, dossier `profile`)."""
    src = Source(profile, case, record, registry)
    check_block(src.kind)
    who = _who(src)
    ctx = {**header(src, who), **parties(src, who), **units(src), **references(src), **decision(src, who),
           **signature(src, who), **period(src, who.year), **meeting_people(src), **free_text(src),
           **tables(src, who.year), "rating": rating(src, who), **lifetime(src), **exemplar(src, who)}
    ctx.update(spec_wording(src, ctx))
    ctx["legal_bases"] = legal_bases(src, who, ctx)
    return ctx


def _who(src: Source) -> Who:
    record = src.record
    issuer = text_of(record.issuer) or default_issuer(src, src.kind)
    body, signer = src.body(issuer), signer_of(record)
    year = int(record.year) if record.year else evaluation_year_of(src.day)
    return Who(issuer=issuer, issuer_body=body, signer=signer, head_title=head_title(body, issuer, signer),
               authority=authority(src), party_body=party_body(src), party=is_party_doc(src, record),
               year=year)


# ---------------------------------------------------------------- header

def header(src: Source, who: Who) -> dict:
    """The header block and the title: parent and issuing body, number, secrecy mark, place and
    date, type name and trích yếu (NĐ 30/2020, Phụ lục I, mục II.1–II.5 and III)."""
    k, record = src.kind, src.record
    secrecy = _secrecy(src)
    place = text_of(src.profile.get("place")) or text_of(src.profile.get("province"))
    parent = _parent(src, who)
    issuer_upper = nd30.upper_vn(who.issuer)
    return {
        "kind": k.name, "kind_title": k.title,
        "type_name": nd30.upper_vn(src.field("type_name") or type_name(k, who.party)),
        "subject": subject(src, k, record, who.year), "party": who.party,
        "parent_body": nd30.upper_vn(parent) or None,
        "parent_lines": _issuer_lines(nd30.upper_vn(parent)) if parent else [],
        "issuer_lines": _issuer_lines(issuer_upper),
        "number_line": nd30.number_line(text_of(record.number) or None, who.party),
        "secrecy": SECRECY.get(secrecy), "date_line": nd30.date_line(place, src.day),
        "date_text": nd30.day_text(src.day), "date_short": nd30.short_date(src.day),
        "place": place, "year": who.year,
    }


def _secrecy(src: Source) -> str:
    """The secrecy level (độ mật, NĐ 30/2020 Phụ lục I mục III.1): one of `vocab.SECRECY`."""
    level = text_of(src.record.secrecy).lower()
    if level and level not in SECRECY:
        raise AnttError("documents.bad_secrecy", value=level, kind=src.kind.name, allowed=", ".join(SECRECY))
    return level


def _parent(src: Source, who: Who) -> str:
    """The parent body over the issuer (cơ quan chủ quản, NĐ 30/2020 Phụ lục I mục II.2):
    antt.yaml's, the unit's parent for the unit, the authority for a steering committee."""
    if "parent" in who.issuer_body:
        return text_of(who.issuer_body.get("parent"))
    if same_name(who.issuer, src.unit):
        return text_of(src.profile.get("parent_body"))
    if who.issuer.lower().startswith("ban chỉ đạo"):
        return who.authority
    return ""


def _issuer_lines(issuer_upper: str) -> list[str]:
    """A long issuing body's name on two lines at its natural break (Phụ lục I mục II.2)."""
    for head in ("ỦY BAN NHÂN DÂN", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "BAN CHỈ ĐẠO MÔ HÌNH"):
        if issuer_upper.startswith(head + " ") and len(issuer_upper) > 20:
            return [head, issuer_upper[len(head) + 1:]]
    return [issuer_upper]


# ---------------------------------------------------------------- parties

def parties(src: Source, who: Who) -> dict:
    """The model and the bodies the body text names: proposer, authority and their heads,
    the addressees of a proposal (§III.1.a–b)."""
    proposer_head = _proposer_head(src)
    auth = who.authority
    authority_head = nd30.official_title(head_title(src.body(auth), auth, {}), auth) if auth else "chính quyền"
    area, field = text_of(src.case.area), text_of(src.case.field)
    addressees = _dedupe([who.party_body, state_body(src)] if src.kind.issuer_role == PROPOSER else [auth])
    return {
        "name": src.name, "name_q": nd30.quoted(src.name), "area": area or DOTS,
        "field_clause": f", lĩnh vực {field}" if field else "", "issuer": who.issuer,
        "proposer": src.proposer, "proposer_head": proposer_head, "authority": auth or "chính quyền",
        "authority_head": authority_head, "addressees": ", ".join(addressees) or "cấp ủy, chính quyền",
        "unit": src.unit, "province": text_of(src.profile.get("province")),
    }


def _proposer_head(src: Source) -> str:
    """`Trưởng Công an xã Hàm Thuận`: the proposer's head, or the proposer when antt.yaml
    does not know its head (§III.1.a: the unit proposing the model)."""
    body = src.body(src.proposer)
    if not body.get("head"):
        return src.proposer
    return nd30.official_title(text_of((body.get("head") or {}).get("title")), src.proposer)


def units(src: Source) -> dict:
    """A linked model's member units, lead unit and rotation, and the membership (§III.1.c)."""
    case = src.case
    lead = _lead_unit(src)
    rotation = _unit_names(case.lead_units)
    return {
        "linked": bool(case.linked), "limited": case.limited,
        "membership_text": _membership_text(case.limited),
        "member_units_text": "; ".join(_unit_names(case.members)) or DOTS,
        "lead_unit": lead or DOTS, "previous_lead": _previous_lead(src, lead, rotation) or DOTS,
        "rotation_text": "; ".join(f"({i}) {u}" for i, u in enumerate(rotation, start=1)),
    }


def _lead_unit(src: Source) -> str:
    return src.field("lead_unit") or text_of(src.case.lead_unit)


def _previous_lead(src: Source, lead: str, rotation: list[str]) -> str:
    """The lead unit handing over (§III.1.c, luân phiên): `--set previous_lead`, else the
    case's when the record names a new one, else the one before the new lead in the rotation."""
    case_lead = text_of(src.case.lead_unit)
    previous = src.field("previous_lead") or (case_lead if not same_name(case_lead, lead) else "")
    if not previous and lead in rotation:
        previous = rotation[rotation.index(lead) - 1]
    return previous


def _membership_text(limited: bool) -> str:
    """§III.1.c: a limited model's members are put forward; an open one's volunteer."""
    if limited:
        return ("mô hình có giới hạn về số lượng thành viên; thành viên do cơ quan, đoàn thể, "
                "khu dân cư giới thiệu, cử tham gia sau khi lấy ý kiến Nhân dân.")
    return ("mô hình không giới hạn số lượng thành viên; vận động, khuyến khích đông đảo "
            "quần chúng Nhân dân tự nguyện tham gia.")


def _unit_names(values: Iterable[Any]) -> list[str]:
    return [name for name in (text_of(v) for v in values or []) if name]


def _dedupe(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and not any(same_name(name, seen) for seen in out):
            out.append(name)
    return out


# ---------------------------------------------------------------- legal bases

def references(src: Source) -> dict:
    """The documents recorded before, as the body cites them (NĐ 30/2020 Phụ lục I mục II.6):
    `refs.<kind>` and the party committee's policy (§III.1.b)."""
    party_doc = latest_where(src, lambda k: k.issuer_role == PARTY)
    return {"refs": Refs(src),
            "party_doc": citation(src, party_doc) if party_doc else "chủ trương của cấp ủy về xây dựng mô hình"}


def decision(src: Source, who: Who) -> dict:
    """A decision's opening: the authority's title (the collective's name under TM.) and the
    guideline it rests on (NĐ 30/2020 Phụ lục I mục II.6 and Điều 13; HD 163)."""
    if nd30.norm_prefix(who.signer.get("prefix")) == "TM.":
        title = nd30.upper_vn(who.issuer)
    else:
        title = nd30.upper_vn(nd30.official_title(who.head_title, who.issuer))
    return {"authority_title": title, "guideline_ref": _guideline_ref(src), "guideline_short": GUIDELINE_NUMBER}


def _guideline_ref(src: Source) -> str:
    # antt.yaml's `guideline_issuer`, else the default for its province (docs/interpretations.md).
    issuer = (text_of(src.profile.get("guideline_issuer"))
              or default_guideline_issuer(text_of(src.profile.get("province")) or ""))
    return f"{GUIDELINE_NUMBER} ngày {GUIDELINE_DATE} của {issuer} {GUIDELINE_ABOUT}"


def legal_bases(src: Source, who: Who, ctx: dict) -> list[str]:
    """`Căn cứ …;` lines — antt.yaml's, HD 163, the documents the spec `cites`, the record's
    own — then `Theo đề nghị của ….` (NĐ 30/2020 Phụ lục I mục II.6: căn cứ ban hành)."""
    bases = [_basis(text) for text in (text_of(line).rstrip(";.").strip()
                                       for line in src.profile.get("legal_bases") or []) if text]
    bases.append(f"Căn cứ {ctx['guideline_ref']}")
    for cited in block(src.kind, "cites", []):
        doc = latest(src, [str(cited)])
        if doc:
            bases.append(f"Căn cứ {citation(src, doc)}")
    bases += [text_of(extra).rstrip(";.") for extra in src.record.extra.get("bases") or [] if text_of(extra)]
    bases.append(_proposed_by(src, ctx))
    return [b + (";" if i < len(bases) - 1 else ".") for i, b in enumerate(bases)]


def _basis(text: str) -> str:
    return text if text.lower().startswith("căn cứ") else f"Căn cứ {text}"


def _proposed_by(src: Source, ctx: dict) -> str:
    """`Theo đề nghị của …`: `--set proposed_by`, else the spec's `proposed_by`, else the head
    of the lead unit of a linked model (§III.1.c), else the proposer's head."""
    line = src.field("proposed_by")
    spec_line = block(src.kind, "proposed_by")
    if not line and spec_line is not None:
        line = render_text(src.kind, "proposed_by", spec_line, {**ctx, "fields": Fields(ctx["fields"])})
    if line:
        return line
    lead = _lead_unit(src)
    if ctx["linked"] and lead and not same_name(lead, src.proposer):
        lead_title = text_of((src.body(lead).get("head") or {}).get("title"))
        return f"Theo đề nghị của {nd30.official_title(lead_title, lead)}"
    return f"Theo đề nghị của {ctx['proposer_head']}"


# ---------------------------------------------------------------- body

def period(src: Source, year: int) -> dict:
    """A report's period and the evaluation year 01/11/Y-1 – 31/10/Y (§III.1.đ, §III.2.a)."""
    label, text = period_words(src, src.record, year)
    return {"period": period_code(src.record), "period_text": text, "period_label": label,
            "period_start": f"01/11/{year - 1}", "period_end": f"31/10/{year}",
            "record_year": src.record.year or ""}


def free_text(src: Source) -> dict:
    """The record's free text: `--set summary=`, `note=` and every other `--set` value."""
    fields = src.record.fields
    return {"summary": src.field("summary") or None, "note": src.field("note") or None,
            "fields": Fields({key: text_of(v) for key, v in fields.items() if not isinstance(v, (list, dict))})}


def spec_wording(src: Source, ctx: dict) -> dict:
    """The context keys whose text the spec's `document:` block gives (docs/kinds.md): each a
    Jinja string rendered with the context built so far; a `--set` field of the same key wins.
    `texts` are rendered first, so sections and the meeting's opening and closing see them."""
    k = src.kind
    values = {**ctx, "fields": Fields(ctx["fields"])}

    def text(what: str, source: Any) -> str:
        return render_text(k, what, source, values)

    meeting = meeting_place(src, text)
    to = addressees(src, text)
    values.update(to)
    texts = {str(key): text(f"texts.{key}", source) for key, source in block(k, "texts", {}).items()}
    values.update(texts)
    spec = block(k, "meeting", {})
    return {
        **to,
        **texts,
        "meeting": meeting,
        "meeting_opening": text("meeting.opening", spec.get("opening", "{{ issuer }} tổ chức cuộc họp")),
        "meeting_closing": text("meeting.closing", spec.get("closing", "Cuộc họp kết thúc")),
        "sections": {str(key): src.field(str(key)) or text(f"sections.{key}", source)
                     for key, source in block(k, "sections", {}).items()},
        "time_text": src.field("time") or text("time_default", block(k, "time_default", DOTS)),
        "execution_extra": text("execution_extra", block(k, "execution_extra", "các cơ quan, cá nhân có liên quan")),
    }


def addressees(src: Source, text) -> dict:
    """Who a letter is sent to, the "Kính gửi:" of a công văn, tờ trình, giấy mời (NĐ 30/2020
    Phụ lục I mục II.5.b): `--set to=A;B`, else the spec's `to` (Jinja), `;` between names.
    One name goes on the line (`Kính gửi: A.`), several under it, one a line (`- A;` … `- B.`)."""
    given = src.field("to") or text("to", block(src.kind, "to", ""))
    names = _dedupe(text_of(x).rstrip(";.") for x in given.split(";") if text_of(x).rstrip(";."))
    if len(names) == 1:
        lines = [f"Kính gửi: {names[0]}."]
    elif names:
        lines = ["Kính gửi:"] + [f"- {n}{'.' if i == len(names) - 1 else ';'}" for i, n in enumerate(names)]
    else:
        lines = []
    return {"to_list": names, "to_lines": lines, "to_text": ", ".join(names)}


# ---------------------------------------------------------------- meeting

def meeting_place(src: Source, text) -> dict:
    """When and where a meeting is held and who attends — the minutes' opening (biên bản:
    thời gian, địa điểm, thành phần; NĐ 30/2020 Phụ lục I, mẫu 1.8 Biên bản)."""
    spec = block(src.kind, "meeting", {})
    minutes = src.kind.issuer_role == MEETING
    given = src.field("time")
    start = f"{nd30.clock_text(given) if given else '…… giờ ……'}, {nd30.day_text(src.day)}" if minutes else \
        (given or "theo giấy mời của Ban tổ chức")
    return {
        "start": start,
        "end": nd30.clock_text(src.field("end") or "") or "…… giờ ……",
        "location": src.field("location") or text(
            "meeting.location", spec.get("location", "trụ sở {{ issuer }}" if minutes else DOTS)),
        "attendees": src.field("attendees") or text("meeting.attendees", spec.get("attendees", DOTS)),
    }


def meeting_people(src: Source) -> dict:
    """The chair and the secretary of a meeting (NĐ 30/2020 mẫu 1.8 Biên bản), and the
    deadline clause of a plan."""
    signer = signer_of(src.record)
    chair = ", ".join(x for x in (text_of(signer.get("name")), text_of(signer.get("title"))) if x) or DOTS
    secretary = ", ".join(x for x in (src.field("secretary"), src.field("secretary_title")) if x) or DOTS
    deadline = src.field("deadline")
    return {"chair_text": chair, "secretary_text": secretary,
            "time_clause": f", hoàn thành trước ngày {deadline}" if deadline else ""}


# ---------------------------------------------------------------- signature

def signature(src: Source, who: Who) -> dict:
    """The signature block, the DUYỆT block of a kind needing approval and the recipients
    (NĐ 30/2020 Phụ lục I mục II.7, II.9; Điều 13 for TM./KT.)."""
    record = src.record
    approved = as_date(record.approved_date)
    plan = latest_where(src, lambda k: k.approval != "none")
    return {
        "signature_lines": nd30.signature_lines(who.signer, src.kind.issuer_role, who.issuer, who.head_title),
        "signer_name": text_of(who.signer.get("name")),
        "secretary_lines": nd30.secretary_lines(), "secretary_name": src.field("secretary"),
        "recipients": recipients(src, who),
        "approved_by_upper": nd30.upper_vn(record.approved_by) or DOTS,
        "approved_date_text": first_upper(nd30.day_text(approved)) if approved else "Ngày …… tháng …… năm ……",
        "approver_name": src.field("approver_name") or _approver(src, record.approved_by),
        "plan_approved_by": text_of(plan.approved_by) if plan else "",
    }


def _approver(src: Source, approved_by: Any) -> str:
    """The DUYỆT block's signer by default: the head of the approving body, when antt.yaml
    knows it (the survey plan is approved by the party committee or the authority's head)."""
    if not approved_by:
        return ""
    for name, body in src.bodies().items():
        if same_name(text_of(name), text_of(approved_by)):
            return text_of(((body or {}).get("head") or {}).get("name"))
    return ""


def recipients(src: Source, who: Who) -> list[str]:
    """`Nơi nhận:` lines, each `- …;`, the last `- Lưu: VT, <code>.` (NĐ 30/2020 Phụ lục I
    mục II.9): `--set recipients=a;b`, else by the issuer's role, never the issuer itself."""
    given = src.record.fields.get("recipients")
    if given:
        items = given if isinstance(given, list) else str(given).split(";")
        names = [text_of(x).rstrip(";.") for x in items if text_of(x)]
    else:
        names = [text_of(x) for x in block(src.kind, "recipients", []) or []] + _recipients_by_role(src, who)
    lines = [f"- {n};" for n in _dedupe(n for n in names if n and not same_name(n, who.issuer))]
    code = _archive_code(src, who)
    lines.append(f"- Lưu: VT{', ' + code if code else ''}.")
    return lines


def _recipients_by_role(src: Source, who: Who) -> list[str]:
    role, auth, party, report = src.kind.issuer_role, who.authority, who.party_body, "(để báo cáo)"
    if role == PROPOSER:
        parent = src.profile.get("parent_body")
        return [f"{party} {report}" if party else "", f"{auth} {report}" if auth else "",
                f"{text_of(parent)} {report}" if same_name(who.issuer, src.unit) and parent else ""]
    if role == PARTY:
        return [f"{auth} (để thực hiện)" if auth else "", f"{src.proposer} (để thực hiện)",
                "Các chi bộ trực thuộc" if who.party else ""]
    if role == AUTHORITY:
        first = "Như Điều 3" if src.kind.type_code == "QĐ" else "Các cơ quan, đơn vị có liên quan"
        return [first, f"{party} {report}" if party else "", src.proposer]
    if role == STEERING:
        return [f"{auth} {report}" if auth else "", f"{party} {report}" if party else "",
                src.proposer, "Các thành viên Ban Chỉ đạo"]
    return [auth, party, src.proposer]  # minutes


def _archive_code(src: Source, who: Who) -> str:
    """The drafting unit's code in `Lưu: VT, <code>` (NĐ 30/2020 Phụ lục I mục II.9)."""
    if who.party:
        return text_of(who.issuer_body.get("code"))
    return text_of(src.body(src.proposer).get("code")) or text_of(who.issuer_body.get("code"))


# ---------------------------------------------------------------- exemplar

# HD 163 §IV: how an exemplar's documents name it and its scope.
_EXEMPLAR_KIND_TEXT = {"collective": "tập thể", "individual": "cá nhân"}
_SCOPE_TEXT = {"one": "trên một mặt công tác", "several": "trên một số mặt công tác",
               "comprehensive": "toàn diện"}


def _pct(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def exemplar(src: Source, who: Who) -> dict:
    """An exemplar's keys (empty on a model): what it is (collective or individual, its
    scope), its criteria, the one-year clock, the outcome proposed and an ending's reasons."""
    from antt_cli.domain import exemplars as ex
    from antt_cli.domain.interpretations import rules_from_profile

    case = src.case
    if case.kind != ex.EXEMPLAR:
        return {key: [] if key.startswith("criteria_") else "" for key in EXEMPLAR_KEYS}
    rules = rules_from_profile(src.profile.get("rules"))
    months = rules.exemplar_evaluation_months
    clock = ex.clock_of(case, src.registry, months)
    if clock is None and ex.STARTS_BUILDING in src.kind.effects:  # the building plan itself
        clock = (src.day, ex.evaluation_last_day(src.day, months))
    return {
        "exemplar_kind_text": _EXEMPLAR_KIND_TEXT.get(text_of(case.extra.get("exemplar_kind")), ""),
        "scope_text": _SCOPE_TEXT.get(text_of(case.extra.get("scope")), ""),
        **_criteria_tables(src, rules),
        "reassess_threshold": _pct(rules.exemplar_reassess_threshold),
        "clock_start_text": nd30.short_date(clock[0]) if clock else DOTS,
        "clock_end_text": nd30.short_date(clock[1]) if clock else DOTS,
        **_judgement(src, who),
        **_ending(src),
    }


def _criteria_tables(src: Source, rules) -> dict:
    """The general criteria (§IV.1 Bước 3), the specific ones, and the rows of the record's
    judgement of each — an evaluation's or reassessment's `criteria`, a self-assessment's
    `--set met=` — with its evidence; the recognition rule in words."""
    from antt_cli.domain import exemplars as ex

    case, rec = src.case, src.record
    keys = ex.criteria_keys(case)
    judged = {str(k): bool(v) for k, v in (rec.extra.get("criteria") or {}).items()}
    if not judged and src.field("met"):
        met = {part.strip() for part in src.field("met").split(",")}
        judged = {key: key in met for key in keys}
    proof = rec.extra.get("criteria_evidence") or {}
    share = rules.exemplar_specific_share
    return {
        "criteria_general": [{"index": str(i), "key": key, "text": text}
                             for i, (key, text) in enumerate(ex.GENERAL_CRITERIA, start=1)],
        "criteria_specific": [{"index": str(i), "key": c.key, "text": c.text}
                              for i, c in enumerate(case.criteria, start=1)],
        "criteria_rows": [{"index": str(i), "key": key, "text": ex.criterion_text(case, key),
                           "result": ("Đạt" if judged[key] else "Không đạt") if key in judged else "",
                           "proof": text_of(proof.get(key))} for i, key in enumerate(keys, start=1)],
        "recognition_rule": "Điển hình được đề xuất công nhận khi đạt tất cả các tiêu chí chung và "
        + ("tất cả các tiêu chí riêng" if share >= 100 else f"từ {_pct(share)}% các tiêu chí riêng trở lên")
        + "; không đạt thì đề xuất kết thúc xây dựng điển hình.",
    }


def _judgement(src: Source, who: Who) -> dict:
    """An evaluation's or reassessment's outcome in words: the criteria met and missed, the
    proposal to the authority, the late mark with its reason."""
    from antt_cli.domain import exemplars as ex

    case, rec = src.case, src.record
    outcome = rec.extra.get("outcome")
    judged = rec.extra.get("criteria") or {}
    missed = [ex.criterion_text(case, key) for key in rec.extra.get("missed") or []]
    assessment = ""
    if judged and outcome:
        n_met = sum(1 for v in judged.values() if v)
        assessment = (f"Điển hình đạt {n_met}/{len(judged)} tiêu chí ({_pct(float(rec.extra.get('share') or 0))}%)"
                      + (f"; không đạt: {'; '.join(missed)}." if missed else "."))
    if rec.extra.get("unfit"):
        assessment += (" Yêu cầu công tác không còn phù hợp với việc xây dựng điển hình: "
                       f"{text_of(rec.extra.get('unfit_reason'))}.")
    name_q, to = nd30.quoted(src.name), who.authority or "cấp có thẩm quyền"
    proposal = ""
    if outcome == ex.RECOGNIZE and rec.year is None:
        proposal = (f"{who.issuer} đề nghị {to} xem xét, ra quyết định công nhận điển hình tiên tiến đối với "
                    f"{name_q}; đồng thời xem xét biểu dương, khen thưởng và nhân rộng điển hình./.")
    elif outcome == ex.RECOGNIZE:
        proposal = f"{who.issuer} đề nghị {to} xem xét, tiếp tục công nhận {name_q} là điển hình tiên tiến./."
    elif outcome == ex.END:
        proposal = (f"{who.issuer} đề nghị {to} xem xét, ra quyết định kết thúc xây dựng điển hình "
                    f"{name_q} và thông báo cho điển hình biết./.")
    deadline = as_date(rec.extra.get("deadline"))
    late = (f"Việc đánh giá thực hiện sau thời hạn 01 năm (hạn cuối ngày {nd30.short_date(deadline)}); "
            f"lý do: {text_of(rec.extra.get('late_reason'))}.") if rec.extra.get("late") and deadline else ""
    return {"assessment_text": assessment, "proposal_text": proposal, "late_text": late}


def _ending(src: Source) -> dict:
    """§IV.3: an ending's reasons are those of the last proposal (its missed criteria, its
    reason), cited; the ending's date for its notice."""
    from antt_cli.domain import exemplars as ex

    case, rec = src.case, src.record
    source, ending_day = None, None
    for doc in case.counted():
        if doc is rec:
            continue
        if doc.extra.get("outcome") in (ex.RECOGNIZE, ex.END):
            source = doc
        k = src.registry.get(doc.kind)
        if k is not None and ex.ENDS in k.effects:
            ending_day = doc.date
    parts = []
    if source is not None and source.extra.get("unfit"):
        parts.append("yêu cầu công tác không còn phù hợp với việc xây dựng điển hình "
                     f"({text_of(source.extra.get('unfit_reason'))})")
    missed = [first_lower(ex.criterion_text(case, key)) for key in (source.extra.get("missed") or [] if source else [])]
    if missed:
        parts.append("điển hình không đạt các tiêu chí: " + "; ".join(missed))
    return {
        "ending_reasons": first_upper("; ".join(parts) + ".") if parts else DOTS,
        "ending_date_text": nd30.short_date(ending_day) if ending_day else DOTS,
        "outcome_ref": citation(src, source) if source is not None else "báo cáo đánh giá",
    }


# ---------------------------------------------------------------- rating

def rating(src: Source, who: Who) -> dict:
    """The rating of the record's evaluation year (§III.2.c) as its document shows it — for
    a kind that takes part in the rating (its spec's `rating:`), else empty: the grade (the
    record's own, else the year's counting decision), the proposed grade and the reason
    where a decision differs, the completion and the criteria table the proposal stored
    (domain/rating.py), and the body a successor decides for (docs/rules.md)."""
    from antt_cli.domain import rating as R

    role = src.kind.rating
    if role == "none":
        return {}
    record, year = src.record, who.year
    decision = record if role == R.DECISION else R.step_record(src.case, year, R.DECISION, src.registry)
    proposal = record if role == R.PROPOSAL else R.step_record(src.case, year, R.PROPOSAL, src.registry)
    stored = proposal.extra if proposal is not None else {}
    grade = text_of(record.fields.get("grade")) if role in (R.PROPOSAL, R.DECISION) else \
        (text_of(decision.fields.get("grade")) if decision is not None else "")
    proposed = text_of(record.fields.get("proposed_grade"))
    completion = stored.get("completion")
    rows = [{"index": str(i), "text": text_of(c.get("text")),
             "grades": ", ".join(R.GRADE_TITLES.get(str(g), str(g)) for g in c.get("grades") or []),
             "state": "Đạt" if c.get("met") else "Chưa đạt"}
            for i, c in enumerate(stored.get("criteria") or [], start=1)]
    authority_ = text_of(src.case.authority)
    title = R.GRADE_TITLES.get(grade, grade)
    return {
        "grade_title": title or DOTS,
        "grade_upper": nd30.upper_vn(title) or DOTS,
        "proposed_title": R.GRADE_TITLES.get(proposed, proposed),
        "overrides": bool(proposed and proposed != grade),
        "reason": src.field("reason") or DOTS,
        "completion_text": R.percent_text(float(completion)) if isinstance(completion, (int, float)) else "",
        "criteria": rows,
        "specific": any(c.get("specific") for c in stored.get("criteria") or []),
        "yeu_text": "; ".join(first_lower(text_of(m)) for m in stored.get("yeu") or [] if text_of(m)),
        "missed_text": "; ".join(first_lower(text_of(m)) for m in stored.get("missed") or [] if text_of(m)),
        "next_title": R.GRADE_TITLES.get(text_of(stored.get("next_grade")), ""),
        "decision_ref": citation(src, decision) if decision is not None and decision is not record else "",
        "successor_of": authority_ if role == R.DECISION and authority_ and not same_name(authority_, who.issuer)
        else "",
    }


# ---------------------------------------------------------------- tables

def tables(src: Source, year: int) -> dict:
    """The rows of the body's tables (docs/kinds.md `{table: NAME}`): members, the year's
    targets, attachments, the fund ledger."""
    members = member_rows(src.record)
    return {"members": members, "member_count": f"{len(members):02d}" if members else "các",
            "targets": _targets(src, year), "attachments": attachment_rows(src.record),
            "ledger_rows": ledger_rows(src.record)}


def member_rows(record: Record) -> list[dict]:
    """The record's members (`--members FILE.csv`, §III.1.c) as numbered rows."""
    return [{"index": str(i), "name": text_of(m.get("name")), "role": text_of(m.get("role")),
             "unit": text_of(m.get("unit")), "phone": text_of(m.get("phone"))}
            for i, m in enumerate(record.members, start=1)]


def _targets(src: Source, year: int) -> list[dict]:
    """The spec's `targets` mode (docs/kinds.md): none, planned, or judged — an annual report
    judges the year, a 6-month one does not (§III.1.đ)."""
    mode = str(block(src.kind, "targets", "none"))  # one of wording.TARGET_MODES
    if mode == "none":
        return []
    judged = mode == "judged" or (mode == "judged-if-annual" and period_code(src.record) == "annual")
    return target_rows(src.case, year, judged)


def target_rows(case: Case, year: int, judged: bool) -> list[dict]:
    """The targets of the year's plan (§III.1.d, chỉ tiêu), as table rows; `judged` False
    leaves the result blank. A target not yet reported on is not judged either; whether one
    is met is the domain's rule (docs/rules.md)."""
    plan = case.plan(year)
    return [_target_row(i, t, judged) for i, t in enumerate(plan.targets if plan else [], start=1)]


def _target_row(index: int, t, judged: bool) -> dict:
    if t.op == YES_NO:
        planned, achieved, reported = "Có", ("Có" if t.done else "Không"), True
    else:
        planned = {">=": f"ít nhất {_number(t.planned)}", "<=": f"không quá {_number(t.planned)}"}.get(
            t.op, _number(t.planned))
        achieved = _number(t.achieved)
        reported = isinstance(t.achieved, (int, float)) and isinstance(t.planned, (int, float))
    result = ("Đạt" if target_met(t) else "Chưa đạt") if judged and reported else ""
    return {"index": str(index), "text": text_of(t.text), "planned": planned, "achieved": achieved,
            "result": result}


def attachment_rows(record: Record) -> list[dict]:
    """The scans attached to the record (`--attach`), by file name; one placeholder row when none."""
    rows = [{"index": str(i), "name": os.path.basename(text_of(path)) or text_of(path), "note": ""}
            for i, path in enumerate(record.attachments, start=1)]
    return rows or [{"index": "", "name": "(chưa có tài liệu đính kèm)", "note": ""}]


def ledger_rows(record: Record) -> list[dict]:
    """The fund ledger's entries (§III.1.đ, quỹ của mô hình); twelve blank rows to fill by hand
    when none is given."""
    rows = []
    for i, e in enumerate(record.extra.get("entries") or [], start=1):
        day = as_date(e.get("date")) if e.get("date") else None
        rows.append({"index": str(i), "date": nd30.short_date(day) if day else "", "text": text_of(e.get("text")),
                     "income": _number(e.get("income")), "expense": _number(e.get("expense")),
                     "balance": _number(e.get("balance"))})
    return rows or [{"index": str(i), "date": "", "text": "", "income": "", "expense": "", "balance": ""}
                    for i in range(1, 13)]


def _number(n: Any) -> str:
    """A number the Vietnamese way: `2.000.000`, `2,5`."""
    if isinstance(n, bool) or n in (None, ""):
        return ""
    if isinstance(n, (int, float)):
        value = int(n) if float(n).is_integer() else n
        return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value).replace(".", ",")
    return text_of(n)


# ---------------------------------------------------------------- rating and lifetime

def lifetime(src: Source) -> dict:
    """The case's life so far, for the documents that look back on it (§III.3: the closure
    report's "quá trình hoạt động từ khi thành lập", the national proposal's results and
    replicas): every document recorded before this one (`history`), the decided grade of each
    year (`ratings`), the replicas the record names, the closure's reason and date."""
    from antt_cli.domain.rating import DECISION, GRADE_TITLES, counts

    record, docs = src.record, src.case.documents
    before = [d for d in docs if d is not record and d.kind != record.kind]
    history = [{"index": str(i), "date": nd30.short_date(d.date) if d.date else "", "number": text_of(d.number),
                "title": src.registry[d.kind].title if d.kind in src.registry else d.kind}
               for i, d in enumerate(before, start=1)]
    decided = [d for d in docs if src.registry.rating_role(d.kind) == DECISION and d.year is not None
               and d.fields.get("grade") and counts(d)]
    ratings = [{"index": str(i), "year": str(d.year),
                "grade": GRADE_TITLES.get(text_of(d.fields.get("grade")), text_of(d.fields.get("grade"))),
                "decision": citation(src, d)} for i, d in enumerate(decided, start=1)]
    replicas = [{"index": str(i), "id": text_of(r.get("id")), "name": text_of(r.get("name")),
                 "area": text_of(r.get("area")), "grade": GRADE_TITLES.get(text_of(r.get("grade")), "—")}
                for i, r in enumerate(record.extra.get("replicas") or [], start=1) if isinstance(r, Mapping)]
    closure = src.case.extra.get("closure") or {}
    reason = text_of(closure.get("reason"))
    return {"history": history, "ratings": ratings, "replicas": replicas,
            "closure_reason": reason.rstrip(".") + "." if reason else DOTS,
            "closure_date": nd30.short_date(as_date(closure.get("date")) or src.day)}
