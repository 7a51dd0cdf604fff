"""`antt history [ID]` through the real CLI (docs/commands.md): the whole dossier or one case,
`--since`, `--officer`, `--kind`, times in the dossier's time zone, the action in words, the
document's date, an amendment's reason and old values, the JSON shape — and the commit's
author, the officer who ran the command (docs/commands.md "Global")."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import antt, git, ok, refused

SURVEY_PLAN = ["survey-plan", "--date", "2025-09-03", "--number", "auto", "--approved-by", "Đảng ủy xã Hàm Thuận",
               "--approved-date", "2025-09-05"]


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    """A page wide enough that no cell wraps (the table's words are read back whole)."""
    monkeypatch.setenv("COLUMNS", "400")


def _at(monkeypatch, when: str) -> None:
    """The next commits are made at `when` (git's own date variables)."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", when)
    monkeypatch.setenv("GIT_COMMITTER_DATE", when)


def _history(root: Path, *args: str) -> list[dict]:
    return json.loads(ok("--json", "history", *args, root=root).stdout)


def _flat(text: str) -> str:
    """A rich table's text with its borders and wrapping taken out."""
    return " ".join(text.replace("│", " ").replace("┃", " ").split())


@pytest.fixture
def worked(dossier, monkeypatch) -> Path:
    """A model opened, its survey plan recorded by another officer and amended, a survey
    report recorded late in the evening (UTC) of 01/03/2031 — already 02/03 in Việt Nam. The
    dates lie after any clock the base dossier was built at, so that `--since` can split them."""
    _at(monkeypatch, "2031-02-20T08:00:00+00:00")
    ok("new-model", "Tổ tự quản thôn Lâm Giáo", "--area", "Thôn Lâm Giáo", "--date", "2025-09-01", root=dossier)
    ok("record", "MH-2025-001", *SURVEY_PLAN, "--officer", "Trần Thị Bình", root=dossier)
    _at(monkeypatch, "2031-03-01T16:59:00+00:00")
    ok("amend", "MH-2025-001", "survey-plan", "--number", "07/KH-CAX", "--date", "2025-09-04",
       "--reason", "Ghi nhầm số", root=dossier)
    _at(monkeypatch, "2031-03-01T23:30:00+00:00")
    ok("record", "MH-2025-001", "survey-report", "--date", "2025-09-20", "--number", "auto", root=dossier)
    monkeypatch.delenv("GIT_AUTHOR_DATE")
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    return dossier


def test_whole_dossier_history(worked):
    rows = _history(worked)
    assert [r["action"] for r in rows] == ["init", "bodies add", "bodies add", "bodies add", "new-model",
                                           "record survey-plan", "amend survey-plan", "record survey-report"]
    assert [r["case"] for r in rows][:4] == [None] * 4 and rows[-1]["case"] == "MH-2025-001"
    shown = _flat(ok("history", root=worked).stdout)
    assert "Khởi tạo hồ sơ" in shown and "Thêm cơ quan ban hành" in shown and "Mở hồ sơ mô hình" in shown
    assert "Ghi nhận: Kế hoạch khảo sát" in shown and "Đính chính: Kế hoạch khảo sát" in shown
    assert "record survey-plan" not in shown and "Hồ sơ" in shown  # the case column, dossier-wide
    english = _flat(antt("history", root=worked, lang="en").stdout)
    assert "Recorded: survey-plan" in english and "Amended: survey-plan" in english


def test_case_history_rows(worked):
    rows = _history(worked, "mh-2025-001")
    assert [r["action"] for r in rows] == ["new-model", "record survey-plan", "amend survey-plan",
                                           "record survey-report"]
    assert [r["document_date"] for r in rows] == [None, "2025-09-03", "2025-09-04", "2025-09-20"]
    assert [r["kind"] for r in rows] == [None, "survey-plan", "survey-plan", "survey-report"]
    shown = _flat(ok("history", "MH-2025-001", root=worked).stdout)
    assert "03/09/2025" in shown and "20/09/2025" in shown and "2025-09-03" not in shown


def test_amend_reason_and_old_values(worked):
    amend = _history(worked, "MH-2025-001")[2]
    assert amend["reason"] == "Ghi nhầm số"
    assert amend["old"] == {"number": "01/KH-CAX", "date": "2025-09-03"}
    assert amend["trailers"]["Antt-Old-Number"] == ["01/KH-CAX"]
    shown = _flat(ok("history", "MH-2025-001", root=worked).stdout)
    assert "Lý do: Ghi nhầm số" in shown
    assert "Giá trị cũ: số 01/KH-CAX; ngày 03/09/2025" in shown
    english = _flat(antt("history", "MH-2025-001", root=worked, lang="en").stdout)
    assert "Reason: Ghi nhầm số" in english and "Old values: number 01/KH-CAX; date 2025-09-03" in english


def test_times_in_the_dossier_time_zone(worked):
    report = _history(worked, "MH-2025-001")[-1]
    assert report["date"] == "2031-03-02T06:30:00+07:00"  # 23:30 UTC is 06:30 next day in Việt Nam
    shown = _flat(ok("history", "MH-2025-001", root=worked).stdout)
    assert "02/03/2031 06:30" in shown and "Asia/Ho_Chi_Minh" in shown
    profile = worked / "antt.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("timezone: Asia/Ho_Chi_Minh", "timezone: UTC"),
                       encoding="utf-8")
    assert _history(worked, "MH-2025-001")[-1]["date"] == "2031-03-01T23:30:00+00:00"
    assert "01/03/2031 23:30" in _flat(ok("history", "MH-2025-001", root=worked).stdout)
    profile.write_text(profile.read_text(encoding="utf-8").replace("timezone: UTC", "timezone: Sao Hỏa/Olympus"),
                       encoding="utf-8")
    result = refused(worked, "history", contains="Sao Hỏa/Olympus")
    assert "Asia/Ho_Chi_Minh" in result.stderr


