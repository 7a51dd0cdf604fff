"""`antt COMMAND --help`: every option and argument of every command says what to give, in
Vietnamese by default and in English with --lang en (docs/commands.md "Global")."""
from __future__ import annotations

import inspect

import click
import pytest
import typer
from typer.models import ArgumentInfo

from antt_cli.cli.app import build_app
from antt_cli.i18n import set_lang
from conftest import antt


def _commands(command: click.Command, path: tuple[str, ...] = ()):
    """The group itself, then every command and sub-command, by its path of names."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, path + (name,))


def _callbacks(app: typer.Typer, path: tuple[str, ...] = ()):
    """The function behind every command (sub-apps such as `bodies` included), by its path."""
    for info in app.registered_commands:
        yield path + (info.name or info.callback.__name__.replace("_", "-"),), info.callback
    for group in app.registered_groups:
        yield from _callbacks(group.typer_instance, path + (group.name,))


def _built(lang: str) -> tuple[typer.Typer, click.Group]:
    set_lang(lang)
    try:
        app = build_app()  # the help texts are read when the app is built
        return app, typer.main.get_command(app)
    finally:
        set_lang(None)


def _option_helps(lang: str) -> dict[tuple[tuple[str, ...], str], str]:
    _, group = _built(lang)
    return {(path, param.opts[-1]): param.help or ""
            for path, command in _commands(group) for param in command.params
            if isinstance(param, click.Option) and param.name != "help"}


def _argument_helps(lang: str) -> dict[tuple[tuple[str, ...], str], str]:
    """Argument help as declared (`typer.Argument(help=…)`): click 8.5 resets typer's argument
    help when it builds the parameter, so the click objects cannot be asked."""
    app, _ = _built(lang)
    return {(path, name): param.default.help or ""
            for path, callback in _callbacks(app)
            for name, param in inspect.signature(callback).parameters.items()
            if isinstance(param.default, ArgumentInfo)}


def test_every_option_has_a_help_text_in_both_languages():
    helps = {lang: _option_helps(lang) for lang in ("vi", "en")}
    assert helps["vi"].keys() == helps["en"].keys()
    assert (("amend",), "--remove-target") in helps["vi"]  # the walk reaches the commands
    assert (("bodies", "add"), "--code") in helps["vi"]  # and the sub-commands
    for lang, found in helps.items():
        missing = sorted(f"antt {' '.join(path)} {option}" for (path, option), text in found.items()
                         if not text.strip())
        assert not missing, f"options without help ({lang}): {missing}"
        assert all("\n" not in text for text in found.values())
    same = sorted(f"antt {' '.join(path)} {option}" for key in helps["vi"]
                  for path, option in [key] if helps["vi"][key] == helps["en"][key])
    assert not same, f"help not following the language: {same}"


def test_every_argument_has_a_help_text_in_both_languages():
    _, group = _built("vi")
    arguments = {(path, param.name) for path, command in _commands(group) for param in command.params
                 if isinstance(param, click.Argument)}
    helps = {lang: _argument_helps(lang) for lang in ("vi", "en")}
    assert arguments and helps["vi"].keys() == arguments  # every argument is a typer.Argument(help=…)
    for lang, found in helps.items():
        missing = sorted(f"antt {' '.join(path)} {name}" for (path, name), text in found.items()
                         if not text.strip())
        assert not missing, f"arguments without help ({lang}): {missing}"
    assert all(helps["vi"][key] != helps["en"][key] for key in arguments)


@pytest.mark.parametrize("lang, text", [("vi", "Lý do đính chính"), ("en", "Why the document is corrected")])
def test_amend_help_shows_its_options_in_the_language(lang, text):
    result = antt("amend", "--help", lang=lang)
    assert result.exit_code == 0 and text in result.stdout


def test_argument_help_is_shown():
    """click is pinned below 8.5, which drops the help typer gives arguments (pyproject.toml)."""
    from conftest import antt

    shown = antt("history", "--help")
    assert shown.exit_code == 0 and "MH-2026-001" in shown.stdout


def test_every_message_key_starts_with_its_catalogue_module():
    """One catalogue module per layer (antt_cli/i18n/<layer>.py): a key's first segment is
    the module that defines it, so a key says where it lives."""
    import importlib
    import pkgutil

    import antt_cli.i18n as i18n

    modules = [info.name for info in pkgutil.iter_modules(i18n.__path__)]
    assert sorted(modules) == ["audit", "cli", "documents", "domain", "help", "services", "store"]
    for name in modules:
        for key in importlib.import_module(f"antt_cli.i18n.{name}").MESSAGES:
            assert key.split(".")[0] == name, f"{key} is defined in i18n/{name}.py"
