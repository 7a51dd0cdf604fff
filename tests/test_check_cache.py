"""`antt check` from its cache of findings (store/checkcache.py) says exactly what a cold read
says: on the demo dossier, after a hand edit of a case file, a document edited or removed, an
untracked copy put back, a `git pull` bringing another officer's commit, and with the cache
file damaged. "Cold" is a run with `.git/antt/` removed first."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Callable

import pytest
from conftest import antt, copy_dossier, git, ok

DAY = "2026-06-20"


def _check(root: Path, *args: str) -> dict:
    result = antt("--json", "check", "--date", DAY, *args, root=root)
    assert result.exit_code in (0, 1), result
    return json.loads(result.stdout)


def _cold(root: Path, *args: str) -> dict:
    shutil.rmtree(root / ".git" / "antt", ignore_errors=True)
    return _check(root, *args)


def _entries(root: Path) -> int:
    with sqlite3.connect(root / ".git" / "antt" / "cases.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM checks").fetchone()[0]


def _warm_equals_cold(root: Path, *args: str) -> dict:
    warm = _check(root, *args)
    assert _check(root, *args) == warm          # twice from the cache
    cold = _cold(root, *args)
    assert warm == cold
    return cold


@pytest.fixture
def demo(_demo_built, tmp_path) -> Path:
    return copy_dossier(_demo_built[0], tmp_path / "demo")


def test_demo_from_the_cache_is_the_cold_read(demo):
    cold = _cold(demo)
    assert _entries(demo) == len(cold["cases"]) > 1      # one entry per case, written by the cold run
    assert _check(demo) == cold
    assert _check(demo, "MH-2025-001") == _cold(demo, "MH-2025-001")
    assert any(c["problems"] for c in cold["cases"]) or all(c["items"] for c in cold["cases"])


def test_another_day_is_judged_again(demo):
    first = _check(demo)
    other = antt("--json", "check", "--date", "2030-01-01", root=demo)
    assert json.loads(other.stdout) != first    # years of missing plans and reports by 2030
    assert _check(demo) == first


def test_hand_edit_of_a_case_file(demo):
    _check(demo)
    case = demo / "models" / "MH-2025-001" / "case.yaml"
    text = case.read_text(encoding="utf-8")
    assert "date: " in text
    case.write_text(text.replace("date: 20", "date: 19", 1), encoding="utf-8")  # a record dated a century early
    cold = _warm_equals_cold(demo)
    assert cold != _check_after_restore(demo, case, text)


def _check_after_restore(root: Path, case: Path, text: str) -> dict:
    case.write_text(text, encoding="utf-8")
    return _check(root)


def _a_document(root: Path) -> Path:
    return next(p for p in sorted((root / "models" / "MH-2025-001").rglob("*.docx")))


def test_document_edited_removed_and_put_back(demo):
    before = _check(demo)
    doc = _a_document(demo)
    data = doc.read_bytes()
    doc.write_bytes(data + b"\0")                     # edited in Word, not yet accepted
    edited = _warm_equals_cold(demo)
    assert "domain.consistency" not in json.dumps(edited)   # messages, not keys
    assert edited != before and not edited["ok"]
    doc.unlink()                                      # removed
    removed = _warm_equals_cold(demo)
    assert removed != edited
    doc.write_bytes(data)                             # put back as it was
    assert _check(demo) == before
    git(demo, "rm", "-q", "--cached", str(doc.relative_to(demo)))   # the same bytes, untracked
    assert _warm_equals_cold(demo) == before


def test_git_pull_brings_another_officers_commit(demo, tmp_path):
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "-q", str(demo), str(other)], check=True)
    before = _check(other)
    ok("new-model", "Mô hình kéo về", "--area", "Thôn Kéo", "--date", "2026-06-01", root=demo)
    doc = _a_document(demo)
    doc.write_bytes(doc.read_bytes() + b"\0")
    git(demo, "commit", "-qam", "a document edited elsewhere")
    subprocess.run(["git", "-C", str(other), "pull", "-q", "--no-rebase"], check=True, capture_output=True)
    pulled = _warm_equals_cold(other)
    assert len(pulled["cases"]) == len(before["cases"]) + 1
    assert pulled != before


@pytest.mark.parametrize("damage", [b"not a database", b""])
def test_a_damaged_cache_is_rebuilt(demo, damage):
    cold = _cold(demo)
    (demo / ".git" / "antt" / "cases.sqlite").write_bytes(damage)
    assert _check(demo) == cold
    assert _check(demo) == cold


def test_an_entry_tampered_with_is_not_trusted(demo):
    cold = _cold(demo)
    with sqlite3.connect(demo / ".git" / "antt" / "cases.sqlite") as db:
        db.execute("UPDATE checks SET data = '{\"kind\": \"model\", \"items\": 3}'")
    assert _check(demo) == cold


def _without_run_record(root: Path) -> None:
    """The record of the whole last run (store/checkrun.py) removed, here and on the branch
    antt-digests (always safe to remove): the entries answer."""
    (root / ".git" / "antt" / "check-run.json").unlink(missing_ok=True)
    subprocess.run(["git", "branch", "-q", "-D", "antt-digests"], cwd=root, capture_output=True)


def test_a_warm_check_reads_the_cache_not_the_files(demo):
    """The proof that the second run is answered from the cache: an entry rewritten (well
    formed) shows in its answer, though no file changed."""
    cold = _cold(demo)
    _without_run_record(demo)
    with sqlite3.connect(demo / ".git" / "antt" / "cases.sqlite") as db:
        key, data = db.execute("SELECT key, data FROM checks WHERE key LIKE 'MH-2025-001:%'").fetchone()
        entry = json.loads(data)
        entry["findings"] = [["warning", "case.yaml", "domain.consistency.historical_authority",
                              {"authority": "UBND huyện Cũ"}]]
        db.execute("UPDATE checks SET data=? WHERE key=?", (json.dumps(entry), key))
    warm = _check(demo)
    assert warm != cold
    assert "UBND huyện Cũ" in json.dumps(warm, ensure_ascii=False)


def test_cases_judged_in_worker_processes_say_the_same(demo, monkeypatch):
    """A first check of many cases judges them in worker processes (store/parallel.py): the
    same answer as judged one by one here, a broken case file included."""
    (demo / "models" / "MH-2025-002" / "case.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    serial = _cold(demo)
    assert any(c["id"] == "MH-2025-002" and not c["items"] for c in serial["cases"])
    import antt_cli.store.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    assert _cold(demo) == serial
    assert _check(demo) == serial


def _entry_rows(root: Path) -> list[tuple[str, dict]]:
    with sqlite3.connect(root / ".git" / "antt" / "cases.sqlite") as db:
        return [(key, json.loads(data)) for key, data in db.execute("SELECT key, data FROM checks")]


def test_an_entry_serves_every_day_its_items_hold(demo):
    """An entry holds from the day judged to the first day its items may differ
    (domain/dates.py `JudgedDay`): a check on a later day within it reads the entry (a
    well-formed entry rewritten shows), one past it judges the case again."""
    cold = _cold(demo)
    day = dt.date.fromisoformat(DAY).toordinal()
    rows = _entry_rows(demo)
    assert all(entry["day"] == day < entry["until"] for _key, entry in rows)
    key, entry = next((k, e) for k, e in rows if k.startswith("MH-2025-001:"))
    later = dt.date.fromordinal(entry["until"] - 1).isoformat()
    entry["findings"] = [["warning", "case.yaml", "domain.consistency.historical_authority",
                          {"authority": "UBND huyện Cũ"}]]
    with sqlite3.connect(demo / ".git" / "antt" / "cases.sqlite") as db:
        db.execute("UPDATE checks SET data=? WHERE key=?", (json.dumps(entry), key))
    _without_run_record(demo)
    assert "UBND huyện Cũ" in json.dumps(_check(demo), ensure_ascii=False)
    assert "UBND huyện Cũ" in antt("--json", "check", "--date", later, root=demo).stdout
    past = dt.date.fromordinal(entry["until"]).isoformat()
    assert "UBND huyện Cũ" not in antt("--json", "check", "--date", past, root=demo).stdout
    assert _cold(demo) == cold


def _doc_rows(root: Path) -> dict[str, str]:
    with sqlite3.connect(root / ".git" / "antt" / "cases.sqlite") as db:
        return dict(db.execute("SELECT blob, sha256 FROM check_files"))


def _touch(case: Path) -> None:
    """A hand edit that changes the case file's bytes, not what it says."""
    case.write_text(case.read_text(encoding="utf-8") + "# ghi chú\n", encoding="utf-8")


