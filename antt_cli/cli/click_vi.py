"""Click's and typer's own words (usage, section titles, their refusals) through antt's catalogue.

Click marks every sentence it prints with gettext (`_()` / `ngettext()`, bound in each of its
modules at import); typer does the same in `typer/core.py`. `install()` rebinds those names in
the modules that print to the user, to functions that look the English sentence up in
`MSGIDS` and answer `t(key)` — in the language of the moment the sentence is formatted, so
`--lang en` (and ANTT_LANG=en) gives Click's own English back. A sentence not listed passes
through unchanged. The three words Click does not mark (`[OPTIONS]`, `COMMAND [ARGS]...` and
the metavar of its built-in types, `TEXT`, `INTEGER`) are translated where Click writes them.
Nothing here changes what is parsed: only what is printed.
"""
from __future__ import annotations

import re
import sys

import click
import click.core
import click.formatting

from antt_cli.i18n import t

# Click's / typer's English sentence (its gettext msgid) -> antt's catalogue key (i18n/cli.py).
MSGIDS: dict[str, str] = {
    "(Did you mean one of: {possibilities}?)": "cli.click.did_you_mean_many",
    "(dynamic)": "cli.click.dynamic",
    "(deprecated) ": "cli.click.deprecated_prefix",
    "Aborted!": "cli.click.aborted",
    "Aborted.": "cli.click.aborted",
    "Argument {name!r} takes {nargs} values.": "cli.click.argument_takes",
    "Arguments": "cli.click.arguments",
    "Choose from:\n\t{choices}": "cli.click.choose_from",
    "Commands": "cli.click.commands",
    "Confirm the action without prompting.": "cli.click.confirm_without_prompt",
    "Could not open file {filename!r}: {message}": "cli.click.cannot_open",
    "Did you mean {possibility}?": "cli.click.did_you_mean",
    "Do you want to continue?": "cli.click.continue",
    "Error": "cli.error",
    "Error: The two entered values do not match.": "cli.click.values_differ",
    "Error: invalid input": "cli.click.invalid_input",
    "Error: {message}": "cli.click.error",
    "Got unexpected extra argument ({args})": "cli.click.extra_argument",
    "Got unexpected extra arguments ({args})": "cli.click.extra_arguments",
    "Invalid value for {param_hint}: {message}": "cli.click.invalid_value_for",
    "Invalid value: {message}": "cli.click.invalid_value",
    "Missing argument": "cli.click.missing_argument",
    "Missing command.": "cli.click.missing_command",
    "Missing option": "cli.click.missing_option",
    "Missing parameter": "cli.click.missing_parameter",
    "Missing parameter: {param_name}": "cli.click.missing_parameter_named",
    "Missing {param_type}": "cli.click.missing_parameter",
    "No such command {name!r}.": "cli.click.no_such_command",
    "No such option {name!r}.": "cli.click.no_such_option",
    "Option {name!r} does not take a value.": "cli.click.takes_no_value",
    "Option {name!r} requires an argument.": "cli.click.requires_value",
    "Option {name!r} requires {nargs} arguments.": "cli.click.requires_values",
    "Options": "cli.click.options",
    "Repeat for confirmation": "cli.click.repeat",
    "Show the version and exit.": "help.version",
    "Show this message and exit.": "cli.click.help_option",
    "Takes {nargs} values but 1 was given.": "cli.click.takes_values_one",
    "Takes {nargs} values but {len} were given.": "cli.click.takes_values",
    "Try '{command} {option}' for help.": "cli.click.try_help",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "cli.click.try_help_rich",
    "Usage:": "cli.click.usage",
    "Value must be an iterable.": "cli.click.not_iterable",
    "[default: {}]": "cli.click.default_rich",
    "[env var: {}]": "cli.click.envvar_rich",
    "[required]": "cli.click.required_rich",
    "default: {default}": "cli.click.default",
    "directory": "cli.click.directory",
    "env var: {var}": "cli.click.envvar",
    "file": "cli.click.file",
    "path": "cli.click.path",
    "required": "cli.click.required",
    "{name} {filename!r} does not exist.": "cli.click.path_missing",
    "{name} {filename!r} is a directory.": "cli.click.path_is_dir",
    "{name} {filename!r} is a file.": "cli.click.path_is_file",
    "{name} {filename!r} is not executable.": "cli.click.path_not_executable",
    "{name} {filename!r} is not readable.": "cli.click.path_not_readable",
    "{name} {filename!r} is not writable.": "cli.click.path_not_writable",
    "{value!r} does not match the format {format}.": "cli.click.bad_format",
    "{value!r} does not match the formats {formats}.": "cli.click.bad_formats",
    "{value!r} is not a valid boolean. Recognized values: {states}": "cli.click.bad_boolean",
    "{value!r} is not a valid UUID.": "cli.click.bad_uuid",
    "{value!r} is not a valid {number_type}.": "cli.click.bad_number",
    "{value!r} is not one of {choices}.": "cli.click.not_one_of",
    "{value!r} is not {choice}.": "cli.click.not_choice",
    "{value} is not in the range {range}.": "cli.click.out_of_range",
}