def test_no_timezone_key_means_viet_nam(worked):
    profile = worked / "antt.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text("".join(line for line in text.splitlines(keepends=True) if not line.startswith("timezone:")),
                       encoding="utf-8")
    assert _history(worked, "MH-2025-001")[-1]["date"].endswith("+07:00")


def test_since_is_a_day_in_the_dossier_time_zone(worked):
    since = _history(worked, "--since", "2031-03-02")
    assert [r["action"] for r in since] == ["record survey-report"]  # 16:59 UTC on 01/03 is 23:59 there
    assert [r["action"] for r in _history(worked, "--since", "01/03/2031")] == [
        "amend survey-plan", "record survey-report"]
    assert _history(worked, "MH-2025-001", "--since", "2031-03-03") == []
    assert "Không có thay đổi nào khớp" in ok("history", "--since", "2031-03-03", root=worked).stdout
    refused(worked, "history", "--since", "31/02/2031", code=2)


def test_officer_filter_ignores_case_and_diacritics(worked):
    rows = _history(worked, "--officer", "tran thi binh")
    assert [r["action"] for r in rows] == ["record survey-plan"] and rows[0]["officer"] == "Trần Thị Bình"
    assert len(_history(worked, "--officer", "NGUYỄN VĂN KIỂM")) == 7
    assert _history(worked, "--officer", "Lê Văn") == []
    # a global --officer before the command names who runs it; it does not filter
    assert len(json.loads(ok("--json", "--officer", "Trần Thị Bình", "history", root=worked).stdout)) == 8


@pytest.mark.parametrize("typed", ["survey-plan", "Kế hoạch khảo sát", "ke hoach khao sat", "KẾ HOẠCH KH"])
def test_kind_filter_takes_the_kind_as_record_does(worked, typed):
    rows = _history(worked, "--kind", typed)
    assert [r["action"] for r in rows] == ["record survey-plan", "amend survey-plan"]
    assert [r["action"] for r in _history(worked, "MH-2025-001", "--kind", typed)] == [
        "record survey-plan", "amend survey-plan"]


def test_kind_filter_refusals(worked):
    result = refused(worked, "history", "--kind", "survey-plna", code=2)
    assert "survey-plan" in result.stderr and "có phải" in result.stderr
    refused(worked, "history", "--kind", "zzzzzz", code=2)
    assert _history(worked, "--kind", "launch") == []


def test_filters_combine(worked):
    rows = _history(worked, "MH-2025-001", "--kind", "survey-plan", "--officer", "kiem", "--since", "2031-03-01")
    assert [r["action"] for r in rows] == ["amend survey-plan"]


