"""The message catalogue: Vietnamese by default, English with --lang en or ANTT_LANG=en.

Every user-facing sentence has a key; the catalogue is one module per layer of antt, named
after it (`cli`, `services`, `domain`, `store`, `audit`, `documents`, and `help` for the help
texts of options), each exporting `MESSAGES = {key: {"vi": ..., "en": ...}}`. A key starts with
its module's name (`domain.missing_prerequisites`), so a key says where it is defined and who
raises it. Parameters are `str.format` fields.
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
