"""The services as a Python API: a script gets what the CLI gets — dossier discovery, the
recovery of a killed command's half change, typed inputs — without remembering any of it
(README "Python API", docs/architecture.md)."""
from __future__ import annotations

import signal

import pytest

from conftest import UBND, antt_process, git, new_model


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_script_opening_the_dossier_gets_a_killed_commands_change_rolled_back(dossier):
    from antt_cli.services.session import open_dossier
    from antt_cli.services.status import case_status

    case_id = new_model(dossier, linked=False)
    head = git(dossier, "rev-parse", "HEAD")
    killed = antt_process("--dossier", str(dossier), "record", case_id, "survey-plan", "--date", "2025-09-03",
                          "--number", "auto", "--approved-by", UBND, "--approved-date", "2025-09-05",
                          env={"ANTT_TEST_CRASH_AT": "written"})
    assert killed.returncode == -signal.SIGKILL
    assert (dossier / ".git" / "antt" / "journal.json").exists()

    said: list[str] = []
    ctx = open_dossier(str(dossier), reading=True, notice=said.append)
    assert not (dossier / ".git" / "antt" / "journal.json").exists() and said
    assert case_status(ctx, case_id)["documents"] == []
    assert git(dossier, "rev-parse", "HEAD") == head
    assert git(dossier, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_script_records_the_plan_and_amends_it_with_input_objects(launched):
    from antt_cli.errors import AnttError
    from antt_cli.services.amend import AmendInput, amend
    from antt_cli.services.plans import record_plan
    from antt_cli.services.record import RecordInput, record_document
    from antt_cli.services.session import open_dossier

    ctx = open_dossier(str(launched))
    given = RecordInput(year=2027, targets=["Tuần tra=50", "Vụ trộm<=2"], number="07/KH-BCĐ")
    with pytest.raises(AnttError, match="antt plan"):  # the plan kind is recorded by its own command
        record_document(ctx, "MH-2025-001", "annual-plan", given)
    done = record_plan(ctx, "MH-2025-001", given)
    assert done.kind == "annual-plan" and done.record.year == 2027 and done.commit
    fixed = amend(ctx, "MH-2025-001", "annual-plan",
                  AmendInput(reason="Tăng chỉ tiêu", year=2027, targets=["Tuần tra=60"]))
    assert fixed.record.amendments[-1]["old"]["targets"][0]["planned"] == 50
    plan = ctx.dossier().case("MH-2025-001").plan(2027)
    assert [(t.text, t.planned) for t in plan.targets] == [("Tuần tra", 60), ("Vụ trộm", 2)]
    assert git(launched, "log", "-1", "--format=%s").startswith("[MH-2025-001] Đính chính Kế hoạch hoạt động năm 2027")
