"""Where the data shipped with antt lies: the DOCX templates, the demo's sample dossier and
the reference documents `antt help TOPIC` prints.

The folders stay at the top of the repository (`templates/`, `sample_dossier/`, `docs/`: one
copy, where a reader of the repository finds it); a wheel carries them inside the package as
`antt_cli/templates`, `antt_cli/sample_dossier` and `antt_cli/docs` (pyproject.toml maps them
there). Installed from a wheel they are found in the package's folder (`package_dir`: the
path importlib.resources gives, or importlib.resources itself for a package not on disk); in
a source checkout or an editable install (where setuptools does not map data-only folders
into the package) they are the folders beside `antt_cli/`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any


def package_dir() -> Any:
    """The folder of the antt_cli package: the path importlib.resources gives for a package on
    disk, found without importing it (importlib.resources and what it imports cost a command
    some milliseconds); a package that is not on disk (in a zip) through importlib.resources."""
    here = Path(__file__).parent
    if here.is_dir():
        return here
    from importlib.resources import files

    return files("antt_cli")


def _shipped(folder: str) -> Path:
    packaged = package_dir().joinpath(folder)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / folder


def shipped_templates_dir() -> Path:
    """The folder of the shipped templates, `<kind>.docx` each (ANTT_TEMPLATES is applied by
    the caller, documents/render.py)."""
    return _shipped("templates")


def sample_dossier_dir() -> Path:
    """The folder of `antt demo`'s scenario.yaml and member lists."""
    return _shipped("sample_dossier")


def shipped_docs_dir() -> Path:
    """The folder of the reference documents (`docs/*.md`) that `antt help TOPIC` prints."""
    return _shipped("docs")


def user_cache_dir() -> Path | None:
    """The user's cache folder for antt (%LOCALAPPDATA%\\antt\\Cache, ~/Library/Caches/antt,
    $XDG_CACHE_HOME/antt): rebuildable data kept between runs, never code (the folder may be
    shared): the parsed kind specs (store/kinds.py), the templates' frames (documents/frame.py).
    None when there is no home folder."""
    try:
        from platformdirs import user_cache_dir as folder

        return Path(folder("antt", appauthor=False))
    except (ImportError, RuntimeError, OSError, KeyError):  # no home folder: no cache
        return None
