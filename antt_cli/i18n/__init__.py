"""The message catalogue: Vietnamese by default, English with --lang en or ANTT_LANG=en.

Every user-facing sentence has a key; the catalogues live in `catalog_*.py` modules (one per
layer, so that layers can add their messages without touching each other), each exporting
`MESSAGES = {key: {"vi": ..., "en": ...}}`. Parameters are `str.format` fields.
"""
from __future__ import annotations

import importlib
import os
import pkgutil

_LANG: str | None = None
_CATALOG: dict[str, dict[str, str]] | None = None
LANGS = ("vi", "en")


def set_lang(lang: str | None) -> None:
    global _LANG
    _LANG = lang


def lang() -> str:
    chosen = _LANG or os.environ.get("ANTT_LANG") or "vi"
    return chosen if chosen in LANGS else "vi"


def catalog() -> dict[str, dict[str, str]]:
    global _CATALOG
    if _CATALOG is None:
        merged: dict[str, dict[str, str]] = {}
        for info in pkgutil.iter_modules(__path__):
            if info.name.startswith("catalog_"):
                module = importlib.import_module(f"{__name__}.{info.name}")
                for key, texts in module.MESSAGES.items():
                    if key in merged:
                        raise RuntimeError(f"message key {key!r} defined twice")
                    merged[key] = texts
        _CATALOG = merged
    return _CATALOG


def t(key: str, /, **params: object) -> str:
    """The sentence for `key` in the current language, with `params` filled in."""
    texts = catalog().get(key)
    if texts is None:
        raise KeyError(f"message key {key!r} is not in the catalogue")
    text = texts.get(lang()) or texts["vi"]
    return text.format(**params) if params else text
