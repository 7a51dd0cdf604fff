"""`antt letter` and `antt templates` (docs/templates.md, docs/commands.md): every shipped
letter rendered with the demo dossier's data and checked for the NĐ 30 layout; recording
numbers, stores and commits; the sandbox refuses hostile templates; `templates check`
catches what Word does to tags; an exported, edited, checked template is used."""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from antt_cli.documents.builder import build_template
from antt_cli.documents.check import problems
from antt_cli.documents.render import shipped_dir
from antt_cli.store.kinds import load_letters
from antt_cli.store.yamlio import load_yaml

from conftest import antt, commit_count, copy_dossier, git, ok, refused, snapshot

# The values each letter needs (its spec's required fields), as an officer types them.
NEEDS = {
    "cong-van": ["subject=đề nghị hỗ trợ kinh phí hoạt động của mô hình",
                 "content=Để bảo đảm hoạt động trong những tháng cuối năm, đề nghị hỗ trợ kinh phí."],
    "giay-moi": ["event=Hội nghị sơ kết 06 tháng", "time=08 giờ 00, ngày 25/11/2026",
                 "location=Hội trường Ủy ban nhân dân xã Hàm Thuận"],
    "thong-bao": ["subject=kết quả xếp loại mô hình năm 2026", "content=Mô hình được xếp loại Tốt."],
    "to-trinh": ["subject=đề nghị khen thưởng mô hình năm 2026", "content=Mô hình hoàn thành các chỉ tiêu."],
    "bao-cao": ["subject=kết quả tuần tra dịp Tết", "content=Tổ tuần tra 12 lượt, không để xảy ra vụ việc."],
}
LETTERS = sorted(NEEDS)


def sets(name: str) -> list[str]:
    return [x for value in NEEDS[name] for x in ("--set", value)]


def body_text(data: bytes) -> str:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.fixture(scope="module")
def demo(_demo_built, tmp_path_factory) -> Path:
    return copy_dossier(_demo_built[0], tmp_path_factory.mktemp("demo") / "demo")


def test_every_shipped_letter_has_its_spec_and_builder_template():
    letters = load_letters()
    assert sorted(k.name for k in letters) == LETTERS
    from antt_cli.store.kinds import load_registry

    shared = load_registry().shared
    for k in letters:
        assert (shipped_dir() / f"{k.name}.docx").read_bytes() == build_template(k, shared), k.name


@pytest.mark.parametrize("name", LETTERS)
def test_letter_renders_with_demo_data_and_layout(demo, tmp_path, name):
    out = tmp_path / f"{name}.docx"
    before = snapshot(demo)
    ok("letter", "MH-2025-001", name, "-o", str(out), *sets(name), root=demo)
    assert snapshot(demo) == before  # a letter without --record writes nothing in the dossier
    data = out.read_bytes()
    assert problems(io.BytesIO(data)) == []
    text = body_text(data)
    # the case's data: the model's name, its authority as the addressee, the unit's head signing
    assert name == "cong-van" or "Tổ tự quản an ninh trật tự thôn Lâm Giáo" in text
    assert name == "thong-bao" or "Kính gửi: Ủy ban nhân dân xã Hàm Thuận" in text or \
        "- Ủy ban nhân dân xã Hàm Thuận;" in text
    assert "Phạm Văn Bình" in text
    assert "{{" not in text and "{%" not in text
    if name == "cong-van":
        assert "V/v đề nghị hỗ trợ kinh phí" in text and "CÔNG VĂN" not in text
    if name == "giay-moi":
        assert "GIẤY MỜI" in text and "Thời gian: 08 giờ 00, ngày 25/11/2026" in text
    ok("letter", "MH-2025-001", name, "-o", str(tmp_path / "again.docx"), *sets(name), root=demo)
    assert (tmp_path / "again.docx").read_bytes() == data  # deterministic


