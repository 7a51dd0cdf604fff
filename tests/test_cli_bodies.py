"""Issuing bodies through the real CLI: the codes of the unit's own bodies, and how a given
issuer is matched to a declared body (abbreviations, near misses)."""
from __future__ import annotations

from conftest import git, ok, refused

from antt_cli.store.yamlio import load_yaml


def test_bodies_add_own_refuses_a_code_another_own_body_uses(dossier):
    # The base dossier's own bodies: Ủy ban nhân dân xã Hàm Thuận (UBND), Đảng ủy (ĐU), Công an (CAX).
    result = refused(dossier, "bodies", "add", "Hội đồng nhân dân xã Hàm Thuận", "--code", "UBND", "--own",
                     contains="Ủy ban nhân dân xã Hàm Thuận")
    assert "'UBND'" in result.stderr and "--code" in result.stderr
    refused(dossier, "bodies", "add", "Ban Chỉ huy Quân sự xã Hàm Thuận", "--code", "cax", "--own",
            contains="Công an xã Hàm Thuận")
    # Bodies elsewhere keep their own registers: another UBND, not own, is fine, twice.
    ok("bodies", "add", "Ủy ban nhân dân tỉnh Lâm Đồng", "--code", "UBND", root=dossier)
    ok("bodies", "add", "Ủy ban nhân dân xã Hàm Thạnh", "--code", "UBND", root=dossier)
    # An own body with a code of its own is fine, and so is an own code equal to a body elsewhere's.
    ok("bodies", "add", "Hội đồng nhân dân xã Hàm Thuận", "--code", "HĐND", "--own", root=dossier)
    bodies = load_yaml(dossier / "antt.yaml")["bodies"]
    assert bodies["Hội đồng nhân dân xã Hàm Thuận"]["code"] == "HĐND"
    assert "Ủy ban nhân dân tỉnh Lâm Đồng" in bodies and "Ủy ban nhân dân xã Hàm Thạnh" in bodies
    assert git(dossier, "status", "--porcelain") == ""


def test_record_issuer_abbreviation_matches_and_near_miss_is_refused(dossier):
    from conftest import UBND, build_steps, new_model

    case_id = new_model(dossier, linked=False)
    steps = build_steps(False)
    implementation = next(i for i, step in enumerate(steps) if step[0] == "implementation")
    for step in steps[:implementation]:
        ok("record", case_id, *step, root=dossier)
    base = ["record", case_id, "implementation", "--date", "2025-10-06", "--number", "auto"]
    # A slip of a declared body: refused, naming the likely body and `antt bodies add`.
    result = refused(dossier, *base, "--issuer", "Ủy ban nhân dân xã Hàm Thuân",
                     contains=f"có phải '{UBND}' không?")
    assert "antt bodies add" in result.stderr and "Ủy ban nhân dân xã Hàm Thuân" in result.stderr
    refused(dossier, *base, "--issuer", "UBND xa Ham Thuann", contains=UBND)
    # The usual abbreviation is the declared body, recorded under its declared name.
    ok(*base, "--issuer", "UBND xã Hàm Thuận", root=dossier)
    case = load_yaml(dossier / "models" / case_id / "case.yaml")
    recorded = case["documents"][-1]
    assert recorded["issuer"] == UBND
    assert recorded["number"] == "01/KH-UBND"  # the declared body's register and code
    assert recorded["signer"]["name"] == "Trần Thị Hoa"  # its head, from antt.yaml


def test_body_name_keeps_other_bodies_and_the_declared_spelling(dossier):
    from antt_cli.store.dossier import Dossier

    d = Dossier.open(dossier)
    assert d.body_name("UBND xã Hàm Thuận") == "Ủy ban nhân dân xã Hàm Thuận"
    assert d.body_name("CA xã Hàm Thuận") == "Công an xã Hàm Thuận"
    assert d.body_name("Ủy ban nhân dân xã Hàm Thuận Bắc") == "Ủy ban nhân dân xã Hàm Thuận Bắc"
    assert d.body("Ủy ban nhân dân xã Hàm Thuân") is None  # a lookup never refuses
    # `bodies add` sees an abbreviated name as the body already declared.
    refused(dossier, "bodies", "add", "UBND xã Hàm Thuận", "--code", "UBND", contains="Ủy ban nhân dân xã Hàm Thuận")


