#!/usr/bin/env python3
"""Regenerate the sample sheets of `antt adopt` from one table, so that they stay consistent:

    sample_dossier/adopt-example.csv    English headers, kinds by name, dates dd/mm/yyyy
    sample_dossier/adopt-example.xlsx   Vietnamese headers, kinds by their titles, Excel dates
    sample_dossier/adopt-scans/*.pdf    the scans a few rows name (tiny stand-in PDFs)

20 cases of a commune of Lâm Đồng (formerly Bình Thuận) that ran before antt: models at every
stage (building at each step, active, rated, closing, closed), linked and plain, residential,
school and enterprise units; two recognized exemplars; some established by the district
People's Committee of Hàm Thuận Bắc, abolished on 01/07/2025 (SPEC §12). Every number is
unique per issuing body and year. tests/test_adopt.py checks that the files equal this table.

Usage: python tools/make_adopt_sample.py [OUTDIR]   (default: sample_dossier/)
"""
from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEADERS = ("case_ref", "case_kind", "name", "area", "unit_kind", "linked", "doc_kind", "number", "date",
           "issuer", "signer", "file", "year", "grade", "exemplar_kind", "scope")
VI_HEADERS = ("Mã hồ sơ", "Loại hồ sơ", "Tên", "Địa bàn", "Loại đơn vị", "Liên kết", "Loại văn bản", "Số", "Ngày",
              "Cơ quan ban hành", "Người ký", "Tệp", "Năm", "Xếp loại", "Loại điển hình", "Phạm vi")
GRADE_VI = {"tot": "Tốt", "kha": "Khá", "trung-binh": "Trung bình", "yeu": "Yếu"}

UBND_X = "Ủy ban nhân dân xã Hàm Thuận"
DU_X = "Đảng ủy xã Hàm Thuận"
CA_X = "Công an xã Hàm Thuận"
UBND_H = "Ủy ban nhân dân huyện Hàm Thuận Bắc"       # historical: no district level since 01/07/2025
SCHOOL = "Trường Trung học phổ thông Hàm Thuận"
COMPANY = "Công ty TNHH Thủy sản Phú Hải"
SIGNERS = {UBND_X: "Chủ tịch: Trần Thị Hoa", DU_X: "Bí thư: Nguyễn Văn Hùng", CA_X: "Trưởng Công an xã: Phạm Văn Bình",
           UBND_H: "KT. Phó Chủ tịch: Huỳnh Văn Tâm", SCHOOL: "Hiệu trưởng: Lê Thị Thanh",
           COMPANY: "Giám đốc: Đỗ Văn Phúc"}
TYPE = {"survey-plan": "KH", "survey-report": "BC", "proposal": "BC", "party-policy": "NQ", "implementation": "KH",
        "establishment-decision": "QĐ", "steering-committee-decision": "QĐ", "member-list-decision": "QĐ",
        "launch-plan": "KH", "steering-regulation": "QC", "operating-regulation": "QC",
        "coordination-regulation": "QC", "annual-plan": "KH", "rating-proposal": "BC", "rating-decision": "QĐ",
        "closure-report": "BC", "closure-decision": "QĐ", "closure-announcement": "TB", "evidence": None,
        "survey": "BC", "building-plan": "KH", "evaluation": "BC", "recognition": "QĐ", "review": "BC"}
CODE = {UBND_X: "UBND", DU_X: "ĐU", CA_X: "CAX", UBND_H: "UBND", SCHOOL: "THPT", COMPANY: "TSPH"}
class Registers:
    """The next number of each issuing body in each year (NĐ 30/2020: one register a year)."""

    def __init__(self) -> None:
        self.next: dict[tuple[str, int], int] = {}

    def number(self, kind: str, issuer: str, day: dt.date) -> str:
        code = TYPE.get(kind)
        if code is None or kind in ("consultation", "launch", "member-agreement", "closure-consultation"):
            return ""
        n = self.next.get((issuer, day.year), 1)
        self.next[(issuer, day.year)] = n + 1
        body = CODE.get(issuer, "BCĐ")
        return f"{n:02d}-{code}/{body}" if issuer == DU_X else f"{n:02d}/{code}-{body}"


