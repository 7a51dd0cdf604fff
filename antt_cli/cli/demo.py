"""`antt demo` — builds the sample dossier of `sample_dossier/scenario.yaml` by running the
real commands, then prints `antt status` and the git log (docs/commands.md)."""
from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from antt_cli.errors import AnttError
from antt_cli.resources import sample_dossier_dir

SAMPLE = sample_dossier_dir()


def _run(args: list[str]) -> tuple[int, str, str]:
    """One antt command in this process, through the same app as the command line."""
    from antt_cli.cli.app import build_app
    from antt_cli.cli.common import STATE

    out, err = io.StringIO(), io.StringIO()
    saved = (STATE.dossier, STATE.json)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = build_app()(args=args, prog_name="antt", standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
    STATE.dossier, STATE.json = saved
    return int(code or 0), out.getvalue(), err.getvalue()


def run_demo(path: Path | None, sample: Path = SAMPLE, as_json: bool = False) -> Path:
    from rich.console import Console
    from rich.progress import Progress

    from antt_cli.i18n import t
    from antt_cli.store.yamlio import load_yaml

    scenario = load_yaml(sample / "scenario.yaml", "sample_dossier/scenario.yaml")
    if path is None:
        root = Path(tempfile.mkdtemp(prefix="antt-demo-")) / "ho-so"
    else:
        root = path.expanduser().resolve()
        if root.exists() and any(root.iterdir()):
            raise AnttError("cli.demo.not_empty", path=str(root))
    saved_today = os.environ.get("ANTT_TODAY")
    os.environ["ANTT_TODAY"] = str(scenario["today"])
    console = Console(stderr=True)
    try:
        init = scenario["init"]
        args = ["init", str(root)]
        for key in ("unit", "province", "place", "parent_body", "officer", "officer_email"):
            args += [f"--{key.replace('_', '-')}", str(init[key])]
        _check(_run(args), args)
        ids: dict[str, str] = {"here": str(sample)}
        steps = scenario["steps"]
        with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
            task = bar.add_task("antt demo", total=len(steps))
            for step in steps:
                save = step.get("save") if isinstance(step, dict) else None
                argv = [str(a).format(**ids) for a in (step["run"] if isinstance(step, dict) else step)]
                full = ["--dossier", str(root)] + (["--json"] if save else []) + argv
                code, out, err = _run(full)
                _check((code, out, err), argv)
                if save:
                    ids[save] = json.loads(out)["id"]
                bar.advance(task)
        status = ["--dossier", str(root)] + (["--json"] if as_json else []) + ["status"]
        code, out, err = _run(status)
        _check((code, out, err), status)
        log = subprocess.run(["git", "log", "--oneline"], cwd=root, capture_output=True, text=True,
                             encoding="utf-8")
        _built(root)
        if as_json:
            print(json.dumps({"path": str(root), "status": json.loads(out),
                              "log": log.stdout.splitlines()}, ensure_ascii=False, indent=2))
        else:
            print(t("cli.demo.done", path=root))
            print(out, end="")
            print(log.stdout, end="")
        sys.stdout.flush()
    finally:
        if saved_today is None:
            os.environ.pop("ANTT_TODAY", None)
        else:
            os.environ["ANTT_TODAY"] = saved_today
    return root


def _built(root: Path) -> None:
    """The dossier is built: from here a failure to print (`antt demo DIR | true`) is not a
    failure of the demo. Its nested commands answered for their own commits; this entry
    tells the error handler that the demo's dossier now exists (docs/reliability.md)."""
    from antt_cli.audit import COMMITS

    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                          encoding="utf-8").stdout.strip()
    COMMITS.append((head or "?", f"antt demo {root}"))


def _check(result: tuple[int, str, str], args: list[str]) -> None:
    code, out, err = result
    if code != 0:
        raise AnttError("cli.demo.step_failed", command="antt " + " ".join(args), detail=(err or out).strip())
