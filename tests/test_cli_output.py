"""What commands print and write, beyond the rules: the YAML they write, the notices and
status lines they print, the default places of the files they write outside the dossier."""
from __future__ import annotations

from pathlib import Path

from conftest import PLAN, build_steps, new_model, ok


def test_case_file_has_no_yaml_anchors_or_aliases(dossier):
    # The same date object written twice (a survey plan approved the day it is dated; the
    # annual plan's record and its `plans:` entry) must be written out twice, not as &id/*id.
    case_id = new_model(dossier, linked=False)
    ok("record", case_id, "survey-plan", "--date", "2025-09-05", "--number", "auto",
       "--approved-by", "Đảng ủy xã Hàm Thuận", "--approved-date", "2025-09-05", root=dossier)
    for step in build_steps(False)[1:]:
        ok("record", case_id, *step, root=dossier)
    ok("plan", case_id, *PLAN, root=dossier)
    text = (dossier / "models" / case_id / "case.yaml").read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    assert text.count("2025-10-30") >= 2
