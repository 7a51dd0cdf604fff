"""A case's digest: the few facts whole-dossier work needs (the status table, what is due,
the number registers), derived from `case.yaml` alone. Small, so that the read cache of a
10,000-case dossier loads in a blink (docs/interpretations.md); recomputed whenever a case file changes."""
from __future__ import annotations

import datetime as dt
from itertools import repeat
from typing import TYPE_CHECKING, Any

from antt_cli.domain.text import name_key

if TYPE_CHECKING:  # a warm read checks briefs and digests only: the lifecycle is imported to make one
    from antt_cli.domain.kindspec import Registry
    from antt_cli.domain.model import Case


def rating_digest(case: Case, reg: Registry) -> dict[str, Any]:
    """The status table's grade (§III.2.c: the authority's decision, not the proposal): the
    latest decided grade, the latest year's proposed grade where it differs (or is not yet
    decided), and that year's late steps."""
    from antt_cli.domain.rating import latest_decided_grade, rating_history

    history = rating_history(case, reg)
    last = history[-1] if history else None
    proposed = last.proposed if last and last.proposed != last.decided else None
    return {"grade": latest_decided_grade(case, reg), "proposed_grade": proposed,
            "rating_year": last.year if last else None, "late_steps": list(last.late) if last else []}


def launch_date(case: Case, reg: Registry):
    """The date the model became active: the first record of a kind whose effect activates it."""
    for d in case.counted():
        k = reg.get(d.kind)
        if k is not None and "activate" in k.effects:
            return d.date
    return None


def duties_met(case: Case, reg: Registry) -> list[tuple[str, int, Any]]:
    """(duty, year, date) of every counting record that meets a duty of domain/deadlines.py:
    the plan of a year (`plan`), a periodic report (`report-<period>`), a rating step
    (`rate-<role>` of its spec's `rating:`), an exemplar's evaluation (`evaluate`) or yearly
    reassessment (`reassess`: a repeatable kind of `antt evaluate`, §IV). The date lets
    `antt due --date` judge as of a day."""
    from antt_cli.domain.dates import evaluation_year_of
    from antt_cli.domain.rating import counts

    met = {("plan", int(y), p.date) for y, p in case.plans.items()}
    for d in case.counted():
        k = reg.get(d.kind)
        if k is not None and k.command == "evaluate" and d.date is not None and counts(d):
            year = int(d.year) if d.year is not None else evaluation_year_of(d.date)
            met.add(("reassess" if k.repeatable else "evaluate", year, d.date))
            continue
        if d.year is None or k is None or not counts(d):
            continue
        if k.rating != "none":
            met.add((f"rate-{k.rating}", int(d.year), d.date))
        elif k.year == "report" and d.field("period"):
            met.add((f"report-{d.field('period')}", int(d.year), d.date))
    return sorted(met, key=lambda m: (m[0], m[1], str(m[2])))


def established_on(case: Case, reg: Registry):
    """The date of the establishment decision (§III.2.a counts the months from it), or None."""
    from antt_cli.domain.rating import establishment

    decision = establishment(case, reg)
    return decision.date if decision is not None else None


DIGEST_KEYS = frozenset(["id", "kind", "name", "status", "linked", "area", "opened", "step", "grade",
                         "proposed_grade", "rating_year", "late_steps", "launched", "established", "met",
                         "plan_years", "reports", "numbers", "exemplar_kind", "clock_start", "evaluation_kind",
                         "recognized_on", "reassessed", "summary"])


def case_digest(case: Case, reg: Registry) -> dict[str, Any]:
    numbers = [(name_key(str(d.issuer or "")), d.date.year, str(d.number))
               for d in [*case.documents, *case.letters] if d.number and d.date]
    # docs/rules.md: the rating proposal is also the year's annual report (either satisfies both)
    reports = sorted({(int(d.year), "annual" if reg[d.kind].rating == "propose" else str(d.fields.get("period")))
                      for d in case.documents if d.year is not None and reg.get(d.kind) is not None
                      and (reg[d.kind].year == "report" or reg[d.kind].rating == "propose")
                      and reg[d.kind].rating not in ("decide", "submit")
                      and not d.extra.get("superseded") and not d.extra.get("withdrawn")})
    from antt_cli.domain.exemplars import digest_part
    from antt_cli.domain.lifecycle import current_step
    from antt_cli.domain.summary import case_facts

    return {
        **digest_part(case, reg),
        "id": case.id,
        "kind": case.kind,
        "name": case.name,
        "status": case.status,
        "linked": case.linked,
        "area": case.area,
        "opened": case.opened,
        "step": current_step(case, reg),
        **rating_digest(case, reg),
        "launched": launch_date(case, reg),
        "established": established_on(case, reg),
        "met": duties_met(case, reg),
        "plan_years": sorted(case.plans),
        "reports": reports,
        "numbers": numbers,
        "summary": case_facts(case, reg),   # what `antt summary` needs, every year (domain/summary.py)
    }


