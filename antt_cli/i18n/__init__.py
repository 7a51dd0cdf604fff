"""The message catalogue: Vietnamese by default, English with --lang en or ANTT_LANG=en.

Every user-facing sentence has a key; the catalogue is one module per layer of antt, named
after it (`cli`, `services`, `domain`, `store`, `audit`, `documents`, and `help` for the help
texts of options), each exporting `MESSAGES = {key: {"vi": ..., "en": ...}}`. A key starts with
its module's name (`domain.missing_prerequisites`), so a key says where it is defined and who
raises it. Parameters are `str.format` fields; a `datetime.date` is written dd/mm/yyyy and a
`float` with a decimal comma under vi (ISO and a point under en), so callers pass the values
themselves, not their text (docs/commands.md "Global").
"""
from __future__ import annotations

import datetime as _dt
import importlib
import os
import pkgutil
import string

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


_LAYERS: dict[str, dict[str, dict[str, str]]] = {}


def _texts(key: str) -> dict[str, str] | None:
    """The texts of `key`, from the one layer module its first word names (a test holds
    every key to it): a command loads the layers it speaks from, not the 200 KB of all of
    them (issue 14, "Startup")."""
    if _CATALOG is not None:
        return _CATALOG.get(key)
    layer = key.split(".", 1)[0]
    found = _LAYERS.get(layer)
    if found is None:
        try:
            found = importlib.import_module(f"{__name__}.{layer}").MESSAGES if layer.isidentifier() else {}
        except ModuleNotFoundError:
            found = {}
        _LAYERS[layer] = found
    return found.get(key)


def has_key(key: str) -> bool:
    """Is `key` in the catalogue?"""
    return _texts(key) is not None


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


def date_text(day: _dt.date) -> str:
    """A date as a sentence writes it: dd/mm/yyyy under vi (the officer's way, NĐ 30/2020
    writes dates so), ISO under en."""
    return day.strftime("%d/%m/%Y") if lang() == "vi" else day.isoformat()


def number_text(value: float, spec: str = "") -> str:
    """A number with a decimal comma under vi (`66,7`), a point under en; a thousands
    separator asked for with `,` in `spec` becomes a point under vi."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    text = format(value, spec) if spec else (f"{value:.15g}" if value != int(value) else f"{int(value)}")
    if lang() != "vi":
        return text
    return text.translate(str.maketrans({".": ",", ",": "."}))


class _Formatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime) and not format_spec:
            return date_text(value)
        if isinstance(value, float):
            return number_text(value, format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def t(key: str, /, **params: object) -> str:
    """The sentence for `key` in the current language, with `params` filled in (dates and
    floats written as that language writes them)."""
    texts = _texts(key)
    if texts is None:
        raise KeyError(f"message key {key!r} is not in the catalogue")
    text = texts.get(lang()) or texts["vi"]
    return _FORMATTER.format(text, **params) if params else text


def t_vi(key: str, /, **params: object) -> str:
    """The Vietnamese sentence for `key` whatever the language of the run: the wording of a
    document sent to another body (a báo cáo, its workbook) is Vietnamese (NĐ 30/2020 Điều 8)."""
    texts = _texts(key)
    if texts is None:
        raise KeyError(f"message key {key!r} is not in the catalogue")
    return texts["vi"].format(**params) if params else texts["vi"]
