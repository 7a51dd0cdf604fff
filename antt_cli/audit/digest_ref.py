"""The git side of the shared digests (docs/reliability.md, "Digests that travel with the
dossier"; the format and its checks are store/shared.py): find the branch `antt-digests`
(the local one, then the remote-tracking ones a clone or a fetch brings), list its tree,
read its blobs, and write a new one.

A write never touches the working tree, the index or HEAD's branch: the blobs go into one
pack (`git fast-import`, blobs only, no ref), then `git mktree`, `git commit-tree` (a
parentless commit, so that an old set is garbage once replaced) and a compare-and-swap
`git update-ref --stdin` (`create` when there was none, `update NEW OLD` otherwise): two
antt processes exporting at once leave one of their sets, the other's swap fails and is
skipped. No reflog is kept for the branch (`core.logAllRefUpdates=false`), so replaced sets
are unreachable and `git gc` prunes them.

Git is run directly (`subprocess`, not GitPython: the import would cost a reading command
more than these few git runs), without the variables that would point it elsewhere."""
from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BRANCH = "antt-digests"
LOCAL = f"refs/heads/{BRANCH}"
# Who makes the commits of the branch: fixed, so that a clone without `user.name` can export.
_IDENTITY = {"GIT_AUTHOR_NAME": "antt", "GIT_AUTHOR_EMAIL": "antt@localhost",
             "GIT_COMMITTER_NAME": "antt", "GIT_COMMITTER_EMAIL": "antt@localhost"}


def _git(root: Path, *args: str, data: Any = None, extra: dict[str, str] | None = None) -> tuple[int, bytes]:
    """(exit status, stdout) of `git args…` in `root`, given `data` (bytes, or an open file)
    on its stdin; 128 when git cannot be run."""
    from antt_cli.audit.git import environment, executable

    env = environment(extra)
    given = {"input": data} if isinstance(data, bytes) else {"stdin": subprocess.DEVNULL if data is None else data}
    try:
        done = subprocess.run([executable(), *args], cwd=root, capture_output=True, env=env, **given)
    except OSError:
        return 128, b""
    return done.returncode, done.stdout


def candidates(root: Path) -> list[tuple[str, str]]:
    """(ref, commit) of the branch `antt-digests`: the local one first, then each
    remote-tracking one (`refs/remotes/<remote>/antt-digests`), in the order git lists them.
    A ref that is not a commit is left out; [] when git cannot say."""
    status, out = _git(root, "for-each-ref", "--format=%(objecttype) %(objectname) %(refname)", LOCAL, "refs/remotes")
    if status != 0:
        return []
    found = []
    for line in out.decode("utf-8", "replace").splitlines():
        kind, _, rest = line.partition(" ")
        commit, _, ref = rest.partition(" ")
        if kind == "commit" and (ref == LOCAL or (ref.startswith("refs/remotes/") and ref.endswith("/" + BRANCH))):
            found.append((ref, commit))
    return sorted(found, key=lambda item: item[0] != LOCAL)


def tree_of(root: Path, commit: str) -> list[tuple[str, str, int]]:
    """(name, blob id, size) of the blobs at the top of `commit`'s tree (one `git ls-tree -l`)."""
    status, out = _git(root, "ls-tree", "-l", "-z", commit)
    if status != 0:
        return []
    entries = []
    for entry in out.split(b"\0"):
        meta, tab, name = entry.partition(b"\t")
        fields = meta.split()
        if tab and len(fields) == 4 and fields[1] == b"blob" and fields[3].isdigit():
            entries.append((name.decode("utf-8", "replace"), fields[2].decode(), int(fields[3])))
    return entries


def blobs(root: Path, ids: list[str]) -> Iterator[tuple[str, bytes]]:
    """(blob id, content) of each of these blobs that git has, read one at a time from one
    `git cat-file --batch` (so that a set of many megabytes is never held whole)."""
    from antt_cli.audit.git import environment, executable

    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return
    env = environment()
    asked = tempfile.TemporaryFile()
    asked.write("".join(f"{blob}\n" for blob in wanted).encode("ascii"))
    asked.seek(0)
    try:
        run = subprocess.Popen([executable(), "cat-file", "--batch"], cwd=root, stdin=asked, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env)
    except OSError:
        asked.close()
        return
    try:
        for blob in wanted:  # "<id> <type> <size>\n<content>\n" or "<id> missing\n", in the order asked
            header = run.stdout.readline().split()
            if len(header) != 3 or not header[2].isdigit():
                if len(header) == 2:
                    continue
                break
            content = run.stdout.read(int(header[2]) + 1)[:-1]
            if header[1] == b"blob":
                yield blob, content
    finally:
        run.stdout.close()
        run.kill()
        run.wait()
        asked.close()


class NewSet:
    """A new set of the branch: `add` streams each blob into a temporary file of
    `git fast-import` commands (one blob held at a time); `publish` writes them into one pack
    and points the branch at a parentless commit of them and the `kept` ones (name → blob id
    already in the repository), if the branch still points at `old` (None: if it does not
    exist). False when anything fails or another process moved the branch first (nothing to
    undo: unreferenced objects are garbage)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.names: list[str] = []
        self.stream = tempfile.TemporaryFile()

    def add(self, name: str, data: bytes) -> None:
        self.names.append(name)
        self.stream.write(b"blob\nmark :%d\ndata %d\n" % (len(self.names), len(data)))
        self.stream.write(data)
        self.stream.write(b"\n")

    def publish(self, kept: dict[str, str], old: str | None, message: str) -> bool:
        ids = self._write_blobs()
        if ids is None:
            return False
        entries = {**kept, **dict(zip(self.names, ids))}
        listing = b"".join(f"100644 blob {blob}\t{name}".encode() + b"\0" for name, blob in sorted(entries.items()))
        status, tree = _git(self.root, "mktree", "-z", data=listing)
        if status != 0:
            return False
        status, commit = _git(self.root, "commit-tree", tree.decode().strip(), "-m", message, extra=_IDENTITY)
        if status != 0:
            return False
        new = commit.decode().strip()
        swap = f"update {LOCAL} {new} {old}\n" if old else f"create {LOCAL} {new}\n"
        status, _ = _git(self.root, "-c", "core.logAllRefUpdates=false", "update-ref", "--stdin", data=swap.encode())
        return status == 0

    def _write_blobs(self) -> list[str] | None:
        """The blobs added, into one pack (`git fast-import`, no ref touched); their ids, in order."""
        if not self.names:
            return []
        self.stream.write(b"".join(b"get-mark :%d\n" % number for number in range(1, len(self.names) + 1)))
        self.stream.write(b"done\n")
        self.stream.seek(0)
        status, out = _git(self.root, "fast-import", "--quiet", "--done", data=self.stream)
        ids = out.decode("ascii", "replace").split()
        return ids if status == 0 and len(ids) == len(self.names) else None

    def close(self) -> None:
        self.stream.close()
