#!/usr/bin/env python3
"""antt at scale, measured side by side with its anchors (not run in CI; README, "Benchmark").

    python benchmarks/run.py [--cases 100 1000 10000] [--runs 5] [--work /tmp/antt-bench] [--no-doorstop]
                             [--commits 20000]
                             [--skip check-cold summary-docx …]

For each size: builds or reuses a dossier (benchmarks/make_dossier.py), reads and checks it once
(which writes its shared digests and check entries, the branch `antt-digests`), clones it once (the "fresh clone": its
read cache `.git/antt/` and its own branch `antt-digests` are removed before each cold run), then times, as
medians of whole processes run in turn: `antt --help`, `status` cold and warm, `status ID`,
`history ID`, `check` warm (the second of two runs), first after a round's writes and on
the fresh clone, `due` warm and on the fresh clone, `summary --year` on the terminal and as a báo cáo (`-o FILE.docx`), one `new-model`, one `record … --number auto` (render and
commit); beside them `python -c pass`, `python -c "import typer, rich"`, a typer+rich
hello-world with as many commands as antt, the read floor (a stdlib-only process reading
every case.yaml's bytes), a bare path-limited `git log` of the same case, git's own write of
one file into the same dossier (`git add` then `git commit`: the anchor of the writes' growth)
and git's plumbing for one changed case file (the least such a write grows by),
`history ID` and the bare `git log` again on the 100-case dossier with 20,000 more commits
(`--commits`), and `doorstop -F`
on as many Doorstop items (Doorstop installed into the benchmark's own venv under --work,
never a dependency of antt). Each row gives wall time, CPU time and peak memory (of the
process and the children it waited for); an anchored row gives the ratio taken pair by pair
(the two commands run one after the other) and its median, and the growth of its CPU time
from the same row at the previous size (with how many times the cases grew). Prints one
Markdown table.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dossier import ENV, make, with_history  # noqa: E402

PY = sys.executable
ANTT = [PY, "-m", "antt_cli"]
CASE = "MH-2025-001"
WRITTEN_CASE = "MH-2025-002"  # git's plumbing row changes it (`git_plumbing`)
SUMMARY_YEAR = "2026"   # the year make_dossier's models are rated in (every table of the báo cáo has rows)
SKIPPABLE = ("check", "check-cold", "due", "due-cold", "summary", "summary-docx")
HELLO = '''import typer
app = typer.Typer(rich_markup_mode="rich")
for _n in range({n}):
    def _cmd(name: str = typer.Argument("x", help="A name.")) -> None:
        """Say hello."""
        print("hello", name)
    app.command(f"cmd-{{_n}}")(_cmd)
app()
'''
FLOOR = '''import sys
from pathlib import Path
total = 0
for folder in ("models", "exemplars"):
    for case in (Path(sys.argv[1]) / folder).iterdir():
        try:
            total += len((case / "case.yaml").read_bytes())
        except OSError:
            pass
print(total)
'''


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float


@dataclass
class Row:
    name: str
    size: str
    samples: list[Sample] = field(default_factory=list)
    anchor: "Row | None" = None
    also: "Row | None" = None      # a second anchor (`check`: the read floor and Doorstop)
    cases: int = 0

    def median(self, attr: str) -> float:
        return statistics.median(getattr(s, attr) for s in self.samples)


def environ(extra: dict | None = None) -> dict:
    """The environment of a measured process: bytecode is cached, as for an installed antt
    (PYTHONDONTWRITEBYTECODE would make every run compile antt's modules again)."""
    env = {**os.environ, **ENV, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def precompile() -> None:
    """Compile antt's modules once, as `pip install` does, so no run pays for it."""
    where = subprocess.run([PY, "-c", "import antt_cli, os; print(os.path.dirname(antt_cli.__file__))"],
                           capture_output=True, text=True, env=environ()).stdout.strip()
    subprocess.run([PY, "-m", "compileall", "-q", where], env=environ(), check=False)
    print(f"antt from {where}", file=sys.stderr)


def measure(argv: list[str], cwd: Path | None = None, env: dict | None = None, ok=(0,),
            output: list[str] | None = None) -> Sample:
    """One whole-process run of `argv`: wall, CPU (with the children it waited for), peak
    memory. `output`: given, the command's standard output (stripped) is appended to it."""
    import tempfile

    with tempfile.TemporaryFile() if output is not None else open(os.devnull, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.PIPE, env=environ(env))
        err = proc.stderr.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        if output is not None:
            out.seek(0)
            output.append(out.read().decode().strip())
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(map(str, argv))} failed ({proc.returncode}): {err.decode(errors='replace')[-800:]}")
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss)