def test_letter_names_like_kinds(launched, tmp_path):
    for typed in ("Giấy mời", "giay moi", "giấy"):
        ok("letter", "MH-2025-001", typed, "-o", str(tmp_path / "g.docx"), *sets("giay-moi"), root=launched)
    refused(launched, "letter", "MH-2025-001", "giay-mo1", code=2, contains="giay-moi")


def test_missing_required_fields_are_named(launched):
    result = refused(launched, "letter", "MH-2025-001", "giay-moi", "--set", "event=Lễ ra mắt",
                     contains="time=")
    assert "location=" in result.stderr and "event=" not in result.stderr
    refused(launched, "letter", "MH-2025-001", "cong-van", *sets("cong-van"), "--set", "colour=red",
            contains="colour")
    refused(launched, "letter", "MH-2025-001", "cong-van", *sets("cong-van"), "--number", "auto", code=2)


def test_record_numbers_stores_commits_and_counts(launched):
    count = commit_count(launched)
    ok("letter", "MH-2025-001", "cong-van", "--record", *sets("cong-van"), "--set", "to=Công an huyện;UBND xã",
       root=launched)
    assert commit_count(launched) == count + 1
    message = git(launched, "log", "-1", "--format=%B")
    assert "Antt-Action: letter cong-van" in message and "Antt-Case: MH-2025-001" in message
    case = load_yaml(launched / "models/MH-2025-001/case.yaml")
    letter = case["letters"][0]
    assert re.fullmatch(r"\d\d/CAX", letter["number"])
    assert letter["subject"] == "V/v đề nghị hỗ trợ kinh phí hoạt động của mô hình"
    assert letter["recipients"] == ["Công an huyện", "UBND xã"]
    assert letter["file"] == "letters/01-cong-van.docx"
    data = (launched / "models/MH-2025-001" / letter["file"]).read_bytes()
    assert f"Số: {letter['number']}" in body_text(data) and problems(io.BytesIO(data)) == []
    assert "letter cong-van" in antt("history", "MH-2025-001", root=launched).stdout
    # the next letter of the body takes the next number; a hand-given clash is refused
    ok("letter", "MH-2025-002", "giay-moi", "--record", *sets("giay-moi"), root=launched)
    second = load_yaml(launched / "models/MH-2025-002/case.yaml")["letters"][0]
    assert int(second["number"][:2]) == int(letter["number"][:2]) + 1
    refused(launched, "letter", "MH-2025-002", "thong-bao", "--record", *sets("thong-bao"),
            "--number", letter["number"].replace("/CAX", "/TB-CAX"), contains=letter["number"])


def test_check_counts_letter_numbers_in_the_register(launched):
    ok("letter", "MH-2025-001", "cong-van", "--record", *sets("cong-van"), root=launched)
    path = launched / "models/MH-2025-002/case.yaml"
    number = load_yaml(launched / "models/MH-2025-001/case.yaml")["letters"][0]["number"]
    text = path.read_text(encoding="utf-8")
    # a hand edit gives MH-2025-002's letter the same number of the same body
    path.write_text(text + f"letters:\n  - kind: thong-bao\n    number: {number}\n    date: 2026-06-20\n"
                           f"    issuer: Công an xã Hàm Thuận\n", encoding="utf-8")
    git(launched, "commit", "-qam", "hand edit")
    result = antt("check", root=launched)
    assert number in result.stdout + result.stderr


HOSTILE = ["{{ ''.__class__.__mro__ }}", "{% import 'os' as os %}{{ os }}", "{{ cycler.__init__.__globals__ }}"]


def own_template(root: Path, name: str, edit) -> Path:
    """The shipped cong-van template with its document.xml edited by `edit`, saved as the
    dossier's `templates/<name>.docx` and committed."""
    src = zipfile.ZipFile(shipped_dir() / "cong-van.docx")
    (root / "templates").mkdir(exist_ok=True)
    target = root / "templates" / f"{name}.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    git(root, "add", "templates")
    git(root, "commit", "-qm", f"template {name}")
    return target


