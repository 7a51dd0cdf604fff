"""The record of `antt check`'s whole last run (store/checkrun.py, `.git/antt/check-run.json`):
a check where nothing changed answers from it, word for word what a check without it says,
in both languages and both forms; any change to what the run was found from — a hand edit
of a case file or a document, a file staged or committed, a `git pull`, a case folder added
or removed, a flag set on git's index, an untracked file edited, another day — is seen, and
a damaged record is a miss, never an error. "Seen" is proved by a mark: the record rewritten
(well formed) with a finding no file makes, which shows only when the record answers."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest
from conftest import antt, copy_dossier, git
from test_check_cache import _clone, _judging   # the fresh clone's helpers, shared

MARK = "UBND huyện Dấu Ghi"
CASE = "MH-2025-001"


@pytest.fixture
def demo(_demo_built, tmp_path) -> Path:
    return copy_dossier(_demo_built[0], tmp_path / "demo")


def _record_path(root: Path) -> Path:
    return root / ".git" / "antt" / "check-run.json"


def _run(root: Path, *args: str, lang: str = "en") -> str:
    result = antt(*args, "check", root=root, lang=lang)
    assert result.exit_code in (0, 1), result
    return result.stdout


def _without_record(root: Path, *args: str, lang: str = "en") -> str:
    """The same check judged from the entries (the record removed first; it is written again)."""
    _record_path(root).unlink(missing_ok=True)
    return _run(root, *args, lang=lang)


def _mark(root: Path) -> None:
    """Add to the record a finding of the case `CASE` that no file makes (well formed)."""
    path = _record_path(root)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["findings"].append(["warning", "case.yaml", "domain.consistency.historical_authority",
                               {"authority": MARK}])
    case = next(c for c in record["cases"] if c[0] == CASE)
    case[3].append(len(record["findings"]) - 1)
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _recalled(root: Path, *args: str) -> bool:
    return MARK in _run(root, "--json", *args)


def test_nothing_changed_is_recalled_word_for_word(demo):
    judged = {(lang, form): _without_record(demo, *form, lang=lang)
              for lang in ("en", "vi") for form in ((), ("--json",))}
    assert _record_path(demo).is_file()
    for (lang, form), said in judged.items():
        assert _run(demo, *form, lang=lang) == said
    one = _without_record(demo, "--json")
    assert json.loads(_run(demo, "--json")) == json.loads(one)
    _mark(demo)
    assert _recalled(demo) and _recalled(demo)     # used, and still there
    assert MARK in antt("--json", "check", CASE, root=demo).stdout


def _edit_case(root: Path) -> None:
    case = root / "models" / CASE / "case.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("date: 20", "date: 19", 1), encoding="utf-8")   # the same size


def _document(root: Path) -> Path:
    return sorted((root / "models" / CASE).rglob("*.docx"))[0]


def _edit_document(root: Path) -> None:
    doc = _document(root)
    doc.write_bytes(doc.read_bytes() + b"\0")


def _stage_document(root: Path) -> None:
    _edit_document(root)
    git(root, "add", str(_document(root).relative_to(root)))      # the index changes, the tree agrees with it


def _commit_document(root: Path) -> None:
    _stage_document(root)
    git(root, "commit", "-qm", "a document edited")


def _new_case(root: Path) -> None:
    """A case folder copied by hand (untracked): its case file names its own ID."""
    source = root / "models" / CASE
    target = root / "models" / "MH-2025-900"
    shutil.copytree(source, target)
    case = target / "case.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace(CASE, "MH-2025-900"), encoding="utf-8")


def _remove_case(root: Path) -> None:
    shutil.rmtree(root / "models" / CASE)


def _hidden_edit(root: Path) -> None:
    """A document git is told not to look at, then edited: the flag changes the index's entries."""
    git(root, "update-index", "--assume-unchanged", str(_document(root).relative_to(root)))
    _edit_document(root)


CHANGES: dict[str, Callable[[Path], None]] = {
    "case file edited": _edit_case, "document edited": _edit_document, "document staged": _stage_document,
    "document committed": _commit_document, "case folder added": _new_case, "case folder removed": _remove_case,
    "assume-unchanged and edited": _hidden_edit,
}


# The changes that leave the folder of `CASE` as it was: the record still answers for it
# (updated, not made again: the mark stays), and for the rest as a whole run does.
BESIDE = {"case folder added"}


