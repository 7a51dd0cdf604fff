"""The documents layer: templates, context, rendering (docs/kinds.md, NĐ 30/2020).

The per-kind tests take their rows from the kind registry: each kind gets a default fixture
generated from its spec (`default_case`: its prerequisites recorded first, its required
fields, members and attachments), so a kind added with a spec and its template is tested
here with no edit of this file (tests/test_kinds.py runs this module over a throw-away
kind given through ANTT_KINDS). The hand-written RECORDS are examples of particular content."""
from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest

from antt_cli.documents import builder
from antt_cli.documents import context as documents_context
from antt_cli.documents.check import problems
from antt_cli.documents.render import render_record as render_typed, template_path
from antt_cli.domain import lifecycle as life
from antt_cli.domain.kindspec import AUTHORITY, MEETING, PARTY, STEERING
from antt_cli.domain.model import Case, Plan, Record, Signer, case_from, record_from
from antt_cli.errors import AnttError
from antt_cli.store.kinds import load_registry

REG = load_registry()
KINDS = REG.kinds

REPO = Path(__file__).resolve().parent.parent
MODEL = "Tổ tự quản an ninh trật tự bến cá Phú Hài"

PROFILE = {
    "schema": 1,
    "unit": "Công an xã Hàm Thuận",
    "unit_kind": "residential",
    "province": "Lâm Đồng",
    "place": "Hàm Thuận",
    "parent_body": "Công an tỉnh Lâm Đồng",
    "bodies": {
        "Ủy ban nhân dân xã Hàm Thuận": {
            "code": "UBND", "parent": None, "own": True, "party": False,
            "head": {"title": "Chủ tịch", "name": "Trần Thị Hoa"},
            "deputy": {"title": "Phó Chủ tịch", "name": "Lê Văn Nam"},
        },
        "Đảng ủy xã Hàm Thuận": {"code": "ĐU", "party": True,
                                 "head": {"title": "Bí thư", "name": "Nguyễn Văn Hùng"}},
        "Công an xã Hàm Thuận": {"code": "CAX",
                                 "head": {"title": "Trưởng Công an xã", "name": "Phạm Văn Bình"}},
    },
    "legal_bases": ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"],
}
UBND = "Ủy ban nhân dân xã Hàm Thuận"
CAX = "Công an xã Hàm Thuận"
DU = "Đảng ủy xã Hàm Thuận"
BCD = f"Ban Chỉ đạo mô hình “{MODEL}”"
CHAIR = {"prefix": None, "title": "Chủ tịch", "name": "Trần Thị Hoa"}
DEPUTY = {"prefix": "KT.", "title": "Phó Chủ tịch", "name": "Lê Văn Nam"}
POLICE = {"prefix": None, "title": "Trưởng Công an xã", "name": "Phạm Văn Bình"}
HEAD_BCD = {"prefix": "TM.", "title": "Trưởng ban", "name": "Lê Văn Nam"}
COMMITTEE = [
    {"name": "Lê Văn Nam", "role": "Phó Chủ tịch UBND xã - Trưởng ban", "unit": UBND},
    {"name": "Phạm Văn Bình", "role": "Trưởng Công an xã - Phó Trưởng ban", "unit": CAX},
    {"name": "Đỗ Thị Ánh", "role": "Chủ tịch Ủy ban MTTQ xã - Thành viên", "unit": "Ủy ban MTTQ Việt Nam xã"},
]
MEMBERS = [
    {"name": "Võ Văn Tám", "role": "Tổ trưởng", "unit": "Thôn Phú Hài", "phone": "0912000001"},
    {"name": "Huỳnh Thị Lan", "role": "Thành viên", "unit": "Thôn Phú Hài", "phone": ""},
]


def _rec(kind, number, date, issuer, signer, **extra):
    rec = {"kind": kind, "number": number, "date": date, "issuer": issuer, "signer": signer,
           "approved_by": None, "approved_date": None, "secrecy": None, "year": None,
           "fields": {}, "members": [], "attachments": []}
    rec.update(extra)
    return rec


