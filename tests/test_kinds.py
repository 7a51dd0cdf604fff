"""The document kind is the unit of change: every kind is one spec (+ its template), the
registry checks the specs, no code outside them compares a kind's name, and a kind added
through a spec alone is recorded by the real CLI."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from conftest import REPO, build_steps, git, new_model, ok
from antt_cli.domain.kindrules import CHECKS, EFFECTS
from antt_cli.domain.kindspec import kind_from_data
from antt_cli.store.kinds import load_registry

REG = load_registry()
# A dict key that happens to spell a kind: the rating deadlines of docs/interpretations.md.
ALLOWED = {("antt_cli/domain/rules.py", "proposal"), ("antt_cli/domain/rating.py", "proposal")}


def test_no_code_compares_a_kind_by_name():
    names = set(REG.kinds)
    found = []
    for path in sorted((REPO / "antt_cli").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names and (rel, node.value) not in ALLOWED:
                found.append(f"{rel}:{node.lineno} {node.value!r}")
    assert found == []


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
    # without the spec the kind does not exist: a usage error listing the kinds, and a case file
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
