"""The blob ids git's index gave for the case files, remembered with each file's stat, so that
a warm whole-dossier read asks git nothing when no case file changed (docs/interpretations.md,
"Where the registers and the read cache live").

git tells a reading command the blob id of every case file it finds unchanged (store/dossier.py
`WorkTree`, audit/git.py `index_blobs`: `git ls-files` and `git diff-files`, a tenth of a
second at 10,000 cases). What it answered is kept in `.git/antt/listing.txt`, one line per
file: its path, its blob id and its stat (modification and change times in nanoseconds, size,
inode, device), the very fields git's index compares to decide that a file is unchanged.
Next time a file whose stat is the one kept has the blob id kept: its content cannot have
changed without changing its change time (ctime), which no tool sets. As git does for a
"racily clean" entry, a file whose times fall within `SETTLED_NS` of the moment its stat was
taken (by the file system's own clock) is not kept: a change within the same tick of a coarse
clock would leave the stat as it was. A file whose stat differs, or that was never kept, is
left out of the answer, so the caller reads it and hashes it; more than `FEW` of them (a
`git pull`, a checkout) and git is asked again, and what it says is kept. An answer is only
ever "this file has this blob id" or nothing: a record that is damaged, of another format or
unreadable is not used; on Windows, where ctime is the creation time, git is always asked."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

NAME = "listing.txt"
MAGIC = "antt-listing 1"
SETTLED_NS = 3_000_000_000  # a file's times this close to its stat's moment: not kept
FEW = 64                    # more files than this unknown or changed: git is asked again
LEFT_NS = 600_000_000_000   # a temporary record this old was left by a killed command: removed
MAX_BYTES = 64 * 1024 * 1024

Listing = Callable[[list[str]], "dict[str, str] | None"]


def stat_key(st: os.stat_result) -> str:
    return f"{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_size}:{st.st_ino}:{st.st_dev}"


class Remembered:
    """A `WorkTree` listing (rels → {rel: blob id}) that answers from the kept record when the
    files' stats say nothing changed, and otherwise asks `listing` (git) and keeps its answer."""

    def __init__(self, root: Path, listing: Listing) -> None:
        from antt_cli.store.cache import git_folder

        self.root = Path(root)
        self.listing = listing
        folder = git_folder(self.root)
        self.path = folder / "antt" / NAME if folder is not None and os.name != "nt" else None

    def __call__(self, rels: list[str]) -> dict[str, str] | None:
        if self.path is None:
            return self.listing(rels)
        kept = self._load()
        if kept is not None:
            found, changed = self._unchanged(rels, kept)
            if changed <= FEW:
                return found
        return self._ask(rels)

    def _unchanged(self, rels: list[str], kept: dict[str, str]) -> tuple[dict[str, str], int]:
        """({rel: blob id kept} of the files whose stat is the one kept, how many files there
        are besides): one pass, one `lstat` a file (10,000 of them for a numbered write)."""
        base = str(self.root) + os.sep
        found: dict[str, str] = {}
        changed = 0
        for rel in rels:
            st = _stat(base + rel)
            if st is None:
                continue
            known = kept.get(rel)
            if known is not None:
                blob, _, key = known.partition("\t")
                if key == stat_key(st) and len(blob) in (40, 64):
                    found[rel] = blob
                    continue
            changed += 1
        return found, changed

    def _stats(self, rels: list[str]) -> dict[str, os.stat_result | None]:
        base = str(self.root) + os.sep
        return {rel: _stat(base + rel) for rel in rels}

    def _ask(self, rels: list[str]) -> dict[str, str] | None:
        """git's answer, kept with the stats taken just before it. The moment of those stats
        is read from the file system's own clock (the new record's file, made first), as git
        compares a file's times with its index file's: a clock of another machine (a network
        share) is not compared with this one's."""
        temporary = self.path.with_name(f"{NAME}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(b"")
            taken = temporary.stat().st_mtime_ns
        except OSError:  # a read-only dossier: git is asked each time
            return self.listing(rels)
        for left in self.path.parent.glob(f"{NAME}.*.tmp"):  # of a command killed while writing
            try:
                if left.stat().st_mtime_ns < taken - LEFT_NS:
                    left.unlink()
            except OSError:
                pass
        stats = self._stats(rels)
        listed = self.listing(rels)
        if listed is not None:
            self._save(listed, stats, taken, temporary)
        _unlink(temporary)
        return listed

    def _load(self) -> dict[str, str] | None:
        """{rel: its blob id and stat key, tab-separated} kept, or None. The two fields are
        split only for the files asked about (`_unchanged`): the record is read whole, and
        splitting every line costs as much as reading it."""
        try:
            if self.path.stat().st_size > MAX_BYTES:
                return None
            lines = self.path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            return None
        if not lines or lines[0] != MAGIC:
            return None
        # rel -> "blob id\tstat key"; a line without its fields never matches (`_unchanged`)
        kept = dict(line.split("\t", 1) for line in lines[1:] if "\t" in line)
        return kept

    def _save(self, listed: dict[str, str], stats: dict[str, os.stat_result | None], taken: int,
              temporary: Path) -> None:
        """Keep what git answered for the files whose stat was taken before it answered and
        whose times are settled (see the module's docstring). Written whole, then renamed
        into place: a reader sees the old record or the new one."""
        lines = [MAGIC]
        for rel, blob in listed.items():
            st = stats.get(rel)
            if st is not None and "\t" not in rel and "\n" not in rel \
                    and max(st.st_mtime_ns, st.st_ctime_ns) < taken - SETTLED_NS:
                lines.append(f"{rel}\t{blob}\t{stat_key(st)}")
        try:
            temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:  # not kept: git is asked next time
            pass


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _stat(path: str) -> os.stat_result | None:
    """The file's own stat (a link is not followed: git keeps links apart); None when there
    is no regular file."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None
