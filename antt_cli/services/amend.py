"""`antt amend` — correct a recorded document's number, date, issuer or signer, or an annual
plan's targets (docs/rules.md: the correction and its reason are kept; nothing is silently
overwritten)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from antt_cli.domain import lifecycle as life
from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import YES_NO, Case, Record, Target, signer_to, target_to
from antt_cli.domain.plans import find_target
from antt_cli.domain.text import name_key, nfc, same_name
from antt_cli.errors import AnttError
from antt_cli.i18n import kind_label
from antt_cli.services.common import Context, sha256, writing
from antt_cli.services.edits import check_unedited, recorded_index
from antt_cli.services.record import RecordInput, RecordResult, resolve_number, resolve_signer
from antt_cli.services.targets import parse_targets, plan_kind
from antt_cli.store.dossier import Dossier
from antt_cli.store.kinds import load_registry


def change_targets(current: list[Target], specs: list[str], remove: list[str]) -> list[Target]:
    """The plan's targets after `--target` (change one, or add it when new) and
    `--remove-target`; every other target and what it achieved stay as they were. A target
    whose form changes (at least / at most / yes-no) starts again from nothing achieved."""
    targets = [replace(t, extra=dict(t.extra)) for t in current]
    for name in remove:
        index = find_target(targets, nfc(name), name_key)
        if index is None:
            raise AnttError("services.amend.unknown_target", target=name,
                            targets="; ".join(t.text for t in targets) or "—")
        del targets[index]
    for new in parse_targets(specs):
        index = next((i for i, t in enumerate(targets) if name_key(t.text) == name_key(new.text)), None)
        if index is None:
            targets.append(new)
            continue
        old = targets[index]
        if old.op == new.op:
            new = replace(new, achieved=old.achieved, done=old.done if new.op == YES_NO else False,
                          extra=dict(old.extra))
        targets[index] = new
    return targets


@dataclass
class AmendInput:
    """What the officer corrects (docs/commands.md `antt amend` options): the reason, and the
    values that change; None leaves a value as it was."""

    reason: str = ""                                          # required: refused when empty
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    sign_as: str | None = None
    year: int | None = None                                   # which year's record of a repeatable kind
    targets: list[str] = field(default_factory=list)          # the plan's targets, "TEXT=NUMBER"
    remove_targets: list[str] = field(default_factory=list)
    discard_edits: bool = False                               # re-render over a document edited by hand


def amend(ctx: Context, case_id: str, kind: str, given: AmendInput) -> RecordResult:
    """Correct the last record of `kind` (of `given.year`); the old values and the reason are
    kept in the record's `amendments`. Nothing changes on refusal."""
    reason = " ".join(nfc(given.reason or "").split())
    if not reason:
        raise AnttError("services.amend.reason_required")
    reg = load_registry()
    kind = life.kind_spec(reg, kind, Dossier.case_kind_of(case_id)).cli  # as typed: title, prefix…
    with writing(ctx, action=f"amend {kind}", case_id=case_id, trailers=[("Antt-Reason", reason)]) as w:
        loaded = w.load_case(case_id)
        case = loaded.case.copy()
        life.check_open(case)
        k = life.kind_spec(reg, kind, case.kind)
        index = recorded_index(case, k, given.year)
        before = case.documents[index]
        record = replace(before, fields=dict(before.fields), amendments=list(before.amendments))
        case.documents[index] = record
        old = {"number": before.number, "date": before.date, "issuer": before.issuer,
               "signer": signer_to(before.signer)}
        changed = _change_record(ctx, w.dossier, case, k, record, given, reg)
        old_targets = _change_plan(case, k, record, given, reg)
        if not changed and old_targets is None:
            raise AnttError("services.amend.nothing", id=case_id, kind=k.name)
        if old_targets is not None:
            old["targets"] = old_targets
        record.amendments.append({"on": ctx.today, "reason": reason, "old": old})
        rel = _rewrite(w, loaded, case, record, before, given.discard_edits)
        w.write_text(loaded.rel, loaded.text(case))
        w.summary = life.summary_line(case_id, f"Đính chính {k.summary_text(record.year)}", record)
    return RecordResult(case_id, k.name, record, rel, w.tx.sha)


def _rewrite(w: Any, loaded: Any, case: Case, record: Record, before: Record, discard_edits: bool) -> str:
    """Render the corrected document over the old one; the path written. An imported record
    (`antt adopt`) has no document generated: its scan stays as issued, only the case file
    changes."""
    if record.extra.get("imported"):
        w.check_clean([loaded.rel], renders=False)
        return f"{w.dossier.case_dir_rel(case.id)}/{record.file}" if record.file else loaded.rel
    rel = f"{w.dossier.case_dir_rel(case.id)}/{record.file}"
    check_unedited(w, case, [before], discard_edits)
    w.check_clean([rel, loaded.rel], renders=True)
    data = w.render(case, record)
    record.sha256 = sha256(data)
    w.write_bytes(rel, data)
    return rel


def _change_record(ctx: Context, dossier: Dossier, case: Case, k: KindSpec, record: Record,
                   given: AmendInput, reg: Registry) -> bool:
    """Apply the new date, issuer, signer and number to `record` (checked as `record` checks
    them); whether any of them changed."""
    changed = False
    if given.date is not None and given.date != record.date:
        record.date = given.date
        life.check_dates(case, k, record, ctx.today, reg)
        changed = True
    if given.issuer is not None:
        new_issuer = dossier.body_name(" ".join(nfc(given.issuer).split()))
        if not same_name(new_issuer, str(record.issuer or "")):
            life.authority_problem(case, k, new_issuer, reg, record=record)
            life.check_by_authority(case, k, new_issuer, dossier.profile.get("successors"))
            if k.sets_authority:
                case.authority = new_issuer
            record.issuer = new_issuer
            changed = True
    if given.signer is not None or given.signer_title is not None or given.sign_as is not None:
        signer = RecordInput(signer=given.signer or (record.signer.name if record.signer else None),
                             signer_title=given.signer_title, sign_as=given.sign_as)
        new_signer = resolve_signer(case, k, str(record.issuer), signer, dossier)
        if new_signer != record.signer:
            record.signer = new_signer
            changed = True
    if given.number is not None and given.number != record.number:
        record.number = resolve_number(k, str(record.issuer), record.date, given.number, dossier,
                                       ignore=record.number)
        changed = True
    return changed


def _change_plan(case: Case, k: KindSpec, record: Record, given: AmendInput,
                 reg: Registry) -> list[dict[str, Any]] | None:
    """The plan of a `year: plan` record follows its record's date and number and takes the
    changed targets; the old targets when they changed, else None."""
    plan = case.plan(record.year) if k.year == "plan" and record.year is not None else None
    old: list[dict[str, Any]] | None = None
    if given.targets or given.remove_targets:
        if plan is None:
            raise AnttError("services.amend.targets_only_plan", kind=kind_label(k),
                            plan=kind_label(plan_kind(reg)))
        old = [target_to(t) for t in plan.targets]
        plan.targets = change_targets(plan.targets, list(given.targets), list(given.remove_targets))
    if plan is not None:
        plan.date, plan.number = record.date, record.number
    return old
