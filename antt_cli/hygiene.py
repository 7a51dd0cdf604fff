"""Input hygiene at the edge and safe text at the terminal (docs/commands.md "Global").

Pure functions, no I/O. Values typed on the command line and read from CSV files are
checked before anything runs: bytes that are not UTF-8 (Python hands them over as lone
surrogates, `\\udcff`) and control characters (NUL, ESC, …; tab and newline only where a
field takes free text) are refused with the option or cell named. Text printed to a
terminal goes through `safe`, so an escape sequence in a hand-edited case file is shown as
`\\x1b[…`, never executed by the terminal; a bidi override or zero-width character as
`\\u202e`.
"""
from __future__ import annotations

import unicodedata

FREE_TEXT_CONTROLS = "\t\n"

# Characters that change how text reads without being seen: bidi embeddings and overrides
# (U+202A–U+202E), bidi isolates (U+2066–U+2069), zero-width space, non-joiner, joiner
# (U+200B–U+200D), word joiner (U+2060) and the byte order mark inside text (U+FEFF). A name
# holding U+202E shows "Tổ tự quản exe.pdf" for what is stored as "…fdp.exe"; two names that
# differ by a zero-width space look the same. Refused in typed values and in files.
INVISIBLE = frozenset([*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)),
                       "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])


def problem(text: str, *, free_text: bool = False) -> tuple[str, dict[str, str]] | None:
    """Why `text` cannot be taken: ("store.problem.utf8", {}) | ("store.problem.control",
    {"code": "U+001B"}) | ("store.problem.invisible", {"code": "U+202E"}) | None. `free_text`
    lets tab and newline through."""
    if text.isprintable():
        return None
    for ch in text:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return "store.problem.utf8", {}
        if ch in INVISIBLE:
            return "store.problem.invisible", {"code": f"U+{code:04X}"}
        if unicodedata.category(ch) == "Cc" and not (free_text and ch in FREE_TEXT_CONTROLS):
            return "store.problem.control", {"code": f"U+{code:04X}"}
    return None


def safe(text: str, keep: str = "") -> str:
    """`text` with control characters and undecodable bytes made visible (`\\x1b`,
    `\\xff`), except those in `keep`."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        elif (ch in INVISIBLE or unicodedata.category(ch) == "Cc") and ch not in keep:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def safe_deep(value):
    """`safe` applied to every string inside dicts, lists and tuples (newlines kept)."""
    if isinstance(value, str):
        return safe(value, keep="\n")
    if isinstance(value, dict):
        return {k: safe_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(safe_deep(v) for v in value)
    return value
