"""The document kind as data — one spec per kind (package data `antt_cli/kinds/<kind>.yaml`,
read by `store/kinds.py` and handed here as plain values). HD 163 §III.1 (model steps 1–5),
§III.1.đ (active phase), §V.1 (dossier items).

A spec says everything about its kind: title, dossier item, step, the NĐ 30 type codes it
accepts, issuer role, prerequisites, linked-only / optional / repeatable / numbered, whether
it takes members or attachments, its `--set` keys with a help line each, the named checks and
effects (functions of `domain/kindrules.py`) and, under `document`, its wording (subject,
sections, body) which only `documents/` reads. Adding a kind = one spec + its template; no
code compares a kind's name outside the specs and this registry (docs/kinds.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

# Who issues a kind: decides the default issuer and the signature block (docs/kinds.md).
PROPOSER = "proposer"        # the proposing unit (Công an xã, MTTQ, ...)
PARTY = "party"              # the party committee (party format) or a head without party org
AUTHORITY = "authority"      # People's Committee chairman / head of the agency (the authority)
STEERING = "steering"        # the model's steering committee (TM. BAN CHỈ ĐẠO / TRƯỞNG BAN)
MEETING = "meeting"          # minutes of a meeting, signed by its chair and its secretary
ISSUER_ROLES = (PROPOSER, PARTY, AUTHORITY, STEERING, MEETING)

CASE_KINDS = ("model", "exemplar")
MEMBERS_MODES = ("none", "optional", "required", "required-if-limited")
ATTACH_MODES = ("none", "optional", "required")
APPROVAL_MODES = ("none", "required")
YEAR_MODES = ("none", "plan", "report")  # plan: --year given; report: docs/rules.md default year
COMMANDS = ("record", "plan", "rate", "close", "propose-national", "evaluate")  # the command that records the kind
# The kind's part in the yearly rating of §III.2.c (domain/rating.py finds the kinds by it).
RATING_ROLES = ("none", "propose", "decide", "submit")

_KEYS = {"name", "case", "title", "section", "item", "step", "order", "type_codes", "type_name", "issuer",
         "sets_authority", "requires", "linked_only", "optional", "repeatable", "numbered", "members",
         "attachments", "attach_folder", "approval", "command", "year", "fields", "checks", "effects",
         "steering_members", "summary", "document", "rating", "by_authority", "cli_name", "lists_criteria",
         "while_closing", "letter"}
# A letter (công văn, giấy mời, … — `antt letter`, docs/templates.md) belongs to no step of the
# guideline: it needs none of these keys.
_LETTER_OPTIONAL = {"section", "item", "step"}


@dataclass(frozen=True)
class FieldSpec:
    """A `--set KEY=VALUE` key: its help line; `required`, `choices` and `count` (a whole
    number, e.g. the members for and against a closure, §III.3) where a rule needs them;
    `option`: the field's own option of `antt record` as well (`--period`; docs/kinds.md);
    `clock`: a time of day, HH:MM (a meeting's start and end, `domain/dates.py` `parse_clock`)."""

    key: str
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()
    option: str | None = None
    count: bool = False
    clock: bool = False


@dataclass(frozen=True)
class KindSpec:
    name: str                      # CLI name, e.g. "establishment-decision"
    case: str                      # model | exemplar
    title: str                     # Vietnamese name of the document
    section: str                   # § of HD 163
    item: int                      # dossier item of §V
    step: int                      # 1–5 build steps; 6 = active phase (§III.1.đ)
    order: int                     # position in the guideline's table (listing order)
    type_codes: tuple[str, ...]    # NĐ 30 Phụ lục III codes a number may carry (first: the usual)
    type_name: str                 # printed in the title block (QUYẾT ĐỊNH, KẾ HOẠCH, …)
    issuer: str                    # issuer role (ISSUER_ROLES)
    requires: tuple[str, ...] = ()
    sets_authority: bool = False   # §III.1.d: the four decisions share one issuer, the authority
    linked_only: bool = False
    optional: bool = False         # "nếu có": never required
    repeatable: bool = False
    numbered: bool = True          # minutes and ledgers carry no number
    members: str = "none"          # MEMBERS_MODES
    attachments: str = "optional"  # ATTACH_MODES
    attach_folder: str = "docs"
    steering_members: bool = False # its members are the steering committee (its Trưởng ban signs, §III.1.d)
    approval: str = "none"         # APPROVAL_MODES (the survey plan's DUYỆT)
    command: str = "record"
    year: str = "none"             # YEAR_MODES
    fields: Mapping[str, FieldSpec] = field(default_factory=dict)
    checks: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    summary: str = "{title}"      # the commit's summary line: str.format with title, year
    rating: str = "none"           # RATING_ROLES
    # issued only by the model's authority or its successor (docs/rules.md; §III.3 "cấp nào ra
    # quyết định thành lập thì cấp đó có thẩm quyền kết thúc mô hình")
    by_authority: bool = False
    document: Mapping[str, Any] = field(default_factory=dict)
    # The name officers type (`antt record ID <cli_name>`) when it differs from the spec's own
    # name: an exemplar's `proposal`, `review`, `commendation` share the model's CLI name but
    # are their own kinds (spec `exemplar-proposal`), resolved by the case's type (docs/kinds.md).
    cli_name: str = ""
    lists_criteria: bool = False   # its document is the case's criteria set (§IV.1 Bước 1)
    while_closing: bool = False    # still recorded once closure has started (§III.3; docs/interpretations.md)
    letter: bool = False           # a letter of `antt letter` (antt_cli/letters/), not a lifecycle kind

    @property
    def cli(self) -> str:
        return self.cli_name or self.name

    def summary_text(self, year: int | None = None) -> str:
        return self.summary.format(title=self.title, year=year if year is not None else "")

    @property
    def type_code(self) -> str:
        return self.type_codes[0] if self.type_codes else ""

    @property
    def issuer_role(self) -> str:
        return self.issuer

    def applies(self, linked: bool) -> bool:
        return linked or not self.linked_only

    def members_required(self, limited: bool) -> bool:
        return self.members == "required" or (self.members == "required-if-limited" and limited)


@dataclass(frozen=True)
class Registry:
    """Every kind, by name, in the order of the guideline; plus what all kinds share."""

    kinds: Mapping[str, KindSpec]
    common_fields: Mapping[str, FieldSpec] = field(default_factory=dict)
    shared: Mapping[str, Any] = field(default_factory=dict)  # tables, fragments (documents/)

    def __getitem__(self, name: str) -> KindSpec:
        return self.kinds[name]

    def __contains__(self, name: object) -> bool:
        return name in self.kinds

    def __iter__(self) -> Iterator[KindSpec]:
        return iter(self.kinds.values())

    def get(self, name: str) -> KindSpec | None:
        return self.kinds.get(name)

    def resolve(self, name: str, case_kind: str) -> KindSpec | None:
        """The kind a case of `case_kind` means by `name`: its CLI name first (an exemplar's
        `proposal` is `exemplar-proposal`), else the spec's own name; None when no kind of
        that case type answers to it."""
        for k in self.of_case(case_kind):
            if k.cli == name:
                return k
        k = self.kinds.get(name)
        return k if k is not None and k.case == case_kind else None

    def of_case(self, case_kind: str) -> list[KindSpec]:
        return [k for k in self if k.case == case_kind]

    def build_kinds(self, case_kind: str = "model") -> list[KindSpec]:
        return [k for k in self.of_case(case_kind) if k.step <= 5]

    def steering_kinds(self) -> tuple[str, ...]:
        """Kinds whose member list is the steering committee (its decision, its consolidation)."""
        return tuple(k.name for k in self if k.steering_members)

    def rating_kind(self, role: str) -> KindSpec | None:
        """The kind playing `role` (propose, decide, submit) in the rating of §III.2.c."""
        return next((k for k in self if k.rating == role), None)

    def rating_role(self, kind: str) -> str:
        k = self.kinds.get(kind)
        return k.rating if k is not None else "none"

    def authority_decisions(self, case_kind: str = "model") -> tuple[str, ...]:
        """§III.1.d: the decisions whose shared issuer is the model's authority (an exemplar's:
        its recognition and ending, §IV.1 Bước 3)."""
        return tuple(k.name for k in self.of_case(case_kind) if k.sets_authority)

    def dated_kind(self, case_kind: str, year: str) -> KindSpec | None:
        """The kind of `case_kind` whose spec's `year` key is `year` (`plan`: the annual plan,
        `report`: the periodic report) — what a deadline owes (domain/deadlines.py); the rating
        kinds, which also carry a year, are not it."""
        return next((k for k in self.of_case(case_kind) if k.year == year and k.rating == "none"), None)

    def prerequisites(self, k: KindSpec, linked: bool) -> tuple[str, ...]:
        """The kinds recorded before `k`: its `requires` that apply to this case (a
        linked-only prerequisite is dropped on a plain model)."""
        return tuple(r for r in k.requires if self.kinds[r].applies(linked))

    def allowed_fields(self, k: KindSpec) -> dict[str, FieldSpec]:
        return {**self.common_fields, **k.fields}

    def with_kinds(self, more: Iterable[KindSpec]) -> "Registry":
        """This registry and `more` (the letters, which render through the same pipeline as
        the lifecycle kinds but take no part in it); a name of `more` wins."""
        return Registry(kinds={**self.kinds, **{k.name: k for k in more}}, common_fields=self.common_fields,
                        shared=self.shared)


def _fields(raw: Any, where: str) -> dict[str, FieldSpec]:
    out = {}
    for key, spec in (raw or {}).items():
        spec = spec or {}
        if not isinstance(spec, Mapping) or not spec.get("help"):
            raise ValueError(f"{where}: field {key!r} needs a help line")
        choices = spec.get("choices") or ()
        if isinstance(choices, str):  # the name of a closed list of domain/vocab.py, said once there
            from antt_cli.domain import vocab

            if not isinstance(getattr(vocab, choices, None), tuple):
                raise ValueError(f"{where}: field {key!r}: unknown list {choices!r}")
            choices = getattr(vocab, choices)
        option = spec.get("option")
        if option is not None and not re.fullmatch(r"--[a-z][a-z0-9-]*", str(option)):
            raise ValueError(f"{where}: field {key!r}: option {option!r} is not of the form --name")
        out[str(key)] = FieldSpec(str(key), str(spec["help"]), bool(spec.get("required", False)),
                                  tuple(str(c) for c in choices), str(option) if option else None,
                                  bool(spec.get("count", False)), bool(spec.get("clock", False)))
    return out


def kind_from_data(data: Mapping[str, Any], known_checks: set[str], known_effects: set[str]) -> KindSpec:
    """A KindSpec from a spec's plain data; ValueError naming the key on anything wrong."""
    name = str(data.get("name") or "")
    unknown = set(data) - _KEYS
    if unknown:
        raise ValueError(f"{name}: unknown key(s) {', '.join(sorted(unknown))}")
    letter = bool(data.get("letter", False))
    for key in ("name", "case", "title", "section", "item", "step", "type_name", "issuer"):
        if data.get(key) in (None, "") and not (letter and key in _LETTER_OPTIONAL):
            raise ValueError(f"{name}: missing {key}")

    def choice(key: str, allowed: tuple[str, ...], default: str) -> str:
        value = str(data.get(key, default))
        if value not in allowed:
            raise ValueError(f"{name}: {key} must be one of {', '.join(allowed)}, not {value!r}")
        return value

    checks = tuple(data.get("checks") or ())
    effects = tuple(data.get("effects") or ())
    for fn in checks:
        if fn not in known_checks:
            raise ValueError(f"{name}: unknown check {fn!r}")
    for fn in effects:
        if fn not in known_effects:
            raise ValueError(f"{name}: unknown effect {fn!r}")
    return KindSpec(
        name=name, case=choice("case", CASE_KINDS, "model"), title=str(data["title"]),
        section=str(data.get("section") or ""), item=int(data.get("item") or 0), step=int(data.get("step") or 0),
        order=int(data.get("order", 0)),
        type_codes=tuple(str(c) for c in data.get("type_codes") or ()), type_name=str(data["type_name"]),
        issuer=choice("issuer", ISSUER_ROLES, ""), requires=tuple(str(r) for r in data.get("requires") or ()),
        sets_authority=bool(data.get("sets_authority", False)), linked_only=bool(data.get("linked_only", False)),
        optional=bool(data.get("optional", False)), repeatable=bool(data.get("repeatable", False)),
        numbered=bool(data.get("numbered", True)), members=choice("members", MEMBERS_MODES, "none"),
        attachments=choice("attachments", ATTACH_MODES, "optional"),
        attach_folder=str(data.get("attach_folder") or "docs"),
        steering_members=bool(data.get("steering_members", False)),
        approval=choice("approval", APPROVAL_MODES, "none"), command=choice("command", COMMANDS, "record"),
        year=choice("year", YEAR_MODES, "none"), fields=_fields(data.get("fields"), name),
        checks=checks, effects=effects, summary=str(data.get("summary") or "{title}"),
        rating=choice("rating", RATING_ROLES, "none"),
        by_authority=bool(data.get("by_authority", False)),
        document=dict(data.get("document") or {}),
        cli_name=str(data.get("cli_name") or ""), lists_criteria=bool(data.get("lists_criteria", False)),
        while_closing=bool(data.get("while_closing", False)),
        letter=letter,
    )


def registry_from_data(specs: list[Mapping[str, Any]], shared: Mapping[str, Any],
                       known_checks: set[str], known_effects: set[str]) -> Registry:
    kinds = [kind_from_data(s, known_checks, known_effects) for s in specs]
    # the guideline's order (the spec's `order`), models first
    kinds.sort(key=lambda k: (CASE_KINDS.index(k.case), k.order, k.name))
    by_name = {}
    for k in kinds:
        if k.name in by_name:
            raise ValueError(f"{k.name}: defined twice")
        by_name[k.name] = k
    clis: dict[tuple[str, str], str] = {}
    for k in kinds:
        if clis.setdefault((k.case, k.cli), k.name) != k.name:
            raise ValueError(f"{k.name}: CLI name {k.cli!r} already names {clis[(k.case, k.cli)]!r}")
    for k in kinds:
        for r in k.requires:
            if r not in by_name:
                raise ValueError(f"{k.name}: requires unknown kind {r!r}")
    return Registry(kinds=by_name, common_fields=_fields(shared.get("fields"), "_shared"),
                    shared={k: v for k, v in shared.items() if k != "fields"})