def doorstop_venv(work: Path) -> Path | None:
    """Doorstop in the benchmark's own venv (created once); None when it cannot be installed."""
    venv = work / "doorstop-venv"
    exe = venv / ("Scripts" if os.name == "nt" else "bin") / "doorstop"
    if exe.exists():
        return exe
    subprocess.run([PY, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "doorstop"],
                         capture_output=True, text=True)
    if pip.returncode != 0 or not exe.exists():
        print(f"doorstop could not be installed: {pip.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return exe


def doorstop_tree(work: Path, items: int, exe: Path) -> Path:
    """A git repository with one Doorstop document of `items` items (about 1 KB each)."""
    root = work / f"doorstop-{items}"
    if (root / ".bench-items").is_file() and (root / ".bench-items").read_text() == str(items):
        return root
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([str(exe), "create", "REQ", "./reqs"], cwd=root, check=True, capture_output=True)
    text = ("Tổ tự quản an ninh trật tự thôn phải tuần tra, kiểm soát ban đêm ít nhất hai lần mỗi tuần "
            "và báo cáo kết quả cho Công an xã. ") * 5
    for i in range(1, items + 1):
        (root / "reqs" / f"REQ{i:05d}.yml").write_text(
            f"active: true\nderived: false\nheader: ''\nlevel: 1.{i}\nlinks: []\nnormative: true\n"
            f"ref: ''\nreviewed: null\ntext: |\n  {text}{i}\n", encoding="utf-8")
    (root / "reqs" / ".doorstop.yml").write_text("settings:\n  digits: 5\n  prefix: REQ\n  sep: ''\n",
                                                encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", "items"], cwd=root, check=True, env={**os.environ, **ENV})
    (root / ".bench-items").write_text(str(items))
    return root


def fresh_clone(src: Path, work: Path) -> Path:
    clone = work / f"clone-{src.name}"
    if clone.exists():
        shutil.rmtree(clone)
    subprocess.run(["git", "clone", "-q", str(src), str(clone)], check=True)
    return clone


def as_cloned(clone: Path) -> None:
    """The clone as `git clone` left it: no read cache, and no set of digests of its own (the
    first run writes one when the origin's set is behind its cases: the cost of a first run)."""
    shutil.rmtree(clone / ".git" / "antt", ignore_errors=True)
    subprocess.run(["git", "-C", str(clone), "branch", "-q", "-D", "antt-digests"], capture_output=True)


def size_rows(n: int, door: bool) -> dict[str, Row]:
    size = f"{n // 1000}k" if n >= 1000 else str(n)
    rows = {
        "floor": Row("read floor (stdlib, read every case.yaml)", size),
        "warm": Row("`status`, warm", size),
        "cold": Row("`status`, fresh clone (no cache)", size),
        "one": Row(f"`status {CASE}`", size),
        "hist": Row(f"`history {CASE}`", size),
        "glog": Row(f"bare `git log -- models/{CASE}`", size),
        "check-write": Row("`check`, first after a round's writes (judges the cases they touched)", size),
        "check": Row("`check`, warm (the second of two runs)", size),
        "check-cold": Row("`check`, fresh clone (no cache)", size),
        "due": Row("`due`", size),
        "due-cold": Row("`due`, fresh clone (no cache)", size),
        "summary": Row(f"`summary --year {SUMMARY_YEAR}`", size),
        "summary-docx": Row(f"`summary --year {SUMMARY_YEAR} -o FILE.docx`", size),
        "new": Row("`new-model`", size),
        "rec": Row("`record … survey-plan --number auto` (render + commit)", size),
        "gitw": Row("bare `git add` + `git commit` of one file (git's own write)", size),
        "gitp": Row("git's plumbing for one changed case file (`ls-files`, `update-index`, `write-tree`, "
                    "`commit-tree`, `update-ref`)", size),
    }
    if door:
        rows["door"] = Row("`doorstop -F`", size)
    for row in rows.values():
        row.cases = n
    rows["warm"].anchor = rows["check"].anchor = rows["due"].anchor = rows["floor"]
    rows["warm"].also = rows["due"].also = rows.get("door")  # warm: ≤ 3× the floor and ≤ 1/10 of Doorstop
    rows["hist"].anchor = rows["glog"]
    rows["cold"].anchor = rows["check-cold"].anchor = rows["due-cold"].anchor = rows["check"].also = rows.get("door")
    return rows


def read_runs(r: dict[str, Row], root: Path, clone: Path, skip: set[str], dtree: Path | None, door: Path | None,
              after_writes: bool = False) -> None:
    """One run of every reading command (cold ones on the clone, its cache removed first)."""
    d = ["--dossier", str(root)]
    r["floor"].samples.append(measure([PY, "-c", FLOOR, str(root)]))
    r["warm"].samples.append(measure(ANTT + d + ["status"]))
    as_cloned(clone)
    r["cold"].samples.append(measure(ANTT + ["--dossier", str(clone), "status"]))
    if door is not None and dtree is not None:
        r["door"].samples.append(measure([str(door), "-F"], cwd=dtree, ok=(0, 1)))
    r["one"].samples.append(measure(ANTT + d + ["status", CASE]))
    r["hist"].samples.append(measure(ANTT + d + ["history", CASE]))
    r["glog"].samples.append(measure(["git", "-C", str(root), "log", "--format=%H%x00%B", "--", f"models/{CASE}"]))
    if "check" not in skip:
        # warm is the second of two runs: the first after the last round's writes judges the cases
        # they touched and writes check's record of the whole run again (docs/reliability.md)
        first = measure(ANTT + d + ["check"], ok=(0, 1))
        if after_writes:
            r["check-write"].samples.append(first)
        r["check"].samples.append(measure(ANTT + d + ["check"], ok=(0, 1)))
    if "check-cold" not in skip:
        as_cloned(clone)
        r["check-cold"].samples.append(measure(ANTT + ["--dossier", str(clone), "check"], ok=(0, 1)))
    if "due" not in skip:
        r["due"].samples.append(measure(ANTT + d + ["due"]))
    if "due-cold" not in skip:
        as_cloned(clone)
        r["due-cold"].samples.append(measure(ANTT + ["--dossier", str(clone), "due"]))
    if "summary" not in skip:
        r["summary"].samples.append(measure(ANTT + d + ["summary", "--year", SUMMARY_YEAR]))
    if "summary-docx" not in skip:
        out = root.parent / f"summary-{root.name}.docx"
        r["summary-docx"].samples.append(measure(ANTT + d + ["summary", "--year", SUMMARY_YEAR, "-o", str(out)]))


def write_runs(r: dict[str, Row], root: Path, i: int) -> None:
    """One `new-model` and one `record --number auto` on the case it made."""
    d = ["--dossier", str(root)]
    r["new"].samples.append(measure(ANTT + d + ["--json", "new-model", f"Mô hình đo {i}", "--area", f"Thôn đo {i}",
                                                "--date", "2026-06-20"]))
    made = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%B"], capture_output=True,
                          text=True).stdout
    case_id = next(line.split(":", 1)[1].strip() for line in made.splitlines() if line.startswith("Antt-Case:"))
    r["rec"].samples.append(measure(ANTT + d + ["record", case_id, "survey-plan", "--date", "2026-06-20",
                                                "--number", "auto", "--approved-by", "Đảng ủy xã Hàm Thuận",
                                                "--approved-date", "2026-06-20"]))
    r["gitw"].samples.append(git_write(root, i))
    r["gitp"].samples.append(git_plumbing(root, i))


def git_plumbing(root: Path, i: int) -> Sample:
    """The git commands no write through git's index can do without, for one case file
    changed (a blank line added at the end of another case's case.yaml than the one the
    reading rows read, or taken away again; the data the same): ask the index about
    the path, stage it, write the trees (the `models` tree with an entry per case among
    them), make the commit and move the branch. Their sum at 10,000 cases against 100 is the
    least any such write grows by."""
    rel = f"models/{WRITTEN_CASE}/case.yaml"
    data = (root / rel).read_bytes()
    # one blank line more, then one less: two contents in turn, both in antt's cache after the
    # first rounds, so the reading rows that follow do not pay for a changed file each round
    (root / rel).write_bytes(data[:-1] if data.endswith(b"\n\n") else data + b"\n")
    who = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@localhost"}
    git = ["git", "-C", str(root)]
    steps = [measure(git + ["ls-files", "-s", "-v", "-z", "--", f":(literal){rel}"]),
             measure(git + ["update-index", "--add", "--", rel])]
    ids: list[str] = []  # the tree written, then the commit made
    steps.append(measure(git + ["write-tree"], output=ids))
    steps.append(measure(git + ["commit-tree", ids[0], "-p", "HEAD", "-m", f"bench {i}"], env=who, output=ids))
    steps.append(measure(git + ["update-ref", "HEAD", ids[1]]))
    return Sample(sum(s.wall for s in steps), sum(s.cpu for s in steps), max(s.rss_mb for s in steps))


def git_write(root: Path, i: int) -> Sample:
    """git's own write of one file into the same dossier (`git add`, then `git commit`): what
    any tool that commits through git's index pays at this size, the anchor of the writes'
    growth."""
    note = root / "bench-git-write.txt"
    with open(note, "a", encoding="utf-8") as handle:
        handle.write(f"{i}\n")
    who = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@localhost"}
    add = measure(["git", "-C", str(root), "add", "--", note.name])
    commit = measure(["git", "-C", str(root), "commit", "-q", "-m", f"bench {i}"], env=who)
    return Sample(add.wall + commit.wall, add.cpu + commit.cpu, max(add.rss_mb, commit.rss_mb))


def bench_size(n: int, runs: int, work: Path, door: Path | None, rows: list[Row], skip: set[str]) -> None:
    root = make(work / f"dossier-{n}", n)
    measure(ANTT + ["--dossier", str(root), "status"])  # warm the cache once (and write the shared digests)
    if "check" not in skip or "check-cold" not in skip:
        measure(ANTT + ["--dossier", str(root), "check"], ok=(0, 1))  # its entries travel too
    clone = fresh_clone(root, work)  # it brings them (docs/reliability.md, "Digests that travel with the dossier")
    r = size_rows(n, door is not None)
    dtree = doorstop_tree(work, n, door) if door else None
    for i in range(runs):
        read_runs(r, root, clone, skip, dtree, door, after_writes=i > 0)
        write_runs(r, root, i)
    rows.extend(row for row in r.values() if row.samples)


def bench_history(commits: int, runs: int, work: Path, rows: list[Row]) -> None:
    """`history ID` against the number of commits: the 100-case dossier with `commits` more
    (one in about a hundred of them the case's), beside a bare path-limited `git log`."""
    root = with_history(make(work / "dossier-100", 100), work / f"history-{commits}", commits)
    size = f"100, {commits // 1000}k commits"
    glog = Row(f"bare `git log -- models/{CASE}`", size)
    hist = Row(f"`history {CASE}`", size, anchor=glog)
    for _ in range(runs):
        hist.samples.append(measure(ANTT + ["--dossier", str(root), "history", CASE]))
        glog.samples.append(measure(["git", "-C", str(root), "log", "--format=%H%x00%B", "--", f"models/{CASE}"]))
    rows.extend([hist, glog])


def bench_startup(runs: int, work: Path, rows: list[Row]) -> None:
    commands = len([line for line in subprocess.run(ANTT + ["--help"], capture_output=True, text=True,
                                                     env={**os.environ, **ENV}).stdout.splitlines()
                    if line.startswith("  ") and not line.startswith("   ")])
    hello = work / "hello.py"
    hello.write_text(HELLO.format(n=max(commands, 1)), encoding="utf-8")
    empty = Row("`python -c pass`", "—")
    imports = Row('`python -c "import typer, rich"`', "—")
    world = Row(f"typer+rich hello-world, {commands} commands, `--help`", "—")
    help_ = Row("`antt --help`", "—", anchor=world)
    for _ in range(runs):
        empty.samples.append(measure([PY, "-c", "pass"]))
        imports.samples.append(measure([PY, "-c", "import typer, rich"]))
        world.samples.append(measure([PY, str(hello), "--help"]))
        help_.samples.append(measure(ANTT + ["--help"]))
    rows.extend([empty, imports, world, help_])


def ratio(row: Row, attr: str = "wall") -> str:
    found = []
    for anchor in (row.anchor, row.also):
        if anchor is None or not anchor.samples:
            continue
        pairs = [getattr(a, attr) / getattr(b, attr) for a, b in zip(row.samples, anchor.samples)
                 if getattr(b, attr) > 0]
        if pairs:
            found.append(f"{statistics.median(pairs):.2f}")
    return "; ".join(found)


def anchors(row: Row) -> str:
    return "; ".join(a.name for a in (row.anchor, row.also) if a is not None and a.samples)


def growth(row: Row, rows: list[Row]) -> str:
    """The row's median CPU over the same row's at the previous (smaller) size, and how many
    times the cases grew: linear growth is the two numbers equal."""
    before = [r for r in rows if r.name == row.name and 0 < r.cases < row.cases and r.samples]
    if not before:
        return ""
    steps = [max(before, key=lambda r: r.cases)]
    if (first := min(before, key=lambda r: r.cases)) is not steps[0]:
        steps.append(first)  # the writes' target is 10,000 cases against 100
    return "; ".join(f"×{row.median('cpu') / r.median('cpu'):.2f} (cases ×{row.cases / r.cases:g})"
                     for r in steps if r.median("cpu") > 0)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    git = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), load {load:.1f} at start; "
            f"Python {platform.python_version()}; {git}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/antt-bench"))
    parser.add_argument("--no-doorstop", action="store_true")
    parser.add_argument("--commits", type=int, default=20000,
                        help="`history ID` on the 100-case dossier with this many more commits (0: left out)")
    parser.add_argument("--skip", nargs="*", default=[], choices=list(SKIPPABLE),
                        help="leave these rows out (`check-cold` parses every case of the clone each run)")
    opts = parser.parse_args()
    work = opts.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}; medians of {opts.runs} runs", flush=True)
    precompile()
    door = None if opts.no_doorstop else doorstop_venv(work)
    rows: list[Row] = []
    bench_startup(opts.runs, work, rows)
    for n in opts.cases:
        bench_size(n, opts.runs, work, door, rows, set(opts.skip))
    if opts.commits:
        bench_history(opts.commits, opts.runs, work, rows)
    help_ = next(row for row in rows if row.name == "`antt --help`")
    for row in rows:
        if row.name.startswith("`record"):
            row.anchor = help_  # one record with render and commit: ≤ 3× `antt --help`
    print("| command | size | wall (median) | CPU | peak memory | anchor | ratio wall | ratio CPU | CPU growth |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row.name} | {row.size} | {row.median('wall'):.3f} s | {row.median('cpu'):.3f} s | "
              f"{row.median('rss_mb'):.0f} MB | {anchors(row)} | {ratio(row)} | {ratio(row, 'cpu')} | "
              f"{growth(row, rows)} |")


if __name__ == "__main__":
    main()
