"""Every *Interpretation* of docs/rules.md in one place, each with its § of HD 163 and a one-line
reason. The numbers are configurable per dossier under `rules:` in `antt.yaml` (a province
may read the guideline differently); `docs/interpretations.md` lists them for users."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from dataclasses import dataclass, field, fields, replace
from typing import Any, Mapping

from antt_cli.domain.text import bare, name_key


@dataclass(frozen=True)
class Rules:
    # §III.2.b "hoàn thành 90% trở lên chỉ tiêu": the share of targets met (`share`), or the
    # mean of per-target achievement capped at 100 % (`mean`).
    completion: str = "share"
    # §III.2.b grade thresholds on completion, compared before rounding.
    thresholds: Mapping[str, float] = field(
        default_factory=lambda: {"tot": 90.0, "kha": 70.0, "trung-binh": 50.0})
    # §III.2.a "từ đủ 10 tháng trở lên tính từ ngày có quyết định thành lập" (Civil Code months).
    eligible_months: int = 10
    # §III.2.c "trước ngày 05/11 … 10/11 … 15/11": month-day, strictly before.
    deadlines: Mapping[str, str] = field(
        default_factory=lambda: {"proposal": "11-05", "decision": "11-10", "submission": "11-15"})
    # §III.1.đ "định kỳ 6 tháng": the 6-month report of year Y covers 01/11/Y-1–30/04/Y, due before 05/05/Y.
    six_month_report_due: str = "05-05"
    # §III.1.d "kế hoạch hoạt động (thông thường theo năm)": due before 01/12/Y-1 (end of the first month).
    plan_due: str = "12-01"
    # §III.1.đ a model owes a period's report when active at least this many days of it.
    report_min_active_days: int = 30
    # §IV.3 "hoàn thành dưới 70% các tiêu chí": reassessment threshold.
    exemplar_reassess_threshold: float = 70.0
    # §IV.1 Bước 3: share of specific criteria needed for recognition (100 = all).
    exemplar_specific_share: float = 100.0
    # §IV.1 Bước 3 "Trong thời gian 01 năm tính từ ngày ban hành kế hoạch": months from the building
    # plan to the evaluation's last good day, counted as the Civil Code counts (Điều 147–148).
    exemplar_evaluation_months: int = 12
    # NĐ 30 / docs/rules.md: no new case at the historical district level after this date.
    huyen_abolished: dt.date = dt.date(2025, 7, 1)
    # docs/rules.md CLI `--attach`: largest attached file, in MB.
    attach_max_mb: float = 50.0
    # §III.2.c "kết quả xếp loại" sent up by area: `antt summary` counts a model under the
    # commune its area names ("Thôn Lâm Giáo, xã Hàm Thuận" → "xã Hàm Thuận", `commune`) or
    # under its whole area text (`full`).
    summary_area: str = "commune"


def reassessment_deadline(rules: Rules) -> str:
    """§IV.3 with §III.2.c: an exemplar's yearly reassessment is due with the model ratings,
    strictly before the rating proposal's deadline (`MM-DD`)."""
    return rules.deadlines["proposal"]


DEFAULT_RULES = Rules()
_KNOWN = {f.name for f in fields(Rules)}


def rules_from_profile(raw: Mapping[str, Any] | None) -> Rules:
    """The dossier's rules: the guideline's defaults overridden by `antt.yaml` `rules:`.

    Raises ValueError naming the unknown or malformed key (the store turns it into a
    file:line error)."""
    if not raw:
        return DEFAULT_RULES
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        if name not in _KNOWN:
            raise ValueError(f"rules.{key}")
        default = getattr(DEFAULT_RULES, name)
        if isinstance(default, Mapping):
            if not isinstance(value, Mapping):
                raise ValueError(f"rules.{key}")
            merged = dict(default)
            merged.update({str(k): v for k, v in value.items()})
            changes[name] = merged
        elif isinstance(default, dt.date):
            changes[name] = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        elif isinstance(default, str):
            changes[name] = str(value)
        else:
            try:
                changes[name] = type(default)(value)
            except (TypeError, ValueError):
                raise ValueError(f"rules.{key}") from None
    rules = replace(DEFAULT_RULES, **changes)
    if rules.completion not in ("share", "mean"):
        raise ValueError("rules.completion")
    if rules.summary_area not in ("commune", "full"):
        raise ValueError("rules.summary_area")
    return rules


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)  # pure; `antt due` over a province asks the same few dates ~100,000 times
def month_day(spec: str, year: int) -> dt.date:
    """'11-05' in `year` → 2026-11-05."""
    month, day = (int(p) for p in spec.split("-"))
    return dt.date(year, month, day)


# -- who issued the guideline (the "Căn cứ Hướng dẫn số 163/HD-BCĐ … của …" line) -----------------
# HD 163 is signed "Bình Thuận, ngày 17 tháng 01 năm 2023" by the "Ban Chỉ đạo tỉnh về Phong trào
# Toàn dân bảo vệ an ninh Tổ quốc …" (its opening paragraph). A citation names the issuer as it
# was when it issued the document (NĐ 30/2020 Phụ lục I mục II.6), so a dossier of a province
# that holds the former Bình Thuận — Bình Thuận itself, Lâm Đồng since the merger of 01/07/2025
# (Nghị quyết 202/2025/QH15) — cites the Bình Thuận committee. Elsewhere the guideline a unit
# follows is its own province's, issued by that province's steering committee.
# docs/interpretations.md "guideline_issuer"; `antt init --guideline-issuer` or `guideline_issuer`
# in antt.yaml says otherwise.
GUIDELINE_ISSUER = "Ban Chỉ đạo tỉnh Bình Thuận"
GUIDELINE_PROVINCES = ("bình thuận", "lâm đồng")  # name_key form
# The centrally governed cities (thành phố trực thuộc trung ương) since 01/07/2025.
CITIES = ("hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế")


def default_guideline_issuer(province: str) -> str:
    """The body `antt init` writes as `guideline_issuer` for a dossier of `province` (as typed,
    with or without "tỉnh"/"thành phố", diacritics or not); no province: HD 163's own issuer."""
    name = " ".join(province.split())
    for prefix in ("tinh ", "thanh pho ", "tp. ", "tp "):
        if bare(name_key(name)).startswith(prefix):
            name = name[len(prefix):].strip()
    plain = bare(name_key(name))
    if not plain or plain in {bare(p) for p in GUIDELINE_PROVINCES}:
        return GUIDELINE_ISSUER
    level = "thành phố" if plain in {bare(c) for c in CITIES} else "tỉnh"
    return f"Ban Chỉ đạo {level} {name}"
