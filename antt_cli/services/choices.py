"""What the commands offer as choices and accept as values, for every client: the closed
lists of `domain/vocab.py`, the date forms of `domain/dates.py`, and the options a kind's spec
gives its own fields (`option: --period`; docs/kinds.md)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from antt_cli.domain import vocab

LEVELS: tuple[str, ...] = tuple(vocab.LEVELS)
UNIT_KINDS: tuple[str, ...] = tuple(vocab.UNIT_KINDS)
MEMBERSHIP: tuple[str, ...] = tuple(vocab.MEMBERSHIP)
SIGN_AS: tuple[str, ...] = tuple(vocab.SIGN_AS)
SECRECY: tuple[str, ...] = tuple(vocab.SECRECY)
GRADES: tuple[str, ...] = tuple(vocab.GRADES)
RATED_GRADES: tuple[str, ...] = tuple(g for g in vocab.GRADES if g != "yeu")  # a criterion's lowest grade
EXEMPLAR_KINDS: tuple[str, ...] = tuple(vocab.EXEMPLAR_KINDS)
EXEMPLAR_SCOPES: tuple[str, ...] = tuple(vocab.EXEMPLAR_SCOPES)
# every status a case may have, a model's then an exemplar's (status texts in `antt status`)
CASE_STATUSES: tuple[str, ...] = tuple(vocab.STATUSES) + tuple(vocab.EXEMPLAR_STATUSES)


def case_id(text: str) -> str:
    """A case ID as typed on the command line, in the dossier's form (`mh-2026-001` is
    `MH-2026-001`, domain/ids.py `normal_id`)."""
    from antt_cli.domain.ids import normal_id

    return normal_id(text)


def parse_date(text: str) -> dt.date:
    """`YYYY-MM-DD` or `DD/MM/YYYY`; ValueError on anything else (31/02/2023)."""
    from antt_cli.domain.dates import parse_date as parse

    return parse(text)


@dataclass(frozen=True)
class FieldOption:
    """A field's own option of `antt record`: `--period X` is `--set period=X`."""

    option: str                  # "--period"
    key: str                     # "period"
    choices: tuple[str, ...]
    help: str                    # the field's help line in its spec
    clock: bool = False          # a time of day, HH:MM (a meeting's --time, --end)

    @property
    def name(self) -> str:
        """The option as a parameter name: `--period` → `period`."""
        return self.option[2:].replace("-", "_")


def field_options() -> list[FieldOption]:
    """The options the kind specs declare for their fields, each once, in the registry's order;
    a spec giving one option to two different fields is refused."""
    from antt_cli.store.kinds import load_registry

    found: dict[str, FieldOption] = {}
    for k in load_registry():
        for spec in k.fields.values():
            if not spec.option:
                continue
            known = found.setdefault(spec.option, FieldOption(spec.option, spec.key, spec.choices, spec.help,
                                                                  spec.clock))
            if known.key != spec.key:
                raise ValueError(f"{k.name}: option {spec.option} is already the field {known.key!r}")
    return list(found.values())


def length_problem(text: str, what: str, key: str | None = None) -> tuple[str, int] | None:
    """(sort, limit) when a typed value is longer than its sort allows (domain/bounds.py
    MAX_LENGTH; `what` is "name", "text" or "code", `key` the `--set` key), else None."""
    from antt_cli.domain.bounds import length_sort, too_long

    sort = length_sort(what, key)
    limit = too_long(text, sort)
    return None if limit is None else (sort, limit)
