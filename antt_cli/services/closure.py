"""`antt close`: the first step of a model's closure (HD 163 §III.3 Bước 1, the closure
report); the other three steps are recorded with `antt record` (docs/commands.md)."""
from __future__ import annotations

from antt_cli.domain import lifecycle as life
from antt_cli.domain.closure import check_may_close
from antt_cli.domain.rating import latest_decided_grade
from antt_cli.services.common import Context, writing
from antt_cli.services.record import RecordInput, RecordResult, build_record, resolve_number, save_recorded
from antt_cli.store.kinds import load_registry

COMMAND = "close"


def close_model(ctx: Context, case_id: str, reason: str, unfit: bool, given: RecordInput) -> RecordResult:
    """Record the closure report; the model becomes `closing`. Nothing changes on refusal."""
    reg = load_registry()
    with writing(ctx, action=COMMAND, case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case = loaded.case
        life.check_open(case)
        check_may_close(case, latest_decided_grade(case, reg), unfit, reason)
        k = next(k for k in reg.of_case(case.kind) if k.command == COMMAND)
        life.check_recordable(case, k, reg, command=COMMAND)
        given.sets = {**given.sets, "reason": reason.strip(), "unfit": "yes" if unfit else "no"}
        record = build_record(ctx, w.dossier, case, k, given, reg)
        life.check_record(case, k, record, ctx.today, reg, w.dossier.profile.get("successors"))
        record.number = resolve_number(k, str(record.issuer), record.date, given.number, w.dossier)
        new_case = life.apply_record(case, k, record)
        rel = save_recorded(w, loaded, new_case, record, attach=given.attach, pdf=given.pdf,
                            folder=k.attach_folder)
        w.summary = life.summary_line(case_id, k.summary_text(record.year), record)
    return RecordResult(case_id, k.name, record, rel, w.tx.sha)
