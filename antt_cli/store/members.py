"""Member lists read from `--members FILE.csv` (docs/members.md, `antt help members`): columns
`name, role, unit, phone` — or their Vietnamese headers `Họ tên, Chức vụ, Đơn vị, SĐT` —, a
header row, UTF-8 (with or without the BOM Excel writes on Windows), `,` or `;`."""
from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from antt_cli.errors import AnttError

COLUMNS = ("name", "role", "unit", "phone")
# The headers a Vietnamese sheet has, each folded as `_header` folds what the file says (no
# case, no diacritics, single spaces): "Họ tên" / "HỌ VÀ TÊN" / "ho ten" are all `name`.
HEADERS = {
    "name": "name", "ho ten": "name", "ho va ten": "name",
    "role": "role", "chuc vu": "role",
    "unit": "unit", "don vi": "unit",
    "phone": "phone", "sdt": "phone", "so dien thoai": "phone", "dien thoai": "phone",
}
MAX_CELL = 4096  # characters in one cell: a name, a role, a unit, a phone number
MAX_FILE = 5 * 1024 * 1024  # bytes: a member list of thousands of rows is far below this


def read_members(path: Path) -> list[dict[str, str]]:
    try:
        if path.stat().st_size > MAX_FILE:
            raise AnttError("store.csv_bad_file", file=str(path), row=1, detail=f"> {MAX_FILE // 1048576} MB",
                            limit=MAX_CELL)
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
    rows = _rows(text, dialect, path)
    if not rows:
        raise AnttError("store.members_empty", file=str(path))
    header = [HEADERS.get(_header(h), "") for h in rows[0]]
    if "" in header or "name" not in header or len(set(header)) < len(header):
        raise AnttError("store.members_bad_header", file=str(path), header=", ".join(rows[0]),
                        columns=", ".join(COLUMNS))
    members: list[dict[str, str]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise AnttError("store.members_bad_row", file=str(path), row=number,
                            detail=f"{len(row)} > {len(header)}")
        for i, cell in enumerate(row):
            _check_cell(cell, path, number, header[i] if i < len(header) else str(i + 1))
        values = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        if not values.get("name"):
            raise AnttError("store.members_bad_row", file=str(path), row=number, detail="name")
        members.append({c: " ".join(values.get(c, "").split()) for c in COLUMNS})
    if not members:
        raise AnttError("store.members_empty", file=str(path))
    return members


def _header(cell: str) -> str:
    """A header cell as HEADERS spells it: case-folded, without diacritics (đ as d), one space
    between words, "." dropped ("SĐT" → "sdt", "Họ và tên" → "ho va ten")."""
    value = unicodedata.normalize("NFD", cell.casefold().replace("đ", "d").replace(".", " "))
    return " ".join("".join(c for c in value if not unicodedata.combining(c)).split())


def _rows(text: str, dialect, path: Path) -> list[list[str]]:
    """Every row; a malformed file (a cell over the limit, a stray quote the csv module
    rejects) is a refusal naming the file and row, not an internal error."""
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[list[str]] = []
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL)
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return rows
            except csv.Error as exc:
                raise AnttError("store.csv_bad_file", file=str(path), row=reader.line_num, detail=str(exc),
                                limit=MAX_CELL) from None
            rows.append(row)
    finally:
        csv.field_size_limit(previous)


def _check_cell(cell: str, path: Path, row: int, column: str) -> None:
    """NUL and other control characters are refused (a cell is one line of text)."""
    from antt_cli.hygiene import problem
    from antt_cli.i18n import t

    found = problem(cell)
    if found is not None:
        key, params = found
        raise AnttError("store.csv_bad_cell", file=str(path), row=row, column=column, problem=t(key, **params))
