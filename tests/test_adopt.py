"""`antt adopt` (docs/commands.md, docs/rules.md "Adoption"): the sample sheets adopted in
full, a bad sheet refused with every problem listed and nothing changed, `--dry-run`, the
whole file or nothing (a failure part-way, a killed process), historical bodies and their
successors; and the domain's rules (domain/adoption.py) at their boundaries."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE, UBND, antt, antt_process, commit_count, git, ok, refused, snapshot

CSV = SAMPLE / "adopt-example.csv"
XLSX = SAMPLE / "adopt-example.xlsx"
HUYEN = "Ủy ban nhân dân huyện Hàm Thuận Bắc"
PROVINCE = "Ủy ban nhân dân tỉnh Lâm Đồng"
# What the sample sheet implies for each case: status and latest decided grade.
EXPECTED = {
    "HT-01": ("active", "tot"), "HT-02": ("active", "tot"), "HT-03": ("building", None),
    "HT-04": ("building", None), "HT-05": ("building", None), "HT-06": ("active", "kha"),
    "HT-07": ("active", "kha"), "HT-08": ("closed", "yeu"), "HT-09": ("closing", "yeu"),
    "HT-10": ("active", "tot"), "HT-11": ("active", "kha"), "HT-12": ("active", "tot"),
    "HT-13": ("active", "kha"), "HT-14": ("active", "trung-binh"), "HT-15": ("active", "kha"),
    "HT-16": ("active", None), "HT-17": ("building", None), "HT-18": ("active", "tot"),
    "HT-19": ("recognized", None), "HT-20": ("recognized", None),
}


def adopted(root: Path, sheet: Path = CSV, *args: str) -> dict:
    return json.loads(ok("--json", "adopt", str(sheet), *args, root=root).stdout)


def case_file(root: Path, case_id: str) -> str:
    folder = "exemplars" if case_id.startswith("DH") else "models"
    return (root / folder / case_id / "case.yaml").read_text(encoding="utf-8")


# -- the sample, in full ------------------------------------------------------------------------

def test_sample_adopted_in_full(dossier):
    before = commit_count(dossier)
    head = git(dossier, "rev-parse", "HEAD").strip()
    done = adopted(dossier)
    cases = {c["ref"]: c for c in done["cases"]}
    assert len(cases) == 20 and len({c["id"] for c in cases.values()}) == 20
    assert {ref: (c["status"], c["grade"]) for ref, c in cases.items()} == EXPECTED
    assert commit_count(dossier) == before + 20
    # one commit per case, touching that case's folder only, with the trailers
    for c in cases.values():
        sha = c["commit"]
        files = git(dossier, "show", "--name-only", "--format=", sha).split()
        assert files and all(f"/{c['id']}/" in f for f in files), files
        message = git(dossier, "show", "-s", "--format=%B", sha)
        assert f"Antt-Case: {c['id']}" in message and "Antt-Action: adopt" in message
        assert f"Antt-Adopted: adopt-example.csv {c['ref']}" in message
    assert git(dossier, "status", "--porcelain").strip() == ""
    assert git(dossier, "rev-list", "--count", f"{head}..HEAD").strip() == "20"
    assert cases["HT-19"]["id"].startswith("DH-2024-") and cases["HT-01"]["id"] == "MH-2017-001"
    assert not (dossier / ".git" / "antt" / "batch.json").exists()


def test_imported_records_keep_their_data_and_scans(dossier):
    adopted(dossier)
    text = case_file(dossier, "MH-2017-001")
    assert "imported: true" in text and "number: 01/KH-CAX" in text and "level: huyen" in text
    assert f"authority: {HUYEN}" in text and "opened: 2026-06-20" in text
    docs = dossier / "models" / "MH-2017-001" / "docs"
    scans = sorted(p.name for p in docs.iterdir())
    assert scans == ["07-establishment-decision.pdf", "14-launch.pdf"]   # no DOCX generated
    original = (SAMPLE / "adopt-scans" / "qd-thanh-lap-lam-giao.pdf").read_bytes()
    assert (docs / "07-establishment-decision.pdf").read_bytes() == original
    assert f"sha256: {hashlib.sha256(original).hexdigest()}" in text
    assert not list(dossier.rglob("*.docx"))
    assert "signer: {prefix: KT., title: Phó Chủ tịch, name: Huỳnh Văn Tâm}" in text


def test_xlsx_with_vietnamese_headers_gives_the_same_cases(dossier, tmp_path):
    other = Path(shutil.copytree(dossier, tmp_path / "other"))
    from_csv = adopted(dossier)
    from_xlsx = adopted(other, XLSX)
    assert [c["id"] for c in from_csv["cases"]] == [c["id"] for c in from_xlsx["cases"]]
    for c in from_csv["cases"]:
        one = case_file(dossier, c["id"]).replace("adopt-example.csv", "SHEET")
        two = case_file(other, c["id"]).replace("adopt-example.xlsx", "SHEET")
        assert one == two, c["id"]


def test_sample_files_equal_the_generator(tmp_path):
    """The committed sheets and scans are what tools/make_adopt_sample.py writes."""
    from antt_cli.store.sheets import read_sheet

    out = tmp_path / "out"
    out.mkdir()
    subprocess.run([sys.executable, str(REPO / "tools" / "make_adopt_sample.py"), str(out)], check=True)
    assert (out / "adopt-example.csv").read_bytes() == CSV.read_bytes()
    assert read_sheet(out / "adopt-example.xlsx") == read_sheet(XLSX)
    for scan in (SAMPLE / "adopt-scans").iterdir():
        assert (out / "adopt-scans" / scan.name).read_bytes() == scan.read_bytes()
    assert sorted(p.name for p in (out / "adopt-scans").iterdir()) == \
        sorted(p.name for p in (SAMPLE / "adopt-scans").iterdir())


def test_check_and_due_work_on_adopted_cases(dossier):
    adopted(dossier)
    result = antt("--json", "check", "MH-2017-001", root=dossier)
    items = {i["no"]: i["state"] for i in json.loads(result.stdout)["cases"][0]["items"]}
    assert items[1] == items[6] == items[8] == "present"
    assert items[9] == "missing"            # no plan of 2026, the year it was adopted in
    assert items[11] != "missing"           # rated years ended before adoption owe no evidence
    assert items[13] == "missing"           # the 2025 proposal still waits for its decision
    built = json.loads(antt("--json", "check", "MH-2026-001", root=dossier).stdout)["cases"][0]
    assert {i["no"]: i["state"] for i in built["items"]}[1] == "present"
    due = json.loads(ok("--json", "due", root=dossier).stdout)
    for case_id in ("MH-2017-001", "DH-2023-001"):   # nothing of a period ended before 20/06/2026
        rows = [r for r in due if r["id"] == case_id]
        assert rows and all(r["year"] >= 2026 for r in rows), rows
    assert [r["what"] for r in due if r["id"] == "MH-2017-001"][0] == "plan"
    ok("status", "MH-2017-001", root=dossier)


def test_an_adopted_model_runs_on(dossier):
    adopted(dossier)
    ok("plan", "MH-2024-002", "--year", "2026", "--date", "2026-06-20", "--number", "09/KH-BCĐ",
       "--target", "Tuần tra=24", root=dossier)
    proof = dossier.parent / "anh-tuan-tra.pdf"
    proof.write_bytes(b"%PDF-1.4 proof")
    ok("record", "MH-2024-002", "evidence", "--date", "2026-06-20", "--attach", str(proof), root=dossier)


def test_amending_an_imported_record_keeps_its_scan(dossier):
    adopted(dossier)
    scan = dossier / "models" / "MH-2017-001" / "docs" / "07-establishment-decision.pdf"
    before = scan.read_bytes()
    ok("amend", "MH-2017-001", "establishment-decision", "--number", "99/QĐ-UBND",
       "--reason", "Ghi nhầm số", root=dossier)
    assert scan.read_bytes() == before
    assert "number: 99/QĐ-UBND" in case_file(dossier, "MH-2017-001")
    assert not list(dossier.rglob("*.docx"))


# -- dry run, refusals --------------------------------------------------------------------------

def test_dry_run_changes_nothing(dossier):
    before = snapshot(dossier)
    result = ok("adopt", str(CSV), "--dry-run", root=dossier)
    assert "HT-20 → DH-2023-001" in result.stdout and "20" in result.stdout
    assert HUYEN in result.stdout
    assert snapshot(dossier) == before
    data = adopted(dossier, CSV, "--dry-run")
    assert data["dry_run"] is True and all(c["commit"] is None for c in data["cases"])
    assert snapshot(dossier)[1] == before[1]


HEADER = "case_ref,case_kind,name,area,unit_kind,linked,doc_kind,number,date,issuer,signer,file,year,grade\n"
GOOD = ("A,model,Tổ tự quản thôn Lâm Giáo,Thôn Lâm Giáo,residential,no,consultation,,10/10/2018,"
        "Công an xã Hàm Thuận,,,,\n"
        f"A,model,Tổ tự quản thôn Lâm Giáo,,,,establishment-decision,05/QĐ-UBND,20/10/2018,{UBND},,,,\n")
BAD_ROWS = [
    # row 4: a kind that does not exist
    "A,model,Tổ tự quản thôn Lâm Giáo,,,,quyet dinh thanh lap ban chi dao xyz,06/QĐ-UBND,20/10/2018,"
    f"{UBND},,,,\n",
    # row 5: an impossible date
    f"A,model,,,,,member-list-decision,07/QĐ-UBND,31/02/2019,{UBND},,,,\n",
    # row 6: before the consultation it rests on (10/10/2018)
    f"A,model,,,,,launch-plan,08/KH-UBND,01/10/2018,{UBND},,,,\n",
    # row 7: number 05/QĐ-UBND again for the same body and year (row 3)
    f"A,model,,,,,steering-committee-decision,05/QĐ-UBND,21/10/2018,{UBND},,,,\n",
    # row 8: a scan that is not there
    "A,model,,,,,survey-plan,01/KH-CAX,01/09/2018,Công an xã Hàm Thuận,,scans/khong-co.pdf,,\n",
    # row 9: a near miss of a declared body
    "A,model,,,,,survey-report,02/BC-CAX,05/09/2018,Công an xã Hàm Thuân,,,,\n",
    # row 10: a step-4 decision from another issuer
    f"B,model,Tổ an ninh thôn Phú Sơn,Thôn Phú Sơn,,,establishment-decision,01/QĐ-UBND,02/03/2019,{UBND},,,,\n",
    f"B,model,,,,,member-list-decision,02/QĐ-UBND,02/03/2019,{HUYEN},,,,\n",
    # row 12: a number the dossier already holds (the launched fixture's own registers are 2025)
    f"C,model,Tổ tuần tra khu phố 2,Khu phố 2,,,implementation,01/KH-UBND,06/10/2025,{UBND},,,,\n",
]


def test_bad_sheet_refused_with_every_problem_and_nothing_changed(launched, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text(HEADER + GOOD + "".join(BAD_ROWS), encoding="utf-8")
    held = git(launched, "log", "-p", "--format=", "--", "models/MH-2025-001/case.yaml")
    assert "01/KH-UBND" in held   # the number row 12 repeats is in the dossier
    result = refused(launched, "--lang", "en", "adopt", str(sheet))
    err = " ".join(result.stderr.split())
    assert "8 problems" in err, err
    expected = [("row 4, column 'doc_kind'", "quyet dinh"), ("row 5, column 'date'", "31/02/2019"),
                ("row 6, column 'date'", "launch-plan"), ("row 7, column 'number'", "row 3"),
                ("row 8, column 'file'", "scans/khong-co.pdf"), ("row 9, column 'issuer'", "Công an xã Hàm Thuận"),
                ("row 11, column 'issuer'", UBND), ("row 12, column 'number'", "already in the dossier")]
    for where, what in expected:
        line = next((ln for ln in result.stderr.splitlines() if where in ln), None)
        assert line is not None and what in line, (where, result.stderr)
    dry = refused(launched, "--lang", "en", "adopt", str(sheet), "--dry-run")
    assert dry.stderr == result.stderr
    as_json = antt("--json", "--lang", "en", "adopt", str(sheet), "--dry-run", root=launched)
    error = json.loads(as_json.stdout)
    assert error["code"] == 1 and len(error["error"].splitlines()) == 1 + 8


def test_refusals_of_the_file_itself(dossier, tmp_path):
    refused(dossier, "adopt", str(tmp_path / "none.csv"))
    (tmp_path / "x.txt").write_text("a", encoding="utf-8")
    refused(dossier, "adopt", str(tmp_path / "x.txt"), contains=".xlsx")
    (tmp_path / "h.csv").write_text("case_ref,tên,colour\n", encoding="utf-8")
    result = refused(dossier, "--lang", "en", "adopt", str(tmp_path / "h.csv"))
    assert "colour" in result.stderr and "doc_kind" in result.stderr
    (tmp_path / "e.xlsx").write_bytes(b"not a workbook")
    refused(dossier, "adopt", str(tmp_path / "e.xlsx"))
    refused(dossier, "adopt", str(CSV), "--date", "2026-06-21", contains="2026")
    refused(dossier, "adopt", str(CSV), "--date", "31/02/2026", code=2)


def test_adopting_the_same_sheet_twice_is_refused(dossier):
    adopted(dossier)
    result = refused(dossier, "--lang", "en", "adopt", str(CSV))
    assert "already in the dossier" in result.stderr


def test_an_earlier_adoption_day_moves_what_is_owed(dossier):
    """--date: a decision dated after the adoption day is refused (a document is not dated
    ahead), and the day is the case's opening."""
    result = refused(dossier, "--lang", "en", "adopt", str(CSV), "--date", "2025-01-01")
    assert "after the adoption day" in result.stderr


