"""Hostile input (issue 10, findings 3, 5, 6, 8; docs/reliability.md "Text in and out"):
templates and spec texts render in a sandbox, numbers and dates are bounded, YAML aliases
and deep or huge files are refused, bidi and zero-width characters are refused, an unknown
schema is refused, `--attach` takes regular files only, the read cache is JSON, and one
broken case file is one row of `status`."""
from __future__ import annotations

import io
import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from conftest import antt, antt_process, commit_count, git, ok, refused, snapshot

CASE = "models/MH-2025-001/case.yaml"


# -- 3. a template runs code ---------------------------------------------------------------------
def _override(root: Path, kind: str, old: str, new: str) -> None:
    """A dossier-local templates/<kind>.docx: the shipped one with `old` replaced, committed."""
    from antt_cli.documents.render import template_path

    shipped = template_path(kind, None).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(shipped)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                assert old.encode() in body
                body = body.replace(old.encode(), new.encode("utf-8"), 1)
            dst.writestr(info, body)
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / f"{kind}.docx").write_bytes(out.getvalue())
    git(root, "add", "templates")
    git(root, "commit", "-qm", "Mẫu riêng của đơn vị")


REVIEW = ["record", "MH-2025-001", "review", "--date", "2026-06-10", "--number", "07/BC-BCĐ",
          "--set", "stage=sơ kết"]


