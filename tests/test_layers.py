"""The layer order of docs/architecture.md, read from the tree with `ast` (every import,
also those inside functions): each layer imports only the layers below it, and no module
reaches itself again through its imports."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "antt_cli"
# A layer → the layers it may import besides itself (docs/architecture.md, "Layers").
MAY_IMPORT = {
    "cli": {"services", "reports", "i18n", "errors", "hygiene"},
    "services": {"domain", "store", "audit", "documents", "reports", "i18n", "errors", "hygiene", "resources"},
    "reports": {"domain", "i18n", "errors"},
    "documents": {"domain", "store", "i18n", "errors", "resources"},
    "store": {"domain", "i18n", "errors", "hygiene", "resources"},
    "audit": {"i18n", "errors"},
    "domain": {"i18n", "errors"},  # i18n: kind names in messages (`kind_label`)
    "errors": {"i18n"},
    "i18n": set(),
    "hygiene": set(),
    "resources": set(),
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(text: str, package: str) -> list[tuple[int, str]]:
    """(line, module) of every `antt_cli` import in the source `text` of a module of
    `package`, also inside functions."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{a.name}" for a in node.names]
            # `from antt_cli.services import choices` imports a module; `from x import name` its module
            found += [(node.lineno, n if _exists(n) else base) for n in names]
    return [(line, name) for line, name in found if name.split(".")[0] == "antt_cli"]


def _exists(module: str) -> bool:
    rel = Path(*module.split("."))
    return (REPO / rel).with_suffix(".py").is_file() or (REPO / rel / "__init__.py").is_file()


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _sources() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if p.name != "__main__.py" and p.parent != PACKAGE
            or p.name in ("errors.py", "hygiene.py", "resources.py")]


def test_every_layer_imports_only_the_layers_below_it():
    wrong = []
    for path in _sources():
        layer = _layer(_module(path))
        assert layer in MAY_IMPORT, f"{path}: a module outside the layers of docs/architecture.md"
        for line, name in _imports(path):
            other = _layer(name)
            if other is not None and other != layer and other not in MAY_IMPORT[layer]:
                wrong.append(f"{path.relative_to(REPO)}:{line} {layer} → {name}")
    assert wrong == []


def test_no_module_imports_itself_through_others():
    graph = {_module(p): {n for _, n in _imports(p) if _exists(n)} for p in sorted(PACKAGE.rglob("*.py"))}
    cycles = []

    def visit(module: str, path: list[str], done: set[str]) -> None:
        for nxt in sorted(graph.get(module, ())):
            if nxt in path:
                cycles.append(" → ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in done:
                done.add(nxt)
                visit(nxt, path + [nxt], done)

    for start in sorted(graph):
        visit(start, [start], {start})
    assert sorted(set(cycles)) == []


def test_the_reader_sees_every_form_of_import():
    """An import inside a function, a relative one, `from package import module`, `import x`."""
    text = ("import antt_cli.reports.status\nfrom ..audit import git\nfrom antt_cli.domain import vocab\n"
            "def f():\n    from antt_cli.store.dossier import find_root\n")
    assert sorted(name for _, name in _imports_in(text, "antt_cli.cli")) == [
        "antt_cli.audit.git", "antt_cli.domain.vocab", "antt_cli.reports.status", "antt_cli.store.dossier"]


def test_service_functions_are_short_and_take_an_input_object():
    """docs/architecture.md: no service function over 60 lines or with more than 8 parameters
    (a use case takes one input object: RecordInput, AmendInput, NewModelInput, InitInput, BodyInput)."""
    too_big = []
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                a = node.args
                count = len(a.posonlyargs) + len(a.args) + len(a.kwonlyargs) + bool(a.vararg) + bool(a.kwarg)
                lines = node.end_lineno - node.lineno + 1
                if lines > 60 or count > 8:
                    too_big.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}: {lines} lines, {count} parameters")
    assert too_big == []