# -- antt bodies list / edit -------------------------------------------------------------
def test_bodies_list_table_and_json(dossier, monkeypatch):
    import json

    monkeypatch.setenv("COLUMNS", "250")  # one line per body
    ok("bodies", "successor", "Ủy ban nhân dân huyện Hàm Thuận Bắc", "Ủy ban nhân dân xã Hàm Thuận", root=dossier)
    ok("bodies", "add", "Ủy ban nhân dân huyện Hàm Thuận Bắc", "--code", "UBND", "--parent", "Tỉnh Lâm Đồng",
       root=dossier)
    rows = json.loads(ok("--json", "bodies", "list", root=dossier).stdout)
    assert [r["name"] for r in rows][:3] == ["Ủy ban nhân dân xã Hàm Thuận", "Đảng ủy xã Hàm Thuận",
                                            "Công an xã Hàm Thuận"]
    ubnd = rows[0]
    assert ubnd["code"] == "UBND" and ubnd["own"] is True and ubnd["party"] is False
    assert ubnd["head"] == {"title": "Chủ tịch", "name": "Trần Thị Hoa"}
    assert ubnd["deputy"] == {"title": "Phó Chủ tịch", "name": "Lê Văn Nam"}
    old = next(r for r in rows if r["name"] == "Ủy ban nhân dân huyện Hàm Thuận Bắc")
    assert old["successor"] == "Ủy ban nhân dân xã Hàm Thuận" and old["parent"] == "Tỉnh Lâm Đồng"
    assert old["own"] is False and old["head"] is None
    text = ok("bodies", "list", root=dossier).stdout
    for word in ("Cơ quan", "Mã", "Người đứng đầu", "Cấp phó", "Cơ quan kế thừa", "Chủ tịch: Trần Thị Hoa", "CAX"):
        assert word in text
    assert git(dossier, "status", "--porcelain") == ""


def test_bodies_edit_one_commit_matched_without_diacritics(dossier):
    import json

    from conftest import commit_count

    before = commit_count(dossier)
    out = json.loads(ok("--json", "bodies", "edit", "UBND xa Ham Thuan", "--head", "Chủ tịch: Lê Thị Mai",
                        "--parent", "Tỉnh Lâm Đồng", root=dossier).stdout)
    assert out["name"] == "Ủy ban nhân dân xã Hàm Thuận"
    assert out["changed"]["head"] == {"old": {"title": "Chủ tịch", "name": "Trần Thị Hoa"},
                                      "new": {"title": "Chủ tịch", "name": "Lê Thị Mai"}}
    assert commit_count(dossier) == before + 1
    assert git(dossier, "show", "--name-only", "--format=", "HEAD").split() == ["antt.yaml"]
    assert "Antt-Action: bodies edit" in git(dossier, "log", "-1", "--format=%B")
    body = load_yaml(dossier / "antt.yaml")["bodies"]["Ủy ban nhân dân xã Hàm Thuận"]
    assert body["head"] == {"title": "Chủ tịch", "name": "Lê Thị Mai"} and body["parent"] == "Tỉnh Lâm Đồng"
    assert body["deputy"] == {"title": "Phó Chủ tịch", "name": "Lê Văn Nam"} and body["own"] is True
    # the new head signs the next document by default
    from conftest import new_model

    case_id = new_model(dossier, linked=False)
    ok("record", case_id, "survey-plan", "--date", "2025-09-03", "--number", "auto", "--approved-by",
       "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05", root=dossier)
    ok("bodies", "edit", "cong an xa ham thuan", "--code", "CAX2", root=dossier)
    ok("record", case_id, "survey-report", "--date", "2025-09-20", "--number", "auto", root=dossier)
    case = (dossier / "models" / case_id / "case.yaml").read_text(encoding="utf-8")
    assert "01/KH-CAX" in case and "/BC-CAX2" in case


def test_bodies_edit_refusals_change_nothing(dossier):
    refused(dossier, "bodies", "edit", "Ủy ban nhân dân xã Hàm Thuận", code=2, contains="--head")
    near = refused(dossier, "bodies", "edit", "Ủy ban nhân dân xã Hàm Thuậm", "--code", "X",
                   contains="Ủy ban nhân dân xã Hàm Thuận")
    assert "có phải" in near.stderr
    refused(dossier, "bodies", "edit", "Hội Nông dân tỉnh", "--code", "X", contains="Công an xã Hàm Thuận")
    refused(dossier, "bodies", "edit", "UBND xã Hàm Thuận", "--code", "UBND", contains="không có gì thay đổi")
    refused(dossier, "bodies", "edit", "UBND xã Hàm Thuận", "--code", "CAX", contains="Công an xã Hàm Thuận")
    refused(dossier, "bodies", "edit", "UBND xã Hàm Thuận", "--code", "A/B", contains="A/B")
    refused(dossier, "bodies", "edit", "UBND xã Hàm Thuận", "--head", "Chủ tịch", contains="--head")