# The placeholders Click writes without gettext: the usage line's and its built-in types' names.
WORDS: dict[str, str] = {
    "[OPTIONS]": "cli.click.options_metavar",
    "COMMAND [ARGS]...": "cli.click.command_metavar",
    "TEXT": "cli.click.metavar_text",
    "INTEGER": "cli.click.metavar_integer",
    "FLOAT": "cli.click.metavar_float",
    "BOOLEAN": "cli.click.metavar_boolean",
}

# The modules whose `_` / `ngettext` print to the user (the others: shell completion, Windows
# console set-up, never reached by antt).
MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting", "click.parser",
           "click.termui", "click.types", "click.utils", "typer.core", "typer.rich_utils")

# typer's rich help (not used: the app sets rich_markup_mode=None) keeps its words in constants
# computed at import; set again from the catalogue if that module is loaded.
RICH_CONSTANTS = ("DEPRECATED_STRING", "DEFAULT_STRING", "ENVVAR_STRING", "REQUIRED_LONG_STRING",
                  "ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE",
                  "ERRORS_PANEL_TITLE", "ABORTED_TEXT", "RICH_HELP")


def gettext(message: str) -> str:
    key = MSGIDS.get(message)
    return t(key) if key else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


_TYPE_WORD = re.compile(r"\b(TEXT|INTEGER|FLOAT|BOOLEAN)\b")


def word(text: str) -> str:
    """A placeholder Click writes itself, translated: the usage line's whole pieces, and a
    built-in type's name wherever it stands in a metavar (`TEXT|auto`, `KEY=TEXT`)."""
    if text in WORDS:
        return t(WORDS[text])
    return _TYPE_WORD.sub(lambda m: t(WORDS[m.group(1)]), text)


class HelpFormatter(click.formatting.HelpFormatter):
    """Click's formatter with the usage line's own placeholders translated."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(english, word(english))
        super().write_usage(prog, args, prefix)


def _translated(make_metavar):
    def make(self, ctx: click.Context) -> str:
        return word(make_metavar(self, ctx))

    make.antt_original = make_metavar
    return make


def install() -> None:
    """Route Click's and typer's words through the catalogue (idempotent; cheap)."""
    for name in MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    rich = sys.modules.get("typer.rich_utils")
    if rich is not None:
        for constant in RICH_CONSTANTS:
            english = getattr(rich, f"_antt_{constant}", None) or getattr(rich, constant)
            setattr(rich, f"_antt_{constant}", english)
            setattr(rich, constant, gettext(english))
    click.Context.formatter_class = HelpFormatter
    import typer.core

    for cls in (click.core.Parameter, typer.core.TyperArgument):
        if not hasattr(cls.make_metavar, "antt_original"):
            cls.make_metavar = _translated(cls.make_metavar)


def localize(command: click.Command) -> None:
    """One "did you mean" per typo: typer's groups add their own to the one Click's
    exception already gives (docs/commands.md "Global"); Click's is the one translated."""
    if isinstance(command, click.Group):
        if hasattr(command, "suggest_commands"):
            command.suggest_commands = False
        for sub in command.commands.values():
            localize(sub)
