"""The read cache and the number registers (store/cache.py, docs/interpretations.md): they give
the same answers as a cold read of every case file, survive a corrupt cache file, follow a
hand edit and a `git pull` bringing other officers' commits."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import build_steps, git, ok

SURVEY = build_steps(False)[0]


def cold_registers(root: Path) -> dict[tuple[str, int], list[str]]:
    """Every register, from every case file parsed round-trip (no cache)."""
    from antt_cli.domain.digest import case_digest, register_rows
    from antt_cli.store.casefile import case_of
    from antt_cli.store.dossier import Dossier
    from antt_cli.store.kinds import load_registry
    from antt_cli.store.yamlio import parse_yaml

    dossier = Dossier.open(root)
    registers: dict[tuple[str, int], list[str]] = {}
    for case_id in dossier.case_ids():
        rel = dossier.case_relpath(case_id)
        digest = case_digest(case_of(parse_yaml((root / rel).read_bytes(), rel, fast=False)), load_registry())
        for body, year, number in register_rows(digest):
            registers.setdefault((body, year), []).append(number)
    return {key: sorted(numbers) for key, numbers in registers.items()}


def cached_registers(root: Path, keys) -> dict[tuple[str, int], list[str]]:
    from antt_cli.services.common import working_tree
    from antt_cli.store.dossier import Dossier

    dossier = Dossier.open(root, working_tree(root))
    return {key: sorted(dossier.numbers_used(*key)) for key in keys}


def cache_path(root: Path) -> Path:
    return root / ".git" / "antt" / "cases.sqlite"


def test_registers_and_status_match_a_cold_read_and_survive_a_corrupt_cache(launched):
    cold = cold_registers(launched)
    assert cold and sum(len(v) for v in cold.values()) >= 4
    shutil.rmtree(launched / ".git" / "antt", ignore_errors=True)
    first = ok("--json", "status", root=launched).stdout  # cold
    assert cached_registers(launched, cold) == cold  # from the index the read filled
    assert cached_registers(launched, cold) == cold  # warm
    assert ok("--json", "status", root=launched).stdout == first
    for junk in (b"not a database", b"SQLite format 3\x00" + b"\x00" * 100):
        cache_path(launched).write_bytes(junk)
        assert cached_registers(launched, cold) == cold
        cache_path(launched).write_bytes(junk)
        assert ok("--json", "status", root=launched).stdout == first
    import sqlite3

    with sqlite3.connect(cache_path(launched)) as db:  # registers lost: rebuilt, never wrong
        db.execute("DROP TABLE numbers")
    assert cached_registers(launched, cold) == cold


def test_registers_follow_a_hand_edit(launched):
    ok("status", root=launched)
    path = launched / "models" / "MH-2025-001" / "case.yaml"
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(r"(?m)^(\s*number: )\d+(/KH-)", r"\g<1>77\2", text, count=1)
    assert count == 1
    path.write_text(edited, encoding="utf-8")
    cold = cold_registers(launched)
    assert any("77/KH" in n for numbers in cold.values() for n in numbers)
    assert cached_registers(launched, cold) == cold
    path.write_text(text, encoding="utf-8")  # and back
    cold = cold_registers(launched)
    assert cached_registers(launched, cold) == cold


def _number(root: Path, case_id: str) -> str:
    from antt_cli.store.yamlio import load_yaml

    return str(load_yaml(root / "models" / case_id / "case.yaml")["documents"][-1]["number"])


def _open(root: Path, name: str) -> str:
    return json.loads(ok("--json", "new-model", name, "--area", f"Thôn {name}", "--date", "2025-09-01",
                         root=root).stdout)["id"]


def test_numbers_after_a_git_pull_bringing_other_commits(dossier, tmp_path):
    first = _open(dossier, "Một")
    ok("record", first, *SURVEY, root=dossier)
    ok("status", root=dossier)  # the cache is warm
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", str(dossier), str(other))
    second = _open(other, "Hai")
    ok("record", second, *SURVEY, root=other)  # another officer takes the next number
    git(dossier, "pull", "-q", "--ff-only", str(other), "HEAD")
    assert (dossier / "models" / second / "case.yaml").is_file()
    cold = cold_registers(dossier)
    assert cached_registers(dossier, cold) == cold
    third = _open(dossier, "Ba")
    ok("record", third, *SURVEY, root=dossier)  # the next after both, not a clash
    numbers = [_number(dossier, case_id) for case_id in (first, second, third)]
    assert len(set(numbers)) == 3, numbers
    assert [int(n.split("/")[0]) for n in numbers] == sorted(int(n.split("/")[0]) for n in numbers)


def test_a_write_puts_its_case_into_the_cache(dossier):
    import sqlite3

    from antt_cli.store.cache import blob_id

    case_id = _open(dossier, "Một")
    ok("record", case_id, *SURVEY, root=dossier)
    blob = blob_id((dossier / "models" / case_id / "case.yaml").read_bytes())
    with sqlite3.connect(cache_path(dossier)) as db:
        assert db.execute("SELECT 1 FROM digests WHERE blob=?", (blob,)).fetchone()
        assert [n for (n,) in db.execute("SELECT number FROM numbers WHERE blob=?", (blob,))] == [
            _number(dossier, case_id)]
    assert git(dossier, "status", "--porcelain") == ""


def test_an_entry_asked_alone_reads_its_row_alone(launched):
    """A write that misses a few files asks the cache for those entries one by one: the other
    10,000 rows are not read (store/cache.py `_row`); a damaged row is a miss, and stays one."""
    import sqlite3

    from antt_cli.domain.digest import digest_ok
    from antt_cli.store.cache import CaseCache, blob_id

    ok("status", root=launched)
    blob = blob_id((launched / "models" / "MH-2025-001" / "case.yaml").read_bytes())
    cache = CaseCache(launched, check=digest_ok)
    asked: list[str] = []
    try:
        cache.connect().set_trace_callback(asked.append)
        assert cache.has(blob) and not cache.has("0" * 40)
        read = [s for s in asked if "FROM digests" in s]
        assert len(read) == 2 and all("WHERE blob" in s for s in read), asked  # no whole-table read
    finally:
        cache.close()
    with sqlite3.connect(cache_path(launched)) as db:
        db.execute("UPDATE digests SET data = '{\"id\": 1}' WHERE blob = ?", (blob,))
    cache = CaseCache(launched, check=digest_ok)
    try:
        assert not cache.has(blob) and not cache.has(blob)
    finally:
        cache.close()
    assert ok("status", root=launched).stdout  # parsed again and mended


def test_a_cold_read_over_several_workers_gives_the_same_rows(launched, monkeypatch):
    from antt_cli.services.common import Context
    from antt_cli.services.status import dossier_status
    from antt_cli.store import parallel

    monkeypatch.setenv("ANTT_DIGESTS", "off")  # every file parsed: none taken from the shared digests
    shutil.rmtree(launched / ".git" / "antt", ignore_errors=True)
    alone = ok("--json", "status", root=launched).stdout
    broken = launched / "models" / "MH-2025-002" / "case.yaml"
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "CHUNK", 1)
    monkeypatch.setattr(parallel, "BATCH", 1)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    pooled, in_workers = [], parallel.Parser._in_workers
    monkeypatch.setattr(parallel.Parser, "_in_workers",
                        lambda *a: (pooled.append(1), (yield from in_workers(*a))))
    shutil.rmtree(launched / ".git" / "antt", ignore_errors=True)
    calls = []
    ctx = Context(root=launched, progress=lambda done, total: calls.append((done, total)))
    rows = dossier_status(ctx)
    assert calls == [(1, 2), (2, 2)] and len(pooled) == 2  # two rounds of one file, in the workers
    assert ok("--json", "status", root=launched).stdout == alone  # and warm from what the workers parsed
    assert [r["id"] for r in rows] == [r["id"] for r in json.loads(alone)]
    broken.write_text("id: MH-2025-002\nkind: [unclosed\n", encoding="utf-8")
    shutil.rmtree(launched / ".git" / "antt", ignore_errors=True)
    rows = dossier_status(Context(root=launched))
    assert [r["id"] for r in rows if r.get("error")] == ["MH-2025-002"]


def test_warm_reads_follow_edits_git_is_told_to_ignore(launched):
    """Blob ids come from git's index only for files git compares (not assume-unchanged)."""
    from antt_cli.audit.git import index_blobs
    from antt_cli.store.cache import blob_id

    rel = "models/MH-2025-001/case.yaml"
    assert index_blobs(launched, [rel]) == {}  # a copied folder: git's timestamps say nothing, the file is read
    git(launched, "update-index", "-q", "--refresh")  # as `git status` does
    first = json.loads(ok("--json", "status", root=launched).stdout)
    path = launched / rel
    assert index_blobs(launched, [rel]) == {rel: blob_id(path.read_bytes())}
    git(launched, "update-index", "--assume-unchanged", rel)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: active", "status: closing"), encoding="utf-8")
    assert index_blobs(launched, [rel]) == {}
    rows = json.loads(ok("--json", "status", root=launched).stdout)
    assert rows[0]["status"] == "closing" and first[0]["status"] == "active"
    git(launched, "update-index", "--no-assume-unchanged", rel)
    assert index_blobs(launched, [rel, "models/MH-2099-001/case.yaml"]) == {}  # edited; unknown


