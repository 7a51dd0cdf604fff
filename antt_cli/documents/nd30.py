"""Pure helpers of Nghị định 30/2020/NĐ-CP (Phụ lục I): date line, upper case, number line,
signature blocks (who signs, docs/kinds.md and NĐ 30/2020 Phụ lục I). No I/O, no docx."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Mapping

# Issuer roles: the one definition is the kind specs' (`issuer:` of antt_cli/kinds/*.yaml).
from antt_cli.domain.kindspec import MEETING, PARTY, STEERING

_PREFIXES = {
    "tm": "TM.", "t/m": "TM.", "kt": "KT.", "k/t": "KT.", "q": "Q.", "tl": "TL.", "t/l": "TL.",
    "tuq": "TUQ.", "t/uq": "TUQ.",
}
# The party spells the authority prefixes with a slash (Hướng dẫn 36-HD/VPTW).
_PARTY_PREFIXES = {"TM.": "T/M", "KT.": "K/T", "Q.": "Q.", "TL.": "T/L", "TUQ.": "T/UQ"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def upper_vn(text: str | None) -> str:
    """Upper case for Vietnamese: NFC in and out, every letter with its marks (đ → Đ, ư → Ư,
    ủ → Ủ); single spaces."""
    if not text:
        return ""
    return nfc(" ".join(nfc(str(text)).split()).upper())


def day_text(day: date) -> str:
    """`ngày 05 tháng 3 năm 2026`: day below 10 with a leading zero, months 1 and 2 only."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def clock_text(text: str) -> str:
    """`08:00` → `08 giờ 00`, as a minute record states the hour (NĐ 30/2020 Phụ lục I, mẫu
    1.8: "vào hồi … giờ …"); any other text (a record written before times were checked,
    `08 giờ 00` already) is kept as it is."""
    from antt_cli.domain.dates import parse_clock

    clock = parse_clock(text) if text else None
    return f"{clock[0]:02d} giờ {clock[1]:02d}" if clock else text


def date_line(place: str, day: date) -> str:
    """`Hàm Thuận, ngày 05 tháng 3 năm 2026` (NĐ 30, Phụ lục I, mục II.4)."""
    return f"{nfc(place).strip()}, {day_text(day)}"


