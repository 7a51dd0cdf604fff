"""Replication and the national proposal (HD 163 §III.3) through the real CLI: `antt replicate`
only from a latest *decided* Tốt, `antt propose-national` only for a Tốt model with a replica
still Khá or better (or an innovative one), its zip and index; every refusal changes nothing."""
from __future__ import annotations

import csv
import io
import json
import shlex
import zipfile

import docx

from conftest import UBND, build_steps, git, ok, refused

ID = "MH-2025-001"
ALL_YES = ["direction", "resources", "per-plan", "support", "support-broad", "socialized", "members",
           "members-excellent", "reporting", "reporting-timely"]


def criteria(*missing: str) -> list[str]:
    args = []
    for key in ALL_YES:
        args += ["--criterion", f"{key}={'no' if key in missing else 'yes'}"]
    for key in ("formalistic", "misconduct", "untruthful"):
        args += ["--criterion", f"{key}=no"]
    return args


def year_2026(root, monkeypatch, tmp_path, *missing: str) -> None:
    """The year's results, reports and evidence, then the proposal (Tốt unless criteria are missing)."""
    monkeypatch.setenv("ANTT_TODAY", "2026-11-20")
    for target, value in (("Tuần tra", "50"), ("Vụ trộm", "2")):
        ok("progress", ID, "--year", "2026", "--target", target, "--achieved", value, "--date", "2026-10-20",
           root=root)
    ok("progress", ID, "--year", "2026", "--target", "Không để xảy ra điểm nóng", "--done", "--date", "2026-10-20",
       root=root)
    ok("record", ID, "periodic-report", "--period", "6-month", "--date", "2026-05-03", "--number", "07/BC-BCĐ",
       "--secrecy", "mat", root=root)
    scan = tmp_path / "tuan-tra.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence")
    ok("record", ID, "evidence", "--date", "2026-10-01", "--attach", str(scan), root=root)
    ok("rate", ID, "--year", "2026", "--date", "2026-11-03", "--number", "10/BC-BCĐ", *criteria(*missing), root=root)


def decide(root, grade=None, case_id=ID, year="2026", date="2026-11-08", number="30/QĐ-UBND"):
    extra = ["--grade", grade, "--reason", "Quyết định khác đề nghị sau khi thẩm định"] if grade else []
    ok("rate", case_id, "--year", year, "--decide", "--issuer", UBND, "--number", number, "--date", date, *extra,
       root=root)


def test_replication_refused_from_an_undecided_tot_and_from_kha(launched, monkeypatch, tmp_path):
    root = launched
    refused(root, "replicate", ID, "--area", "Thôn Lâm Thuận", contains="--decide")
    year_2026(root, monkeypatch, tmp_path)
    proposal = json.loads(ok("--json", "status", ID, root=root).stdout)
    assert proposal["grade"] is None  # proposed Tốt, not yet decided
    refused(root, "replicate", ID, "--area", "Thôn Lâm Thuận", contains="--decide")
    decide(root, grade="kha")
    refused(root, "replicate", ID, "--area", "Thôn Lâm Thuận", contains="Khá")


