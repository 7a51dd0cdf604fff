"""The `antt` command: global options, one error handler, the command modules.

Help texts follow the language, so the app is built after `--lang` / ANTT_LANG is known.

Exit status (docs/commands.md "Global"): 0 success — also when printing the result failed after the
commit (closed or full stdout, an encoding the terminal lacks) or Ctrl-C came after it: a
warning names the commit; 1 refused or failed; 2 usage; 3 a bug, with the traceback in
`.git/antt/last-error.log` (the temp folder outside a dossier); 130 Ctrl-C before the
commit (cli/start.py takes Ctrl-C over before anything else is imported). 1, 3 and 130
mean nothing was changed: the transaction rolls back before the error reaches this
handler (docs/reliability.md "Exit status").
"""
from __future__ import annotations

import os
import sys
from typing import Optional

import click
import typer
from typer.core import TyperGroup

from antt_cli.cli.common import STATE
INTERRUPTED = 130  # Ctrl-C before the commit: the shell's convention (128 + SIGINT); cli/start.py too
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import LANGS, set_lang, t

# Options whose values are free text (tab and newline allowed); every other value is one line.
FREE_TEXT_OPTIONS = ("--set", "--reason")
# What each value on the command line is, for its length (domain/bounds.py MAX_LENGTH): free
# texts are paragraphs, codes and numbers a few letters, paths are the system's business;
# every other value (a name, an area, a person, a title, a target) is a name.
TEXT_VALUES = (*FREE_TEXT_OPTIONS, "TEXT")  # TEXT: the criterion of `antt criteria ID add KEY TEXT`
CODE_VALUES = ("--code", "--number")
PATH_VALUES = ("--output", "--dossier", "--members", "--attach", "PATH", "FILE")
_DEPTH = [0]  # AnttGroup.invoke nesting (`antt demo` runs the app inside the app)


def _commits() -> list[tuple[str, str]]:
    from antt_cli.services.session import commits_made

    return commits_made()


class AnttGroup(TyperGroup):
    """Catches every error once, at the top: one sentence on stderr and the exit status of
    docs/commands.md, never a failure after a commit was made."""

    def invoke(self, ctx: click.Context):
        commits = _commits()
        mark = len(commits)
        _DEPTH[0] += 1
        previous = _take_interrupts() if _DEPTH[0] == 1 else None
        try:
            try:
                if _DEPTH[0] == 1:
                    check_arguments(self, ctx)
                return super().invoke(ctx)
            except (click.exceptions.Exit, click.ClickException):
                raise
            except (KeyboardInterrupt, click.exceptions.Abort):
                if previous is not None:
                    _ignore_interrupts()  # a second Ctrl-C must not cut the report short
                made = commits[mark:]
                if made:
                    _notice_once(t("cli.interrupted_after_commit", sha=made[-1][0][:10], summary=made[-1][1]))
                    ctx.exit(0)
                _print_error(t("cli.interrupted_rolled_back"))
                _json_error(t("cli.interrupted_rolled_back"), INTERRUPTED)
                ctx.exit(INTERRUPTED)
            except SystemExit as exc:  # a library's own exit (rich's on a broken pipe), not click's
                made = commits[mark:]
                if made:
                    _warn_committed(made, f"SystemExit({exc.code!r})")
                    ctx.exit(0)
                raise
            except AnttError as exc:
                made = commits[mark:]
                if made and exc.exit_code != 2:
                    _warn_committed(made, exc.message())
                    ctx.exit(0)
                lines = list(getattr(exc, "lines", ()))   # AnttRefusal: one problem a line
                _print_error(exc.message(), lines=lines)
                _json_error("\n".join([exc.message(), *lines]), exc.exit_code)
                ctx.exit(exc.exit_code)
            except (OSError, UnicodeError, ValueError) as exc:
                made = commits[mark:]
                if made and _is_output_error(exc):
                    _warn_committed(made, _detail(exc))
                    ctx.exit(0)
                if _is_output_error(exc):
                    _print_error(t("cli.output_failed", detail=_detail(exc)))
                    ctx.exit(1)
                self._internal(ctx, exc, made)
            except Exception as exc:  # a bug: one sentence, the traceback in last-error.log
                self._internal(ctx, exc, commits[mark:])
        finally:
            _DEPTH[0] -= 1
            if _DEPTH[0] > 0:
                del commits[mark:]  # a nested run (demo) answered for its own commits
            elif previous is not None:
                _give_back_interrupts(previous)

    @staticmethod
    def _internal(ctx: click.Context, exc: BaseException, made: list[tuple[str, str]]) -> None:
        if os.environ.get("ANTT_DEBUG"):
            raise exc
        log = write_error_log(exc)
        detail = _detail(exc)
        if made:
            _print_error(t("cli.internal_after_commit", sha=made[-1][0][:10], summary=made[-1][1],
                           detail=detail, log=log), label="cli.notice")
            ctx.exit(0)
        _print_error(t("cli.internal", detail=detail, log=log))
        _json_error(t("cli.internal", detail=detail, log=log), 3)
        ctx.exit(3)

    def main(self, args=None, *rest, **kwargs):
        if args is not None:
            args = globals_first(list(args))
        from antt_cli.cli import click_vi

        click_vi.localize(self)
        return super().main(args, *rest, **kwargs)

    def list_commands(self, ctx):  # keep the order commands were added in (docs/commands.md order)
        return list(self.commands)