# -- the whole file or nothing ------------------------------------------------------------------

def test_a_failure_part_way_leaves_head_where_it_was(dossier, monkeypatch):
    """Five cases committed, the sixth fails: the five commits are undone, exit 1."""
    from antt_cli.domain import adoption
    from antt_cli.errors import AnttError

    real, calls = adoption.adopted_case, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 6:
            raise AnttError("store.unreadable", file="x", detail="disk")
        return real(*args, **kwargs)

    before = snapshot(dossier)
    monkeypatch.setattr(adoption, "adopted_case", failing)
    result = antt("adopt", str(CSV), root=dossier)
    assert result.exit_code == 1, result
    assert len(calls) == 6
    assert snapshot(dossier) == before
    assert not (dossier / ".git" / "antt" / "batch.json").exists()


@pytest.mark.parametrize("point", ["written", "after-commit"])
def test_a_killed_adoption_is_undone_by_the_next_command(dossier, point):
    import signal as sig

    before = snapshot(dossier)
    killed = antt_process("--dossier", str(dossier), "adopt", str(CSV),
                          env={"ANTT_LANG": "en", "ANTT_TEST_CRASH_AT": point})
    assert killed.returncode == -sig.SIGKILL, killed.stderr
    assert (dossier / ".git" / "antt" / "batch.json").exists()
    moved = git(dossier, "rev-parse", "HEAD").strip() != before[1].strip()
    assert moved == (point == "after-commit")
    status = antt_process("--dossier", str(dossier), "status", env={"ANTT_LANG": "en"})
    assert status.returncode == 0, status.stderr
    assert "adopt" in status.stderr
    assert snapshot(dossier) == before
    assert not (dossier / ".git" / "antt" / "batch.json").exists()
    adopted(dossier)   # and the file can then be adopted whole