def _unmarked(said: str) -> dict:
    value = json.loads(said)
    for case in value["cases"]:
        case["problems"] = [p for p in case["problems"] if MARK not in p["message"]]
    return value


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_is_seen(demo, change):
    _without_record(demo)
    _mark(demo)
    assert _recalled(demo)
    CHANGES[change](demo)
    after = _run(demo, "--json")
    assert (MARK in after) == (change in BESIDE)
    judged = _without_record(demo, "--json")
    assert _unmarked(after) == json.loads(judged) and (change in BESIDE or after == judged)
    shutil.rmtree(demo / ".git" / "antt")
    assert _run(demo, "--json") == judged                          # as a check with no cache at all


def test_a_git_pull_is_seen(demo, tmp_path):
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "-q", str(demo), str(other)], check=True)
    _without_record(other)
    _mark(other)
    assert _recalled(other)
    _commit_document(demo)
    subprocess.run(["git", "-C", str(other), "pull", "-q", "--no-rebase"], check=True, capture_output=True)
    pulled = _run(other, "--json")
    assert MARK not in pulled and pulled == _without_record(other, "--json")


def test_the_index_rewritten_with_the_same_entries_still_answers(demo):
    """`git update-index --refresh` after a file is touched rewrites the index (new stats, the
    same entries): the record still holds, and keeps the new index's checksum."""
    _without_record(demo)
    _mark(demo)
    before = json.loads(_record_path(demo).read_text(encoding="utf-8"))["index"]
    doc = _document(demo)
    doc.write_bytes(doc.read_bytes())
    git(demo, "update-index", "-q", "--refresh")
    assert _recalled(demo)
    after = json.loads(_record_path(demo).read_text(encoding="utf-8"))["index"]
    assert after is not None and after != before
    assert _recalled(demo)


def test_another_day_is_judged_and_todays_record_kept(demo):
    record = json.loads(_without_record(demo, "--json") and _record_path(demo).read_text(encoding="utf-8"))
    _mark(demo)
    import datetime as dt

    past = dt.date.fromordinal(record["until"]).isoformat()
    assert MARK not in antt("--json", "check", "--date", past, root=demo).stdout
    last = dt.date.fromordinal(record["until"] - 1).isoformat()
    assert MARK in antt("--json", "check", "--date", last, root=demo).stdout
    assert _recalled(demo)                                         # a --date does not undo today's


def test_an_untracked_document_edited_is_seen(demo, monkeypatch):
    """A file git does not vouch for (untracked) is kept with its stat: edited, it is seen."""
    import antt_cli.store.listing as listing

    monkeypatch.setattr(listing, "SETTLED_NS", 0)                 # the copy's files are seconds old
    git(demo, "rm", "-q", "--cached", str(_document(demo).relative_to(demo)))
    _without_record(demo)
    record = json.loads(_record_path(demo).read_text(encoding="utf-8"))
    assert [rel for rel, _stat in record["loose"] if rel.endswith(".docx")] == \
        [_document(demo).relative_to(demo).as_posix()]
    _mark(demo)
    assert _recalled(demo)
    _edit_document(demo)
    edited = _run(demo, "--json")
    assert MARK not in edited and edited == _without_record(demo, "--json")


def test_a_file_changed_too_lately_is_not_kept(demo):
    """An untracked file changed within the settle window: no record is written."""
    git(demo, "rm", "-q", "--cached", str(_document(demo).relative_to(demo)))
    _edit_document(demo)
    _without_record(demo)
    assert not _record_path(demo).exists()


def _shapes() -> dict[str, Callable[[dict], object]]:
    def put(key, value):
        return lambda r: r.__setitem__(key, value)

    return {
        "not json": None, "empty": None, "truncated": None,
        "other format": put("format", "antt-check-run 0"),
        "a case out of order": lambda r: r["cases"].reverse(),
        "a case of another kind": lambda r: r["cases"][0].__setitem__(1, "nothing"),
        "a list out of range": lambda r: r["cases"][0].__setitem__(2, 10 ** 6),
        "a finding of no rule": lambda r: r["findings"].append(["error", "1", "no.such.key", {}]),
        "a loose path outside": lambda r: r["loose"].append(["../outside", None]),
        "an item of no state": lambda r: r["items"][0].__setitem__(2, "lost"),
        "a bool for a number": lambda r: r["cases"][0].__setitem__(2, True),
        "an extra field": put("extra", 1),
        "a day past": put("until", 1),
    }


