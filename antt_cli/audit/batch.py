"""Several commits as one change: `antt adopt` makes one commit per adopted case, and the
whole file is adopted or nothing is (docs/reliability.md "Batches").

    with Batch(root, action="adopt", notice=…) as batch:       # the dossier lock, for all
        for …:
            with batch.transaction(summary=…, action=…, case_id=…) as tx:   # one commit each
                tx.write_text(…)

The batch takes the dossier lock once and keeps it; each step is an ordinary transaction
(its own journal, its own commit) run under that lock. Before the first step the batch
saves `.git/antt/batch.json` — its process, and HEAD and the branch when it began. When a
step fails, the batch is undone: the branch goes back to that HEAD, the files its commits
added are removed and those they changed put back, the index with them. When the process is
killed, `batch.json` stays; whoever next holds the lock (`journal.recover`, after the journal
of the step that died) undoes it the same way. The file is removed once the batch is done
or undone."""
from __future__ import annotations

import os
import socket
import time
from pathlib import Path
from typing import Any, Callable

from antt_cli.audit import git as gitq
from antt_cli.audit import journal as jr
from antt_cli.audit.lock import DossierLock, timeout_from_env
from antt_cli.errors import AnttError

class Batch:
    """Steps committed one by one under one hold of the dossier lock; all of them, or none."""

    def __init__(self, root: Path, *, action: str, notice: Callable[[str], None] | None = None) -> None:
        self.root = Path(root)
        self.action = action
        self.notice = notice
        self.head: str | None = None
        self._lock: DossierLock | None = None
        self._path: Path | None = None
        self._mark = 0   # the commits this process had made before the batch (audit.COMMITS)

    def __enter__(self) -> "Batch":
        if not gitq.is_work_tree(self.root):
            raise AnttError("audit.not_a_repo", path=str(self.root))
        self._lock = DossierLock(self.root, notice=self.notice)
        self._lock.acquire(time.monotonic() + timeout_from_env())
        try:
            gitdir = gitq.git_dir(self.root)
            jr.recover(self.root, gitdir, self.notice)   # a killed command's half change first
            from antt_cli.audit import COMMITS

            self._mark = len(COMMITS)
            self.head = gitq.head_sha(self.root)
            if self.head is None:
                raise AnttError("audit.unborn", path=str(self.root))
            self._path = jr.batch_path(gitdir)
            jr._atomic_json(self._path, {"version": 1, "action": self.action, "pid": os.getpid(),
                                         "host": socket.gethostname(), "started": time.time(),
                                         "head": self.head})
        except BaseException:
            self._release()
            raise
        return self

    def transaction(self, **kwargs: Any):
        """One step: a transaction under the batch's lock (it takes none of its own)."""
        from antt_cli.audit.transaction import Transaction

        return Transaction(self.root, lock=False, notice=self.notice, **kwargs)

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is None or self._undo():
                _unlink(self._path)
            return False
        finally:
            self._release()

    def _undo(self) -> bool:
        """Undo after a failed step; never masks the step's own error (a batch that cannot
        be undone now keeps `batch.json`: the next command tries again)."""
        from antt_cli.audit import COMMITS

        try:
            undone = jr.undo_batch(self.root, {"head": self.head}, self.notice)
        except Exception:  # noqa: BLE001 - the step's error is the one to report
            return False
        if undone:  # its commits are gone: the command made none (the CLI's exit status)
            del COMMITS[self._mark:]
        return undone

    def _release(self) -> None:
        if self._lock is not None:
            try:
                self._lock.release()
            finally:
                self._lock = None


def _unlink(path: Path | None) -> None:
    if path is None:
        return
    try:
        path.unlink()
    except FileNotFoundError:
        pass
