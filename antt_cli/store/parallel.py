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
CHUNK = 64


def workers() -> int:
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        count = os.cpu_count() or 1
    return max(1, min(count, 8))


def parse_many(root: Path, misses: list[tuple[str, str, str, bytes]],
               progress: Callable[[int, int], None] | None,
               parse: Callable[[bytes, str, str], Any]) -> Iterator[tuple[str, Any]]:
    """(blob id, digest) of each (rel, case ID, blob id, bytes) parsed; a file that fails is
    left out (the caller parses it again and reports it)."""
    from antt_cli.errors import AnttError

    total = len(misses)
    if total >= PARALLEL_FROM and workers() > 1:
        yield from _in_workers(root, misses, progress)
        return
    for done, (rel, case_id, key, data) in enumerate(misses, 1):
        try:
            yield key, parse(data, case_id, rel)
        except AnttError:
            pass
        if progress is not None:
            progress(done, total)


def _in_workers(root: Path, misses: list, progress: Callable[[int, int], None] | None) -> Iterator[tuple[str, Any]]:
    from concurrent.futures import ProcessPoolExecutor

    from antt_cli.store.cache import decode

    chunks = [misses[i:i + CHUNK] for i in range(0, len(misses), CHUNK)]
    done = 0
    with ProcessPoolExecutor(max_workers=workers()) as pool:
        for answers in pool.map(_parse_chunk, [str(root)] * len(chunks), chunks):
            for key, text in answers:
                if text is not None:
                    yield key, json.loads(text, object_hook=decode)
            done += len(answers)
            if progress is not None:
                progress(done, len(misses))


def _parse_chunk(root: str, items: list[tuple[str, str, str, bytes]]) -> list[tuple[str, str | None]]:
    """In a worker: [(blob id, digest as JSON or None)]."""
    from antt_cli.store.cache import encode
    from antt_cli.store.dossier import Dossier

    dossier = Dossier.open(Path(root))
    answers = []
    for rel, case_id, key, data in items:
        try:
            answers.append((key, json.dumps(encode(dossier._parsed(data, case_id, rel)), ensure_ascii=False)))
        except Exception:  # noqa: BLE001 - the caller reads it again and words the error
            answers.append((key, None))
    return answers