@pytest.mark.parametrize("payload, tag", [
    ("{{ cycler.__init__.__globals__.os.popen('touch /tmp/i10/pwned-' ~ 'x').read() }}", "__init__"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
    ("{% import 'x.html' as x %}", "import"),
    ("{% include '/etc/passwd' %}", "include"),
    ("{% extends '/etc/passwd' %}", "extends"),
])
def test_a_template_that_reaches_internals_or_files_is_refused(launched, tmp_path, payload, tag):
    marker = Path("/tmp/i10/pwned-x")
    marker.unlink(missing_ok=True)
    _override(launched, "review", "{{ number_line }}", payload)
    out = tmp_path / "draft.docx"
    result = refused(launched, "draft", "MH-2025-001", "review", "-o", str(out))
    assert "review.docx" in result.stderr and tag in result.stderr, result
    assert not out.exists()
    result = refused(launched, *REVIEW)
    assert "review.docx" in result.stderr and tag in result.stderr, result
    assert not marker.exists()


def test_jinja_env_is_an_immutable_sandbox_without_helpers():
    import jinja2.sandbox

    from antt_cli.documents.render import jinja_env

    env = jinja_env()
    assert isinstance(env, jinja2.sandbox.ImmutableSandboxedEnvironment)
    assert env.undefined is jinja2.StrictUndefined
    for name in ("cycler", "joiner", "namespace", "lipsum", "dict"):
        assert name not in env.globals
    with pytest.raises(Exception):
        env.from_string("{{ x.append(1) }}").render(x=[])  # immutable: no mutation of values


def test_huge_output_from_a_template_is_refused():
    from antt_cli.documents.render import jinja_env

    with pytest.raises(Exception):
        jinja_env().from_string("{{ 'a' * 1000000000 }}").render()
    with pytest.raises(Exception):
        jinja_env().from_string("{% for i in range(10**9) %}{% endfor %}").render()


def test_spec_texts_render_in_the_sandbox(monkeypatch, tmp_path):
    from antt_cli.documents import wording
    from antt_cli.errors import AnttError
    from antt_cli.store.kinds import load_registry

    k = next(iter(load_registry()))
    with pytest.raises(AnttError) as err:
        wording.render_text(k, "subject", "{{ first_upper.__globals__ }}", {})
    assert "__globals__" in err.value.message()
    with pytest.raises(AnttError):
        wording.render_text(k, "subject", "{% include 'x' %}", {})
    assert wording.render_text(k, "subject", "{{ a | first_upper }}", {"a": "<b>&{{ x }}"}) == "<b>&{{ x }}"


def test_values_with_markup_come_out_literally(dossier):
    from docx import Document

    name = "Tổ <b>an ninh</b> & {{ 7*7 }} {% if 1 %}x{% endif %}"
    case_id = json.loads(ok("--json", "new-model", name, "--area", "Thôn A & <B>", "--date", "2025-09-01",
                            root=dossier).stdout)["id"]
    ok("record", case_id, "survey-plan", "--date", "2025-09-03", "--number", "auto",
       "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05", root=dossier)
    docx = next((dossier / "models" / case_id / "docs").glob("*.docx"))
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert name in text and "49" not in text.replace("2025", "")
    assert "Thôn A & <B>" in text


# -- 5. numbers and dates that were bugs ----------------------------------------------------------
@pytest.mark.parametrize("args, option", [
    (["plan", "MH-2025-001", "--year", "2027", "--date", "2026-06-01", "--target", "A=1e999"], "--target"),
    (["plan", "MH-2025-001", "--year", "2027", "--date", "2026-06-01", "--target", "A=10000000000000"], "--target"),
    (["plan", "MH-2025-001", "--year", "2027", "--date", "2026-06-01", "--target", "A=1.1234567"], "--target"),
    (["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "1e400"], "--achieved"),
    (["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "1e5000"], "--achieved"),
    (["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "NaN"], "--achieved"),
    (["status", "--date", "9999-12-31"], "--date"),
    (["status", "--date", "1999-12-31"], "--date"),
    (["record", "MH-2025-001", "review", "--date", "2100-01-01"], "--date"),
])
def test_out_of_range_option_values_are_usage_errors(launched, args, option):
    result = refused(launched, *args, code=2)
    assert option in result.stderr, result


def test_in_range_values_still_pass(launched):
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "999999999999.5",
       root=launched)
    ok("progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "12,25", root=launched)


@pytest.mark.parametrize("old, new, line_text", [
    ("planned: 48", "planned: 1e400", "planned"),
    ("planned: 48", "planned: .inf", "planned"),
    ("planned: 48", "planned: 10000000000000", "planned"),
    ("date: 2025-10-30", "date: 9999-12-31", "date"),
    ("date: 2025-10-30", "date: 1900-01-01", "date"),
])
def test_out_of_range_values_in_a_case_file_are_refused_with_file_line(launched, old, new, line_text):
    path = launched / CASE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    git(launched, "commit", "-qam", "sửa tay")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new in row)
    for args in (["status"], ["draft", "MH-2025-001", "review", "-o", str(launched.parent / "d.docx")],
                 ["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "3"]):
        result = refused(launched, *args)
        assert f"case.yaml:{line}" in result.stderr, (args, result)


# -- 5/6. YAML aliases, depth and size -------------------------------------------------------------
# ten anchors, each a list of ten aliases of the one before: ~600 bytes, 10^10 leaves
BOMB = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 10))


def _hand_edit(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")
    git(root, "commit", "-qam", "sửa tay")


@pytest.mark.parametrize("extra", ["field: &a [*a]\n", BOMB, "x: &v 1\ny: *v\n"])
def test_yaml_aliases_are_refused_fast_with_the_lock_free(launched, extra):
    assert 550 <= len(BOMB) <= 700
    path = launched / CASE
    _hand_edit(launched, CASE, path.read_text(encoding="utf-8") + extra)
    for args in (["status"],
                 ["progress", "MH-2025-001", "--year", "2026", "--target", "Tuần tra", "--achieved", "3"]):
        start = time.monotonic()
        result = antt_process("--dossier", str(launched), *args, timeout=30, env={"ANTT_LANG": "en"})
        took = time.monotonic() - start
        assert result.returncode == 1, (args, result.stderr)
        assert "case.yaml:" in result.stderr and ("alias" in result.stderr or "anchor" in result.stderr), result.stderr
        assert took < 5, took  # the process start included; the parse itself is milliseconds
        assert not (launched / ".git" / "antt.lock").exists()


def test_yaml_alias_in_antt_yaml_is_refused(launched):
    path = launched / "antt.yaml"
    _hand_edit(launched, "antt.yaml", path.read_text(encoding="utf-8") + "x: &a [*a]\n")
    result = refused(launched, "status")
    assert "antt.yaml:" in result.stderr


def test_parse_yaml_bounds(tmp_path):
    from antt_cli.errors import AnttError
    from antt_cli.store.yamlio import parse_yaml

    start = time.monotonic()
    with pytest.raises(AnttError) as err:
        parse_yaml(BOMB.encode(), "case.yaml")
    assert time.monotonic() - start < 0.5
    assert err.value.key == "store.yaml_alias" and err.value.params["line"] == 1
    with pytest.raises(AnttError) as err:
        parse_yaml(("a:\n" + "".join("  " * i + "- \n" for i in range(1, 200)) + "").encode(), "case.yaml")
    deep = "x: " + "[" * 500 + "]" * 500 + "\n"
    with pytest.raises(AnttError) as err:
        parse_yaml(deep.encode(), "case.yaml")
    assert err.value.key == "store.yaml_too_deep"
    with pytest.raises(AnttError) as err:
        parse_yaml(b"x: " + b"a" * (9 * 1024 * 1024) + b"\n", "case.yaml")
    assert err.value.key == "store.yaml_too_big"
    assert parse_yaml(b"a: [1, {b: [2, 3]}]\n", "x.yaml") == {"a": [1, {"b": [2, 3]}]}


# -- 8. bidi, zero-width, schema, attach, cache, one bad case ------------------------------------
@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\ufeff", "\u2060", "\u200d"])
def test_bidi_and_zero_width_characters_are_refused_on_the_command_line(dossier, char):
    result = refused(dossier, "new-model", f"Tổ tự quản{char}abc", "--area", "X", "--date", "2026-01-02", code=2)
    assert "NAME" in result.stderr or "name" in result.stderr.lower(), result
    assert f"U+{ord(char):04X}" in result.stderr
    result = refused(dossier, "new-model", "Tổ tự quản", "--area", f"X{char}", "--date", "2026-01-02", code=2)
    assert "--area" in result.stderr


def test_bidi_characters_are_refused_in_files(launched):
    path = launched / CASE
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    n = next(i for i, row in enumerate(lines) if row.startswith("name:"))
    lines[n] = lines[n] + "\u202egnp.exe"
    _hand_edit(launched, CASE, "\n".join(lines) + "\n")
    result = refused(launched, "status")
    assert f"case.yaml:{n + 1}" in result.stderr and "U+202E" in result.stderr, result
    result = refused(launched, "draft", "MH-2025-001", "review", "-o", str(launched.parent / "d.docx"))
    assert f"case.yaml:{n + 1}" in result.stderr


def test_an_unknown_schema_is_refused_with_file_line(launched):
    path = launched / CASE
    text = path.read_text(encoding="utf-8")
    assert "\nschema: 1\n" in text or text.startswith("schema: 1\n")
    _hand_edit(launched, CASE, text.replace("schema: 1\n", "schema: 99\n", 1))
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if row == "schema: 99")
    result = refused(launched, "status")
    assert f"case.yaml:{line}" in result.stderr and "99" in result.stderr, result


@pytest.mark.parametrize("source", ["/proc/self/environ", "fifo", "/dev/null"])
def test_attach_takes_regular_files_only(launched, tmp_path, source):
    if source == "fifo":
        source = str(tmp_path / "pipe.pdf")
        os.mkfifo(source)
    result = refused(launched, *REVIEW, "--attach", source)
    assert "--attach" in result.stderr and source in result.stderr, result


def test_attach_a_file_with_a_colon_in_its_name(launched, tmp_path):
    weird = tmp_path / "a:b.pdf"
    weird.write_bytes(b"%PDF-1.4\n%%EOF\n")
    ok(*REVIEW, "--attach", str(weird), root=launched)
    # kept under a name every system can check out (":" names a drive or a stream on Windows)
    assert [p.name for p in (launched / "models" / "MH-2025-001").rglob("*a-b.pdf")] == ["15-a-b.pdf"]


def test_the_read_cache_is_data_and_a_corrupt_one_is_rebuilt(launched):
    import sqlite3

    git_dir = launched / ".git" / "antt"
    (git_dir).mkdir(exist_ok=True)
    (git_dir / "cases.json").write_text("{}", encoding="utf-8")  # an older antt's: removed, never read
    ok("status", root=launched)
    assert not (git_dir / "cases.pickle").exists() and not (git_dir / "cases.json").exists()
    cache = git_dir / "cases.sqlite"
    with sqlite3.connect(cache) as db:
        rows = dict(db.execute("SELECT blob, data FROM digests"))
    assert rows and all(json.loads(data)["id"] for data in rows.values())
    first = ok("--json", "status", root=launched).stdout
    for junk in (b"\x80\x04\x95 not a database", b"SQLite format 3\x00" + b"\xff" * 200, b""):
        cache.write_bytes(junk)
        assert ok("--json", "status", root=launched).stdout == first
    for damage in ("UPDATE meta SET value='999'", "UPDATE digests SET data='garbage'",
                   "UPDATE digests SET data='{\"id\": 1}'", "DROP TABLE digests"):
        with sqlite3.connect(cache) as db:
            db.execute(damage)
        assert ok("--json", "status", root=launched).stdout == first


def test_one_bad_case_is_one_row_of_status(launched):
    _hand_edit(launched, "models/MH-2025-002/case.yaml", "id: MH-2025-002\nkind: [unclosed\n")
    result = antt("status", root=launched)
    assert result.exit_code == 1, result
    assert "MH-2025-001" in result.stdout
    assert "MH-2025-002" in result.stdout + result.stderr and "case.yaml:" in result.stdout + result.stderr
    result = antt("--json", "status", root=launched)
    assert result.exit_code == 1, result
    rows = json.loads(result.stdout)
    rows = rows["cases"] if isinstance(rows, dict) else rows
    assert {r["id"] for r in rows} == {"MH-2025-001", "MH-2025-002"}
    bad = next(r for r in rows if r["id"] == "MH-2025-002")
    assert "case.yaml:" in bad["error"]


@pytest.mark.parametrize("code", [0x202A, 0x202E, 0x2066, 0x2069, 0x200B, 0x200D, 0x2060, 0xFEFF])
def test_hygiene_refuses_and_escapes_invisible_characters(code):
    from antt_cli.hygiene import problem, safe

    text = f"Tổ{chr(code)}A"
    assert problem(text) == ("store.problem.invisible", {"code": f"U+{code:04X}"})
    assert problem(text, free_text=True) is not None
    assert safe(text) == f"Tổ\\u{code:04x}A"
    assert problem("Tổ tự quản\u00a0A") is None  # a no-break space is text, not hidden


@pytest.mark.parametrize("line, ok_", [("x: 1000000000000", True), ("x: 1000000000001", False),
                                      ("x: -.inf", False), ("x: .nan", False), ("x: 1e12", True),
                                      ("x: 2099-12-31", True), ("x: 2100-01-01", False), ("x: 1999-12-31", False),
                                      ("x: '9999-12-31'", True), ("x: 0x10", True), ("x: 1_000", True),
                                      ("x: " + "9" * 30, False)])
def test_yaml_numbers_and_dates_bounds(line, ok_):
    from antt_cli.errors import AnttError
    from antt_cli.store.yamlio import parse_yaml

    if ok_:
        parse_yaml((line + "\n").encode(), "f.yaml")
    else:
        with pytest.raises(AnttError) as err:
            parse_yaml((line + "\n").encode(), "f.yaml")
        assert err.value.key == "store.yaml_out_of_range" and err.value.params["line"] == 1
