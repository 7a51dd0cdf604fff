"""`antt demo`'s documents are byte-identical to the recorded ones (tests/data/demo_docs.sha256):
a change to `documents/` that alters a generated letter shows here. The demo fixes its own
today (sample_dossier/scenario.yaml), so the bytes do not depend on the test's clock.

The fixture lists the documents the demo made when it was recorded; a later demo may make more
(they are not compared), but every listed one must still exist with the same bytes."""
from __future__ import annotations

import hashlib
from pathlib import Path


FIXTURE = Path(__file__).parent / "data" / "demo_docs.sha256"


def _recorded() -> dict[str, str]:
    rows = (line.split(maxsplit=1) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip())
    return {path.strip(): digest for digest, path in rows}


def test_demo_documents_are_byte_identical(_demo_built):
    root = _demo_built[0]               # the session's `antt demo` (conftest.py); only read here
    recorded = _recorded()
    assert len(recorded) >= 32
    missing = sorted(p for p in recorded if not (root / p).is_file())
    assert not missing, f"the demo no longer makes {missing}"
    changed = sorted(p for p, digest in recorded.items()
                     if hashlib.sha256((root / p).read_bytes()).hexdigest() != digest)
    assert not changed, f"the demo's documents changed: {changed}"