RECORDS = {
    "survey-plan": _rec("survey-plan", "01/KH-CAX", "2026-01-06", CAX, POLICE,
                        approved_by="Chủ tịch Ủy ban nhân dân xã Hàm Thuận",
                        approved_date=dt.date(2026, 1, 8)),
    "survey-report": _rec("survey-report", "02/BC-CAX", dt.date(2026, 1, 20), CAX, POLICE,
                          secrecy="mat", fields={"security": "Năm 2025 xảy ra 04 vụ trộm ngư cụ."}),
    "member-agreement": _rec("member-agreement", None, "2026-01-22", CAX,
                             {"title": "Trưởng Công an xã", "name": "Phạm Văn Bình"},
                             fields={"secretary": "Nguyễn Thị Thu", "time": "08 giờ 00"}),
    "proposal": _rec("proposal", "03/BC-CAX", "2026-01-26", CAX, POLICE),
    "party-policy": _rec("party-policy", "05-NQ/ĐU", "2026-02-03", DU,
                         {"prefix": "TM.", "title": "Bí thư", "name": "Nguyễn Văn Hùng"}),
    "implementation": _rec("implementation", "12/KH-UBND", "2026-02-10", UBND, DEPUTY),
    "consultation": _rec("consultation", None, "2026-02-20", UBND,
                         {"title": "Phó Chủ tịch UBND xã", "name": "Lê Văn Nam"}, members=MEMBERS,
                         fields={"secretary": "Nguyễn Thị Thu", "time": "19 giờ 30",
                                 "location": "Nhà văn hóa thôn Phú Hài"}),
    "establishment-decision": _rec("establishment-decision", "05/QĐ-UBND", "2026-03-02", UBND, DEPUTY,
                                   fields={"note": "Mô hình chịu sự hướng dẫn nghiệp vụ của Công an xã."}),
    "steering-committee-decision": _rec("steering-committee-decision", "06/QĐ-UBND", "2026-03-02", UBND,
                                        CHAIR, members=COMMITTEE),
    "member-list-decision": _rec("member-list-decision", "07/QĐ-UBND", "2026-03-02", UBND, DEPUTY,
                                 members=MEMBERS),
    "launch-plan": _rec("launch-plan", "15/KH-UBND", "2026-03-03", UBND, DEPUTY),
    "steering-regulation": _rec("steering-regulation", "01/QC-BCĐ", "2026-03-05", BCD, HEAD_BCD),
    "operating-regulation": _rec("operating-regulation", "02/QC-BCĐ", "2026-03-05", BCD, HEAD_BCD),
    "coordination-regulation": _rec("coordination-regulation", "03/QC-BCĐ", "2026-03-05", BCD, HEAD_BCD),
    "annual-plan": _rec("annual-plan", "04/KH-BCĐ", "2026-03-10", BCD, HEAD_BCD, year=2026),
    "launch": _rec("launch", None, "2026-03-15", UBND, CHAIR,
                   fields={"secretary": "Nguyễn Thị Thu", "time": "08 giờ 00", "end": "10 giờ 30"}),
    "pilot": _rec("pilot", "16/KH-UBND", "2026-03-04", UBND, DEPUTY),
    "periodic-report": _rec("periodic-report", "05/BC-BCĐ", "2026-05-03", BCD, HEAD_BCD,
                            year=2026, fields={"period": "6-month"}),
    "evidence": _rec("evidence", None, "2026-05-04", BCD, HEAD_BCD,
                     attachments=["evidence/2026-04-tuan-tra.pdf", "evidence/anh-ra-quan.jpg"]),
    "fund-ledger": _rec("fund-ledger", None, "2026-05-04", BCD, HEAD_BCD, year=2026,
                        entries=[{"date": "2026-03-20", "text": "Ủng hộ của ngư dân", "income": 2000000,
                                  "balance": 2000000}]),
    "consolidation": _rec("consolidation", "20/QĐ-UBND", "2026-06-01", UBND, DEPUTY,
                          members=[{"name": "Trương Văn Lợi", "role": "Thành viên", "unit": "Thôn Phú Hài"}]),
    "review": _rec("review", "06/BC-BCĐ", "2026-06-15", BCD, HEAD_BCD),
    "commendation": _rec("commendation", "25/QĐ-UBND", "2026-06-20", UBND, CHAIR, members=MEMBERS),
    "lead-rotation": _rec("lead-rotation", None, "2026-07-01", CAX, POLICE,
                          fields={"lead_unit": "Đồn Biên phòng Phú Hài", "secretary": "Nguyễn Thị Thu"}),
    "rating-proposal": _rec("rating-proposal", "12/BC-BCĐ", "2026-11-03", BCD, HEAD_BCD, year=2026,
                            fields={"grade": "kha"}, completion=88.8889, next_grade="tot", yeu=[],
                            missed=["Thu hút được các nguồn lực xã hội hóa"],
                            criteria=[{"key": "direction", "text": "Công tác chỉ đạo, điều hành được quan tâm",
                                       "grades": ["tot", "kha", "trung-binh"], "met": True, "source": "given"},
                                      {"key": "socialized", "text": "Thu hút được các nguồn lực xã hội hóa",
                                       "grades": ["tot"], "met": False, "source": "given"}]),
    "rating-decision": _rec("rating-decision", "30/QĐ-UBND", "2026-11-08", UBND, CHAIR, year=2026,
                            fields={"grade": "tot", "proposed_grade": "kha",
                                    "reason": "mô hình huy động được kinh phí của doanh nghiệp trên địa bàn"}),
    "rating-submission": _rec("rating-submission", "31/BC-UBND", "2026-11-12", UBND, CHAIR, year=2026),
    "closure-report": _rec("closure-report", "09/BC-BCĐ", "2026-11-20", BCD, HEAD_BCD,
                           fields={"reason": "Bến cá đã di dời, mô hình không còn phù hợp", "unfit": "yes"}),
    "closure-consultation": _rec("closure-consultation", None, "2026-11-25", BCD, HEAD_BCD,
                                 fields={"agree": "18", "disagree": "2", "secretary": "Nguyễn Thị Thu"}),
    "closure-decision": _rec("closure-decision", "40/QĐ-UBND", "2026-12-01", UBND, CHAIR),
    "closure-announcement": _rec("closure-announcement", "41/TB-UBND", "2026-12-03", UBND, CHAIR),
    "national-proposal": _rec("national-proposal", "09/TTr-CAX", "2026-11-20", CAX, POLICE,
                              fields={"innovative": "no"},
                              replicas=[{"id": "MH-2026-002", "name": "Tổ tự quản thôn Lâm Thuận",
                                         "area": "Thôn Lâm Thuận", "grade": "kha"}]),
}

CASE = {
    "schema": 1, "id": "MH-2026-001", "kind": "model", "name": MODEL,
    "working_title": "Tổ tự quản bến cá", "area": "thôn Phú Hài, xã Hàm Thuận", "field": None,
    "level": "xa", "unit_kind": "residential", "linked": True,
    "members": [CAX, "Đồn Biên phòng Phú Hài", "Ban Quản lý cảng cá Phú Hài"],
    "membership": "limited", "proposer": CAX, "lead_unit": CAX,
    "lead_units": [CAX, "Đồn Biên phòng Phú Hài"], "authority": UBND, "status": "active",
    "opened": "2026-01-05", "documents": list(RECORDS.values()),
    "plans": {2026: {"date": "2026-03-10", "targets": [
        {"text": "Tuần tra đêm", "op": ">=", "planned": 48, "achieved": 20},
        {"text": "Vụ trộm ngư cụ", "op": "<=", "planned": 2, "achieved": 1},
        {"text": "Không để xảy ra điểm nóng", "op": "yes-no", "done": True},
    ]}},
}

