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

import os
import subprocess
from pathlib import Path

from antt_cli.audit import git as gitq
from antt_cli.errors import AnttError

# The hooks `git commit` runs (and `update-ref`: reference-transaction); any one of them
# present means the porcelain, so that the dossier's hooks see every commit as usual.
COMMIT_HOOKS = ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "reference-transaction",
                "post-index-change")
_TYPES = {b"40000": "tree", b"160000": "commit"}


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
    full_env = {**os.environ, "LANGUAGE": "C", "LC_ALL": "C", **(env or {})}
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


def _staged(root: Path, paths: list[str]) -> subprocess.Popen:
    """`ls-files` of the index's entries for `paths`, begun (read by `_stage_zero`)."""
    return _start(root, ["ls-files", "-s", "-z", "--", *(gitq.literal(p) for p in paths)])


def _stage_zero(out: bytes) -> dict[str, tuple[bytes, str]]:
    """{path: (mode, object id)} of the stage-0 entries `ls-files -s -z` printed."""
    entries: dict[str, tuple[bytes, str]] = {}
    for item in out.split(b"\0"):
        meta, tab, name = item.partition(b"\t")
        fields = meta.split()
        if tab and len(fields) == 3 and fields[2] == b"0":
            entries[name.decode("utf-8", "surrogateescape")] = (fields[0], fields[1].decode())
    return entries


def _trees(root: Path, head: str, folders: list[str]) -> tuple[dict[str, dict[bytes, tuple[bytes, str]]], str]:
    """HEAD's trees at `folders` ("" the root), in one `git cat-file --batch`: ({folder: {name:
    (mode, object id)}}, the root tree's id); a folder HEAD does not have is empty."""
    asked = [f"{head}^{{tree}}" if not folder else f"{head}:{folder}" for folder in folders]
    out = _git(root, ["cat-file", "--batch"], "".join(f"{name}\n" for name in asked).encode("utf-8"))
    width = len(head) // 2
    trees: dict[str, dict[bytes, tuple[bytes, str]]] = {}
    at, top = 0, ""
    for folder in folders:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if not folder and header:
            top = header[0].decode()
        entries: dict[bytes, tuple[bytes, str]] = {}
        if len(header) == 3 and header[1] == b"tree":
            raw = out[at:at + int(header[2])]
            at += int(header[2]) + 1
            i = 0
            while i < len(raw):
                space = raw.index(b" ", i)
                nul = raw.index(b"\0", space)
                entries[raw[space + 1:nul]] = (raw[i:space], raw[nul + 1:nul + 1 + width].hex())
                i = nul + 1 + width
        elif len(header) == 3:
            at += int(header[2]) + 1
        trees[folder] = entries
    return trees, top


def _mktree(root: Path, entries: dict[bytes, tuple[bytes, str]]) -> str:
    data = b"".join(mode + b" " + _TYPES.get(mode, "blob").encode() + b" " + oid.encode() + b"\t" + name + b"\0"
                    for name, (mode, oid) in entries.items())
    return _git(root, ["mktree", "-z", "--missing"], data).decode().strip()


def new_tree(root: Path, head: str, paths: list[str]) -> tuple[str, str]:
    """(HEAD's tree with `paths` (relative to the top of the work tree) as the index holds
    them, or removed where the index has none; HEAD's tree)."""
    listing = _staged(root, paths)  # reads the whole index: meanwhile, HEAD's trees
    folders = sorted({"/".join(p.split("/")[:depth]) for p in paths for depth in range(p.count("/") + 1)},
                     key=lambda f: (-f.count("/") - bool(f), f))
    try:
        trees, top = _trees(root, head, folders)
    finally:
        staged = _stage_zero(_answer(listing))
    for path in paths:
        folder, _, name = path.rpartition("/")
        key = name.encode("utf-8", "surrogateescape")
        if path in staged:
            trees[folder][key] = staged[path]
        else:
            trees[folder].pop(key, None)
    made: dict[str, str | None] = {}
    for folder in folders:  # deepest first: a folder's tree is made before its parent's
        entries = trees[folder]
        for child, oid in made.items():
            parent, _, name = child.rpartition("/")
            if child and parent == folder:
                if oid is None:
                    entries.pop(name.encode("utf-8", "surrogateescape"), None)
                else:
                    entries[name.encode("utf-8", "surrogateescape")] = (b"40000", oid)
        made[folder] = _mktree(root, entries) if entries or not folder else None
    return made[""], top


def commit(root: Path, head: str, paths: list[str], message: str, env: dict[str, str], summary: str) -> str:
    """Commit `paths` (staged already) on top of `head` and move the branch there; the new
    commit's id. Nothing to commit (the tree unchanged) is refused as `git commit` refuses it."""
    tree, before = new_tree(root, head, paths)
    if tree == before:
        raise AnttError("audit.commit_failed", detail="nothing to commit")
    sha = _git(root, ["commit-tree", tree, "-p", head, "-F", "-"], message.encode("utf-8"), env).decode().strip()
    _git(root, ["update-ref", "-m", f"commit: {summary}", "HEAD", sha, head])
    return sha


def after_commit(root: Path) -> None:
    """git's automatic maintenance (`gc --auto`), as `git commit` runs it; its failure is
    not the command's."""
    try:
        subprocess.run([gitq.executable(), "maintenance", "run", "--auto",
                        "--quiet"], cwd=str(root), capture_output=True, stdin=subprocess.DEVNULL)
    except OSError:
        pass
