"""Options and arguments several commands take, declared once (the way sqlite-utils'
`output_options` is): `shared(names…)` adds them to a command as its own parameters;
`input_options(build, names…)` adds them and hands the command one input object, `given`,
built from their values. The options a kind's spec gives its fields (`option: --period`) are
declared here from the specs, not written into a command."""
from __future__ import annotations

import functools
import inspect
import typing
from pathlib import Path
from typing import Any, Callable, List, Optional

import click
import typer
from typer.core import TyperCommand

from antt_cli.cli.common import CASE_ID, DATE
from antt_cli.i18n import t
from antt_cli.services import choices


def _shared() -> dict[str, tuple[Any, Any]]:
    """name → (type, typer.Option) of every shared option (help texts in today's language)."""
    def text(option: str, help_key: str, metavar: str | None = None) -> tuple[Any, Any]:
        return Optional[str], typer.Option(None, option, metavar=metavar, help=t(help_key))

    return {
        "case_id": (str, typer.Argument(..., metavar="ID", click_type=CASE_ID, help=t("help.id"))),
        "kind": (str, typer.Argument(..., metavar="KIND", help=t("help.kind"))),
        "date": (Optional[str], typer.Option(None, "--date", click_type=DATE, help=t("cli.opt.date"))),
        "number": text("--number", "help.number", "TEXT|auto"),
        "issuer": text("--issuer", "help.issuer"),
        "signer": text("--signer", "help.signer"),
        "signer_title": text("--signer-title", "help.signer_title"),
        "sign_as": (Optional[str], typer.Option(None, "--sign-as", click_type=click.Choice(choices.SIGN_AS),
                                                help=t("help.sign_as"))),
        "approved_by": text("--approved-by", "help.record.approved_by"),
        "approved_date": (Optional[str], typer.Option(None, "--approved-date", click_type=DATE,
                                                      help=t("help.record.approved_date"))),
        "members": (Optional[Path], typer.Option(None, "--members", metavar="FILE.csv",
                                                 help=t("help.record.members"))),
        "secrecy": (Optional[str], typer.Option(None, "--secrecy", click_type=click.Choice(choices.SECRECY),
                                                help=t("help.record.secrecy"))),
        "attach": (Optional[List[Path]], typer.Option(None, "--attach", metavar="FILE",
                                                      help=t("help.record.attach"))),
        "set_": (Optional[List[str]], typer.Option(None, "--set", metavar="KEY=VALUE", help=t("help.set"))),
        "pdf": (bool, typer.Option(False, "--pdf", help=t("help.pdf"))),
    }


class FieldOptionsCommand(TyperCommand):
    """A command that also takes the options the kind specs give their fields (`--period X`
    is `--set period=X`), read from the specs when the command is used (its parsing, its
    help), not on every start of antt. Their values reach the command's input object
    (`input_options(…, fields=True)`)."""

    _fields_added = False

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        if not self._fields_added:
            self._fields_added = True
            taken = {p.name for p in self.params}
            for o in choices.field_options():
                if o.name in taken:
                    raise ValueError(f"{self.name}: a kind's field option repeats {o.option}")
                self.params.append(click.Option([o.option], type=click.Choice(o.choices) if o.choices else None,
                                                metavar="HH:MM" if o.clock else None,
                                                help=t("help.field_option", key=o.key, help=o.help)))
        return super().get_params(ctx)


ISSUANCE = ("date", "number", "issuer", "signer", "signer_title", "sign_as")  # who issued it, when, its number
RECORD = (*ISSUANCE, "approved_by", "approved_date", "members", "secrecy", "attach", "set_", "pdf")
PLAN = (*ISSUANCE, "set_", "pdf")


def shared(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the command's parameters `names` (options or arguments) as the shared ones:
    a parameter of that name keeps its place and takes the shared declaration."""
    return _adding(names, None)


def input_options(build: Callable[..., Any], names: tuple[str, ...], *, fields: bool = False,
                  helps: dict[str, str] | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add the shared options `names` (and, with `fields`, the kind specs' field options) to
    a command; its parameter `given` receives `build(**their values)`. `helps` gives an option
    another help key for this command."""
    return _adding(names, build, fields=fields, helps=helps)


def _adding(names: tuple[str, ...], build: Callable[..., Any] | None, *, fields: bool = False,
            helps: dict[str, str] | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        table = _shared()
        specs = {name: table[name] for name in names}
        hints = typing.get_type_hints(fn)
        declared = {name: inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                                            default=_with_help(info, t(helps[name])) if helps and name in helps
                                            else info)
                    for name, (annotation, info) in specs.items()}
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=hints.get(p.name, p.annotation))
               for p in inspect.signature(fn).parameters.values() if p.name != "given"]
        if build is not None and {p.name for p in own} & set(specs):
            raise ValueError(f"{fn.__name__}: a parameter of the command repeats an option of its input")
        own = [declared.pop(p.name, p) for p in own]  # shared(): the parameter takes the declaration
        added = list(declared.values())
        own_names = {p.name for p in own}

        @functools.wraps(fn)
        def command(**values: Any) -> Any:
            if build is None:
                return fn(**values)
            taken = [name for name in values if name in specs or fields and name not in own_names]
            given = build(**{name: values.pop(name) for name in taken})
            return fn(**values, given=given)

        command.__signature__ = inspect.Signature(own + added)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in own + added}
        return command

    return decorate


def _with_help(info: Any, text: str) -> Any:
    import copy

    info = copy.copy(info)
    info.help = text
    return info