def test_replication_from_a_decided_tot_in_one_commit(launched, monkeypatch, tmp_path):
    root = launched
    year_2026(root, monkeypatch, tmp_path)
    decide(root)
    refused(root, "replicate", ID, contains="--area")
    refused(root, "replicate", ID, "--area", "Thôn Lâm Giáo", contains="Thôn Lâm Giáo")  # its own area
    before = int(git(root, "rev-list", "--count", "HEAD"))
    out = json.loads(ok("--json", "replicate", ID, "--area", "Thôn Lâm Thuận", "--name", "Tổ tự quản thôn Lâm Thuận",
                        "--date", "2026-11-15", root=root).stdout)
    new = out["id"]
    assert int(git(root, "rev-list", "--count", "HEAD")) == before + 1
    changed = git(root, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(changed) == sorted([f"models/{ID}/case.yaml", f"models/{new}/case.yaml"])
    replica = json.loads(ok("--json", "status", new, root=root).stdout)
    assert (replica["status"], replica["step"], replica["area"]) == ("building", 1, "Thôn Lâm Thuận")
    assert f"replicated_from: {ID}" in (root / "models" / new / "case.yaml").read_text(encoding="utf-8")
    assert new in (root / "models" / ID / "case.yaml").read_text(encoding="utf-8").split("replicated_to:")[1][:60]
    # Both cases' histories show the commit.
    for cid in (ID, new):
        assert any("Nhân rộng" in e["summary"] for e in json.loads(ok("--json", "history", cid, root=root).stdout))


def _next_kinds(root) -> list[str]:
    return [s["kind"] for s in json.loads(ok("--json", "next", ID, root=root).stdout)["next"]]


def test_next_lists_replicate_only_after_a_decided_tot(launched, monkeypatch, tmp_path):
    """`antt next` lists replication (§III.3) exactly when `antt replicate` would accept it;
    its example command, with an area filled in, is accepted."""
    root = launched
    assert "replicate" not in _next_kinds(root)
    year_2026(root, monkeypatch, tmp_path)
    assert "replicate" not in _next_kinds(root)  # proposed Tốt, not decided
    decide(root)
    found = json.loads(ok("--json", "next", ID, root=root).stdout)
    step = next(s for s in found["next"] if s["kind"] == "replicate")
    assert step["command"] == "replicate" and "--area TEXT | --field TEXT" in step["options"]
    assert step["example"].startswith(f"antt replicate {ID} --area ")
    assert "Nhân rộng mô hình" in ok("next", ID, root=root).stdout
    words = shlex.split(step["example"])
    words[words.index("…")] = "Thôn Lâm Thuận"
    ok(*words[1:], root=root)


def test_next_does_not_list_replicate_after_a_decided_kha(launched, monkeypatch, tmp_path):
    year_2026(launched, monkeypatch, tmp_path)
    decide(launched, grade="kha")
    assert "replicate" not in _next_kinds(launched)


def build_replica(root, monkeypatch, new: str) -> None:
    """The replica through steps 1–5 in Nov–Dec 2026, then its first year (2027) rated Khá."""
    monkeypatch.setenv("ANTT_TODAY", "2026-12-31")
    day = [10]
    for step in build_steps(False):
        args = list(step)
        for i, a in enumerate(args):
            if a == "--date" or a == "--approved-date":
                args[i + 1] = f"2026-11-{day[0]:02d}" if day[0] <= 30 else f"2026-12-{day[0] - 30:02d}"
            if a.startswith("name="):
                args[i] = "name=Tổ tự quản an ninh trật tự thôn Lâm Thuận"
        day[0] += 1
        ok("record", new, *args, root=root)
    ok("plan", new, "--year", "2027", "--date", "2026-12-05", "--number", "05/KH-BCĐ", "--target", "Tuần tra=48",
       root=root)
    ok("record", new, "launch", "--date", "2026-12-10", root=root)
    monkeypatch.setenv("ANTT_TODAY", "2027-11-06")
    ok("rate", new, "--year", "2027", "--date", "2027-11-03", "--number", "10/BC-BCĐ", *criteria(), root=root)
    decide(root, grade="kha", case_id=new, year="2027", date="2027-11-05", number="41/QĐ-UBND")


def test_national_proposal_needs_a_replica_kha_or_better(launched, monkeypatch, tmp_path):
    root = launched
    refused(root, "propose-national", ID, "-o", str(tmp_path / "a.zip"), contains="--innovative")
    year_2026(root, monkeypatch, tmp_path)
    decide(root)
    refused(root, "propose-national", ID, "-o", str(tmp_path / "a.zip"), contains="antt replicate")
    new = json.loads(ok("--json", "replicate", ID, "--area", "Thôn Lâm Thuận", "--date", "2026-11-09",
                        root=root).stdout)["id"]
    refused(root, "propose-national", ID, "-o", str(tmp_path / "a.zip"), contains=new)  # the replica is unrated
    assert not (tmp_path / "a.zip").exists()
    build_replica(root, monkeypatch, new)
    bundle = tmp_path / "gui-v05" / f"{ID}-de-xuat-toan-quoc.zip"  # `-o DIR/`: created, the default name
    out = json.loads(ok("--json", "propose-national", ID, "--number", "auto", "--date", "2027-11-06",
                        "-o", f"{tmp_path / 'gui-v05'}/", root=root).stdout)
    assert out["zip"] == str(bundle)
    assert out["kind"] == "national-proposal" and "Antt-Action: propose-national" in git(root, "log", "-1", "--format=%B")
    names = zipfile.ZipFile(bundle).namelist()
    index = zipfile.ZipFile(bundle).read("00-danh-muc.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(index)))
    assert rows[0] == ["TT", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Tên văn bản", "Tệp", "Ghi chú"]
    case = json.loads(ok("--json", "status", ID, root=root).stdout)
    assert len(rows) - 1 == len(case["documents"])
    for row, doc in zip(rows[1:], case["documents"]):
        assert row[1] == (doc["number"] or "") and row[3] == doc["issuer"] and row[4] == doc["title"]
    # The classified 6-month report is listed but left out; everything else is in the zip.
    secret = next(r for r in rows[1:] if r[1] == "07/BC-BCĐ")
    assert secret[5] == "" and "MẬT" in secret[6]
    assert not any("periodic-report" in n for n in names)
    assert f"{ID}/{out['file']}" in names and any(n.startswith(f"{ID}/evidence/") for n in names)
    text = "\n".join(p.text for p in docx.Document(str(root / "models" / ID / out["file"])).paragraphs)
    assert "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc (V05)" in text
    cells = [c.text for t in docx.Document(str(root / "models" / ID / out["file"])).tables for r in t.rows
             for c in r.cells]
    assert "Khá" in cells and "Thôn Lâm Thuận" in cells
    # Asked for: the classified document too; a second proposal is refused.
    refused(root, "propose-national", ID, "--include-classified", "-o", str(tmp_path / "b.zip"))


def test_national_proposal_innovative_and_classified(launched, tmp_path):
    root = launched
    refused(root, "propose-national", ID, "--innovative", "-o", str(tmp_path / "a.zip"), contains="--reason")
    refused(root, "propose-national", ID, "--innovative", "--reason", "x", "-o", str(tmp_path / "no" / "a.zip"))
    ok("record", ID, "periodic-report", "--period", "6-month", "--date", "2026-05-03", "--number", "07/BC-BCĐ",
       "--secrecy", "mat", root=root)
    bundle = tmp_path / "all.zip"
    ok("propose-national", ID, "--innovative", "--reason", "Camera cộng đồng kết nối với Công an xã",
       "--include-classified", "--number", "auto", "-o", str(bundle), root=root)
    assert any("periodic-report" in n for n in zipfile.ZipFile(bundle).namelist())
    # The same case gives the same bytes (fixed timestamps, the case's order).
    from antt_cli.services.bundle import case_bundle
    from antt_cli.store.dossier import Dossier
    from antt_cli.store.kinds import load_registry

    case = Dossier.open(root).case(ID)
    read = (root / "models" / ID).joinpath
    first = case_bundle(case, load_registry(), lambda p: read(p).read_bytes(), False)
    assert first == case_bundle(case, load_registry(), lambda p: read(p).read_bytes(), False)
    assert first[2] and all("periodic-report" not in n for n in zipfile.ZipFile(io.BytesIO(first[0])).namelist())
