"""Annual plans, their targets (chỉ tiêu) and the completion rate — HD 163 §III.1.d
("Kế hoạch hoạt động … xác định rõ: Mục tiêu, chỉ tiêu phấn đấu") and §III.2.b
("hoàn thành 90% trở lên chỉ tiêu đề ra trong kế hoạch")."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Mapping, Sequence

from antt_cli.domain.bounds import MAX_DECIMALS, MAX_NUMBER
from antt_cli.domain.model import AT_LEAST, AT_MOST, YES_NO, Target, plan_from
_TARGET = re.compile(r"^(?P<text>[^=<>]+?)\s*(?P<op><=|>=|=)\s*(?P<num>[^=<>]+)$")


class NumberError(ValueError):
    """A number the officer typed that antt will not read; `reason` says why, so the refusal
    can say what to type instead: `form` (not plain digits: `1e2`, `inf`, `nan`, `12a`),
    `ambiguous` (`1.000`, `1,000`: a thousands separator or a decimal one?), `range` (negative,
    above MAX_NUMBER, more than MAX_DECIMALS decimals)."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text)
        self.text, self.reason = text, reason


# Digits, then at most one decimal separator — a comma (how a Vietnamese officer writes 12,5)
# or a point — followed by digits. No exponent, sign, spaces or grouping (docs/rules.md).
_PLAIN_NUMBER = re.compile(r"(?P<whole>[0-9]+)(?:[.,](?P<frac>[0-9]+))?")


def parse_number(text: str) -> int | float:
    """'12' → 12, '12,5' or '12.5' → 12.5 (docs/rules.md "Numbers"). NumberError (a
    ValueError) for anything else: an exponent or a word (`1e2`, `inf`, `nan`: `form`); a
    separator followed by exactly three digits after a non-zero whole part (`1.000`,
    `1,000`: a thousands separator in Vietnamese, a decimal one in English — `ambiguous`);
    a number out of domain/bounds.py's range (`range`)."""
    cleaned = text.strip()
    m = _PLAIN_NUMBER.fullmatch(cleaned) if len(cleaned) <= 40 else None  # never a 5000-digit string
    if m is None:
        raise NumberError(text, "range" if cleaned.startswith("-") or len(cleaned) > 40 else "form")
    if m["frac"] is not None and len(m["frac"]) == 3 and int(m["whole"]) != 0:
        raise NumberError(text, "ambiguous")
    value = Decimal(f"{m['whole']}.{m['frac'] or '0'}")
    if value > MAX_NUMBER:
        raise NumberError(text, "range")
    if value != value.to_integral_value() and -value.normalize().as_tuple().exponent > MAX_DECIMALS:
        raise NumberError(text, "range")
    return int(value) if value == value.to_integral_value() else float(value)


def parse_target(spec: str) -> Target:
    """`TEXT=NUMBER` (at least; `>=` is read the same), `TEXT<=NUMBER` (at most, a reduction
    target, may be 0) or bare `TEXT` (yes/no) — docs/rules.md. ValueError on a malformed spec."""
    spec = spec.strip()
    if not spec:
        raise ValueError(spec)
    m = _TARGET.match(spec)
    if m:
        text = m["text"].strip()
        if not text:
            raise ValueError(spec)
        op = AT_MOST if m["op"] == "<=" else AT_LEAST
        return Target(text=text, op=op, planned=parse_number(m["num"]))
    if "=" in spec or "<" in spec or ">" in spec:
        raise ValueError(spec)
    return Target(text=spec, op=YES_NO)


def as_target(value: Target | Mapping[str, Any]) -> Target:
    """A target read from plain data (a case file, a template context) as a `Target`."""
    if isinstance(value, Target):
        return value
    return plan_from(0, {"targets": [dict(value)]}).targets[0]


def target_met(target: Target | Mapping[str, Any]) -> bool:
    """docs/rules.md: at least — achieved ≥ planned; at most — achieved ≤ planned; yes/no — done."""
    return as_target(target).met()


def target_achievement(target: Target | Mapping[str, Any]) -> float:
    """Per-target achievement in %, capped at 100 (the `mean` reading of §III.2.b)."""
    t = as_target(target)
    if t.op == YES_NO:
        return 100.0 if t.done else 0.0
    achieved, planned = t.achieved, t.planned or 0
    if achieved is None:
        return 0.0
    if t.op == AT_LEAST:
        return 100.0 if planned == 0 else min(100.0, 100.0 * achieved / planned)
    # At most: met is 100 %; beyond the ceiling, the share of the excess not incurred.
    if achieved <= planned:
        return 100.0
    return max(0.0, 100.0 * (planned / achieved)) if achieved else 0.0


def completion_of(targets: Sequence[Target | Mapping[str, Any]], method: str = "share") -> float | None:
    """Completion rate in % (unrounded); None when the plan has no targets (cannot be rated
    on completion, docs/rules.md)."""
    if not targets:
        return None
    if method == "mean":
        return sum(target_achievement(t) for t in targets) / len(targets)
    return 100.0 * sum(1 for t in targets if target_met(t)) / len(targets)


def find_target(targets: Sequence[Target], name: str, key) -> int | None:
    """Index of the target named `name` (compared with `key`, e.g. text.name_key), or by its
    1-based position when `name` is a number."""
    for i, t in enumerate(targets):
        if key(t.text) == key(name):
            return i
    if name.isdigit() and 1 <= int(name) <= len(targets):
        return int(name) - 1
    return None
