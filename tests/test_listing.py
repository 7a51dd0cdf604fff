"""The blob ids git's index gave, remembered with each case file's stat (store/listing.py): a
warm read asks git nothing while no case file changed, and still sees every change — a hand
edit that keeps the size and the modification time included — a damaged record, and a file
changed too recently to be trusted."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import git, ok

REL = "models/MH-2025-001/case.yaml"


@pytest.fixture
def asked(monkeypatch):
    """How many times git's index is asked for blob ids (audit/git.py `index_blobs`)."""
    from antt_cli.audit import git as gitq

    counted = {"n": 0}
    original = gitq.index_blobs

    def counting(root, rels):
        counted["n"] += 1
        return original(root, rels)

    monkeypatch.setattr(gitq, "index_blobs", counting)
    return counted


@pytest.fixture
def settled(monkeypatch):
    """Every file counts as settled, however recently it changed (the fixture's files are
    seconds old)."""
    from antt_cli.store import listing

    monkeypatch.setattr(listing, "SETTLED_NS", -10 ** 18)


def record(root: Path) -> Path:
    return root / ".git" / "antt" / "listing.txt"


def start(root: Path) -> None:
    """git's index refreshed (a copied folder's stats are all new: git would find every file
    changed and give no blob id), nothing remembered yet."""
    git(root, "update-index", "-q", "--refresh")
    record(root).unlink(missing_ok=True)


def kept(root: Path) -> list[str]:
    return [line.split("\t")[0] for line in record(root).read_text(encoding="utf-8").splitlines()[1:]]


def status(root: Path) -> list[dict]:
    return json.loads(ok("--json", "status", root=root).stdout)


def test_a_warm_read_asks_git_nothing_while_no_case_file_changed(launched, asked, settled, monkeypatch):
    from antt_cli.store import listing

    monkeypatch.setattr(listing, "FEW", 0)  # a file not answered from the record would ask git
    start(launched)
    first = status(launched)
    assert asked["n"] == 1 and sorted(kept(launched)) == [REL, "models/MH-2025-002/case.yaml"]
    assert status(launched) == first and ok("due", root=launched)
    assert asked["n"] == 1  # answered from the record


def test_a_hand_edit_keeping_size_and_time_is_seen(launched, asked, settled):
    start(launched)
    first = status(launched)
    assert REL in kept(launched)
    path = launched / REL
    text, st = path.read_text(encoding="utf-8"), path.stat()
    edited = text.replace("an ninh", "an nink", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the same size and modification time
    rows = status(launched)
    assert "an nink" in rows[0]["name"] and "an ninh" in first[0]["name"]
    assert asked["n"] == 1  # one file changed: read and hashed, git not asked


def test_many_changed_files_ask_git_again(launched, asked, settled, monkeypatch):
    from antt_cli.store import listing

    start(launched)
    status(launched)
    monkeypatch.setattr(listing, "FEW", 0)
    path = launched / REL
    path.write_text(path.read_text(encoding="utf-8").replace("an ninh", "an nink", 1), encoding="utf-8")
    assert "an nink" in status(launched)[0]["name"]
    assert asked["n"] == 2


@pytest.mark.parametrize("junk", [b"", b"not a record\n", b"antt-listing 1\n" + b"\xff" * 40,
                                  b"antt-listing 2\nmodels/MH-2025-001/case.yaml\t" + b"a" * 40 + b"\t1:2:3:4:5\n"])
def test_a_damaged_record_is_not_used(launched, asked, settled, junk):
    start(launched)
    first = status(launched)
    record(launched).write_bytes(junk)
    assert status(launched) == first and asked["n"] == 2


def test_a_record_whose_stats_lie_is_not_believed(launched, asked, settled):
    """An entry whose stat is not the file's (another file, copied over) is no answer: the
    file is read (here its blob id is also a lie, which is not believed either)."""
    start(launched)
    first = status(launched)
    text = record(launched).read_text(encoding="utf-8")
    lines = text.splitlines()
    wrong = [line if not line.startswith(REL) else f"{REL}\t{'0' * 40}\t1:2:3:4:5" for line in lines]
    record(launched).write_text("\n".join(wrong) + "\n", encoding="utf-8")
    assert status(launched) == first and asked["n"] == 1


def test_a_file_changed_within_the_settle_window_is_not_kept(launched, monkeypatch):
    """A file whose times are within SETTLED_NS of its stat's moment may change again within
    the same tick of a coarse clock: what git said of it is not kept (git's "racily clean")."""
    from antt_cli.store import listing

    start(launched)
    given = {"models/MH-2025-002/case.yaml": "b" * 40, REL: "a" * 40}
    (launched / REL).touch()  # changed just now (and both files' ctimes are the fixture's copy: seconds old)
    remembered = listing.Remembered(launched, lambda rels: dict(given))
    assert remembered(list(given)) == given  # no record: git asked
    assert record(launched).read_text(encoding="utf-8").splitlines() == ["antt-listing 1"]  # nothing kept
    assert remembered(list(given)) == {}  # nothing trusted: the caller reads both files

    monkeypatch.setattr(listing, "SETTLED_NS", -10 ** 18)
    record(launched).unlink()
    assert remembered(list(given)) == given
    assert len(record(launched).read_text(encoding="utf-8").splitlines()) == 3  # both kept

    def refused(rels):
        raise AssertionError("git asked")

    assert listing.Remembered(launched, refused)(list(given)) == given  # answered from the record