# An exemplar (HD 163 §IV) through its whole life: recognized, reassessed, then ended.
EXEMPLAR_NAME = "Tổ hòa giải thôn Phú Hài"
JUDGED = {"registered": True, "effective": True, "acknowledged": True, "commended": True,
          "informative": True, "hoa-giai": True}
EXEMPLAR_RECORDS = {
    "survey": _rec("survey", "01/BC-CAX", "2025-05-05", CAX, POLICE),
    "exemplar-criteria": _rec("exemplar-criteria", None, "2025-05-06", CAX, POLICE),
    "exemplar-proposal": _rec("exemplar-proposal", "02/BC-CAX", "2025-05-10", CAX, POLICE,
                              fields={"registration": "Tổ hòa giải đăng ký xây dựng điển hình ngày 08/5/2025."}),
    "building-plan": _rec("building-plan", "03/KH-CAX", "2025-05-15", CAX, POLICE),
    "self-assessment": _rec("self-assessment", None, "2026-05-01", CAX, POLICE,
                            fields={"met": "registered,effective"}),
    "evaluation": _rec("evaluation", "01/BC-CAX", "2026-05-14", CAX, POLICE, outcome="recognize",
                       criteria=JUDGED, missed=[], share=100.0,
                       criteria_evidence={"effective": "Hòa giải thành 46/49 vụ việc"}),
    "recognition": _rec("recognition", "01/QĐ-UBND", "2026-05-20", UBND, CHAIR),
    "exemplar-review": _rec("exemplar-review", "02/BC-CAX", "2026-10-20", CAX, POLICE, fields={"stage": "tổng kết"}),
    "exemplar-commendation": _rec("exemplar-commendation", "02/QĐ-UBND", "2026-10-25", UBND, CHAIR),
    "exemplar-replication": _rec("exemplar-replication", "04/KH-CAX", "2026-10-26", CAX, POLICE),
    "reassessment": _rec("reassessment", "05/BC-CAX", "2027-10-20", CAX, POLICE, year=2027, outcome="end",
                         criteria={**JUDGED, "effective": False, "acknowledged": False, "hoa-giai": False},
                         missed=["effective", "acknowledged", "hoa-giai"], share=50.0),
    "ending": _rec("ending", "10/QĐ-UBND", "2027-10-28", UBND, CHAIR),
    "ending-notice": _rec("ending-notice", "06/TB-CAX", "2027-10-30", CAX, POLICE),
}
EXEMPLAR_CASE = {
    "schema": 1, "id": "DH-2025-001", "kind": "exemplar", "name": EXEMPLAR_NAME, "working_title": EXEMPLAR_NAME,
    "area": "thôn Phú Hài, xã Hàm Thuận", "field": None, "level": "xa", "unit_kind": "residential",
    "linked": False, "members": [], "membership": "limited", "proposer": CAX, "lead_unit": None,
    "lead_units": [], "authority": UBND, "status": "ended", "opened": "2025-05-02",
    "exemplar_kind": "collective", "scope": "several",
    "criteria": [{"key": "hoa-giai", "text": "Hòa giải thành từ 90% số vụ việc trở lên"}],
    "documents": list(EXEMPLAR_RECORDS.values()), "plans": {},
}
RECORDS.update(EXEMPLAR_RECORDS)

NUMBERED = {k for k, v in KINDS.items() if v.numbered}


def _typed(case, record):
    return (case if isinstance(case, Case) else case_from(copy.deepcopy(case)),
            record if isinstance(record, Record) else record_from(copy.deepcopy(record)))


def render_record(profile, case, record, override=None):
    """Render from the plain shapes of case.yaml (the examples above) or typed values."""
    return render_typed(profile, *_typed(case, record), load_registry(), override)


def document_context(profile, case, record):
    return documents_context.document_context(profile, *_typed(case, record), load_registry())


def render(kind, case=None, record=None, override=None):
    if case is None:
        case = EXEMPLAR_CASE if KINDS[kind].case == "exemplar" else CASE
    return render_record(PROFILE, case, record or RECORDS[kind], override)


# ---------------------------------------------------------------- the default fixture of a kind

TODAY = dt.date(2026, 6, 20)
YEAR = 2026
# who issues and signs, by the spec's `issuer` role
ISSUERS = {AUTHORITY: UBND, PARTY: DU, STEERING: BCD, MEETING: CAX}
SIGNERS = {AUTHORITY: DEPUTY, PARTY: {"prefix": "TM.", "title": "Bí thư", "name": "Nguyễn Văn Hùng"},
           STEERING: HEAD_BCD, MEETING: {"prefix": None, "title": "Trưởng Công an xã", "name": "Phạm Văn Bình"}}
CODES = {UBND: "UBND", DU: "ĐU", BCD: "BCĐ", CAX: "CAX"}


def _chain(k, linked):
    """`k`'s prerequisites, theirs first (the order they are recorded in)."""
    out = []
    for name in REG.prerequisites(k, linked):
        for before in [*_chain(REG[name], linked), name]:
            if before not in out:
                out.append(before)
    return out


