"""Vietnamese to the last word (docs/commands.md "Global"): Click's and typer's own words go
through the catalogue (cli/click_vi.py); `-h` is `--help`; a typo gets one "có phải … không?";
dates print dd/mm/yyyy and numbers with a decimal comma under vi, ISO and a point under en and
in --json; kinds are named by their titles under vi."""
from __future__ import annotations

import datetime as dt
import json
import re

import click
import pytest
import typer

from conftest import antt, ok, refused

# Click's and typer's English, word by word (what the help pages and refusals printed before).
ENGLISH = ("Usage", "Options", "Commands", "Arguments", "Show", "message", "exit", "Error", "Invalid",
           "value", "Missing", "argument", "option", "Did you mean", "Try", "for help", "required",
           "default", "No such", "unexpected", "extra", "Got", "TEXT", "INTEGER", "COMMAND", "ARGS",
           "Aborted", "is not one of", "does not")
ENGLISH_RE = re.compile(r"(?<![-\w])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![-\w])")


def english_words(text: str) -> list[str]:
    return ENGLISH_RE.findall(text)


def command_paths() -> list[tuple[str, ...]]:
    """Every command and sub-command of the app, found by walking it (not a hand list)."""
    from antt_cli.cli.app import build_app

    paths: list[tuple[str, ...]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))

    walk(typer.main.get_command(build_app()), ())
    return paths


def test_the_walk_finds_groups_and_their_commands():
    paths = command_paths()
    assert () in paths and ("record",) in paths and ("bodies", "add") in paths
    assert len(paths) > 20


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "antt")
def test_every_help_page_is_vietnamese(path):
    long = antt(*path, "--help")
    short = antt(*path, "-h")
    assert long.exit_code == 0 and short.exit_code == 0, (long, short)
    assert short.stdout == long.stdout
    assert long.stdout.startswith("Cách dùng: ") and "Tùy chọn:" in long.stdout
    assert "-h, --help" in long.stdout
    assert english_words(long.stdout) == [], long.stdout


@pytest.mark.parametrize("args, code, says", [
    (("record",), 2, "Thiếu tham số 'ID'."),
    (("status", "--date", "31/02/2026"), 2, "Giá trị của '--date' không hợp lệ"),
    (("status", "--foo"), 2, "Không có tùy chọn '--foo'."),
    (("recor", "MH-2026-001"), 2, "Không có lệnh 'recor'. Có phải 'record' không?"),
    (("status", "MH-2026-001", "thua"), 2, "Thừa tham số không dùng đến (thua)."),
    (("new-model", "Tổ tự quản"), 2, "Thiếu tùy chọn '--area'."),
    (("rate", "MH-2026-001", "--year", "hai"), 2, "'hai' không phải số hợp lệ."),
    (("--lang", "fr", "status"), 2, "'fr' không phải một trong 'vi', 'en'."),
    (("bodies", "ad"), 2, "Có phải 'add' không?"),
    (("bodies",), 2, " bodies [TÙY CHỌN] LỆNH [THAM SỐ]..."),
])
def test_refusals_are_vietnamese(dossier, args, code, says):
    result = refused(dossier, *args, code=code)
    text = result.stdout + result.stderr
    assert says in text, result
    assert english_words(text) == [], text


def test_a_typo_is_answered_once():
    result = antt("recor")
    assert result.exit_code == 2
    assert result.stderr.count("Có phải") == 1, result
    assert "Lỗi: Không có lệnh 'recor'. Có phải 'record' không?" in result.stderr
    assert " --help' để biết cách dùng." in result.stderr


def test_english_keeps_clicks_own_words():
    result = antt("--lang", "en", "recor", lang="en")
    assert "Error: No such command 'recor'. Did you mean 'record'?" in result.stderr
    assert result.stderr.count("Did you mean") == 1
    assert " [OPTIONS] COMMAND [ARGS]..." in result.stderr and "Usage: " in result.stderr
    page = antt("--lang", "en", "record", "-h", lang="en").stdout
    assert " record [OPTIONS] ID [KIND]" in page and "Show this message and exit." in page
    assert "--issuer TEXT" in page and "[required]" in page
    assert {"Usage", "Options", "Show", "message", "exit", "TEXT", "required"} <= set(english_words(page))


