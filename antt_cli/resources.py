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


CACHE_KEEP = 200  # files of one sort kept in the user's cache folder: the most recently used (a frame: about 90 KB)
_TOUCH_AFTER_S = 24 * 3600  # a file used is marked used at most once a day (one write)
_LEFT_TMP_S = 3600  # a temporary file this old was left by a killed command


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


def keep_cached(path: Path, data: bytes, pattern: str) -> None:
    """Put `data` in the user's cache as `path` (through a temporary file renamed into place:
    a reader sees the whole file or none), then let go of the files of its sort (`pattern`,
    a glob in the same folder) beyond the `CACHE_KEEP` most recently used ones, and of temporary
    files that killed commands left: a cache that every edited template or kind spec adds to
    does not grow without end. A folder that cannot be written only means the work is
    done again next time."""
    import os

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        _unlink(tmp)
        return
    _prune(path.parent, pattern, CACHE_KEEP)


def used_cached(path: Path) -> None:
    """Mark a cache file as used (its modification time, at most once a day), so that
    `keep_cached` keeps what is in use and lets go of what is not."""
    import os
    import time

    try:
        if time.time() - path.stat().st_mtime > _TOUCH_AFTER_S:
            os.utime(path)
    except OSError:  # a read-only cache folder: kept as it is
        pass


def _prune(folder: Path, pattern: str, keep: int) -> None:
    import time

    now = time.time()
    found: list[tuple[float, Path]] = []
    try:
        for item in folder.glob(pattern):
            found.append((item.stat().st_mtime, item))
        left = [item for item in folder.glob(".*.tmp") if now - item.stat().st_mtime > _LEFT_TMP_S]
    except OSError:
        return
    found.sort(key=lambda pair: pair[0], reverse=True)
    for _mtime, item in found[keep:]:
        _unlink(item)
    for item in left:
        _unlink(item)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:  # in use (Windows) or gone already
        pass