def default_record(k, seq, day):
    """A record of kind `k` as the spec asks for it: number, issuer and signer by its role,
    its own fields (a choice where the spec lists them), members, attachments, approval."""
    role = k.issuer_role
    issuer = ISSUERS.get(role, CAX)
    signer = SIGNERS.get(role, POLICE)
    number = None
    if k.numbered:
        code = k.type_codes[0]
        number = f"{seq:02d}-{code}/{CODES[issuer]}" if role == PARTY else f"{seq:02d}/{code}-{CODES[issuer]}"
    fields = {key: (f.choices[0] if f.choices else "3" if f.count else "08:00" if f.clock else f"Nội dung {key} của {k.name}")
              for key, f in k.fields.items()}
    fields.pop("year", None)  # a report's year is the record's year, not a text
    # an exemplar's evaluation or reassessment carries what `antt evaluate` judged (every criterion met)
    judged = {"outcome": "recognize", "criteria": {"registered": True}, "missed": [], "share": 100.0} \
        if k.command == "evaluate" else {}
    return Record(kind=k.name, date=day, number=number, issuer=issuer, signer=Signer(**signer), extra=judged,
                  approved_by=UBND if k.approval == "required" else None,
                  approved_date=day + dt.timedelta(days=1) if k.approval == "required" else None,
                  year=YEAR if k.year != "none" else None, fields=fields,
                  members=[dict(m) for m in (COMMITTEE if k.steering_members else MEMBERS)]
                  if k.members != "none" else [],
                  attachments=["evidence/bien-ban.pdf"] if k.attachments != "none" else [])


def default_case(kind):
    """(case, record): a model holding `kind`'s prerequisites, recorded in order by the domain
    (a plan kind's record adds its year's plan, as `antt plan` does), and the record of `kind`."""
    k = REG[kind]
    exemplar = k.case == "exemplar"  # opened a year earlier: its yearly reassessment is of a later year
    case = case_from({"id": "DH-2025-001" if exemplar else "MH-2026-001", "kind": k.case, "name": MODEL,
                      "area": "thôn Phú Hài", "linked": k.linked_only, "members": [CAX, "Đồn Biên phòng Phú Hài"],
                      "proposer": CAX, "lead_unit": CAX, "lead_units": [CAX, "Đồn Biên phòng Phú Hài"],
                      "opened": "2025-01-02" if exemplar else "2026-01-02",
                      "status": "surveying" if exemplar else "building"})
    day = dt.date(2025 if exemplar else 2026, 1, 5)
    for seq, name in enumerate(_chain(k, case.linked), start=1):
        prior = REG[name]
        record = default_record(prior, seq, day)
        case = life.apply_record(case, prior, record)
        if prior.year == "plan":
            case.plans[YEAR] = Plan(year=YEAR, date=day, number=record.number)
        day += dt.timedelta(days=3)
    return case, default_record(k, len(case.documents) + 1, day)


def texts(document) -> list[str]:
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return out


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {kind: render(kind) for kind in RECORDS}


@pytest.mark.parametrize("kind", list(KINDS))
def test_kind_has_its_template_equal_to_the_builder_output(kind):
    path = template_path(kind, None)
    assert path.is_file(), kind
    assert path.read_bytes() == builder.build_template(REG[kind], REG.shared), (
        f"{path} is stale: run python tools/build_templates.py")


@pytest.mark.parametrize("kind", list(KINDS))
def test_kind_default_record_is_recorded(kind):
    case, record = default_case(kind)
    k = REG[kind]
    life.check_recordable(case, k, REG, command=k.command)
    life.check_record(case, k, record, TODAY, REG)
    assert life.apply_record(case, k, record).documents[-1] is record


def _required(k):
    """The spec's required fields, but a dated kind's `year` (the pipeline moves it to the record's year)."""
    return [key for key, f in k.fields.items() if f.required and not (key == "year" and k.year != "none")]


@pytest.mark.parametrize("kind", [k.name for k in REG if _required(k)])
def test_kind_refused_without_its_required_field(kind):
    case, record = default_case(kind)
    k = REG[kind]
    for key in _required(k):
        missing = copy.deepcopy(record)
        missing.fields.pop(key)
        with pytest.raises(AnttError) as err:
            life.check_record(case, k, missing, TODAY, REG)
        assert err.value.key == "domain.field_required" and err.value.params["key"] == key


@pytest.mark.parametrize("kind", list(KINDS))
def test_kind_rendered_document_layout(kind):
    case, rec = default_case(kind)
    case = life.apply_record(case, REG[kind], rec)  # the pipeline renders the case holding the record
    data = render_record(PROFILE, case, rec)
    assert data == render_record(PROFILE, case, rec)  # deterministic
    assert problems(io.BytesIO(data)) == []
    d = docx.Document(io.BytesIO(data))
    header = "\n".join(c.text for r in d.tables[0].rows for c in r.cells)
    party = document_context(PROFILE, case, rec)["party"]
    if party:
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header and "ĐẢNG ỦY" in header
    else:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
        assert "Độc lập - Tự do - Hạnh phúc" in header
    if rec.number:
        assert (f"Số {rec.number}" if party else f"Số: {rec.number}") in header
    day = rec.date
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    assert f"Hàm Thuận, ngày {day.day:02d} tháng {month} năm {day.year}" in header
    all_text = "\n".join(texts(d))
    assert REG[kind].type_name in all_text or party
    assert "Nơi nhận:" in all_text
    assert "{{" not in all_text and "{%" not in all_text
    assert rec.signer.name in all_text
    assert any(t.startswith("- Lưu: VT") and t.endswith(".") for t in texts(d))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:ascii="Times New Roman"' in xml


def test_rendering_is_deterministic():
    for kind in ("establishment-decision", "annual-plan", "consultation"):
        assert render(kind) == render(kind)


