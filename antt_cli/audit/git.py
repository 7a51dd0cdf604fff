"""The git questions antt asks, one per function, each through the git executable.

Like pre-commit's `git.py`: every function runs git once (a plain child process, `_run`;
GitPython's command wrapper did the same and cost every write its 34 ms import) and turns
the answer into a plain Python value. Nothing here writes dossier files; `transaction.py`
does that.

Paths given to git are wrapped as `:(literal)path` so that a file name holding `*`, `?`
or `[` is never read as a glob; outputs are read with `-z` so that Vietnamese file names
come back unquoted.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from antt_cli.errors import AnttError

# Field and record separators of `log_records` (ASCII unit / record separators).
_FS = "\x1f"
_RS = "\x1e"
_LOG_FORMAT = "%H%x1f%aI%x1f%an%x1f%ae%x1f%s%x1f%(trailers:only,unfold)%x1e"


# Variables that would make git use another repository, index, object store or pathspec
# syntax than the dossier's (antt run from another repository's git hook, or a shell that
# exported them): left out of every git run of antt's, reading or writing, so that the
# dossier antt was given (--dossier, the folder) is the one git reads and commits to.
_LOCATION_VARIABLES = frozenset((
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE",
    "GIT_LITERAL_PATHSPECS", "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS", "GIT_ICASE_PATHSPECS"))


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a git run: ours without git's location variables, with `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in _LOCATION_VARIABLES}
    env.update(extra or {})
    return env


def executable() -> str:
    """The git program antt runs: `GIT_PYTHON_GIT_EXECUTABLE` when set (the variable set-ups
    already use to name git), else `git` from PATH. On Windows the current folder is first
    taken out of the program search (`NoDefaultCurrentDirectoryInExePath`, as GitPython
    3.1.41 does against CVE-2024-22190): a `git.exe` planted in a dossier must never run."""
    if os.name == "nt":
        os.environ.setdefault("NoDefaultCurrentDirectoryInExePath", "1")
    return os.environ.get("GIT_PYTHON_GIT_EXECUTABLE") or "git"


def _run(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run `git args…` in `root`; return (exit status, stdout, stderr) without raising. A plain
    child process: GitPython's import alone cost a write 34 ms, more than most git runs."""
    return _wait_plain(_start_plain(root, *args, env=env))


def _run_plain(root: Path, *args: str) -> tuple[int, str, str]:
    """`_run` with no extra environment (the reads' name for it)."""
    return _run(root, *args)


def _start_plain(root: Path, *args: str, env: dict[str, str] | None = None, stdin: Any = None) -> Any:
    """`_run` begun: the running git process, or already its (status, out, err). git's own
    messages in English (LANGUAGE, LC_ALL: the refusals read them); `env` on top."""
    import subprocess

    full = environment({"LANGUAGE": "C", "LC_ALL": "C", **(env or {})})
    try:
        return subprocess.Popen([executable(), *args], cwd=str(root), env=full, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL if stdin is None else stdin)
    except FileNotFoundError as exc:
        if not Path(root).is_dir():
            return 128, "", f"cannot run git in {root}"
        raise AnttError("audit.git_missing") from exc
    except OSError:
        return 128, "", f"cannot run git in {root}"