def steering(name: str) -> str:
    return f"Ban Chỉ đạo mô hình {name}"


def build_docs(start: dt.date, authority: str, name: str, upto: str, linked: bool = False) -> list[tuple]:
    """(kind, day, issuer) of a model's build steps from `start` up to and including `upto`."""
    bcd = steering(name)
    steps = [("survey-plan", 0, CA_X), ("survey-report", 14, CA_X)]
    if linked:
        steps.append(("member-agreement", 18, CA_X))
    steps += [("proposal", 20, CA_X), ("party-policy", 30, DU_X), ("implementation", 35, authority),
              ("consultation", 45, CA_X), ("establishment-decision", 55, authority),
              ("steering-committee-decision", 55, authority), ("member-list-decision", 55, authority),
              ("launch-plan", 56, authority), ("steering-regulation", 60, bcd), ("operating-regulation", 60, bcd)]
    if linked:
        steps.append(("coordination-regulation", 60, bcd))
    steps += [("annual-plan", 62, bcd), ("launch", 70, CA_X)]
    docs = []
    for kind, offset, issuer in steps:
        docs.append((kind, start + dt.timedelta(days=offset), issuer))
        if kind == upto:
            break
    return docs


def ratings(name: str, authority: str, years: dict[int, str], proposed_only: tuple[int, ...] = ()) -> list[tuple]:
    """The rating proposal (steering committee, 03/11) and decision (authority, 08/11) of each year."""
    docs = []
    for year, grade in years.items():
        docs.append(("rating-proposal", dt.date(year, 11, 3), steering(name), year, grade))
        if year not in proposed_only:
            docs.append(("rating-decision", dt.date(year, 11, 8), authority, year, grade))
    return docs