def test_decision_content(rendered):
    d = docx.Document(io.BytesIO(rendered["establishment-decision"]))
    t = texts(d)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÀM THUẬN" in t
    bases = [x for x in t if x.startswith("Căn cứ") or x.startswith("Theo đề nghị")]
    assert bases[0] == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
    assert any("Hướng dẫn số 163/HD-BCĐ ngày 17/01/2023" in b for b in bases)
    assert any("Nghị quyết số 05-NQ/ĐU ngày 03/02/2026 của Đảng ủy xã Hàm Thuận" in b for b in bases)
    assert all(b.endswith(";") for b in bases[:-1]) and bases[-1].endswith(".")
    assert "QUYẾT ĐỊNH:" in t
    assert any(x.startswith("Điều 1. Thành lập mô hình “" + MODEL) for x in t)
    assert any(x.startswith("Điều 3.") for x in t)
    assert "KT. CHỦ TỊCH" in t and "PHÓ CHỦ TỊCH" in t
    assert "Mô hình chịu sự hướng dẫn nghiệp vụ của Công an xã." in t


def test_steering_committee_members_table(rendered):
    d = docx.Document(io.BytesIO(rendered["steering-committee-decision"]))
    t = "\n".join(texts(d))
    for m in COMMITTEE:
        assert m["name"] in t and m["role"] in t
    assert "CHỦ TỊCH" in texts(d)


def test_annual_plan_targets(rendered):
    t = "\n".join(texts(docx.Document(io.BytesIO(rendered["annual-plan"]))))
    assert "Tuần tra đêm" in t and "ít nhất 48" in t
    assert "không quá 2" in t and "Không để xảy ra điểm nóng" in t
    assert "TM. BAN CHỈ ĐẠO" in t and "TRƯỞNG BAN" in t
    assert "01/11/2025" in t and "31/10/2026" in t


def test_periodic_report_results(rendered):
    d = docx.Document(io.BytesIO(rendered["periodic-report"]))
    t = "\n".join(texts(d))
    assert "06 tháng đầu năm 2026" in t
    rows = [[c.text for c in r.cells] for table in d.tables for r in table.rows]
    # each target on its own row: text, what was planned, what was achieved (CASE's plan)
    assert ["1", "Tuần tra đêm", "ít nhất 48", "20"] in [r[:4] for r in rows]
    assert ["2", "Vụ trộm ngư cụ", "không quá 2", "1"] in [r[:4] for r in rows]
    assert "Chưa đạt" not in t  # a 6-month report does not judge the year's targets
    case = copy.deepcopy(CASE)
    rec = copy.deepcopy(RECORDS["periodic-report"])
    rec["fields"] = {"period": "annual"}
    rec["date"] = "2026-11-03"
    t = "\n".join(texts(docx.Document(io.BytesIO(render("periodic-report", case, rec)))))
    assert "năm 2026 (từ ngày 01/11/2025 đến ngày 31/10/2026)" in t
    assert "Chưa đạt" in t and "Đạt" in t
    assert "xếp loại mô hình năm 2026" in t


def test_survey_plan_approval_block(rendered):
    t = texts(docx.Document(io.BytesIO(rendered["survey-plan"])))
    assert "DUYỆT" in t
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÀM THUẬN" in t
    assert "Ngày 08 tháng 01 năm 2026" in t
    assert "TRƯỞNG CÔNG AN XÃ" in t
    joined = "\n".join(t)
    for heading in ("Tình hình chung có liên quan", "Tình hình an ninh, trật tự", "Tình hình Nhân dân",
                    "hệ thống chính trị", "Phong trào", "thế lực thù địch"):
        assert heading in joined


def test_survey_report_secrecy_and_headings(rendered):
    d = docx.Document(io.BytesIO(rendered["survey-report"]))
    header = "\n".join(c.text for r in d.tables[0].rows for c in r.cells)
    assert "MẬT" in header
    t = "\n".join(texts(d))
    assert "Năm 2025 xảy ra 04 vụ trộm ngư cụ." in t
    assert "VI. NHỮNG SƠ HỞ" in t


def test_consultation_linked_and_members(rendered):
    t = texts(docx.Document(io.BytesIO(rendered["consultation"])))
    joined = "\n".join(t)
    assert "đề cử Công an xã Hàm Thuận làm đơn vị Trưởng mô hình" in joined
    assert "(2) Đồn Biên phòng Phú Hài" in joined
    assert "Võ Văn Tám" in joined and "Huỳnh Thị Lan" in joined
    assert "THƯ KÝ" in t and "CHỦ TRÌ" in t and "Nguyễn Thị Thu" in t


def test_consultation_open_membership():
    case = copy.deepcopy(CASE)
    case["membership"] = "open"
    case["linked"] = False
    rec = copy.deepcopy(RECORDS["consultation"])
    rec["members"] = []
    t = "\n".join(texts(docx.Document(io.BytesIO(render("consultation", case, rec)))))
    assert "vận động, khuyến khích đông đảo Nhân dân" in t
    assert "Trưởng mô hình" not in t