@pytest.mark.parametrize("damage", list(_shapes()))
def test_a_damaged_record_is_a_miss(demo, damage):
    judged = _without_record(demo, "--json")
    _mark(demo)
    path = _record_path(demo)
    text = path.read_text(encoding="utf-8")
    if damage == "not json":
        path.write_text("{not json", encoding="utf-8")
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    else:
        record = json.loads(text)
        _shapes()[damage](record)
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    said = _run(demo, "--json")
    assert said == judged and MARK not in said


# -- the record that travels on the branch antt-digests (a fresh clone's first check) -------
def _published(root: Path, monkeypatch) -> str:
    """A check with no cache that writes the set now (ANTT_DIGESTS=always); what it said."""
    monkeypatch.setenv("ANTT_DIGESTS", "always")
    shutil.rmtree(root / ".git" / "antt", ignore_errors=True)
    said = _run(root, "--json")
    monkeypatch.delenv("ANTT_DIGESTS")
    return said


def test_a_fresh_clone_answers_from_the_record_of_the_branch(demo, tmp_path, monkeypatch):
    said = _published(demo, monkeypatch)
    assert "check-run" in git(demo, "ls-tree", "--name-only", "antt-digests").split()
    judged = _judging(monkeypatch)
    clone = _clone(demo, tmp_path / "clone")
    assert _run(clone, "--json") == said and judged == []
    assert _record_path(clone).is_file() and not (clone / ".git" / "antt" / "cases.sqlite").exists()  # no entry read
    _mark(clone)
    assert _recalled(clone)                                        # kept here: the next check is a warm one
    other = _clone(demo, tmp_path / "other")
    monkeypatch.setenv("ANTT_DIGESTS", "off")                      # reads none: every case judged
    assert _run(other, "--json") == said and len(judged) == len(json.loads(said)["cases"])


def test_a_clone_changed_before_its_first_check_does_not_take_the_record(demo, tmp_path, monkeypatch):
    _published(demo, monkeypatch)
    clone = _clone(demo, tmp_path / "clone")
    _edit_document(clone)
    said = _run(clone, "--json")
    shutil.rmtree(clone / ".git" / "antt")
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    assert said == _run(clone, "--json")


def test_a_record_of_a_changed_tree_does_not_travel(demo, monkeypatch):
    """A run found from files git did not vouch for (a document edited, not committed) is not
    one another clone could find holding: the set carries no record."""
    _edit_document(demo)
    _published(demo, monkeypatch)
    names = git(demo, "ls-tree", "--name-only", "antt-digests").split()
    assert any(n.startswith("check-") for n in names) and "check-run" not in names


def test_a_record_that_is_not_a_plain_file_is_not_read(demo, tmp_path):
    """A link (to a well-formed record, even) is not followed: the record is a regular file
    or nothing (a link to a device or a pipe would never end or never answer)."""
    judged = _without_record(demo, "--json")
    _mark(demo)
    elsewhere = tmp_path / "elsewhere.json"
    _record_path(demo).rename(elsewhere)
    _record_path(demo).symlink_to(elsewhere)
    said = _run(demo, "--json")
    assert MARK not in said and said == judged


def test_a_clone_whose_own_set_is_older_takes_the_fetched_record(demo, tmp_path, monkeypatch):
    """A clone that changed a case made a set of its own (with its record); back on the
    origin's tree, its own record does not hold and the fetched one does: that one answers."""
    said = _published(demo, monkeypatch)
    clone = _clone(demo, tmp_path / "clone")
    _commit_document(clone)
    _published(clone, monkeypatch)
    assert "check-run" in git(clone, "ls-tree", "--name-only", "antt-digests").split()
    git(clone, "reset", "-q", "--hard", "origin/main")
    shutil.rmtree(clone / ".git" / "antt")
    assert _run(clone, "--json") == said
    assert _record_path(clone).is_file() and not (clone / ".git" / "antt" / "cases.sqlite").exists()