# Each case: ref, kind, name, area, unit kind, linked, its documents, scans {kind: file},
# exemplar kind and scope.
def cases() -> list[dict]:
    found = []

    def model(ref, name, area, unit, start, authority, upto, linked=False, rated=None, extra=(), scans=None,
              proposed_only=()):
        docs = [(*d, None, None) for d in build_docs(start, authority, name, upto, linked)]
        docs += ratings(name, authority, rated or {}, proposed_only)
        docs += list(extra)
        found.append({"ref": ref, "kind": "model", "name": name, "area": area, "unit": unit, "linked": linked,
                      "docs": docs, "scans": scans or {}, "exemplar_kind": "", "scope": ""})

    lg = "Tổ tự quản an ninh trật tự thôn Lâm Giáo"
    model("HT-01", lg, "Thôn Lâm Giáo", "residential", dt.date(2017, 9, 4), UBND_H, "launch",
          rated={2019: "tot", 2020: "tot", 2021: "kha", 2022: "tot", 2023: "tot", 2024: "tot", 2025: "tot"},
          proposed_only=(2025,), scans={"establishment-decision": "adopt-scans/qd-thanh-lap-lam-giao.pdf",
                                        "launch": "adopt-scans/bb-ra-mat-lam-giao.pdf"})
    pb = "Liên kết bảo đảm an ninh trật tự bến cá Phú Hải"
    model("HT-02", pb, "Bến cá Phú Hải", "residential", dt.date(2018, 3, 5), UBND_H, "launch", linked=True,
          rated={2020: "kha", 2023: "kha", 2024: "tot"},
          scans={"coordination-regulation": "adopt-scans/quy-che-phoi-hop-ben-ca.pdf"})
    model("HT-03", "Camera an ninh khu phố Chợ", "Khu phố Chợ", "residential", dt.date(2026, 3, 2), UBND_X,
          "survey-report")
    model("HT-04", "Tổ an ninh xung kích thôn Phú Sơn", "Thôn Phú Sơn", "residential", dt.date(2025, 12, 1),
          UBND_X, "implementation")
    model("HT-05", "Dòng họ không có tội phạm thôn Ku Kê", "Thôn Ku Kê", "residential", dt.date(2025, 12, 15),
          UBND_X, "launch-plan")
    ct = "Cổng trường an toàn giao thông, an ninh trật tự"
    model("HT-06", ct, "Trường Trung học phổ thông Hàm Thuận", "school", dt.date(2019, 8, 5), SCHOOL, "launch",
          rated={2021: "kha", 2022: "kha", 2023: "tot", 2024: "tot", 2025: "kha"})
    dn = "Doanh nghiệp an toàn về an ninh, trật tự"
    model("HT-07", dn, "Công ty TNHH Thủy sản Phú Hải", "enterprise", dt.date(2020, 6, 1), COMPANY, "launch",
          rated={2022: "trung-binh", 2023: "kha", 2024: "kha", 2025: "kha"},
          scans={"operating-regulation": "adopt-scans/quy-che-doanh-nghiep.pdf"})
    kd = "Khu dân cư không ma túy thôn Dân Hòa"
    model("HT-08", kd, "Thôn Dân Hòa", "residential", dt.date(2017, 10, 2), UBND_X, "launch",
          rated={2022: "kha", 2023: "trung-binh", 2024: "yeu"},
          extra=[("closure-report", dt.date(2025, 1, 10), steering(kd), None, None),
                 ("closure-consultation", dt.date(2025, 1, 20), CA_X, None, None),
                 ("closure-decision", dt.date(2025, 2, 3), UBND_X, None, None),
                 ("closure-announcement", dt.date(2025, 2, 10), UBND_X, None, None)])
    ch = "Chợ an toàn về an ninh trật tự"
    model("HT-09", ch, "Chợ Hàm Thuận", "residential", dt.date(2018, 5, 7), UBND_X, "launch",
          rated={2023: "trung-binh", 2024: "trung-binh", 2025: "yeu"},
          extra=[("closure-report", dt.date(2026, 2, 2), steering(ch), None, None)])
    for i, (thon, start, grade) in enumerate([("Lâm Hòa", dt.date(2019, 2, 11), "tot"),
                                               ("Ninh Thuận", dt.date(2020, 9, 7), "kha"),
                                               ("Đại Thiện", dt.date(2021, 4, 5), "tot"),
                                               ("Hàm Chính", dt.date(2022, 7, 4), "kha"),
                                               ("Phú Lập", dt.date(2023, 3, 6), "trung-binh")], start=10):
        name = f"Tổ hòa giải ở cơ sở thôn {thon}"
        authority = UBND_H if i == 10 else UBND_X
        model(f"HT-{i:02d}", name, f"Thôn {thon}", "residential", start, authority, "launch",
              rated={start.year + 1: grade, start.year + 2: grade} if start.year <= 2023 else {})
    lp = "Liên kết phòng, chống tội phạm tuyến đường ĐT 711"
    model("HT-15", lp, "Tuyến đường ĐT 711", "residential", dt.date(2024, 4, 1), UBND_X, "launch", linked=True,
          rated={2025: "kha"})
    model("HT-16", "Tổ tuần tra nhân dân khu phố 2", "Khu phố 2", "residential", dt.date(2025, 6, 2), UBND_X,
          "launch")
    model("HT-17", "Trường học an toàn về an ninh trật tự", "Trường Trung học cơ sở Hàm Thuận", "school",
          dt.date(2025, 9, 8), UBND_X, "annual-plan")
    model("HT-18", "Bến xe an toàn", "Bến xe Hàm Thuận", "agency", dt.date(2024, 10, 7), UBND_X, "launch",
          rated={2025: "tot"})

    def exemplar(ref, name, area, kind, scope, start, authority, scans=None):
        docs = [("survey", start, CA_X, None, None), ("criteria", start + dt.timedelta(days=5), CA_X, None, None),
                ("proposal", start + dt.timedelta(days=20), CA_X, None, None),
                ("building-plan", start + dt.timedelta(days=30), CA_X, None, None),
                ("self-assessment", start + dt.timedelta(days=300), CA_X, None, None),
                ("evaluation", start + dt.timedelta(days=320), CA_X, None, None),
                ("recognition", start + dt.timedelta(days=340), authority, None, None)]
        found.append({"ref": ref, "kind": "exemplar", "name": name, "area": area, "unit": "residential",
                      "linked": False, "docs": docs, "scans": scans or {}, "exemplar_kind": kind, "scope": scope})

    exemplar("HT-19", "Tổ hòa giải thôn Lâm Giáo", "Thôn Lâm Giáo", "collective", "several", dt.date(2024, 1, 8),
             UBND_X, scans={"recognition": "adopt-scans/qd-cong-nhan-dien-hinh-to-hoa-giai.pdf"})
    exemplar("HT-20", "Ông Nguyễn Văn Sáu, Trưởng thôn Lâm Hòa", "Thôn Lâm Hòa", "individual", "comprehensive",
             dt.date(2023, 2, 6), UBND_H)
    return found