def test_party_policy_state_format():
    rec = copy.deepcopy(RECORDS["party-policy"])
    rec.update(issuer=UBND, number="04/TB-UBND", signer=CHAIR)
    data = render("party-policy", record=rec)
    assert problems(io.BytesIO(data)) == []
    d = docx.Document(io.BytesIO(data))
    header = "\n".join(c.text for r in d.tables[0].rows for c in r.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header and "Số: 04/TB-UBND" in header
    assert "ĐẢNG CỘNG SẢN" not in header


def test_party_policy_party_format(rendered):
    t = texts(docx.Document(io.BytesIO(rendered["party-policy"])))
    assert "T/M ĐẢNG ỦY" in t and "BÍ THƯ" in t and "QUYẾT NGHỊ:" in t


def test_names_with_markup_characters_are_escaped():
    case = copy.deepcopy(CASE)
    case["name"] = "Tổ tự quản <bến cá> & chợ"
    d = docx.Document(io.BytesIO(render("establishment-decision", case)))
    assert any("Tổ tự quản <bến cá> & chợ" in x for x in texts(d))


def test_minimal_record_without_optional_keys():
    rec = {"kind": "proposal", "number": "03/BC-CAX", "date": "2026-01-26", "issuer": CAX,
           "signer": POLICE}
    case = {"name": MODEL, "area": "thôn Phú Hài", "proposer": CAX}
    d = docx.Document(io.BytesIO(render_record(PROFILE, case, rec, None)))
    assert any("Tên mô hình: “" + MODEL in x for x in texts(d))


def test_context_keys():
    ctx = document_context(PROFILE, CASE, RECORDS["establishment-decision"])
    assert ctx["number_line"] == "Số: 05/QĐ-UBND"
    assert ctx["date_line"] == "Hàm Thuận, ngày 02 tháng 3 năm 2026"
    assert ctx["issuer_lines"] == ["ỦY BAN NHÂN DÂN", "XÃ HÀM THUẬN"]
    assert ctx["parent_body"] is None
    assert ctx["recipients"][-1] == "- Lưu: VT, CAX."
    assert ctx["subject"] == f"Về việc thành lập mô hình “{MODEL}”"
    police = document_context(PROFILE, CASE, RECORDS["proposal"])
    assert police["parent_body"] == "CÔNG AN TỈNH LÂM ĐỒNG"
    bcd = document_context(PROFILE, CASE, RECORDS["annual-plan"])
    assert bcd["parent_body"] == "ỦY BAN NHÂN DÂN XÃ HÀM THUẬN"


def test_override_template_and_failures(tmp_path):
    override = tmp_path / "templates"
    override.mkdir()
    shipped = template_path("proposal", None)
    (override / "proposal.docx").write_bytes(shipped.read_bytes())
    assert template_path("proposal", override) == override / "proposal.docx"
    assert template_path("launch", override) == shipped.parent / "launch.docx"
    # a Jinja syntax error in an override
    bad = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(shipped.read_bytes())) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = body.replace("{{ subject }}".encode(), "{{ subject ".encode())
            dst.writestr(info, body)
    (override / "proposal.docx").write_bytes(bad.getvalue())
    # a dossier's own template is checked before it is used (docs/templates.md): refused
    # with the check's sentence naming the tag
    with pytest.raises(AnttError) as err:
        render("proposal", override=override)
    assert err.value.key == "documents.template_check_failed"
    assert "proposal.docx" in err.value.params["template"]
    assert "{{ subject" in err.value.params["problems"]
    assert "\n" not in err.value.params["problems"]
    assert err.value.message()
    # an undefined variable: the template is otherwise sound, the message names the variable
    with zipfile.ZipFile(io.BytesIO(shipped.read_bytes())) as src, zipfile.ZipFile(
            override / "proposal.docx", "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                assert "{{ subject }}".encode() in body
                body = body.replace("{{ subject }}".encode(), "{{ no_such_key }}".encode())
            dst.writestr(info, body)
    with pytest.raises(AnttError) as err:
        render("proposal", override=override)
    assert err.value.key == "documents.template_check_failed"
    assert "no_such_key" in err.value.params["problems"]


def test_missing_template(monkeypatch, tmp_path):
    monkeypatch.setenv("ANTT_TEMPLATES", str(tmp_path))
    with pytest.raises(AnttError) as err:
        render("proposal")
    assert err.value.key == "documents.render_failed"


def test_free_text_fields_title_summary_note():
    rec = copy.deepcopy(RECORDS["launch-plan"])
    rec["fields"] = {"title": "Tổ chức Lễ ra mắt mô hình tại bến cá", "summary": "Lễ ra mắt kết hợp họp dân.",
                     "note": "Đề nghị các thôn bố trí loa."}
    t = texts(docx.Document(io.BytesIO(render("launch-plan", record=rec))))
    assert "Tổ chức Lễ ra mắt mô hình tại bến cá" in t
    assert "Lễ ra mắt kết hợp họp dân." in t and "Đề nghị các thôn bố trí loa." in t


# ---------------------------------------------------------------- the kind specs' document block

SPECS = REPO / "antt_cli" / "kinds"


def _spec_dir(tmp_path, monkeypatch, name, edit):
    """ANTT_KINDS=<tmp> holding a copy of `name`'s spec with `edit` applied to its text."""
    folder = tmp_path / "kinds"
    folder.mkdir(exist_ok=True)
    text = (SPECS / f"{name}.yaml").read_text(encoding="utf-8") if (SPECS / f"{name}.yaml").exists() else ""
    (folder / f"{name}.yaml").write_text(edit(text), encoding="utf-8")
    monkeypatch.setenv("ANTT_KINDS", str(folder))
    return folder


def test_subject_and_sections_come_from_the_spec(tmp_path, monkeypatch):
    before = document_context(PROFILE, CASE, RECORDS["proposal"])
    assert before["subject"] == f"Đề xuất xây dựng mô hình “{MODEL}”"
    assert before["sections"]["goals"].startswith("Huy động sức mạnh tổng hợp")

    def edit(text):
        text = text.replace("  subject: Đề xuất xây dựng mô hình {{ name_q }}",
                            "  subject: Đề xuất mô hình {{ name_q }}{% if year %} năm {{ year }}{% endif %}")
        return text.replace("    goals: Huy động", "    goals: Mục tiêu của {{ proposer }}. Huy động")

    _spec_dir(tmp_path, monkeypatch, "proposal", edit)
    ctx = document_context(PROFILE, CASE, RECORDS["proposal"])
    assert ctx["subject"] == f"Đề xuất mô hình “{MODEL}” năm 2026"
    assert ctx["sections"]["goals"].startswith(f"Mục tiêu của {CAX}. Huy động")
    # a --set of the section's key still wins over the spec's default
    rec = copy.deepcopy(RECORDS["proposal"])
    rec["fields"] = {"goals": "Mục tiêu riêng."}
    assert document_context(PROFILE, CASE, rec)["sections"]["goals"] == "Mục tiêu riêng."
    # another document cites the proposal with the spec's subject (a cited record without a
    # stored year has none)
    party = document_context(PROFILE, CASE, RECORDS["party-policy"])
    assert party["refs"]["proposal"].endswith(f"của {CAX} về đề xuất mô hình “{MODEL}”")


def test_a_wrong_spec_string_names_the_spec_and_key(tmp_path, monkeypatch):
    _spec_dir(tmp_path, monkeypatch, "proposal",
              lambda text: text.replace("  subject: Đề xuất xây dựng mô hình {{ name_q }}",
                                        "  subject: Đề xuất {{ no_such_key }}"))
    with pytest.raises(AnttError) as err:
        render("proposal")
    assert err.value.key == "documents.spec_failed"
    assert err.value.params["kind"] == "proposal" and err.value.params["key"] == "document.subject"
    assert "no_such_key" in err.value.params["detail"]


THROWAWAY = """name: patrol-log
case: model
title: Sổ nhật ký tuần tra
section: §III.1.đ
item: 10
step: 6
order: 999
type_codes: [BC]
type_name: BÁO CÁO
issuer: steering
requires: []
repeatable: true
fields:
  route:
    help: tuyến tuần tra
document:
  subject: Nhật ký tuần tra của mô hình {{ name_q }}{% if year %} năm {{ year }}{% endif %}
  sections:
    route: 'Tuyến tuần tra: {{ area }}'
  body:
    - '{{ issuer }} ghi nhật ký tuần tra của mô hình {{ name_q }}:'
    - '# I. TUYẾN TUẦN TRA'
    - '{{ sections.route }}'
    - table: attachments
    - NOTE
    - Sổ được Ban Chỉ đạo kiểm tra định kỳ./.
"""


def test_the_builder_builds_and_renders_a_kind_from_its_spec_alone(tmp_path, monkeypatch):
    _spec_dir(tmp_path, monkeypatch, "patrol-log", lambda _: THROWAWAY)
    reg = load_registry()
    data = builder.build_template(reg["patrol-log"], reg.shared)
    assert data == builder.build_template(reg["patrol-log"], reg.shared)  # deterministic
    override = tmp_path / "templates"
    override.mkdir()
    (override / "patrol-log.docx").write_bytes(data)
    rec = _rec("patrol-log", "07/BC-BCĐ", "2026-05-10", BCD, HEAD_BCD, year=2026,
               fields={"note": "Ghi chú."}, attachments=["evidence/tuan-tra.pdf"])
    out = render_record(PROFILE, CASE, rec, override)
    assert problems(io.BytesIO(out)) == []
    t = texts(docx.Document(io.BytesIO(out)))
    assert f"Nhật ký tuần tra của mô hình “{MODEL}” năm 2026" in t
    assert "I. TUYẾN TUẦN TRA" in t and "Tuyến tuần tra: thôn Phú Hài, xã Hàm Thuận" in t
    assert "tuan-tra.pdf" in t and "Ghi chú." in t and "TM. BAN CHỈ ĐẠO" in t
    # its section key is a --set key of the kind, as the spec declares
    fields = reg.allowed_fields(reg["patrol-log"])
    assert "route" in fields and "title" in fields


def test_documents_compare_no_kind_name():
    """docs/kinds.md: what is particular to a kind is in its spec, never in documents/."""
    import re
    names = "|".join(re.escape(n) for n in KINDS)
    pattern = re.compile(rf"[\"']({names})[\"']")
    for path in sorted((REPO / "antt_cli" / "documents").glob("*.py")):
        found = pattern.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name} names kinds {found}"


