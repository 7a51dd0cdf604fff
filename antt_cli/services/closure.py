"""`antt close`: the first step of a model's closure (HD 163 §III.3 Bước 1, the closure
report); the other three steps are recorded with `antt record` (docs/commands.md)."""
from __future__ import annotations

from dataclasses import replace

from antt_cli.domain import lifecycle as life
from antt_cli.domain.closure import check_may_close
from antt_cli.domain.model import Case
from antt_cli.domain.rating import latest_decided_grade
from antt_cli.services.common import Context, Writer
from antt_cli.services.record import RecordInput, RecordResult, UnderLock, command_kind, record_document
from antt_cli.store.kinds import load_registry

COMMAND = "close"


def close_model(ctx: Context, case_id: str, reason: str, unfit: bool, given: RecordInput) -> RecordResult:
    """Record the closure report; the model becomes `closing`. Nothing changes on refusal."""
    reg = load_registry()

    def may_close(w: Writer, case: Case) -> dict:
        # §III.3: only an open, active model decided Yếu, or one no longer fit (`--unfit`).
        life.check_model_only(case, COMMAND)
        life.check_open(case)
        check_may_close(case, latest_decided_grade(case, reg), unfit, reason)
        return {}

    sets = {**given.sets, "reason": (reason or "").strip(), "unfit": "yes" if unfit else "no"}
    return record_document(ctx, case_id, command_kind(reg, COMMAND), replace(given, sets=sets, command=COMMAND),
                           UnderLock(may_close))
