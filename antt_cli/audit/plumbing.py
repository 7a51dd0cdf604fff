"""A commit of a few paths made from git's objects, at a cost independent of the dossier's size
(docs/reliability.md, "Git's index").

`git commit --only -- paths` refreshes the whole index first: one `lstat` per tracked file,
125,000 of them in a 10,000-case dossier whose documents are tracked — most of a write's time.
When nothing else has to happen inside `git commit` (no commit hook, no signing: `usable`),
the transaction builds the same commit itself: the trees on the way to the paths it staged
(HEAD's, with the index's entries for those paths; every other path as HEAD has it, so
whatever else the user staged stays staged and out of the commit), `git commit-tree`, and
`git update-ref HEAD new old`, which refuses when HEAD moved meanwhile. Its reflog line is
the one `git commit` writes, and git's automatic maintenance runs after it as after
`git commit`. Otherwise the transaction runs `git commit --only`.
"""
from __future__ import annotations

import bisect
import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from antt_cli.audit import git as gitq
from antt_cli.errors import AnttError

# The hooks `git commit` runs (and `update-ref`: reference-transaction); any one of them
# present means the porcelain, so that the dossier's hooks see every commit as usual.
COMMIT_HOOKS = ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "reference-transaction",
                "post-index-change")


@dataclass(frozen=True)
class Disk:
    """The staged files as `git update-index --add --remove` found them on disk: {path:
    (executable, blob id)} (audit/git.py `disk_blobs`; a path not there was removed), and
    whether git records the executable bit (`core.fileMode`)."""
    files: dict[str, tuple[bool, str]]
    file_mode: bool


def file_mode(config: dict[str, str]) -> bool:
    """`core.fileMode` as git reads it (true unless set false: git for Windows sets it)."""
    return config.get("core.filemode", "true").strip().lower() not in ("false", "no", "off", "0", "")


def staged_from_disk(disk: Disk, trees: dict[str, "Tree"]) -> dict[str, tuple[bytes, str]]:
    """{path: (mode, blob id)} of the index entries `update-index` made, by git's own rule
    (read-cache.c `ce_mode_from_stat`): with `core.fileMode` the file's executable bit,
    else the mode the path had (HEAD's: a path written was checked clean, so the index
    held HEAD's entry), 100644 for a new one."""
    staged: dict[str, tuple[bytes, str]] = {}
    for path, (executable, blob) in disk.files.items():
        folder, _, name = path.rpartition("/")
        if disk.file_mode:
            mode = b"100755" if executable else b"100644"
        else:
            tree = trees.get(folder)
            had = tree.entry(name.encode("utf-8", "surrogateescape")) if tree is not None else None
            mode = had[0] if had is not None and had[0] in (b"100644", b"100755") else b"100644"
        staged[path] = (mode, blob)
    return staged


def usable(root: Path, gitdir: Path, config: dict[str, str]) -> bool:
    """Whether a commit may be made from objects here: `root` is the top of an ordinary work
    tree (not a linked one), commits are not signed and no commit hook is installed.
    `config`: `git.config_values`."""
    if config.get("commit.gpgsign", "").strip().lower() in ("true", "yes", "on", "1"):
        return False
    if any(key.startswith("hook.") for key in config):  # hooks named in the configuration
        return False
    if gitdir.name != ".git" or gitdir.parent.resolve() != Path(root).resolve() or (gitdir / "commondir").exists():
        return False
    hooks = config.get("core.hookspath")
    folder = Path(os.path.expanduser(hooks)) if hooks else gitdir / "hooks"
    if not folder.is_absolute():
        folder = Path(root) / folder
    return not any(os.access(folder / name, os.X_OK) and (folder / name).is_file() for name in COMMIT_HOOKS)


