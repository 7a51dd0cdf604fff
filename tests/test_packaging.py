"""The package that installs: a wheel carries every module, the shipped templates, the
sample dossier and the reference docs, and antt finds them both in a checkout and where the
wheel is unpacked."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, antt

# Left out of the copy the wheel is built from: a stale build/ would put deleted modules
# back into the wheel.
_NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", ".ci-venv", "build", "dist", "*.egg-info",
                                     "__pycache__", ".pytest_cache", ".hypothesis")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "src"
    shutil.copytree(REPO, source, ignore=_NOT_SOURCE)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"),
                           str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (built,) = (tmp / "dist").glob("antt-*.whl")
    return built


def test_wheel_carries_modules_templates_and_sample(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "antt_cli").rglob("*.py")}
    templates = {f"antt_cli/templates/{p.name}" for p in (REPO / "templates").glob("*.docx")}
    sample = {f"antt_cli/sample_dossier/{p.name}" for p in (REPO / "sample_dossier").iterdir() if p.is_file()}
    assert len(templates) >= 24 and "antt_cli/sample_dossier/scenario.yaml" in sample
    # A module missing here means a new subpackage not listed in pyproject.toml's packages.
    assert modules - names == set()
    assert templates - names == set()
    assert sample - names == set()
    specs = {p.relative_to(REPO).as_posix() for p in (REPO / "antt_cli" / "kinds").glob("*.yaml")}
    assert len(specs) >= 25 and specs - names == set()  # the kind specs (antt_cli/kinds/*.yaml)


def test_unpacked_wheel_finds_its_own_data(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    code = ("from antt_cli.resources import sample_dossier_dir, shipped_templates_dir;"
            "print(shipped_templates_dir()); print(sample_dossier_dir())")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    templates, sample = (Path(line) for line in done.stdout.splitlines())
    assert templates == tmp_path / "antt_cli" / "templates"
    assert (templates / "survey-plan.docx").is_file()
    assert sample == tmp_path / "antt_cli" / "sample_dossier" and (sample / "scenario.yaml").is_file()


def test_wheel_carries_the_reference_docs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    docs = {f"antt_cli/docs/{p.name}" for p in (REPO / "docs").glob("*.md")}
    assert {"antt_cli/docs/rules.md", "antt_cli/docs/huong-dan-su-dung.md", "antt_cli/docs/members.vi.md"} <= docs
    assert docs - names == set()


def test_unpacked_wheel_prints_help_from_its_own_docs(wheel, tmp_path):
    """`antt help rules` run from the unpacked wheel, outside the repository, prints the copy
    inside the package (the repository's docs/ are not reachable from there)."""
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    marker = "\n<!-- packaged copy -->\n"
    packaged = tmp_path / "site" / "antt_cli" / "docs" / "rules.md"
    packaged.write_text(packaged.read_text(encoding="utf-8") + marker, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    done = subprocess.run([sys.executable, "-m", "antt_cli", "help", "rules"], cwd=outside, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") in done.stdout
    assert marker in done.stdout


def test_checkout_finds_templates_and_sample():
    from antt_cli.documents.render import shipped_dir
    from antt_cli.resources import sample_dossier_dir, shipped_templates_dir

    assert (shipped_templates_dir() / "survey-plan.docx").is_file()
    assert (sample_dossier_dir() / "scenario.yaml").is_file()
    assert shipped_dir() == shipped_templates_dir()


def test_antt_templates_env_still_wins(tmp_path, monkeypatch):
    from antt_cli.documents.render import template_path

    monkeypatch.setenv("ANTT_TEMPLATES", str(tmp_path))
    assert template_path("survey-plan", None) == tmp_path / "survey-plan.docx"


def test_version():
    from antt_cli import __version__

    result = antt("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"antt {__version__}"
