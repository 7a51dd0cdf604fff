"""The spreadsheet of `antt adopt` (docs/commands.md): a CSV (UTF-8 with or without the BOM
Excel writes, `,` `;` or tab) or the first sheet of an XLSX workbook (openpyxl, read-only),
as rows of text. What the cells mean is the domain's (domain/adoption.py); here only how
they are read: every cell as NFC text, a date cell of Excel as `YYYY-MM-DD`, a whole number
without its `.0`."""
from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from pathlib import Path

from antt_cli.errors import AnttError

MAX_FILE = 20 * 1024 * 1024  # bytes: thousands of documents are far below this
MAX_CELL = 4096              # characters in one cell
SUFFIXES = (".csv", ".xlsx")


def read_sheet(path: Path) -> list[tuple[int, list[str]]]:
    """(row number as the spreadsheet shows it, its cells) of every row, the header first;
    blank rows left out. Refused: a file that is missing, too large, of another type, or
    unreadable."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise AnttError("store.sheet_type", file=str(path), types=", ".join(SUFFIXES))
    try:
        size = path.stat().st_size
    except OSError:
        raise AnttError("store.sheet_missing", file=str(path)) from None
    if not path.is_file():
        raise AnttError("store.sheet_missing", file=str(path))
    if size > MAX_FILE:
        raise AnttError("store.sheet_too_big", file=str(path), mb=MAX_FILE // 1048576)
    rows = _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)
    kept = []
    for number, cells in rows:
        texts = [_text(c) for c in cells]
        if any(len(c) > MAX_CELL for c in texts):
            raise AnttError("store.sheet_cell_too_long", file=str(path), row=number, limit=MAX_CELL)
        if any(texts):
            kept.append((number, texts))
    if not kept:
        raise AnttError("store.sheet_empty", file=str(path))
    return kept


def _csv_rows(path: Path) -> list[tuple[int, list[object]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnttError("store.unreadable", file=str(path), detail=str(exc)) from None
    first = text.splitlines()[0] if text else ","
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [(n, list(row)) for n, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]
    except csv.Error as exc:
        raise AnttError("store.unreadable", file=str(path), detail=str(exc)) from None


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    """The first worksheet's rows (openpyxl read-only: a large workbook is streamed)."""
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign file: one sentence, not a traceback
        raise AnttError("store.unreadable", file=str(path), detail=f"{type(exc).__name__}: {exc}") from None
    try:
        sheet = book.worksheets[0]
        return [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()


def _text(value: object) -> str:
    """A cell as text: Excel's dates as ISO dates, whole numbers without `.0`, NFC."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", " ".join(str(value).split()))
