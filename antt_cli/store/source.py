"""HEAD's committed state as a source of the dossier's files (docs/reliability.md, "Reading
while a write is in progress"); the other source, the working tree, is `WorkTree` in
store/dossier.py (so that the usual read imports nothing more).

A writing command, and a reading command when no writer is at work, reads the working tree.
While a live writer holds the dossier lock its files may be half written (a document
written, `case.yaml` not yet; `case.yaml` written, not yet committed), so a reading command
then reads the state of HEAD (`HeadSnapshot`): the blob ids of HEAD's files, asked once,
and their contents read in one batch when needed. Which one is used is chosen in one
place, `services/common.py` `reading_source`; this module runs no git itself — the snapshot
is handed HEAD's listing and a function that reads blobs (`audit/git.py`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from antt_cli.domain.ids import parse_id
from antt_cli.errors import AnttError


class HeadSnapshot:
    """The files of HEAD: `blobs` is {path relative to the root: blob id} of HEAD's files
    (one `git ls-tree`), `fetch` reads blobs by id ({id: bytes}, one `git cat-file --batch`).
    A file only in the working tree does not exist here; a file being rewritten reads as
    committed. Blob ids never change, so the snapshot stays whole even if HEAD moves on.

    A blob needed is first looked for in the working tree (`root`): a file whose bytes hash
    to HEAD's blob id is HEAD's content (checked on the bytes read, so a write meanwhile
    cannot slip in); only the others are asked of git."""

    def __init__(self, blobs: dict[str, str], fetch: Callable[[list[str]], dict[str, bytes]],
                 root: Path | None = None) -> None:
        self.blobs = blobs
        self.fetch = fetch
        self.root = Path(root) if root is not None else None
        self._contents: dict[str, bytes] = {}

    def _load(self, wanted: list[tuple[str, str]]) -> None:
        """Get the content of each (rel, blob): from the working tree when unchanged there,
        the rest from git in one batch."""
        from antt_cli.store.cache import blob_id

        missing = []
        for rel, blob in wanted:
            if blob in self._contents:
                continue
            data = None
            if self.root is not None:
                try:
                    data = (self.root / rel).read_bytes()
                except OSError:
                    data = None
            if data is not None and blob_id(data) == blob:
                self._contents[blob] = data
            else:
                missing.append(blob)
        if missing:
            self._contents.update(self.fetch(missing))

    def exists(self, rel: str) -> bool:
        return rel in self.blobs

    def read(self, rel: str) -> bytes:
        blob = self.blobs.get(rel)
        if blob is None:
            raise AnttError("store.missing_file", file=rel)
        self._load([(rel, blob)])
        data = self._contents.get(blob)
        if data is None:
            raise AnttError("store.unreadable", file=rel, detail=f"git has no blob {blob}")
        return data

    def id_folders(self, folders: Iterable[str], case_file: str, starting: str = "") -> list[str]:
        # HEAD's listing names files: no folder without one
        return [name for name in self.case_ids(folders, case_file) if name.startswith(starting)]

    def case_ids(self, folders: Iterable[str], case_file: str) -> list[str]:
        wanted = set(folders)
        ids = []
        for rel in self.blobs:
            parts = rel.split("/")
            if len(parts) == 3 and parts[0] in wanted and parts[2] == case_file and parse_id(parts[1]):
                ids.append(parts[1])
        return sorted(ids)

    def keyed(self, rels: list[str], known: Callable[[str], bool]) -> Iterator[tuple[str, str, bytes | None]]:
        """(rel, blob id, bytes or None): the blob ids come from HEAD's listing, so a blob
        `known` (already in the read cache) is not read at all; the others are read in one
        batch before the first is given."""
        keys = [(rel, self.blobs[rel]) for rel in rels]
        self._load([(rel, blob) for rel, blob in keys if not known(blob)])
        for rel, blob in keys:
            data = self._contents.get(blob)
            if data is None and not known(blob):
                raise AnttError("store.unreadable", file=rel, detail=f"git has no blob {blob}")
            yield rel, blob, data
