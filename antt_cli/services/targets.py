"""The annual plan's evaluation year and targets as the officer types them (`antt plan
--year --target`, `antt amend --target`; HD 163 §III.1.d, §III.2.b; docs/rules.md)."""
from __future__ import annotations

from antt_cli.domain.model import Target
from antt_cli.domain.plans import parse_target
from antt_cli.domain.text import name_key, nfc
from antt_cli.errors import AnttError, AnttUsageError

MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_targets(specs: list[str]) -> list[Target]:
    """`"TEXT=NUMBER"`, `"TEXT<=NUMBER"`, `"TEXT"` → targets; a target named twice is refused."""
    targets: list[Target] = []
    for spec in specs:
        spec = nfc(spec)
        try:
            target = parse_target(spec)
        except ValueError:
            raise AnttUsageError("services.plans.bad_target", spec=spec) from None
        if any(name_key(t.text) == name_key(target.text) for t in targets):
            raise AnttError("services.plans.duplicate_target", text=target.text)
        targets.append(target)
    return targets


def check_year(year: int | None) -> int:
    """An evaluation year the dossier can hold (2000–2100)."""
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise AnttUsageError("services.plans.bad_year", year="—" if year is None else year)
    return year
