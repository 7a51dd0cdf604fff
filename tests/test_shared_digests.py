"""Digests that travel with the dossier (store/shared.py, audit/digest_ref.py,
docs/reliability.md): a clone reads without parsing and shows exactly what a cold read shows;
a stale entry misses; a hostile or broken set is ignored entry by entry; parallel exports
leave a valid branch; an export touches nothing but its own branch."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import antt, git, ok, snapshot

BRANCH = "refs/heads/antt-digests"
READS = (("--json", "status"), ("--json", "due"), ("status",), ("due",), ("--json", "check"), ("check",),
         ("--json", "summary", "--year", "2026"))


@pytest.fixture
def parses(monkeypatch):
    """How many case files this process parses (in-process, one by one)."""
    import antt_cli.store.dossier as dossier_module
    import antt_cli.store.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10 ** 9)  # no worker processes: every parse counted here
    counted = {"n": 0}
    original = dossier_module.Dossier._parsed

    def counting(self, raw, case_id, rel):
        counted["n"] += 1
        return original(self, raw, case_id, rel)

    monkeypatch.setattr(dossier_module.Dossier, "_parsed", counting)
    return counted


def outputs(root: Path) -> list[tuple[int, str, str]]:
    return [(r.exit_code, r.stdout, r.stderr) for r in (antt(*args, root=root) for args in READS)]


def cold_outputs(root: Path, monkeypatch) -> list[tuple[int, str, str]]:
    """What a read shows from the case files alone: no cache, no shared digests."""
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    wipe_cache(root)
    found = outputs(root)
    wipe_cache(root)
    monkeypatch.delenv("ANTT_DIGESTS")
    return found


def wipe_cache(root: Path) -> None:
    import shutil

    shutil.rmtree(root / ".git" / "antt", ignore_errors=True)


def clone(origin: Path, where: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(origin), str(where)], check=True, capture_output=True)
    return where


def export(root: Path, monkeypatch) -> str:
    """Make the shared digests now (a whole read under ANTT_DIGESTS=always); their commit."""
    monkeypatch.setenv("ANTT_DIGESTS", "always")
    wipe_cache(root)
    ok("status", root=root)
    monkeypatch.delenv("ANTT_DIGESTS")
    return git(root, "rev-parse", BRANCH).strip()


def test_a_clone_reads_without_parsing_and_shows_what_a_cold_read_shows(launched, tmp_path, monkeypatch, parses):
    cold = cold_outputs(launched, monkeypatch)
    before = snapshot(launched)
    index = (launched / ".git" / "index").read_bytes()
    head = git(launched, "symbolic-ref", "HEAD")
    commit = export(launched, monkeypatch)
    # the export touched its branch only: files, status, HEAD, HEAD's branch and the index as they were
    assert snapshot(launched) == before and git(launched, "symbolic-ref", "HEAD") == head
    assert (launched / ".git" / "index").read_bytes() == index
    assert git(launched, "rev-list", "--count", BRANCH).strip() == "1"  # one parentless commit
    assert git(launched, "log", "-1", "--format=%an", BRANCH).strip() == "antt"
    assert not (launched / ".git" / "logs" / "refs" / "heads" / "antt-digests").exists()  # no reflog: old sets are garbage
    names = git(launched, "ls-tree", "--name-only", BRANCH).split()
    assert names and all(len(n) == 2 for n in names)

    copy = clone(launched, tmp_path / "clone")
    assert git(copy, "rev-parse", "refs/remotes/origin/antt-digests").strip() == commit
    parses["n"] = 0
    assert outputs(copy) == cold
    assert parses["n"] == 0  # not one case file parsed
    # the set holds no entry of `antt check` (status made it): check judged every case from its
    # files, found nothing to say about the branch, and wrote its entries beside the digests
    assert "antt-digests" not in json.dumps(cold)
    assert [n for n in git(copy, "ls-tree", "--name-only", BRANCH).split() if not n.startswith("check-")] == names
    parses["n"] = 0
    wipe_cache(copy)
    local = git(copy, "rev-parse", BRANCH).strip()
    ok("status", root=copy)
    assert parses["n"] == 0 and git(copy, "rev-parse", BRANCH).strip() == local  # nothing lagging: no export


def test_a_stale_entry_misses_and_its_case_is_parsed(launched, tmp_path, monkeypatch, parses):
    export(launched, monkeypatch)
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "12", root=launched)
    monkeypatch.delenv("ANTT_DIGESTS")
    cold = cold_outputs(launched, monkeypatch)
    copy = clone(launched, tmp_path / "clone")
    parses["n"] = 0
    ok("status", root=copy)
    assert parses["n"] == 1  # MH-2025-001 changed since the export; MH-2025-002 came from the branch
    assert outputs(copy) == cold


def test_a_clone_read_while_a_writer_holds_the_lock_takes_heads_digests(launched, tmp_path, monkeypatch, parses):
    """While a writer is at work the read shows HEAD (docs/reliability.md): HEAD's blob ids
    are the ones the set was written for, so nothing is parsed there either."""
    from test_reads_under_lock import edit_in_working_tree, writer_holding_lock

    export(launched, monkeypatch)
    copy = clone(launched, tmp_path / "clone")
    committed = antt("--json", "status", root=copy).stdout
    wipe_cache(copy)
    edit_in_working_tree(copy)
    with writer_holding_lock(copy):
        parses["n"] = 0
        result = antt("--json", "status", root=copy)
    assert result.exit_code == 0 and result.stdout == committed and parses["n"] == 0


def _entries(root: Path, commit: str) -> dict[str, str]:
    """{blob id: JSON text} of the set at `commit`, and its header line."""
    found = {}
    for name in git(root, "ls-tree", "--name-only", commit).split():
        lines = git(root, "cat-file", "blob", f"{commit}:{name}").splitlines()
        found["header"] = lines[0]
        found.update(line.split(" ", 1) for line in lines[1:])
    return found


def _plant(root: Path, buckets: dict[str, bytes]) -> None:
    """Point the branch at a commit of these blobs (a set written by someone else)."""
    listing = b""
    for name, data in buckets.items():
        blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=root, input=data, capture_output=True,
                              check=True).stdout.decode().strip()
        listing += f"100644 blob {blob}\t{name}\n".encode()
    tree = subprocess.run(["git", "mktree"], cwd=root, input=listing, capture_output=True, check=True).stdout.decode().strip()
    commit = git(root, "commit-tree", tree, "-m", "planted").strip()
    git(root, "update-ref", BRANCH, commit)


def _with(entry: str, **changes) -> str:
    value = json.loads(entry)
    value.update(changes)
    return json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("damage", [
    "bad version", "other context", "wrong types", "huge string", "wrong blob id", "date out of range",
    "not json", "a bad date", "missing key", "extra key", "wrong id", "bad summary", "bool for int",
])
def test_a_hostile_or_broken_set_is_ignored_entry_by_entry(launched, tmp_path, monkeypatch, parses, damage):
    commit = export(launched, monkeypatch)
    cold = cold_outputs(launched, monkeypatch)
    entries = _entries(launched, commit)
    header = entries.pop("header")
    (first, one), (second, two) = sorted(entries.items())
    if damage == "bad version":
        header = header.replace("antt-digests 1 ", "antt-digests 2 ")
    elif damage == "other context":
        header = header[:-4] + "0000"
    elif damage == "wrong types":
        one = _with(one, step="3", linked="no")
    elif damage == "huge string":
        one = _with(one, name="x" * 200_000)
    elif damage == "wrong blob id":  # each entry filed under the other file's blob id
        one, two = two, one
    elif damage == "date out of range":
        one = _with(one, opened={"$date": "9999-12-31"})
    elif damage == "not json":
        one = one[:-5]
    elif damage == "a bad date":
        one = _with(one, launched={"$date": 20250101})
    elif damage == "missing key":
        one = json.dumps({k: v for k, v in json.loads(one).items() if k != "met"})
    elif damage == "extra key":
        one = _with(one, extra=1)
    elif damage == "wrong id":
        one = _with(one, id=json.loads(two)["id"])
    elif damage == "bad summary":
        value = json.loads(one)
        value["summary"]["years"] = {"2026": {"proposed": 5}}
        one = json.dumps(value)
    elif damage == "bool for int":
        one = _with(one, step=True)
    buckets: dict[str, list[str]] = {}
    for key, text in ((first, one), (second, two)):
        buckets.setdefault(key[:2], []).append(f"{key} {text}\n")
    _plant(launched, {name: (header + "\n" + "".join(lines)).encode() for name, lines in buckets.items()}
           | {"zz": b"not a bucket", "README": b"hello"})
    copy = clone(launched, tmp_path / "clone")
    parses["n"] = 0
    assert outputs(copy) == cold
    whole_set = damage in ("bad version", "other context", "wrong blob id")
    assert parses["n"] == (2 if whole_set else 1)


def test_parallel_readers_exporting_at_once_leave_a_valid_branch(launched, tmp_path, monkeypatch, parses):
    cold = cold_outputs(launched, monkeypatch)
    runs = [subprocess.Popen([sys.executable, "-m", "antt_cli", "--dossier", str(launched), "status"],
                             env={**os.environ, "ANTT_DIGESTS": "always"},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    for run in runs:
        run.communicate(timeout=300)
        assert run.returncode == 0
    assert git(launched, "rev-list", "--count", BRANCH).strip() == "1"
    git(launched, "fsck", "--no-dangling", "--no-progress")
    assert not list((launched / ".git" / "refs").rglob("*.lock"))
    copy = clone(launched, tmp_path / "clone")
    parses["n"] = 0
    assert outputs(copy) == cold and parses["n"] == 0


def test_when_the_set_is_written_again(launched, tmp_path, monkeypatch, parses):
    """auto: a first set once there is a digest, then only once the cache gained enough since
    the last export; off: never read nor written."""
    from antt_cli.store import shared

    monkeypatch.setenv("ANTT_DIGESTS", "off")
    ok("status", root=launched)
    assert not git(launched, "branch", "--list", "antt-digests").strip()
    monkeypatch.delenv("ANTT_DIGESTS")
    import sqlite3

    with sqlite3.connect(launched / ".git" / "antt" / "cases.sqlite") as db:  # the warm cache of an older antt
        db.execute("DELETE FROM meta WHERE key IN ('unshared', 'shared')")
    ok("status", root=launched)  # no set anywhere: a first one, so that `git push origin +antt-digests` has one to send
    first = git(launched, "rev-parse", BRANCH)
    assert parses["n"] == 0  # the cache of the fixture is warm: nothing parsed, a set written all the same
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "12", root=launched)
    ok("status", root=launched)
    assert git(launched, "rev-parse", BRANCH) == first  # 1 added: fewer than SHARE_MIN
    monkeypatch.setattr(shared, "SHARE_MIN", 1)
    ok("status", root=launched)  # the write counted
    second = git(launched, "rev-parse", BRANCH)
    assert second != first and git(launched, "rev-list", "--count", BRANCH).strip() == "1"
    ok("status", root=launched)
    assert git(launched, "rev-parse", BRANCH) == second  # nothing added since: not written again
    monkeypatch.setattr(shared, "SHARE_MIN", 100)

    copy = clone(launched, tmp_path / "clone")
    parses["n"] = 0
    ok("status", root=copy)  # everything taken from origin's set: no set of its own needed yet
    assert parses["n"] == 0 and not git(copy, "branch", "--list", "antt-digests").strip()
    ok("progress", "MH-2025-002", "--year", "2026", "--target", "Tuần tra", "--achieved", "7", root=copy)
    ok("status", root=copy)  # a digest of its own: its first set, the unchanged bucket kept from origin's
    changed = git(copy, "rev-parse", "HEAD:models/MH-2025-002/case.yaml").strip()[:2]
    gone = git(copy, "rev-parse", "origin/main:models/MH-2025-002/case.yaml").strip()[:2]
    mine = {line.split("\t")[1]: line for line in git(copy, "ls-tree", BRANCH).splitlines()}
    origin = {line.split("\t")[1]: line for line in git(copy, "ls-tree", "refs/remotes/origin/antt-digests").splitlines()}
    assert changed in mine and mine[changed] != origin.get(changed)
    assert all(mine.get(name) == line for name, line in origin.items() if name not in (changed, gone))
    assert len(origin.keys() - {changed, gone}) >= 1

    # a set made elsewhere, then off: not read (the clone parses)
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    wipe_cache(copy)
    parses["n"] = 0
    ok("status", root=copy)
    assert parses["n"] == 2


@pytest.mark.parametrize("unshared,total,mode,expected", [
    (0, 10_000, "always", False), (1, 10, "always", True), (5, 10, "off", False),
    (99, 10, "auto", False), (100, 10, "auto", True), (199, 10_000, "auto", False), (200, 10_000, "auto", True),
])
def test_due(unshared, total, mode, expected):
    from antt_cli.store.shared import due

    assert due(unshared, total, mode) is expected


@pytest.mark.parametrize("value,spec,expected", [
    ("a" * 10_000, "str", True), ("a" * 10_001, "str", False), (None, "str?", True), (None, "str", False),
    (dt.date(2000, 1, 1), "date?", True), (dt.date(1999, 12, 31), "date?", False), (dt.date(2100, 1, 1), "date", False),
    (dt.datetime(2026, 1, 1), "date", False), (2099, "year", True), (2100, "year", False), (True, "year", False),
    (100, "step", True), (101, "step", False), (-1, "step", False), (float("nan"), "float?", False),
    (1e12, "float?", True), (1e13, "float?", False), (1, "float?", False), ([2026] * 5_000, ("list", "year"), True),
    ([2026] * 5_001, ("list", "year"), False), (("a", 2026), ("tuple", "str", "year"), True),
    (["a", 2026], ("tuple", "str", "year"), False), (("a",), ("tuple", "str", "year"), False),
    ({"2026": True}, ("years", "bool"), True), ({"26": True}, ("years", "bool"), False),
    ({"٢٠٢٦": True}, ("years", "bool"), False), ({"a": 1}, ("dict", {"a": "step", "b": "str?"}), False),
])
def test_shape_bounds(value, spec, expected):
    from antt_cli.store.shared import shape_ok

    assert shape_ok(value, spec) is expected


def test_a_bucket_is_read_only_under_its_header_and_name():
    from antt_cli.store.shared import bucket_bytes, read_bucket

    key = "ab" + "0" * 38
    data = {"ab": bucket_bytes("ctx", [(key, '{"x":1}')]), "cd": bucket_bytes("ctx", [("cd" + "1" * 38, "{}")])}
    assert read_bucket("ab", data["ab"], "ctx") == {key: b'{"x":1}'}
    assert read_bucket("ab", data["ab"], "other") == {}
    assert read_bucket("cd", data["ab"], "ctx") == {}  # an entry in the wrong bucket
    assert read_bucket("ab", data["ab"].replace(b"ab000", b"AB000"), "ctx") == {}


def test_a_clones_first_numbered_write_fills_its_registers_from_the_shared_digests(launched, tmp_path, monkeypatch,
                                                                                     parses):
    """`record --number auto` in a fresh clone: the number registers come from the shared
    digests (store/dossier.py numbers_used), not from parsing every case; the same number
    as a clone that parses them."""
    from antt_cli.store import dossier as dossier_module

    monkeypatch.setattr(dossier_module, "_FEW_MISSES", 0)  # the fixture's two cases count as many
    export(launched, monkeypatch)
    found = {}
    for mode in ("auto", "off"):
        monkeypatch.setenv("ANTT_DIGESTS", mode)
        copy = clone(launched, tmp_path / f"clone-{mode}")
        made = json.loads(ok("--json", "new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date",
                             "2025-09-01", root=copy).stdout)["id"]
        parses["n"] = 0
        result = antt("--json", "record", made, "survey-plan", "--date", "2025-09-03", "--number", "auto",
                      "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05", root=copy)
        found[mode] = (result.exit_code, json.loads(result.stdout).get("number") if result.exit_code == 0 else
                       result.stderr, parses["n"])
    monkeypatch.delenv("ANTT_DIGESTS")
    assert found["auto"][:2] == found["off"][:2] and found["auto"][0] == 0 and found["auto"][1]
    assert found["auto"][2] < found["off"][2], found


def cache_rows(root: Path) -> dict[str, list]:
    """Every row of the read cache's digests, briefs and number registers, sorted."""
    import sqlite3

    with sqlite3.connect(root / ".git" / "antt" / "cases.sqlite") as db:
        return {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in ("digests", "briefs", "numbers")}


