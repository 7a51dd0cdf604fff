"""`antt demo`'s scenario (`sample_dossier/scenario.yaml`) as typed values, and the dossier it
starts from (docs/commands.md `antt demo`)."""
from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from antt_cli.errors import AnttError
from antt_cli.services.common import _ignore
from antt_cli.services.dossier import InitInput, init_dossier

INIT_KEYS = ("unit", "province", "place", "parent_body", "officer", "officer_email")


@dataclass(frozen=True)
class DemoStep:
    """One antt command line of the scenario; `save` names the case ID it prints (`{m1}`)."""

    run: tuple[str, ...]
    save: str | None = None


@dataclass(frozen=True)
class Scenario:
    today: dt.date
    init: InitInput
    steps: tuple[DemoStep, ...]
    folder: Path  # `{here}` of the steps: the member lists beside scenario.yaml


def load_scenario(folder: Path | None = None, file: str = "scenario.yaml") -> Scenario:
    """A scenario shipped in `sample_dossier/` (or in `folder`): `scenario.yaml`, the demo of
    one commune, or `district.yaml`, four communes over two rated years (`antt demo --district`)."""
    from antt_cli.resources import sample_dossier_dir
    from antt_cli.store.yamlio import load_yaml

    folder = folder or sample_dossier_dir()
    raw = load_yaml(folder / file, f"sample_dossier/{file}")
    today = raw["today"] if isinstance(raw["today"], dt.date) else dt.date.fromisoformat(str(raw["today"]))
    init = InitInput(**{key: str(raw["init"][key]) for key in INIT_KEYS})
    steps = tuple(DemoStep(tuple(str(a) for a in step["run"]), step.get("save")) if isinstance(step, dict)
                  else DemoStep(tuple(str(a) for a in step)) for step in raw["steps"])
    return Scenario(today, init, steps, folder)


def start_demo(path: Path | None, scenario: Scenario, notice: Callable[[str], None] = _ignore) -> Path:
    """The demo's new dossier, initialised: `path` (new or empty) or a new temporary folder."""
    if path is None:
        root = Path(tempfile.mkdtemp(prefix="antt-demo-")) / "ho-so"
    else:
        root = path.expanduser().resolve()
        if root.exists() and any(root.iterdir()):
            raise AnttError("services.demo.not_empty", path=str(root))
    return init_dossier(root, scenario.init, notice)
