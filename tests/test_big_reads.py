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

from conftest import copy_dossier, ok, refused


@pytest.fixture(scope="module")
def demo(_demo_built, tmp_path_factory) -> Path:
    return copy_dossier(_demo_built[0], tmp_path_factory.mktemp("big") / "demo")


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


@pytest.mark.parametrize("table, args, junk", [
    ("digests", ("--json", "summary", "--year", "2026"), '{"id": 1}'),  # a reader of whole digests
    ("briefs", ("--json", "status"), "[1, 2]"),  # the readers of the briefs (domain/digest.py BRIEF_KEYS)
    ("briefs", ("--json", "due"), "not json"),
    ("briefs", ("--json", "status"), '["MH-2025-001"' + ', "x"' * 20 + "]"),
])
def test_a_damaged_entry_is_parsed_again_and_mended(demo, tmp_path, table, args, junk):
    import shutil

    from antt_cli.store.cache import blob_id

    root = Path(shutil.copytree(demo, tmp_path / "demo"))
    first = ok(*args, root=root).stdout
    db_path = root / ".git" / "antt" / "cases.sqlite"
    blob = blob_id((root / "models" / "MH-2025-001" / "case.yaml").read_bytes())
    with sqlite3.connect(db_path) as db:
        (good,) = db.execute(f"SELECT data FROM {table} WHERE blob=?", (blob,)).fetchone()
        db.execute(f"UPDATE {table} SET data=? WHERE blob=?", (junk, blob))
    assert ok(*args, root=root).stdout == first
    with sqlite3.connect(db_path) as db:
        (data,) = db.execute(f"SELECT data FROM {table} WHERE blob=?", (blob,)).fetchone()
    assert data == good  # written back whole


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


class Asked(dict):
    """A digest that remembers which of its keys were read."""

    def __init__(self, value: dict, asked: set) -> None:
        super().__init__(value)
        self.asked = asked

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)


def demo_digests(root: Path) -> list[dict]:
    from antt_cli.services.common import working_tree
    from antt_cli.store.dossier import Dossier

    return list(Dossier.open(root, working_tree(root)).iter_digests())


@pytest.mark.parametrize("day", ["2025-01-01", "2025-11-20", "2026-06-20", "2026-11-12", "2027-11-06", "2030-01-01"])
def test_status_and_due_read_only_the_brief(demo, day):
    """`antt status` and `antt due` are drawn from the briefs the read cache keeps
    (domain/digest.py BRIEF_KEYS): their readers ask a digest for no other key, and a
    brief gives them what the whole digest gives."""
    from antt_cli.domain.deadlines import next_due, obligations
    from antt_cli.domain.digest import BRIEF_KEYS, brief_of
    from antt_cli.domain.interpretations import Rules
    from antt_cli.reports.status import status_row
    from antt_cli.store.kinds import load_registry

    today, reg, rules, asked = dt.date.fromisoformat(day), load_registry(), Rules(), set()
    digests = demo_digests(demo)
    assert {d["kind"] for d in digests} == {"model", "exemplar"} and len(digests) >= 8
    for digest in digests:
        whole = Asked(digest, asked)
        row, owed = status_row(whole, today, rules, reg), obligations(whole, today, rules)
        assert (str(whole["id"]), str(whole["name"])) == (str(digest["id"]), str(digest["name"]))  # due's
        brief = brief_of(digest)
        assert status_row(brief, today, rules, reg) == row and obligations(brief, today, rules) == owed
        assert next_due(brief, today, rules) == next_due(digest, today, rules)
    assert asked <= set(BRIEF_KEYS), asked - set(BRIEF_KEYS)


def test_a_brief_is_stored_as_it_is_read_and_a_bad_one_is_a_miss(demo):
    from antt_cli.domain import digest as d
    from antt_cli.store.cache import Brief

    codec = Brief(d.BRIEF_KEYS, d.BRIEF_DATES, d.BRIEF_DATED, d.brief_ok)
    digests = demo_digests(demo)
    for digest in digests:
        text = codec.encode(digest)
        assert codec.decode(text) == d.brief_of(digest) and d.brief_ok(codec.decode(text))
    good = json.loads(codec.encode(next(x for x in digests if x["met"])))
    where = {key: i for i, key in enumerate(d.BRIEF_KEYS)}

    def changed(key, value):
        row = list(good)
        row[where[key]] = value
        return json.dumps(row)

    for text in ["", "null", "{}", json.dumps(good[:-1]), json.dumps(good + [None]),
                 changed("id", 7), changed("kind", None), changed("step", "3"), changed("linked", "yes"),
                 changed("opened", "2026-13-01"), changed("launched", 20260101), changed("late_steps", "x"),
                 changed("late_steps", [1]), changed("met", [["plan", 2026]]), changed("met", [["plan", "2026", None]]),
                 changed("met", [["plan", 2026, "31/12/2025"]]), changed("plan_years", ["2026"]),
                 changed("reassessed", None), changed("rating_year", "2026")]:
        assert codec.decode(text) is None, text
    assert codec.decode(json.dumps(good)) is not None  # the unchanged row is good


def test_a_big_table_drawn_plain_is_aligned_in_terminal_cells(capsys):
    """`_print_plain` (status and due above the rich limit): each column as wide as its widest
    cell counted in terminal cells, two spaces between, no space at a line's end — the
    same lines as drawing each row on its own."""
    import unicodedata

    from rich.cells import cell_len

    from antt_cli.cli.dossier_cmds import _print_plain

    name = "Tổ tự quản thôn Lâm Giáo"  # NFC, and below the same in combining marks (fewer cells than characters)
    header = ["Mã", "Tên mô hình dài hơn mọi ô", "Hạn"]
    cells = [("MH-2025-001", unicodedata.normalize("NFD", name), "04/11/2026"),
             ("MH-2025-002", name, ""), ("DH-2025-001", "x", "—"), ("MH-2025-001", "", "04/11/2026")]
    _print_plain(header, cells)
    lines = capsys.readouterr().out.splitlines()
    widths = [max(cell_len(row[i]) for row in [header, *cells]) for i in range(3)]
    expected = ["  ".join(c + " " * (w - cell_len(c)) for c, w in zip(row, widths)).rstrip()
                for row in [header, ["-" * w for w in widths], *cells]]
    expected[1] = "  ".join("-" * w for w in widths)
    assert lines == expected
