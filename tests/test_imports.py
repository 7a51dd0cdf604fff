"""Each command imports only what it uses (issue 14, "Startup"): `--help` none of the heavy
libraries, a whole-dossier read only rich for its table — no GitPython, docxtpl, python-docx,
openpyxl, nor ruamel (the fast loader reads the case files; ruamel only for a file written or
one the fast loader is unsure of); a `record` renders its document from the template's frame
(documents/frame.py), without docxtpl or python-docx, once the frame is made."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import build_steps, copy_dossier, new_model, ok

HEAVY = ("git", "docxtpl", "docx", "openpyxl", "ruamel.yaml", "jinja2", "lxml")
PROBE = """
import runpy, sys
sys.argv = ["antt", *sys.argv[1:]]
try:
    runpy.run_module("antt_cli", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write("LOADED " + " ".join(m for m in {heavy!r} if m in sys.modules) + "\\n")
"""


def loaded(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True, text=True,
                          encoding="utf-8")
    line = next(line for line in done.stderr.splitlines() if line.startswith("LOADED"))
    return line.split()[1:]


@pytest.mark.parametrize("args", [["--help"], ["status", "--help"], ["record", "--help"]])
def test_help_imports_no_heavy_library(args):
    assert loaded(*args) == []


def test_a_warm_whole_dossier_read_imports_no_heavy_library(launched):
    ok("status", root=launched)  # the cache is warm
    for command in (["status"], ["due"], ["status", "MH-2025-001"], ["history", "MH-2025-001"], ["history"]):
        assert loaded("--dossier", str(launched), *command) == [], command


def test_a_record_renders_without_docxtpl_once_the_template_s_frame_is_made(_built, tmp_path):
    record = ["record", "MH-2025-001", *build_steps(False)[0]]
    first, second = (copy_dossier(_built["base"], tmp_path / name) for name in ("first", "second"))
    for root in (first, second):
        new_model(root, linked=False)
    ok(*record, root=first)  # makes the frame of the survey plan's template (if no test did)
    assert loaded("--dossier", str(second), *record) == ["ruamel.yaml", "jinja2", "lxml"]
    assert (second / "models" / "MH-2025-001" / "docs").is_dir()


def test_one_case_history_loads_only_the_catalogue_layers_it_speaks_from(launched):
    """The catalogue is read a layer at a time (i18n/__init__.py): `history ID` prints with
    the cli, help and services layers, never the documents' texts."""
    probe = PROBE.format(heavy=("antt_cli.i18n.documents", "antt_cli.i18n.cli"))
    done = subprocess.run([sys.executable, "-c", probe, "--dossier", str(launched), "history", "MH-2025-001"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.stdout.strip()
    assert next(line for line in done.stderr.splitlines() if line.startswith("LOADED")).split()[1:] == \
        ["antt_cli.i18n.cli"]


def test_start_up_objects_are_set_aside_from_the_collector_and_it_runs_after():
    """cli/start.py: no collection while the app is imported, its objects frozen (the
    command's collections skip them), the collector on again for the command itself."""
    probe = """
import gc, runpy, sys
sys.argv = ["antt", "--help"]
try:
    runpy.run_module("antt_cli", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write(f"GC {gc.isenabled()} {gc.get_freeze_count()}\\n")
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8")
    enabled, frozen = next(line for line in done.stderr.splitlines() if line.startswith("GC")).split()[1:]
    assert enabled == "True" and int(frozen) > 10000
