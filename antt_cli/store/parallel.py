"""Parsing many case files at once (docs/interpretations.md, the read cache): the first read of
a dossier after a clone has every file to parse, so they are spread over the machine's cores.
Workers hand back digests as the read cache's JSON (store/cache.py `encode`), data only; a file
a worker could not read comes back as nothing and is read again by the caller, which words the
error."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable, Iterator

# Below this many files to parse, starting workers costs more than it saves.
PARALLEL_FROM = 200
# Files parsed per round: the contents of one round at most are held in memory.
BATCH = 256
CHUNK = 64


def workers() -> int:
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        count = os.cpu_count() or 1
    return max(1, min(count, 8))


class Parser:
    """Parses batches of (rel, case ID, blob id, bytes) into (blob id, digest); a file that
    fails is left out (the caller parses it again and reports it). The worker processes are
    started at the first batch worth it and kept for the next."""

    def __init__(self, root: Path, parse: Callable[[bytes, str, str], Any],
                 worker: Callable[[str, list], list[tuple[str, str | None]]]) -> None:
        self.root = root
        self.parse = parse
        self.worker = worker  # a module-level function (it goes to the worker processes by name)
        self.pool = None

    def run(self, misses: list[tuple[str, str, str, bytes]]) -> Iterator[tuple[str, Any]]:
        if len(misses) >= PARALLEL_FROM and workers() > 1:
            yield from self._in_workers(misses)
            return
        from antt_cli.errors import AnttError

        for rel, case_id, key, data in misses:
            try:
                yield key, self.parse(data, case_id, rel)
            except AnttError:
                pass

    def _in_workers(self, misses: list) -> Iterator[tuple[str, Any]]:
        from antt_cli.store.cache import decode

        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(max_workers=workers())
        chunks = [misses[i:i + CHUNK] for i in range(0, len(misses), CHUNK)]
        for answers in self.pool.map(self.worker, [str(self.root)] * len(chunks), chunks):
            for key, text in answers:
                if text is not None:
                    yield key, json.loads(text, object_hook=decode)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