def test_a_killed_adoption_is_not_undone_over_a_users_own_commit(dossier):
    """After a killed adoption the officer commits work of their own (a note, a hand edit of a
    case) before antt runs again. Undoing the batch then would go back past the officer's
    commit: before, its files were deleted from disk (a new file) or put back as they were at
    the batch's start (an edit) — the officer's work lost. The batch is left alone with the
    notice that says how to undo it by hand, and nothing of the officer's is touched."""
    import signal as sig

    killed = antt_process("--dossier", str(dossier), "adopt", str(CSV),
                          env={"ANTT_LANG": "en", "ANTT_TEST_CRASH_AT": "after-commit"})
    assert killed.returncode == -sig.SIGKILL, killed.stderr
    note = dossier / "ghi-chu.txt"
    note.write_text("việc của cán bộ\n", encoding="utf-8")
    git(dossier, "add", "ghi-chu.txt")
    git(dossier, "commit", "-q", "-m", "Ghi chú của cán bộ")
    mine = git(dossier, "rev-parse", "HEAD").strip()
    status = antt_process("--dossier", str(dossier), "status", env={"ANTT_LANG": "en"})
    assert "git reset" in status.stderr, status.stderr          # how to undo it by hand
    assert git(dossier, "rev-parse", "HEAD").strip() == mine
    assert note.read_text(encoding="utf-8") == "việc của cán bộ\n"
    assert git(dossier, "status", "--porcelain", "--untracked-files=all") == ""