def test_a_clones_first_read_holds_a_batch_at_a_time_and_fills_the_same_cache(launched, tmp_path, monkeypatch, parses):
    """The digests a fresh clone takes from the shared set are written to the read cache a
    batch at a time and let go (store/cache.py `flush`), so its first read holds one batch,
    not the whole dossier's: the same answers and the same cache as a read that holds them all."""
    from antt_cli.store import cache as cache_module

    cold = cold_outputs(launched, monkeypatch)
    export(launched, monkeypatch)
    whole = clone(launched, tmp_path / "whole")
    assert outputs(whole) == cold
    held = {"most": 0, "flushes": 0}
    put, flush = cache_module.CaseCache.put, cache_module.CaseCache.flush

    def counting_put(self, key, value, **kwargs):
        put(self, key, value, **kwargs)
        held["most"] = max(held["most"], len(self.new))

    def counting_flush(self, at_least=1):
        before = len(self.new)
        flush(self, at_least)
        held["flushes"] += before > len(self.new)

    monkeypatch.setattr(cache_module, "STREAM_BATCH", 1)
    monkeypatch.setattr(cache_module.CaseCache, "put", counting_put)
    monkeypatch.setattr(cache_module.CaseCache, "flush", counting_flush)
    batched = clone(launched, tmp_path / "batched")
    parses["n"] = 0
    assert outputs(batched) == cold and parses["n"] == 0
    assert held == {"most": 1, "flushes": 2}  # the fixture's two cases, one at a time
    assert cache_rows(batched) == cache_rows(whole)