def test_a_check_after_a_write_sends_its_record_alone(demo, tmp_path, monkeypatch):
    """After a write, the check that judges its case makes a record another clone can find
    holding; the entries are not due yet (one case judged), so the record goes to the branch
    alone, every bucket kept: a clone made then judges nothing."""
    _published(demo, monkeypatch)
    before = dict(line.split("\t")[::-1] for line in git(demo, "ls-tree", "antt-digests").splitlines())
    _commit_document(demo)
    said = _run(demo, "--json")
    after = dict(line.split("\t")[::-1] for line in git(demo, "ls-tree", "antt-digests").splitlines())
    assert after["check-run"] != before["check-run"]
    assert {k: v for k, v in after.items() if k != "check-run"} == {k: v for k, v in before.items() if k != "check-run"}
    judged = _judging(monkeypatch)
    clone = _clone(demo, tmp_path / "clone")
    assert _run(clone, "--json") == said and judged == []
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    shutil.rmtree(clone / ".git" / "antt")
    assert _run(clone, "--json") == said and judged      # the record answers what a judging check says


# -- the record updated after a change to a few cases (services/check.py `_update`) ---------
def _paths(monkeypatch) -> dict[str, list]:
    """What the checks from now on did: `whole`, one item per check that judged the dossier
    case by case (`_entries`); `judged`, the cases judged from their files; `updated`, one
    item per record updated."""
    import antt_cli.services.check as service

    seen: dict[str, list] = {"whole": [], "judged": _judging(monkeypatch), "updated": []}
    entries, update = service._entries, service._update

    def whole(*args, **kwargs):
        seen["whole"].append(1)
        return entries(*args, **kwargs)

    def updated(*args, **kwargs):
        cases = update(*args, **kwargs)
        if cases is not None:
            seen["updated"].append(1)
        return cases

    monkeypatch.setattr(service, "_entries", whole)
    monkeypatch.setattr(service, "_update", updated)
    return seen


def _check(root: Path, *args: str, lang: str = "en", case: str | None = None) -> str:
    result = antt(*args, "check", *([case] if case else []), root=root, lang=lang)
    assert result.exit_code in (0, 1), result
    return result.stdout


FORMS = [(lang, form, case) for lang in ("en", "vi") for form in ((), ("--json",)) for case in (None, CASE)]


def _reference(root: Path, where: Path, monkeypatch, forms=FORMS) -> dict:
    """What checks that judge every case say of `root` as it is now: on a copy without
    antt's caches (no record, no entries) and without the branch `antt-digests`."""
    copy = copy_dossier(root, where)
    shutil.rmtree(copy / ".git" / "antt", ignore_errors=True)
    monkeypatch.setenv("ANTT_DIGESTS", "off")
    said = {(lang, form, case): _check(copy, *form, lang=lang, case=case) for lang, form, case in forms}
    monkeypatch.delenv("ANTT_DIGESTS")
    shutil.rmtree(copy)
    return said


def test_the_check_after_a_write_judges_the_case_written_alone(demo, tmp_path, monkeypatch):
    """After `antt new-model` and `antt record` (the index rewritten, the record no longer
    holds), the next check judges the new case only, reads no other entry, and says word
    for word what checks that judge every case say, in both languages, both forms, of the
    dossier and of one case."""
    from conftest import ok

    _check(demo)
    new = json.loads(ok("--json", "new-model", "Tổ tự quản thôn Mới", "--area", "Thôn Mới", "--date", "2026-06-20",
                        root=demo).stdout)["id"]
    ok("record", new, "survey-plan", "--date", "2026-06-20", "--number", "auto", "--approved-by",
       "Đảng ủy xã Hàm Thuận", "--approved-date", "2026-06-20", root=demo)
    paths = _paths(monkeypatch)
    said = {(lang, form, case): _check(demo, *form, lang=lang, case=case) for lang, form, case in FORMS}
    assert paths["judged"] == [new] and paths["updated"] == [1] and paths["whole"] == []
    assert said == _reference(demo, tmp_path / "reference", monkeypatch)
    assert new in said[("en", ("--json",), None)]


OTHER = "MH-2025-002"
THIRD = "MH-2025-003"
COPY = "MH-2025-900"


def _antt_writes(root: Path) -> None:
    from conftest import ok

    new = json.loads(ok("--json", "new-model", "Tổ tự quản thôn Mới", "--area", "Thôn Mới", "--date", "2026-06-20",
                        root=root).stdout)["id"]
    ok("record", new, "survey-plan", "--date", "2026-06-20", "--number", "auto", "--approved-by",
       "Đảng ủy xã Hàm Thuận", "--approved-date", "2026-06-20", root=root)


