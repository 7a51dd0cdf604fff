"""`antt criteria ID add` on an exemplar whose criteria set is recorded: that document is
amended with the new criterion (docs/rules.md "Exemplars"; services/rating.py adds it)."""
from __future__ import annotations

import datetime as dt

from antt_cli.domain.model import Case, signer_to
from antt_cli.domain.text import nfc
from antt_cli.errors import AnttError
from antt_cli.services.common import sha256
from antt_cli.services.edits import check_unedited
from antt_cli.store.kinds import load_registry


def amend_criteria_documents(w, loaded, new_case: Case, today: dt.date, reason: str | None,
                             discard_edits: bool = False) -> list[str]:
    """`antt criteria ID add` after the case's criteria set is recorded (a kind whose spec
    says `lists_criteria`): that document is re-rendered with the new criterion as an
    amendment — the old criteria and the reason kept, the reason as a commit trailer
    (docs/rules.md). Checks the files it writes and the case file are clean; returns the
    documents rewritten (none when no such document is recorded)."""
    reg = load_registry()
    reason = " ".join(nfc(reason or "").split()) or None
    # an imported record (antt adopt) keeps its scan as issued: nothing generated to re-render
    listed = [d for d in new_case.documents if reg.get(d.kind) is not None and reg[d.kind].lists_criteria
              and not d.extra.get("imported")]
    if not listed:
        if reason:
            raise AnttError("services.exemplars.reason_not_needed")
        w.check_clean([loaded.rel], renders=False)
        return []
    if not reason:
        raise AnttError("services.exemplars.criteria_reason_required", id=new_case.id, kind=reg[listed[0].kind].cli)
    old = [{"key": c.key, "text": c.text} for c in loaded.case.criteria]
    rels = [f"{w.dossier.case_dir_rel(new_case.id)}/{record.file}" for record in listed]
    check_unedited(w, new_case, listed, discard_edits)  # a hand edit is never lost silently
    w.check_clean([*rels, loaded.rel], renders=True)
    for record, rel in zip(listed, rels):
        record.amendments.append({"on": today, "reason": reason,
                                  "old": {"criteria": old, "number": record.number, "date": record.date,
                                          "issuer": record.issuer, "signer": signer_to(record.signer)}})
        data = w.render(new_case, record)
        record.sha256 = sha256(data)
        w.write_bytes(rel, data)
    w.tx.add_trailer("Antt-Reason", reason)
    return rels