# -- historical bodies --------------------------------------------------------------------------

def test_historical_authority_and_its_successor(dossier):
    adopted(dossier)
    warned = antt("--lang", "en", "check", "MH-2017-001", root=dossier)
    assert "no successor mapped" in " ".join(warned.stdout.split())
    refused(dossier, "rate", "MH-2017-001", "--year", "2025", "--decide", "--issuer", UBND,
            "--number", "40/QĐ-UBND", "--date", "2026-06-20", contains=HUYEN)
    ok("bodies", "successor", HUYEN, PROVINCE, root=dossier)
    quiet = antt("--lang", "en", "check", "MH-2017-001", root=dossier)
    assert "no successor mapped" not in " ".join(quiet.stdout.split())
    refused(dossier, "rate", "MH-2017-001", "--year", "2025", "--decide", "--issuer", UBND,
            "--number", "40/QĐ-UBND", "--date", "2026-06-20")
    done = json.loads(ok("--json", "rate", "MH-2017-001", "--year", "2025", "--decide", "--issuer", PROVINCE,
                         "--number", "40/QĐ-UBND", "--date", "2026-06-20", "--signer", "Hồ Văn Mười",
                         "--signer-title", "Chủ tịch", root=dossier).stdout)
    assert done["grade"] == "tot"
    import docx

    decision = "\n".join(p.text for p in docx.Document(dossier / "models" / "MH-2017-001" / done["file"]).paragraphs)
    assert f"cơ quan kế thừa {HUYEN}" in decision


