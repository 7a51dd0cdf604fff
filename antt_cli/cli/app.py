"""The `antt` command: global options, one error handler, the command modules.

Help texts follow the language, so the app is built after `--lang` / ANTT_LANG is known."""
from __future__ import annotations

import os
import sys
from typing import Optional

import click
import typer
from typer.core import TyperGroup

from antt_cli.cli.common import STATE
from antt_cli.errors import AnttError
from antt_cli.i18n import LANGS, set_lang, t


class AnttGroup(TyperGroup):
    """Catches AnttError once, at the top: one sentence on stderr, exit 1 (2 for usage)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AnttError as exc:
            _print_error(exc.message())
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _print_error(t("error.interrupted"))
            ctx.exit(1)
        except Exception as exc:  # a bug: say so in one sentence, keep the trace for ANTT_DEBUG
            if os.environ.get("ANTT_DEBUG"):
                raise
            _print_error(t("error.internal", detail=f"{type(exc).__name__}: {exc}"))
            ctx.exit(1)

    def list_commands(self, ctx):  # keep the order commands were added in (CLI.md order)
        return list(self.commands)


def _print_error(text: str) -> None:
    sys.stderr.write(f"{t('cli.error')}: {text}\n")
    sys.stderr.flush()


def build_app() -> typer.Typer:
    app = typer.Typer(cls=AnttGroup, help=t("cli.help"), no_args_is_help=True, add_completion=False,
                      pretty_exceptions_enable=False, rich_markup_mode=None)

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
        _version: bool = typer.Option(False, "--version", help=t("pkg.opt.version"), is_eager=True,
                                      callback=_show_version),
    ) -> None:
        STATE.dossier = dossier
        STATE.json = json_
        if lang:
            set_lang(lang)

    from antt_cli.cli import case_cmds, dossier_cmds

    dossier_cmds.register(app)
    case_cmds.register(app)
    return app


def _early_lang(argv: list[str]) -> None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            set_lang(argv[i + 1])
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            set_lang(arg.split("=", 1)[1])


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    _early_lang(args)
    app = build_app()
    app(args=args, prog_name="antt")
