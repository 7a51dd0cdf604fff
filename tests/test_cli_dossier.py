"""Dossier-level commands through the real CLI: bodies, successors, the demo."""
from __future__ import annotations

import json
import unicodedata

from conftest import REPO, antt, antt_process, copy_dossier, git, ok, refused

from antt_cli.store.yamlio import load_yaml


def test_bodies_add_and_refusals(dossier):
    ok("bodies", "add", unicodedata.normalize("NFD", "Ủy ban nhân dân xã Hàm Hiệp"), "--code", "UBND",
       "--head", "Chủ tịch: Võ Thị Lệ", root=dossier)
    body = load_yaml(dossier / "antt.yaml")["bodies"]["Ủy ban nhân dân xã Hàm Hiệp"]
    assert body["code"] == "UBND" and body["head"] == {"title": "Chủ tịch", "name": "Võ Thị Lệ"}
    message = git(dossier, "log", "-1", "--format=%B")
    assert "Antt-Action: bodies add" in message and "Antt-Case" not in message
    refused(dossier, "bodies", "add", "Uỷ ban nhân dân xã Hàm Hiệp", "--code", "UBND", contains="Hàm Hiệp")
    refused(dossier, "bodies", "add", "Công an xã Hàm Hiệp", "--code", "CA X", contains="CA X")
    refused(dossier, "bodies", "add", "Công an xã Hàm Hiệp", "--code", "CAX", "--head", "Trưởng Công an",
            contains="--head")
    refused(dossier, "bodies", "add", "Công an xã Hàm Hiệp", code=2)  # --code is required


def test_successors_chain_and_cycle(dossier):
    ok("bodies", "successor", "Ủy ban nhân dân huyện Hàm Thuận Bắc", "Ủy ban nhân dân xã Hàm Thuận", root=dossier)
    ok("bodies", "successor", "Ủy ban nhân dân xã Hàm Thuận", "Ủy ban nhân dân tỉnh Lâm Đồng", root=dossier)
    successors = load_yaml(dossier / "antt.yaml")["successors"]
    assert successors["Ủy ban nhân dân huyện Hàm Thuận Bắc"] == "Ủy ban nhân dân xã Hàm Thuận"
    refused(dossier, "bodies", "successor", "Ủy ban nhân dân tỉnh Lâm Đồng", "Uỷ ban nhân dân huyện Hàm Thuận Bắc",
            contains="vòng lặp")
    refused(dossier, "bodies", "successor", "Ủy ban nhân dân huyện Hàm Thuận Bắc", "X", contains="Hàm Thuận Bắc")


def test_profile_rules_are_checked(dossier):
    profile = dossier / "antt.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("completion: share", "completion: median"),
                       encoding="utf-8")
    git(dossier, "commit", "-qam", "sai quy tắc")
    result = refused(dossier, "new-model", "M", "--area", "A")
    assert "antt.yaml:" in result.stderr and "rules" in result.stderr


def test_demo_builds_a_dossier_with_real_commands(_demo_built, tmp_path):
    # The session's `antt demo`, run as a process of its own (conftest.py `_demo_built`).
    built, printed = _demo_built
    assert "MH-2025-001" in printed and "MH-2025-002" in printed and "MH-2026-001" in printed
    assert "[MH-2025-002] Biên bản ra mắt mô hình" in printed  # the git log
    assert git(built, "status", "--porcelain") == ""
    root = copy_dossier(built, tmp_path / "demo")
    rows = json.loads(ok("--json", "status", root=root).stdout)
    models = [r for r in rows if r["kind"] == "model"]
    assert [r["status"] for r in models] == ["active", "active", "active", "closed", "building", "building"]
    # The rating of 2026: one Tốt (replicated), one Khá, one decision overriding a proposal to Yếu, then closed.
    assert [r["grade"] for r in models] == ["tot", None, "kha", "yeu", None, None]
    # Exemplars (§IV): one recognized in 2025 and ended at its 2026 reassessment, one recognized,
    # one individual ended at its evaluation; the recognized one owes the 2027 reassessment.
    exemplars = [(r["id"], r["exemplar_kind"], r["status"], r["next_due"]) for r in rows if r["kind"] == "exemplar"]
    assert exemplars == [("DH-2025-001", "collective", "ended", None),
                         ("DH-2025-002", "collective", "recognized", "2027-11-04"),
                         ("DH-2025-003", "individual", "ended", None)]
    assert len(rows) == 9 and "[DH-2025-002] Quyết định công nhận điển hình tiên tiến" in printed
    reassessed = json.loads(ok("--json", "status", "DH-2025-001", root=root).stdout)
    assert [d["kind"] for d in reassessed["documents"]][-4:] == ["recognition", "reassessment", "ending",
                                                                 "ending-notice"]
    replica = json.loads(ok("--json", "status", "MH-2026-002", root=root).stdout)
    assert replica["step"] == 1 and "MH-2026-002" in (root / "models" / "MH-2025-001" / "case.yaml").read_text(
        encoding="utf-8")
    refused_demo = antt("demo", str(root))
    assert refused_demo.exit_code == 1 and str(root) in refused_demo.stderr


