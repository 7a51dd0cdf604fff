#!/usr/bin/env python3
"""Adversarial campaign against antt's lock, journal, recovery and exit status (not run in
CI; docs/reliability.md). POSIX only (process groups, signals, git hooks; Linux for the
hooks that read /proc).

    python benchmarks/adversarial.py [--scale N] [--keep] [--seed S]

On a copy of the demo dossier (`antt demo`), per attempt:

- kills of the process (SIGKILL) and of its whole process group (the git child dies too)
  at each point of the write window (`ANTT_TEST_CRASH_AT`, `ANTT_TEST_PAUSE`), inside git
  (its fsmonitor, pre-commit and reference-transaction hooks kill the group while git holds
  its locks) and at random moments; then `antt status` and the same command again;
- parallel writers (`record … --number auto` on four cases and `new-model`s at once), with
  reads (`status --json`) beside them;
- hostile repository states (stale, foreign and empty locks, git's locks, a garbage
  journal, a merge, a detached HEAD, hand edits, leftover temporary files).

Each attempt is classified:
  clean      the command and the next one behaved as documented with nothing to recover
             (a refusal: exit 1, one sentence, nothing changed);
  recovered  the next command completed or rolled back the interrupted change (or cleared
             what it left) and the dossier is whole again;
  manual     something is left that needs a person (a lock, a dirty tree, a failing write);
  lost/dup   a change is missing or there twice (a case opened twice by one command, a
             document number given twice, a read showing a state that was never committed).
After every attempt: `git fsck`, `git status --porcelain --ignored`, no lock, journal or
temporary file left. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from antt_cli.audit.faults import GIT_KILL_PHASES, git_kill_hooks

ENV = {"ANTT_LANG": "en", "ANTT_TODAY": "2026-06-20", "ANTT_LOCK_TIMEOUT": "30"}
PY = sys.executable
RECOVERY_WORDS = ("completed it", "rolled it back", "Removed the dossier lock", "Removed git's lock",
                  "Removed git's index lock",
                  "moved aside")
CRASH_POINTS = ("index-locked", "tmp-written", "written", "before-commit", "staged", "commit-made",
                "index-swapping", "after-commit")
PAUSE_POINTS = ("entered", *CRASH_POINTS)
FRESH: list[str] = []  # models opened on the base with no document yet: FRESH[0] for `record`, the rest in parallel



def command(name: str, n: int) -> list[str]:
    if name == "new-model":
        return ["new-model", f"Thử nghiệm {n}", "--area", "Thôn Thử", "--date", "2026-06-20"]
    if name == "record":
        return ["record", FRESH[0], "survey-plan", "--date", "2026-06-20", "--number", "auto",
                "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2026-06-20"]
    if name == "progress":
        return ["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra, kiểm soát ban đêm",
                "--achieved", str(10 + n % 50), "--date", "2026-06-20"]
    raise ValueError(name)


def argv(root: Path, args: list[str]) -> list[str]:
    return [PY, "-m", "antt_cli", "--dossier", str(root), *args]


def run(root: Path, args: list[str], env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(argv(root, args), capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env={**os.environ, **ENV, **(env or {})}, timeout=300, **kw)


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8",
                          errors="replace").stdout


def problems(root: Path) -> list[str]:
    """What is left that should not be."""
    found = []
    gitdir = root / ".git"
    found += [f"lock {p.relative_to(gitdir)}" for p in gitdir.glob("*.lock")]
    found += [f"lock {p.relative_to(gitdir)}" for p in (gitdir / "refs").rglob("*.lock")]
    if (gitdir / "antt" / "journal.json").exists():
        found.append("journal")
    found += [f"tmp {p.name}" for p in gitdir.glob("antt.lock.*")]
    found += [f"tmp {p.name}" for p in (gitdir / "antt").glob("journal.json.*") if ".unreadable-" not in p.name]
    found += [f"tmp {p.name}" for p in (gitdir / "antt").glob("index.*")]  # a prior copy, or a private index
    dirty = git(root, "status", "--porcelain", "--ignored", "--untracked-files=all").strip()
    if dirty:
        found.append("dirty: " + dirty.replace("\n", "; ")[:200])
    fsck = subprocess.run(["git", "fsck", "--no-progress"], cwd=root, capture_output=True, text=True)
    if fsck.returncode != 0 or "error" in fsck.stderr.lower():
        found.append("fsck: " + fsck.stderr.strip()[:200])
    return found


def effect(root: Path, name: str, n: int) -> int | float | None:
    """How many times the change is there (new-model: cases of that name; record:
    survey-plans of MH-2026-001) or the value (progress)."""
    if name == "new-model":
        return sum(1 for p in root.glob("models/*/case.yaml")
                   if f"Thử nghiệm {n}\n" in p.read_text(encoding="utf-8"))
    if name == "record":
        docs = root / "models" / FRESH[0] / "docs"
        return len(list(docs.glob("*survey-plan*.docx"))) if docs.exists() else 0
    shown = run(root, ["--json", "status", "MH-2025-001"])
    try:
        plan = json.loads(shown.stdout)["plans"][0]
        return next(t["achieved"] for t in plan["targets"] if t["text"].startswith("Tuần tra"))
    except (ValueError, KeyError, StopIteration, IndexError):
        return None


class Campaign:
    def __init__(self, work: Path, scale: int, seed: int) -> None:
        self.work = work
        self.scale = scale
        self.rng = random.Random(seed)
        self.rows: dict[str, Counter] = defaultdict(Counter)
        self.notes: list[str] = []
        self.count = 0
        base = work / "base"
        made = subprocess.run([PY, "-m", "antt_cli", "demo", str(base)], capture_output=True, text=True,
                              env={**os.environ, "ANTT_LANG": "en"})
        if made.returncode != 0:
            raise SystemExit(f"antt demo failed: {made.stderr}")
        self.base = base
        for i in range(5):
            opened = run(base, ["--json", "new-model", f"Mô hình trống {i}", "--area", "Thôn Trống",
                                "--date", "2026-06-20"])
            FRESH.append(json.loads(opened.stdout)["id"])

    def fresh(self) -> Path:
        self.count += 1
        return Path(shutil.copytree(self.base, self.work / f"d{self.count}", symlinks=True))

    def done(self, root: Path) -> None:
        shutil.rmtree(root, ignore_errors=True)

    def tally(self, row: str, outcome: str, note: str | None = None) -> None:
        self.rows[row]["attempts"] += 1
        self.rows[row][outcome] += 1
        if note and outcome != "clean":
            self.notes.append(f"{row} → {outcome}: {note}")

    # -- kills -------------------------------------------------------------------------------
    def killed(self, row: str, name: str, launch) -> None:
        """`launch(root, args)` runs the command and kills it somehow; then the next
        command, the same command again, and the checks."""
        n = self.count + 1
        root = self.fresh()
        args = command(name, n)
        head = git(root, "rev-parse", "HEAD").strip()
        first = launch(root, args)
        committed = git(root, "rev-parse", "HEAD").strip() != head
        status = run(root, ["status"])
        said = status.stderr
        recovered = any(word in said for word in RECOVERY_WORDS)
        left = problems(root)
        again = run(root, args)
        said += again.stderr
        recovered = recovered or any(word in again.stderr for word in RECOVERY_WORDS)
        left2 = problems(root)
        got = effect(root, name, n)
        finished = first.returncode == 0 or committed
        # lost/dup: the change is not there as often as the runs that made it say; a re-run
        # that fails where it should not is a dossier that needs a person (manual)
        if name == "new-model":
            wrong = got != (1 if finished else 0) + (1 if again.returncode == 0 else 0)
            stuck = again.returncode != 0
        elif name == "record":
            wrong = got != (1 if finished or again.returncode == 0 else 0)
            stuck = again.returncode != (1 if finished else 0)
        else:
            wrong = again.returncode == 0 and got != 10 + n % 50
            stuck = again.returncode != 0
        if stuck:
            left2.append(f"the same command again: exit {again.returncode} {again.stderr.strip()[:160]}")
        if "Traceback" in said or status.returncode != 0:
            left2.append(f"status exit {status.returncode}")
        if wrong:
            self.tally(row, "lost/dup", f"{name}: effect {got}, first exit {first.returncode}, "
                                        f"again exit {again.returncode}: {again.stderr.strip()[:200]}")
        elif left or left2:
            self.tally(row, "manual" if left2 else "recovered", "; ".join(left2 or left)[:300])
        elif recovered:
            self.tally(row, "recovered")
        else:
            self.tally(row, "clean")
        self.done(root)

    def kill_at_point(self, name: str, point: str) -> None:
        self.killed(f"process killed at a point ({'/'.join(CRASH_POINTS)})", name,
                    lambda root, args: run(root, args, {"ANTT_TEST_CRASH_AT": point}))

    def group_kill_at_point(self, name: str, point: str) -> None:
        def launch(root, args):
            go = self.work / f"go-{self.count}"
            proc = subprocess.Popen(argv(root, args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    start_new_session=True,
                                    env={**os.environ, **ENV, "ANTT_TEST_PAUSE": point,
                                         "ANTT_TEST_PAUSE_FILE": str(go)})
            deadline = time.monotonic() + 60
            while not go.with_name(go.name + ".paused").exists() and proc.poll() is None \
                    and time.monotonic() < deadline:
                time.sleep(0.01)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            out, err = proc.communicate()
            return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

        self.killed(f"process group killed at a point ({'/'.join(PAUSE_POINTS)})", name, launch)

    def group_kill_in_git(self, name: str, phase: str) -> None:
        def launch(root, args):
            with git_kill_hooks(root):
                return run(root, args, {"ANTT_KILL_AT": phase}, start_new_session=True)

        self.killed(f"process group killed inside git ({'/'.join(GIT_KILL_PHASES)})", name, launch)

    def random_kill(self, name: str, group: bool) -> None:
        delay = self.rng.uniform(0.2, 1.6)

        def launch(root, args):
            proc = subprocess.Popen(argv(root, args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    start_new_session=True, env={**os.environ, **ENV})
            time.sleep(delay)
            try:
                if group:
                    os.killpg(proc.pid, signal.SIGKILL)
                else:
                    proc.kill()
            except ProcessLookupError:
                pass
            out, err = proc.communicate()
            time.sleep(0.05)
            return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

        self.killed(f"{'process group' if group else 'process'} killed at a random moment (0.2–1.6 s)",
                    name, launch)

    # -- Ctrl-C right after the success line -------------------------------------------------------
    def sigint_after_success(self, count: int) -> None:
        """SIGINT 0–60 ms after the success line reached stdout (interpreter shutdown): exit
        must stay 0 — a script that retries on failure would open the case twice."""
        root = self.fresh()
        row = "Ctrl-C 0–60 ms after the success line"
        for i in range(count):
            before = int(git(root, "rev-list", "--count", "HEAD").strip())
            proc = subprocess.Popen(argv(root, command("new-model", 1000 + i)), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env={**os.environ, **ENV})
            proc.stdout.readline()
            time.sleep(self.rng.uniform(0, 0.06))
            try:
                proc.send_signal(signal.SIGINT)
            except ProcessLookupError:
                pass
            out, err = proc.communicate()
            made = int(git(root, "rev-list", "--count", "HEAD").strip()) - before
            if made == 1 and proc.returncode == 0 and "Traceback" not in err:
                self.tally(row, "clean")
            elif made == 1:  # committed, yet reported as a failure: a retry duplicates it
                self.tally(row, "lost/dup", f"exit {proc.returncode}: {err.strip()[:160]}")
            else:
                self.tally(row, "manual", f"exit {proc.returncode}, {made} commits: {err.strip()[:160]}")
        self.done(root)

    # -- parallel writers and reads beside them ---------------------------------------------------
    def parallel(self, readers: int) -> None:
        root = self.fresh()
        start = git(root, "rev-parse", "HEAD").strip()
        names = [f"Song song {self.count}-{i}" for i in range(2)]
        jobs = [["record", case, "survey-plan", "--date", "2026-06-20", "--number", "auto",
                 "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2026-06-20"] for case in FRESH[1:]]
        jobs += [["new-model", name, "--area", "Thôn Song Song", "--date", "2026-06-20"] for name in names]
        procs = [subprocess.Popen(argv(root, job), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env={**os.environ, **ENV}) for job in jobs]
        reads: list[tuple[int, str, str]] = []

        def reader():
            while any(p.poll() is None for p in procs) and len(reads) < readers:
                done = run(root, ["--json", "status"])
                reads.append((done.returncode, done.stdout, done.stderr))

        thread = threading.Thread(target=reader)
        thread.start()
        results = [(p.wait(), p.stderr.read()) for p in procs]
        thread.join()
        while len(reads) < readers:  # the writers were quick: read after them
            done = run(root, ["--json", "status"])
            reads.append((done.returncode, done.stdout, done.stderr))
        left = problems(root)
        numbers = []
        for case in FRESH[1:]:
            shown = run(root, ["--json", "status", case])
            try:
                numbers += [d["number"] for d in json.loads(shown.stdout)["documents"] if d["kind"] == "survey-plan"]
            except (ValueError, KeyError):
                left.append(f"status {case}: exit {shown.returncode} {shown.stderr.strip()[:200]}")
        opened = Counter(name for p in root.glob("models/*/case.yaml") for name in names
                         if f"{name}\n" in p.read_text(encoding="utf-8"))
        commits = int(git(root, "rev-list", "--count", f"{start}..HEAD").strip())
        dup = len(numbers) != len(set(numbers)) or any(v > 1 for v in opened.values())
        ok_count = sum(1 for code, _ in results if code == 0)
        for code, err in results:
            if dup or commits != ok_count:
                self.tally("parallel writers (`--number auto` ×4, `new-model` ×2)", "lost/dup",
                           f"numbers {numbers}, opened {dict(opened)}, commits {commits} for {ok_count} successes")
            elif code != 0 or left:
                self.tally("parallel writers (`--number auto` ×4, `new-model` ×2)", "manual",
                           f"exit {code}: {err.strip()[:200]} {left}")
            else:
                self.tally("parallel writers (`--number auto` ×4, `new-model` ×2)", "clean")
        # each read must show a state that was committed: its case list is one of the commits'
        states = set()
        for sha in git(root, "rev-list", f"{start}^..HEAD").split():
            tree = git(root, "ls-tree", "-d", "--name-only", sha, "models/")
            states.add(frozenset(line.split("/")[-1] for line in tree.split()))
        for code, out, err in reads:
            try:
                seen = frozenset(case["id"] for case in json.loads(out))
            except ValueError:
                seen = None
            if code != 0 or seen is None:
                self.tally("reads beside writers (`status --json`)", "manual", f"exit {code}: {err.strip()[:200]}")
            elif seen not in states:
                self.tally("reads beside writers (`status --json`)", "lost/dup", f"read {sorted(seen)}")
            else:
                self.tally("reads beside writers (`status --json`)", "clean")
        self.done(root)

    # -- hostile states ------------------------------------------------------------------------
    def hostile(self, label: str, prepare, expect: str, cleanup=None) -> None:
        """`prepare(root)` makes the state; `expect` is "success" (antt repairs it and goes
        on) or "refused" (exit 1, one sentence, nothing changed)."""
        root = self.fresh()
        n = self.count
        extra = prepare(root) or {}
        before = (git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain", "--untracked-files=all"))
        done = run(root, command("new-model", n), extra)
        if cleanup:
            cleanup(root)
        row = "hostile repository states"
        after = (git(root, "rev-parse", "HEAD"), git(root, "status", "--porcelain", "--untracked-files=all"))
        if "Traceback" in done.stderr or done.returncode not in (0, 1):
            self.tally(row, "manual", f"{label}: exit {done.returncode} {done.stderr.strip()[:200]}")
        elif expect == "either":  # antt goes on, or refuses cleanly: both are right
            lines = [line for line in done.stderr.strip().splitlines() if line.startswith("Error")]
            if (done.returncode == 0 and effect(root, "new-model", n) == 1) or \
                    (done.returncode == 1 and after == before and len(lines) == 1):
                self.tally(row, "clean")
            else:
                self.tally(row, "manual", f"{label}: exit {done.returncode} {done.stderr.strip()[:200]}")
        elif expect == "success":
            if done.returncode == 0 and effect(root, "new-model", n) == 1 and not problems(root):
                recovered = any(word in done.stderr for word in RECOVERY_WORDS)
                self.tally(row, "recovered" if recovered else "clean")
            else:
                self.tally(row, "manual", f"{label}: exit {done.returncode} {done.stderr.strip()[:200]} "
                                          f"{problems(root)}")
        else:
            lines = [line for line in done.stderr.strip().splitlines() if line.startswith("Error")]
            if done.returncode == 1 and after == before and len(lines) == 1:
                self.tally(row, "clean")
            else:
                self.tally(row, "manual", f"{label}: exit {done.returncode}, changed {after != before}: "
                                          f"{done.stderr.strip()[:200]}")
        self.done(root)

    def hostile_states(self) -> None:
        dead = subprocess.Popen([PY, "-c", "pass"])
        dead.wait()
        host = socket.gethostname()

        def lock(data: str, age: float = 0):
            def prepare(root):
                path = root / ".git" / "antt.lock"
                path.write_text(data)
                if age:
                    os.utime(path, (time.time() - age, time.time() - age))
            return prepare

        def files(*names: str, content: str = "", age: float = 0):
            def prepare(root):
                for name in names:
                    path = root / ".git" / name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(content)
                    if age:
                        os.utime(path, (time.time() - age, time.time() - age))
            return prepare

        def journal_with_git_locks(root):
            (root / ".git" / "antt").mkdir(exist_ok=True)
            (root / ".git" / "antt" / "journal.json").write_text(json.dumps({
                "version": 1, "id": "20260620T000000-deadbeef0000", "pid": dead.pid, "host": host,
                "time": "2026-06-20T00:00:00+00:00", "started": time.time() - 5, "action": "record x",
                "case": None, "head": git(root, "rev-parse", "HEAD").strip(), "phase": "committing",
                "paths": [], "dirs": []}))
            for name in ("HEAD.lock", "index.lock", "refs/heads/main.lock", f"next-index-{dead.pid}.lock"):
                (root / ".git" / name).write_text("")

        holders: list[subprocess.Popen] = []

        def live_git_index_lock(root):
            holders.append(subprocess.Popen(["git", "hash-object", "--stdin"], cwd=root, stdin=subprocess.PIPE,
                                            stdout=subprocess.DEVNULL))
            (root / ".git" / "index.lock").write_text("")
            return {"ANTT_LOCK_TIMEOUT": "1"}

        def stop_holder(root):
            for holder in holders:
                holder.communicate(b"")
            holders.clear()
            (root / ".git" / "index.lock").unlink(missing_ok=True)

        def merge(root):
            (root / ".git" / "MERGE_HEAD").write_text(git(root, "rev-parse", "HEAD"))

        def detached(root):
            git(root, "checkout", "-q", "--detach")

        def hand_edit(root):
            with open(root / "antt.yaml", "a", encoding="utf-8") as handle:
                handle.write("# sửa tay\n")

        def busy(root):
            lock(json.dumps({"pid": 1, "host": "another-machine", "time": "now", "command": "antt x",
                             "token": "t"}))(root)
            return {"ANTT_LOCK_TIMEOUT": "1"}

        cases = [
            ("stale lock of a dead pid", lock(json.dumps({"pid": dead.pid, "host": host, "time": "x",
                                                          "command": "antt x", "token": "t"})), "success"),
            ("empty old lock", lock("", age=5), "success"),
            ("garbage lock, old", lock("{{{", age=5), "success"),
            ("lock held on another machine", busy, "refused"),
            ("garbage journal", files("antt/journal.json", content="not json"), "success"),
            ("journal of a dead antt + git locks", journal_with_git_locks, "success"),
            ("journal/lock temp files of a dead pid",
             files(f"antt/journal.json.{dead.pid}.tmp", f"antt.lock.{dead.pid}.0badc0de.tmp", content="{",
                   age=10), "success"),
            ("foreign HEAD.lock (no antt journal)", files("HEAD.lock", age=60), "refused"),
            ("index.lock of a live git", live_git_index_lock, "refused"),
            ("merge in progress", merge, "refused"),
            ("detached HEAD", detached, "refused"),
            ("antt.yaml edited by hand", hand_edit, "either"),
        ]
        for label, prepare, expect in cases:
            for _ in range(max(1, self.scale)):
                self.hostile(label, prepare, expect,
                             stop_holder if prepare is live_git_index_lock else None)

    # -- the whole campaign --------------------------------------------------------------------
    def run(self) -> None:
        names = ("new-model", "record", "progress")
        for _ in range(self.scale):
            for name in names:
                for point in CRASH_POINTS:
                    self.kill_at_point(name, point)
                for point in PAUSE_POINTS:
                    self.group_kill_at_point(name, point)
                if Path("/proc/self/cmdline").exists():
                    for phase in GIT_KILL_PHASES:
                        self.group_kill_in_git(name, phase)
                for _ in range(3):
                    self.random_kill(name, group=False)
                    self.random_kill(name, group=True)
            for _ in range(2):
                self.parallel(readers=8)
            self.sigint_after_success(20)
        self.hostile_states()

    def table(self) -> str:
        lines = ["| scenario | attempts | clean | recovered | manual repair | lost or duplicated |",
                 "| --- | --- | --- | --- | --- | --- |"]
        total = Counter()
        for row, counts in self.rows.items():
            lines.append(f"| {row} | {counts['attempts']} | {counts['clean']} | {counts['recovered']} | "
                         f"{counts['manual']} | {counts['lost/dup']} |")
            total.update(counts)
        lines.append(f"| **total** | {total['attempts']} | {total['clean']} | {total['recovered']} | "
                     f"{total['manual']} | {total['lost/dup']} |")
        return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="rounds of every scenario")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="antt-adversarial-"))
    started = time.monotonic()
    try:
        campaign = Campaign(work, options.scale, options.seed)
        campaign.run()
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(campaign.table())
    print(f"\n{time.monotonic() - started:.0f} s; git {git(Path('.'), '--version').strip()}")
    for note in campaign.notes:
        print("-", note)


if __name__ == "__main__":
    main()