def _detail(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


def _is_output_error(exc: BaseException) -> bool:
    """A failure to print: an encoding the output lacks, a closed, broken or full stdout."""
    if isinstance(exc, UnicodeEncodeError):
        return True
    if isinstance(exc, BrokenPipeError):
        return True
    if isinstance(exc, OSError):
        import errno

        return exc.errno in (errno.ENOSPC, errno.EPIPE, errno.EBADF, errno.EIO)
    if isinstance(exc, ValueError):
        return "closed file" in str(exc)
    return False


_NOTICED: list[str] = []  # the commit notice, once per process (the handler and _finish may both see a failure)


def _notice_once(text: str) -> None:
    if not _NOTICED:
        _NOTICED.append(text)
        _print_error(text, label="cli.notice")


def _warn_committed(made: list[tuple[str, str]], detail: str) -> None:
    sha, summary = made[-1]
    _notice_once(t("cli.output_failed_after_commit", sha=sha[:10], summary=summary, detail=detail))


# -- Ctrl-C (docs/reliability.md "Exit status") ------------------------------------------------
_IN_MAIN = [False]  # run from the entry point (not in-process by a test runner)


def _take_interrupts():
    """While the command runs, Ctrl-C raises KeyboardInterrupt (rollback or "already
    committed"); before (cli/start.py) and after (main) it cannot change the outcome.
    Returns the handler to give back."""
    import signal

    try:
        return signal.signal(signal.SIGINT, signal.default_int_handler)
    except (ValueError, OSError, AttributeError):  # not the main thread
        return None


def _ignore_interrupts() -> None:
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError, AttributeError):
        pass


def _give_back_interrupts(previous) -> None:
    import signal

    try:
        # From the entry point the outcome is decided now: ignore Ctrl-C until the exit.
        signal.signal(signal.SIGINT, signal.SIG_IGN if _IN_MAIN[0] else previous)
    except (ValueError, OSError, AttributeError, TypeError):
        pass