def test_a_clone_whose_cache_cannot_be_written_still_reads_right(launched, tmp_path, monkeypatch, parses):
    """No read cache at all (`.git/antt` is not a folder): what was taken stays in memory
    (`flush` keeps it), the answers are those of a cold read."""
    cold = cold_outputs(launched, monkeypatch)
    export(launched, monkeypatch)
    copy = clone(launched, tmp_path / "clone")
    (copy / ".git" / "antt").write_text("not a folder", encoding="utf-8")
    parses["n"] = 0
    assert outputs(copy)[:4] == cold[:4]  # status and due, text and JSON
    assert parses["n"] == 0


def test_a_numbered_write_that_fills_the_registers_refuses_over_a_broken_case(launched, monkeypatch):
    """The register filled in bulk (store/dossier.py numbers_used, every case file missing
    from the cache): a case file that cannot be read stops the write with its file named,
    and nothing is changed."""
    from conftest import refused

    from antt_cli.store import dossier as dossier_module

    monkeypatch.setattr(dossier_module, "_FEW_MISSES", 0)
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    made = json.loads(ok("--json", "new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date",
                         "2025-09-01", root=launched).stdout)["id"]
    broken = launched / "models" / "MH-2025-002" / "case.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n  : [\n", encoding="utf-8")
    git(launched, "commit", "-qam", "hỏng")
    wipe_cache(launched)
    result = refused(launched, "record", made, "survey-plan", "--date", "2025-09-03", "--number", "auto",
                     "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05")
    assert "MH-2025-002" in result.stderr