def test_a_register_question_sees_entries_pruned_meanwhile(launched):
    """The keys a numbered write found in the cache (`known`) are read once; that none went away
    before the register is asked (a whole-dossier read by another command pruning) is told by
    the meta token `pruned`, one row, instead of every key read again (store/cache.py
    `numbers`): a prune in between is a Damaged cache, asked again; no prune, the keys are
    not read a second time."""
    import pytest

    from antt_cli.domain.digest import digest_ok, register_rows
    from antt_cli.store.cache import CaseCache, Damaged, blob_id

    ok("status", root=launched)
    blob = blob_id((launched / "models" / "MH-2025-001" / "case.yaml").read_bytes())
    rows = _rows_of(launched, blob)
    body, year, number = rows[0]

    cache = CaseCache(launched, check=digest_ok, index=register_rows)
    asked: list[str] = []
    try:
        assert cache.known(blob)
        cache.connect().set_trace_callback(asked.append)
        assert number in cache.numbers(body, year, {blob})
        assert not [s for s in asked if "SELECT blob FROM digests" in s], asked
    finally:
        cache.close()

    import sqlite3

    with sqlite3.connect(cache_path(launched)) as db:  # entries of files long gone: enough to prune
        db.executemany("INSERT INTO digests VALUES (?, '{}')", [(f"{i:040x}",) for i in range(1, 80)])
    cache = CaseCache(launched, check=digest_ok, index=register_rows)
    try:
        assert cache.known(blob)
        other = CaseCache(launched, check=digest_ok, index=register_rows)
        try:  # another command's prune: every entry but one is stale, so they go
            other.used = {"0" * 40}
            other.save(prune=True)
        finally:
            other.close()
        assert not _rows_of(launched, blob)
        with pytest.raises(Damaged):
            cache.numbers(body, year, {blob})
    finally:
        cache.close()
    assert ok("status", root=launched).stdout  # rebuilt
    assert _rows_of(launched, blob) == rows