def rows() -> list[dict]:
    """The sheet's rows, one per document, with the numbers of the issuing bodies' registers."""
    registers, out = Registers(), []
    for case in cases():
        for kind, day, issuer, year, grade in sorted(case["docs"], key=lambda d: d[1]):
            out.append({
                "case_ref": case["ref"], "case_kind": case["kind"], "name": case["name"], "area": case["area"],
                "unit_kind": case["unit"], "linked": "yes" if case["linked"] else "no", "doc_kind": kind,
                "number": registers.number(kind, issuer, day), "date": day, "issuer": issuer,
                "signer": SIGNERS.get(issuer, "Trưởng ban: Phạm Văn Bình" if issuer.startswith("Ban Chỉ đạo") else ""),
                "file": case["scans"].get(kind, ""), "year": year or "", "grade": grade or "",
                "exemplar_kind": case["exemplar_kind"], "scope": case["scope"]})
    return out


def csv_text(table: list[dict]) -> str:
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADERS)
    for row in table:
        writer.writerow([row[h].strftime("%d/%m/%Y") if isinstance(row[h], dt.date) else row[h] for h in HEADERS])
    return out.getvalue()


def xlsx_rows(table: list[dict]) -> list[list]:
    """The XLSX's cells: Vietnamese words where an officer would write them."""
    words = {"model": "mô hình", "exemplar": "điển hình", "yes": "có", "no": "không", "residential": "khu dân cư",
             "school": "trường học", "enterprise": "doanh nghiệp", "agency": "cơ quan", "collective": "tập thể",
             "individual": "cá nhân", "several": "một số mặt", "comprehensive": "toàn diện"}
    from antt_cli.store.kinds import load_registry

    reg = load_registry()
    out = [list(VI_HEADERS)]
    for row in table:
        cells = []
        for h in HEADERS:
            value = row[h]
            if h == "doc_kind":
                value = reg.resolve(value, row["case_kind"]).title
            elif h == "grade":
                value = GRADE_VI.get(value, value)
            elif h in ("case_kind", "linked", "unit_kind", "exemplar_kind", "scope"):
                value = words.get(value, value)
            elif isinstance(value, dt.date):
                value = dt.datetime(value.year, value.month, value.day)
            cells.append(value if value != "" else None)
        out.append(cells)
    return out


def pdf_bytes(title: str) -> bytes:
    """A one-page PDF standing for a scan (ASCII text; fixed bytes)."""
    text = title.encode("ascii", "replace").decode()
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main(argv: list[str]) -> int:
    import openpyxl

    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "sample_dossier"
    table = rows()
    (out / "adopt-example.csv").write_text(csv_text(table), encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tiếp nhận"
    for cells in xlsx_rows(table):
        sheet.append(cells)
    for cell in sheet["I"][1:]:
        cell.number_format = "dd/mm/yyyy"
    book.properties.created = book.properties.modified = dt.datetime(2026, 1, 1)
    book.save(out / "adopt-example.xlsx")
    scans = out / "adopt-scans"
    scans.mkdir(exist_ok=True)
    for name in sorted({f for c in cases() for f in c["scans"].values()}):
        (out / name).write_bytes(pdf_bytes(Path(name).stem))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
