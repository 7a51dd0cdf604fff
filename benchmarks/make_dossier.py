#!/usr/bin/env python3
"""A large dossier for the benchmark (not run in CI; benchmarks/run.py uses it).

    python benchmarks/make_dossier.py --cases 1000 [--out DIR] [--force]

The demo dossier (`antt demo`: models at every stage with their documents' DOCX files,
plans, progress, reports, ratings; exemplars) plus copies of its cases under new IDs
(`MH-2024-0001`, `DH-2024-0002`, …) until the dossier holds about N cases, committed at
once. Each copy keeps its model's DOCX files (tracked, as real cases have them; git stores
identical bytes once, the working tree holds them all — in the source dossier they are hard
links, so it costs little disk) and its document numbers moved up by a per-copy offset, so
the body's register of numbers grows as in a real dossier instead of repeating.

A dossier already at DIR made for the same N is reused (a `.bench-cases` file says N).

`with_history(src, out, commits)` is a copy of such a dossier with `commits` more commits on
top (made with `git fast-import`: each adds a line to a note in one case's folder, the cases
taken in turn, the message and trailers an antt commit has), for `history ID` against the
number of commits.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ENV = {"ANTT_LANG": "en", "ANTT_TODAY": "2026-06-20", "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
       "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
NUMBER = re.compile(r"^(\s*number: )(\d+)(?=[/-])", re.M)


def antt(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "antt_cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **ENV}, check=True)


def copy_case(src: Path, dest: Path, old_id: str, new_id: str, offset: int) -> None:
    dest.mkdir(parents=True)
    text = (src / "case.yaml").read_text(encoding="utf-8").replace(old_id, new_id)
    text = NUMBER.sub(lambda m: f"{m[1]}{int(m[2]) + offset:02d}", text)
    (dest / "case.yaml").write_text(text, encoding="utf-8")
    docs = src / "docs"
    if docs.is_dir():
        (dest / "docs").mkdir()
        for doc in docs.iterdir():
            try:
                os.link(doc, dest / "docs" / doc.name)
            except OSError:
                shutil.copy2(doc, dest / "docs" / doc.name)


def make(out: Path, cases: int) -> Path:
    marker = out / ".bench-cases"
    if marker.is_file() and marker.read_text().strip() == str(cases):
        return out
    if out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    antt("demo", str(out))
    sources = sorted([*out.glob("models/*/case.yaml"), *out.glob("exemplars/*/case.yaml")])
    existing = len(sources)
    for i in range(max(0, cases - existing)):
        src = sources[i % existing].parent
        code = "MH" if src.parent.name == "models" else "DH"
        new_id = f"{code}-2024-{i + 1:04d}"
        copy_case(src, src.parent / new_id, src.name, new_id, offset=(i // existing + 1) * 40)
    subprocess.run(["git", "add", "-A"], cwd=out, check=True, env={**os.environ, **ENV})
    subprocess.run(["git", "commit", "-qm", f"Benchmark: {cases} cases"], cwd=out, check=True,
                   env={**os.environ, **ENV})
    # As antt's writes leave it (docs/reliability.md "Commit-graph"): with changed-path filters.
    subprocess.run(["git", "commit-graph", "write", "--reachable", "--changed-paths", "--split=replace"], cwd=out,
                   check=False, capture_output=True)
    (out / ".git" / "info" / "exclude").open("a").write(".bench-cases\n")
    marker.write_text(str(cases))
    print(f"made {out} ({cases} cases) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


def with_history(src: Path, out: Path, commits: int) -> Path:
    """A copy of the dossier `src` with `commits` more commits (see the module's docstring);
    reused when one of the same size is there (`.bench-commits`)."""
    marker = out / ".bench-commits"
    if marker.is_file() and marker.read_text().strip() == f"{src.name}:{commits}":
        return out
    if out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    subprocess.run(["git", "clone", "-q", str(src), str(out)], check=True)
    cases = sorted(p.name for p in (out / "models").iterdir() if p.is_dir())
    branch = subprocess.run(["git", "symbolic-ref", "HEAD"], cwd=out, capture_output=True, text=True,
                            check=True).stdout.strip()
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=out, capture_output=True, text=True,
                          check=True).stdout.strip()
    stream = []
    when = 1767225600  # 2026-01-01
    for i in range(commits):
        case = cases[i % len(cases)]
        lines = "".join(f"ghi chú {k}\n" for k in range(i // len(cases) + 1)).encode("utf-8")
        message = (f"[{case}] Ghi chú {i}\n\nAntt-Case: {case}\nAntt-Action: note\n"
                   f"Antt-Officer: Bench\n").encode("utf-8")
        stream += [f"commit {branch}\n".encode(), f"committer Bench <bench@example.invalid> {when + 60 * i} +0700\n".encode(),
                   b"data %d\n%s\n" % (len(message), message)]
        if i == 0:
            stream.append(f"from {head}\n".encode())
        stream.append(b"M 100644 inline models/%s/ghi-chu.txt\ndata %d\n%s\n" % (case.encode(), len(lines), lines))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=out, input=b"".join(stream), check=True)
    subprocess.run(["git", "reset", "-q", "--hard", "HEAD"], cwd=out, check=True)
    subprocess.run(["git", "commit-graph", "write", "--reachable", "--changed-paths", "--split=replace"], cwd=out,
                   check=False, capture_output=True)
    (out / ".git" / "info" / "exclude").open("a").write(".bench-commits\n")
    marker.write_text(f"{src.name}:{commits}")
    print(f"made {out} ({commits} more commits) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None, help="default: /tmp/antt-bench/dossier-N")
    parser.add_argument("--force", action="store_true", help="make it again even if it exists")
    opts = parser.parse_args()
    out = opts.out or Path("/tmp/antt-bench") / f"dossier-{opts.cases}"
    if opts.force and out.exists():
        shutil.rmtree(out)
    print(make(out.resolve(), opts.cases))


if __name__ == "__main__":
    main()