def _rows_of(root: Path, blob: str) -> list[tuple[str, int, str]]:
    import sqlite3

    with sqlite3.connect(cache_path(root)) as db:
        return db.execute("SELECT body, year, number FROM numbers WHERE blob=?", (blob,)).fetchall()


def test_a_register_read_after_writes_counts_only_the_files_the_cache_lacks(launched, monkeypatch):
    """Files written since git's index was last asked (their stat not the one remembered,
    store/listing.py) are read and hashed, but the cache holds their content: they are not
    missing, so a numbered write takes the register from the cache however many there are,
    not the whole-dossier path meant for a fresh clone (which it once took past 32 of them:
    a `record` at 10,000 cases went 0.41 → 0.50 s)."""
    import os

    import antt_cli.store.dossier as dossier_module

    cold = cold_registers(launched)
    assert cached_registers(launched, cold) == cold  # the cache filled
    for path in (launched / "models").glob("*/case.yaml"):  # the same bytes, another stat
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    monkeypatch.setattr(dossier_module, "_FEW_MISSES", 0)

    def bulk(*args, **kwargs):
        raise AssertionError("the whole-dossier path, for files the cache holds")

    monkeypatch.setattr(dossier_module.Dossier, "iter_digests_or_errors", bulk)
    assert cached_registers(launched, cold) == cold
