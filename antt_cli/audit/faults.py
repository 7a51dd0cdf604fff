"""Test hooks that stop antt at a chosen moment, so that tests and the adversarial campaign
(benchmarks/adversarial.py) send real signals at exact points instead of racing a timer
(docs/reliability.md "Fault injection").

`ANTT_TEST_PAUSE=<point>` with `ANTT_TEST_PAUSE_FILE=<path>`: at that point antt creates
`<path>.paused` and waits until `<path>` exists (60 s at most), then goes on. Points: the
crash points of audit/transaction.py, `entered` (the lock taken, nothing written yet),
`startup` (the entry point, before the command is parsed) and `exit` (the exit status
decided, just before the interpreter shuts down). Unset, each point costs one dict lookup.
"""
from __future__ import annotations

import contextlib
import os
import time

PAUSE_POINTS = ("startup", "entered", "index-locked", "tmp-written", "written", "before-commit", "staged",
                "commit-made", "index-swapping", "after-commit",
                "exit")


def pause_point(point: str) -> None:
    if os.environ.get("ANTT_TEST_PAUSE") != point:
        return
    go = os.environ.get("ANTT_TEST_PAUSE_FILE")
    if not go:
        return
    with open(go + ".paused", "w", encoding="utf-8") as handle:
        handle.write(str(os.getpid()))
    deadline = time.monotonic() + 60
    while not os.path.exists(go) and time.monotonic() < deadline:
        time.sleep(0.01)


# git calls these hooks while it works: the fsmonitor hook when `git status` or `git add`
# reads the index (`git add` already holds index.lock), pre-commit while `git commit` holds
# index.lock and next-index-*.lock, reference-transaction "prepared" while it also holds
# HEAD.lock and the branch's lock, "committed" once the commit is made. With `ANTT_KILL_AT`
# set to one of GIT_KILL_PHASES the hook kills the whole process group — antt, git and
# itself — as closing a terminal or `kill -9 -PGID` does (tests/test_crash.py, the campaign).
GIT_KILL_PHASES = ("status", "add", "pre-commit", "prepared", "committed")
GIT_KILL_HOOK = """#!/bin/sh
parent=" $(tr '\\000' ' ' < /proc/$PPID/cmdline 2>/dev/null) "
case "$ANTT_KILL_AT:$(basename "$0"):$1" in
  status:fsmonitor:*) case "$parent" in *" status "*) kill -9 0;; esac;;
  add:fsmonitor:*) case "$parent" in *" add "*) kill -9 0;; esac;;
  pre-commit:pre-commit:*) kill -9 0;;
  prepared:reference-transaction:prepared) kill -9 0;;
  committed:reference-transaction:committed) kill -9 0;;
esac
[ "$(basename "$0")" = fsmonitor ] && exit 1
cat >/dev/null 2>&1 </dev/null
exit 0
"""
_KILL_HOOKS = ("fsmonitor", "pre-commit", "reference-transaction")


@contextlib.contextmanager
def git_kill_hooks(root):
    """The GIT_KILL_HOOK installed in the repository at `root` for the duration (a test or
    the campaign then runs antt with `ANTT_KILL_AT`), and removed afterwards."""
    import subprocess
    from pathlib import Path

    hooks = Path(root) / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    for name in _KILL_HOOKS:
        (hooks / name).write_text(GIT_KILL_HOOK)
        (hooks / name).chmod(0o755)
    subprocess.run(["git", "-C", str(root), "config", "core.fsmonitor", str(hooks / "fsmonitor")], check=True)
    try:
        yield
    finally:
        subprocess.run(["git", "-C", str(root), "config", "--unset", "core.fsmonitor"], check=False)
        for name in _KILL_HOOKS:
            (hooks / name).unlink(missing_ok=True)