def test_a_case_judged_again_takes_its_documents_hashes_by_blob_id(demo):
    """A case judged again (its file edited by hand) reads no document git finds unchanged
    whose blob was hashed before: proved by a row rewritten (the finding it makes shows). A
    row that is not two hex ids is not used, nor is an edited document's old row."""
    git(demo, "update-index", "-q", "--refresh")     # a copy's index is stat-stale: git would say every file changed
    cold = _cold(demo)
    case = demo / "models" / "MH-2025-001" / "case.yaml"
    _touch(case)
    assert _check(demo) == cold
    doc = _a_document(demo)
    blob = git(demo, "rev-parse", f"HEAD:{doc.relative_to(demo).as_posix()}").strip()
    assert blob in _doc_rows(demo)
    with sqlite3.connect(demo / ".git" / "antt" / "cases.sqlite") as db:
        db.execute("UPDATE check_files SET sha256=? WHERE blob=?", ("0" * 64, blob))
    _touch(case)
    lied = _check(demo)
    assert lied != cold and not lied["ok"]          # the row was used: the document not read
    with sqlite3.connect(demo / ".git" / "antt" / "cases.sqlite") as db:
        db.execute("UPDATE check_files SET sha256=? WHERE blob=?", ("not hex", blob))
        db.execute("INSERT INTO check_files VALUES ('zz', ?)", ("1" * 64,))
    _touch(case)
    assert _check(demo) == cold                     # a damaged row: the document is read
    doc.write_bytes(doc.read_bytes() + b"\0")       # edited in Word: its blob id is another
    assert _warm_equals_cold(demo) != cold


