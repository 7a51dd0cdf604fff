"""The closed lists of the dossier, each defined once (docs/case-schema.md, docs/commands.md)."""
from __future__ import annotations

# Status of a model (docs/rules.md): building (steps 1–4) → active (launched) → closing → closed.
STATUSES = ("building", "active", "closing", "closed")
# §III.1.c: members are nominated (limited) or recruited (open).
MEMBERSHIP = ("limited", "open")
# docs/case-schema.md: who the model serves.
UNIT_KINDS = ("residential", "agency", "enterprise", "school")
# docs/rules.md: current levels, then the historical one.
LEVELS = ("xa", "tinh", "huyen")
# Độ mật (Luật Bảo vệ bí mật nhà nước 2018; docs/commands.md `--secrecy mat|toi-mat`) and its mark.
SECRECY = {"mat": "MẬT", "toi-mat": "TỐI MẬT"}
# NĐ 30/2020 Điều 13: signing on behalf.
SIGN_AS = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
# §III.1.đ "định kỳ 6 tháng, 01 năm hoặc đột xuất".
REPORT_PERIODS = ("6-month", "annual", "ad-hoc")
# §III.2.b: the grades of the yearly rating, from the best down (Tốt, Khá, Trung bình, Yếu).
GRADES = ("tot", "kha", "trung-binh", "yeu")
# §IV: an exemplar is a collective (tập thể) or an individual (cá nhân) …
EXEMPLAR_KINDS = ("collective", "individual")
# … built on one, several or all aspects of the work (§IV.1 Bước 1 "một, một số mặt hoặc toàn diện").
EXEMPLAR_SCOPES = ("one", "several", "comprehensive")
# Status of an exemplar (docs/rules.md): surveying → building → recognized | ended.
EXEMPLAR_STATUSES = ("surveying", "building", "recognized", "ended")