def _case_file(root: Path, case_id: str = CASE) -> str:
    return f"models/{case_id}/case.yaml"


def _replace(root: Path, case_id: str, old: str, new: str) -> None:
    case = root / _case_file(root, case_id)
    text = case.read_text(encoding="utf-8")
    assert old in text
    case.write_text(text.replace(old, new, 1), encoding="utf-8")


def _flag_and_edit(root: Path) -> None:
    """A document of `THIRD` git is told not to look at, then edited (git's index keeps its
    entry: only the flag changes it)."""
    doc = sorted((root / "models" / THIRD).rglob("*.docx"))[0]
    git(root, "update-index", "--assume-unchanged", str(doc.relative_to(root)))
    doc.write_bytes(doc.read_bytes() + b"\0")


def _staged_then_undone(root: Path) -> None:
    """A number of `OTHER` used again, staged (the check after it judged the staged file: git
    vouched for it; `_undo` then undoes it in the index and on disk: only the index against
    HEAD's tree tells it)."""
    _replace(root, OTHER, "number: 05/BC-CAX", "number: 02/BC-CAX")
    git(root, "add", _case_file(root, OTHER))


def _undo(root: Path) -> None:
    git(root, "reset", "-q", "HEAD", "--", _case_file(root, OTHER))
    git(root, "checkout", "-q", "--", _case_file(root, OTHER))


# Each step, and how the check after it answers: "updated" (the record updated, `_update`),
# "whole" (every case from its entry or judged, `_entries`) or "recalled" (the record holds
# as it is). A record made while the index differs from HEAD under the case folders (a file
# staged) has no tree to tell later changes from: the check after the next change is a whole
# one. So is a check that finds a case file it cannot read (it makes no record: the next
# check updates the one before it). A commit of what was staged leaves the index's entries
# as they were: the record holds.
STEPS: list[tuple[str, Callable[[Path], None], str]] = [
    ("antt writes", _antt_writes, "updated"),
    ("case file edited", lambda root: _replace(root, CASE, "date: 2025-09-20", "date: 2025-09-21"), "updated"),
    ("another case file broken by hand", lambda root: _replace(root, OTHER, "date: 20", "date: 19"), "whole"),
    ("mended", lambda root: git(root, "checkout", "-q", "--", _case_file(root, OTHER)), "recalled"),
    ("the edit staged", lambda root: git(root, "add", _case_file(root)), "updated"),
    ("committed by hand", lambda root: git(root, "commit", "-qm", "a hand edit"), "recalled"),
    ("a document edited", _edit_document, "whole"),
    ("a case folder copied", _new_case, "updated"),
    ("the copy's case file edited", lambda root: _replace(root, COPY, "number: 01/KH-CAX", "number: 09/KH-CAX"),
     "updated"),
    ("the copy removed", lambda root: shutil.rmtree(root / "models" / COPY), "updated"),
    ("a number used again", lambda root: _replace(root, OTHER, "number: 05/BC-CAX", "number: 02/BC-CAX"), "updated"),
    ("the number given back", lambda root: _replace(root, OTHER, "number: 02/BC-CAX", "number: 05/BC-CAX"),
     "updated"),
    ("a flagged document edited", _flag_and_edit, "updated"),
    ("an edit staged", _staged_then_undone, "updated"),
    ("the staged edit undone", _undo, "whole"),
    ("antt writes again", _antt_writes, "updated"),
    ("antt writes, then an edit staged", lambda root: (_antt_writes(root), _staged_then_undone(root)), "updated"),
    ("that staged edit undone", _undo, "whole"),
    ("git reset --hard HEAD~1", lambda root: git(root, "reset", "-q", "--hard", "HEAD~1"), "updated"),
]