def test_a_fresh_clone_checks_as_a_check_without_cache(demo, tmp_path):
    cold = _cold(demo)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(demo), str(clone)], check=True)
    assert not (clone / ".git" / "antt").exists()
    assert _check(clone) == cold
    assert _check(clone) == cold


# -- entries that travel on the branch antt-digests (docs/reliability.md, "The check cache") --
def _judging(monkeypatch) -> list[str]:
    """The cases judged from their files from now on (not taken from a cache or the branch)."""
    import antt_cli.services.check as service

    judged: list[str] = []
    judge = service._judge

    def counted(dossier, reg, today, case_id, *args):
        judged.append(case_id)
        return judge(dossier, reg, today, case_id, *args)

    monkeypatch.setattr(service, "_judge", counted)
    return judged


def _published(root: Path, monkeypatch) -> dict:
    """A cold check that writes the set now (ANTT_DIGESTS=always); what it said."""
    monkeypatch.setenv("ANTT_DIGESTS", "always")
    cold = _cold(root)
    monkeypatch.delenv("ANTT_DIGESTS")
    names = git(root, "ls-tree", "--name-only", "antt-digests").split()
    assert any(n.startswith("check-") for n in names)
    return cold


def _clone(origin: Path, where: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(origin), str(where)], check=True, capture_output=True)
    return where


def test_a_fresh_clone_takes_the_entries_of_the_branch(demo, tmp_path, monkeypatch):
    cold = _published(demo, monkeypatch)
    judged = _judging(monkeypatch)
    clone = _clone(demo, tmp_path / "clone")
    assert _check(clone) == cold and judged == []          # not one case judged
    assert _check(clone) == cold and judged == []          # then from its own cache
    assert not git(clone, "branch", "--list", "antt-digests").strip()   # nothing of its own to share
    other = _clone(demo, tmp_path / "other")
    monkeypatch.setenv("ANTT_DIGESTS", "off")              # reads none: every case judged from its files
    assert _check(other) == cold and len(judged) == len(cold["cases"])


