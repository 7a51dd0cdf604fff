"""A document kind as an officer types it: its CLI name (`periodic-report`), its Vietnamese
title (`Báo cáo tình hình, kết quả hoạt động của mô hình`), the title without diacritics
(`bao cao tinh hinh`), or a unique prefix of any of them, in any case (docs/commands.md,
"Kinds by name"). HD 163 §V.1 names the documents of the dossier by these titles.

Resolved among the kinds of the case's own type (a model's `review` is not an exemplar's), in
rounds from the strictest: the whole name with its diacritics, the whole name without them,
a prefix with diacritics, a prefix without them. The first round that finds kinds decides: one
kind is the answer, several are listed to choose from. Nothing found: the nearest name
(difflib) as one "có phải … không?". Pure: no I/O."""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Sequence

from antt_cli.domain.kindspec import KindSpec
from antt_cli.errors import AnttError, AnttUsageError

# A prefix shorter than this is too little to stand for a kind: "b" or "qu" recorded the wrong
# document silently far more often than it saved typing.
MIN_PREFIX = 3
# difflib's similarity (0–1) above which an unknown name is offered as a likely slip.
SUGGEST_CUTOFF = 0.6


def fold(text: str, *, accents: bool) -> str:
    """The comparison form of a kind name: case-folded, "-" and "_" as spaces, single spaces;
    without `accents` also every diacritic dropped and đ read as d ("Đề xuất" → "de xuat")."""
    value = unicodedata.normalize("NFC", text).casefold()
    value = " ".join(re.sub(r"[-_]+", " ", value).split())
    if accents:
        return value
    value = value.replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", value) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def names_of(k: KindSpec) -> tuple[str, ...]:
    """Every name a kind answers to: its CLI name, its spec's own name, its title."""
    return tuple(dict.fromkeys((k.cli, k.name, k.title)))


def _found(text: str, kinds: Sequence[KindSpec]) -> list[KindSpec]:
    rounds = ((True, False), (False, False), (True, True), (False, True))  # (accents, prefix)
    for accents, prefix in rounds:
        typed = fold(text, accents=accents)
        if not typed or (prefix and len(typed) < MIN_PREFIX):
            continue
        hits = [k for k in kinds
                if any((f.startswith(typed) if prefix else f == typed)
                       for f in (fold(n, accents=accents) for n in names_of(k)))]
        if hits:
            return hits
    return []


def nearest_kind(text: str, kinds: Sequence[KindSpec]) -> KindSpec | None:
    """The kind whose name — or the start of its name, as long as what was typed — is closest
    to `text` (a typing slip, difflib's ratio), or None when none is close enough."""
    typed = fold(text, accents=False)
    best: tuple[float, int] = (0.0, -1)
    for i, k in enumerate(kinds):
        for name in (fold(n, accents=False) for n in names_of(k)):
            forms = (name, name[:len(typed)]) if len(typed) >= MIN_PREFIX else (name,)
            for form in forms:
                ratio = difflib.SequenceMatcher(None, typed, form).ratio()
                best = max(best, (ratio, -i))  # ties: the kind first in the guideline's order
    return kinds[-best[1]] if best[0] >= SUGGEST_CUTOFF else None


def resolve_kind_name(text: str, kinds: Sequence[KindSpec]) -> KindSpec:
    """The kind among `kinds` (those of one case type) that `text` names. A name that names no
    kind, or several, is a KIND argument that does not parse (docs/commands.md: exit 2): the
    refusal lists the candidates of an ambiguous name, or names the nearest kind."""
    hits = _found(text, kinds)
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AnttUsageError("domain.kind_ambiguous", kind=text,
                        kinds="; ".join(f"{k.cli} ({k.title})" for k in hits))
    near = nearest_kind(text, kinds)
    if near is not None:
        raise AnttUsageError("domain.kind_did_you_mean", kind=text, cli=near.cli, title=near.title)
    raise AnttUsageError("domain.unknown_kind", kind=text, kinds=", ".join(k.cli for k in kinds))