def test_the_updated_record_says_what_a_whole_check_says_step_by_step(demo, tmp_path, monkeypatch):
    """A sequence of changes — antt's writes, hand edits unstaged, staged and committed, a
    document edited, a case folder copied, edited and removed, a number used twice and
    given back, a flag set on git's index, a staged edit undone, `git reset --hard` — after
    each, the first check (updating the record) says what checks that judge every case say,
    and so does the next one (recalling the updated record)."""
    import antt_cli.store.listing as listing

    monkeypatch.setattr(listing, "SETTLED_NS", 0)     # every record kept: the path of each check is known
    _check(demo)
    twice = []
    for n, (name, step, path) in enumerate(STEPS):
        step(demo)
        paths = _paths(monkeypatch)
        first = _check(demo, "--json")
        assert (len(paths["updated"]), len(paths["whole"])) == {"updated": (1, 0), "whole": (0, 1),
                                                                "recalled": (0, 0)}[path], name
        said = {("en", ("--json",), None): first, ("vi", (), None): _check(demo, lang="vi"),
                ("en", (), OTHER): _check(demo, case=OTHER)}
        assert said == _reference(demo, tmp_path / f"reference-{n}", monkeypatch, list(said)), name
        twice.append("Number 02/BC-CAX was already used as 02/BC-CAX (MH-2025-001" in first)
        monkeypatch.undo()
        monkeypatch.setattr(listing, "SETTLED_NS", 0)
    # the copy of a case uses its numbers again, as the number given by hand does
    used_again = {"a case folder copied", "the copy's case file edited", "a number used again", "an edit staged",
                  "antt writes, then an edit staged"}
    assert twice == [name in used_again for name, _step, _path in STEPS]


def test_a_commit_during_the_check_leaves_no_tree_to_update_from(demo, tmp_path, monkeypatch):
    """A case file committed changed (index and working tree) while a check runs, after git
    listed the index for it and before it asks for the tree: the record keeps no tree (the
    index's checksum is not the one it began with), so the check after the next write is a
    whole one, and says what a judging check says."""
    import antt_cli.services.check as service

    tree = service._tree

    def committed_meanwhile(dossier, mark):
        _replace(demo, CASE, "number: 01/KH-CAX", "number: 09/KH-CAX")
        git(demo, "commit", "-qam", "meanwhile")
        return tree(dossier, mark)

    monkeypatch.setattr(service, "_tree", committed_meanwhile)
    _without_record(demo)
    monkeypatch.setattr(service, "_tree", tree)
    assert json.loads(_record_path(demo).read_text(encoding="utf-8"))["tree"] is None
    _whole_check_after_a_write(demo, tmp_path, monkeypatch)


def test_numbers_of_another_run_are_not_taken(demo, tmp_path, monkeypatch):
    """The numbers kept beside the record are those of its own run (named by their SHA-1 in
    it): the file of an older run put back (same cases, a number used twice then) is not
    read, and the check after a write judges every case — a check that took it would report
    the number twice still."""
    import antt_cli.store.listing as listing

    monkeypatch.setattr(listing, "SETTLED_NS", 0)     # the record of the run on a file just edited kept
    _replace(demo, OTHER, "number: 05/BC-CAX", "number: 02/BC-CAX")
    assert "02/BC-CAX (MH-2025-001" in _check(demo, "--json")
    older = (demo / ".git" / "antt" / "check-uses.bin").read_bytes()
    _replace(demo, OTHER, "number: 02/BC-CAX", "number: 05/BC-CAX")
    assert "02/BC-CAX (MH-2025-001" not in _check(demo, "--json")
    (demo / ".git" / "antt" / "check-uses.bin").write_bytes(older)
    assert "02/BC-CAX (MH-2025-001" not in _whole_check_after_a_write(demo, tmp_path, monkeypatch)


