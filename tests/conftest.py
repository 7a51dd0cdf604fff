"""Shared test set-up: an isolated git configuration with a test identity (CI machines may
have none), a fixed today, and dossiers built once per session through the real CLI (the base,
the launched one, `antt demo` and `antt demo --district`) and copied per test or per module."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_dossier"
TODAY = "2026-06-20"
UBND = "Ủy ban nhân dân xã Hàm Thuận"


@pytest.fixture(scope="session", autouse=True)
def _session_env(tmp_path_factory):
    """Every test runs with its own global git config (with an identity), no system config,
    a temporary HOME, ANTT_TODAY fixed and no dossier or language from the environment."""
    home = tmp_path_factory.mktemp("home")
    config = home / "gitconfig"
    config.write_text("[user]\n\tname = Cán bộ Kiểm thử\n\temail = kiemthu@antt.invalid\n"
                      "[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    saved = dict(os.environ)
    os.environ.update({"HOME": str(home), "GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1",
                       "ANTT_TODAY": TODAY})
    for var in ("ANTT_DOSSIER", "ANTT_LANG", "ANTT_LOCK_TIMEOUT", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL",
                "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL", "GIT_DIR", "GIT_WORK_TREE"):
        os.environ.pop(var, None)
    yield
    os.environ.clear()
    os.environ.update(saved)


class Result:
    def __init__(self, code: int, stdout: str, stderr: str):
        self.exit_code, self.stdout, self.stderr = code, stdout, stderr

    def __repr__(self) -> str:
        return f"<exit {self.exit_code}\nstdout: {self.stdout}\nstderr: {self.stderr}>"


def antt(*args: str, root: Path | None = None, lang: str | None = None) -> Result:
    """Run one antt command in-process through the real app (typer's CliRunner), built as the
    entry point builds it (cli/app.py main): the command asked for alone, the whole app for
    the app's own help and version."""
    from typer.testing import CliRunner

    from antt_cli.cli.app import build_app, command_asked
    from antt_cli.i18n import set_lang

    set_lang(lang)
    argv = (["--dossier", str(root)] if root else []) + [str(a) for a in args]
    result = CliRunner().invoke(build_app(only=command_asked(argv)), argv, catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    set_lang(None)
    return Result(result.exit_code, result.stdout, result.stderr)


def ok(*args: str, root: Path | None = None) -> Result:
    result = antt(*args, root=root)
    assert result.exit_code == 0, result
    return result


def antt_process(*args: str, cwd: Path | None = None, env: dict | None = None,
                 timeout: float = 120) -> subprocess.CompletedProcess:
    """Run antt as a true subprocess (`python -m antt_cli`)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "antt_cli", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout


def snapshot(root: Path) -> tuple[str, str, dict[str, bytes]]:
    """What a refused command must leave exactly as it was: status, HEAD, every file's bytes."""
    files = {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
             if p.is_file() and ".git" not in p.relative_to(root).parts}
    return (git(root, "status", "--porcelain", "--untracked-files=all"), git(root, "rev-parse", "HEAD"), files)


def commit_count(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


def refused(root: Path, *args: str, code: int = 1, contains: str | None = None) -> Result:
    """Run a command that must be refused: exit `code`, one sentence on stderr, and the
    tree, HEAD and every file exactly as before."""
    before = snapshot(root)
    result = antt(*args, root=root)
    assert result.exit_code == code, result
    assert result.stderr.strip(), result
    if contains:
        assert contains in result.stderr, result
    assert snapshot(root) == before
    return result


# -- dossiers built once per session through the real CLI -------------------------------
def build_base(root: Path) -> Path:
    ok("init", root, "--unit", "Công an xã Hàm Thuận", "--province", "Lâm Đồng", "--place", "Hàm Thuận",
       "--parent-body", "Công an tỉnh Lâm Đồng", "--officer", "Nguyễn Văn Kiểm")
    ok("bodies", "add", UBND, "--code", "UBND", "--head", "Chủ tịch: Trần Thị Hoa",
       "--deputy", "Phó Chủ tịch: Lê Văn Nam", "--own", root=root)
    ok("bodies", "add", "Đảng ủy xã Hàm Thuận", "--code", "ĐU", "--party", "--own",
       "--head", "Bí thư: Nguyễn Văn Hùng", root=root)
    ok("bodies", "add", "Công an xã Hàm Thuận", "--code", "CAX", "--own",
       "--head", "Trưởng Công an xã: Phạm Văn Bình", root=root)
    return root


# The build steps of a model, in order, as CLI arguments after `record ID`.
def build_steps(linked: bool) -> list[list[str]]:
    steps = [
        ["survey-plan", "--date", "2025-09-03", "--number", "auto", "--approved-by", "Đảng ủy xã Hàm Thuận",
         "--approved-date", "2025-09-05"],
        ["survey-report", "--date", "2025-09-20", "--number", "auto"],
    ]
    if linked:
        steps.append(["member-agreement", "--date", "2025-09-22"])
    steps += [
        ["proposal", "--date", "2025-09-25", "--number", "auto",
         "--set", "name=" + ("Liên kết bảo đảm an ninh trật tự bến cá" if linked else "Tổ tự quản an ninh trật tự")],
        ["party-policy", "--date", "2025-10-02", "--number", "auto"],
        ["implementation", "--date", "2025-10-06", "--issuer", UBND, "--number", "auto"],
        ["consultation", "--date", "2025-10-15", "--members", str(SAMPLE / "members-lam-giao.csv")]
        + (["--set", "lead_unit=Công an xã Hàm Thuận",
            "--set", "lead_units=Công an xã Hàm Thuận,Đồn Biên phòng Phú Hải"] if linked else []),
        ["establishment-decision", "--date", "2025-10-25", "--issuer", UBND, "--number", "auto"],
        ["steering-committee-decision", "--date", "2025-10-25", "--number", "auto",
         "--members", str(SAMPLE / "steering-lam-giao.csv")],
        ["member-list-decision", "--date", "2025-10-25", "--number", "auto",
         "--members", str(SAMPLE / "members-lam-giao.csv")],
        ["launch-plan", "--date", "2025-10-26", "--number", "auto"],
        ["steering-regulation", "--date", "2025-10-28", "--number", "01/QC-BCĐ"],
        ["operating-regulation", "--date", "2025-10-28", "--number", "02/QC-BCĐ"],
    ]
    if linked:
        steps.append(["coordination-regulation", "--date", "2025-10-28", "--number", "03/QC-BCĐ"])
    return steps


PLAN = ["--year", "2026", "--date", "2025-10-30", "--number", "05/KH-BCĐ", "--target", "Tuần tra=48",
        "--target", "Vụ trộm<=3", "--target", "Không để xảy ra điểm nóng"]


def new_model(root: Path, linked: bool, date: str = "2025-09-01") -> str:
    args = ["new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", date]
    if linked:
        args += ["--linked", "--member-unit", "Công an xã Hàm Thuận", "--member-unit", "Đồn Biên phòng Phú Hải"]
    import json

    return json.loads(ok("--json", *args, root=root).stdout)["id"]


def launch_model(root: Path, linked: bool) -> str:
    case_id = new_model(root, linked)
    for step in build_steps(linked):
        ok("record", case_id, *step, root=root)
    ok("plan", case_id, *PLAN, root=root)
    ok("record", case_id, "launch", "--date", "2025-11-08", root=root)
    return case_id


@pytest.fixture(scope="session")
def _built(tmp_path_factory) -> dict[str, Path]:
    base = build_base(tmp_path_factory.mktemp("built") / "base")
    launched = tmp_path_factory.mktemp("built") / "launched"
    shutil.copytree(base, launched)
    plain_id = launch_model(launched, linked=False)
    linked_id = launch_model(launched, linked=True)
    assert (plain_id, linked_id) == ("MH-2025-001", "MH-2025-002")
    for root in (base, launched):
        # The objects in one pack, as git's gc leaves a dossier: each test's copy then copies
        # a few files, not hundreds of loose objects.
        git(root, "repack", "-a", "-d", "-q")
    return {"base": base, "launched": launched}


@pytest.fixture
def dossier(_built, tmp_path) -> Path:
    """A dossier with its bodies and no case (a fresh copy per test)."""
    return Path(shutil.copytree(_built["base"], tmp_path / "dossier"))


@pytest.fixture
def launched(_built, tmp_path) -> Path:
    """MH-2025-001 (plain) and MH-2025-002 (linked), both launched with a 2026 plan."""
    return Path(shutil.copytree(_built["launched"], tmp_path / "dossier"))


def copy_dossier(source: Path, target: Path) -> Path:
    """A copy of a built dossier. The copy's git index is refreshed: its files' stat data
    (inode, ctime) differ from the index's, so git would otherwise take every file for changed
    until something rewrites the index."""
    shutil.copytree(source, target, symlinks=True)
    subprocess.run(["git", "update-index", "-q", "--refresh"], cwd=target, capture_output=True)
    return target


# -- the slow runs, in the background ---------------------------------------------------
# `antt demo`, `antt demo --district`, a demo into a broken pipe (tests/test_exit_truth.py)
# and the document tests with a kind added (tests/test_kinds.py) take seconds to a minute
# each. Each runs once per session, as a process of its own, one after the other in a thread
# started when the session starts (only those the collected tests ask for, in the order they
# first ask): they use the machine's second core while the first tests run. Every test
# reading a built dossier gets its own copy (`copy_dossier`); the built ones are given to no
# test that writes.
_RUNNING: list[subprocess.Popen] = []  # the builds' processes, killed if the session ends first


def _antt_run(args: list[str], env: dict, timeout: float, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """`python -m antt_cli ARGS`, its stderr (and stdout, unless given) captured."""
    proc = subprocess.Popen([sys.executable, "-m", "antt_cli", *args], stdout=stdout, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=env)
    _RUNNING.append(proc)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    finally:
        _RUNNING.remove(proc)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def into_broken_pipe(args: list[str], env: dict | None = None, timeout: float = 120,
                     base_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run antt (in English) with stdout a pipe nobody reads any more (`antt … | true` after
    `true` ended): every write to it fails with EPIPE, deterministically."""
    read, write = os.pipe()
    os.close(read)
    try:
        return _antt_run(args, {**(os.environ if base_env is None else base_env), "ANTT_LANG": "en", **(env or {})},
                         timeout, stdout=write)
    finally:
        os.close(write)


def _build_demo(target: Path, env: dict) -> tuple[Path, str]:
    done = _antt_run(["demo", str(target)], env, timeout=900)
    assert done.returncode == 0, done.stderr
    return target, done.stdout


def _build_district(target: Path, env: dict) -> Path:
    done = _antt_run(["demo", "--district", str(target)], env, timeout=900)
    assert done.returncode == 0, done.stderr
    return target


def _demo_into_a_broken_pipe(target: Path, env: dict) -> tuple[Path, subprocess.CompletedProcess]:
    return target, into_broken_pipe(["demo", str(target)], timeout=900, base_env=env)


# fixture name -> (its run, the folder it makes); a test module may add its own (it runs
# as `run(folder, environment)`).
BACKGROUND = {
    "_demo_built": (_build_demo, "demo"),
    "_demo_broken_pipe": (_demo_into_a_broken_pipe, "demo"),
    "_district_built": (_build_district, "ho-so"),
}


class _Background:
    def __init__(self, tmp_path_factory, wanted: list[str]):
        import concurrent.futures

        self._env = dict(os.environ)  # tests change os.environ while the builds start
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self._factory = tmp_path_factory
        self._futures = {name: self._submit(name) for name in wanted}

    def _submit(self, name: str):
        build, leaf = BACKGROUND[name]
        target = self._factory.mktemp(name.strip("_")) / leaf  # made here: mktemp is not for threads
        return self._pool.submit(build, target, self._env)

    def result(self, name: str):
        if name not in self._futures:
            self._futures[name] = self._submit(name)
        return self._futures[name].result()

    def close(self) -> None:
        for future in self._futures.values():
            future.cancel()
        for proc in list(_RUNNING):
            proc.kill()
        self._pool.shutdown(wait=True)


@pytest.fixture(scope="session", autouse=True)
def _background(_session_env, request, tmp_path_factory):
    wanted: list[str] = []
    for item in request.session.items:
        wanted += [name for name in getattr(item, "fixturenames", ()) if name in BACKGROUND and name not in wanted]
    if os.name == "nt" and "_demo_broken_pipe" in wanted:
        wanted.remove("_demo_broken_pipe")  # POSIX pipes (tests/test_exit_truth.py is skipped there)
    background = _Background(tmp_path_factory, wanted)
    yield background
    background.close()


@pytest.fixture(scope="session")
def _demo_built(_background) -> tuple[Path, str]:
    """The demo dossier (`antt demo` in a process) and what it printed."""
    return _background.result("_demo_built")


@pytest.fixture(scope="session")
def _demo_broken_pipe(_background) -> tuple[Path, subprocess.CompletedProcess]:
    """`antt demo` run with stdout a broken pipe: the folder and the finished process."""
    return _background.result("_demo_broken_pipe")


@pytest.fixture(scope="session")
def _district_built(_background) -> Path:
    """`antt demo --district` (in a process)."""
    return _background.result("_district_built")
