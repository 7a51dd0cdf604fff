"""`antt check`: every case's dossier items (HD 163 §V, domain/dossier_items.py and
domain/exemplars.py) and whether its file is consistent (domain/consistency.py), as of a day.
Read-only: nothing is written, not even the digest cache."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from antt_cli.domain.consistency import (CASE_FILE_ITEM, ERROR, WARNING, Finding, NumberUse, case_findings,
                                         duplicate_numbers, number_uses)
from antt_cli.domain.dossier_items import MISSING, Item, dossier_items
from antt_cli.errors import AnttError
from antt_cli.i18n import kind_label, t
from antt_cli.services.common import Context, sha256

Progress = Callable[[int, int], None]   # (cases done, cases in all)


@dataclass(frozen=True)
class Problem:
    """One line of `antt check`: `LEVEL ID item: message`."""

    level: str      # error | warning
    item: str       # a dossier item's number, a kind's name, or case.yaml
    message: str


@dataclass(frozen=True)
class CaseCheck:
    id: str
    items: tuple[Item, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """SPEC §10: no required item missing, no error; warnings alone pass."""
        return all(i.state != MISSING for i in self.items) and all(p.level != ERROR for p in self.problems)


@dataclass(frozen=True)
class CheckResult:
    cases: tuple[CaseCheck, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.cases)

    def count(self, level: str) -> int:
        return sum(1 for c in self.cases for p in c.problems if p.level == level)

    def as_json(self) -> dict[str, Any]:
        """docs/commands.md `antt check --json`."""
        return {"ok": self.ok, "cases": [
            {"id": c.id, "items": [{"no": i.no, "title": i.title, "state": i.state} for i in c.items],
             "problems": [{"level": p.level, "item": p.item, "message": p.message} for p in c.problems]}
            for c in self.cases]}


# The findings' values that name a kind: printed by its title (vi) or name (en).
_KIND_PARAMS = ("kind", "other", "other_kind")


def _kind(reg: Any, case_kind: str, name: str) -> Any:
    """The kind a finding or a missing part names, by its spec name or its CLI name."""
    return next((k for k in reg.of_case(case_kind) if name in (k.name, k.cli)), None)


def _words(reg: Any, case_kind: str, params: dict[str, Any]) -> dict[str, Any]:
    words = {}
    for key, value in params.items():
        if key in _KIND_PARAMS and (k := _kind(reg, case_kind, str(value))) is not None:
            value = kind_label(k)
        words[key] = value
    return words


def _problem(reg: Any, case_kind: str, f: Finding) -> Problem:
    return Problem(f.level, f.item, t(f.key, **_words(reg, case_kind, dict(f.params))))


def _part(reg: Any, case_kind: str, part: str) -> str:
    """A missing part in words: `periodic-report 6-month 2026` → its title (06 tháng đầu năm
    2026); `annual-plan 2027` → its title (2027)."""
    name, *rest = part.split()
    k = _kind(reg, case_kind, name)
    when = " ".join(t(f"services.check.period.{w}") if w in ("6-month", "annual") else w for w in rest)
    label = str(kind_label(k)) if k is not None else name
    return f"{label} ({when})" if when else label


def _item_problems(reg: Any, case: Any, items: Iterable[Item]) -> list[Problem]:
    """A missing item is an error naming what is missing; item 15's warning (a rated year
    complete without a review, docs/rules.md) a warning."""
    found, case_id = [], case.id
    for i in items:
        if i.state == MISSING:
            missing = "; ".join(_part(reg, case.kind, part) for part in i.missing)
            found.append(Problem(ERROR, str(i.no), t("services.check.item_missing", title=i.title, missing=missing)))
        if i.warning:
            found.append(Problem(WARNING, str(i.no), t("services.check.no_review", title=i.title, id=case_id)))
    return found


def _hashes(dossier: Any, case_id: str, case: Any) -> dict[str, str | None]:
    """Each record's file (relative to the case's folder) → the SHA-256 of its bytes as they
    are now, None when it is not there."""
    folder = dossier.case_dir_rel(case_id)
    found: dict[str, str | None] = {}
    for record in [*case.documents, *case.letters]:
        if record.file and record.file not in found:
            rel = f"{folder}/{record.file}"
            found[record.file] = sha256(dossier.source.read(rel)) if dossier.source.exists(rel) else None
    return found


def _load(dossier: Any, ids: list[str], progress: Progress | None) -> dict[str, Any]:
    """Every case typed, or the AnttError of its broken file (one finding, the others go on)."""
    loaded: dict[str, Any] = {}
    for n, case_id in enumerate(ids, 1):
        try:
            loaded[case_id] = dossier.case(case_id)
        except AnttError as exc:
            loaded[case_id] = exc
        if progress:
            progress(n, len(ids))
    return loaded


def check_dossier(ctx: Context, case_id: str | None = None, day: dt.date | None = None,
                  progress: Progress | None = None) -> CheckResult:
    """Every case (or the one `case_id`) as of `day` (default today). The register of numbers
    is dossier-wide, so every case is read even for one; a number used twice is reported on
    its later use."""
    from antt_cli.store.kinds import load_registry

    dossier, reg, today = ctx.dossier(), load_registry(), day or ctx.today
    if case_id is not None:
        try:
            dossier.case(case_id)
        except AnttError as exc:  # an unknown ID is refused; a broken case is a finding below
            if exc.key in ("store.unknown_case", "store.bad_id"):
                raise
    loaded = _load(dossier, dossier.case_ids(), progress)
    uses: list[NumberUse] = [u for case in loaded.values() if not isinstance(case, AnttError)
                             for u in number_uses(case)]
    twice: dict[str, list[Finding]] = {}
    for f in duplicate_numbers(uses):
        twice.setdefault(f.case_id, []).append(f)
    successors = dossier.profile.get("successors")
    results = []
    for cid, case in loaded.items():
        if case_id is not None and cid != case_id:
            continue
        if isinstance(case, AnttError):
            results.append(CaseCheck(cid, (), (Problem(ERROR, CASE_FILE_ITEM, case.message()),)))
            continue
        items = dossier_items(case, today, reg, dossier.rules)
        findings = case_findings(case, reg, successors, _hashes(dossier, cid, case)) + twice.get(cid, [])
        problems = _item_problems(reg, case, items) + [_problem(reg, case.kind, f) for f in findings]
        results.append(CaseCheck(cid, items, tuple(problems)))
    return CheckResult(tuple(results))
