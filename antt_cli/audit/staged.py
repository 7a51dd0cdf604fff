"""What git's index holds apart from HEAD, remembered between antt's writes
(`.git/antt/staged.json`), so that a write's refusal of hand-edited files does not read git's
whole index first (docs/reliability.md, "Git's index").

A write refuses a file that differs from HEAD in any way (audit/transaction.py
`check_clean`): on disk (the file's blob id, `git hash-object`) or in the index (a change
staged, a file removed from the index). The index's side is a question about the index
alone, and `git ls-files` reads all of it to answer for one path: 134,000 entries, about 20
ms, in a dossier of 10,000 cases. The answer rarely changes, though: the officers' index
equals HEAD, but for what someone staged by hand. So the differences are asked once for
the whole index (`git diff-index --cached HEAD`, `compute`) and kept with what they were
found from — the index's own checksum (the last bytes of its file: two indexes with the same
checksum hold the same entries) and HEAD. A write while both are the same uses them
(`load`); every other index entry is HEAD's. After its commit, the write keeps them again
for the index git wrote and the new HEAD: the paths it committed are HEAD's now, the others
as they were (`after_commit`) — provided the index git staged into was the one they were
found for (its checksum just before staging). A git command of anyone else that writes the
index (`git add`, `git reset`, `git status` refreshing it, a pull), a HEAD moved, or an
index written without a checksum (`index.skipHash`), and the record does not hold: the
differences are asked again.

What the record cannot tell is the flags an entry may carry (assume-unchanged,
skip-worktree, set with `git update-index`): a file is judged as it stands on disk against
HEAD, so an edit such a flag hides from `git status` is an edit, and refused. Unmerged
entries are kept as such (the write asks `git status`). More than `MAX_PATHS` differences
are not kept. Like every cache here the record is input: one that is not of this shape is
a miss; writing it is best effort."""
from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from antt_cli.audit import git as gitq

NAME = "staged.json"
FORMAT = "antt-staged 1"
MAX_PATHS = 1000
MAX_BYTES = 1024 * 1024
TRAILER = 32  # the index's checksum: its last 20 (SHA-1) or 32 (SHA-256) bytes
UNMERGED = "unmerged"
_OID = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
_MODE = re.compile(r"1[0-7]{5}")

Staged = dict[str, tuple[str, str] | None]  # path → (mode, blob id) the index holds, None: not there


def index_checksum(gitdir: Path) -> str | None:
    """The checksum at the end of git's index file (hex); None without one to trust (no
    index, or one written without it)."""
    try:
        with open(gitdir / "index", "rb") as f:
            f.seek(0, os.SEEK_END)
            if f.tell() < TRAILER:
                return None
            f.seek(-TRAILER, os.SEEK_END)
            tail = f.read(TRAILER)
    except OSError:
        return None
    return tail.hex() if tail[-20:].strip(b"\0") else None


def _path(gitdir: Path) -> Path:
    return gitdir / "antt" / NAME


def load(gitdir: Path, head: str | None) -> Staged | None:
    """The differences kept, when they were found for this very index and `head`; else None."""
    mark = index_checksum(gitdir)
    if mark is None or head is None:
        return None
    try:
        path = _path(gitdir)
        if not stat.S_ISREG(path.lstat().st_mode) or path.stat().st_size > MAX_BYTES:
            return None
        value = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if type(value) is not dict or value.keys() != {"format", "index", "head", "staged"} \
            or value["format"] != FORMAT or value["index"] != mark or value["head"] != head \
            or type(value["staged"]) is not dict or len(value["staged"]) > MAX_PATHS:
        return None
    staged: Staged = {}
    for rel, entry in value["staged"].items():
        if entry is None:
            staged[rel] = None
        elif type(entry) is list and len(entry) == 2 and all(type(v) is str for v in entry) \
                and (entry == [UNMERGED, ""] or (_MODE.fullmatch(entry[0]) and _OID.fullmatch(entry[1]))):
            staged[rel] = (entry[0], entry[1])
        else:
            return None
    return staged


def compute(root: Path, gitdir: Path, head: str | None) -> Staged | None:
    """The index's differences from `head`, asked of git (one `git diff-index`, which reads the
    whole index), and kept when the index stayed the same meanwhile; None when git cannot
    say."""
    if head is None:
        return None
    mark = index_checksum(gitdir)
    status, out = gitq._plain(root, "diff-index", "--cached", "--raw", "-z", "--no-renames",
                              "--ignore-submodules=none", head, "--")
    if status != 0:
        return None
    staged = _parsed(out)
    if staged is not None and mark is not None and index_checksum(gitdir) == mark:
        save(gitdir, mark, head, staged)
    return staged


def _parsed(out: bytes) -> Staged | None:
    """{path: (mode, blob id) | None | (UNMERGED, "")} of `diff-index --raw -z`'s answer
    (":<HEAD's mode> <index's mode> <HEAD's id> <index's id> <status>\\0<path>\\0" each)."""
    fields = out.split(b"\0")
    staged: Staged = {}
    for i in range(0, len(fields) - 1, 2):
        meta, rel = fields[i].split(), fields[i + 1].decode("utf-8", "surrogateescape")
        if len(meta) != 5 or not meta[0].startswith(b":"):
            return None
        mode, oid, kind = meta[1].decode(), meta[3].decode(), meta[4][:1]
        if kind == b"U":
            staged[rel] = (UNMERGED, "")
        elif kind == b"D" or mode == "000000":
            staged[rel] = None
        else:
            staged[rel] = (mode, oid)
    return staged


def save(gitdir: Path, mark: str | None, head: str | None, staged: Staged) -> None:
    """Keep `staged` as the differences of the index whose checksum is `mark` from `head`
    (written whole, then renamed into place); nothing when there are too many."""
    if mark is None or head is None or len(staged) > MAX_PATHS:
        forget(gitdir)
        return
    path = _path(gitdir)
    tmp = path.with_name(f"{NAME}.{os.getpid()}.tmp")
    data = {"format": FORMAT, "index": mark, "head": head,
            "staged": {rel: list(entry) if entry is not None else None for rel, entry in staged.items()}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


def forget(gitdir: Path) -> None:
    try:
        _path(gitdir).unlink()
    except OSError:
        pass


def after_commit(gitdir: Path, staged: Staged, before: str | None, head: str, paths: list[str]) -> None:
    """After a commit of `paths` made from an index whose checksum was `before` (just before
    staging) and whose differences from the old HEAD were `staged`: those of the index git
    wrote from the new `head` (the paths committed are HEAD's now)."""
    mark = index_checksum(gitdir)
    if before is None or mark is None:
        forget(gitdir)
        return
    done = set(paths)
    save(gitdir, mark, head, {rel: entry for rel, entry in staged.items() if rel not in done})
