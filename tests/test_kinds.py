"""The document kind is the unit of change: every kind is one spec (+ its template), the
registry checks the specs, no code outside them compares a kind's name, and a kind added
through a spec alone is recorded by the real CLI."""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from conftest import BACKGROUND, REPO, build_steps, git, new_model, ok
from antt_cli.domain.kindrules import CHECKS, EFFECTS
from antt_cli.domain.kindspec import kind_from_data
from antt_cli.store.kinds import load_registry

REG = load_registry()
# A dict key that happens to spell a kind: the rating deadlines of docs/interpretations.md.
ALLOWED = {("antt_cli/domain/interpretations.py", "proposal"), ("antt_cli/domain/rating.py", "proposal")}


def _templates(tree: ast.AST):
    """The string pieces code builds text from: the literal parts of every f-string and every
    `"….".format(…)` template."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield from (v for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            yield node.func.value


def kind_names_in_code(tree: ast.AST, rel: str, names: set[str]) -> list[str]:
    """`rel:line 'text'` for every string constant that is a kind's name, and every f-string or
    `.format` template that spells one."""
    spelled = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    found = [f"{rel}:{node.lineno} {node.value!r}" for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and node.value in names and (rel, node.value) not in ALLOWED]
    found += [f"{rel}:{node.lineno} {node.value!r}" for node in _templates(tree) if spelled.search(node.value)]
    return found


def test_no_code_compares_a_kind_by_name():
    names = set(REG.kinds)
    found = []
    for path in sorted((REPO / "antt_cli").rglob("*.py")):
        found += kind_names_in_code(ast.parse(path.read_text(encoding="utf-8")), path.relative_to(REPO).as_posix(),
                                    names)
    assert found == []


@pytest.mark.parametrize("code", [
    'due = f"annual-plan {year}"',
    'due = "periodic-report 6-month {}".format(year)',
    'ok = kind == "survey-plan"',
])
def test_the_kind_guard_reads_f_strings_and_format_templates(code):
    assert kind_names_in_code(ast.parse(code), "x.py", set(REG.kinds)) != []
    assert kind_names_in_code(ast.parse('due = f"kế hoạch {year}"'), "x.py", set(REG.kinds)) == []


def test_every_kind_has_its_template_and_helpful_fields():
    for k in REG:
        assert (REPO / "templates" / f"{k.name}.docx").is_file(), k.name
        assert all(f.help for f in REG.allowed_fields(k).values()), k.name
        assert k.type_codes or not k.numbered, k.name
        for r in k.requires:
            assert REG[r].order < k.order, (k.name, r)  # the table's order respects prerequisites


@pytest.mark.parametrize("bad, word", [
    ({"colour": "red"}, "colour"),
    ({"members": "sometimes"}, "members"),
    ({"checks": ["no_such_check"]}, "no_such_check"),
    ({"fields": {"x": {}}}, "help"),
    ({"issuer": "king"}, "issuer"),
])
def test_a_wrong_spec_is_refused_naming_the_key(bad, word):
    data = {"name": "x", "case": "model", "title": "X", "section": "§I", "item": 1, "step": 1,
            "type_name": "BÁO CÁO", "issuer": "proposer", **bad}
    with pytest.raises(ValueError, match=word):
        kind_from_data(data, set(CHECKS), set(EFFECTS))


THROWAWAY = """\
# A throw-away kind: a patrol log kept while the model is active.
name: patrol-log
case: model
title: Sổ nhật ký tuần tra
section: §III.1.đ
item: 11
step: 6
order: 999
type_codes: [BC]
type_name: BÁO CÁO
issuer: steering
requires: [launch]
repeatable: true
numbered: true
fields:
  route:
    help: tuyến tuần tra
    required: true
checks: []
effects: []
document:
  subject: Nhật ký tuần tra của mô hình {{ name_q }}
  body:
    - '{{ issuer }} ghi nhật ký tuần tra của mô hình {{ name_q }}:'
    - '# I. TUYẾN TUẦN TRA'
    - '{{ fields.route }}'
    - NOTE
    - Sổ được Ban Chỉ đạo kiểm tra định kỳ./.
