"""Options declared once: the options record, plan and amend share come from one table
(`cli/options.py`), and a kind's spec gives a field an option of `antt record` of its own
(`option: --period`), with no line of the CLI written for it."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
import typer

from conftest import ok, refused
from test_kinds import THROWAWAY


def _params(name: str) -> dict:
    from antt_cli.cli.app import build_app

    group = typer.main.get_command(build_app())
    command = group.commands[name]
    return {p.opts[0]: p for p in command.get_params(click.Context(command)) if p.opts}


def test_record_plan_and_amend_share_one_declaration_of_their_options():
    record, plan, amend = _params("record"), _params("plan"), _params("amend")
    for option in ("--number", "--issuer", "--signer", "--signer-title", "--sign-as"):
        shapes = {(type(c[option].type).__name__, c[option].help, c[option].metavar) for c in (record, plan, amend)}
        assert len(shapes) == 1, option
    assert record["--date"].help == plan["--date"].help != amend["--date"].help  # amend's own wording
    assert {"--set", "--pdf"} <= set(plan) and "--members" not in plan


def test_period_is_the_periodic_report_specs_option():
    period = _params("record")["--period"]
    assert list(period.type.choices) == ["6-month", "annual", "ad-hoc"]
    assert "--set period=" in period.help


def test_a_spec_gives_its_field_an_option_of_record(launched, tmp_path, monkeypatch):
    specs = tmp_path / "kinds"
    specs.mkdir()
    spec = THROWAWAY.replace("    required: true\n", "    required: true\n    option: --route\n", 1)
    (specs / "patrol-log.yaml").write_text(spec, encoding="utf-8")
    monkeypatch.setenv("ANTT_KINDS", str(specs))
    assert "--route" in _params("record") and "tuyến tuần tra" in _params("record")["--route"].help
    missing = refused(launched, "record", "MH-2025-001", "patrol-log", "--date", "2026-05-02")
    assert "route" in missing.stderr
    # the option is the field: with it, the next refusal is the missing number
    given = refused(launched, "record", "MH-2025-001", "patrol-log", "--date", "2026-05-02",
                    "--route", "Đường ven biển")
    assert "route" not in given.stderr and "--number" in given.stderr
    monkeypatch.delenv("ANTT_KINDS")
    assert "--route" not in _params("record")
    assert ok("record", "--help").exit_code == 0


@pytest.mark.parametrize("argv, command", [
    (["history", "MH-2025-001"], "history"),
    (["--dossier", "d", "--json", "history"], "history"),
    (["--dossier=d", "--lang", "en", "bodies", "add"], "bodies"),
    (["status", "--json", "--dossier", "d"], "status"),       # global options after the command
    (["history", "--officer", "Kiểm"], "history"),             # history's own --officer
    (["--officer", "Kiểm", "record", "MH-2025-001"], "record"),
    (["--help"], None), (["-h", "status"], None), (["--version", "status"], None), ([], None),
    (["--", "status"], None),
])
def test_the_command_a_line_asks_for(argv, command):
    """Only the command asked for is built (cli/app.py `command_asked`); the app's own help
    and version list every command, so they get them all."""
    from antt_cli.cli.app import command_asked

    assert command_asked(argv) == command


def test_the_app_built_for_one_command_answers_as_the_whole_app(launched):
    """Run through the entry point (which builds only the command asked for): the same
    output as the whole app; a misspelt command still refused by click with exit 2."""
    from conftest import antt_process, ok

    for argv in (["history", "MH-2025-001"], ["status", "MH-2025-001"], ["--json", "history"]):
        done = antt_process("--dossier", str(launched), *argv)
        assert done.returncode == 0, done.stderr
        assert done.stdout == ok(*argv, root=launched).stdout, argv
    done = antt_process("--dossier", str(launched), "histroy", "MH-2025-001")
    assert done.returncode == 2 and "histroy" in done.stderr
    assert "history" in antt_process("history", "--help").stdout
    assert "new-model" in antt_process("--help").stdout


def test_every_command_is_built_from_the_module_that_declares_it():
    """cli/app.py COMMAND_MODULES names, for each command and group, the one module a run of
    it declares: exactly what each module declares, every module once."""
    import importlib

    from antt_cli.cli.app import COMMAND_MODULE_ORDER, COMMAND_MODULES

    declared = {}
    for module in COMMAND_MODULE_ORDER:
        app = typer.Typer()
        importlib.import_module(f"antt_cli.cli.{module}").register(app)
        for name in [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]:
            declared[name] = module
    assert declared == COMMAND_MODULES
    modules = {path.stem for path in Path(importlib.import_module("antt_cli.cli").__path__[0]).glob("*_cmd*.py")}
    assert modules - {"history_cmd"} == set(COMMAND_MODULE_ORDER)  # history_cmd: declared by dossier_cmds