def test_json_shape(worked):
    row = _history(worked, "MH-2025-001")[1]
    assert set(row) == {"sha", "date", "officer", "author", "email", "case", "action", "kind", "document_date",
                        "summary", "reason", "old", "late", "forced", "renumbered_from", "trailers"}
    assert len(row["sha"]) == 40 and row["date"] == "2031-02-20T15:00:00+07:00"
    assert row["action"] == "record survey-plan" and row["kind"] == "survey-plan"
    assert row["reason"] is None and row["old"] == {} and row["summary"].startswith("[MH-2025-001] ")


def test_unknown_case_refused(worked):
    refused(worked, "history", "MH-2025-077", contains="MH-2025-077")


def test_a_refused_case_history_stops_the_git_log_it_began(worked, monkeypatch):
    """`history ID` begins its `git log` before reading antt.yaml (services/history.py); a
    refusal found meanwhile stops that git and waits for it: no process is left behind."""
    from antt_cli.audit import git as gitq

    stopped = []
    cancel = gitq.PendingLog.cancel

    def spy(self):
        cancel(self)
        stopped.append(self._started.returncode)

    monkeypatch.setattr(gitq.PendingLog, "cancel", spy)
    profile = worked / "antt.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("timezone: Asia/Ho_Chi_Minh", "timezone: Hỏa/Tinh"),
                       encoding="utf-8")
    refused(worked, "history", "MH-2025-001", contains="Hỏa/Tinh")
    assert len(stopped) == 1 and stopped[0] is not None  # reaped


def test_history_reads_only_the_case_folder(worked):
    """A path-limited log: a commit that names the case but does not touch its folder is not
    read (docs/commands.md: the case's own commits)."""
    git(worked, "commit", "-q", "--allow-empty", "-m", "ghi chú\n\nAntt-Case: MH-2025-001\nAntt-Action: record launch")
    assert [r["action"] for r in _history(worked, "MH-2025-001")][-1] == "record survey-report"
    assert _history(worked)[-1]["action"] == "record launch"  # dossier-wide it is there


# -- who the commit's author is (docs/commands.md "Global") -------------------------------
def _last(root: Path) -> tuple[str, str]:
    author = git(root, "log", "-1", "--format=%an <%ae>").strip()
    trailer = git(root, "log", "-1", "--format=%(trailers:key=Antt-Officer,valueonly)").strip()
    return author, trailer


def test_author_from_the_dossier_git_user_set_by_init(dossier):
    assert git(dossier, "config", "--local", "user.name").strip() == "Nguyễn Văn Kiểm"
    ok("new-model", "M", "--area", "Thôn 1", "--date", "2025-09-01", root=dossier)
    assert _last(dossier) == ("Nguyễn Văn Kiểm <kiemthu@antt.invalid>", "Nguyễn Văn Kiểm")


def test_author_from_git_identity_over_the_profile(dossier):
    git(dossier, "config", "--local", "--unset", "user.name")
    assert "officer: Nguyễn Văn Kiểm" in (dossier / "antt.yaml").read_text(encoding="utf-8")
    ok("new-model", "M", "--area", "Thôn 1", "--date", "2025-09-01", root=dossier)
    assert _last(dossier) == ("Cán bộ Kiểm thử <kiemthu@antt.invalid>", "Cán bộ Kiểm thử")


@pytest.mark.parametrize("before", [True, False])
def test_author_from_the_officer_option(dossier, monkeypatch, before):
    monkeypatch.setenv("ANTT_OFFICER", "Lê Văn Cường")  # the option wins over the variable
    args = ["new-model", "M", "--area", "Thôn 1", "--date", "2025-09-01"]
    args = ["--officer", "Trần Thị Bình", *args] if before else [*args, "--officer", "Trần Thị Bình"]
    ok(*args, root=dossier)
    assert _last(dossier) == ("Trần Thị Bình <kiemthu@antt.invalid>", "Trần Thị Bình")
    ok("new-model", "N", "--area", "Thôn 2", "--date", "2025-09-01", root=dossier)
    assert _last(dossier) == ("Lê Văn Cường <kiemthu@antt.invalid>", "Lê Văn Cường")  # not remembered


