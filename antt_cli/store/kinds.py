"""The kind specs (package data `antt_cli/kinds/*.yaml`, docs/kinds.md) read from disk and
handed to the domain as data (`domain/kindspec.py`), so that the domain stays free of I/O.

`ANTT_KINDS=DIR` adds (or replaces) specs from another folder — a province's own kinds, or a
test's throw-away kind."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from antt_cli.domain.kindspec import Registry, registry_from_data
from antt_cli.errors import AnttError
from antt_cli.resources import keep_cached, package_dir, used_cached

SHARED = "_shared.yaml"


def _load(raw: bytes, label: str) -> Any:
    from antt_cli.store.yamlio import parse_yaml

    return parse_yaml(raw, label, fast=True)


def _spec_files(folder: str = "kinds") -> dict[str, tuple[bytes, str]]:
    """File name → (bytes, label): the shipped specs of `folder`, then ANTT_KINDS's (same name
    wins; a spec saying `letter: true` is a letter wherever it lies)."""
    files: dict[str, tuple[bytes, str]] = {}
    shipped = package_dir() / folder
    for entry in shipped.iterdir():
        if entry.name.endswith(".yaml"):
            files[entry.name] = (entry.read_bytes(), f"antt_cli/{folder}/{entry.name}")
    extra = os.environ.get("ANTT_KINDS")
    if extra:
        for path in sorted(Path(extra).glob("*.yaml")):
            files[path.name] = (path.read_bytes(), str(path))
    return files


def _cache_dir() -> Path | None:
    """Where parsed specs are kept between runs (JSON, never pickle: the folder may be shared)."""
    from antt_cli.resources import user_cache_dir

    return user_cache_dir()


def _parsed_specs(files: dict[str, tuple[bytes, str]]) -> tuple[list[Any], Any]:
    """(spec data, shared data) of the files; parsing 25 YAML files costs about 40 ms, so the
    result is cached as JSON under the hash of every file's name and bytes."""
    import hashlib
    import json

    digest = hashlib.sha1()
    for name, (raw, _) in sorted(files.items()):
        digest.update(name.encode() + b"\0" + raw + b"\0")
    folder = _cache_dir()
    cached = folder / f"kinds-{digest.hexdigest()}.json" if folder else None
    if cached is not None:
        try:
            data = json.loads(cached.read_text(encoding="utf-8"))
            specs, shared = data["specs"], data["shared"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        else:
            used_cached(cached)
            return specs, shared
    rest = dict(files)
    shared_raw, shared_label = rest.pop(SHARED, (b"{}", SHARED))
    shared = _load(shared_raw, shared_label) or {}
    specs = []
    for name, (raw, label) in sorted(rest.items()):
        data = _load(raw, label)
        if not isinstance(data, dict) or data.get("name") != name[: -len(".yaml")]:
            raise AnttError("store.bad_kind_spec", file=label, detail="name must match the file name")
        specs.append(data)
    if cached is not None:
        try:
            text = json.dumps({"specs": specs, "shared": shared}, ensure_ascii=False)
        except (TypeError, ValueError):
            text = None  # not JSON data: parsed every time
        if text is not None:
            keep_cached(cached, text.encode("utf-8"), "kinds-*.json")
    return specs, shared


@functools.lru_cache(maxsize=4)
def _registries(extra_dir: str | None) -> tuple[Registry, Registry]:
    """(the lifecycle kinds, the letters): one spec format, one parse, two registries — a
    letter (`letter: true`, antt_cli/letters/) renders like a kind but is recorded by
    `antt letter`, outside the guideline's steps (docs/templates.md)."""
    from antt_cli.domain.kindrules import CHECKS, EFFECTS

    files = _spec_files()
    files.update(_spec_files("letters"))
    specs, shared = _parsed_specs(files)
    try:
        kinds = registry_from_data([s for s in specs if not s.get("letter")], shared, set(CHECKS), set(EFFECTS))
        letters = registry_from_data([s for s in specs if s.get("letter")], shared, set(CHECKS), set(EFFECTS))
    except (ValueError, TypeError) as exc:
        raise AnttError("store.bad_kind_spec", file="antt_cli/kinds", detail=str(exc)) from None
    if letters.shared.get("own_letter", next(iter(letters.kinds), None)) not in letters:
        raise AnttError("store.bad_kind_spec", file=SHARED, detail="own_letter must name a letter of antt_cli/letters")
    return kinds, letters


def fingerprint() -> str:
    """One word for the bytes of every kind and letter spec in use (shipped and ANTT_KINDS's):
    digests computed with other specs are not used (store/shared.py)."""
    import hashlib

    files = _spec_files()
    files.update(_spec_files("letters"))
    digest = hashlib.sha1()
    for name, (raw, _) in sorted(files.items()):
        digest.update(name.encode() + b"\0" + raw + b"\0")
    return digest.hexdigest()


def load_registry() -> Registry:
    """Every document kind (cached per process)."""
    return _registries(os.environ.get("ANTT_KINDS"))[0]


def load_letters() -> Registry:
    """Every shipped letter template's spec (`antt letter`, cached per process)."""
    return _registries(os.environ.get("ANTT_KINDS"))[1]
