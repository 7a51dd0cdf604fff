"""Member lists read from `--members FILE.csv` (CLI.md): columns `name, role, unit, phone`,
a header row, UTF-8 (with or without the BOM Excel writes on Windows), `,` or `;`."""
from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from antt_cli.errors import AnttError

COLUMNS = ("name", "role", "unit", "phone")


def read_members(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AnttError("store.members_missing", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnttError("store.unreadable", file=str(path), detail=str(exc)) from None
    text = unicodedata.normalize("NFC", text)
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise AnttError("store.members_empty", file=str(path))
    header = [h.strip().lower() for h in rows[0]]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown or "name" not in header:
        raise AnttError("store.members_bad_header", file=str(path), header=", ".join(rows[0]),
                        columns=", ".join(COLUMNS))
    members: list[dict[str, str]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise AnttError("store.members_bad_row", file=str(path), row=number,
                            detail=f"{len(row)} > {len(header)}")
        values = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        if not values.get("name"):
            raise AnttError("store.members_bad_row", file=str(path), row=number, detail="name")
        members.append({c: " ".join(values.get(c, "").split()) for c in COLUMNS})
    if not members:
        raise AnttError("store.members_empty", file=str(path))
    return members