@pytest.mark.parametrize("tag", HOSTILE)
def test_sandbox_refuses_hostile_template(launched, tmp_path, tag):
    own_template(launched, "cong-van", lambda xml: xml.replace("{{ fields.content }}", tag.replace("'", "&apos;")))
    out = tmp_path / "x.docx"
    result = refused(launched, "letter", "MH-2025-001", "cong-van", "-o", str(out), *sets("cong-van"))
    assert "cong-van.docx" in result.stderr
    assert any(word in result.stderr for word in ("__class__", "import", "cycler")), result.stderr
    assert not out.exists()
    refused(launched, "letter", "MH-2025-001", "cong-van", "--record", *sets("cong-van"))
    check = antt("templates", "check", "cong-van", root=launched)  # names what the sandbox refuses
    assert check.exit_code == 1 and "templates/cong-van.docx" in check.stdout
    assert any(word in check.stdout for word in ("__class__", "import", "cycler")), check.stdout


def test_value_comes_out_literally(launched):
    value = "A & B <x> {{ 7*7 }}"
    ok("letter", "MH-2025-001", "thong-bao", "--record", "--set", "subject=thử", "--set", f"content={value}",
       root=launched)
    data = (launched / "models/MH-2025-001/letters/01-thong-bao.docx").read_bytes()
    assert value in body_text(data).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    assert "49" not in body_text(data)


def split_run(xml: str) -> str:
    return xml.replace("<w:t>{{ fields.content }}</w:t>",
                       "<w:t>{{ fields.con</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tent }}</w:t>", 1)


@pytest.mark.parametrize("edit, words", [
    (split_run, ["{{ fields.content }}", "Word"]),
    (lambda xml: xml.replace("{{ request }}", "{{ requets }}"), ["{{ requets }}", "requets"]),
    (lambda xml: xml.replace("{{ fields.content }}", "{{ fields.content "), ["{{ fields.content"]),
    (lambda xml: xml.replace("{{ request }}", "{{ request | shout }}"), ["shout", "{{ request | shout }}"]),
])
def test_templates_check_names_the_tag(launched, edit, words):
    own_template(launched, "cong-van", edit)
    result = antt("templates", "check", "cong-van", root=launched)
    assert result.exit_code == 1, result
    assert "templates/cong-van.docx" in result.stdout
    for word in words:
        assert word in result.stdout, result.stdout
    # a template failing the check is never used silently
    refused(launched, "letter", "MH-2025-001", "cong-van", *sets("cong-van"), contains="templates check")


def test_templates_list_and_json(launched):
    listed = antt("--json", "templates", "list", root=launched)
    import json

    rows = {r["name"]: r for r in json.loads(listed.stdout)}
    assert rows["giay-moi"]["kind"] == "letter" and rows["giay-moi"]["origin"] == "shipped"
    assert "event" in rows["giay-moi"]["fields"]
    assert rows["establishment-decision"]["kind"] == "document"


def test_export_edit_check_then_used_by_record(launched):
    count = commit_count(launched)
    ok("templates", "export", "Giấy mời", root=launched)
    assert commit_count(launched) == count + 1
    path = launched / "templates/giay-moi.docx"
    assert path.read_bytes() == (shipped_dir() / "giay-moi.docx").read_bytes()
    refused(launched, "templates", "export", "giay-moi", contains="templates/giay-moi.docx")
    rows = {r.split(" — ")[0]: r for r in ok("templates", "list", root=launched).stdout.splitlines() if " — " in r}
    assert "giay-moi" in rows
    # the officer edits the wording (here: the XML, as Word saves it) and checks it
    with zipfile.ZipFile(path) as z:
        files = {i: z.read(i) for i in z.namelist()}
    xml = files["word/document.xml"].decode("utf-8")
    edited = xml.replace("Rất mong quý đại biểu sắp xếp thời gian đến dự đúng giờ./.",
                         "Kính mong quý đại biểu đến dự đông đủ, đúng giờ./.")
    assert edited != xml
    files["word/document.xml"] = edited.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    git(launched, "commit", "-qam", "sửa mẫu giấy mời")
    check = ok("templates", "check", "giay-moi", root=launched)
    assert "templates/giay-moi.docx" in check.stdout
    ok("letter", "MH-2025-001", "giay-moi", "--record", *sets("giay-moi"), root=launched)
    data = (launched / "models/MH-2025-001/letters/01-giay-moi.docx").read_bytes()
    assert "Kính mong quý đại biểu đến dự đông đủ, đúng giờ./." in body_text(data)


