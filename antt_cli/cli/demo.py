"""`antt demo` — builds the sample dossier of `sample_dossier/scenario.yaml` by running its
command lines through this same app, then prints `antt status` and the commit log
(docs/commands.md)."""
from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

import click

from antt_cli.errors import AnttError
from antt_cli.i18n import t


def _run(app: click.Command, args: list[str]) -> tuple[int, str, str]:
    """One antt command in this process, through the app that runs `antt demo` itself."""
    from antt_cli.cli.common import STATE

    out, err = io.StringIO(), io.StringIO()
    saved = (STATE.dossier, STATE.json)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = app.main(args=args, prog_name="antt", standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
    STATE.dossier, STATE.json = saved
    return int(code or 0), out.getvalue(), err.getvalue()


def run_demo(path: Path | None, as_json: bool = False, sample: Path | None = None,
             scenario_file: str = "scenario.yaml") -> Path:
    from rich.console import Console
    from rich.progress import Progress

    from antt_cli.cli.common import notice
    from antt_cli.services.demo import load_scenario, start_demo
    from antt_cli.services.session import commit_log, commits_made

    app = click.get_current_context().find_root().command
    scenario = load_scenario(sample, scenario_file)
    made = commits_made()
    mark = len(made)
    root = start_demo(path, scenario, notice)
    # The dossier's first commit (`antt init`'s) is the demo's own, made at the top level: kept
    # in the list, it would turn a step failing after it into "committed, could not print",
    # exit 0 and nothing on stdout. The demo counts its dossier as made once its last step
    # is committed (`_built`), as its nested commands answer for theirs.
    del made[mark:]
    saved_today = os.environ.get("ANTT_TODAY")
    os.environ["ANTT_TODAY"] = scenario.today.isoformat()
    console = Console(stderr=True)
    try:
        ids: dict[str, str] = {"here": str(scenario.folder)}
        with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
            task = bar.add_task("antt demo", total=len(scenario.steps))
            for step in scenario.steps:
                argv = [a.format(**ids) for a in step.run]
                out = _check(_run(app, ["--dossier", str(root)] + (["--json"] if step.save else []) + argv), argv)
                if step.save:
                    ids[step.save] = json.loads(out)["id"]
                bar.advance(task)
        status = ["--dossier", str(root)] + (["--json"] if as_json else []) + ["status"]
        out = _check(_run(app, status), status)
        log = commit_log(root)
        _built(root, log)
        if as_json:
            print(json.dumps({"path": str(root), "status": json.loads(out), "log": log},
                             ensure_ascii=False, indent=2))
        else:
            print(t("cli.demo.done", path=root))
            print(out, end="")
            print("".join(line + "\n" for line in log), end="")
        sys.stdout.flush()
    finally:
        if saved_today is None:
            os.environ.pop("ANTT_TODAY", None)
        else:
            os.environ["ANTT_TODAY"] = saved_today
    return root


def _built(root: Path, log: list[str]) -> None:
    """The dossier is built: from here a failure to print (`antt demo DIR | true`) is not a
    failure of the demo. Its nested commands answered for their own commits; this entry
    tells the error handler that the demo's dossier now exists (docs/reliability.md)."""
    from antt_cli.services.session import commits_made

    head = log[0].split()[0] if log and log[0].split() else "?"
    commits_made().append((head, f"antt demo {root}"))


def _check(result: tuple[int, str, str], args: list[str]) -> str:
    code, out, err = result
    if code != 0:
        raise AnttError("cli.demo.step_failed", command="antt " + " ".join(args), detail=(err or out).strip())
    return out
