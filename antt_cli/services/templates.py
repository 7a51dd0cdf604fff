"""`antt templates list|export|check` — the templates a dossier renders with: the shipped ones
(a kind's or a letter's) and the dossier's own in its `templates/` folder, which override a
shipped one of the same name or add a letter (docs/templates.md)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from antt_cli.domain.kindspec import KindSpec
from antt_cli.errors import AnttError
from antt_cli.services.common import Context, writing

TEMPLATES_DIR = "templates"


@dataclass(frozen=True)
class TemplateRow:
    """One template: its name, title, kind (`document` of the lifecycle, `letter`), origin
    (`shipped`, `dossier` — the dossier's own letter —, `override` — the dossier's copy of a
    shipped one), its own `--set` fields (besides those every kind takes, docs/kinds.md), the
    required ones, and its file."""

    name: str
    title: str
    kind: str
    origin: str
    fields: tuple[str, ...]
    file: str
    required: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "kind": self.kind, "origin": self.origin,
                "fields": list(self.fields), "required": list(self.required), "file": self.file}


@dataclass(frozen=True)
class Exported:
    name: str
    file: str
    commit: str | None


@dataclass(frozen=True)
class Checked:
    name: str
    file: str
    problems: tuple[str, ...]


@dataclass(frozen=True)
class CheckReport:
    templates: tuple[Checked, ...]

    @property
    def ok(self) -> bool:
        return not any(c.problems for c in self.templates)

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "templates": [{"name": c.name, "file": c.file, "problems": list(c.problems)}
                                              for c in self.templates]}


def _specs(dossier) -> tuple[list[KindSpec], list[KindSpec]]:
    """(the lifecycle kinds, the letters — the dossier's own included)."""
    from antt_cli.services.letters import letter_registry
    from antt_cli.store.kinds import load_registry

    return list(load_registry()), list(letter_registry(dossier))


def list_templates(ctx: Context) -> list[TemplateRow]:
    from antt_cli.documents.render import shipped_dir
    from antt_cli.store.kinds import load_letters

    dossier = ctx.dossier()
    kinds, letters = _specs(dossier)
    shipped_letters = load_letters()
    own = set(_own_names(dossier))
    rows = []
    for kind, specs in (("document", kinds), ("letter", letters)):
        for k in specs:
            origin = ("override" if k.name in shipped_letters or kind == "document" else "dossier") if k.name in own else "shipped"
            file = f"{TEMPLATES_DIR}/{k.name}.docx" if k.name in own else str(shipped_dir() / f"{k.name}.docx")
            rows.append(TemplateRow(k.name, k.title, kind, origin, tuple(k.fields), file,
                                    tuple(f.key for f in k.fields.values() if f.required)))
    return rows


def _own_names(dossier) -> list[str]:
    from antt_cli.services.letters import own_template_names

    return own_template_names(dossier)


def resolve_template(name: str, kinds: list[KindSpec], letters: list[KindSpec]) -> KindSpec:
    """A template by the name of its kind or letter (the Vietnamese title, unaccented, a
    prefix, as kinds are named); a kind's own name when two case types share a CLI name."""
    from antt_cli.domain.kind_names import resolve_kind_name

    every = [*letters, *kinds]
    exact = next((k for k in every if k.name == name), None)
    return exact or resolve_kind_name(name, every)


def export_template(ctx: Context, name: str) -> Exported:
    """Copy a shipped template into the dossier's `templates/` (one commit) for editing in
    Word; refused when the dossier already has its own."""
    from antt_cli.documents.render import shipped_dir

    with writing(ctx, action="templates export", case_id=None) as w:
        kinds, letters = _specs(w.dossier)
        k = resolve_template(name, kinds, [x for x in letters if (shipped_dir() / f"{x.name}.docx").is_file()])
        rel = f"{TEMPLATES_DIR}/{k.name}.docx"
        if (w.dossier.root / rel).exists():
            raise AnttError("services.templates.already_own", name=k.name, file=rel)
        w.check_clean([rel], renders=False)
        w.write_bytes(rel, (shipped_dir() / f"{k.name}.docx").read_bytes())
        w.summary = _t("services.templates.export_summary", name=k.name)
    return Exported(k.name, rel, w.tx.sha)


def check_templates(ctx: Context, name: str | None = None) -> CheckReport:
    """`name`'s template in use (the dossier's own, else the shipped one), or every template
    in use: each of the dossier's own and each shipped one it does not override."""
    from antt_cli.documents.render import shipped_dir, template_path
    from antt_cli.documents.template_check import known_names, template_problems

    dossier = ctx.dossier()
    kinds, letters = _specs(dossier)
    chosen = [resolve_template(name, kinds, letters)] if name else [*kinds, *letters]
    override = dossier.templates_override()
    out = []
    for k in chosen:
        path = template_path(k.name, override)
        shown = f"{TEMPLATES_DIR}/{path.name}" if override and path.parent == override else str(path)
        if not path.is_file() and path.parent == shipped_dir():
            continue  # a letter of the dossier's own that was removed meanwhile
        out.append(Checked(k.name, shown, tuple(template_problems(path, known_names(k), shown))))
    return CheckReport(tuple(out))


def _t(key: str, **params: object) -> str:
    from antt_cli.i18n import t

    return t(key, **params)