def test_a_record_without_a_date_is_a_bug_not_a_refusal():
    rec = copy.deepcopy(RECORDS["proposal"])
    rec["date"] = None
    with pytest.raises(ValueError):
        render("proposal", record=rec)


def test_results_are_judged_by_the_domain_rule():
    case = copy.deepcopy(CASE)
    case["plans"][2026]["targets"] = [
        {"text": "Tuần tra đêm", "op": ">=", "planned": 48, "achieved": 48},
        {"text": "Vụ trộm", "op": "<=", "planned": 2, "achieved": 3},
        {"text": "Họp dân", "op": ">=", "planned": 4, "achieved": None},
        {"text": "Không để xảy ra điểm nóng", "op": "yes-no", "done": False},
    ]
    rec = copy.deepcopy(RECORDS["periodic-report"])
    rec["fields"] = {"period": "annual"}
    rows = document_context(PROFILE, case, rec)["targets"]
    assert [r["result"] for r in rows] == ["Đạt", "Chưa đạt", "", "Chưa đạt"]
    rec["fields"] = {"period": "6-month"}
    assert {r["result"] for r in document_context(PROFILE, case, rec)["targets"]} == {""}
    # a kind whose spec prints no targets gets none
    assert document_context(PROFILE, case, RECORDS["review"])["targets"] == []


