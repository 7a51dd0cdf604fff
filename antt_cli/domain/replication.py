"""Replication (nhân rộng) of a model and its proposal to the nation — HD 163 §III.3:
"Lựa chọn mô hình hoạt động hiệu quả, thực sự tiêu biểu trong số những mô hình hoạt động
“Tốt” đề xuất nhân rộng trên địa bàn, lĩnh vực khác có tính tương đồng … theo quy trình các
bước như quy trình xây dựng mô hình", and "Đối với những mô hình hoạt động “Tốt” đã được nhân
rộng … và xét thấy mô hình tiếp tục phát huy hiệu quả tại các địa bàn được nhân rộng hoặc mô
hình mới triển khai nhưng có cách làm hay, sáng tạo … gửi hồ sơ mô hình, tờ trình … Cục V05".

Pure: the latest decided grades are given (domain/rating.py decides them)."""
from __future__ import annotations

from typing import Mapping

from antt_cli.domain.lifecycle import check_open
from antt_cli.domain.model import Case
from antt_cli.domain.rating import GRADE_TITLES, KHA, TOT
from antt_cli.domain.text import same_name
from antt_cli.errors import AnttError

# docs/interpretations.md: "mô hình … tiếp tục phát huy hiệu quả tại các địa bàn được nhân
# rộng" — at least one replica whose latest decided grade is one of these.
REPLICA_GRADES_OK = (TOT, KHA)


def _grade_text(grade: str | None) -> str:
    return GRADE_TITLES.get(str(grade), str(grade))


def replicable(source: Case, latest_grade: str | None) -> AnttError | None:
    """Why `source` may not be replicated now (§III.3: an open model, active, whose latest
    decided grade is Tốt), or None — where it goes aside. `antt next` lists `replicate` when
    this is None; `antt replicate` refuses with it."""
    try:
        check_open(source)
    except AnttError as refusal:
        return refusal
    if source.kind != "model":
        return AnttError("domain.replicate_models_only", id=source.id)
    if latest_grade is None:
        return AnttError("domain.replicate_no_decision", id=source.id)
    if latest_grade != TOT:
        return AnttError("domain.replicate_not_good", id=source.id, grade=_grade_text(latest_grade))
    if source.status != "active":
        return AnttError("domain.replicate_not_active", id=source.id, status=source.status)
    return None


def check_may_replicate(source: Case, latest_grade: str | None, area: str | None, field: str | None) -> None:
    """Refuse (AnttError) unless `source` may be replicated to `area` / `field` now."""
    check_open(source)
    if source.kind == "model" and not (area or field):
        raise AnttError("domain.replicate_where")
    refusal = replicable(source, latest_grade)
    if refusal is not None:
        raise refusal
    if (not area or same_name(area, source.area)) and (not field or same_name(field, source.field)):
        raise AnttError("domain.replicate_same_place", id=source.id, area=source.area or "—")


def replica_of(source: Case, new_id: str, *, name: str | None, area: str | None, field: str | None,
               opened) -> Case:
    """The replica: a new model at step 1 (§III.3 "theo quy trình các bước như quy trình xây dựng
    mô hình") of the source's unit kind, level and membership, recording where it came from."""
    title = name or source.name
    return Case(id=new_id, kind="model", name=title, working_title=title, area=area or source.area,
                field=field or source.field, level=source.level, unit_kind=source.unit_kind,
                linked=False, membership=source.membership, proposer=source.proposer, opened=opened,
                extra={"schema": source.extra.get("schema", 1), "replicated_from": source.id,
                       "replicated_to": []})


def with_replica(source: Case, replica_id: str) -> Case:
    new = source.copy()
    new.extra["replicated_to"] = [*list(new.extra.get("replicated_to") or []), replica_id]
    return new


def check_may_propose_national(case: Case, latest_grade: str | None, replica_grades: Mapping[str, str | None],
                               innovative: bool, reason: str | None) -> None:
    """§III.3: a Tốt model replicated with at least one replica still Khá or better, or a
    launched model with an innovative way of working (`--innovative --reason`)."""
    check_open(case)
    if case.status not in ("active",):
        raise AnttError("domain.national_not_active", id=case.id, status=case.status)
    if innovative:
        if not (reason or "").strip():
            raise AnttError("domain.national_reason_required")
        return
    if latest_grade != TOT:
        raise AnttError("domain.national_not_good", id=case.id,
                        grade=_grade_text(latest_grade) if latest_grade else "—")
    if not replica_grades:
        raise AnttError("domain.national_no_replica", id=case.id)
    if not any(g in REPLICA_GRADES_OK for g in replica_grades.values()):
        listed = ", ".join(f"{rid}: {_grade_text(g) if g else '—'}" for rid, g in replica_grades.items())
        raise AnttError("domain.national_replicas_weak", id=case.id, replicas=listed)
