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