def _rewrite_entry(root: Path, case_id: str, change) -> None:
    """The set of the branch with the line of `case_id`'s case file rewritten by `change`
    (its text → new text), as whoever can push the branch could write it."""
    blob = git(root, "rev-parse", f"HEAD:models/{case_id}/case.yaml").strip()
    name = f"check-{blob[:2]}"
    tree = {}
    for line in git(root, "ls-tree", "antt-digests").splitlines():
        meta, path = line.split("\t")
        tree[path] = meta.split()[2]
    lines = git(root, "cat-file", "blob", tree[name]).splitlines()
    lines = [f"{blob} {change(line.split(' ', 1)[1])}" if line.startswith(blob + " ") else line for line in lines]
    new = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=root, input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout.strip()
    tree[name] = new
    tree.pop("check-run", None)    # the record of a whole run: these are the entries' tests
    listing = "".join(f"100644 blob {b}\t{n}\n" for n, b in sorted(tree.items()))
    made = subprocess.run(["git", "mktree"], cwd=root, input=listing, capture_output=True, text=True,
                          check=True).stdout.strip()
    commit = git(root, "commit-tree", made, "-m", "rewritten").strip()
    git(root, "update-ref", "refs/heads/antt-digests", commit)


def _case_with_problems(cold: dict) -> str:
    return next(c["id"] for c in cold["cases"] if c["problems"] and c["id"].startswith("MH-"))


def _field(name: str, value) -> "Callable[[str], str]":
    def change(text: str) -> str:
        entry = json.loads(text)
        entry[name] = value(entry) if callable(value) else value
        return json.dumps(entry, ensure_ascii=False)
    return change


@pytest.mark.parametrize("change", [
    lambda text: text[:-5],                                                  # cut short: not JSON
    _field("kind", "exemplar"),                                              # not its folder's kind
    _field("until", lambda e: e["day"]),                                     # holds no day
    _field("findings", [["error", "x", "domain.not_a_finding", {}]]),        # a message that is not a finding
    _field("findings", [["error", "x", "domain.consistency.historical_authority", {}]]),   # its values missing
    _field("files", lambda e: [["antt.yaml", None, None]]),                   # a file out of its folder
    _field("files", lambda e: [[f[0], f[1], "ABC"] for f in e["files"]]),    # a SHA-256 that is not one
    _field("items", lambda e: [[1, None, "done", [], False]]),               # a state that is not one
    _field("uses", lambda e: [[u[0], u[1], True, u[3], u[4], u[5]] for u in e["uses"]] or [[]]),  # a bool for a year
    _field("extra", 1),                                                      # a field too many
])
def test_an_entry_from_elsewhere_is_input(demo, tmp_path, monkeypatch, change):
    """An entry of the branch that is not the shape `_judge` gives is not used: its case is
    judged from its files, and the check says what a check without cache says."""
    cold = _published(demo, monkeypatch)
    case_id = _case_with_problems(cold)
    _rewrite_entry(demo, case_id, change)
    judged = _judging(monkeypatch)
    clone = _clone(demo, tmp_path / "clone")
    assert _check(clone) == cold and judged == [case_id]


def test_a_well_formed_entry_that_lies_is_the_trust_given_to_the_branch(demo, tmp_path, monkeypatch):
    """What a check of shape cannot see — an entry that says a case is complete and
    consistent when its files say not — is the trust given to whoever can push the branch,
    who can push the case files too (docs/reliability.md); `ANTT_DIGESTS=off` reads none."""
    cold = _published(demo, monkeypatch)
    case_id = _case_with_problems(cold)
    _rewrite_entry(demo, case_id, lambda text: json.dumps(
        {**json.loads(text), "findings": [], "items": [[i[0], i[1], "present", [], False] for i in json.loads(text)["items"]]}))
    lied = _check(_clone(demo, tmp_path / "clone"))
    assert next(c for c in lied["cases"] if c["id"] == case_id)["problems"] == []
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    assert _check(_clone(demo, tmp_path / "other")) == cold


def test_a_check_of_another_day_leaves_todays_entries(demo, monkeypatch):
    """`--date` past the days an entry holds judges its case for that day, and leaves the
    entry of today (the clock's: ANTT_TODAY here) as it was: the next check judges nothing."""
    cold = _cold(demo)
    judged = _judging(monkeypatch)
    later = antt("--json", "check", "--date", "2030-01-01", root=demo)
    assert json.loads(later.stdout) != cold and judged     # some hold in 2030 too (a closed case's)
    judged.clear()
    assert _check(demo) == cold and judged == []
