"""Vietnamese text: NFC on the way in, names compared after tone-placement normalisation,
Vietnamese collation for sorting (DOCFORMAT.md, "Vietnamese text")."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# An open syllable ending in oa / oe / uy (not after q, where u belongs to the consonant):
# the old style puts the tone on the second vowel (hoà, thuỷ), the new on the first
# (hòa, thủy). Both spellings are in use; they name the same body.
_OPEN_CLUSTER = re.compile(
    rf"(?<!q)([ou])([{_TONES}]?)([aey])([{_TONES}]?)(?![\w\u0300-\u036f])"
)


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def clean(text: str | None) -> str | None:
    """Text typed by an officer: NFC, runs of spaces as one, None when nothing is left."""
    if text is None:
        return None
    value = " ".join(nfc(str(text)).split())
    return value or None


def nfc_deep(value: Any) -> Any:
    """NFC-normalise every string inside nested dicts/lists in place (keys too, each kept at
    its position, so a round-trip YAML map keeps its order); other values as they are."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        for pos, key in enumerate(list(value.keys())):
            item = nfc_deep(value[key])
            new_key = nfc(key) if isinstance(key, str) else key
            if new_key == key:
                value[key] = item
                continue
            del value[key]
            if hasattr(value, "insert"):  # ruamel's CommentedMap
                value.insert(pos, new_key, item)
            else:
                value[new_key] = item
        return value
    if isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = nfc_deep(item)
        return value
    return value


def _move_tone(match: re.Match[str]) -> str:
    first, tone1, second, tone2 = match.groups()
    tone = tone1 or tone2
    return f"{first}{tone}{second}"


def name_key(value: str) -> str:
    """The comparison key of a body or person name: NFC, case-folded, one tone placement
    ("Uỷ ban" = "Ủy ban", "Hoà" = "Hòa"), single spaces."""
    decomposed = unicodedata.normalize("NFD", " ".join(value.split()).casefold())
    return unicodedata.normalize("NFC", _OPEN_CLUSTER.sub(_move_tone, decomposed))


def same_name(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return name_key(a) == name_key(b)


# Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# then tone (none, huyền, hỏi, ngã, sắc, nặng) as the last, weakest key.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_BASE_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONE_ORDER = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letter_key(ch: str) -> tuple[int, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _BASE_ORDER.get(base, 100 + ord(base[0]) if base else 0), _TONE_ORDER.get(tone, 0)


def collation_key(value: str) -> tuple:
    """Sort key for Vietnamese text: letters first by base letter, ties broken by tone."""
    text = nfc(value).casefold()
    letters = [_letter_key(ch) for ch in text]
    return tuple(b for b, _ in letters), tuple(t for _, t in letters)