def short_date(day: date) -> str:
    """`17/01/2023` — the short form used when citing a document (`… ngày 17/01/2023 của …`);
    the month follows the same rule as the date line (leading zero for 1 and 2 only)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def party_number(number: str) -> str:
    """A party document number in the party style `05-NQ/ĐU` (a state-style `05/NQ-ĐU` is
    turned round)."""
    value = nfc(number).strip()
    m = re.fullmatch(r"(\d+)/([^/\-\s]+)-([^/\s]+)", value)
    return f"{m.group(1)}-{m.group(2)}/{m.group(3)}" if m else value


def number_line(number: str | None, party: bool = False) -> str | None:
    """`Số: 05/QĐ-UBND` (state) or `Số 05-NQ/ĐU` (party); None for an unnumbered record."""
    if not number:
        return None
    if party:
        return f"Số {party_number(str(number))}"
    return f"Số: {nfc(str(number)).strip()}"


def norm_prefix(prefix: str | None) -> str | None:
    if not prefix:
        return None
    key = nfc(str(prefix)).strip().rstrip(".").lower()
    return _PREFIXES.get(key, upper_vn(prefix))


def collective_name(issuer: str, role: str) -> str:
    """The collective after `TM.`: `ỦY BAN NHÂN DÂN`, `BAN CHỈ ĐẠO`, `ĐẢNG ỦY` …"""
    name = nfc(issuer or "").strip()
    low = name.lower()
    if role == STEERING or low.startswith("ban chỉ đạo"):
        return "BAN CHỈ ĐẠO"
    if role == PARTY:
        for head, coll in (("ban thường vụ", "BAN THƯỜNG VỤ"), ("chi bộ", "CHI BỘ"),
                           ("chi ủy", "CHI ỦY"), ("đảng ủy", "ĐẢNG ỦY"), ("đảng bộ", "ĐẢNG ỦY")):
            if low.startswith(head):
                return coll
        return "ĐẢNG ỦY"
    for head in ("ủy ban nhân dân", "uỷ ban nhân dân", "ủy ban mặt trận tổ quốc việt nam",
                 "hội đồng nhân dân"):
        if low.startswith(head):
            return upper_vn(name[: len(head)]).replace("UỶ", "ỦY")
    return upper_vn(name)


def _head_title(signer_title: str, head_title: str | None) -> str:
    if head_title:
        return head_title
    return re.sub(r"^(phó)\s+", "", signer_title, flags=re.IGNORECASE) or signer_title


def signature_lines(signer: Mapping[str, Any] | None, role: str, issuer: str = "",
                    head_title: str | None = None) -> list[str]:
    """The UPPER bold lines above the signature space (without the name).

    authority: `CHỦ TỊCH`; `TM. ỦY BAN NHÂN DÂN` + `CHỦ TỊCH`; `KT. CHỦ TỊCH` + `PHÓ CHỦ TỊCH`.
    steering:  `TM. BAN CHỈ ĐẠO` + `TRƯỞNG BAN` (`KT. TRƯỞNG BAN` + `PHÓ TRƯỞNG BAN`).
    proposer:  the signer's title (`TRƯỞNG CÔNG AN XÃ`), `KT.` as for the authority.
    party:     `T/M ĐẢNG ỦY` + `BÍ THƯ` (`K/T BÍ THƯ` + `PHÓ BÍ THƯ`).
    meeting:   `CHỦ TRÌ` (the secretary's block is `secretary_lines`)."""
    signer = signer or {}
    title = nfc(str(signer.get("title") or "")).strip()
    prefix = norm_prefix(signer.get("prefix"))
    if role == MEETING:
        return ["CHỦ TRÌ"]
    if role == STEERING:
        if prefix is None:
            prefix = "KT." if title.lower().startswith("phó") else "TM."
        title = title or "Trưởng ban"
    if role == PARTY:
        if prefix is None:
            prefix = "KT." if title.lower().startswith("phó") else "TM."
        title = title or "Bí thư"
    if prefix is None:
        return [upper_vn(title)] if title else []
    if prefix == "TM.":
        head = collective_name(issuer, role)
    elif prefix == "Q.":
        return [f"Q. {upper_vn(_head_title(title, head_title) if title.lower().startswith('phó') else title)}"]
    else:  # KT. TL. TUQ.: on behalf of the head
        head = upper_vn(_head_title(title, head_title))
    if role == PARTY:
        prefix = _PARTY_PREFIXES.get(prefix, prefix)
        return [f"{prefix} {head}", upper_vn(title)]
    return [f"{prefix} {head}", upper_vn(title)] if title else [f"{prefix} {head}"]


def secretary_lines() -> list[str]:
    return ["THƯ KÝ"]


def quoted(name: str) -> str:
    """A model's name in Vietnamese quotation marks: “Tổ tự quản …”."""
    return f"“{nfc(name).strip()}”"


def official_title(title: str, body: str) -> str:
    """`Trưởng Công an xã` + `Công an xã Hàm Thuận` → `Trưởng Công an xã Hàm Thuận`;
    `Chủ tịch` + `Ủy ban nhân dân xã Hàm Thuận` → `Chủ tịch Ủy ban nhân dân xã Hàm Thuận`."""
    title, body = nfc(title or "").strip(), nfc(body or "").strip()
    if not title:
        return body
    if not body:
        return title
    t_low, b_low = title.lower(), body.lower()
    if b_low in t_low:
        return title
    words = title.split()
    for i in range(len(words)):
        suffix = " ".join(words[i:]).lower()
        if b_low.startswith(suffix) and (len(b_low) == len(suffix) or b_low[len(suffix)] == " "):
            return " ".join(words[:i] + [body])
    return f"{title} {body}"
