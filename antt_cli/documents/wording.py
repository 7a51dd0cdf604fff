"""The wording a kind's spec gives under `document:` (docs/kinds.md, "The document block"):
its Jinja strings (subject, sections, meeting texts, …) rendered to plain text, and its body
expanded with the shared tables and fragments of `_shared.yaml`.

A spec may come from elsewhere (ANTT_KINDS): its strings render in the same sandbox as the
templates (documents/sandbox.py).

The strings are rendered here, before docxtpl sees the context, into plain text: no
autoescaping (docxtpl escapes when it writes the XML), undefined names are errors, compiled
once per process."""
from __future__ import annotations

import functools
from typing import Any, Mapping

from antt_cli.domain.kindspec import KindSpec
from antt_cli.errors import AnttError

# The body markers where the record's free-text `summary` and `note` go.
SUMMARY = "SUMMARY"
NOTE = "NOTE"


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def first_lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


class Fields(dict):
    """A record's `--set` values as spec strings see them: a key not set reads as "" (so
    `{{ fields.stage or 'sơ kết' }}` works under StrictUndefined)."""

    def __missing__(self, key: str) -> str:
        return ""


@functools.lru_cache(maxsize=1)
def _env():
    from antt_cli.documents.sandbox import sandbox

    env = sandbox(autoescape=False)
    env.filters["first_upper"] = first_upper
    env.filters["first_lower"] = first_lower
    return env


def template_env():
    """The sandbox DOCX templates render in (autoescaping: docxtpl writes XML); the spec
    strings' filters `first_upper` and `first_lower` work in templates too (docs/templates.md)."""
    from antt_cli.documents.sandbox import sandbox

    env = sandbox(autoescape=True)
    env.filters["first_upper"] = first_upper
    env.filters["first_lower"] = first_lower
    return env


@functools.lru_cache(maxsize=512)
def _compiled(source: str):
    return _env().from_string(source)


def render_text(k: KindSpec, what: str, source: Any, values: Mapping[str, Any]) -> str:
    """`source` (a Jinja string of `k`'s document block, at key `what`) rendered with `values`;
    AnttError naming the spec and the key when the string is wrong."""
    text = "" if source is None else str(source)
    if "{" not in text:
        return text
    try:
        return _compiled(text).render(values)
    except Exception as exc:  # syntax error, undefined name, failing filter, refused tag
        from antt_cli.documents.sandbox import TemplateRefused

        if isinstance(exc, TemplateRefused):
            raise AnttError("documents.spec_refused", kind=k.name, key=f"document.{what}", tag=exc.tag) from None
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise AnttError("documents.spec_failed", kind=k.name, key=f"document.{what}",
                        detail=f"{type(exc).__name__}: {detail}"[:300]) from exc


# The keys of a spec's `document:` block (docs/kinds.md, "document:").
BLOCK_KEYS = ("subject", "body", "sections", "texts", "meeting", "time_default", "execution_extra",
              "proposed_by", "cites", "decision", "decide", "party_variant", "state_type_name", "targets",
              "recipients", "official_letter", "to")
MEETING_KEYS = ("opening", "closing", "attendees", "location")
TARGET_MODES = ("none", "planned", "judged", "judged-if-annual")


def check_block(k: KindSpec) -> None:
    """AnttError naming the key when `k`'s `document:` block has a key or value antt does not
    know (a misspelt key would otherwise be silently ignored)."""
    def wrong(key: str, detail: str) -> AnttError:
        return AnttError("documents.spec_failed", kind=k.name, key=f"document.{key}", detail=detail)

    unknown = sorted(set(k.document) - set(BLOCK_KEYS))
    if unknown:
        raise wrong(unknown[0], f"unknown key; the keys are {', '.join(BLOCK_KEYS)}")
    if not isinstance(k.document.get("body") or [], list):
        raise wrong("body", "must be a list")
    for key in ("sections", "texts", "meeting"):
        if not isinstance(k.document.get(key) or {}, Mapping):
            raise wrong(key, "must be a mapping")
    unknown = sorted(set(k.document.get("meeting") or {}) - set(MEETING_KEYS))
    if unknown:
        raise wrong(f"meeting.{unknown[0]}", f"unknown key; the keys are {', '.join(MEETING_KEYS)}")
    if str(k.document.get("targets", "none")) not in TARGET_MODES:
        raise wrong("targets", f"must be one of {', '.join(TARGET_MODES)}")


def block(k: KindSpec, key: str, default: Any = None) -> Any:
    value = k.document.get(key)
    return default if value is None else value


def body_items(k: KindSpec, shared: Mapping[str, Any]) -> list:
    """The body of `k`'s template: `{table: NAME}` and `{use: NAME}` replaced by `_shared.yaml`'s
    `tables` and `fragments`, the SUMMARY / NOTE markers by their conditional paragraphs
    (summary after the opening paragraph, note before the closing one when the body does not
    place them)."""
    check_block(k)
    tables = shared.get("tables") or {}
    fragments = shared.get("fragments") or {}
    items: list = []
    for item in block(k, "body", []):
        if isinstance(item, Mapping) and "use" in item:
            items += list(_named(fragments, item["use"], k, "fragment"))
        elif isinstance(item, Mapping) and "table" in item:
            items.append(dict(_named(tables, item["table"], k, "table")))
        else:
            items.append(item)
    if SUMMARY not in items:
        items = items[:1] + [SUMMARY] + items[1:]
    if NOTE not in items:
        items = items[:-1] + [NOTE] + items[-1:]
    out: list = []
    for item in items:
        if item == SUMMARY:
            out += ["{%p if summary %}", "{{ summary }}", "{%p endif %}"]
        elif item == NOTE:
            out += ["{%p if note %}", "~ {{ note }}", "{%p endif %}"]
        else:
            out.append(item)
    return out


def _named(table: Mapping[str, Any], name: Any, k: KindSpec, what: str) -> Any:
    if name not in table:
        raise AnttError("documents.spec_failed", kind=k.name, key="document.body",
                        detail=f"no shared {what} {name!r} in _shared.yaml")
    return table[name]
