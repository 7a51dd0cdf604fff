"""The zip of a case's dossier sent with a national proposal (HD 163 §III.3 "gửi hồ sơ mô
hình, tờ trình … Cục V05"): every recorded document and its attached files, and an index sheet
(`00-danh-muc.csv`: number, date, issuer, title of each). Classified documents (§9: `mat`,
`toi-mat`) are left out unless asked for; the index names them as left out. The same case
gives the same bytes (fixed timestamps, the case's order)."""
from __future__ import annotations

import csv
import io
import zipfile
from typing import Callable

from antt_cli.domain.kindspec import Registry
from antt_cli.domain.model import Case
from antt_cli.domain.vocab import SECRECY
from antt_cli.i18n import t

INDEX = "00-danh-muc.csv"
_STAMP = (1980, 1, 1, 0, 0, 0)


def case_bundle(case: Case, reg: Registry, read: Callable[[str], bytes],
                include_classified: bool) -> tuple[bytes, tuple[str, ...], tuple[str, ...]]:
    """(zip bytes, files included, documents left out). `read(path)` gives a file of the case
    folder by its path there (`docs/03-proposal.docx`)."""
    rows, files, left_out = [], [], []
    for i, doc in enumerate(case.documents, start=1):
        title = reg[doc.kind].title if doc.kind in reg else doc.kind
        classified = bool(doc.secrecy)
        paths = [p for p in [doc.file, *doc.attachments] if p]
        if classified and not include_classified:
            note = t("services.bundle.left_out", mark=SECRECY.get(str(doc.secrecy), str(doc.secrecy)))
            left_out.append(doc.file or title)
            shown = ""
        else:
            note = SECRECY.get(str(doc.secrecy), "") if classified else ""
            files += paths
            shown = "; ".join(paths)
        rows.append([str(i), doc.number or "", doc.date.strftime("%d/%m/%Y") if doc.date else "",
                     doc.issuer or "", title, shown, note])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t("services.bundle.col." + c) for c in ("no", "number", "date", "issuer", "title", "file", "note")])
    writer.writerows(rows)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        _add(z, INDEX, ("\ufeff" + out.getvalue()).encode("utf-8"))  # BOM: Excel reads it as UTF-8
        for path in files:
            _add(z, f"{case.id}/{path}", read(path))
    return buffer.getvalue(), tuple(files), tuple(left_out)


def _add(z: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    z.writestr(info, data)
