"""The `antt` entry point, kept tiny: it takes Ctrl-C over before anything heavy is imported.

Until a command starts running (click has parsed it), Ctrl-C has nothing to undo: this
handler prints one sentence and exits 130 at once — never a `KeyboardInterrupt` traceback
from the middle of an import (docs/reliability.md "Exit status"). `AnttGroup.invoke`
(cli/app.py) then hands Ctrl-C to the command (rollback, "already committed"), and once the
exit status is decided Ctrl-C is ignored, so that interpreter shutdown cannot turn it into
130. Nothing but the standard library is imported here.
"""
from __future__ import annotations

import os
import signal

INTERRUPTED = 130  # the shell's convention for SIGINT (128 + 2); docs/commands.md (cli/app.py too)


def interrupted_at_start(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    """Ctrl-C before the command runs: one sentence on stderr, exit 130, nothing written."""
    try:
        from antt_cli.i18n import t

        text = f"{t('cli.error')}: {t('cli.interrupted_at_start')}"
    except Exception:  # noqa: BLE001 - a half-imported catalogue: say it in English
        text = "Error: stopped on request (Ctrl-C) before anything was written; nothing was changed."
    try:
        os.write(2, (text + "\n").encode("utf-8", "backslashreplace"))
    except OSError:
        pass
    os._exit(INTERRUPTED)


def install() -> None:
    try:
        signal.signal(signal.SIGINT, interrupted_at_start)
    except (ValueError, OSError, AttributeError):  # not the main thread / no signals here
        pass


def main() -> None:
    install()
    import gc

    # Start-up makes objects that live as long as the process (modules, the app): no cycle
    # to collect, yet every collection would walk them. Collect nothing while importing,
    # then set them aside (gc.freeze) so that the command's own collections skip them.
    gc.disable()
    try:
        from antt_cli.cli.app import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()
