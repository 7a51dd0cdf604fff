"""`antt.yaml` as the last command read it (store/profile_memo.py): the next command takes it
without reading YAML, sees every edit of the file, and never believes a record that is
damaged, of other bytes, or that fails the profile's checks."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from conftest import ok
from test_imports import PROBE


def memo(root: Path) -> Path:
    return root / ".git" / "antt" / "profile.json"


def opened(root: Path) -> dict:
    from antt_cli.store.dossier import Dossier

    return Dossier.open(root).profile


def reads_yaml(root: Path, *args: str) -> bool:
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=("yaml",)), "--dossier", str(root), *args],
                          capture_output=True, text=True, encoding="utf-8")
    return next(line for line in done.stderr.splitlines() if line.startswith("LOADED")).split()[1:] == ["yaml"]


def test_the_next_command_reads_no_yaml(launched):
    memo(launched).unlink(missing_ok=True)
    assert reads_yaml(launched, "history", "MH-2025-001")  # the first reads antt.yaml, and keeps it
    assert memo(launched).is_file()
    assert not reads_yaml(launched, "history", "MH-2025-001")
    assert not reads_yaml(launched, "due")


def test_what_is_kept_is_what_the_file_says(launched):
    from antt_cli.store.yamlio import parse_yaml

    memo(launched).unlink(missing_ok=True)
    first = opened(launched)
    assert memo(launched).is_file()
    again = opened(launched)
    assert again == first == parse_yaml((launched / "antt.yaml").read_bytes(), "antt.yaml", fast=True)


def test_an_edited_profile_is_read_again(launched):
    opened(launched)
    path = launched / "antt.yaml"
    text = path.read_text(encoding="utf-8")
    assert "Asia/Ho_Chi_Minh" in text
    path.write_text(text.replace("Asia/Ho_Chi_Minh", "Asia/Bangkok"), encoding="utf-8")
    assert opened(launched)["timezone"] == "Asia/Bangkok"
    assert "Asia/Bangkok" in memo(launched).read_text(encoding="utf-8")


def test_a_damaged_record_is_not_used(launched):
    expected = opened(launched)
    for junk in (b"", b"\xff\xfe not json", b"[1, 2]", b'{"key": 1, "profile": {}}',
                 b'{"key": "x", "profile": {"$date": "not a date"}}'):
        memo(launched).write_bytes(junk)
        assert opened(launched) == expected, junk


def test_a_record_of_other_bytes_is_not_used(launched):
    opened(launched)
    kept = json.loads(memo(launched).read_text(encoding="utf-8"))
    kept["profile"]["unit"] = "Công an xã Khác"
    kept["key"] = kept["key"][:-1] + ("0" if kept["key"][-1] != "0" else "1")
    memo(launched).write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    assert opened(launched)["unit"] != "Công an xã Khác"


def test_a_record_that_fails_the_profile_s_checks_is_not_used(launched):
    """A record with the right key whose profile lacks `unit`: the file is read instead, and
    the command works as if there were no record."""
    expected = opened(launched)
    kept = json.loads(memo(launched).read_text(encoding="utf-8"))
    del kept["profile"]["unit"]
    memo(launched).write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    assert opened(launched) == expected
    ok("status", root=launched)


def test_a_profile_json_cannot_give_back_is_not_kept(tmp_path):
    from antt_cli.store import profile_memo

    (tmp_path / ".git").mkdir()
    for profile in ({"unit": "x", 2026: "a key that is a number"},
                    {"unit": "x", "note": {"$date": "2026-01-01"}},
                    {"unit": "x", "when": object()}):
        profile_memo.keep(tmp_path, b"raw", profile)
        assert not memo(tmp_path).exists(), profile
    profile_memo.keep(tmp_path, b"raw", {"unit": "x", "since": dt.date(2026, 1, 1)})
    assert profile_memo.recall(tmp_path, b"raw") == {"unit": "x", "since": dt.date(2026, 1, 1)}
    assert profile_memo.recall(tmp_path, b"other") is None
