"""Whole-dossier reads at a province's scale (issue "scale", docs/interpretations.md): `status`
and `due` give the same rows whichever way they are drawn (rich up to RICH_TABLE_MAX_ROWS
rows, plain aligned text above), `--json` lists are written a block at a time with the very
bytes `json.dumps(indent=2)` gives, and the read cache hands its entries over a batch at a
time (bounded memory) and mends a damaged one."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import sqlite3
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from conftest import ok, refused


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big") / "demo"
    ok("demo", str(root))
    return root


def as_json_dumps(text: str) -> str:
    """What the whole-string writer printed: json.dumps(indent=2) of the same data."""
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("args", [["status"], ["due"], ["due", "--date", "2027-11-06"], ["due", "--date", "2020-01-01"]])
def test_json_lists_are_the_bytes_json_dumps_gives(demo, args):
    out = ok("--json", *args, root=demo).stdout
    assert out == as_json_dumps(out)
    assert json.loads(out) or args[-1] == "2020-01-01"


@dataclasses.dataclass
class _Row:
    name: str
    day: dt.date
    tags: tuple


@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_streamed_list_matches_json_dumps_for_every_shape(ascii_only, monkeypatch):
    from antt_cli.cli import common
    from antt_cli.services.common import jsonable

    monkeypatch.setattr(common, "_JSON_BLOCK", 2)  # blocks joined across their boundaries
    data = [{"id": "MH-2026-001", "n": 1.5, "ok": True, "none": None, "tên": "Tổ \"tự quản\"\nthôn"},
            {"nested": {"a": [1, {"b": []}], "c": {}}, "empty": [], "day": dt.date(2026, 5, 4)},
            _Row("Đồn", dt.date(2026, 11, 4), ("x", 2)), "a string", 3, None, [], {}, [[1, 2], []],
            {"id": "MH-2026-002", "late_steps": [], "extra": {}, "step": 0, "overdue": False},
            {"id": "MH-2026-003", "late_steps": ["decide"], "step": None},
            {1: 1e-07, 2.5: float("nan"), True: 1e300, None: -0.0, "t": ("a", ("b",), [])}, -7, 2.0, False]
    out = io.StringIO()
    with redirect_stdout(out):
        common._emit_list(data, ascii_only)
    assert out.getvalue() == json.dumps(jsonable(data), ensure_ascii=ascii_only, indent=2)
    # the same elements one level in, as `check --json` streams its cases
    shaped = {"ok": False, "cases": data, "empty": [], "none": None, "more": {"a": [1]}}
    out = io.StringIO()
    with redirect_stdout(out):
        common._emit_object(shaped, ascii_only)
    assert out.getvalue() == json.dumps(jsonable(shaped), ensure_ascii=ascii_only, indent=2) + "\n"


def plain_rows(text: str) -> list[list[str]]:
    """The rows of a plain table (header, dashes, rows), cut at the dashes' columns, in
    terminal cells."""
    from rich.cells import cell_len

    lines = text.splitlines()
    assert re.fullmatch(r"-+(  -+)*", lines[1]), lines[1]
    starts = [m.start() for m in re.finditer(r"-+", lines[1])]
    rows = []
    for line in [lines[0], *lines[2:]]:
        cells, width = [], 0
        for ch in line:  # split by terminal cells, not characters
            cells.append((width, ch))
            width += cell_len(ch)
        parts = []
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else 10 ** 9
            parts.append("".join(ch for at, ch in cells if start <= at < end).rstrip())
        rows.append(parts)
    return rows


def test_due_drawn_plain_above_the_rich_limit_has_the_same_rows(demo, monkeypatch):
    from antt_cli.cli import dossier_cmds

    items = json.loads(ok("--json", "due", root=demo).stdout)
    assert 3 <= len(items) <= dossier_cmds.RICH_TABLE_MAX_ROWS
    rich_text = ok("due", root=demo).stdout
    assert "┃" in rich_text or "│" in rich_text  # a small dossier: rich's table
    monkeypatch.setattr(dossier_cmds, "RICH_TABLE_MAX_ROWS", 0)
    rows = plain_rows(ok("due", root=demo).stdout)
    assert rows[0] == ["Ngày cuối", "Còn", "Mã", "Tên", "Việc phải làm", "Theo hướng dẫn"]
    wanted = [[dt.date.fromisoformat(i["due"]).strftime("%d/%m/%Y"),
               f"QUÁ HẠN {-i['days']} ngày" if i["overdue"] else f"còn {i['days']} ngày",
               i["id"], i["name"], i["title"], i["deadline"]] for i in items]
    assert rows[1:] == wanted
    for item in items:  # every row the rich table showed is there (rich folds long cells)
        assert item["id"] in rich_text and item["deadline"] in rich_text


def test_status_drawn_plain_has_the_rows_of_the_json(demo, monkeypatch):
    from antt_cli.cli import dossier_cmds

    rows_json = json.loads(ok("--json", "status", root=demo).stdout)
    monkeypatch.setattr(dossier_cmds, "RICH_TABLE_MAX_ROWS", 0)
    rows = plain_rows(ok("status", root=demo).stdout)
    assert [r[0] for r in rows[1:]] == [r["id"] for r in rows_json]
    assert [r[1] for r in rows[1:]] == [r["name"] for r in rows_json]
    assert [r[4] for r in rows[1:]] == [str(r["step"]) for r in rows_json]


def test_left_days_are_worded_like_the_catalogue():
    from antt_cli.i18n import t

    assert t("cli.due.days_over", days=217) == "QUÁ HẠN 217 ngày"
    assert t("cli.due.days_left", days=3) == "còn 3 ngày"


def test_refusals_are_unchanged(demo):
    refused(demo, "due", "MH-2099-001")
    refused(demo, "due", "--date", "31/02/2026", code=2)
    refused(demo, "status", "--date", "2026-13-01", code=2)


def test_the_cache_hands_its_entries_over_a_batch_at_a_time(tmp_path):
    import tracemalloc

    from antt_cli.store import cache as cachemod

    (tmp_path / ".git").mkdir()
    entry = {"id": "x", "days": [{"$date": "2026-05-04"}] * 40, "words": ["Tổ tự quản thôn Lâm Giáo"] * 40}
    keys = [f"{i:040x}" for i in range(3 * cachemod.STREAM_BATCH)]
    filling = cachemod.CaseCache(tmp_path)
    for key in keys:
        filling.put(key, json.loads(json.dumps(entry), object_hook=cachemod.decode))
    filling.save()
    filling.close()

    def peak(read) -> int:
        cache = cachemod.CaseCache(tmp_path)
        tracemalloc.start()
        try:
            read(cache)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            cache.close()

    def streamed(cache) -> None:
        count = 0
        for key, value in cache.stored(keys):
            assert value is not None and value["days"][0] == dt.date(2026, 5, 4)
            count += 1
        assert count == len(keys)

    def whole(cache) -> None:
        held = [cache.get_keyed(key, None, lambda raw: raw) for key in keys]
        assert len(held) == len(keys)

    held, streaming = peak(whole), peak(streamed)
    assert streaming < held / 2, (streaming, held)


def test_a_damaged_entry_is_parsed_again_and_mended(demo, tmp_path):
    import shutil

    root = Path(shutil.copytree(demo, tmp_path / "demo"))
    first = ok("--json", "status", root=root).stdout
    db_path = root / ".git" / "antt" / "cases.sqlite"
    with sqlite3.connect(db_path) as db:
        (blob,) = db.execute("SELECT blob FROM digests LIMIT 1").fetchone()
        db.execute("UPDATE digests SET data='{\"id\": 1}' WHERE blob=?", (blob,))
    assert ok("--json", "status", root=root).stdout == first
    with sqlite3.connect(db_path) as db:
        (data,) = db.execute("SELECT data FROM digests WHERE blob=?", (blob,)).fetchone()
    assert json.loads(data)["id"] != 1  # written back whole


@pytest.mark.parametrize("terminal", [False, True])
def test_the_progress_bar_shows_on_a_terminal_after_a_second_only(terminal, monkeypatch, capsys):
    import time

    from antt_cli.cli import dossier_cmds

    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(dossier_cmds.STATE, "json", False)  # whatever command ran before in this process
    monkeypatch.setenv("TTY_COMPATIBLE", "1" if terminal else "0")  # rich's own switch
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    with dossier_cmds._reading_progress() as advance:
        advance(1, 10)  # within the first second: nothing
        assert capsys.readouterr().err == ""
        clock[0] += 1.5
        advance(5, 10)
        advance(10, 10)
    assert bool(capsys.readouterr().err) is terminal
