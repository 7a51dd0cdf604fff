"""Closure of a model (kết thúc mô hình) — HD 163 §III.3: "Trường hợp mô hình hoạt động
“Yếu”, không còn phù hợp với thực tiễn thì kết thúc theo trình tự" — four steps in order
(the kinds' `requires`), the model `closing` from the first, `closed` after the last.

*Interpretation* (docs/interpretations.md): "hoạt động Yếu, không còn phù hợp" is read as
either — the latest decided grade Yếu, or `--unfit` with the reason the model no longer fits
practice. Pure: the latest decided grade is given (domain/rating.py decides it)."""
from __future__ import annotations

from antt_cli.domain.dates import as_date
from antt_cli.domain.model import Case
from antt_cli.domain.rating import GRADE_TITLES, YEU
from antt_cli.errors import AnttError

WEAK = YEU


def check_may_close(case: Case, latest_grade: str | None, unfit: bool, reason: str | None) -> None:
    """Refuse (AnttError) when closure may not start on `case`."""
    if case.kind != "model":
        raise AnttError("domain.closure_models_only", id=case.id)
    if case.status in ("closing", "closed"):
        raise AnttError("domain.closure_started", id=case.id, status=case.status)
    if case.status != "active":
        raise AnttError("domain.closure_not_active", id=case.id)
    if not (reason or "").strip():
        raise AnttError("domain.closure_reason_required")
    if latest_grade is None and not unfit:
        raise AnttError("domain.closure_no_grade", id=case.id)
    if latest_grade != WEAK and not unfit:
        raise AnttError("domain.closure_not_weak", id=case.id, grade=GRADE_TITLES.get(str(latest_grade), latest_grade))


def check_not_closed(case: Case) -> None:
    """docs/rules.md: a closed case accepts no further change; the refusal names the closure
    decision (§III.3 Bước 3) when the case has one."""
    if case.status != "closed":
        return
    decision = case.extra.get("closure") or {}
    if decision.get("number") or decision.get("date"):
        day = as_date(decision.get("date"))
        raise AnttError("domain.case_closed_by", id=case.id, number=decision.get("number") or "—",
                        date=day if day else "—", issuer=decision.get("issuer") or "—")
    raise AnttError("domain.case_closed", id=case.id)
