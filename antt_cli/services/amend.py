"""`antt amend` — correct a recorded document's number, date, issuer or signer (SPEC §3: the
correction and its reason are kept; nothing is silently overwritten)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from antt_cli.domain import lifecycle as life
from antt_cli.domain.dates import as_date
from antt_cli.domain.kinds import KINDS, STEP4_DECISIONS, prerequisites
from antt_cli.domain.text import nfc, same_name
from antt_cli.errors import AnttError
from antt_cli.services.common import Context, sha256, transaction
from antt_cli.domain.plans import plan_of
from antt_cli.services.record import RecordInput, render, resolve_number, resolve_signer, summary_line
from antt_cli.store.yamlio import flow_map, new_seq


def _check_dates(case: Any, kind: str, day: dt.date, today: dt.date, first: bool) -> None:
    if day > today:
        raise AnttError("domain.date_in_future", date=day.isoformat(), today=today.isoformat())
    linked = bool(case.get("linked"))
    k = KINDS[kind]
    for name in prerequisites(k, linked):
        for prior in life.records_of(case, name):
            prior_day = as_date(prior.get("date"))
            if prior_day and day < prior_day:
                raise AnttError("domain.date_before_prerequisite", kind=kind, date=day.isoformat(),
                                prior=name, prior_date=prior_day.isoformat())
    # Later kinds follow the first document of a kind (a later year's plan follows launch).
    for later in KINDS.values() if first else ():
        if kind in prerequisites(later, linked):
            for doc in life.records_of(case, later.name):
                later_day = as_date(doc.get("date"))
                if later_day and later_day < day:
                    raise AnttError("amend.after_dependent", kind=kind, date=day.isoformat(),
                                    later=later.name, later_date=later_day.isoformat())


def amend(ctx: Context, case_id: str, kind: str, *, reason: str, number: str | None = None,
          date: dt.date | None = None, issuer: str | None = None, signer: str | None = None,
          signer_title: str | None = None, sign_as: str | None = None, year: int | None = None,
          targets: list[str] | None = None) -> Any:
    dossier = ctx.dossier()
    case = dossier.load_case(case_id)
    if case.get("status") == "closed":
        raise AnttError("domain.case_closed", id=case_id)
    k = life.model_kind(kind)
    reason = " ".join(nfc(reason or "").split())
    if not reason:
        raise AnttError("amend.reason_required")
    found = [d for d in life.records_of(case, k.name) if year is None or str(d.get("year")) == str(year)]
    record = found[-1] if found else None
    if record is None:
        raise AnttError("amend.not_recorded", id=case_id, kind=k.name)
    old = flow_map([("number", record.get("number")), ("date", record.get("date")),
                    ("issuer", record.get("issuer")), ("signer", dict(record.get("signer") or {}))])
    changed = False
    if date is not None and date != as_date(record.get("date")):
        _check_dates(case, k.name, date, ctx.today, first=life.records_of(case, k.name)[0] is record)
        if k.name == "survey-plan" and as_date(record.get("approved_date")) and date > as_date(record["approved_date"]):
            raise AnttError("domain.approval_before_plan", approved=record["approved_date"], date=date.isoformat())
        record["date"] = date
        changed = True
    if issuer is not None:
        new_issuer = dossier.body_name(" ".join(nfc(issuer).split()))
        if not same_name(new_issuer, str(record.get("issuer") or "")):
            if k.name in STEP4_DECISIONS:
                others = [d for name in STEP4_DECISIONS for d in life.records_of(case, name) if d is not record]
                if any(not same_name(str(d.get("issuer")), new_issuer) for d in others):
                    raise AnttError("domain.issuer_not_authority", kind=k.name, issuer=new_issuer,
                                    authority=case.get("authority"))
                case["authority"] = new_issuer
            record["issuer"] = new_issuer
            changed = True
    if signer is not None or signer_title is not None or sign_as is not None:
        given = RecordInput(signer=signer or (record.get("signer") or {}).get("name"),
                            signer_title=signer_title, sign_as=sign_as)
        new_signer = resolve_signer(case, k, str(record["issuer"]), given, dossier)
        if dict(new_signer) != dict(record.get("signer") or {}):
            record["signer"] = new_signer
            changed = True
    if number is not None and number != record.get("number"):
        day = as_date(record["date"])
        record["number"] = resolve_number(k, str(record["issuer"]), day, number, dossier,
                                          ignore=record.get("number"))
        changed = True
    plan = plan_of(case, record["year"]) if k.name == "annual-plan" else None
    if targets:
        if plan is None:
            raise AnttError("amend.targets_only_plan", kind=k.name)
        old["targets"] = [dict(t) for t in plan.get("targets") or []]
        plan["targets"] = _replace_targets(plan.get("targets") or [], targets)
        changed = True
    if not changed:
        raise AnttError("amend.nothing", id=case_id, kind=k.name)
    if plan is not None:
        plan["date"] = record["date"]
        plan["number"] = record.get("number")
    amendments = record.get("amendments")
    if amendments is None:
        amendments = record["amendments"] = new_seq()
    amendments.append(flow_map([("on", ctx.today), ("reason", reason), ("old", old)]))
    data = render(dossier, case, record)
    record["sha256"] = sha256(data)
    rel = f"{dossier.case_dir_rel(case_id)}/{record['file']}"
    summary = summary_line(case_id, f"Đính chính {k.title}", record)
    with transaction(ctx, dossier, summary=summary, action=f"amend {k.name}", case_id=case_id,
                     extra_trailers=[("Antt-Reason", reason)]) as tx:
        tx.check_clean([rel, dossier.case_relpath(case_id)])
        tx.write_bytes(rel, data)
        tx.write_text(dossier.case_relpath(case_id), dossier.dump(case))
    return record


def _replace_targets(current: list, specs: list[str]) -> Any:
    """The plan's new targets; a target kept under the same text and form keeps what was
    achieved so far."""
    from antt_cli.domain.plans import YES_NO
    from antt_cli.domain.text import name_key
    from antt_cli.services.plans import parse_targets

    rows = []
    for t in parse_targets(specs):
        before = next((c for c in current if name_key(str(c["text"])) == name_key(t["text"])
                       and c.get("op") == t["op"]), None)
        pairs = [("text", t["text"]), ("op", t["op"])]
        if t["op"] == YES_NO:
            pairs.append(("done", bool(before and before.get("done"))))
        else:
            pairs += [("planned", t["planned"]), ("achieved", before.get("achieved") if before else None)]
        rows.append(flow_map(pairs))
    return new_seq(rows)
