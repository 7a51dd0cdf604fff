"""The user guide (docs/huong-dan-su-dung.md, `antt help huong-dan`) stays true: every command of
its `bash` blocks is run in order in a temporary folder, through the real CLI, without a
terminal, and must succeed; its `csv NAME` blocks are written to NAME first. The first dossier
(section 2) is checked on its own, then the whole story's final state.

The guide's own convention (its last lines): `bash` blocks are run, `sh`, `powershell` and
`text` blocks are only read."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from conftest import REPO, antt, git

GUIDE = REPO / "docs" / "huong-dan-su-dung.md"
FIRST_DOSSIER = "## 2. Hồ sơ đầu tiên"


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) of each `## ` section, in order."""
    parts = re.split(r"(?m)^(## .*)$", text)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def _blocks(body: str) -> list[tuple[str, str, str]]:
    """(language, the rest of the info string, content) of each fenced block."""
    found, lines, i = [], body.splitlines(), 0
    while i < len(lines):
        opening = lines[i].strip()
        if opening.startswith("```") and len(opening) > 3:
            info = opening[3:].split(None, 1)
            j = i + 1
            while lines[j].strip() != "```":
                j += 1
            indent = len(lines[i]) - len(lines[i].lstrip())
            content = "\n".join(line[indent:] for line in lines[i + 1:j])
            found.append((info[0], info[1] if len(info) > 1 else "", content))
            i = j
        i += 1
    return found


def _commands(script: str) -> list[list[str]]:
    """A bash block as argument lists: `\\` continuations joined, blank lines skipped."""
    joined = re.sub(r"\\\n\s*", " ", script)
    return [shlex.split(line) for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class Reader:
    """Runs a guide's blocks the way an officer would type them."""

    def __init__(self, folder: Path, monkeypatch) -> None:
        self.monkeypatch = monkeypatch
        monkeypatch.chdir(folder)
        self.ran: list[list[str]] = []

    def run_section(self, body: str) -> None:
        for language, rest, content in _blocks(body):
            if language == "csv":
                assert rest, "a csv block of the guide names the file it is saved as"
                Path(rest).write_text(content + "\n", encoding="utf-8")
            elif language == "bash":
                for argv in _commands(content):
                    self.run(argv)

    def run(self, argv: list[str]) -> None:
        if argv[0] == "export":
            name, _, value = argv[1].partition("=")
            self.monkeypatch.setenv(name, value)
        elif argv[0] == "cd":
            self.monkeypatch.chdir(argv[1])
        else:
            assert argv[0] == "antt", f"the guide runs only antt, cd and export: {argv}"
            if argv[1] == "accept":
                _edit_in_word(Path.cwd(), argv[2], argv[3])
            result = antt(*argv[1:])
            assert result.exit_code == 0, (shlex.join(argv), result)
        self.ran.append(argv)


def _edit_in_word(root: Path, case_id: str, kind: str) -> None:
    """What the guide asks the officer to do before `antt accept`: fill a blank in Word, save."""
    import docx

    (path,) = root.glob(f"models/{case_id}/docs/*-{kind}.docx")
    document = docx.Document(str(path))
    document.add_paragraph("Thư ký: Võ Văn Sáu")
    document.save(str(path))


def _status(root: Path, case_id: str) -> dict:
    result = antt("--json", "status", case_id, root=root)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


@pytest.fixture
def sections() -> list[tuple[str, str]]:
    found = _sections(GUIDE.read_text(encoding="utf-8"))
    assert [h for h, _ in found].count(FIRST_DOSSIER) == 1
    return found


def test_first_dossier_then_the_whole_guide(tmp_path, monkeypatch, sections):
    reader = Reader(tmp_path, monkeypatch)
    names = [h for h, _ in sections]
    first = names.index(FIRST_DOSSIER)
    reader.run_section(sections[first][1])

    # Section 2 alone: a dossier outside any clone, its bodies, one model with its first document.
    commands = [argv[1] for argv in reader.ran if argv[0] == "antt"]
    assert commands[:2] == ["init", "bodies"] and {"new-model", "record", "status", "next", "history"} <= set(commands)
    root = tmp_path / "ho-so"
    assert Path.cwd() == root and (root / "antt.yaml").is_file()
    assert (root / "models" / "MH-2025-001" / "docs" / "01-survey-plan.docx").is_file()
    assert int(git(root, "rev-list", "--count", "HEAD")) == 6  # init, 3 bodies, new-model, record
    assert git(root, "status", "--porcelain") == ""
    first_status = _status(root, "MH-2025-001")
    assert first_status["status"] == "building" and first_status["step"] == 1

    for heading, body in sections[first + 1:]:
        reader.run_section(body)

    # The whole story: the model rated Tốt, replicated, closed; the exemplar recognized.
    closed = _status(root, "MH-2025-001")
    assert closed["status"] == "closed"
    assert _status(root, "MH-2026-001")["status"] == "building"
    assert _status(root, "DH-2025-001")["status"] == "recognized"
    assert git(root, "status", "--porcelain") == ""
    check = antt("check", root=root)
    assert check.exit_code == 0, check
    assert len(reader.ran) > 50


def test_every_runnable_block_is_run(sections):
    """Nothing runnable hides in another fence: an `antt` line appears only in bash blocks or
    in blocks the guide marks as for reading."""
    for heading, body in sections:
        for language, _, content in _blocks(body):
            assert language in ("bash", "csv", "sh", "powershell", "text"), (heading, language)


def test_guide_is_the_help_topic():
    result = antt("help", "huong-dan")
    assert result.exit_code == 0 and GUIDE.read_text(encoding="utf-8") in result.stdout
