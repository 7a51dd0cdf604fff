"""`antt help [TOPIC]`: the reference shipped inside the package; messages and generated files
cite a topic, never a repository path; `antt init --guideline-issuer` and its default from
the province; `init` with no git identity; the members CSV with Vietnamese headers."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, antt, ok

DOCS = REPO / "docs"
TOPIC_FILES = {"rules": "rules.md", "interpretations": "interpretations.md", "case-schema": "case-schema.md",
               "kinds": "kinds.md", "commands": "commands.md", "reliability": "reliability.md",
               "huong-dan": "huong-dan-su-dung.md"}


# -- antt help ------------------------------------------------------------------------------
def test_help_without_topic_lists_every_topic_with_a_line():
    result = ok("help")
    for topic in [*TOPIC_FILES, "members"]:
        line = next((ln for ln in result.stdout.splitlines() if ln.strip().startswith(topic + " ")), None)
        assert line is not None and len(line.split(None, 1)[1]) > 10, (topic, result.stdout)


@pytest.mark.parametrize("topic, file", sorted(TOPIC_FILES.items()))
def test_each_topic_prints_its_document(topic, file):
    result = ok("help", topic)
    assert result.stdout.startswith(f"antt help {topic} — ")
    assert (DOCS / file).read_text(encoding="utf-8") in result.stdout


def test_english_topic_says_so_under_vietnamese_and_not_under_english():
    vi = ok("help", "rules").stdout.splitlines()[0]
    assert "chỉ có bản tiếng Anh" in vi
    en = antt("help", "rules", lang="en")
    assert en.exit_code == 0 and "only" not in en.stdout.splitlines()[0]
    guide = antt("help", "huong-dan", lang="en")
    assert guide.exit_code == 0 and "Vietnamese only" in guide.stdout.splitlines()[0]


def test_members_topic_follows_the_language():
    assert (DOCS / "members.vi.md").read_text(encoding="utf-8") in ok("help", "members").stdout
    en = antt("help", "members", lang="en")
    assert (DOCS / "members.md").read_text(encoding="utf-8") in en.stdout


@pytest.mark.parametrize("typed, topic", [("RULES", "rules"), ("interp", "interpretations"),
                                          ("hướng-dẫn", "huong-dan"), ("case", "case-schema"),
                                          ("kind", "kinds")])
def test_topic_by_case_or_unique_start(typed, topic):
    assert ok("help", typed).stdout.startswith(f"antt help {topic} — ")


@pytest.mark.parametrize("typed, near", [("rulse", "rules"), ("xyz", None), ("r", None)])
def test_unknown_topic_is_a_usage_error_with_a_suggestion(typed, near):
    result = antt("help", typed)
    assert result.exit_code == 2 and not result.stdout, result
    assert f"'{typed}'" in result.stderr and "rules, interpretations" in result.stderr
    if near:
        assert f"có phải '{near}' không?" in result.stderr
    else:
        assert "có phải" not in result.stderr


def test_help_json():
    listing = json.loads(ok("--json", "help").stdout)
    assert [t["topic"] for t in listing["topics"]][:1] == ["huong-dan"]
    page = json.loads(ok("--json", "help", "case-schema").stdout)
    assert page["language"] == "en" and page["text"] == (DOCS / "case-schema.md").read_text(encoding="utf-8")


def test_piped_help_is_the_markdown_itself(tmp_path):
    """Through a real process with stdout a pipe: the text as written, no rendering."""
    done = subprocess.run([os.sys.executable, "-m", "antt_cli", "help", "interpretations"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert "| key in `antt.yaml` `rules:` |" in done.stdout  # a table row as typed, not drawn


def test_every_topic_file_exists_in_docs():
    from antt_cli.services.reference import TOPICS

    for topic in TOPICS:
        for _, name in topic.files:
            assert (DOCS / name).is_file(), name


# -- no repository path in what a user reads ---------------------------------------------------
def test_no_catalogue_message_cites_a_repository_path():
    from antt_cli.i18n import catalog

    cited = {key: text for key, texts in catalog().items() for text in texts.values()
             if re.search(r"docs/|\.md\b", text)}
    assert cited == {}


def test_generated_yaml_comments_cite_topics_not_paths(dossier):
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2026-01-02", root=dossier)
    profile = (dossier / "antt.yaml").read_text(encoding="utf-8")
    case = next(dossier.glob("models/*/case.yaml")).read_text(encoding="utf-8")
    for text in (profile, case):
        assert "docs/" not in text and ".md" not in text
        assert "antt help " in text
    assert "antt help interpretations" in profile and "antt help case-schema" in case


def test_topics_cited_in_messages_exist():
    from antt_cli.i18n import catalog
    from antt_cli.services.reference import topic_names

    cited = {m for texts in catalog().values() for text in texts.values()
             for m in re.findall(r"antt help ([a-z-]+)", text)}
    assert cited and cited <= set(topic_names())


# -- antt init --guideline-issuer ------------------------------------------------------------------
def _issuer(root: Path) -> str:
    line = next(ln for ln in (root / "antt.yaml").read_text(encoding="utf-8").splitlines()
                if ln.startswith("guideline_issuer:"))
    return line.split(":", 1)[1].split("#", 1)[0].strip()


@pytest.mark.parametrize("province, issuer", [
    ("Lâm Đồng", "Ban Chỉ đạo tỉnh Bình Thuận"),
    ("tỉnh Bình Thuận", "Ban Chỉ đạo tỉnh Bình Thuận"),
    ("lam dong", "Ban Chỉ đạo tỉnh Bình Thuận"),
    ("Quảng Ninh", "Ban Chỉ đạo tỉnh Quảng Ninh"),
    ("Thành phố Hồ Chí Minh", "Ban Chỉ đạo thành phố Hồ Chí Minh"),
    ("Hà Nội", "Ban Chỉ đạo thành phố Hà Nội"),
])
def test_guideline_issuer_default_from_province(tmp_path, province, issuer):
    ok("init", tmp_path / "hs", "--unit", "Công an xã A", "--province", province, "--officer", "Nguyễn Văn A")
    assert _issuer(tmp_path / "hs") == issuer


@pytest.mark.parametrize("province, issuer", [
    ("Lâm Đồng", "Ban Chỉ đạo tỉnh Bình Thuận"), ("Bình Thuận", "Ban Chỉ đạo tỉnh Bình Thuận"),
    ("Đắk Lắk", "Ban Chỉ đạo tỉnh Đắk Lắk"), ("TP. Huế", "Ban Chỉ đạo thành phố Huế"),
    ("Can Tho", "Ban Chỉ đạo thành phố Can Tho"), ("", "Ban Chỉ đạo tỉnh Bình Thuận"),
])
def test_default_guideline_issuer_table(province, issuer):
    from antt_cli.domain.interpretations import default_guideline_issuer

    assert default_guideline_issuer(province) == issuer


def test_guideline_issuer_given_is_cited_in_decisions(tmp_path):
    root = tmp_path / "hs"
    ok("init", root, "--unit", "Công an xã Hàm Thuận", "--province", "Lâm Đồng", "--officer", "Nguyễn Văn A",
       "--guideline-issuer", "  Ban Chỉ đạo  tỉnh Lâm Đồng ")
    assert _issuer(root) == "Ban Chỉ đạo tỉnh Lâm Đồng"
    ok("bodies", "add", "Ủy ban nhân dân xã Hàm Thuận", "--code", "UBND", "--head", "Chủ tịch: Trần Thị Hoa",
       "--own", root=root)
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2026-01-02", root=root)
    ok("draft", "MH-2026-001", "establishment-decision", "-o", tmp_path / "qd.docx", root=root)
    import docx

    lines = [p.text for p in docx.Document(str(tmp_path / "qd.docx")).paragraphs if "163/HD-BCĐ" in p.text]
    assert any("của Ban Chỉ đạo tỉnh Lâm Đồng về xây dựng" in line for line in lines), lines


def test_empty_guideline_issuer_refused_nothing_created(tmp_path):
    result = antt("init", tmp_path / "hs", "--unit", "Công an xã A", "--province", "Lâm Đồng",
                  "--officer", "Nguyễn Văn A", "--guideline-issuer", " ")
    assert result.exit_code == 1 and "--guideline-issuer" in result.stderr, result
    assert not (tmp_path / "hs").exists()


# -- init with no git identity ------------------------------------------------------------------
def test_init_without_identity_suggests_officer(tmp_path, monkeypatch):
    empty = tmp_path / "gitconfig"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    result = antt("init", tmp_path / "hs", "--unit", "Công an xã A", "--province", "Lâm Đồng")
    assert result.exit_code == 1, result
    assert "--officer" in result.stderr and "antt.yaml" not in result.stderr
    assert not (tmp_path / "hs").exists()
    ok("init", tmp_path / "hs", "--unit", "Công an xã A", "--province", "Lâm Đồng", "--officer", "Nguyễn Văn A")
    assert (tmp_path / "hs" / "antt.yaml").is_file()


# -- the members CSV: Vietnamese headers ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Họ tên,Chức vụ,Đơn vị,SĐT\nTrần Văn Tư,Tổ trưởng,Thôn Lâm Giáo,0915 333 444\n",
    "HỌ VÀ TÊN;CHỨC VỤ;ĐƠN VỊ;SỐ ĐIỆN THOẠI\nTrần Văn Tư;Tổ trưởng;Thôn Lâm Giáo;0915 333 444\n",
    "ho ten,chuc vu,don vi,sdt\nTrần Văn Tư,Tổ trưởng,Thôn Lâm Giáo,0915 333 444\n",
    "\ufeffHọ tên,SĐT,Đơn vị,Chức vụ\nTrần Văn Tư,0915 333 444,Thôn Lâm Giáo,Tổ trưởng\n",
    "Họ tên,role,Đơn vị,phone\nTrần Văn Tư,Tổ trưởng,Thôn Lâm Giáo,0915 333 444\n",
])
def test_members_vietnamese_headers(tmp_path, text):
    from antt_cli.store.members import read_members

    path = tmp_path / "tv.csv"
    path.write_text(text, encoding="utf-8")
    assert read_members(path) == [{"name": "Trần Văn Tư", "role": "Tổ trưởng", "unit": "Thôn Lâm Giáo",
                                   "phone": "0915 333 444"}]


@pytest.mark.parametrize("header", ["Họ tên,Chức vụ,Ghi chú", "Họ tên,name", "Chức vụ,Đơn vị"])
def test_members_bad_vietnamese_header_refused(tmp_path, header):
    from antt_cli.errors import AnttError
    from antt_cli.store.members import read_members

    path = tmp_path / "tv.csv"
    path.write_text(f"{header}\nA,B,C\n", encoding="utf-8")
    with pytest.raises(AnttError) as err:
        read_members(path)
    assert err.value.key == "store.members_bad_header" and "Họ tên, Chức vụ, Đơn vị, SĐT" in err.value.message()


def test_members_vietnamese_headers_through_record(launched, tmp_path):
    members = tmp_path / "thanh-vien.csv"
    members.write_text("Họ tên,Chức vụ,Đơn vị,SĐT\nTrần Văn Tư,Tổ trưởng,Thôn Lâm Giáo,0915 333 444\n",
                       encoding="utf-8")
    ok("record", "MH-2025-001", "consolidation", "--date", "2026-03-02", "--issuer", "Ủy ban nhân dân xã Hàm Thuận",
       "--number", "auto", "--members", members, root=launched)
    case = (launched / "models" / "MH-2025-001" / "case.yaml").read_text(encoding="utf-8")
    assert "Trần Văn Tư" in case and "0915 333 444" in case


def test_terminal_gets_rendered_markdown(monkeypatch):
    """On a terminal the page is drawn by rich (a table as a table, no Markdown syntax left)."""
    import io

    from rich.console import Console

    from antt_cli.cli import help_cmd
    from antt_cli.services.reference import help_page

    out = io.StringIO()
    monkeypatch.setattr(help_cmd, "stdout_console",
                        lambda: Console(file=out, force_terminal=True, width=200, no_color=True, markup=False))
    help_cmd._print_page(help_page("interpretations"))
    text = out.getvalue()
    assert text.startswith("antt help interpretations — ")
    assert "Interpretations — where the guideline is read one way" in text
    assert "| key in `antt.yaml`" not in text and "# Interpretations" not in text
    assert "━" in text or "─" in text  # the table drawn
