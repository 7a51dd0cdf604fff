"""A meeting's minutes (biên bản, NĐ 30/2020 mẫu 1.8) take their time, place, chair and
secretary as fields — `--time`, `--end`, `--place`, `--chair`, `--secretary`,
`--secretary-title`, or the same keys with `--set` — and print them instead of "……"; a time
that is not HH:MM (24 h) is refused (exit 2) with the tree and HEAD unchanged."""
from __future__ import annotations

import docx
import pytest

from conftest import SAMPLE, build_steps, new_model, ok, refused


def _text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _up_to_consultation(root) -> tuple[str, list[str]]:
    case_id = new_model(root, linked=False)
    steps = build_steps(False)
    for step in steps[:5]:
        ok("record", case_id, *step, root=root)
    return case_id, ["consultation", "--date", "2025-10-15", "--members", str(SAMPLE / "members-lam-giao.csv")]


def test_consultation_prints_time_place_chair_secretary(dossier):
    case_id, consultation = _up_to_consultation(dossier)
    ok("record", case_id, *consultation, "--time", "8:00", "--end", "10:30", "--place", "Nhà văn hóa thôn Lâm Giáo",
       "--chair", "Phạm Văn Bình", "--secretary", "Nguyễn Thị Thu", "--secretary-title", "Cán bộ Công an xã",
       root=dossier)
    doc = next((dossier / "models" / case_id / "docs").glob("*consultation*.docx"))
    text = _text(doc)
    assert "vào hồi 08 giờ 00, ngày 15 tháng 10 năm 2025, tại Nhà văn hóa thôn Lâm Giáo" in text
    assert "Chủ trì: Phạm Văn Bình, Trưởng Công an xã." in text
    assert "Thư ký: Nguyễn Thị Thu, Cán bộ Công an xã." in text
    assert "vào hồi 10 giờ 30 cùng ngày" in text
    assert "……" not in text.split("II.")[0]  # the opening and the attendees' header are filled in
    case = (dossier / "models" / case_id / "case.yaml").read_text(encoding="utf-8")
    assert "time: 8:00" in case or "time: '8:00'" in case


def test_dots_when_not_given(launched):
    """A minute recorded without them keeps "……" for the officer to fill in (the launch)."""
    text = _text(next((launched / "models" / "MH-2025-001" / "docs").glob("*-launch.docx")))
    assert "vào hồi …… giờ ……" in text and "Thư ký: ……" in text
    assert "Chủ trì: Phạm Văn Bình, Trưởng Công an xã." in text  # the issuing body's head by default


def test_meeting_fields_by_set(dossier):
    """The same keys through --set (docs/commands.md)."""
    case_id, consultation = _up_to_consultation(dossier)
    ok("record", case_id, *consultation, "--set", "time=14:00", "--set", "location=Hội trường Công an xã",
       "--set", "secretary=Trần Văn Tư", root=dossier)
    text = _text(next((dossier / "models" / case_id / "docs").glob("*consultation*.docx")))
    assert "vào hồi 14 giờ 00, ngày 15 tháng 10 năm 2025, tại Hội trường Công an xã" in text
    assert "Thư ký: Trần Văn Tư." in text and "vào hồi …… giờ …… cùng ngày" in text


@pytest.mark.parametrize("option", [["--time", "25:00"], ["--time", "8h"], ["--end", "10:60"],
                                    ["--set", "time=08:00 sáng"], ["--set", "end=9"]])
def test_a_time_that_does_not_parse_is_refused(dossier, option):
    case_id, consultation = _up_to_consultation(dossier)
    result = refused(dossier, "record", case_id, *consultation, *option, code=2, contains="08:00")
    assert option[1].split("=")[-1] in result.stderr


def test_a_chair_who_is_not_the_head_needs_a_title(dossier):
    case_id, consultation = _up_to_consultation(dossier)
    refused(dossier, "record", case_id, *consultation, "--chair", "Lê Văn Tâm", contains="--signer-title")
    ok("record", case_id, *consultation, "--chair", "Lê Văn Tâm", "--signer-title", "Trưởng thôn Lâm Giáo",
       root=dossier)
    doc = next((dossier / "models" / case_id / "docs").glob("*consultation*.docx"))
    assert "Chủ trì: Lê Văn Tâm, Trưởng thôn Lâm Giáo." in _text(doc)
