"""Deterministic DOCX bytes: the same parts give the same zip (docs/kinds.md, "byte-identical DOCX").

A zip written by python-docx carries the current time on every member; rewriting it with a
fixed timestamp (1980-01-01), a fixed member order ([Content_Types].xml first, then by name),
fixed attributes and one compression level makes equal content give equal bytes."""
from __future__ import annotations

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
    import io
    import zipfile

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


# The zip `normalize_docx` writes, made from members deflated beforehand (documents/frame.py
# keeps a template's unchanging members deflated, so a render deflates only what it changed).
# The fields are those zipfile writes for the ZipInfo above: version 2.0, no flags but UTF-8
# for a non-ASCII name, DOS time 0 and date 1980-01-01, permissions 0o600, no extra field, no
# comment; the test of documents/frame.py compares its bytes with normalize_docx's.
_DOS_DATE = (FIXED_TIME[0] - 1980) << 9 | FIXED_TIME[1] << 5 | FIXED_TIME[2]
_ATTR = 0o600 << 16


def deflate(data: bytes) -> tuple[int, int, bytes]:
    """(CRC-32, size, raw deflate stream at level 6) of a member's bytes, as zipfile makes it."""
    import zlib

    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), packer.compress(data) + packer.flush()


def zip_deflated(members: Mapping[str, tuple[int, int, bytes]]) -> bytes:
    """The zip of `members` (name → `deflate`'s triple) in normalize_docx's order and bytes."""
    import struct

    out, central, offset = [], [], 0
    for name in sorted(members, key=_order):
        crc, size, packed = members[name]
        if size >= 0xFFFFFFFF or len(packed) >= 0xFFFFFFFF:
            raise ValueError(f"{name}: a member too large for a document")
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), 0x800
        fixed = struct.pack("<HHHHHIIIHH", 20, flags, 8, 0, _DOS_DATE, crc, len(packed), size, len(raw), 0)
        out += [b"PK\x03\x04", fixed, raw, packed]
        central += [b"PK\x01\x02", struct.pack("<H", 20), fixed[:-2],
                    struct.pack("<HHHHII", 0, 0, 0, 0, _ATTR, offset), raw]
        offset += 4 + len(fixed) + len(raw) + len(packed)
    directory = b"".join(central)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end