def _wait_plain(started: Any) -> tuple[int, str, str]:
    if isinstance(started, tuple):
        return started
    out, err = started.communicate()
    return started.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def _check(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git; stdout on success, else AnttError audit.git_failed naming the command."""
    status, out, err = _run(root, *args, env=env)
    if status != 0:
        raise AnttError("audit.git_failed", command="git " + " ".join(args[:2]), detail=last_lines(err))
    return out


def last_lines(text: str, count: int | None = None) -> str:
    """git's stderr on one line (for an error sentence): every non-empty line, or the last
    `count`. The whole of it by default: git's first line names the file at fault
    ("Unable to create '…/.git/HEAD.lock': File exists"); 4000 characters at most."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if count is not None:
        lines = lines[-count:]
    return (" / ".join(lines) or "?")[:4000]


def literal(relpath: str) -> str:
    """A pathspec that matches exactly this path (no glob), relative to the dossier root."""
    return ":(literal)" + relpath


_WHERE_CACHE: dict[str, tuple[bool, Path]] = {}


def _where(root: Path) -> tuple[bool, Path | None]:
    """(inside a work tree, absolute git dir) — one `rev-parse`, remembered for the rest of
    the process once the answer is "a work tree" (a command asks it several times, and
    each git process costs tens of milliseconds on Windows)."""
    key = os.path.abspath(root)
    cached = _WHERE_CACHE.get(key)
    if cached is not None and cached[1].is_dir():  # still there (not removed meanwhile)
        return cached
    status, out, err = _run(root, "rev-parse", "--is-inside-work-tree", "--absolute-git-dir")
    if status != 0:
        if "dubious ownership" in err:
            raise AnttError("audit.dubious_ownership", path=str(root))
        return False, None
    lines = out.splitlines()
    if len(lines) < 2:
        return False, None
    answer = lines[0].strip() == "true", Path(lines[1].strip())
    if answer[0]:
        _WHERE_CACHE[key] = answer
    return answer


def is_work_tree(root: Path) -> bool:
    """Is `root` inside a git working tree (not a bare repository, not outside git)?"""
    return _where(root)[0]


def git_dir(root: Path) -> Path:
    """The absolute `.git` folder of the repository holding `root`."""
    inside, gitdir = _where(root)
    if gitdir is None:
        raise AnttError("audit.not_a_repo", path=str(root))
    return gitdir


def head_sha(root: Path) -> str | None:
    """The commit HEAD points at; None on an unborn branch (no commit yet)."""
    status, out, _ = _run(root, "rev-parse", "--verify", "-q", "HEAD^{commit}")
    return out.strip() if status == 0 and out.strip() else None


# Files in the git dir that say an operation is half done (docs/commands.md: refused like a merge).
_IN_PROGRESS = (
    ("MERGE_HEAD", "merge"),
    ("rebase-merge", "rebase"),
    ("rebase-apply", "rebase"),
    ("REVERT_HEAD", "revert"),
    ("CHERRY_PICK_HEAD", "cherry-pick"),
    ("BISECT_LOG", "bisect"),
)


def repo_state_problem(root: Path) -> str | None:
    """Why a command must not commit now: "merge" | "rebase" | "revert" | "cherry-pick" |
    "bisect" | "index-locked" | "detached" | None.

    The operations in progress and the index lock are files in the git dir (as pre-commit
    reads MERGE_HEAD); a detached HEAD is asked of git (`symbolic-ref`), which also works
    with the reftable backend where `.git/HEAD` is a placeholder.
    """
    gitdir = git_dir(root)
    for name, problem in _IN_PROGRESS:
        if (gitdir / name).exists():
            return problem
    if (gitdir / "index.lock").exists():
        return "index-locked"
    status, _, _ = _run(root, "symbolic-ref", "-q", "HEAD")
    if status != 0:
        return "detached"
    return None


def dirty_paths(root: Path, relpaths: list[str]) -> list[str]:
    """Which of `relpaths` (relative to root, "/"-separated) differ from HEAD in any way:
    modified, staged, untracked, deleted. Ignored files are not reported."""
    return path_states(root, relpaths)[0]


def path_states(root: Path, relpaths: list[str], options: tuple[str, ...] = (),
                quick: bool = False) -> tuple[list[str], list[str]]:
    """(dirty, ignored) among `relpaths`, in one `git status` (which may refresh and write
    the index: `options`, `index_options`): dirty as `dirty_paths`; ignored = an existing
    file that .gitignore hides, which a write would overwrite without a trace in `git status`.
    `quick`: first try `_quick_states` (where the dossier runs no git hook: plain git runs
    throughout, audit/plumbing.py `usable`)."""
    if not relpaths:
        return [], []
    answer = _quick_states(root, relpaths) if quick else None
    if answer is not None:
        return answer
    listing = _start_plain(root, "ls-files", "-s", "-v", "-z", "--", *(literal(p) for p in relpaths))
    out = _check(
        root, *options, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching",
        "--no-renames", "--", *(literal(p) for p in relpaths),
    )
    _refuse_entries(_entries(_wait_plain(listing), 4))
    entries = _porcelain_entries(out)
    dirty = _select(root, relpaths, [p for code, p in entries if code != "!!"])
    ignored = _select(root, relpaths, [p for code, p in entries if code == "!!"])
    return dirty, ignored


def _quick_states(root: Path, relpaths: list[str]) -> tuple[list[str], list[str]] | None:
    """`path_states` without `git status`, whose search for untracked files hashes every
    name in the index (125,000 in a 10,000-case dossier: most of a write's time). Three
    small git runs: the index's entries for the paths (`ls-files`), HEAD's (`ls-tree`),
    and the blob ids of the files on disk as git would store them (`hash-object`, filters
    applied). A path is dirty when the index differs from HEAD or the disk from the index.
    None — ask `git status` — for anything this does not judge: a folder, a symbolic link,
    a file git does not track (untracked or ignored), an entry with flags, a conflict or
    another mode than HEAD's."""
    specs = [literal(p) for p in relpaths]
    listing = _start_plain(root, "ls-files", "-s", "-v", "-z", "--", *specs)
    tree = _start_plain(root, "ls-tree", "-r", "-z", "HEAD", "--", *specs)
    index, head = _entries(_wait_plain(listing), 4), _entries(_wait_plain(tree), 3)
    if index is None or head is None:
        return None
    on_disk: list[str] = []
    dirty: list[str] = []
    for rel in relpaths:
        staged = index.get(rel)
        try:
            st = os.lstat(Path(root).joinpath(*rel.split("/")))
        except FileNotFoundError:
            st = None
        except OSError:
            return None
        if st is not None and not _plain_file(st, staged):
            return None  # a folder, a link, untracked or ignored, another mode: git status says
        if staged is not None and _flagged(staged[0]):
            raise AnttError("audit.flagged", file=rel)
        if staged is not None and (staged[0] != "H" or staged[3] != "0"):
            return None  # intent-to-add or unmerged: git status says
        if (staged and staged[1:3]) != (head.get(rel) and head[rel][0::2]):
            dirty.append(rel)  # staged: the index is not HEAD
        elif st is None and staged is not None:
            dirty.append(rel)  # deleted
        elif st is not None:
            on_disk.append(rel)
    if on_disk:
        ids = _hashed(root, on_disk)
        if ids is None:
            return None
        dirty += [rel for rel, blob in zip(on_disk, ids) if blob != index[rel][2]]
    return [p for p in relpaths if p in dirty], []


def refuse_flagged(root: Path, relpaths: list[str]) -> None:
    """Refuse (audit.flagged) a path among `relpaths` whose index entry carries a flag set by
    hand (`_flagged`), in one `ls-files`: for a file committed as it stands (`antt accept`),
    whose edit is no refusal but which git would not stage."""
    _refuse_entries(_entries(_run(root, "ls-files", "-s", "-v", "-z", "--", *(literal(p) for p in relpaths)), 4))


def _refuse_entries(entries: dict[str, tuple[str, ...]] | None) -> None:
    """Refuse a path whose index entry (`ls-files -s -v`: tag, mode, id, stage) git would not
    stage a write into as written: one with a flag set by hand (audit.flagged), or a symbolic
    link (mode 120000, audit.symlink) — where git checks links out as plain files
    (`core.symlinks=false`, Git for Windows' default) `update-index` keeps the link's mode
    for the file's new bytes, so the index would hold a link the commit does not."""
    for rel, entry in (entries or {}).items():
        if _flagged(entry[0]):
            raise AnttError("audit.flagged", file=rel)
        if entry[1] == "120000":
            raise AnttError("audit.symlink", path=rel)


def _flagged(tag: str) -> bool:
    """Whether `ls-files -v` tags an entry with a flag set by hand: assume-unchanged (a
    lowercase tag) or skip-worktree ("S"). git then neither sees an edit of the file nor
    stages its new content (`update-index`, `git add` pass it over), so a write there would
    commit what the file does not hold: refused (audit.flagged)."""
    return tag == "S" or tag.islower()


def _entries(answer: tuple[int, str, str], width: int) -> dict[str, tuple[str, ...]] | None:
    """{path: fields} of `ls-files -s -v -z` (tag, mode, id, stage) or `ls-tree -z` (mode,
    type, id); None when git failed (an unborn branch: HEAD has nothing, which is {})."""
    status, out, _ = answer
    if status != 0:
        return {} if width == 3 and "Not a valid object name" in answer[2] else None
    found: dict[str, tuple[str, ...]] = {}
    for entry in out.split("\0"):
        meta, tab, path = entry.partition("\t")
        fields = tuple(meta.split())
        if tab and len(fields) == width:
            found[path] = fields
    return found


def _plain_file(st: os.stat_result, staged: tuple[str, ...] | None) -> bool:
    """A regular file the index tracks with the mode git would give it (executable or not)."""
    import stat

    if staged is None or not stat.S_ISREG(st.st_mode) or staged[1] not in _REGULAR_FILE_MODES:
        return False
    return os.name == "nt" or (staged[1] == "100755") == bool(st.st_mode & stat.S_IXUSR)


def disk_blobs(root: Path, relpaths: list[str]) -> dict[str, tuple[bool, str]] | None:
    """{path: (executable, blob id as git stores the file)} of the regular files among
    `relpaths` (one `git hash-object -w`, filters applied as `git add` applies them: the
    blob is in git's objects whatever `update-index` did, so a commit made from these ids
    never names a blob git does not have); a path not on disk is left out. None when one is something else (a link, a folder) or git
    cannot say."""
    import stat

    found: dict[str, bool] = {}
    for rel in relpaths:
        try:
            st = os.lstat(Path(root).joinpath(*rel.split("/")))
        except FileNotFoundError:
            continue
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        found[rel] = bool(st.st_mode & stat.S_IXUSR)
    ids = _hashed(root, list(found), write=True) if found else []
    if ids is None:
        return None
    return {rel: (executable, blob) for (rel, executable), blob in zip(found.items(), ids)}


def _hashed(root: Path, relpaths: list[str], write: bool = False) -> list[str] | None:
    """The blob ids of these files as git would store them (one `git hash-object
    --stdin-paths`: filters applied by path, as `git add` applies them; `write`: and stored),
    in their order; None when git cannot say (or a name holds a newline, which the list cannot carry)."""
    if any("\n" in p for p in relpaths):
        return None
    status, out, _ = _run_stdin(root, "".join(p + "\n" for p in relpaths), "hash-object",
                                *(["-w"] if write else []), "--stdin-paths")
    ids = out.split()
    return ids if status == 0 and len(ids) == len(relpaths) else None


def _run_stdin(root: Path, data: str, *args: str) -> tuple[int, str, str]:
    """`_run` with `data` on git's standard input."""
    import subprocess

    started = _start_plain(root, *args, stdin=subprocess.PIPE)
    if isinstance(started, tuple):
        return started
    out, err = started.communicate(data.encode("utf-8", "surrogateescape"))
    return started.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def _porcelain_entries(out: str) -> list[tuple[str, str]]:
    """(status code, path) of `git status --porcelain=v1 -z` (both sides of a rename)."""
    result: list[tuple[str, str]] = []
    entries = out.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        result.append((code, path))
        if "R" in code or "C" in code:
            if i < len(entries) and entries[i]:
                result.append((code, entries[i]))
            i += 1
    return result


def _select(root: Path, relpaths: list[str], reported: list[str]) -> list[str]:
    """Which of `relpaths` (or folders of them) git reported."""
    if not reported:
        return []
    # Porcelain paths are relative to the top of the work tree, not to root.
    prefix = ""
    if not all(_matches(r, relpaths) for r in reported):
        prefix = _check(root, "rev-parse", "--show-prefix").strip()
    dirty = []
    for relpath in relpaths:
        full = prefix + relpath
        if any(r == full or r.startswith(full.rstrip("/") + "/") for r in reported):
            dirty.append(relpath)
    return dirty


def _matches(reported: str, relpaths: list[str]) -> bool:
    return any(reported == p or reported.startswith(p.rstrip("/") + "/") for p in relpaths)


def config_values(root: Path) -> dict[str, str]:
    """The git settings a write needs, in one `git config`: {key in lower case: value} of
    `user.name`, `user.email`, `core.splitIndex`, `core.hooksPath`, `core.fileMode`,
    `core.sparseCheckout`, `commit.gpgSign` and
    hooks set in the configuration (`hook.<name>.*`, newer git) where git has them."""
    status, out, _ = _run(root, "config", "-z", "--get-regexp",
                          r"^(user\.(name|email)|core\.(splitindex|hookspath|filemode|sparsecheckout)|commit\.gpgsign|hook\..*)$")
    config: dict[str, str] = {}
    if status == 0:
        for item in out.split("\0"):
            key, _, value = item.partition("\n")
            if key:
                config[key.lower()] = value  # the last value wins, as in git
    return config


# A dossier tracks its documents: ~12 files per case, a 10,000-case dossier's index holds
# 125,000 entries (15 MB), which git rewrites whole on every `git add` and `git commit`.
# Split, git writes only the entries that changed and keeps the rest in a shared file
# (docs/reliability.md, "Git's index"). Given on antt's own git runs, so a dossier made
# before `antt init` wrote the setting gets it too; a value the user set stands.
SPLIT_INDEX = ("-c", "core.splitIndex=true")


def sparse_checkout(config: dict[str, str]) -> bool:
    """Whether the work tree is a sparse checkout (`core.sparseCheckout`, set by `git
    sparse-checkout`): cases outside its cone are not on disk."""
    return config.get("core.sparsecheckout", "").strip().lower() in ("true", "yes", "on", "1")


def index_options(config: dict[str, str]) -> tuple[str, ...]:
    """The options of antt's git runs that write the index (`config`: `config_values`)."""
    return () if "core.splitindex" in config else SPLIT_INDEX


def config_user(root: Path, config: dict[str, str] | None = None) -> tuple[str | None, str | None]:
    """(name, email) of git's identity on this machine, each None when git has none:
    GIT_AUTHOR_NAME/EMAIL, else user.name/user.email from git config (EMAIL as git's own
    last resort for the address). `config`: `config_values` when already asked."""
    config = config_values(root) if config is None else config
    name = os.environ.get("GIT_AUTHOR_NAME") or config.get("user.name")
    email = os.environ.get("GIT_AUTHOR_EMAIL") or config.get("user.email") or os.environ.get("EMAIL")
    return (name.strip() if name and name.strip() else None, email.strip() if email and email.strip() else None)


def config_identity(root: Path) -> tuple[str, str] | None:
    """(name, email) git will commit as on its own, or None if either is missing."""
    name, email = config_user(root)
    return (name, email) if name and email else None


def set_local_user(root: Path, name: str, email: str | None) -> None:
    """The dossier's own git identity (`antt init --officer`, docs/commands.md)."""
    _check(root, "config", "user.name", name)
    if email:
        _check(root, "config", "user.email", email)


def init_repo(root: Path) -> None:
    """`git init` with branch `main` and settings that keep files byte-exact on Windows."""
    root.mkdir(parents=True, exist_ok=True)
    _WHERE_CACHE.pop(os.path.abspath(root), None)
    status, _, _ = _run(root, "init", "-q", "-b", "main")
    if status != 0:  # git older than 2.28 has no -b
        _check(root, "init", "-q")
        _check(root, "symbolic-ref", "HEAD", "refs/heads/main")
    _check(root, "config", "core.autocrlf", "false")
    _check(root, "config", "core.quotepath", "false")
    # Git for Windows refuses paths past MAX_PATH (260) unless told otherwise; a dossier
    # deep in Documents\… with long Vietnamese file names reaches it. Ignored elsewhere.
    _check(root, "config", "core.longpaths", "true")
    _check(root, "config", "core.splitIndex", "true")  # see SPLIT_INDEX


# At most this many changed-path Bloom filters computed by one write when the commit-graph
# has none yet (a fresh clone of a long dossier): about 0.2 ms each, so a write pays at most
# a fraction of a second once; git's own `gc` fills in the rest, keeping the filters.
MAX_NEW_FILTERS = 2000


def refresh_commit_graph(root: Path) -> None:
    """Bring git's commit-graph up to date, with changed-path Bloom filters, so that a
    path-limited `git log` (`antt history ID`) skips the commits that did not touch the
    case instead of comparing their trees: on 5,000 commits 0.13 s instead of 1.7 s
    (docs/reliability.md "Commit-graph"). Run after each commit, under the lock: a new
    small layer holding the new commits (`--split`), which git merges as layers grow;
    when no layer has filters yet, one graph for every commit (at most MAX_NEW_FILTERS
    new filters). Never fails the command: the graph only speeds reads up, and a read
    without it gives the same answer."""
    try:
        info = git_dir(root) / "objects" / "info"
        mode = ["--split"] if _graph_has_filters(info) else ["--split=replace", f"--max-new-filters={MAX_NEW_FILTERS}"]
        _run_plain(root, "commit-graph", "write", "--reachable", "--changed-paths", *mode)
    except (AnttError, OSError):
        pass


def _graph_has_filters(info: Path) -> bool:
    """Does the commit-graph (one file, or every layer of a split chain) carry Bloom
    filters? Read from each file's chunk table (git's Documentation/gitformat-commit-graph:
    an 8-byte header whose 7th byte counts the chunks, then 12-byte entries, id first)."""
    chain = info / "commit-graphs" / "commit-graph-chain"
    if chain.is_file():
        files = [info / "commit-graphs" / f"graph-{line.strip()}.graph"
                 for line in chain.read_text(encoding="ascii", errors="replace").splitlines() if line.strip()]
    else:
        files = [info / "commit-graph"]
    for path in files:
        try:
            with open(path, "rb") as f:
                head = f.read(8)
                if len(head) < 8 or head[:4] != b"CGPH":
                    return False
                table = f.read(12 * (head[6] + 1))
        except OSError:
            return False
        if b"BIDX" not in {table[i:i + 4] for i in range(0, len(table), 12)}:
            return False
    return bool(files)


class PendingLog:
    """A `git log` started (`start_log`) whose records are read later (`records()`): git
    runs while antt does other work — reading antt.yaml and the kinds for `antt history ID`."""

    def __init__(self, root: Path, args: list[str]) -> None:
        self.root = root
        self._started = _start_plain(root, *args)

    def records(self) -> list[dict]:
        """As `log_records` returns them (waits for git)."""
        status, out, err = _wait_plain(self._started)
        if status != 0:
            if head_sha(self.root) is None:
                return []
            raise AnttError("audit.git_failed", command="git log", detail=last_lines(err))
        return _parse_log(out)

    def cancel(self) -> None:
        """Not wanted after all (the command was refused meanwhile): stop git, reap it."""
        if isinstance(self._started, tuple):
            return
        if self._started.poll() is None:
            self._started.kill()
        try:
            self._started.communicate()
        except (ValueError, OSError):  # already read
            pass


def start_log(root: Path, case_id: str | None = None, *, paths: list[str] | None = None) -> PendingLog:
    """`log_records` begun in the background."""
    args = ["log", "--encoding=UTF-8", f"--format={_LOG_FORMAT}"]
    if case_id is not None:
        args += ["--fixed-strings", f"--grep={case_id}"]
    return PendingLog(root, [*args, "HEAD", "--", *[literal(p) for p in paths or []]])


def log_records(root: Path, case_id: str | None = None, *, paths: list[str] | None = None) -> list[dict]:
    """Commits reachable from HEAD, newest first, in ONE `git log`: each
    {sha, date (ISO 8601), author, email, summary, trailers: {key: [values]}}.

    With `case_id`, only commits whose message mentions it (`--grep -F`, a superset that
    `history.py` narrows to the exact trailers); with `paths`, only commits that touch them
    (a path-limited log: one case's folder costs what that case's commits cost, not the
    dossier's). An unborn branch has no commits: [].
    """
    return start_log(root, case_id, paths=paths).records()


def _parse_log(out: str) -> list[dict]:
    records = []
    for raw in out.split(_RS):
        raw = raw.strip("\n")
        if not raw:
            continue
        fields = raw.split(_FS)
        if len(fields) < 6:
            continue
        sha, date, author, email, summary, trailer_text = fields[:6]
        records.append({
            "sha": sha,
            "date": date,
            "author": author,
            "email": email,
            "summary": summary,
            "trailers": parse_trailers(trailer_text),
        })
    return records


def oneline_log(root: Path) -> list[str]:
    """`git log --oneline`: each commit's short hash and summary, newest first; [] when
    nothing is committed yet."""
    status, out, err = _run(root, "log", "--oneline", "--encoding=UTF-8")
    if status != 0:
        if head_sha(root) is None:
            return []
        raise AnttError("audit.git_failed", command="git log", detail=last_lines(err))
    return out.splitlines()


def parse_trailers(text: str) -> dict[str, list[str]]:
    """`Key: value` lines (as printed by `%(trailers:only,unfold)`) → {Key: [values]}.
    Keys keep the spelling of their first occurrence; matching is case-insensitive."""
    trailers: dict[str, list[str]] = {}
    spelling: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            continue
        key = spelling.setdefault(key.strip().lower(), key.strip())
        trailers.setdefault(key, []).append(value.strip())
    return trailers


# -- what the journal's recovery asks (audit/journal.py) ----------------------------------
TRANSACTION_TRAILER = "Antt-Transaction"


def commit_with_transaction(root: Path, txid: str, since: str | None) -> str | None:
    """The commit after `since` (HEAD when the transaction began) whose message carries
    `Antt-Transaction: txid`, or None. An unborn branch has none."""
    if head_sha(root) is None:
        return None
    rev = f"{since}..HEAD" if since else "HEAD"
    status, out, _ = _run(root, "log", "--format=%H", "--fixed-strings",
                          f"--grep={TRANSACTION_TRAILER}: {txid}", rev, "--")
    if status != 0 and since:  # `since` is gone (history rewritten): look at all of HEAD's
        status, out, _ = _run(root, "log", "--format=%H", "--fixed-strings",
                              f"--grep={TRANSACTION_TRAILER}: {txid}", "HEAD", "--")
    lines = out.split() if status == 0 else []
    return lines[0] if lines else None


def _run_bytes(root: Path, *args: str, stdin=None) -> tuple[int, bytes]:
    """Run `git args…` in `root` with `stdin` (a file or None); (exit status, stdout as bytes)."""
    started = _start_plain(root, *args, stdin=stdin)
    if isinstance(started, tuple):
        return started[0], b""
    out, _ = started.communicate()
    return started.returncode, out


def blob_bytes(root: Path, blob: str) -> bytes | None:
    """The content of a blob in the object store, or None when git does not have it."""
    status, out = _run_bytes(root, "cat-file", "blob", blob)
    return out if status == 0 else None


# -- what a reading command asks while a writer holds the lock (docs/reliability.md) ------
_REGULAR_FILE_MODES = ("100644", "100755")


def head_blobs(root: Path, relpaths: list[str]) -> dict[str, str]:
    """HEAD's regular files at or under `relpaths` (files or folders, relative to root):
    {path relative to root, "/"-separated: blob id}, in one `git ls-tree`. An unborn
    branch has none: {}."""
    status, out, err = _run(root, "ls-tree", "-r", "-z", "HEAD", "--", *(literal(p) for p in relpaths))
    if status != 0:
        if head_sha(root) is None:
            return {}
        raise AnttError("audit.git_failed", command="git ls-tree", detail=last_lines(err))
    blobs: dict[str, str] = {}
    for entry in out.split("\0"):
        meta, tab, path = entry.partition("\t")
        fields = meta.split()
        if tab and len(fields) == 3 and fields[1] == "blob" and fields[0] in _REGULAR_FILE_MODES:
            blobs[path] = fields[2]
    return blobs


def blob_contents(root: Path, blobs: list[str]) -> dict[str, bytes]:
    """The contents of these blobs, read in one `git cat-file --batch`: {blob id: bytes};
    an id git does not have is left out."""
    import tempfile

    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    with tempfile.TemporaryFile() as stdin:
        stdin.write("".join(f"{blob}\n" for blob in wanted).encode("ascii"))
        stdin.seek(0)
        status, out = _run_bytes(root, "cat-file", "--batch", stdin=stdin)
    if status != 0:
        raise AnttError("audit.git_failed", command="git cat-file --batch", detail=f"exit {status}")
    found: dict[str, bytes] = {}
    at = 0
    for blob in wanted:  # answers come in the order asked: "<id> <type> <size>\n<content>\n" or "<id> missing\n"
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3:
            continue
        size = int(header[2])
        if header[1] == b"blob":
            found[blob] = out[at:at + size]
        at += size + 1
    return found


def restore_from_head(root: Path, relpath: str) -> None:
    """Put HEAD's version of one path back into the index and the work tree."""
    _run(root, "checkout", "-q", "HEAD", "--", literal(relpath))


def unstage(root: Path, relpaths: list[str], *, unborn: bool = False,
            options: tuple[str, ...] = ()) -> tuple[int, str]:
    """Reset the index entries of these paths to HEAD (remove them on an unborn branch);
    `options`: `index_options`."""
    if not relpaths:
        return 0, ""
    specs = [literal(p) for p in relpaths]
    if unborn and head_sha(root) is None:
        status, _, err = _run(root, *options, "rm", "-q", "--cached", "-f", "--ignore-unmatch", "--", *specs)
    else:
        status, _, err = _run(root, *options, "reset", "-q", "--", *specs)
    return status, err


# -- what a reading command asks of git's index (docs/interpretations.md, the read cache) --


def _plain(root: Path, *args: str) -> tuple[int, bytes]:
    """Run `git args…` as a reader: (exit status, stdout); 128 when git cannot be run."""
    return _plain_wait(_plain_start(root, *args))


def _plain_start(root: Path, *args: str) -> Any:
    """`_plain` begun, without git's location variables (antt run from a git hook): the
    running process, or (128, b"") when git cannot be run."""
    import subprocess

    env = environment()
    try:
        return subprocess.Popen([executable(), *args], cwd=root, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
    except OSError:
        return 128, b""


def _plain_wait(started: Any) -> tuple[int, bytes]:
    if isinstance(started, tuple):
        return started
    out, _ = started.communicate()
    return started.returncode, out


class IndexView(NamedTuple):
    """What git's index says of the files under some folders: `blobs`, {path: blob id} of
    each file it holds and finds unchanged (as `index_blobs` judges them); `changed`, the
    paths `git diff-files` finds changed; `listed`, the SHA-1 of `git ls-files -s -v`'s
    answer (every entry's mode, blob id, stage, flag and path: two indexes with the same
    entries there give the same one)."""

    blobs: dict[str, str]
    changed: frozenset[str]
    listed: str


def blobs_under(root: Path, folders: list[str]) -> dict[str, str] | None:
    """{path: blob id} of every file under `folders` that git's index holds and finds
    unchanged in the working tree, as `index_blobs` judges them, with two git runs whatever
    the number of files (a folder is one pathspec). None when git cannot say."""
    view = index_view(root, folders)
    return view.blobs if view is not None else None


def index_view(root: Path, folders: list[str], changed: frozenset[str] | None = None) -> IndexView | None:
    """`IndexView` of the files under `folders` (two git runs; one when git's `changed` paths
    were just asked, `worktree_changes`); None when git cannot say."""
    import hashlib
    import re

    specs = [literal(folder) for folder in folders]
    asked = changed if changed is not None else _plain_start(root, "diff-files", "--name-only", "-z", "--", *specs)
    status, listed = _plain(root, "ls-files", "-s", "-v", "-z", "--", *specs)
    if status != 0:
        if changed is None:
            _plain_wait(asked)
        return None
    # "H": cached, nothing set by hand (as `index_blobs`); a regular file; stage 0
    modes = b"|".join(m.encode() for m in _REGULAR_FILE_MODES)
    entries = re.finditer(rb"(?:^|\0)H (?:" + modes + rb") ([0-9a-f]{40,64}) 0\t([^\0]*)", listed)
    found = {m[2].decode("utf-8", "surrogateescape"): m[1].decode() for m in entries}
    digest = hashlib.sha1(listed).hexdigest()
    del listed
    paths = changed if changed is not None else changed_paths(asked)
    if paths is None:
        return None
    for path in paths:
        found.pop(path, None)
    return IndexView(found, paths, digest)


class IndexListing(NamedTuple):
    """`git ls-files -s -v` under some folders: `listed` (as `IndexView.listed`), `odd` (the
    paths of the entries `index_view` does not vouch for: a flag set by hand —
    assume-unchanged, skip-worktree —, a conflict, a link or a submodule) and the answer
    itself (`view_of` reads a few folders' entries from it)."""

    listed: str
    odd: frozenset[str]
    answer: bytes


def index_listing(root: Path, folders: list[str]) -> IndexListing | None:
    """`IndexListing` of the entries under `folders`, from one `git ls-files -s -v` (taken
    apart only when some are not plain: at 10,000 cases the answer is 12 MB); None when git
    cannot say."""
    import hashlib
    import re

    status, listed = _plain(root, "ls-files", "-s", "-v", "-z", "--", *map(literal, folders))
    if status != 0:
        return None
    digest = hashlib.sha1(listed).hexdigest()
    # "H": no flag, not in conflict (a conflict's entries are tagged "M"); "100": a regular
    # file (the index holds no other mode of that start than 100644 and 100755)
    if listed.count(b"\0H 100") + listed.startswith(b"H 100") == listed.count(b"\0"):
        return IndexListing(digest, frozenset(), listed)
    modes = b"|".join(m.encode() for m in _REGULAR_FILE_MODES)
    odd = re.compile(rb"(?:^|(?<=\0))(?!H (?:" + modes + rb") [0-9a-f]{40,64} 0\t)[^\0\t]*\t([^\0]*)\0")
    return IndexListing(digest, frozenset(m[1].decode("utf-8", "surrogateescape") for m in odd.finditer(listed)),
                        listed)


def view_of(listing: IndexListing, folders: list[str], changed: frozenset[str]) -> IndexView | None:
    """`index_view` of a few `folders` (each a folder under those `listing` lists), read from
    `listing`'s answer instead of asking git again: the entries of a folder come together
    there (git lists them by path). None when an entry found is not at its entry's start
    (a path with a tab in it): `index_view` then asks git."""
    import re

    answer, found = listing.answer, {}
    entry = re.compile(rb"[A-Za-z] [0-7]{6} [0-9a-f]{40,64} [0-3]\t")
    modes = tuple(m.encode() for m in _REGULAR_FILE_MODES)
    for folder in folders:
        prefix = b"\t" + folder.encode("utf-8", "surrogateescape") + b"/"
        at = answer.find(prefix)
        while at >= 0:
            start = answer.rfind(b"\0", 0, at) + 1
            end = answer.find(b"\0", at)
            if end < 0 or not entry.fullmatch(answer, start, at + 1):
                return None
            meta = answer[start:at].split(b" ")
            if meta[0] == b"H" and meta[1] in modes and meta[3] == b"0":
                found[answer[at + 1:end].decode("utf-8", "surrogateescape")] = meta[2].decode()
            at = answer.find(b"\t", end + 1)   # the next entry's path, when it is in the folder
            at = at if at >= 0 and answer.startswith(prefix, at) else -1
    for path in changed:
        found.pop(path, None)
    return IndexView(found, changed, listing.listed)


class TreeChanges(NamedTuple):
    """What `git diff-index --cached --raw` (or `git diff-tree -r --raw`) said of the paths
    under some folders: {path: (its new mode, new blob id, status)} (the status tells a path
    removed, "D", from one in conflict, "U")."""

    paths: dict[str, tuple[str, ...]]


def _raw_changes(out: bytes) -> TreeChanges | None:
    parts = out.split(b"\0")
    if parts and parts[-1] == b"":
        parts.pop()
    if len(parts) % 2 or not all(meta.startswith(b":") and len(meta.split()) == 5 for meta in parts[0::2]):
        return None
    return TreeChanges({path.decode("utf-8", "surrogateescape"): tuple(meta.decode().split()[i] for i in (1, 3, 4))
                        for meta, path in zip(parts[0::2], parts[1::2])})


def index_tree_changes(root: Path, tree: str, folders: list[str]) -> TreeChanges | None:
    """The paths under `folders` where git's index differs from `tree` (a tree id: blob id,
    mode, added, removed or in conflict), from one `git diff-index --cached` (the index
    against the tree, not the working tree); None when git cannot say (no such tree)."""
    status, out = _plain(root, "diff-index", "--cached", "--raw", "-z", "--no-renames", "--no-ext-diff",
                         "--ignore-submodules=none", tree, "--", *map(literal, folders))
    return _raw_changes(out) if status == 0 else None


def head_tree_as(root: Path, tree: str, index: TreeChanges, folders: list[str]) -> str | None:
    """HEAD's tree id when git's index holds exactly HEAD's entries under `folders`, told
    from what the index changed since `tree` (`index`, `index_tree_changes`): HEAD changed
    the very same since (one `git diff-tree` of two trees, not a look at the whole index);
    None otherwise."""
    head = _head_tree(root)
    if head is None:
        return None
    if head == tree:
        return head if not index.paths else None
    status, out = _plain(root, "diff-tree", "-r", "--raw", "-z", "--no-renames", "--no-ext-diff",
                         "--ignore-submodules=none", tree, head, "--", *map(literal, folders))
    moved = _raw_changes(out) if status == 0 else None
    return head if moved is not None and moved.paths == index.paths else None


def index_tree(root: Path, folders: list[str]) -> str | None:
    """HEAD's tree id when git's index holds exactly HEAD's entries under `folders` (what a
    commit leaves, antt's or the officer's: `index_tree_changes` can then tell what changed
    since from the tree alone); None otherwise, or when git cannot say."""
    tree = _head_tree(root)
    if tree is None:
        return None
    quiet, _ = _plain(root, "diff-index", "--cached", "--quiet", "--no-ext-diff", "--ignore-submodules=none",
                      tree, "--", *map(literal, folders))
    return tree if quiet == 0 else None


def _head_tree(root: Path) -> str | None:
    """HEAD's tree id (one `git rev-parse`); None when there is none or git cannot say."""
    status, out = _plain(root, "rev-parse", "-q", "--verify", "HEAD^{tree}")
    tree = out.decode("ascii", "replace").strip()
    return tree if status == 0 and len(tree) in (40, 64) else None


def worktree_changes(root: Path, folders: list[str]) -> frozenset[str] | None:
    """The paths under `folders` that `git diff-files` finds changed in the working tree
    (one git run: a file's stat, and its content where the stat cannot tell); None when git
    cannot say."""
    return changed_paths(_plain_start(root, "diff-files", "--name-only", "-z", "--",
                                      *map(literal, folders)))


def changed_paths(diff_files: Any) -> frozenset[str] | None:
    """The paths `git diff-files --name-only -z` (begun with `_plain_start`) names; None when
    git cannot say."""
    status, changed = _plain_wait(diff_files)
    if status != 0:
        return None
    return frozenset(path.decode("utf-8", "surrogateescape") for path in changed.split(b"\0") if path)


def index_blobs(root: Path, relpaths: list[str]) -> dict[str, str] | None:
    """{path: blob id} of the files among `relpaths` that git's index holds (stage 0, a
    regular file) and that git finds unchanged in the working tree (`git diff-files`, which
    compares content when the timestamps cannot tell): their blob id is the index's, with no
    need to read them. A file edited, unmerged or unknown to the index is left out (the
    caller reads it). None when git cannot say (not a work tree, git missing)."""
    wanted = set(relpaths)
    patterns = sorted({f":(glob){rel.split('/', 1)[0]}/*/{rel.rsplit('/', 1)[1]}" if rel.count("/") == 2
                       else literal(rel) for rel in wanted})
    changed = _plain_start(root, "diff-files", "--name-only", "-z", "--", *patterns)  # meanwhile
    status, listed = _plain(root, "ls-files", "-s", "-v", "-z", "--", *patterns)
    if status != 0:
        _plain_wait(changed)
        return None
    blobs: dict[str, str] = {}
    for entry in listed.split(b"\0"):
        meta, tab, path = entry.partition(b"\t")
        fields = meta.split()
        # "H": cached, nothing set by hand ("h" assume-unchanged and "S" skip-worktree entries
        # would hide an edit from diff-files: those files are read)
        if tab and len(fields) == 4 and fields[0] == b"H" and fields[3] == b"0" \
                and fields[1].decode() in _REGULAR_FILE_MODES:
            fields = fields[1:]
            rel = path.decode("utf-8", "surrogateescape")
            if rel in wanted:
                blobs[rel] = fields[1].decode()
    return _unchanged(blobs, changed)


def _unchanged(blobs: dict[str, str], diff_files: Any) -> dict[str, str] | None:
    """`blobs` less the files that `git diff-files` (begun with `_plain_start`, on the same
    pathspecs, while `ls-files` ran) finds changed in the working tree; None when git
    cannot say."""
    changed = changed_paths(diff_files)
    if changed is None:
        return None
    for path in changed:
        blobs.pop(path, None)
    return blobs