@pytest.mark.parametrize("damage", ["truncated", "a body out of range", "not there"])
def test_damaged_numbers_are_a_whole_check(demo, tmp_path, monkeypatch, damage):
    _check(demo)
    path = demo / ".git" / "antt" / "check-uses.bin"
    data = path.read_bytes()
    if damage == "not there":
        path.unlink()
    else:
        from antt_cli.store import checkrun

        if damage == "truncated":
            data = data[: len(data) // 2]
        else:   # the body column's first index made too large, the record's SHA-1 made to fit
            uses = checkrun.load_uses(demo, json.loads(_record_path(demo).read_text(encoding="utf-8")))
            uses.body[0] = 10 ** 6
            data = uses.to_bytes()
        path.write_bytes(data)
        record = json.loads(_record_path(demo).read_text(encoding="utf-8"))
        import hashlib

        record["uses"] = hashlib.sha1(data).hexdigest()
        _record_path(demo).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    _whole_check_after_a_write(demo, tmp_path, monkeypatch)


def test_many_cases_changed_are_a_whole_check(demo, monkeypatch):
    """Past `FEW_TOUCHED` cases to judge again, the check judges the dossier case by case
    (one listing of git's index beats a pathspec per case)."""
    import antt_cli.services.check as service

    _check(demo)
    monkeypatch.setattr(service, "FEW_TOUCHED", 0)
    _antt_writes(demo)
    paths = _paths(monkeypatch)
    said = _check(demo, "--json")
    assert paths["whole"] and not paths["updated"]
    monkeypatch.setattr(service, "FEW_TOUCHED", 256)
    _antt_writes(demo)
    assert _check(demo, "--json") != said and paths["updated"]


def _record_of(cases: list[tuple[str, str]]) -> dict:
    return {"cases": [[cid, kind, 0, []] for cid, kind in cases]}


def test_the_case_folders_now(tmp_path):
    """store/checkrun.py `case_ids_now`: the record's cases whose folders git saw no change
    to, and any other ID-shaped folder holding a case file; a folder that does not hold its
    ID's kind, an ID in two folders, or a case of the record gone from a folder git saw no
    change to: None (the whole check looks)."""
    from antt_cli.store.checkrun import case_ids_now

    folders = {"models": "case.yaml", "exemplars": "case.yaml"}
    for rel in ("models/MH-2025-001", "models/MH-2025-002", "exemplars/DH-2025-001", "models/notes"):
        (tmp_path / rel).mkdir(parents=True)
    (tmp_path / "models" / "MH-2025-002" / "case.yaml").write_text("id: MH-2025-002\n", encoding="utf-8")
    record = _record_of([("DH-2025-001", "exemplar"), ("MH-2025-001", "model")])
    assert case_ids_now(tmp_path, record, set(), folders) == ["DH-2025-001", "MH-2025-001", "MH-2025-002"]
    assert case_ids_now(tmp_path, record, {"models/MH-2025-001"}, folders) == ["DH-2025-001", "MH-2025-002"]
    gone = _record_of([("DH-2025-001", "exemplar"), ("MH-2025-001", "model"), ("MH-2025-003", "model")])
    assert case_ids_now(tmp_path, gone, set(), folders) is None
    assert case_ids_now(tmp_path, gone, {"models/MH-2025-003"}, folders) is not None
    (tmp_path / "exemplars" / "MH-2025-004").mkdir()
    (tmp_path / "exemplars" / "MH-2025-004" / "case.yaml").write_text("id: MH-2025-004\n", encoding="utf-8")
    assert case_ids_now(tmp_path, record, set(), folders) is None           # a model in the exemplars' folder
    shutil.rmtree(tmp_path / "exemplars" / "MH-2025-004")
    (tmp_path / "exemplars" / "MH-2025-002").mkdir()
    (tmp_path / "exemplars" / "MH-2025-002" / "case.yaml").write_text("id: MH-2025-002\n", encoding="utf-8")
    assert case_ids_now(tmp_path, record, set(), {"exemplars": "case.yaml", "models": "case.yaml"}) is None


def test_numbers_used_twice_as_the_whole_dossier_finds_them():
    """`checkrun.Uses.twice` (register keys as integers, the numbers sharing one asked alone)
    finds what domain/consistency.py `duplicate_numbers` finds of every number, in its order;
    also with values too large for the integer key (all one candidate key), and numbers
    without a value."""
    import datetime as dt
    import random

    from antt_cli.domain.consistency import NumberUse, duplicate_numbers
    from antt_cli.store.checkrun import Uses

    rng = random.Random(7)
    for large in (False, True):
        ids = [f"MH-2025-{n:03d}" for n in range(1, 60)]
        cases = [[[rng.choice(["survey-plan", "proposal"]), rng.choice(["ubnd", "cax", "đu"]), rng.choice([2025, 2026]),
                   f"{v}/X", None if v % 11 == 0 else v + (2 ** 45 if large and v % 3 == 0 else 0),
                   dt.date(2025, 1, 1).toordinal() + rng.randrange(400)]
                  for v in (rng.randrange(40) for _ in range(rng.randrange(5)))] for _ in ids]
        uses = Uses([], [])
        for one in cases:
            uses.add(one)
        every = [NumberUse(cid, k, b, y, n, v, dt.date.fromordinal(d)) for cid, one in zip(ids, cases)
                 for k, b, y, n, v, d in one]
        expected = list(duplicate_numbers(every))
        assert expected and list(uses.twice(ids)) == expected
    uses.add([["proposal", "ubnd", 2025, "1/X", 2 ** 70, 739000]])
    assert not uses.whole and uses.to_bytes() is None     # a value past a 64-bit column: not kept


def test_a_folder_s_entries_read_from_the_listing_are_git_s(demo):
    """audit/git.py `view_of` (a few case folders' entries, read from the answer of the one
    `git ls-files` of every case folder) gives what `index_view` asks git for, folder by
    folder: with a flagged file, a file changed, a folder git does not track, none."""
    from antt_cli.audit.git import index_listing, index_view, view_of, worktree_changes

    _flag_and_edit(demo)
    _edit_document(demo)
    _new_case(demo)
    folders = ["models", "exemplars"]
    listing, changed = index_listing(demo, folders), worktree_changes(demo, folders)
    cases = sorted(f"{folder}/{p.name}" for folder in folders for p in (demo / folder).iterdir())
    assert len(cases) > 5 and THIRD in str(cases)
    for case in cases:
        assert view_of(listing, [case], changed).blobs == index_view(demo, [case], changed).blobs, case
    assert view_of(listing, cases, changed).blobs == index_view(demo, cases, changed).blobs
    assert view_of(listing, [], changed).blobs == {}


def test_a_path_with_a_tab_is_asked_of_git(demo):
    """A path holding a tab and another case folder's name: `view_of` finds it first when
    looking for that folder, sees it is not an entry's start, and leaves the folder to git."""
    from antt_cli.audit.git import index_listing, index_view, view_of, worktree_changes

    odd = demo / "models" / CASE / "a\tmodels" / OTHER / "x.txt"
    odd.parent.mkdir(parents=True)
    odd.write_text("x", encoding="utf-8")
    git(demo, "add", str(odd.relative_to(demo)))
    folders = ["models", "exemplars"]
    listing, changed = index_listing(demo, folders), worktree_changes(demo, folders)
    assert view_of(listing, [f"models/{OTHER}"], changed) is None
    mine = view_of(listing, [f"models/{CASE}"], changed).blobs
    assert mine == index_view(demo, [f"models/{CASE}"], changed).blobs and odd.relative_to(demo).as_posix() in mine


def test_rows_no_case_names_are_let_go(demo, tmp_path, monkeypatch):
    """An updated record keeps the older one's tables (its cases' rows stand as they are) and
    lets go of the rows no case names once there are more than `_Tables.UNUSED`: with none
    allowed, the finding of a number used twice is let go when the number is given back,
    and every answer is still a whole check's."""
    import antt_cli.services.check as service
    import antt_cli.store.listing as listing

    monkeypatch.setattr(listing, "SETTLED_NS", 0)
    monkeypatch.setattr(service._Tables, "UNUSED", 0)
    _check(demo)
    for n, step in enumerate([lambda root: _replace(root, OTHER, "number: 05/BC-CAX", "number: 02/BC-CAX"),
                              lambda root: _replace(root, OTHER, "number: 02/BC-CAX", "number: 05/BC-CAX"),
                              _antt_writes]):
        step(demo)
        paths = _paths(monkeypatch)
        said = _check(demo, "--json")
        assert paths["updated"] and not paths["whole"]
        record = json.loads(_record_path(demo).read_text(encoding="utf-8"))
        assert any(f[2] == "domain.consistency.number_twice" for f in record["findings"]) == (n == 0)
        assert said == _reference(demo, tmp_path / f"reference-{n}", monkeypatch, [("en", ("--json",), None)])[
            ("en", ("--json",), None)]


def _whole_check_after_a_write(demo, tmp_path, monkeypatch) -> str:
    """After an antt write, the check judges the whole dossier (not the record updated) and
    says what a check without any record or cache says; its `--json`."""
    _antt_writes(demo)
    paths = _paths(monkeypatch)
    said = _check(demo, "--json")
    assert paths["whole"] and not paths["updated"]
    assert said == _reference(demo, tmp_path / "reference", monkeypatch, [("en", ("--json",), None)])[
        ("en", ("--json",), None)]
    return said
