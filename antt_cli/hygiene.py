"""Input hygiene at the edge and safe text at the terminal (docs/commands.md "Global").

Pure functions, no I/O. Values typed on the command line and read from CSV files are
checked before anything runs: bytes that are not UTF-8 (Python hands them over as lone
surrogates, `\\udcff`) and control characters (NUL, ESC, …; tab and newline only where a
field takes free text) are refused with the option or cell named. Text printed to a
terminal goes through `safe`, so an escape sequence in a hand-edited case file is shown as
`\\x1b[…`, never executed by the terminal.
"""
from __future__ import annotations

import unicodedata

FREE_TEXT_CONTROLS = "\t\n"


def problem(text: str, *, free_text: bool = False) -> tuple[str, dict[str, str]] | None:
    """Why `text` cannot be taken: ("store.problem.utf8", {}) | ("store.problem.control",
    {"code": "U+001B"}) | None. `free_text` lets tab and newline through."""
    if text.isprintable():
        return None
    for ch in text:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return "store.problem.utf8", {}
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
        elif unicodedata.category(ch) == "Cc" and ch not in keep:
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
