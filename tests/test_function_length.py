"""No function of any layer of antt (cli/, domain/, services/, documents/, audit/, store/,
reports/, i18n/) is longer than 60 lines (docs/architecture.md: small named parts — the
template context, the dossier items, each command; docs/kinds.md), measured with `ast`."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LIMIT = 60


def long_functions(folder: Path, limit: int = LIMIT, root: Path = REPO) -> list[str]:
    """`path:line name (N lines)` of every function or method in `folder` longer than `limit`."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > limit:
                    found.append(f"{path.relative_to(root).as_posix()}:{node.lineno} {node.name} ({length} lines)")
    return found


LAYERS = ("cli", "domain", "services", "documents", "audit", "store", "reports", "i18n")


@pytest.mark.parametrize("layer", LAYERS)
def test_no_function_of_the_layer_is_longer_than_60_lines(layer):
    assert long_functions(REPO / "antt_cli" / layer) == []


def test_the_measure_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    (tmp_path / "m.py").write_text(f"def short():\n    pass\n\n\ndef long():\n{body}\n", encoding="utf-8")
    assert long_functions(tmp_path, root=tmp_path) == [f"m.py:5 long ({LIMIT + 1} lines)"]