def _git(root: Path, args: list[str], data: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
    """Run git with `data` on stdin; its stdout, or AnttError audit.commit_failed."""
    return _answer(_start(root, args, env), data)


def _start(root: Path, args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
    """git begun (its answer: `_answer`), in English, with `env` on top of ours."""
    full_env = gitq.environment({"LANGUAGE": "C", "LC_ALL": "C", **(env or {})})
    try:
        return subprocess.Popen([gitq.executable(), *args], cwd=str(root), env=full_env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise AnttError("audit.commit_failed", detail=str(exc)) from exc


def _answer(started: subprocess.Popen, data: bytes | None = None) -> bytes:
    out, err = started.communicate(data or b"")
    if started.returncode != 0:
        raise AnttError("audit.commit_failed", detail=gitq.last_lines(err.decode("utf-8", "replace")))
    return out


def _staged(root: Path, paths: list[str], index_env: dict[str, str] | None = None) -> subprocess.Popen:
    """`ls-files` of the index's entries for `paths` (`index_env`: the transaction's private
    index, audit/indexlock.py), begun (read by `_stage_zero`)."""
    return _start(root, ["ls-files", "-s", "-z", "--", *(gitq.literal(p) for p in paths)], index_env)


def _stage_zero(out: bytes) -> dict[str, tuple[bytes, str]]:
    """{path: (mode, object id)} of the stage-0 entries `ls-files -s -z` printed."""
    entries: dict[str, tuple[bytes, str]] = {}
    for item in out.split(b"\0"):
        meta, tab, name = item.partition(b"\t")
        fields = meta.split()
        if tab and len(fields) == 3 and fields[2] == b"0":
            entries[name.decode("utf-8", "surrogateescape")] = (fields[0], fields[1].decode())
    return entries


class Tree:
    """One of HEAD's trees as git stores it (`raw`: its entries "mode name\\0id", in git's
    order), changed by splicing: a folder of 10,000 cases is not taken apart to add one
    (`changed`), and the new tree's id is computed here (`object_id`) and checked against
    the one git gives when it writes the object."""

    def __init__(self, raw: bytes, width: int) -> None:
        self.raw = raw
        self.width = width
        self._spans: list[tuple[int, bytes, bytes]] | None = None  # (start, name, mode)

    def spans(self) -> list[tuple[int, bytes, bytes]]:
        if self._spans is None:
            pattern = re.compile(rb"([0-7]{5,6}) ([^\0]+)\0.{%d}" % self.width, re.DOTALL)
            spans, at = [], 0
            for found in pattern.finditer(self.raw):
                if found.start() != at:
                    break
                spans.append((at, found.group(2), found.group(1)))
                at = found.end()
            if at != len(self.raw):
                raise AnttError("audit.commit_failed", detail="a tree of HEAD could not be read")
            self._spans = spans
        return self._spans

    def _find(self, name: bytes) -> int | None:
        """The position of the entry named `name`, or None: a binary search (the entries are
        in git's order, where a folder sorts as its name with "/" after it), so a folder of
        10,000 cases is searched, not walked."""
        spans = self.spans()
        for key in (name, name + b"/"):
            i = bisect.bisect_left(spans, key, key=_span_key)
            if i < len(spans) and spans[i][1] == name:
                return i
        return None

    def entry(self, name: bytes) -> tuple[bytes, str] | None:
        """(mode, object id) of `name`, or None."""
        i = self._find(name)
        if i is None:
            return None
        end = self._end(i)
        return self.spans()[i][2], self.raw[end - self.width:end].hex()

    def _end(self, i: int) -> int:
        spans = self.spans()
        return spans[i + 1][0] if i + 1 < len(spans) else len(self.raw)

    def changed(self, changes: dict[bytes, tuple[bytes, str] | None]) -> bytes:
        """The raw tree with each name of `changes` set to (mode, object id), or removed
        (None); every other entry as it was, in git's order (a folder sorts as its name
        with "/" after it: tree.c `base_name_compare`)."""
        spans = self.spans()
        cuts: list[tuple[int, int, bytes, bytes]] = []  # (before entry i, drop it?, sort key, new entry)
        for name, new in changes.items():
            old = self._find(name)
            if old is not None:
                cuts.append((old, 1, b"", b""))  # the old entry: dropped
            if new is not None:
                mode, oid = new
                key = _sort_key(name, mode)
                cuts.append((bisect.bisect_left(spans, key, key=_span_key), 0, key,
                             mode + b" " + name + b"\0" + bytes.fromhex(oid)))
        pieces, at = [], 0
        for i, drop, _key, data in sorted(cuts):
            pieces.append(self.raw[self._start(at):self._start(i)])
            pieces.append(data)
            at = i + drop if drop else i
        pieces.append(self.raw[self._start(at):])
        return b"".join(pieces)

    def _start(self, i: int) -> int:
        spans = self.spans()
        return spans[i][0] if i < len(spans) else len(self.raw)


def _sort_key(name: bytes, mode: bytes) -> bytes:
    return name + b"/" if mode == b"40000" else name


def _span_key(span: tuple[int, bytes, bytes]) -> bytes:
    return _sort_key(span[1], span[2])


def object_id(raw: bytes, width: int) -> str:
    """The id git gives the tree `raw` (SHA-1, or SHA-256 in a repository of that format)."""
    digest = hashlib.sha1 if width == 20 else hashlib.sha256
    return digest(b"tree %d\0" % len(raw) + raw).hexdigest()


def _trees(root: Path, head: str, folders: list[str]) -> tuple[dict[str, Tree], str]:
    """HEAD's trees at `folders` ("" the root), in one `git cat-file --batch`: ({folder:
    Tree}, the root tree's id); a folder HEAD does not have is empty."""
    asked = [f"{head}^{{tree}}" if not folder else f"{head}:{folder}" for folder in folders]
    out = _git(root, ["cat-file", "--batch"], "".join(f"{name}\n" for name in asked).encode("utf-8"))
    width = len(head) // 2
    trees: dict[str, Tree] = {}
    at, top = 0, ""
    for folder in folders:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if not folder and header:
            top = header[0].decode()
        raw = b""
        if len(header) == 3:
            raw = out[at:at + int(header[2])] if header[1] == b"tree" else b""
            at += int(header[2]) + 1
        trees[folder] = Tree(raw, width)
    return trees, top


def _write_trees(root: Path, made: dict[str, bytes], width: int) -> None:
    """Write the trees `made` ({folder: raw}) as git objects, side by side (their ids are
    known already), each checked against the id git gives it; every git begun is waited
    for, and the first failure raised."""
    started: list[tuple[bytes, subprocess.Popen]] = []
    failed: AnttError | None = None
    for raw in made.values():
        try:
            started.append((raw, _start(root, ["hash-object", "-t", "tree", "-w", "--stdin"])))
        except AnttError as exc:
            failed = exc
            break
    for raw, process in started:
        try:
            written = _answer(process, raw).decode().strip()
        except AnttError as exc:
            failed = failed or exc
            continue
        if written != object_id(raw, width):
            failed = failed or AnttError("audit.commit_failed", detail=f"git wrote the tree {written}")
    if failed is not None:
        raise failed


def new_tree(root: Path, head: str, paths: list[str], disk: Disk | None = None,
             index_env: dict[str, str] | None = None) -> tuple[str, str]:
    """(HEAD's tree with `paths` (relative to the top of the work tree) as the index holds
    them, or removed where the index has none; HEAD's tree). `disk`: what `git
    update-index` has just staged from the files on disk (`staged_from_disk`), which spares
    reading the whole index again; else the index's entries are read (`ls-files`; `index_env`:
    which index, the transaction's private one)."""
    listing = _staged(root, paths, index_env) if disk is None else None  # reads the whole index: meanwhile, HEAD's trees
    folders = sorted({"/".join(p.split("/")[:depth]) for p in paths for depth in range(p.count("/") + 1)},
                     key=lambda f: (-f.count("/") - bool(f), f))
    try:
        trees, top = _trees(root, head, folders)
    finally:
        staged = _stage_zero(_answer(listing)) if listing is not None else {}
    if disk is not None:
        staged = staged_from_disk(disk, trees)
    changes: dict[str, dict[bytes, tuple[bytes, str] | None]] = {folder: {} for folder in folders}
    for path in paths:
        folder, _, name = path.rpartition("/")
        changes[folder][name.encode("utf-8", "surrogateescape")] = staged.get(path)
    width = len(head) // 2
    made: dict[str, str | None] = {}
    written: dict[str, bytes] = {}
    for folder in folders:  # deepest first: a folder's tree is made before its parent's
        for child, oid in made.items():
            parent, _, name = child.rpartition("/")
            if child and parent == folder:
                changes[folder][name.encode("utf-8", "surrogateescape")] = (b"40000", oid) if oid else None
        raw = trees[folder].changed(changes[folder])
        made[folder] = object_id(raw, width) if raw or not folder else None
        if made[folder] is not None:
            written[folder] = raw
    _write_trees(root, written, width)
    return made[""], top


def commit(root: Path, head: str, paths: list[str], message: str, env: dict[str, str], summary: str,
           disk: Disk | None = None, index_env: dict[str, str] | None = None) -> str:
    """Commit `paths` (staged already, in the index `index_env` names; `disk`: see
    `new_tree`) on top of `head` and move the branch there; the new commit's id. Nothing to
    commit (the tree unchanged) is refused as `git commit` refuses it."""
    tree, before = new_tree(root, head, paths, disk, index_env)
    if tree == before:
        raise AnttError("audit.commit_failed", detail="nothing to commit")
    sha = _git(root, ["commit-tree", tree, "-p", head, "-F", "-"], message.encode("utf-8"), env).decode().strip()
    try:
        _git(root, ["update-ref", "-m", f"commit: {summary}", "HEAD", sha, head])
    except AnttError:
        now = gitq.head_sha(root)
        if now != head:  # another git committed meanwhile: said as such, not as git's lock error
            raise AnttError("audit.head_moved", old=head[:10], new=(now or "?")[:10]) from None
        raise
    return sha


def after_commit(root: Path) -> None:
    """git's automatic maintenance (`gc --auto`), as `git commit` runs it; its failure is
    not the command's."""
    try:
        subprocess.run([gitq.executable(), "maintenance", "run", "--auto",
                        "--quiet"], cwd=str(root), capture_output=True, stdin=subprocess.DEVNULL,
                       env=gitq.environment())
    except OSError:
        pass
