"""Whole-dossier reads (status, check, due, summary) of a sparse checkout, through the real CLI
(`python -m antt_cli`) on a real git dossier: the cases outside the checkout's cone are not on
disk, so each read says on stderr that it counts only the cases there and how to see them all
(`git sparse-checkout disable`); stdout (`--json` included) and the exit code are what the
same read gives without the notice. Writes are refused there (tests/test_git_states.py)."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import antt_process, git

READS = (("status",), ("check",), ("due",), ("summary", "--year", "2026"))
SAID_VI = "git sparse-checkout disable"


def _sparse(root: Path) -> None:
    git(root, "update-index", "-q", "--refresh")  # a copy: stat data git must see as its own
    git(root, "sparse-checkout", "set", "models/MH-2025-001")
    assert not (root / "models" / "MH-2025-002").exists()


def _json_read(root: Path, *args: str, lang: str | None = None):
    env = {"ANTT_LANG": lang} if lang else None
    done = antt_process("--dossier", str(root), "--json", *args, env=env)
    return done, json.loads(done.stdout)  # valid JSON on stdout, the notice on stderr


def test_whole_dossier_reads_of_a_sparse_checkout_say_they_see_only_the_cases_on_disk(launched):
    whole = {args: _json_read(launched, *args) for args in READS}
    assert [r["id"] for r in whole[("status",)][1]] == ["MH-2025-001", "MH-2025-002"]
    for done, _data in whole.values():
        assert SAID_VI not in done.stderr, done
    _sparse(launched)
    for args in READS:
        done, data = _json_read(launched, *args)
        assert done.returncode == whole[args][0].returncode, (args, done)
        assert SAID_VI in done.stderr and "chỉ tính các hồ sơ có trên đĩa" in done.stderr, (args, done.stderr)
    rows = _json_read(launched, "status")[1]
    assert [r["id"] for r in rows] == ["MH-2025-001"]  # what is on disk, as before; now said
    english = _json_read(launched, "status", lang="en")[0]
    assert "sparse checkout" in english.stderr and "only the cases on disk" in english.stderr, english.stderr
    human = antt_process("--dossier", str(launched), "status")
    assert human.returncode == 0 and "MH-2025-001" in human.stdout and SAID_VI in human.stderr, human
    # One case's own reads say nothing: what they show is all on disk.
    for args in (("status", "MH-2025-001"), ("due", "MH-2025-001")):
        done = antt_process("--dossier", str(launched), "--json", *args)
        assert done.returncode == 0 and SAID_VI not in done.stderr, (args, done)
        json.loads(done.stdout)
    git(launched, "sparse-checkout", "disable")
    done, rows = _json_read(launched, "status")
    assert SAID_VI not in done.stderr and [r["id"] for r in rows] == ["MH-2025-001", "MH-2025-002"]
