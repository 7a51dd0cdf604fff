#!/usr/bin/env python3
"""Regenerate templates/<kind>.docx for every document kind (deterministic output).

Usage: python tools/build_templates.py [OUTDIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from antt_cli.documents.builder import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
