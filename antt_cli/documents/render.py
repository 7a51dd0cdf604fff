"""Render a document record to DOCX bytes as docxtpl renders it (docs/kinds.md).

`render_record(profile, case, record, registry, override_dir)` (the typed `Case` and
`Record`, the kind registry) picks the dossier's override template
(`override_dir/<kind>.docx`) if there is one, else the shipped `templates/<kind>.docx`
(directory overridable with the environment variable ANTT_TEMPLATES, else found by
antt_cli/resources.py), renders it in the strict, autoescaping Jinja sandbox (documents/sandbox.py) —
from the template's frame (documents/frame.py, documents/frame_render.py: docxtpl's rendering
without importing docxtpl or python-docx), or by docxtpl itself for a template without one — and
returns deterministic bytes (fixed zip timestamps and member order): the same data gives
the same bytes, so git sees no change.
A template that reaches object internals or other files raises
AnttError("documents.template_refused", …) before anything renders; any other failure of the
template AnttError("documents.render_failed", …); a wrong `document:`
block of a spec AnttError("documents.spec_failed", …); a record the pipeline should not have
built (no date, unknown kind) is a bug and raises as such.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

import jinja2

from antt_cli.documents.context import document_context
from antt_cli.documents.sandbox import TemplateRefused, sandbox
from antt_cli.domain.kindspec import Registry
from antt_cli.domain.model import Case, Record
from antt_cli.errors import AnttError
from antt_cli.resources import shipped_templates_dir


def shipped_dir() -> Path:
    """The shipped templates: $ANTT_TEMPLATES, else the ones installed with antt."""
    env = os.environ.get("ANTT_TEMPLATES")
    if env:
        return Path(env)
    return shipped_templates_dir()


def template_path(kind: str, override_dir: Path | None = None) -> Path:
    """The template a record of `kind` is rendered from (the override wins)."""
    if override_dir is not None:
        candidate = Path(override_dir) / f"{kind}.docx"
        if candidate.is_file():
            return candidate
    return shipped_dir() / f"{kind}.docx"


def jinja_env() -> jinja2.Environment:
    """The sandbox templates render in (documents/sandbox.py): a dossier's own template is
    untrusted input (documents/wording.py `template_env`)."""
    from antt_cli.documents.wording import template_env

    return template_env()


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.lineno:
        text = f"{text} (line {exc.lineno})"
    return f"{type(exc).__name__}: {text}"[:300]


def _check_own(path: Path, k) -> None:
    """A dossier's own template is used only when `antt templates check` finds nothing wrong
    with it (docs/templates.md): never a silently wrong letter."""
    from antt_cli.documents.template_check import known_names, template_problems

    found = template_problems(path, known_names(k))
    if found:
        raise AnttError("documents.template_check_failed", template=str(path), problems=" ".join(found))


def render_record(profile: Mapping[str, Any], case: Case, record: Record, registry: Registry,
                  override_dir: Path | None = None) -> bytes:
    """DOCX bytes of `record` (deterministic)."""
    kind = record.kind
    path = template_path(kind, override_dir)
    context = document_context(profile, case, record, registry)
    if override_dir is not None and path.parent == Path(override_dir) and path.is_file():
        _check_own(path, registry[kind])
    try:
        if not path.is_file():
            raise FileNotFoundError(f"no such file {path}")
        return render_template(path, context)
    except AnttError:
        raise
    except TemplateRefused as exc:
        raise AnttError("documents.template_refused", kind=kind, template=str(path), tag=exc.tag) from None
    except Exception as exc:  # template syntax, undefined variable, broken zip, …
        raise AnttError("documents.render_failed", kind=kind, template=str(path),
                        detail=_one_line(exc)) from exc


def render_template(path: Path, context: Mapping[str, Any]) -> bytes:
    """The deterministic DOCX of the template at `path` rendered with `context`: from the
    template's frame (documents/frame.py) without docxtpl, or by docxtpl when the template
    has no frame — the same bytes either way (tests/test_frame.py)."""
    from antt_cli.documents.frame import frame_for

    frame = frame_for(path.read_bytes())
    if frame is not None:
        from antt_cli.documents.frame_render import render_frame

        return render_frame(frame, context, jinja_env())
    return render_docxtpl(path, context)


def render_docxtpl(path: Path, context: Mapping[str, Any]) -> bytes:
    """The template at `path` rendered by docxtpl itself (python-docx opens and writes it)."""
    import io

    from docxtpl import DocxTemplate

    from antt_cli.documents.deterministic_zip import normalize_docx

    tpl = DocxTemplate(str(path))
    tpl.render(context, jinja_env(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return normalize_docx(buf.getvalue())