def _json_error(text: str, code: int) -> None:
    """docs/commands.md: with --json a refusal is also one JSON object on stdout."""
    if not STATE.json or _DEPTH[0] > 1:
        return
    import json

    try:
        sys.stdout.write(json.dumps({"error": text, "code": code}, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except Exception:  # noqa: BLE001 - stderr already has the sentence
        pass


def _print_error(text: str, label: str = "cli.error", lines: list[str] = ()) -> None:
    """One line on stderr — and the `lines` of a refusal that lists its problems, each made
    safe on its own; never raises (stderr may be closed or unable to encode)."""
    from antt_cli.hygiene import safe

    line = "".join([f"{t(label)}: {safe(text)}\n", *(f"{safe(extra)}\n" for extra in lines)])
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except Exception:  # noqa: BLE001
        try:
            sys.__stderr__.buffer.write(line.encode("utf-8", "backslashreplace"))
            sys.__stderr__.buffer.flush()
        except Exception:  # noqa: BLE001 - nowhere left to say it
            pass


# -- the traceback log -----------------------------------------------------------------------
def error_log_path() -> "os.PathLike[str]":
    """`.git/antt/last-error.log` of the dossier the command was run on, else the system
    temp folder's `antt-last-error.log`."""
    import tempfile
    from pathlib import Path

    try:
        from antt_cli.services.session import git_dir

        gitdir = git_dir(STATE.dossier)
        if gitdir is not None:
            return gitdir / "antt" / "last-error.log"
    except Exception:  # noqa: BLE001 - no dossier here: the temp folder
        pass
    return Path(tempfile.gettempdir()) / "antt-last-error.log"


def write_error_log(exc: BaseException) -> str:
    import datetime as dt
    import tempfile
    import traceback
    from pathlib import Path

    text = (f"antt {_version()} — {dt.datetime.now().astimezone().isoformat(timespec='seconds')}\n"
            f"argv: {sys.argv!r}\npython: {sys.version.split()[0]} on {sys.platform}\n\n"
            + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    for path in (error_log_path(), Path(tempfile.gettempdir()) / "antt-last-error.log"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", errors="backslashreplace")
            return str(path)
        except OSError:
            continue
    return "?"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("antt")
    except Exception:  # noqa: BLE001
        return "?"


# -- input hygiene of every value on the command line -------------------------------------------
def check_arguments(group: click.Group, ctx: click.Context) -> None:
    """Refuse (exit 2) a value that is not UTF-8 or holds control characters, naming its
    option (or argument), before any command runs. Click's own parser splits the command
    line, so every value is seen as typed, before its type converts it."""
    from antt_cli.hygiene import problem, safe

    def check(value: object, label: str, free_text: bool = False) -> None:
        for text in value if isinstance(value, (list, tuple)) else [value]:
            found = problem(text, free_text=free_text) if isinstance(text, str) else None
            if found is not None:
                raise AnttUsageError("cli.bad_input", option=label, value=safe(text)[:80],
                                     problem=t(found[0], **found[1]))
            if isinstance(text, str):
                check_length(text, label)

    for param in group.params:
        check(ctx.params.get(param.name), param.opts[0] if param.opts else str(param.name))
    tokens = [*(getattr(ctx, "_protected_args", None) or getattr(ctx, "protected_args", None) or []), *ctx.args]
    cmd: click.Command = group
    while isinstance(cmd, click.Group) and tokens and cmd.get_command(ctx, tokens[0]) is not None:
        cmd, tokens = cmd.get_command(ctx, tokens[0]), tokens[1:]
    try:
        values, extra, _ = cmd.make_parser(click.Context(cmd, parent=ctx)).parse_args(list(tokens))
    except click.UsageError:  # a line click refuses itself: each token is checked as typed first
        values, extra = {}, tokens
    for param in cmd.params:
        label = max(param.opts, key=len) if isinstance(param, click.Option) else param.human_readable_name
        check(values.get(param.name), label, label in FREE_TEXT_OPTIONS)
    for position, token in enumerate(extra):
        check(token, f"#{position + 1}")


# `-h` is `--help` for every command and group (the sub-commands' contexts inherit it).
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def check_length(text: str, label: str) -> None:
    """Refuse (exit 2) a value longer than its sort allows (domain/bounds.py, docs/rules.md
    "Lengths"), naming the option, its length and the limit."""
    from antt_cli.services.choices import length_problem

    if label in PATH_VALUES or "FILE" in label or label.startswith("#"):  # a path; a token click will refuse
        return
    key = None
    if label == "--set" and "=" in text:
        key, text = (part.strip() for part in text.split("=", 1))
    found = length_problem(text, "text" if label in TEXT_VALUES else "code" if label in CODE_VALUES else "name", key)
    if found is not None:
        raise AnttUsageError("cli.too_long", option=f"{label} {key}=" if key else label, length=len(text),
                             limit=found[1], what=t(f"cli.too_long.{found[0]}"))


def build_app(only: str | None = None) -> typer.Typer:
    """The whole app; with `only` (the command this run asked for, `command_asked`), that
    command alone, declared by its module: declaring the forty others, and typer turning
    each into a click command from its function's signature, took a sixth of
    `antt history ID`'s own time (issue 14, "Startup")."""
    from antt_cli.cli import click_vi

    click_vi.install()  # Click's and typer's own words through the catalogue
    app = typer.Typer(cls=AnttGroup, help=t("cli.help"), no_args_is_help=True, add_completion=False,
                      pretty_exceptions_enable=False, rich_markup_mode=None, context_settings=CONTEXT_SETTINGS)

    def _show_version(value: bool) -> None:
        if value:
            from importlib.metadata import PackageNotFoundError, version

            try:
                found = version("antt")
            except PackageNotFoundError:  # run from a source tree that was never installed
                from antt_cli import __version__ as found
            typer.echo(f"antt {found}")
            raise typer.Exit()

    @app.callback()
    def _global(
        dossier: Optional[str] = typer.Option(None, "--dossier", help=t("cli.opt.dossier"), metavar="PATH"),
        json_: bool = typer.Option(False, "--json", help=t("cli.opt.json")),
        lang: Optional[str] = typer.Option(None, "--lang", help=t("cli.opt.lang"),
                                           click_type=click.Choice(LANGS)),
        officer: Optional[str] = typer.Option(None, "--officer", help=t("cli.opt.officer"), metavar="NAME"),
        _version: bool = typer.Option(False, "--version", help=t("help.version"), is_eager=True,
                                      callback=_show_version),
    ) -> None:
        STATE.dossier = dossier
        STATE.json = json_
        STATE.officer = " ".join(officer.split()) or None if officer else None
        if lang:
            set_lang(lang)

    import importlib

    whole = only not in COMMAND_MODULES or only in _WHOLE_APP
    for name in COMMAND_MODULE_ORDER if whole else (COMMAND_MODULES[only],):  # type: ignore[index]
        importlib.import_module(f"antt_cli.cli.{name}").register(app)
    if not whole:
        _keep_only(app, only)  # type: ignore[arg-type]
    return app


# The modules that declare the commands, in the order `antt --help` lists them (docs/commands.md).
COMMAND_MODULE_ORDER = ("dossier_cmds", "case_cmds", "rating_cmds", "lifecycle_cmds", "exemplar_cmds", "next_cmd",
                        "check_cmds", "letter_cmds", "summary_cmd", "adopt_cmd", "help_cmd")
# Which module declares each command and group (tests/test_cli_options.py keeps it whole): a
# run declares only the module of the command it asks for. A command missing here still
# works; its runs build the whole app.
COMMAND_MODULES = {
    **dict.fromkeys(("init", "demo", "status", "due", "history", "bodies"), "dossier_cmds"),
    **dict.fromkeys(("new-model", "record", "draft", "plan", "progress", "amend", "accept", "withdraw"), "case_cmds"),
    **dict.fromkeys(("rate", "criteria"), "rating_cmds"),
    **dict.fromkeys(("close", "replicate", "propose-national"), "lifecycle_cmds"),
    **dict.fromkeys(("new-exemplar", "evaluate"), "exemplar_cmds"),
    "next": "next_cmd", "check": "check_cmds", "letter": "letter_cmds", "templates": "letter_cmds",
    "summary": "summary_cmd", "adopt": "adopt_cmd", "help": "help_cmd",
}


# Commands that run other commands through the app they were started from (`antt demo`).
_WHOLE_APP = ("demo",)


def _keep_only(app: typer.Typer, name: str) -> None:
    """Drop the module's other commands and groups: typer turns each into a click command
    when the app runs."""
    app.registered_commands = [c for c in app.registered_commands if c.name == name]
    app.registered_groups = [g for g in app.registered_groups if g.name == name]


def command_asked(argv: list[str]) -> str | None:
    """The command a command line names — None when the app's own help or version is
    asked for first (they list every command), or no command is named."""
    args = globals_first(list(argv))
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _GLOBAL_VALUES:
            i += 2
        elif arg == "--json" or arg.split("=", 1)[0] in _GLOBAL_VALUES:
            i += 1
        else:
            return None if arg.startswith("-") else arg
    return None


_GLOBAL_FLAGS = ("--json", "--version")
_GLOBAL_VALUES = ("--dossier", "--lang", "--officer")
# Commands with an `--officer` of their own (init: the dossier's officer; history: a filter);
# after them `--officer` stays theirs.
_OWN_OFFICER = ("init", "history")


def globals_first(argv: list[str]) -> list[str]:
    """docs/commands.md: the global options are accepted before or after the command —
    moved in front of it here, so that click sees them where it reads them. Nothing after
    `--` moves, nor the `--officer` of a command that has its own."""
    front: list[str] = []
    rest: list[str] = []
    command: str | None = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        name = arg.split("=", 1)[0]
        if arg == "--":
            rest += argv[i:]
            break
        if name == "--officer" and command in _OWN_OFFICER:
            rest.append(arg)
        elif arg in _GLOBAL_FLAGS or name in _GLOBAL_VALUES and "=" in arg:
            front.append(arg)
        elif arg in _GLOBAL_VALUES and i + 1 < len(argv):
            front += argv[i:i + 2]
            i += 1
        else:
            if command is None and not arg.startswith("-"):
                command = arg
            rest.append(arg)
        i += 1
    return front + rest


def _early_lang(argv: list[str]) -> None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            set_lang(argv[i + 1])
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            set_lang(arg.split("=", 1)[1])


# -- standard streams ----------------------------------------------------------------------------
_STDOUT_LOST: list[str] = []  # why stdout cannot take output (closed at start, …)


def _harden_stdio() -> None:
    """A closed stdout becomes /dev/null on fd 1 (git children must not inherit a file
    antt opens as fd 1); an encoding that cannot show Vietnamese replaces what it cannot
    show instead of failing half way through a table."""
    if sys.stdout is None:
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            if fd != 1:
                os.dup2(fd, 1)
                os.close(fd)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
        except OSError:
            pass
        _STDOUT_LOST.append(t("cli.stdout_closed"))
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
        if stream is not None and encoding not in ("utf8", "utf8sig"):
            _to_utf8_unless_console(stream)


def _to_utf8_unless_console(stream) -> None:
    """Output that is not a console (`> file`, a pipe, PowerShell ISE, mintty) is written as
    UTF-8, so redirected output and `--json` keep Vietnamese: Windows would otherwise use the
    ANSI code page (cp1258, cp437) and turn "Nguyễn" into "Nguy?n". A console that cannot
    show a character gets a replacement instead of failing half way through a table."""
    try:
        console = stream.isatty()
    except (AttributeError, ValueError, OSError):
        console = False
    try:
        if console:
            stream.reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
        else:
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    except (AttributeError, ValueError, OSError):
        pass


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so that the interpreter's last flush cannot fail (exit 120)."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.close(fd)
    except OSError:
        pass
    try:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
    except OSError:
        pass


def _finish(code: int) -> int:
    """Flush stdout now, while a failure can still be told apart from a success."""
    failure: str | None = _STDOUT_LOST[0] if _STDOUT_LOST else None
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError, UnicodeError) as exc:
        failure = _detail(exc)
        _silence_stdout()
    made = _commits()
    if made and code != 0:  # once committed, nothing turns success into failure
        _warn_committed(made, failure or f"exit {code}")
        return 0
    if failure is None or code != 0:
        return code
    if made:
        _warn_committed(made, failure)
        return 0
    _print_error(t("cli.output_failed", detail=failure))
    return 1


def main(argv: list[str] | None = None) -> None:
    """The entry point's second half (cli/start.py took Ctrl-C over first)."""
    import signal

    from antt_cli.services.session import pause_point

    _IN_MAIN[0] = True
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        _early_lang(args)
        pause_point("startup")
        _harden_stdio()
        app = build_app(only=command_asked(args))
        try:
            app(args=args, prog_name="antt")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # decided: shutdown must not become 130
        except (ValueError, OSError):
            pass
        code = _finish(code)
    except KeyboardInterrupt:  # between the command's end and the line above
        made = _commits()
        if made:
            _notice_once(t("cli.interrupted_after_commit", sha=made[-1][0][:10], summary=made[-1][1]))
        else:
            _print_error(t("cli.interrupted_rolled_back"))
        code = 0 if made else INTERRUPTED
    pause_point("exit")
    sys.exit(code)
