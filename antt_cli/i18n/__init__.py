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


class KindLabel:
    """Document kinds in a sentence: each by its Vietnamese title under vi, by its CLI name
    under en — so no sentence spells a kind (docs/kinds.md: a kind is its spec). Formatted
    when the message is, in the language of that moment."""

    def __init__(self, kinds: list[tuple[str, str]]) -> None:
        self.kinds = kinds  # (name, title) pairs

    def __str__(self) -> str:
        vi = lang() == "vi"
        return "; ".join(title if vi else name for name, title in self.kinds)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def kind_label(*kinds: object) -> KindLabel:
    """The label of one or more kinds (anything with `name` and `title`, a KindSpec)."""
    return KindLabel([(str(getattr(k, "name")), str(getattr(k, "title"))) for k in kinds])


def t(key: str, /, **params: object) -> str:
    """The sentence for `key` in the current language, with `params` filled in."""
    texts = catalog().get(key)
    if texts is None:
        raise KeyError(f"message key {key!r} is not in the catalogue")
    text = texts.get(lang()) or texts["vi"]
    return text.format(**params) if params else text


def t_vi(key: str, /, **params: object) -> str:
    """The Vietnamese sentence for `key` whatever the language of the run: the wording of a
    document sent to another body (a báo cáo, its workbook) is Vietnamese (NĐ 30/2020 Điều 8)."""
    texts = catalog().get(key)
    if texts is None:
        raise KeyError(f"message key {key!r} is not in the catalogue")
    return texts["vi"].format(**params) if params else texts["vi"]
