"""git's commit-graph kept up to date by every write (docs/reliability.md "Commit-graph"): a
path-limited `git log` — what `antt history ID` runs — then answers from changed-path Bloom
filters for every commit, and the history it gives is the one git gives without the graph."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import commit_count, git, ok

from antt_cli.audit import git as gitq

CASE = "MH-2025-001"
INFO = Path(".git") / "objects" / "info"


def _bloom(root: Path, path: str) -> dict:
    """The Bloom filter statistics git reports (trace2) for a path-limited log of `path`."""
    env = {**os.environ, "GIT_TRACE2_EVENT": str(root / ".git" / "trace.json")}
    subprocess.run(["git", "log", "--format=%H", "--", path], cwd=root, env=env, check=True, capture_output=True)
    events = [json.loads(line) for line in (root / ".git" / "trace.json").read_text(encoding="utf-8").splitlines()]
    (root / ".git" / "trace.json").unlink()
    found = [e["value"] for e in events if e.get("category") == "bloom" and e.get("key") == "statistics"]
    return found[-1] if found else {}


def _unfiltered(root: Path) -> int:
    """How many commits a path-limited log of the case had to compare trees for: those
    outside the graph and those in it without a filter (the root commit has no parent to
    compare with and is never asked)."""
    stats = _bloom(root, f"models/{CASE}")
    asked = stats.get("maybe", 0) + stats.get("definitely_not", 0)
    return commit_count(root) - 1 - asked + stats.get("filter_not_present", 0)


def _no_graph(root: Path) -> None:
    """As a fresh `git clone` leaves it: no commit-graph at all."""
    shutil.rmtree(root / INFO / "commit-graphs", ignore_errors=True)
    (root / INFO / "commit-graph").unlink(missing_ok=True)


def _history(root: Path, *, graph: bool) -> list[dict]:
    """`antt --json history CASE`, git told to use (or ignore) the commit-graph."""
    env = {} if graph else {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.commitGraph",
                            "GIT_CONFIG_VALUE_0": "false"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return json.loads(ok("--json", "history", CASE, root=root).stdout)
    finally:
        for key, value in saved.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)


def test_every_write_leaves_every_commit_in_the_graph_with_its_filter(dossier):
    _no_graph(dossier)
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2025-09-01", root=dossier)
    assert gitq._graph_has_filters(dossier / INFO)
    ok("new-model", "Tổ tự quản thôn Hà Giáo", "--area", "Thôn Hà Giáo", "--date", "2025-09-02", root=dossier)
    ok("record", CASE, "survey-plan", "--date", "2025-09-03", "--number", "auto",
       "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05", root=dossier)
    assert (dossier / INFO / "commit-graphs" / "commit-graph-chain").is_file()  # the new commits in a layer of their own
    assert _unfiltered(dossier) == 0                  # every commit, the newest included, has its filter
    assert _bloom(dossier, f"models/{CASE}")["definitely_not"] > 0  # the others' commits skipped unread
    git(dossier, "commit-graph", "verify")


def test_history_is_the_same_with_and_without_the_graph(dossier):
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2025-09-01", root=dossier)
    ok("new-model", "Tổ tự quản thôn Hà Giáo", "--area", "Thôn Hà Giáo", "--date", "2025-09-02", root=dossier)
    ok("record", CASE, "survey-plan", "--date", "2025-09-03", "--number", "auto",
       "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05", root=dossier)
    with_graph = _history(dossier, graph=True)
    assert [r["action"] for r in with_graph] == ["new-model", "record survey-plan"]
    assert _history(dossier, graph=False) == with_graph


def test_a_commit_made_outside_antt_is_taken_into_the_graph_by_the_next_write(dossier):
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2025-09-01", root=dossier)
    (dossier / "models" / CASE / "ghi-chu.txt").write_text("tay\n", encoding="utf-8")
    git(dossier, "add", "-A")
    git(dossier, "commit", "-qm", "ghi chú viết tay")
    assert _unfiltered(dossier) == 1  # not in the graph yet
    ok("new-model", "Tổ tự quản thôn Hà Giáo", "--area", "Thôn Hà Giáo", "--date", "2025-09-02", root=dossier)
    assert _unfiltered(dossier) == 0


def test_a_graph_without_filters_or_unreadable_is_told_apart(tmp_path):
    info = tmp_path / "objects" / "info"
    info.mkdir(parents=True)
    assert not gitq._graph_has_filters(info)                  # none at all
    (info / "commit-graph").write_bytes(b"not a graph")
    assert not gitq._graph_has_filters(info)
    table = b"OIDF" + bytes(8) + b"OIDL" + bytes(8) + b"CDAT" + bytes(8) + bytes(12)
    (info / "commit-graph").write_bytes(b"CGPH\x01\x01\x03\x00" + table)
    assert not gitq._graph_has_filters(info)                  # git's graph without changed paths
    table = b"OIDF" + bytes(8) + b"BIDX" + bytes(8) + b"BDAT" + bytes(8) + bytes(12)
    (info / "commit-graph").write_bytes(b"CGPH\x01\x01\x03\x00" + table)
    assert gitq._graph_has_filters(info)


def test_a_write_whose_graph_cannot_be_written_still_succeeds(dossier):
    _no_graph(dossier)
    (dossier / INFO / "commit-graphs").write_text("a file where git wants a folder", encoding="utf-8")
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2025-09-01", root=dossier)
    assert git(dossier, "status", "--porcelain") == ""
    assert [r["action"] for r in _history(dossier, graph=True)] == ["new-model"]