def test_a_successor_issued_decision_in_the_sheet(dossier, tmp_path):
    """A rating decision the successor issued after 01/07/2025 is accepted once the successor
    is mapped; before, it is refused naming `antt bodies successor`."""
    sheet = tmp_path / "s.csv"
    rows = [f"H,model,Tổ tự quản thôn Lâm Giáo,Thôn Lâm Giáo,,,establishment-decision,05/QĐ-UBND,20/10/2018,{HUYEN},,,,",
            "H,model,,,,,rating-proposal,,03/11/2025,Ban Chỉ đạo mô hình Tổ tự quản thôn Lâm Giáo,,,2025,tot",
            f"H,model,,,,,rating-decision,12/QĐ-UBND,08/11/2025,{PROVINCE},,,2025,Tốt"]
    sheet.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = refused(dossier, "--lang", "en", "adopt", str(sheet))
    assert "row 4, column 'issuer'" in result.stderr and "bodies successor" in result.stderr
    ok("bodies", "successor", HUYEN, PROVINCE, root=dossier)
    done = adopted(dossier, sheet)
    assert done["cases"][0]["grade"] == "tot"
    assert done["undeclared"] == [{"issuer": HUYEN, "successor": PROVINCE},
                                  {"issuer": PROVINCE, "successor": None}]


# -- the domain's rules, at their boundaries ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch: Trần Thị Hoa", ("Trần Thị Hoa", "Chủ tịch", None)),
    ("KT. Phó Chủ tịch: Lê Văn Nam", ("Lê Văn Nam", "Phó Chủ tịch", "KT.")),
    ("Trần Thị Hoa", ("Trần Thị Hoa", None, None)),
    ("TM. Ban Chỉ đạo:", ("Ban Chỉ đạo:", None, "TM.")),
    ("", None),
])
def test_signer(text, expected):
    from antt_cli.domain.adoption import parse_signer

    signer = parse_signer(text)
    assert (None if signer is None else (signer.name, signer.title, signer.prefix)) == expected


@pytest.mark.parametrize("authority, level", [
    (HUYEN, "huyen"), ("UBND huyện Hàm Thuận Bắc", "huyen"),
    (PROVINCE, "tinh"), (UBND, "xa"), ("Công ty TNHH Thủy sản Phú Hải", "xa"), (None, "xa")])
def test_level_of_the_authority(authority, level):
    from antt_cli.domain.adoption import level_of

    assert level_of(authority) == level


def _check(lines: list[str], day: dt.date = dt.date(2026, 6, 20), bodies=(UBND,), numbers=(), successors=None):
    from antt_cli.domain.adoption import Known, check_sheet
    from antt_cli.store.kinds import load_registry

    rows = [(i, line.split(",")) for i, line in enumerate(lines, start=1)]
    return check_sheet(rows, load_registry(), day, Known(list(bodies), successors, list(numbers), set()))


def test_a_number_the_dossier_holds():
    found = _check([H, f"A,model,T,X,survey-plan,01/01/2020,{UBND},2/KH-UBND,,,"],
                   numbers=[("ủy ban nhân dân xã hàm thuận", 2020, "02/QĐ-UBND", "MH-2020-001"),
                            ("ủy ban nhân dân xã hàm thuận", 2021, "2/KH-UBND", "MH-2021-001")])
    assert [(p.key, p.params["other_id"]) for p in found.problems] == [("domain.adoption.number_held", "MH-2020-001")]