def test_author_from_antt_officer(dossier, monkeypatch):
    monkeypatch.setenv("ANTT_OFFICER", "  Lê   Văn Cường ")
    ok("bodies", "add", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hàm Thuận", "--code", "MTTQ", root=dossier)
    assert _last(dossier) == ("Lê Văn Cường <kiemthu@antt.invalid>", "Lê Văn Cường")


def test_author_from_the_profile_when_git_has_no_name(dossier, monkeypatch, tmp_path):
    empty = tmp_path / "empty-gitconfig"
    empty.write_text("")
    git(dossier, "config", "--local", "--unset", "user.name")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    ok("new-model", "M", "--area", "Thôn 1", "--date", "2025-09-01", root=dossier)
    assert _last(dossier) == ("Nguyễn Văn Kiểm <antt@localhost>", "Nguyễn Văn Kiểm")
    # no name anywhere: refused, nothing changed, the refusal names --officer
    profile = dossier / "antt.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("officer: Nguyễn Văn Kiểm", "officer:"),
                       encoding="utf-8")
    git(dossier, "-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qam", "bỏ cán bộ")
    result = refused(dossier, "new-model", "N", "--area", "Thôn 2", "--date", "2025-09-01")
    assert "--officer" in result.stderr and "ANTT_OFFICER" in result.stderr
    ok("--officer", "Trần Thị Bình", "new-model", "N", "--area", "Thôn 2", "--date", "2025-09-01", root=dossier)
    assert _last(dossier) == ("Trần Thị Bình <antt@localhost>", "Trần Thị Bình")


def test_init_officer_option_stays_init_own(tmp_path):
    root = tmp_path / "ho-so"
    ok("init", root, "--unit", "Công an xã A", "--province", "Lâm Đồng", "--officer", "Đỗ Văn Em")
    assert "officer: Đỗ Văn Em" in (root / "antt.yaml").read_text(encoding="utf-8")
    assert _last(root) == ("Đỗ Văn Em <kiemthu@antt.invalid>", "Đỗ Văn Em")
    assert git(root, "config", "--local", "user.name").strip() == "Đỗ Văn Em"


def test_document_date_of_commits_without_the_trailer(worked, monkeypatch):
    """A dossier kept before antt wrote Antt-Kind and Antt-Document-Date: the date comes from
    the case's record — as first recorded, for the commit that recorded it."""
    monkeypatch.setenv("FILTER_BRANCH_SQUELCH_WARNING", "1")
    git(worked, "filter-branch", "-f", "--msg-filter", "grep -v -e '^Antt-Kind:' -e '^Antt-Document-Date:'")
    rows = _history(worked, "MH-2025-001")
    assert not any("Antt-Document-Date" in r["trailers"] or "Antt-Kind" in r["trailers"] for r in rows)
    assert [r["document_date"] for r in rows] == [None, "2025-09-03", "2025-09-04", "2025-09-20"]
    assert [r["kind"] for r in rows] == [None, "survey-plan", "survey-plan", "survey-report"]


def test_times_without_a_system_time_zone_database(worked, tmp_path):
    """Windows and minimal Linux images have no /usr/share/zoneinfo: the `tzdata` package
    (a dependency of antt) supplies the zone."""
    from conftest import antt_process

    empty = tmp_path / "no-zoneinfo"
    empty.mkdir()
    done = antt_process("--dossier", str(worked), "--json", "history", "MH-2025-001",
                        env={"PYTHONTZPATH": str(empty)})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[-1]["date"] == "2031-03-02T06:30:00+07:00"


@pytest.mark.parametrize("text, width", [
    ("MH-2025-001", 11), ("Nguyễn Văn Kiểm", 15), ("Đảng ủy xã Hàm Thuận", 20),
    ("số 05/BC-CAX – 2025", 19),        # an en dash: one column
    ("a\u0301", 1),                     # a combining acute: none
    ("漢字", 4), ("ＡＢ", 4),            # wide and fullwidth: two each
    ("", 0),
])
def test_the_width_a_cell_takes(text, width):
    """The history table's columns line up (cli/history_cmd.py `_width`)."""
    from antt_cli.cli.history_cmd import _width

    assert _width(text) == width
