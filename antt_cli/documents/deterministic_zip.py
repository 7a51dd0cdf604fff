"""Deterministic DOCX bytes: the same parts give the same zip (docs/kinds.md, "byte-identical DOCX").

A zip written by python-docx carries the current time on every member; rewriting it with a
fixed timestamp (1980-01-01), a fixed member order ([Content_Types].xml first, then by name),
fixed attributes and one compression level makes equal content give equal bytes."""
from __future__ import annotations

import io
import zipfile
from typing import Callable, Iterable, Mapping

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _order(name: str) -> tuple[int, str]:
    if name == "[Content_Types].xml":
        return 0, name
    if name.startswith("_rels/"):
        return 1, name
    return 2, name


def normalize_docx(data: bytes, rewrite: Mapping[str, Callable[[bytes], Iterable[bytes]]] | None = None) -> bytes:
    """The zip `data` rewritten deterministically (same members, same content; a member
    named in `rewrite` replaced by the pieces its function makes of it, compressed as they
    come, so that a large member is never held whole)."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {info.filename: src.read(info) for info in src.infolist() if not info.is_dir()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in sorted(parts, key=_order):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            if rewrite and name in rewrite:
                # the same stream `writestr` writes (it writes through `open` too; deflate's
                # default level is 6)
                with dst.open(info, "w") as member:
                    for piece in rewrite[name](parts.pop(name)):
                        member.write(piece)
            else:
                dst.writestr(info, parts[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()
