"""Parallel writers (docs/commands.md "Global": the lock first). 8 processes at once of `new-model`,
`record --number auto` on different cases, and `progress` on different targets of one
case: each succeeds or, after waiting out the deadline, refuses "dossier busy"; the tree
then holds every successful change — distinct IDs, distinct numbers, every value — with
one commit each."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import git, ok

from antt_cli.store.yamlio import load_yaml

N = 8
TIMEOUT = 10.0  # the default deadline (ANTT_LOCK_TIMEOUT unset)


def parallel(root: Path, commands: list[list[str]]) -> list[tuple[int, str, float]]:
    """Start every command at once; (exit status, stderr, seconds) of each."""
    env = {k: v for k, v in os.environ.items() if k != "ANTT_LOCK_TIMEOUT"}
    env["ANTT_LANG"] = "en"
    started = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "antt_cli", "--dossier", str(root), *args], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
             for args in commands]
    results = []
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        results.append((proc.returncode, err, time.monotonic() - started))
    for code, err, seconds in results:
        assert code == 0 or (code == 1 and "dossier busy" in err and seconds >= TIMEOUT), (code, err)
        assert "index.lock" not in err or "dossier busy" in err, err
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (root / ".git" / "antt.lock").exists() and not (root / ".git" / "index.lock").exists()
    print(f"{commands[0][0]}: {sum(c == 0 for c, _, _ in results)}/{len(results)} succeeded, "
          f"{sum(c != 0 for c, _, _ in results)} busy, last done after {max(s for _, _, s in results):.1f} s")
    return results


def actions(root: Path, action: str) -> int:
    out = git(root, "log", "--format=%(trailers:key=Antt-Action,valueonly)", "HEAD")
    return sum(1 for line in out.splitlines() if line.strip() == action)


def test_parallel_new_models_get_distinct_ids(dossier):
    results = parallel(dossier, [["new-model", f"Mô hình song song {i}", "--area", f"Thôn {i}",
                                  "--date", "2025-09-01"] for i in range(N)])
    succeeded = sum(1 for code, _, _ in results if code == 0)
    assert succeeded >= 1
    ids = sorted(p.name for p in (dossier / "models").iterdir())
    assert len(ids) == len(set(ids)) == succeeded
    names = {str(load_yaml(dossier / "models" / i / "case.yaml")["name"]) for i in ids}
    assert len(names) == succeeded
    assert actions(dossier, "new-model") == succeeded


def test_parallel_records_get_distinct_numbers(dossier):
    ids = [f"MH-2025-{i + 1:03d}" for i in range(N)]
    for i in range(N):
        ok("new-model", f"Mô hình {i}", "--area", f"Thôn {i}", "--date", "2025-09-01", root=dossier)
    results = parallel(dossier, [["record", case_id, "survey-plan", "--date", "2025-09-03", "--number", "auto",
                                  "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05"]
                                 for case_id in ids])
    succeeded = [case_id for case_id, (code, _, _) in zip(ids, results) if code == 0]
    assert succeeded
    numbers = []
    for case_id in ids:
        documents = load_yaml(dossier / "models" / case_id / "case.yaml")["documents"]
        assert len(documents) == (1 if case_id in succeeded else 0)
        numbers += [str(d["number"]) for d in documents]
    assert len(numbers) == len(set(numbers)) == len(succeeded)
    assert actions(dossier, "record survey-plan") == len(succeeded)


def test_parallel_progress_on_one_case_keeps_every_value(launched):
    targets = [f"Chỉ tiêu {i}" for i in range(N)]
    ok("plan", "MH-2025-001", "--year", "2027", "--date", "2026-06-20", "--number", "07/KH-BCĐ",
       *[arg for text in targets for arg in ("--target", f"{text}=100")], root=launched)
    results = parallel(launched, [["progress", "MH-2025-001", "--year", "2027", "--target", text,
                                   "--achieved", str(10 + i), "--date", "2026-06-20"]
                                  for i, text in enumerate(targets)])
    plan = load_yaml(launched / "models" / "MH-2025-001" / "case.yaml")["plans"][2027]
    achieved = {str(t["text"]): t.get("achieved") for t in plan["targets"]}
    succeeded = 0
    for i, (text, (code, _, _)) in enumerate(zip(targets, results)):
        assert achieved[text] == (10 + i if code == 0 else None)
        succeeded += code == 0
    assert succeeded >= 1
    assert actions(launched, "progress") == succeeded
