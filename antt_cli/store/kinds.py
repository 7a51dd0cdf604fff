"""The kind specs (package data `antt_cli/kinds/*.yaml`, docs/kinds.md) read from disk and
handed to the domain as data (`domain/kindspec.py`), so that the domain stays free of I/O.

`ANTT_KINDS=DIR` adds (or replaces) specs from another folder — a province's own kinds, or a
test's throw-away kind."""
from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path
from typing import Any

from antt_cli.domain.kindspec import Registry, registry_from_data
from antt_cli.errors import AnttError

SHARED = "_shared.yaml"


def _load(raw: bytes, label: str) -> Any:
    from antt_cli.store.yamlio import parse_yaml

    return parse_yaml(raw, label, fast=True)


def _spec_files() -> dict[str, tuple[bytes, str]]:
    """File name → (bytes, label): the shipped specs, then ANTT_KINDS's (same name wins)."""
    files: dict[str, tuple[bytes, str]] = {}
    shipped = resources.files("antt_cli") / "kinds"
    for entry in shipped.iterdir():
        if entry.name.endswith(".yaml"):
            files[entry.name] = (entry.read_bytes(), f"antt_cli/kinds/{entry.name}")
    extra = os.environ.get("ANTT_KINDS")
    if extra:
        for path in sorted(Path(extra).glob("*.yaml")):
            files[path.name] = (path.read_bytes(), str(path))
    return files


@functools.lru_cache(maxsize=4)
def _registry(extra_dir: str | None) -> Registry:
    from antt_cli.domain.kindrules import CHECKS, EFFECTS

    files = _spec_files()
    shared_raw, shared_label = files.pop(SHARED, (b"{}", SHARED))
    shared = _load(shared_raw, shared_label) or {}
    specs = []
    for name, (raw, label) in sorted(files.items()):
        data = _load(raw, label)
        if not isinstance(data, dict) or data.get("name") != name[: -len(".yaml")]:
            raise AnttError("store.bad_kind_spec", file=label, detail="name must match the file name")
        specs.append(data)
    try:
        return registry_from_data(specs, shared, set(CHECKS), set(EFFECTS))
    except (ValueError, TypeError) as exc:
        raise AnttError("store.bad_kind_spec", file="antt_cli/kinds", detail=str(exc)) from None


def load_registry() -> Registry:
    """Every document kind (cached per process)."""
    return _registry(os.environ.get("ANTT_KINDS"))
