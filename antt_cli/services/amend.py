"""`antt amend` — correct a recorded document's number, date, issuer or signer, or an annual
plan's targets (docs/rules.md: the correction and its reason are kept; nothing is silently
overwritten)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from antt_cli.domain import lifecycle as life
from antt_cli.domain.model import YES_NO, Target, signer_to, target_to
from antt_cli.domain.plans import find_target
from antt_cli.domain.text import name_key, nfc, same_name
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import kind_label
from antt_cli.services.common import Context, sha256, writing
from antt_cli.services.plans import parse_targets, plan_kind
from antt_cli.services.record import RecordInput, RecordResult, resolve_number, resolve_signer
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


def amend(ctx: Context, case_id: str, kind: str, *, reason: str, number: str | None = None,
          date: dt.date | None = None, issuer: str | None = None, signer: str | None = None,
          signer_title: str | None = None, sign_as: str | None = None, year: int | None = None,
          targets: list[str] | None = None, remove_targets: list[str] | None = None) -> RecordResult:
    reason = " ".join(nfc(reason or "").split())
    if not reason:
        raise AnttError("services.amend.reason_required")
    reg = load_registry()
    with writing(ctx, action=f"amend {kind}", case_id=case_id, trailers=[("Antt-Reason", reason)]) as w:
        loaded = w.load_case(case_id)
        case = loaded.case.copy()
        life.check_open(case)
        k = life.kind_spec(reg, kind, case.kind)
        found = [i for i, d in enumerate(case.documents)
                 if d.kind == k.name and (year is None or d.year == year)]
        if not found:
            raise AnttError("services.amend.not_recorded", id=case_id, kind=k.name)
        if year is None and len({case.documents[i].year for i in found}) > 1:
            years = ", ".join(str(case.documents[i].year) for i in found)
            raise AnttUsageError("services.amend.year_required", kind=k.name, years=years)
        index = found[-1]
        before = case.documents[index]
        record = replace(before, fields=dict(before.fields), amendments=list(before.amendments))
        case.documents[index] = record
        old = {"number": before.number, "date": before.date, "issuer": before.issuer,
               "signer": signer_to(before.signer)}
        changed = False
        if date is not None and date != before.date:
            record.date = date
            life.check_dates(case, k, record, ctx.today, reg)
            changed = True
        if issuer is not None:
            new_issuer = w.dossier.body_name(" ".join(nfc(issuer).split()))
            if not same_name(new_issuer, str(before.issuer or "")):
                life.authority_problem(case, k, new_issuer, reg, record=record)
                if k.sets_authority:
                    case.authority = new_issuer
                record.issuer = new_issuer
                changed = True
        if signer is not None or signer_title is not None or sign_as is not None:
            given = RecordInput(signer=signer or (before.signer.name if before.signer else None),
                                signer_title=signer_title, sign_as=sign_as)
            new_signer = resolve_signer(case, k, str(record.issuer), given, w.dossier)
            if new_signer != before.signer:
                record.signer = new_signer
                changed = True
        if number is not None and number != before.number:
            record.number = resolve_number(k, str(record.issuer), record.date, number, w.dossier,
                                           ignore=before.number)
            changed = True
        plan = case.plan(record.year) if k.command == "plan" and record.year is not None else None
        if targets or remove_targets:
            if plan is None:
                raise AnttError("services.amend.targets_only_plan", kind=kind_label(k), plan=kind_label(plan_kind(reg)))
            old["targets"] = [target_to(t) for t in plan.targets]
            plan.targets = change_targets(plan.targets, list(targets or []), list(remove_targets or []))
            changed = True
        if not changed:
            raise AnttError("services.amend.nothing", id=case_id, kind=k.name)
        if plan is not None:
            plan.date, plan.number = record.date, record.number
        record.amendments.append({"on": ctx.today, "reason": reason, "old": old})
        rel = f"{w.dossier.case_dir_rel(case_id)}/{record.file}"
        w.check_clean([rel, loaded.rel], renders=True)
        data = w.render(case, record)
        record.sha256 = sha256(data)
        w.write_bytes(rel, data)
        w.write_text(loaded.rel, loaded.text(case))
        w.summary = life.summary_line(case_id, f"Đính chính {k.summary_text(record.year)}", record)
    return RecordResult(case_id, k.name, record, rel, w.tx.sha)
