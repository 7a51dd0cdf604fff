"""Document kinds of a model's dossier and their prerequisites — HD 163 §III.1 (steps 1–5),
§III.1.đ (the active phase) and §V.1 (the dossier items). One table, read by small functions.

Exemplar kinds (§IV), rating kinds (§III.2) and closure kinds (§III.3) join this table with
their own issues.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Who issues a kind, which decides the default issuer and the signature block (SPEC §9).
PROPOSER = "proposer"        # the proposing unit (Công an xã, MTTQ, ...)
PARTY = "party"              # the party committee (party format) or a head without party org
AUTHORITY = "authority"      # People's Committee chairman / head of the agency (the authority)
STEERING = "steering"        # the model's steering committee (TM. BAN CHỈ ĐẠO / TRƯỞNG BAN)
MEETING = "meeting"          # minutes of a meeting, signed by its chair and its secretary


@dataclass(frozen=True)
class DocumentKind:
    name: str                 # CLI name, e.g. "establishment-decision"
    title: str                # Vietnamese name of the document (user text, templates)
    item: int                 # dossier item of §V.1
    step: int                 # 1–5 build steps; 6 = active phase (§III.1.đ)
    type_code: str            # NĐ 30 Phụ lục III type code (QĐ, KH, BC, BB, QC, NQ, …)
    type_name: str            # the type name printed in the title block (QUYẾT ĐỊNH, …)
    issuer_role: str
    requires: tuple[str, ...] = ()
    linked_only: bool = False
    optional: bool = False     # "nếu có": never required
    repeatable: bool = False   # may be recorded more than once (active-phase records)
    numbered: bool = True      # an issued document with a number (minutes and ledgers: no)
    takes_members: bool = False  # `--members FILE.csv` is read for this kind
    section: str = "§III.1"
    extra: dict = field(default_factory=dict)


# The four step-4 decisions of §III.1.d ("ban hành các quyết định: (1) Thành lập mô hình,
# (2) Ban Chỉ đạo mô hình; (3) Danh sách thành viên; (4) Kế hoạch ra mắt") share one issuer,
# which becomes the model's authority.
STEP4_DECISIONS = (
    "establishment-decision",
    "steering-committee-decision",
    "member-list-decision",
    "launch-plan",
)

_K = DocumentKind
MODEL_KINDS: tuple[DocumentKind, ...] = (
    # Bước 1 — §III.1.a
    _K("survey-plan", "Kế hoạch khảo sát, đánh giá tình hình", 1, 1, "KH", "KẾ HOẠCH", PROPOSER,
       section="§III.1.a"),
    _K("survey-report", "Báo cáo kết quả khảo sát, đánh giá tình hình", 2, 1, "BC", "BÁO CÁO", PROPOSER,
       ("survey-plan",), section="§III.1.a"),
    _K("member-agreement", "Biên bản thảo luận, thống nhất giữa các thành viên tham gia mô hình liên kết",
       16, 1, "BB", "BIÊN BẢN", MEETING, ("survey-report",), linked_only=True, numbered=False,
       section="§III.1.a"),
    _K("proposal", "Báo cáo đề xuất xây dựng mô hình", 3, 1, "BC", "BÁO CÁO", PROPOSER,
       ("survey-report",), section="§III.1.a"),
    # Bước 2 — §III.1.b
    _K("party-policy", "Chủ trương của cấp ủy về xây dựng mô hình", 4, 2, "NQ", "NGHỊ QUYẾT", PARTY,
       ("proposal",), section="§III.1.b"),
    _K("implementation", "Văn bản triển khai thực hiện xây dựng mô hình", 5, 2, "KH", "KẾ HOẠCH", AUTHORITY,
       ("party-policy",), section="§III.1.b"),
    # Bước 3 — §III.1.c
    _K("consultation", "Biên bản tuyên truyền, lấy ý kiến tham gia về mô hình", 16, 3, "BB", "BIÊN BẢN",
       MEETING, ("implementation",), numbered=False, takes_members=True, section="§III.1.c"),
    # Bước 4 — §III.1.d
    _K("establishment-decision", "Quyết định thành lập mô hình", 6, 4, "QĐ", "QUYẾT ĐỊNH", AUTHORITY,
       ("consultation",), section="§III.1.d"),
    _K("steering-committee-decision", "Quyết định thành lập Ban Chỉ đạo mô hình", 6, 4, "QĐ", "QUYẾT ĐỊNH",
       AUTHORITY, ("consultation",), takes_members=True, section="§III.1.d"),
    _K("member-list-decision", "Quyết định công nhận danh sách thành viên tham gia mô hình", 6, 4, "QĐ",
       "QUYẾT ĐỊNH", AUTHORITY, ("consultation",), takes_members=True, section="§III.1.d"),
    _K("launch-plan", "Kế hoạch ra mắt mô hình", 8, 4, "KH", "KẾ HOẠCH", AUTHORITY, ("consultation",),
       section="§III.1.d"),
    _K("steering-regulation", "Quy chế hoạt động của Ban Chỉ đạo mô hình", 7, 4, "QC", "QUY CHẾ", STEERING,
       ("steering-committee-decision",), section="§III.1.d"),
    _K("operating-regulation", "Quy chế hoạt động của mô hình", 7, 4, "QC", "QUY CHẾ", STEERING,
       ("steering-committee-decision",), section="§III.1.d"),
    _K("coordination-regulation", "Quy chế phối hợp", 7, 4, "QC", "QUY CHẾ", STEERING,
       ("consultation", "steering-committee-decision"), linked_only=True, section="§III.1.d"),
    _K("annual-plan", "Kế hoạch hoạt động năm của mô hình", 9, 4, "KH", "KẾ HOẠCH", STEERING,
       ("steering-committee-decision",), repeatable=True, section="§III.1.d"),
    # Bước 5 — §III.1.đ
    _K("launch", "Biên bản ra mắt mô hình", 8, 5, "BB", "BIÊN BẢN", MEETING,
       ("establishment-decision", "steering-committee-decision", "member-list-decision", "launch-plan",
        "steering-regulation", "operating-regulation", "coordination-regulation", "annual-plan"),
       numbered=False, section="§III.1.đ"),
    _K("pilot", "Văn bản tổ chức làm điểm", 8, 5, "KH", "KẾ HOẠCH", AUTHORITY, ("launch-plan",),
       optional=True, section="§III.1.đ"),
    # While active — §III.1.đ and §V.1 items 10–15
    _K("periodic-report", "Báo cáo tình hình, kết quả hoạt động của mô hình", 10, 6, "BC", "BÁO CÁO",
       STEERING, ("launch",), repeatable=True, section="§III.1.đ"),
    _K("evidence", "Tài liệu chứng minh hiệu quả hoạt động của mô hình", 11, 6, "BC", "DANH MỤC",
       STEERING, ("launch",), repeatable=True, numbered=False, section="§V.1 (11)"),
    _K("fund-ledger", "Sổ theo dõi thu, chi quỹ", 12, 6, "", "SỔ THEO DÕI", STEERING, ("launch",),
       optional=True, repeatable=True, numbered=False, section="§V.1 (12)"),
    _K("consolidation", "Quyết định kiện toàn Ban Chỉ đạo, sửa đổi quy chế, bổ sung danh sách thành viên",
       14, 6, "QĐ", "QUYẾT ĐỊNH", AUTHORITY, ("launch",), optional=True, repeatable=True,
       takes_members=True, section="§III.1.đ"),
    _K("review", "Báo cáo sơ kết, tổng kết mô hình", 15, 6, "BC", "BÁO CÁO", STEERING, ("launch",),
       repeatable=True, section="§III.1.đ"),
    _K("commendation", "Quyết định khen thưởng", 13, 6, "QĐ", "QUYẾT ĐỊNH", AUTHORITY, ("launch",),
       optional=True, repeatable=True, section="§III.1.đ"),
    _K("lead-rotation", "Biên bản luân phiên Trưởng mô hình", 16, 6, "BB", "BIÊN BẢN", MEETING,
       ("launch",), linked_only=True, optional=True, repeatable=True, numbered=False,
       section="§III.1.c"),
)

KINDS: dict[str, DocumentKind] = {k.name: k for k in MODEL_KINDS}
BUILD_KINDS = tuple(k for k in MODEL_KINDS if k.step <= 5)
ACTIVE_KINDS = tuple(k for k in MODEL_KINDS if k.step == 6)

# Periods of the periodic report (§III.1.đ: "định kỳ 6 tháng, 01 năm hoặc đột xuất").
REPORT_PERIODS = ("6-month", "annual", "ad-hoc")


def kind(name: str) -> DocumentKind | None:
    return KINDS.get(name)


def applies(k: DocumentKind, linked: bool) -> bool:
    return linked or not k.linked_only


def prerequisites(k: DocumentKind, linked: bool) -> tuple[str, ...]:
    """The kinds that must be recorded before `k` on a model (linked or not).

    Beyond the table: on a linked model the proposal follows the member agreement (§III.1.a,
    "trước khi báo cáo, đề xuất cần có sự thảo luận, thống nhất giữa các thành viên")."""
    required = tuple(r for r in k.requires if applies(KINDS[r], linked))
    if k.name == "proposal" and linked:
        required += ("member-agreement",)
    return required