def test_the_set_is_written_from_the_stored_texts_as_from_the_decoded_entries(launched, monkeypatch):
    """`export` takes each entry's JSON as the read cache stores it (`stored_texts`: no decode,
    no encode; about a tenth of the time at 10,000 cases): the buckets are the very blobs that
    the entries decoded and encoded again make, for digests parsed here and taken from a set."""
    from antt_cli.domain.digest import digest_ok
    from antt_cli.services.common import shared_digests
    from antt_cli.store.cache import CaseCache, blob_id
    from antt_cli.store.shared import _buckets, bucket_bytes

    monkeypatch.setenv("ANTT_DIGESTS", "always")
    wipe_cache(launched)
    ok("status", root=launched)  # parsed here, then written
    case_files = [line.split()[1] for line in git(launched, "ls-files", "-s", "models", "exemplars").splitlines()
                  if line.endswith("/case.yaml")]
    cache = CaseCache(launched, check=digest_ok)
    try:
        keys = sorted(set(case_files))
        decoded = [(key, value) for key, value in cache.stored(keys) if value is not None]
        texts = list(cache.stored_texts(keys))
    finally:
        cache.close()
    assert [key for key, _ in texts] == [key for key, _ in decoded] == keys
    context = shared_digests(launched).context()
    expected = {name: blob_id(bucket_bytes(context, lines)) for name, lines in _buckets(decoded)}
    written = {line.split("\t")[1]: line.split()[2] for line in git(launched, "ls-tree", BRANCH).splitlines()
               if not line.split("\t")[1].startswith("check")}
    assert written == expected


