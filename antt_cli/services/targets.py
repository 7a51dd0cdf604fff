"""The plan kind, and its evaluation year and targets as the officer types them (`antt plan
--year --target`, `antt amend --target`; HD 163 §III.1.d, §III.2.b; docs/rules.md)."""
from __future__ import annotations

from antt_cli.domain.bounds import MAX_YEAR, MIN_YEAR, year_in_range
from antt_cli.domain.kindspec import KindSpec, Registry
from antt_cli.domain.model import Target
from antt_cli.domain.plans import NumberError, parse_target
from antt_cli.domain.text import name_key, nfc
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import kind_label


def plan_kind(reg: Registry) -> KindSpec:
    """The kind recorded by `antt plan`: the one spec with `command: plan` and `year: plan`
    (docs/kinds.md); a registry with none or several is refused, naming them."""
    found = [k for k in reg if k.command == "plan" and k.year == "plan"]
    if len(found) != 1:
        raise AnttError("services.plans.plan_kind_count", count=len(found), kinds=kind_label(*found) if found else "—")
    return found[0]


def parse_targets(specs: list[str]) -> list[Target]:
    """`"TEXT=NUMBER"`, `"TEXT<=NUMBER"`, `"TEXT"` → targets; a target named twice is refused."""
    targets: list[Target] = []
    for spec in specs:
        spec = nfc(spec)
        try:
            target = parse_target(spec)
        except NumberError as e:
            raise number_refusal(e, "--target") from None
        except ValueError:
            raise AnttUsageError("services.plans.bad_target", spec=spec) from None
        if any(name_key(t.text) == name_key(target.text) for t in targets):
            raise AnttError("services.plans.duplicate_target", text=target.text)
        targets.append(target)
    return targets


def number_refusal(error: NumberError, option: str) -> AnttUsageError:
    """The sentence for a number antt does not read (docs/rules.md "Numbers"), saying what
    to type: plain digits and a decimal comma; for `1.000` both readings spelled out."""
    value = error.text.strip()
    if error.reason == "ambiguous":
        whole, frac = value.replace(",", ".").split(".")
        return AnttUsageError("services.plans.number_ambiguous", option=option, value=value,
                              whole=f"{whole}{frac}", decimal=f"{whole},{frac}0")
    key = "services.plans.number_form" if error.reason == "form" else "services.plans.bad_number"
    return AnttUsageError(key, option=option, value=value)


def check_year(year: int | None) -> int:
    """An evaluation year the dossier can hold: the years its dates may have
    (domain/bounds.py, 2000–2099; an evaluation year ends on 31/10 of its own year)."""
    if year is None or not year_in_range(year):
        raise AnttUsageError("services.plans.bad_year", year="—" if year is None else year, low=MIN_YEAR, high=MAX_YEAR)
    return year
