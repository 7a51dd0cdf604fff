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

import os
import time

PAUSE_POINTS = ("startup", "entered", "tmp-written", "written", "before-commit", "staged", "after-commit",
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