H = "Mã hồ sơ,Loại hồ sơ,Tên,Địa bàn,Loại văn bản,Ngày,Cơ quan ban hành,Số,Năm,Xếp loại,Liên kết"


@pytest.mark.parametrize("second_date, problems", [
    ("10/10/2018", 0),    # the same day as the consultation it rests on
    ("09/10/2018", 1),    # one day earlier
    ("2018-10-11", 0),    # ISO
])
def test_order_boundary(second_date, problems):
    found = _check([H, f"A,mô hình,T,X,consultation,10/10/2018,{UBND},,,,",
                    f"A,mo hinh,T,X,Quyết định thành lập mô hình,{second_date},{UBND},1/QĐ-UBND,,,"])
    assert len(found.problems) == problems, found.problems


@pytest.mark.parametrize("day, problems", [(dt.date(2026, 6, 20), 0), (dt.date(2026, 6, 19), 1)])
def test_a_document_on_the_adoption_day(day, problems):
    found = _check([H, f"A,model,T,X,survey-plan,20/06/2026,{UBND},1/KH-UBND,,,"], day=day)
    assert len(found.problems) == problems


@pytest.mark.parametrize("row, key", [
    (f"A,model,T,X,survey-plan,01/01/2020,{UBND},1/KH-UBND,,,maybe", "domain.adoption.bad_choice"),
    (f"A,model,T,X,member-agreement,01/01/2020,{UBND},,,,không", "domain.adoption.linked_only"),
    (f"A,model,T,X,rating-decision,01/11/2020,{UBND},1/QĐ-UBND,2020,,", "domain.adoption.grade_required"),
    (f"A,model,T,X,rating-decision,01/11/2020,{UBND},1/QĐ-UBND,,tot,", "domain.adoption.year_required"),
    (f"A,model,T,X,survey-plan,01/01/2020,{UBND},1/KH-UBND,2020,,", "domain.adoption.year_not_taken"),
    (f"A,model,T,X,survey-plan,01/01/2020,{UBND},1/KH-UBND,,Khá,", "domain.adoption.grade_not_taken"),
    (f"A,model,T,X,survey-plan,01/01/2020,{UBND},1/KH-UBND,20x0,,", "domain.adoption.bad_year"),
    (f"A,điển hình,T,X,survey,01/01/2020,{UBND},1/BC-UBND,,,", "domain.adoption.exemplar_needs"),
    (f",model,T,X,survey-plan,01/01/2020,{UBND},1/KH-UBND,,,", "domain.adoption.blank"),
])
def test_one_problem_each(row, key):
    found = _check([H, row])
    assert key in [p.key for p in found.problems], found.problems


def test_the_same_number_in_another_year_or_body_is_no_clash():
    found = _check([H, f"A,model,T,X,survey-plan,01/01/2020,{UBND},01/KH-UBND,,,",
                    f"B,model,T,X,survey-plan,01/01/2021,{UBND},01/KH-UBND,,,",
                    "C,model,T,X,survey-plan,01/01/2020,Công an xã Hàm Thuận,01/KH-UBND,,,",
                    f"D,model,T,X,survey-plan,05/01/2020,UBND xã Hàm Thuận,1/KH-UBND,,,"],
                   bodies=(UBND, "Công an xã Hàm Thuận"))
    assert [(p.row, p.key) for p in found.problems] == [(5, "domain.adoption.number_twice")]


def test_two_rating_decisions_of_one_year_and_of_two_years():
    rows = [H, f"A,model,T,X,establishment-decision,01/01/2019,{UBND},1/QĐ-UBND,,,"]
    two_years = _check(rows + [f"A,model,T,X,rating-decision,08/11/2020,{UBND},9/QĐ-UBND,2020,tot,",
                               f"A,model,T,X,rating-decision,08/11/2021,{UBND},9/QĐ-UBND,2021,kha,"])
    assert two_years.problems == ()
    one_year = _check(rows + [f"A,model,T,X,rating-decision,08/11/2020,{UBND},9/QĐ-UBND,2020,tot,",
                              f"A,model,T,X,rating-decision,09/11/2020,{UBND},10/QĐ-UBND,2020,kha,"])
    assert [p.key for p in one_year.problems] == ["domain.adoption.twice"]
