"""`antt summary` as a use case: the yearly results of the dossier's models and exemplars
(domain/summary.py), the sentences that explain an empty year or area, and the workbook or
báo cáo written to `-o` (documents/summary_xlsx.py, documents/summary_docx.py). Read-only:
nothing in the dossier changes (docs/commands.md `antt summary`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from antt_cli.domain import summary as S
from antt_cli.domain.vocab import LEVELS
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import t, t_vi
from antt_cli.services.common import Context, say_if_sparse

OUTPUT_SUFFIXES = (".xlsx", ".docx")


@dataclass(frozen=True)
class SummaryInput:
    year: int
    area: str | None = None
    level: str | None = None
    day: dt.date | None = None
    output: Path | None = None


@dataclass(frozen=True)
class SummaryResult:
    summary: S.YearSummary
    unit: str
    place: str
    parent: str
    head: dict[str, Any]              # the unit's head in antt.yaml (the report's signer)
    area: str | None
    level: str | None
    notes: tuple[str, ...]            # why a table is empty, in words
    vi_notes: tuple[str, ...]         # the same in Vietnamese, for the workbook and the báo cáo
    code: str = ""                    # the unit's code in antt.yaml (BC-<code>, Lưu: VT, <code>)
    guideline_issuer: str = ""         # who issued HD 163 (antt.yaml, else the province's default)
    broken: tuple[str, ...] = ()      # cases whose file could not be read (antt check says why)
    output: Path | None = field(default=None)

    def as_json(self) -> dict[str, Any]:
        """docs/commands.md `antt summary --json`: ISO dates, plain numbers, slugs."""
        s = self.summary
        return {
            "year": s.year, "period": {"start": s.start, "end": s.end}, "date": s.day,
            "area": self.area, "level": self.level, "considered": s.considered,
            "models": [{"id": m.id, "name": m.name, "area": m.area, "area_group": m.group, "level": m.level,
                        "grade": m.grade, "proposed": m.proposed,
                        "completion": round(m.completion, 1) if m.completion is not None else None,
                        "decision": {"number": m.decision.number, "date": m.decision.date,
                                     "issuer": m.decision.issuer, "late": m.decision.late}}
                       for m in s.rated],
            "counts": {"by_grade": dict(s.totals.by_grade),
                       "by_area": {k: dict(v.by_grade) for k, v in s.by_area.items()},
                       "by_level": {k: dict(v.by_grade) for k, v in s.by_level.items()},
                       "rated": s.totals.total,
                       "good_share": round(s.totals.good_share, 1) if s.totals.good_share is not None else None},
            "not_rated": [{"id": n.id, "name": n.name, "why": n.why, "first_year": n.first_year,
                           "proposed": n.proposed} for n in s.not_rated],
            "events": [{"id": e.id, "name": e.name, "what": e.what, "date": e.date, "from": e.source,
                        "number": e.number} for e in s.events],
            "exemplars": [{"id": e.id, "name": e.name, "what": e.what, "date": e.date, "number": e.number,
                           "outcome": e.source} for e in s.exemplars],
            "notes": list(self.notes), "broken": list(self.broken),
            "output": str(self.output) if self.output else None,
        }


def check_input(given: SummaryInput) -> None:
    """Refuse what cannot be summarised before reading anything (exit 2: a value that does
    not parse)."""
    from antt_cli.services.targets import check_year

    check_year(given.year)
    if given.level is not None and given.level not in LEVELS:
        raise AnttUsageError("services.summary.bad_level", level=given.level, levels=", ".join(LEVELS))
    if given.output is not None and given.output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise AnttUsageError("services.summary.bad_output", file=str(given.output))


def notes_for(s: S.YearSummary, area: str | None, level: str | None,
              tr: Callable[..., str] = t) -> tuple[str, ...]:
    """Sentences for what would otherwise be an empty table: no model in the area or level,
    no model in the year, none rated yet (with the reasons counted); `tr` the language."""
    notes = []
    period = {"year": s.year, "start": s.start.strftime("%d/%m/%Y"), "end": s.end.strftime("%d/%m/%Y")}
    if not s.considered:
        if area and not any(S.matches_area_group(g, area) for g in s.groups):
            notes.append(tr("services.summary.no_area", area=area, areas="; ".join(s.groups) or "—"))
        elif area or level:
            notes.append(tr("services.summary.no_models_in", which=" / ".join(w for w in (area, level) if w),
                            **period))
        else:
            notes.append(tr("services.summary.no_models", **period))
    elif not s.rated:
        reasons: dict[str, int] = {}
        for n in s.not_rated:
            reasons[n.why] = reasons.get(n.why, 0) + 1
        notes.append(tr("services.summary.none_rated", year=s.year, count=s.considered,
                        reasons="; ".join(f"{tr('documents.summary.why.' + why)}: {k}" for why, k in reasons.items())))
    if not s.exemplars:
        notes.append(tr("services.summary.no_exemplars", year=s.year))
    return tuple(notes)


def _load(dossier: Any) -> tuple[list[tuple[str, Any]], list[str]]:
    """Every case's summary facts, through the read cache of case digests (SPEC §13: a warm
    run parses no case file); the IDs of the cases whose file is broken."""
    cases, broken = [], []
    for case_id, found in dossier.iter_digests_or_errors():
        if isinstance(found, AnttError):
            broken.append(case_id)
        else:
            cases.append((case_id, found["summary"]))
    return cases, broken


def _guideline_issuer(profile: Any) -> str:
    from antt_cli.domain.interpretations import default_guideline_issuer

    return str(profile.get("guideline_issuer") or default_guideline_issuer(str(profile.get("province") or "")))


def _output_path(output: Path, root: Path) -> Path:
    target = output.expanduser().resolve()
    if target.is_relative_to(root.resolve()):
        raise AnttError("services.summary.inside_dossier", file=str(target))
    return target


def year_summary(ctx: Context, given: SummaryInput) -> SummaryResult:
    """The summary of evaluation year `given.year` as of `given.day` (default today); with
    `given.output`, also the .xlsx workbook or the .docx báo cáo written there."""
    check_input(given)
    say_if_sparse(ctx)
    dossier = ctx.dossier()
    target = _output_path(given.output, dossier.root) if given.output is not None else None
    cases, broken = _load(dossier)
    rules = dossier.rules
    s = S.summarize(cases, given.year, rules, given.day or ctx.today,
                    area=given.area, level=given.level, mode=rules.summary_area)
    del cases  # every case's facts: not held while the workbook or báo cáo is written
    profile = dossier.profile
    unit = str(profile.get("unit") or "")
    body = dossier.body(unit) or {}
    result = SummaryResult(s, unit, str(profile.get("place") or profile.get("province") or ""),
                           str(profile.get("parent_body") or ""), dict(body.get("head") or {}),
                           given.area, given.level, notes_for(s, given.area, given.level),
                           notes_for(s, given.area, given.level, t_vi), str(body.get("code") or ""),
                           _guideline_issuer(profile), tuple(broken), target)
    if target is not None:
        _write(result, target)
    return result


def _write(result: SummaryResult, target: Path) -> None:
    if target.suffix.lower() == ".xlsx":
        from antt_cli.documents.summary_xlsx import workbook_bytes

        data = workbook_bytes(result)
    else:
        from antt_cli.documents.summary_docx import report_bytes

        data = report_bytes(result)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        raise AnttError("services.summary.write_failed", file=str(target), detail=exc.strerror or str(exc)) from None
