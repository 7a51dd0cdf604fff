"""`antt help [TOPIC]` (docs/commands.md): parse, call services/reference.py, print — rich
Markdown on a terminal, the Markdown text itself in a pipe or a file."""
from __future__ import annotations

import sys
from typing import Optional

import typer

from antt_cli.cli.common import STATE, emit, say, stdout_console
from antt_cli.i18n import t


def _list_topics() -> None:
    from antt_cli.services.reference import topic_languages

    rows = topic_languages()
    say(t("cli.help_topic.list"))
    width = max(len(name) for name, _ in rows)
    from antt_cli.i18n import lang

    for name, languages in rows:
        note = "" if lang() in languages else " " + t(f"cli.help_topic.in_{languages[0]}")
        say(f"  {name.ljust(width)}  {t('cli.help_topic.about.' + name)}{note}")
    say(t("cli.help_topic.usage"))


def _print_page(page) -> None:
    from antt_cli.hygiene import safe

    heading = f"antt help {page.topic} — {t('cli.help_topic.about.' + page.topic)}"
    if not page.translated:
        heading += " " + t(f"cli.help_topic.only_{page.language}")
    console = stdout_console()
    if console.is_terminal:
        from rich.markdown import Markdown

        console.print(heading, markup=False)
        console.print(Markdown(page.text))
        return
    sys.stdout.write(safe(f"{heading}\n\n{page.text}", keep="\n\t"))


def register(app: typer.Typer) -> None:
    """Declare `antt help`."""
    @app.command("help", help=t("cli.help_topic.help"))
    def help_(topic: Optional[str] = typer.Argument(None, metavar="[TOPIC]", help=t("help.help.topic"))) -> None:
        from antt_cli.services.reference import help_page, topic_languages

        if topic is None:
            emit({"topics": [{"topic": name, "about": t("cli.help_topic.about." + name), "languages": list(langs)}
                             for name, langs in topic_languages()]}, _list_topics)
            return
        page = help_page(topic)
        emit({"topic": page.topic, "language": page.language, "text": page.text}, lambda: _print_page(page))