def test_a_few_missing_files_read_their_buckets_only_and_many_the_whole_set():
    """A read after a hand edit or a pull of a few changes asks the sets for a file or two: only
    those files' buckets are read (the whole set is every case's digest, 16 MB at 10,000
    cases); from the LAZY_BUCKETS-th bucket asked on, the rest of a set is read at once (a
    fresh clone asks for every file). The local set is asked first, then each fetched one."""
    from antt_cli.store.cache import blob_id
    from antt_cli.store.shared import LAZY_BUCKETS, GitPort, SharedDigests, bucket_bytes

    def key(bucket: str, n: int) -> str:
        return bucket + f"{n:038x}"

    def a_set(buckets: list[str], text: str) -> tuple[list[tuple[str, str, int]], dict[str, bytes]]:
        blobs = {name: bucket_bytes("ctx", [(key(name, 1), text)]) for name in buckets}
        return [(name, blob_id(data), len(data)) for name, data in blobs.items()], \
            {blob_id(data): data for data in blobs.values()}

    names = [f"{n:02x}" for n in range(40)]
    local_tree, local_blobs = a_set(names[:30], '{"from":"local"}')
    fetched_tree, fetched_blobs = a_set(names, '{"from":"fetched"}')
    trees = {"L": local_tree, "F": fetched_tree}
    read: list[str] = []

    def reading(ids: list[str]):
        for blob in ids:
            read.append(blob)
            yield blob, {**local_blobs, **fetched_blobs}[blob]

    port = GitPort(refs=lambda: [("refs/heads/antt-digests", "L"), ("refs/remotes/origin/antt-digests", "F")],
                   tree=lambda commit: trees[commit], read=reading, begin=lambda: None,
                   local="refs/heads/antt-digests")
    shared = SharedDigests(port, lambda: "ctx")
    assert shared._raw(key("05", 1)) == b'{"from":"local"}'
    assert len(read) == 1  # the one bucket of the local set
    assert shared._raw(key("05", 2)) is None  # not in its bucket of either set: one bucket of each read
    assert len(read) == 2
    assert shared._raw(key(names[35], 1)) == b'{"from":"fetched"}'  # a bucket the local set lacks
    assert len(read) == 3
    for n in range(LAZY_BUCKETS):
        shared._raw(key(names[10 + n], 1))
    assert len(read) == len(local_blobs) + 2  # the local set read whole, each of its buckets once
    assert len(set(read)) == len(read)
