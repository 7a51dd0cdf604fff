"""`antt help [TOPIC]` (docs/commands.md): the reference documents shipped inside the package.

The documents are the repository's own `docs/*.md` — one copy, carried into the wheel as
`antt_cli/docs` (pyproject.toml, `resources.shipped_docs_dir`). A topic is printed in the
interface language where a version in that language exists, else in the one it has; the
result says which, so the command can say so in its heading.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import lang
from antt_cli.resources import shipped_docs_dir


@dataclass(frozen=True)
class Topic:
    """One topic: its name on the command line and its file per language."""

    name: str
    files: tuple[tuple[str, str], ...]  # (language, file name in docs/), preferred first

    def languages(self) -> tuple[str, ...]:
        return tuple(language for language, _ in self.files)


# The order `antt help` lists them in: the user guide first, then the reference.
TOPICS: tuple[Topic, ...] = (
    Topic("huong-dan", (("vi", "huong-dan-su-dung.md"),)),
    Topic("commands", (("en", "commands.md"),)),
    Topic("rules", (("en", "rules.md"),)),
    Topic("interpretations", (("en", "interpretations.md"),)),
    Topic("case-schema", (("en", "case-schema.md"),)),
    Topic("kinds", (("en", "kinds.md"),)),
    Topic("templates", (("en", "templates.md"),)),
    Topic("members", (("vi", "members.vi.md"), ("en", "members.md"))),
    Topic("reliability", (("en", "reliability.md"),)),
)

# difflib's similarity (0–1) above which an unknown topic is offered as a likely slip.
SUGGEST_CUTOFF = 0.6


@dataclass(frozen=True)
class HelpPage:
    """A topic's text in `language` (`translated`: in the interface language)."""

    topic: str
    language: str
    translated: bool
    text: str


def topic_names() -> list[str]:
    return [topic.name for topic in TOPICS]


def _find(typed: str) -> Topic:
    """The topic named `typed` (any case, or a unique start of its name); an unknown name is a
    usage error (exit 2) with the nearest topic as a suggestion."""
    from antt_cli.domain.kind_names import fold

    wanted = fold(typed, accents=False).replace(" ", "-")
    by_name = {topic.name: topic for topic in TOPICS}
    if wanted in by_name:
        return by_name[wanted]
    starts = [topic for topic in TOPICS if wanted and topic.name.startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=SUGGEST_CUTOFF)
    if close:
        raise AnttUsageError("services.reference.unknown_topic_near", topic=typed, near=close[0],
                             topics=", ".join(by_name))
    raise AnttUsageError("services.reference.unknown_topic", topic=typed, topics=", ".join(by_name))


def help_page(typed: str) -> HelpPage:
    """The text of the topic `typed`, in the interface language where it exists."""
    topic = _find(typed)
    files = dict(topic.files)
    language = lang() if lang() in files else topic.files[0][0]
    path = shipped_docs_dir() / files[language]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:  # an installation with the documents removed
        raise AnttError("services.reference.missing", topic=topic.name, file=str(path), detail=str(exc)) from None
    return HelpPage(topic.name, language, language == lang(), text)


def topic_languages() -> list[tuple[str, tuple[str, ...]]]:
    """(topic, its languages) in listing order."""
    return [(topic.name, topic.languages()) for topic in TOPICS]
