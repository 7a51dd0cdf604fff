"""Kinds, IDs and bodies as an officer types them, through the real CLI: a kind by its
Vietnamese title, without diacritics, by a prefix, in any case; an ID in small letters; an
issuing body without diacritics matched to the declared one (never a second body), and its
number register kept across spellings. Every refusal leaves the tree and HEAD as they were."""
from __future__ import annotations

import pytest
from conftest import UBND, build_steps, git, new_model, ok, refused

from antt_cli.domain.kind_names import fold, resolve_kind_name
from antt_cli.errors import AnttError
from antt_cli.store.kinds import load_registry
from antt_cli.store.yamlio import load_yaml

REG = load_registry()


@pytest.mark.parametrize("typed, case_kind, kind", [
    ("periodic-report", "model", "periodic-report"),
    ("PERIODIC-REPORT", "model", "periodic-report"),
    ("periodic report", "model", "periodic-report"),
    ("Báo cáo tình hình, kết quả hoạt động của mô hình", "model", "periodic-report"),
    ("bao cao tinh hinh, ket qua hoat dong cua mo hinh", "model", "periodic-report"),
    ("BÁO CÁO TÌNH HÌNH", "model", "periodic-report"),           # a prefix of the title
    ("bao cao tinh hinh", "model", "periodic-report"),
    ("Quy chế phối hợp", "model", "coordination-regulation"),
    ("Chủ trương", "model", "party-policy"),
    ("launch", "model", "launch"),                               # whole name before a prefix of launch-plan
    ("establish", "model", "establishment-decision"),
    ("Quyet dinh thanh lap mo hinh", "model", "establishment-decision"),
    ("review", "exemplar", "exemplar-review"),                   # the exemplar's own kind
    ("review", "model", "review"),
    ("Quyết định khen thưởng", "exemplar", "exemplar-commendation"),
    ("Quyết định khen thưởng", "model", "commendation"),
    ("de xuat xay dung diem hinh", "exemplar", None),            # a slip: suggested, not taken
])
def test_kind_names(typed, case_kind, kind):
    kinds = REG.of_case(case_kind)
    if kind is not None:
        assert resolve_kind_name(typed, kinds).name == kind
        return
    with pytest.raises(AnttError) as refusal:
        resolve_kind_name(typed, kinds)
    assert refusal.value.key == "domain.kind_did_you_mean"


@pytest.mark.parametrize("typed, key", [
    ("periodic-reprot", "domain.kind_did_you_mean"),
    ("Bao cao tinh hnh", "domain.kind_did_you_mean"),
    ("quyet dinh thanh lap", "domain.kind_ambiguous"),     # the model's and its steering committee's
    ("lau", "domain.kind_ambiguous"),                      # launch, launch-plan
    ("la", "domain.unknown_kind"),                         # too short for a prefix: the list
    ("zzzzzzzz", "domain.unknown_kind"),
    ("", "domain.unknown_kind"),
])
def test_kind_names_refused(typed, key):
    with pytest.raises(AnttError) as refusal:
        resolve_kind_name(typed, REG.of_case("model"))
    assert refusal.value.key == key


def test_every_kind_answers_to_its_names():
    for case_kind in ("model", "exemplar"):
        kinds = REG.of_case(case_kind)
        for k in kinds:
            for typed in (k.cli, k.title, fold(k.title, accents=False), k.title.upper()):
                assert resolve_kind_name(typed, kinds) is k, (typed, k.name)


def _kinds(root, case_id):
    return [d["kind"] for d in load_yaml(root / "models" / case_id / "case.yaml")["documents"]]


def test_record_draft_amend_take_kinds_by_name_and_ids_in_any_case(dossier, tmp_path):
    case_id = new_model(dossier, linked=False)
    low = case_id.lower()
    steps = build_steps(False)
    typed = ["Kế hoạch khảo sát, đánh giá tình hình", "bao cao ket qua khao sat", "PROPOSAL", "chủ trương"]
    for name, step in zip(typed, steps):
        ok("record", low, name, *step[1:], root=dossier)
    assert _kinds(dossier, case_id) == ["survey-plan", "survey-report", "proposal", "party-policy"]
    assert "record party-policy" in git(dossier, "log", "-1", "--format=%B")
    out = tmp_path / "nhap.docx"
    ok("draft", low, "van ban trien khai", "-o", str(out), root=dossier)
    assert out.is_file()
    ok("amend", low, "ke hoach khao sat", "--date", "2025-09-04", "--reason", "Ghi nhầm ngày", root=dossier)
    assert load_yaml(dossier / "models" / case_id / "case.yaml")["documents"][0]["date"].isoformat() == "2025-09-04"
    ok("history", low, root=dossier)
    ok("status", low, root=dossier)


