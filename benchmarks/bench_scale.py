"""How whole-dossier work scales: a dossier of N model cases (copies of the demo's launched
model under new IDs, committed at once), then `antt status` and one `antt record` timed.

    .venv/bin/python benchmarks/bench_scale.py [--cases 2000] [--runs 5]
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


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(ANTT + args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"antt {' '.join(args)} failed: {done.stderr}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="antt-scale-"))
    env = dict(os.environ, ANTT_TODAY="2026-06-20")
    root = tmp / "demo"
    subprocess.run(ANTT + ["demo", str(root)], env=env, check=True, capture_output=True)
    source = (root / "models" / "MH-2025-001" / "case.yaml").read_text(encoding="utf-8")
    for i in range(opts.cases):
        case_id = f"MH-2024-{i + 1:04d}"
        folder = root / "models" / case_id
        folder.mkdir(parents=True)
        (folder / "case.yaml").write_text(source.replace("MH-2025-001", case_id), encoding="utf-8")
    subprocess.run(["git", "add", "models"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", f"{opts.cases} cases for the benchmark"], cwd=root, check=True,
                   env=env)
    status, record = [], []
    for i in range(opts.runs):
        status.append(timed(["--dossier", str(root), "status"], env))
        record.append(timed(["--dossier", str(root), "record", "MH-2025-001", "review", "--date", "2026-06-01",
                             "--number", f"{20 + i}/BC-BCĐ"], env))
    total = opts.cases + 3
    print(f"{total} cases: antt status median {statistics.median(status):.2f} s; "
          f"antt record (review) median {statistics.median(record):.2f} s (n={opts.runs})")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
