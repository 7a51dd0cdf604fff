"""Vietnamese text: NFC on the way in, names compared after tone-placement normalisation,
Vietnamese collation for sorting (NĐ 30/2020, "Vietnamese text")."""
from __future__ import annotations

import functools
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


# Characters a file name cannot hold on Windows (a ":" names a drive or an NTFS stream): an
# attachment keeps its name in the dossier with each of them as "-", so the dossier can be
# checked out anywhere (docs/reliability.md, "Text in and out").
NOT_PORTABLE_IN_NAMES = ':\\*?"<>|'


def portable_name(name: str) -> str:
    """`name` (NFC) with the characters Windows refuses in a file name replaced by "-"."""
    return "".join("-" if ch in NOT_PORTABLE_IN_NAMES else ch for ch in nfc(name))


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


# Abbreviations officers write in body names (the body codes of NĐ 30/2020 Phụ lục III used
# as words: "UBND xã Hàm Thuận"), expanded before names are compared (docs/interpretations.md).
# A whole word only. `any_case`: also written in small letters ("ubnd") — only where the
# letters are no Vietnamese word; "CA" and "ĐU" count only in capitals ("ca", "đu" are words).
# The Front is named with or without "Việt Nam": `body_key` drops it after the expansion.
ABBREVIATIONS: dict[str, tuple[str, bool]] = {
    "UBND": ("Ủy ban nhân dân", True),
    "HĐND": ("Hội đồng nhân dân", True),
    "UBMTTQVN": ("Ủy ban Mặt trận Tổ quốc Việt Nam", True),
    "UBMTTQ": ("Ủy ban Mặt trận Tổ quốc", True),
    "MTTQVN": ("Mặt trận Tổ quốc Việt Nam", True),
    "MTTQ": ("Mặt trận Tổ quốc", True),
    "BCĐ": ("Ban Chỉ đạo", True),
    "CA": ("Công an", False),
    "ĐU": ("Đảng ủy", False),
}
_ANY_CASE = {key.casefold(): text for key, (text, any_case) in ABBREVIATIONS.items() if any_case}
_FRONT_VN = re.compile(r"(mặt trận tổ quốc) việt nam\b")
# Two names of bodies within this edit distance of each other (after expansion and
# normalisation) but not equal are a near miss: most likely a typing slip of a declared body.
NEAR_MISS_DISTANCE = 2


def expand_abbreviations(name: str) -> str:
    """`name` with the usual abbreviations written out: "UBND xã Hàm Thuận" → "Ủy ban nhân
    dân xã Hàm Thuận", "Ủy ban MTTQ Việt Nam xã" → "Ủy ban Mặt trận Tổ quốc Việt Nam xã"."""
    words = []
    for word in nfc(name).split():
        if word in ABBREVIATIONS:
            words.append(ABBREVIATIONS[word][0])
        else:
            words.append(_ANY_CASE.get(word.casefold(), word))
    return " ".join(words)


@functools.lru_cache(maxsize=4096)  # a dossier's registers name a few bodies thousands of times
def body_key(name: str) -> str:
    """The comparison key of a body's name: abbreviations expanded, then `name_key`; the
    Front's "Việt Nam" is optional ("Ủy ban MTTQ xã" = "Ủy ban Mặt trận Tổ quốc Việt Nam xã")."""
    return _FRONT_VN.sub(r"\1", name_key(expand_abbreviations(name)))


def same_body(a: str | None, b: str | None) -> bool:
    """Whether two names name the same body: `same_name`, or equal once abbreviations are
    written out."""
    if a is None or b is None:
        return a is b
    return same_name(a, b) or body_key(a) == body_key(b)


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance between two strings, counted in characters (so after NFC "Hải"
    and "Hài" are 1 apart). With `limit`, any distance above it is returned as limit + 1."""
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def bare(value: str) -> str:
    """`value` without any diacritic, đ read as d ("Hàm Thuận" → "Ham Thuan", "Đảng" → "Dang"):
    how a name comes out of a keyboard without Vietnamese input."""
    value = nfc(value).replace("đ", "d").replace("Đ", "D")
    return nfc("".join(c for c in unicodedata.normalize("NFD", value) if not unicodedata.combining(c)))


def _unaccented_form_of(given_key: str, known_key: str) -> bool:
    """Whether the body key `given_key` is `known_key` with some words typed without their
    diacritics: word by word, equal, or a word with no mark at all that is the known word
    bare. A word typed with marks must match them ("Hàm Thạnh" never names "Hàm Thành")."""
    given, known = given_key.split(), known_key.split()
    return len(given) == len(known) and all(
        g == k or (g == bare(g) and bare(k) == g) for g, k in zip(given, known))


def bodies_named(name: str, known: list[str]) -> list[str]:
    """The declared names among `known` that `name` names: the one `same_body` finds; else
    every one `name` is an unaccented form of ("UBND xa Ham Thuan" names "Ủy ban nhân dân xã
    Hàm Thuận") — more than one means the name alone cannot tell the bodies apart."""
    for candidate in known:
        if same_body(candidate, name):
            return [candidate]
    key = body_key(name)
    return [c for c in known if _unaccented_form_of(key, body_key(c))]


def near_miss(a: str, b: str, max_distance: int = NEAR_MISS_DISTANCE) -> bool:
    """Whether `a` is probably a slip for the body `b`: not the same body, but within
    `max_distance` edits once both are expanded and normalised (a name typed without any
    diacritic: counted on the bare letters). Names whose numbers differ ("Tổ dân phố 1", "Tổ dân phố 2") name different
    bodies, never a near miss; so do names one longer by a word such as "Bắc" (more than two
    letters)."""
    return _near_distance(a, b, max_distance) <= max_distance


def _near_distance(a: str, b: str, max_distance: int = NEAR_MISS_DISTANCE) -> int:
    key_a, key_b = body_key(a), body_key(b)
    if key_a == key_b or re.findall(r"\d+", key_a) != re.findall(r"\d+", key_b):
        return max_distance + 1
    distance = edit_distance(key_a, key_b, max_distance)
    if nfc(a) == bare(a):  # typed without any mark: a slip is counted on the bare letters
        distance = min(distance, edit_distance(bare(key_a), bare(key_b), max_distance))
    return distance


def match_body(name: str, known: list[str]) -> tuple[str | None, str | None]:
    """(the declared name `name` names, or None; else the closest near miss, or None) among
    the `known` names of declared bodies. A name without diacritics that could be more than
    one declared body is refused naming them: two bodies are never merged on a guess."""
    named = bodies_named(name, known)
    if len(named) > 1:
        from antt_cli.errors import AnttError

        raise AnttError("domain.body_ambiguous", given=name, bodies="; ".join(f"'{n}'" for n in named))
    if named:
        return named[0], None
    near = [(d, i, c) for i, c in enumerate(known)
            if (d := _near_distance(name, c)) <= NEAR_MISS_DISTANCE]
    return None, (min(near)[2] if near else None)


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