# -- dates, numbers and kinds in what the commands print ---------------------------------------
def test_t_writes_dates_and_floats_as_the_language_does():
    from antt_cli.i18n import set_lang, t

    day = dt.date(2026, 1, 5)
    try:
        set_lang("vi")
        assert t("cli.bad_date", value=day).startswith("'05/01/2026'")
        assert t("cli.next.number", number=66.666) == "số 66,666"  # no spec: every digit it holds
        assert t("cli.bodies.add.done", name=12.5) == "Đã thêm cơ quan 12,5"
        assert t("cli.bodies.add.done", name=3.0) == "Đã thêm cơ quan 3"
        set_lang("en")
        assert t("cli.bad_date", value=day).startswith("'2026-01-05'")
        assert t("cli.bodies.add.done", name=12.5) == "Added body 12.5"
    finally:
        set_lang(None)


def test_number_text_rounds_and_swaps_the_marks():
    from antt_cli.i18n import number_text, set_lang

    try:
        set_lang("vi")
        assert [number_text(v, s) for v, s in [(66.666, ".1f"), (0.0, ".1f"), (1234.5, ",.1f")]] == \
            ["66,7", "0,0", "1.234,5"]
        set_lang("en")
        assert number_text(1234.5, ",.1f") == "1,234.5"
    finally:
        set_lang(None)


def test_refusal_dates_are_dd_mm_yyyy(dossier):
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2026-01-02",
       root=dossier)
    vi = refused(dossier, "record", "MH-2026-001", "survey-plan", "--date", "2026-01-01", "--number", "auto",
                 "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2026-01-06")
    assert "01/01/2026" in vi.stderr and "02/01/2026" in vi.stderr and "2026-01-0" not in vi.stderr
    en = antt("--lang", "en", "record", "MH-2026-001", "survey-plan", "--date", "2026-01-01", "--number", "auto",
              "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2026-01-06", root=dossier, lang="en")
    assert en.exit_code == 1 and "2026-01-01" in en.stderr and "01/01/2026" not in en.stderr


def test_amend_names_the_kind_by_its_title(launched):
    root, case_id = launched, "MH-2025-001"
    done = ok("amend", case_id, "survey-plan", "--number", "09/KH-CAX", "--reason", "Ghi nhầm số", root=root)
    assert "Đã đính chính Kế hoạch khảo sát" in done.stdout and "survey-plan" not in done.stdout
    en = antt("--lang", "en", "amend", case_id, "survey-plan", "--number", "10/KH-CAX", "--reason", "x",
              root=root, lang="en")
    assert en.exit_code == 0 and "Corrected survey-plan" in en.stdout


def test_status_prints_dates_rates_and_what_is_due_in_vietnamese(launched):
    root, case_id = launched, "MH-2025-001"
    progress = ok("progress", case_id, "--year", "2026", "--target", "Tuần tra", "--achieved", "12.5",
                  "--date", "2026-03-01", root=root).stdout
    assert re.search(r"\d+,\d %", progress), progress  # 12.5 of 48: the rate with a decimal comma
    detail = ok("status", case_id, root=root).stdout
    assert "12,5" in detail and "≥ 48" in detail
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", detail), detail
    assert re.search(r"\b\d\d/\d\d/20\d\d\b", detail)
    assert not re.search(r"\d\.\d %", detail), detail
    due_line = next(line for line in detail.splitlines() if line.startswith("Hạn kế tiếp"))
    assert not re.search(r"[a-z]+-[a-z]+", due_line.split("—", 1)[1]), due_line  # no slug, no "6-month"
    table = ok("status", root=root).stdout
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", table), table
    data = json.loads(ok("status", case_id, "--json", root=root).stdout)
    assert re.fullmatch(r"20\d\d-\d\d-\d\d", data["documents"][0]["date"])
    en = antt("--lang", "en", "status", case_id, root=root, lang="en").stdout
    assert re.search(r"\b20\d\d-\d\d-\d\d\b", en) and "12.5" in en and re.search(r"\d+\.\d %", en)


def test_the_entry_point_speaks_vietnamese_too():
    """`python -m antt_cli` (the installed `antt` runs the same cli/start.py `main`)."""
    from conftest import antt_process

    page = antt_process("-h")
    assert page.returncode == 0 and page.stdout.startswith("Cách dùng: antt [TÙY CHỌN] LỆNH [THAM SỐ]...")
    typo = antt_process("statu")
    assert typo.returncode == 2 and typo.stderr.count("Có phải 'status' không?") == 1, typo.stderr
    english = antt_process("--lang", "en", "statu")
    assert "Did you mean 'status'?" in english.stderr and english.stderr.count("Did you mean") == 1