"""


def test_a_kind_added_through_a_spec_alone_is_recorded(launched, tmp_path):
    specs = tmp_path / "kinds"
    specs.mkdir()
    (specs / "patrol-log.yaml").write_text(THROWAWAY, encoding="utf-8")
    env = {**os.environ, "ANTT_KINDS": str(specs)}
    # its template, built by the shipped builder from the spec, into the dossier's own templates/
    out = tmp_path / "built"
    subprocess.run([sys.executable, "-m", "antt_cli.documents.builder", str(out)], env=env, check=True,
                   capture_output=True)
    (launched / "templates").mkdir()
    (launched / "templates" / "patrol-log.docx").write_bytes((out / "patrol-log.docx").read_bytes())
    git(launched, "add", "templates")
    git(launched, "commit", "-q", "-m", "Mẫu sổ nhật ký tuần tra")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "antt_cli", "--dossier", str(launched), *args], env=env,
                              capture_output=True, text=True, encoding="utf-8")

    refused = run("record", "MH-2025-001", "patrol-log", "--date", "2026-05-02", "--number", "09/BC-BCĐ")
    assert refused.returncode == 1 and "route" in refused.stderr  # its required field, from the spec
    done = run("record", "MH-2025-001", "patrol-log", "--date", "2026-05-02", "--number", "09/BC-BCĐ",
               "--set", "route=Đường ven biển thôn Lâm Giáo")
    assert done.returncode == 0, done.stderr
    assert git(launched, "log", "-1", "--format=%s").startswith("[MH-2025-001] Sổ nhật ký tuần tra (số 09/BC-BCĐ)")
    docx = next((launched / "models" / "MH-2025-001" / "docs").glob("*-patrol-log.docx"))
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Đường ven biển thôn Lâm Giáo" in text and "NHẬT KÝ TUẦN TRA" in text.upper()
    # without the spec the kind does not exist: refused listing the kinds, and a case file
    # that records one is bad data naming the file
    env.pop("ANTT_KINDS")
    assert run("record", "MH-2025-002", "patrol-log").returncode == 2
    broken = run("status", "MH-2025-001")
    assert broken.returncode == 1 and "case.yaml" in broken.stderr


def test_the_repo_documents_itself():
    """Nothing in the repository points to files it does not contain (the project's shared
    folder is not shipped to users)."""
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True,
                             encoding="utf-8").stdout.split()
    pattern = ("../" + "shared", "SPEC" + ".md", "CLI" + ".md", "STYLE" + ".md", "DOCFORMAT" + ".md")
    found = []
    for rel in tracked:
        path = REPO / rel
        if path.suffix in (".docx", ".pdf", ".xlsx") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{rel}: {p}" for p in pattern if p in text]
    assert found == []


def _run_document_tests_with_a_kind_added(folder: Path, env: dict) -> tuple[str, subprocess.CompletedProcess]:
    """A copy of review.yaml under another name (its `stage` made required) and its template,
    built by the builder; then the whole document test module run with them (in the
    background, conftest.py BACKGROUND)."""
    specs = folder / "kinds"
    specs.mkdir(parents=True)
    spec = (REPO / "antt_cli" / "kinds" / "review.yaml").read_text(encoding="utf-8")
    spec = spec.replace("name: review\n", "name: review-copy\n")
    spec = spec.replace("  stage:\n    help: sơ kết hoặc tổng kết\n",
                        "  stage:\n    help: sơ kết hoặc tổng kết\n    required: true\n")
    (specs / "review-copy.yaml").write_text(spec, encoding="utf-8")
    env = {**env, "ANTT_KINDS": str(specs), "ANTT_TEMPLATES": str(folder / "templates")}
    subprocess.run([sys.executable, "-m", "antt_cli.documents.builder", str(folder / "templates")], env=env,
                   check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider",
                           str(REPO / "tests" / "test_documents.py")], cwd=REPO, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)
    return spec, done


BACKGROUND["_document_tests_with_a_kind_added"] = (_run_document_tests_with_a_kind_added, "added-kind")


@pytest.fixture(scope="session")
def _document_tests_with_a_kind_added(_background) -> tuple[str, subprocess.CompletedProcess]:
    return _background.result("_document_tests_with_a_kind_added")


def test_a_kind_added_through_a_spec_alone_is_covered_by_the_document_tests(_document_tests_with_a_kind_added):
    """A copy of review.yaml under another name (its `stage` made required) and its template,
    built by the builder, is all it takes: the whole document test module, parametrised over
    the registry, records it, refuses it without its required field and renders it, each
    test id naming it."""
    spec, done = _document_tests_with_a_kind_added
    assert "review-copy" in spec and "required: true" in spec
    assert done.returncode == 0, done.stdout[-3000:]
    passed = {line.split("::", 1)[1] for line in done.stdout.splitlines() if line.startswith("PASSED ")}
    for test in ("test_kind_has_its_template_equal_to_the_builder_output", "test_kind_default_record_is_recorded",
                 "test_kind_refused_without_its_required_field", "test_kind_rendered_document_layout"):
        assert f"{test}[review-copy]" in passed, test


def test_messages_name_kinds_through_the_registry(launched):
    """A general rule's refusal names the kinds it concerns by their title in Vietnamese and
    by their CLI name in English, from the registry — never spelled in the sentence."""
    from conftest import antt, refused

    args = ("record", "MH-2025-001", "review", "--date", "2026-05-02", "--number", "09/BC-BCĐ",
            "--approved-by", "Ủy ban nhân dân xã Hàm Thuận", "--approved-date", "2026-05-03")
    vi = refused(launched, *args).stderr
    approved = [k for k in REG if k.approval != "none"]
    assert REG["review"].title in vi and all(k.title in vi for k in approved)
    en = antt(*args, root=launched, lang="en")
    assert en.exit_code == 1 and "review takes no approval" in en.stderr
    assert all(k.name in en.stderr for k in approved) and REG["review"].title not in en.stderr


def test_plan_refused_unless_one_kind_is_recorded_by_it(launched, tmp_path, monkeypatch):
    """`antt plan` records the one kind whose spec says `command: plan`: a registry with two
    is refused naming both, and nothing changes."""
    from conftest import refused
    from antt_cli.errors import AnttError
    from antt_cli.services.plans import plan_kind

    plan = next(k for k in REG if k.command == "plan")
    assert plan_kind(REG) is plan
    with pytest.raises(AnttError) as err:
        plan_kind([])
    assert err.value.key == "services.plans.plan_kind_count"
    specs = tmp_path / "kinds"
    specs.mkdir()
    text = (REPO / "antt_cli" / "kinds" / f"{plan.name}.yaml").read_text(encoding="utf-8")
    (specs / "second-plan.yaml").write_text(text.replace(f"name: {plan.name}\n", "name: second-plan\n"),
                                            encoding="utf-8")
    monkeypatch.setenv("ANTT_KINDS", str(specs))
    result = refused(launched, "plan", "MH-2025-001", "--year", "2027", "--target", "Tuần tra=10")
    assert "command: plan" in result.stderr and plan.title in result.stderr
