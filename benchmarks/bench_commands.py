"""Time `antt --help`, `antt status` and one `antt record` as real processes (median of N).

    .venv/bin/python benchmarks/bench_commands.py [--runs 9]

Builds a small dossier in a temporary folder (the demo scenario's first steps), then times
each command N times. Not part of the test suite (timings are measured, not asserted).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ANTT = [sys.executable, "-m", "antt_cli"]


def run(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(ANTT + args, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"antt {' '.join(args)} failed: {done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    tmp = Path(tempfile.mkdtemp(prefix="antt-bench-"))
    env = dict(os.environ, ANTT_TODAY="2026-06-20", GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@x",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@x")
    root = tmp / "ho-so"
    run(["init", str(root), "--unit", "Công an xã Hàm Thuận", "--province", "Lâm Đồng", "--officer", "Bench"], env)
    run(["--dossier", str(root), "bodies", "add", "Công an xã Hàm Thuận", "--code", "CAX", "--own",
         "--head", "Trưởng Công an xã: Phạm Văn Bình"], env)
    results: dict[str, list[float]] = {"antt --help": [], "antt status": [], "antt record (survey-plan)": []}
    for i in range(runs):
        results["antt --help"].append(run(["--help"], env))
        results["antt status"].append(run(["--dossier", str(root), "status"], env))
        run(["--dossier", str(root), "new-model", f"Mô hình {i}", "--area", f"Thôn {i}", "--date", "2026-01-05"], env)
        case_id = f"MH-2026-{i + 1:03d}"
        results["antt record (survey-plan)"].append(run([
            "--dossier", str(root), "record", case_id, "survey-plan", "--date", "2026-01-06", "--number", "auto",
            "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2026-01-07"], env))
    for name, times in results.items():
        print(f"{name:28s} median {statistics.median(times) * 1000:7.0f} ms  "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, n={len(times)})")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
