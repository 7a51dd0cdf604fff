"""One error type that carries a user-facing sentence (pre-commit's error_handler idea).

Raised anywhere below the CLI with a catalogue key and parameters; the CLI catches it once,
prints the sentence in the user's language to stderr and exits with `exit_code`.
"""
from __future__ import annotations


class AnttError(Exception):
    """A refusal or failure the user can fix: exit 1 unless stated otherwise."""

    exit_code = 1

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        from antt_cli.i18n import t

        return t(self.key, **self.params)

    def __str__(self) -> str:  # readable in tracebacks and test failures
        try:
            return self.message()
        except Exception:  # pragma: no cover - never hide the original error
            return f"{self.key} {self.params}"


class AnttUsageError(AnttError):
    """A value on the command line that does not parse: exit 2."""

    exit_code = 2


class AnttRefusal(AnttError):
    """A refusal whose sentence is followed by several problems, one line each (`antt adopt`:
    every problem of a sheet, docs/commands.md). Exit 1."""

    def __init__(self, key: str, lines: list[str], /, **params: object) -> None:
        super().__init__(key, **params)
        self.lines = list(lines)
