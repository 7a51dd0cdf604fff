"""A replace or unlink retried while Windows says the file is in use (Word, an antivirus
scanner), shared by the journal's writes and recovery (audit/journal.py) and antt's hold on
git's index lock (audit/indexlock.py)."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

IN_USE_ATTEMPTS = 5  # Windows: a file Word or an antivirus scanner holds; retried briefly


class FileInUse(PermissionError):
    """A file a write or recovery must replace or delete is held open by another program
    (Windows); the refusal's errno and strerror, and the file."""

    def __init__(self, path: Path, refused: PermissionError) -> None:
        super().__init__(refused.errno, refused.strerror, str(path))
        self.path = path


def retrying(operation: Callable[[], Any], path: Path) -> Any:
    """Run a replace or unlink, retried while Windows says the file is in use (PermissionError:
    sharing violation; an antivirus scanner holds a new file for a moment); still refused
    after the retries → FileInUse naming the file. Both a transaction's writes
    (`transaction._atomic_write`) and recovery go through here."""
    for attempt in range(IN_USE_ATTEMPTS):
        try:
            return operation()
        except PermissionError as exc:
            if attempt == IN_USE_ATTEMPTS - 1:
                raise FileInUse(path, exc) from None
            time.sleep(0.1 * (attempt + 1))
    return None


def unlink(path: Path) -> None:
    """Remove a file if it is there (retried while another program holds it, see `retrying`)."""
    def remove() -> None:
        try:
            path.unlink()
        except (FileNotFoundError, IsADirectoryError):
            pass

    retrying(remove, path)