def test_a_slip_in_a_kind_is_refused_with_one_suggestion(dossier):
    case_id = new_model(dossier, linked=False)
    result = refused(dossier, "record", case_id, "survey-plna", "--date", "2025-09-03", code=2,
                     contains="có phải survey-plan (Kế hoạch khảo sát, đánh giá tình hình) không?")
    assert result.stderr.count("có phải") == 1
    result = refused(dossier, "record", case_id, "quyet dinh thanh lap", "--date", "2025-09-03", code=2,
                     contains="establishment-decision")
    assert "steering-committee-decision" in result.stderr
    refused(dossier, "draft", case_id.lower(), "bao cao tinh hnh", code=2, contains="periodic-report")
    refused(dossier, "amend", case_id.lower(), "surveyplan", "--reason", "x", code=2, contains="survey-plan")


def _to_implementation(root) -> tuple[str, list[str]]:
    case_id = new_model(root, linked=False)
    steps = build_steps(False)
    at = next(i for i, step in enumerate(steps) if step[0] == "implementation")
    for step in steps[:at]:
        ok("record", case_id, *step, root=root)
    return case_id, steps[at][:3]


def test_an_issuer_without_diacritics_is_the_declared_body_and_keeps_its_register(dossier):
    case_id, implementation = _to_implementation(dossier)
    bodies_before = load_yaml(dossier / "antt.yaml")["bodies"]
    ok("record", case_id, *implementation, "--issuer", "UBND xa Ham Thuan", "--number", "auto", root=dossier)
    ok("record", case_id, "consultation", "--date", "2025-10-15", "--members",
       build_steps(False)[5][-1], root=dossier)
    ok("record", case_id, "establishment-decision", "--date", "2025-10-25", "--issuer", "Uy ban nhan dan xa Ham Thuan",
       "--number", "02/QĐ-UBND", root=dossier)
    documents = load_yaml(dossier / "models" / case_id / "case.yaml")["documents"]
    assert [d["issuer"] for d in documents[-3:] if d["kind"] != "consultation"] == [UBND, UBND]
    assert documents[-3]["number"] == "01/KH-UBND"   # the declared body's own register
    assert load_yaml(dossier / "antt.yaml")["bodies"] == bodies_before  # never a second body
    # 02/QĐ-UBND, given again the same year under another spelling, is the same register's.
    refused(dossier, "record", case_id, "steering-committee-decision", "--date", "2025-10-25",
            "--issuer", "UBND xa Ham Thuan", "--number", "02/QĐ-UBND", "--members", build_steps(False)[8][-1],
            contains=f"văn bản 02/QĐ-UBND mà {UBND} đã ban hành năm 2025")
    refused(dossier, "bodies", "add", "UBND xa Ham Thuan", "--code", "UB", contains=UBND)
    refused(dossier, "bodies", "add", "Cong an xa Ham Thuan", "--code", "CA", contains="Công an xã Hàm Thuận")


def test_bodies_differing_only_by_diacritics_are_never_merged(dossier):
    ok("bodies", "add", "Ủy ban nhân dân xã Hàm Thạnh", "--code", "UBND", root=dossier)
    ok("bodies", "add", "Ủy ban nhân dân xã Hàm Thành", "--code", "UBND", root=dossier)
    refused(dossier, "bodies", "add", "UBND xa Ham Thanh", "--code", "UBND", contains="'Ủy ban nhân dân xã Hàm Thạnh'; 'Ủy ban nhân dân xã Hàm Thành'")
    case_id, implementation = _to_implementation(dossier)
    result = refused(dossier, "record", case_id, *implementation, "--issuer", "UBND xa Ham Thanh",
                     "--number", "01/KH-UBND", contains="Ủy ban nhân dân xã Hàm Thạnh")
    assert "Ủy ban nhân dân xã Hàm Thành" in result.stderr
    ok("record", case_id, *implementation, "--issuer", "UBND xã Hàm Thành", "--number", "01/KH-UBND",
       "--signer", "Lê Văn A", "--signer-title", "Chủ tịch", root=dossier)
    assert load_yaml(dossier / "models" / case_id / "case.yaml")["documents"][-1]["issuer"] == "Ủy ban nhân dân xã Hàm Thành"