def test_dossier_own_letter_template(launched, tmp_path):
    own_template(launched, "thu-moi-rieng", lambda xml: xml)
    assert "thu-moi-rieng" in ok("templates", "list", root=launched).stdout
    out = tmp_path / "own.docx"
    ok("letter", "MH-2025-001", "thu-moi-rieng", "-o", str(out), "--set", "subject=việc riêng",
       "--set", "content=Nội dung riêng.", root=launched)
    assert "Nội dung riêng." in body_text(out.read_bytes())


def test_editing_guide_lists_every_field_of_every_letter():
    guide = (Path(__file__).parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    for k in load_letters():
        section = guide.split(f"### `{k.name}`", 1)[1].split("\n### ", 1)[0]
        for f in k.fields.values():
            assert f"| `{f.key}` | {'yes' if f.required else ''} | {f.help} |" in section, (k.name, f.key)
    for picture in ("letter-cong-van.png", "letter-giay-moi.png", "template-giay-moi.png"):
        assert (Path(__file__).parent.parent / "docs" / "img" / picture).is_file()


def test_check_reports_a_recorded_letter_whose_file_is_gone(launched):
    ok("letter", "MH-2025-001", "bao-cao", "--record", *sets("bao-cao"), root=launched)
    git(launched, "rm", "-q", "models/MH-2025-001/letters/01-bao-cao.docx")
    git(launched, "commit", "-qm", "xóa nhầm")
    result = antt("check", "MH-2025-001", root=launched)
    assert result.exit_code == 1
    assert "letters/01-bao-cao.docx" in result.stdout + result.stderr


def test_issuer_register_and_signer(launched):
    result = ok("--json", "letter", "MH-2025-001", "to-trinh", "--record", *sets("to-trinh"),
                "--issuer", "Ủy ban nhân dân xã Hàm Thuận", "--sign-as", "KT.", root=launched)
    import json

    data = json.loads(result.stdout)
    assert re.fullmatch(r"\d\d/TTr-UBND", data["number"]), data
    assert data["signer"]["name"] == "Lê Văn Nam" and data["file"].endswith("letters/01-to-trinh.docx")
    text = body_text((launched / data["file"]).read_bytes())
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text


def test_exported_kind_template_edited_checked_then_used_by_record(launched):
    """The same path for a lifecycle kind: export, edit (a heading reworded), check, record."""
    ok("templates", "export", "review", root=launched)
    path = launched / "templates/review.docx"
    with zipfile.ZipFile(path) as z:
        files = {i: z.read(i) for i in z.namelist()}
    xml = files["word/document.xml"].decode("utf-8")
    assert "I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN" in xml
    files["word/document.xml"] = xml.replace("I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN", "I. KẾT QUẢ ĐẠT ĐƯỢC").encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    git(launched, "commit", "-qam", "sửa mẫu báo cáo sơ kết")
    ok("templates", "check", "review", root=launched)
    result = ok("--json", "record", "MH-2025-001", "review", "--date", "2026-06-15", "--number", "07/BC-BCĐ",
                root=launched)
    import json

    file = json.loads(result.stdout)["file"]
    text = body_text((launched / "models/MH-2025-001" / file).read_bytes())
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in text and "TRIỂN KHAI THỰC HIỆN" not in text