def test_a_demo_step_that_fails_fails_the_demo(tmp_path, monkeypatch):
    """A step failing after the demo's dossier was initialised (its first commit) is the demo
    failing: exit 1 and the step's own error on stderr. It once exited 0 with nothing on
    stdout ("committed, could not print"): the session's demo (conftest.py `_demo_built`)
    then failed only at `"MH-2025-001" in printed`, its cause out of sight."""
    import antt_cli.resources

    sample = tmp_path / "sample"
    sample.mkdir()
    text = (REPO / "sample_dossier" / "scenario.yaml").read_text(encoding="utf-8")
    head = text[: text.index("steps:")]
    sample.joinpath("scenario.yaml").write_text(
        head + "steps:\n  - [bodies, add, Đảng ủy xã Hàm Thuận, --code, ĐU, --party, --own]\n"
        "  - [record, MH-2099-001, survey-plan, --date, 2026-01-02]\n", encoding="utf-8")
    monkeypatch.setattr(antt_cli.resources, "sample_dossier_dir", lambda: sample)
    result = antt("demo", str(tmp_path / "demo"))
    assert result.exit_code == 1, result
    assert "MH-2099-001" in result.stderr and result.stdout == "", result
    assert git(tmp_path / "demo", "rev-list", "--count", "HEAD").strip() == "2"  # init, then the first step


def test_read_cache_follows_content_and_survives_damage(launched):
    from antt_cli.store.cache import cache_file

    first = json.loads(ok("--json", "status", root=launched).stdout)
    cache = cache_file(launched)
    assert cache.is_file()
    from antt_cli.domain.digest import digest_ok
    from antt_cli.store.cache import CaseCache

    warm = CaseCache(launched, check=digest_ok)  # a warm read trusts every entry it wrote
    from antt_cli.store.cache import blob_id

    keys = {blob_id(p.read_bytes()) for p in launched.glob("models/*/case.yaml")}
    assert len(keys) == len(first) and all(warm.has(key) for key in keys)
    warm.close()
    path = launched / "models" / "MH-2025-001" / "case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: active", "status: closing"), encoding="utf-8")  # by hand
    rows = json.loads(ok("--json", "status", root=launched).stdout)
    assert rows[0]["status"] == "closing" and first[0]["status"] == "active"
    cache.write_bytes(b"not a database")
    path.write_text(text, encoding="utf-8")
    assert json.loads(ok("--json", "status", root=launched).stdout) == first
    assert git(launched, "status", "--porcelain") == ""  # the cache lives in .git, never in the tree


def test_language_from_the_environment_and_help(tmp_path):
    done = antt_process("--dossier", str(tmp_path), "status", env={"ANTT_LANG": "en"})
    assert done.returncode == 1 and "is not an antt dossier" in done.stderr
    done = antt_process("--dossier", str(tmp_path), "status")
    assert done.returncode == 1 and "không phải thư mục hồ sơ antt" in done.stderr
    assert "Record an issued document" in antt_process("--lang", "en", "--help").stdout
    assert "Ghi một văn bản đã ban hành" in antt_process("--help").stdout


def test_dossier_option_given_the_profile_file_names_its_folder(dossier):
    result = antt("--dossier", str(dossier / "antt.yaml"), "status")
    assert result.exit_code == 1
    assert "là một tệp" in result.stderr and f"--dossier {dossier}" in result.stderr, result.stderr