# The part of a digest that `antt status` and `antt due` read (reports/status.py `status_row`,
# domain/deadlines.py `obligations`, services/due.py): the read cache keeps it beside the
# whole digest (store/cache.py, "briefs"), so a warm table decodes a sixth of the bytes. The
# order is a cached brief's; `tests/test_read_cache.py` checks that those readers ask for no
# other key.
BRIEF_KEYS = ("id", "kind", "exemplar_kind", "name", "status", "step", "linked", "area", "grade",
              "proposed_grade", "rating_year", "late_steps", "launched", "opened", "established", "met",
              "plan_years", "clock_start", "evaluation_kind", "recognized_on", "reassessed")
BRIEF_DATES = frozenset(["launched", "opened", "established", "clock_start", "recognized_on"])  # a date or None
BRIEF_DATED = frozenset(["met"])  # a list of tuples whose last item is a date or None


def brief_of(digest: dict[str, Any]) -> dict[str, Any]:
    """The brief of a digest: its `BRIEF_KEYS`, the same objects."""
    return {key: digest[key] for key in BRIEF_KEYS}


def _brief_types() -> tuple[tuple[type, ...], ...]:
    """The types each of `BRIEF_KEYS` may have, in their order."""
    none = type(None)
    text, maybe_text, maybe_int = (str,), (str, none), (int, none)
    types = {"id": text, "kind": text, "step": (int,), "linked": (bool,), "rating_year": maybe_int,
             "late_steps": (list,), "met": (list,), "plan_years": (list,), "reassessed": (list,)}
    types.update({key: (dt.date, none) for key in BRIEF_DATES})
    return tuple(types.get(key, maybe_text) for key in BRIEF_KEYS)


_BRIEF_TYPES = _brief_types()


def brief_ok(value: Any) -> bool:
    """Whether `value` has the shape `brief_of` gives (a cached brief is checked before it is
    trusted, like a digest: `digest_ok`). Every key's type in one pass (a key missing gives
    the dict itself, no type of a brief), then the items of its lists."""
    if type(value) is not dict or len(value) != len(BRIEF_KEYS) \
            or not all(map(isinstance, map(value.get, BRIEF_KEYS, repeat(value)), _BRIEF_TYPES)):
        return False
    late, plans, again, met = value["late_steps"], value["plan_years"], value["reassessed"], value["met"]
    return ((not late or all(type(s) is str for s in late))
            and (not plans or all(type(y) is int for y in plans))
            and (not again or all(type(y) is int for y in again))
            and all(type(m) is tuple and len(m) == 3 and type(m[0]) is str and type(m[1]) is int
                    and (m[2] is None or type(m[2]) is dt.date) for m in met))


def register_rows(digest: dict[str, Any]) -> list[tuple[str, int, str]]:
    """The (body key, year, number) rows a case adds to the number registers (one register per
    issuing body and year, docs/interpretations.md): what the register index of the read cache
    holds for it."""
    from antt_cli.domain.text import body_key

    return [(body_key(str(body)), year, str(number)) for body, year, number in digest["numbers"]]


def digest_ok(value: Any) -> bool:
    """Whether `value` has the shape `case_digest` gives (a read cache entry is checked before
    it is trusted: store/cache.py)."""
    def opt(v: Any, kind: type | tuple) -> bool:
        return v is None or isinstance(v, kind)

    from antt_cli.domain.summary import facts_ok

    if not isinstance(value, dict) or set(value) != DIGEST_KEYS or not facts_ok(value["summary"]):
        return False
    return (isinstance(value["id"], str) and isinstance(value["kind"], str) and opt(value["name"], str)
            and opt(value["status"], str) and isinstance(value["linked"], bool) and opt(value["area"], str)
            and opt(value["opened"], dt.date) and isinstance(value["step"], int) and opt(value["grade"], str)
            and opt(value["proposed_grade"], str) and opt(value["rating_year"], int)
            and isinstance(value["late_steps"], list) and all(isinstance(s, str) for s in value["late_steps"])
            and opt(value["launched"], dt.date) and opt(value["established"], dt.date)
            and isinstance(value["met"], list)
            and all(isinstance(m, tuple) and len(m) == 3 and opt(m[2], dt.date) for m in value["met"])
            and isinstance(value["plan_years"], list) and all(isinstance(y, int) for y in value["plan_years"])
            and isinstance(value["reports"], list)
            and all(isinstance(r, tuple) and len(r) == 2 for r in value["reports"])
            and isinstance(value["numbers"], list)
            and all(isinstance(n, tuple) and len(n) == 3 for n in value["numbers"])
            and opt(value["exemplar_kind"], str) and opt(value["clock_start"], dt.date)
            and opt(value["evaluation_kind"], str) and opt(value["recognized_on"], dt.date)
            and isinstance(value["reassessed"], list) and all(isinstance(y, int) for y in value["reassessed"]))