def test_default_steering_issuer_is_the_domain_steering_body():
    from antt_cli.domain.issuers import steering_body
    rec = copy.deepcopy(RECORDS["operating-regulation"])
    rec["issuer"] = None
    assert document_context(PROFILE, CASE, rec)["issuer"] == steering_body(MODEL)


@pytest.mark.parametrize("edit, key", [
    (lambda t: t.replace("  subject:", "  subjet:"), "document.subjet"),
    (lambda t: t.replace("document:\n", "document:\n  targets: all\n"), "document.targets"),
    (lambda t: t.replace("document:\n", "document:\n  meeting: {start: x}\n"), "document.meeting.start"),
])
def test_a_wrong_document_block_is_refused_naming_the_key(tmp_path, monkeypatch, edit, key):
    _spec_dir(tmp_path, monkeypatch, "proposal", edit)
    reg = load_registry()
    for attempt in (lambda: render("proposal"), lambda: builder.build_template(reg["proposal"], reg.shared)):
        with pytest.raises(AnttError) as err:
            attempt()
        assert err.value.key == "documents.spec_failed" and err.value.params["key"] == key


def test_an_unknown_secrecy_level_is_refused():
    rec = copy.deepcopy(RECORDS["survey-report"])
    rec["secrecy"] = "tuyet-mat"
    with pytest.raises(AnttError) as err:
        render("survey-report", record=rec)
    assert err.value.key == "documents.bad_secrecy" and "mat, toi-mat" in err.value.message()


def test_exemplar_documents_content(rendered):
    """HD 163 §IV: the criteria set lists the general and the specific criteria; the evaluation
    judges each with its evidence; the recognition names the exemplar, collective, and its
    scope; the ending and its notice give the reasons (the reassessment's missed criteria)."""
    def all_text(kind):
        return "\n".join(texts(docx.Document(io.BytesIO(rendered[kind]))))

    criteria = all_text("exemplar-criteria")
    for needle in ("Có đăng ký xây dựng điển hình", "Được khen thưởng trong năm xây dựng điển hình",
                   "Hòa giải thành từ 90% số vụ việc trở lên", "hoa-giai", "tất cả các tiêu chí riêng", "dưới 70%"):
        assert needle in criteria, needle
    evaluation = all_text("evaluation")
    assert evaluation.count("Đạt") >= 6 and "Hòa giải thành 46/49 vụ việc" in evaluation
    assert "ra quyết định công nhận điển hình tiên tiến" in evaluation
    recognition = all_text("recognition")
    assert f"Công nhận tập thể “{EXEMPLAR_NAME}”" in recognition
    assert "trên một số mặt công tác" in recognition
    assert "Kế hoạch số 03/KH-CAX ngày 15/5/2025" in recognition
    plan = all_text("building-plan")
    assert "Từ ngày 15/5/2025 đến ngày 15/5/2026" in plan
    ending = all_text("ending")
    assert "Kết thúc xây dựng điển hình tập thể" in ending
    assert "kết quả hoạt động trong công tác bảo đảm an ninh, trật tự đạt hiệu quả cao" in ending
    assert "Báo cáo số 05/BC-CAX" in ending  # proposed by the reassessment
    notice = all_text("ending-notice")
    assert "Quyết định số 10/QĐ-UBND" in notice and "kể từ ngày 28/10/2027" in notice
    assert "50%" in all_text("reassessment") and "kết thúc xây dựng điển hình" in all_text("reassessment")


def test_rating_documents_say_the_grade_the_period_the_criteria_and_the_override(rendered):
    proposal = docx.Document(io.BytesIO(rendered["rating-proposal"]))
    t = "\n".join(texts(proposal))
    assert "từ ngày 01/11/2025 đến ngày 31/10/2026" in t and "hoàn thành 88,9 %" in t
    assert "đạt mức xếp loại Khá năm 2026" in t
    assert "chưa đạt mức Tốt do: thu hút được các nguồn lực xã hội hóa" in t
    rows = [[c.text for c in r.cells] for table in proposal.tables for r in table.rows]
    assert ["2", "Thu hút được các nguồn lực xã hội hóa", "Tốt", "Chưa đạt"] in rows
    assert ["1", "Tuần tra đêm", "ít nhất 48", "20", "Chưa đạt"] in rows  # the completion table
    decision = "\n".join(texts(docx.Document(io.BytesIO(rendered["rating-decision"]))))
    assert "đạt mức xếp loại TỐT năm 2026 (thời gian đánh giá từ ngày 01/11/2025 đến ngày 31/10/2026)" in decision
    assert "đề nghị mức xếp loại Khá" in decision and "huy động được kinh phí" in decision
    assert "Xét đề nghị của Trưởng Ban Chỉ đạo mô hình" in decision
    submission = "\n".join(texts(docx.Document(io.BytesIO(rendered["rating-submission"]))))
    assert "Thường trực Ban Chỉ đạo tỉnh" in submission and "mức xếp loại Tốt năm 2026" in submission
    assert "30/QĐ-UBND" in submission
    assert "- Thường trực Ban Chỉ đạo tỉnh (qua Phòng Xây dựng Phong trào bảo vệ an ninh Tổ quốc);" in submission


def test_documents_fetch_nothing_themselves():
    """documents/ renders what the services hand it (the typed case and record, the registry,
    the profile): no module of it reads the store or calls a service — except the builder's
    own command-line entry (`python -m antt_cli.documents.builder`), which reads the kinds."""
    import ast

    found = []
    for path in sorted((REPO / "antt_cli" / "documents").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        entry = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "main"
                 and path.name == "builder.py" for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and id(node) not in entry \
                    and node.module.startswith(("antt_cli.store", "antt_cli.services", "antt_cli.cli")):
                found.append(f"{path.name}:{node.lineno} {node.module}")
    assert found == []
