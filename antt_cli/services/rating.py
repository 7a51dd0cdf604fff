"""`antt rate` (the steering committee's proposal), `antt rate --decide` (the authority's
decision), the late mark of every rating step, and `antt criteria ID add` — HD 163 §III.2,
docs/rules.md "Rating", docs/commands.md."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from antt_cli.domain import lifecycle as life
from antt_cli.domain import rating as R
from antt_cli.domain.rating import ASKED, GIVEN, missed_text, percent_text  # noqa: F401 - for the CLI
from antt_cli.domain.dossier_items import anything_present, complete, dossier_items
from antt_cli.domain.issuers import is_authority_or_successor
from antt_cli.domain.kindspec import KindSpec
from antt_cli.domain.model import Case, Criterion, Record
from antt_cli.domain.interpretations import Rules
from antt_cli.domain.text import clean, nfc
from antt_cli.errors import AnttError, AnttUsageError
from antt_cli.i18n import kind_label
from antt_cli.services.common import Context, Writer, writing
from antt_cli.services.late import mark_late
from antt_cli.services.targets import check_year
from antt_cli.services.record import RecordInput, build_record, resolve_number, save_recorded
from antt_cli.store.kinds import load_registry

_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _supersede(case: Case, old: list[Record], day: dt.date) -> None:
    """A forced redo keeps the earlier record, marked as no longer counting."""
    for record in case.documents:
        if any(record is o or (record.kind == o.kind and record.file == o.file and record.year == o.year)
               for o in old):
            record.extra["superseded"] = day


# ---------------------------------------------------------------- the proposal

@dataclass(frozen=True)
class CriterionKey:
    """A key the officer answers (`--criterion KEY=yes|no`): its text, and whether it is a
    Yếu trigger (yes = the fact is present)."""

    key: str
    text: str
    trigger: bool


def criterion_keys(ctx: Context, case_id: str) -> list[CriterionKey]:
    """What `antt rate` asks about on this case: the table's criteria, the case's own, the
    Yếu triggers (read without the lock: the answers are gathered before it is taken)."""
    case = ctx.dossier().case(case_id)
    life.check_model_only(case, "rate")
    texts = {c.key: c.text for c in (*R.CRITERIA, *R.specific_rules(case))}
    return [CriterionKey(key, R.TRIGGERS.get(key) or texts.get(key, key), key in R.TRIGGERS)
            for key in R.answerable_keys(case)]


def parse_answers(pairs: list[str]) -> dict[str, bool]:
    """`KEY=yes|no` (also có/không, true/false, 1/0) → {key: bool}; a malformed pair is a usage error."""
    yes, no = ("yes", "y", "true", "1", "có", "co", "đạt"), ("no", "n", "false", "0", "không", "khong")
    out: dict[str, bool] = {}
    for pair in pairs:
        key, sep, value = nfc(pair).partition("=")
        key, value = key.strip(), value.strip().lower()
        if not sep or not key or value not in yes + no:
            raise AnttUsageError("services.rating.bad_criterion", pair=pair)
        out[key] = value in yes
    return out


@dataclass
class RateInput:
    """What the officer says to `antt rate` (docs/commands.md)."""

    year: int
    answers: dict[str, tuple[bool, str]] = field(default_factory=dict)   # key → (value, source)
    date: dt.date | None = None
    number: str | None = None
    force: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class RateResult:
    """What `antt rate` decided and recorded: the assessment, the record, the commit."""

    id: str
    year: int
    assessment: R.Assessment
    record: Record
    file: str
    late: bool
    deadline: dt.date
    forced: bool
    commit: str | None


def _check_answers(case: Case, answers: Mapping[str, Any]) -> None:
    known = R.answerable_keys(case)
    for key in answers:
        if key not in known:
            raise AnttError("services.rating.unknown_criterion", key=key, keys=", ".join(known))


def _stored(a: R.Assessment) -> dict[str, Any]:
    """What the proposal record keeps of the assessment (its document prints it)."""
    return {
        "completion": round(a.completion, 4),
        "criteria": [{"key": s.key, "text": s.text, "grades": list(s.grades), "met": s.met, "source": s.source,
                      **({"specific": True} if s.specific else {})} for s in a.criteria],
        "triggers": [{"key": s.key, "text": s.text, "present": s.met, "source": s.source} for s in a.triggers],
        "yeu": [R.missed_text(m) for m in a.yeu_reasons],
        "missed": [R.missed_text(m) for m in a.missed],
        "next_grade": a.next_grade,
    }


def propose(ctx: Context, case_id: str, given: RateInput) -> RateResult:
    """Step 1 of §III.2.c: assess the year, record the steering committee's proposal (also
    the year's annual report). Refuses an ineligible model, a second proposal without
    `--force`, a closing or closed model; nothing changes on refusal."""
    check_year(given.year)
    reg = load_registry()
    k = reg.rating_kind(R.PROPOSAL)
    year = given.year
    with writing(ctx, action="rate", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case, rules = loaded.case, w.dossier.rules
        life.check_model_only(case, "rate")
        life.check_open(case)
        R.check_ratable(case)
        life.check_recordable(case, k, reg, command=k.command)
        R.check_eligible(case, year, reg, rules)
        _check_answers(case, given.answers)
        earlier = R.step_records(case, year, R.PROPOSAL, reg)
        if earlier and not given.force:
            raise AnttError("services.rating.already_proposed", id=case_id, year=year,
                            grade=R.GRADE_TITLES.get(earlier[-1].field("grade") or "", "—"))
        day = given.date or ctx.today
        R.check_proposal_date(case, year, day)
        completion = R.completion_for(case, year, rules)
        items = dossier_items(case, day, reg, rules, rated_year=year)
        assessment = R.assess(case, year, given.answers, completion=completion, dossier_complete=complete(items),
                              dossier_any=anything_present(items), rules=rules)
        record = build_record(ctx, w.dossier, case, k, RecordInput(date=day, year=year), reg)
        record.fields["grade"] = assessment.grade
        record.extra.update(_stored(assessment))
        life.check_record(case, k, record, ctx.today, reg)
        record.number = resolve_number(k, str(record.issuer), day, given.number, w.dossier) \
            if given.number else None
        missed = mark_late(w, k, record, rules)
        new_case = life.apply_record(case, k, record)
        if earlier:
            _supersede(new_case, earlier, day)
            w.tx.add_trailer("Antt-Forced", given.reason or _t("services.rating.forced_default", year=year))
        rel = save_recorded(w, loaded, new_case, record, attach=[], pdf=False, folder=k.attach_folder)
        w.describe(life.summary_line(case_id, f"{k.summary_text(year)}: {R.GRADE_TITLES[assessment.grade]}", record),
                       record)
    return RateResult(case_id, year, assessment, record, rel, missed is not None,
                      R.deadline(year, R.PROPOSAL, rules), bool(earlier), w.tx.sha)


def _t(message: str, /, **params: object) -> str:
    from antt_cli.i18n import t

    return t(message, **params)


# ---------------------------------------------------------------- the decision

@dataclass
class DecideInput:
    """`antt rate ID --year Y --decide` (docs/commands.md)."""

    year: int
    issuer: str
    number: str
    date: dt.date | None = None
    grade: str | None = None
    reason: str | None = None
    force: bool = False
    signer: str | None = None
    signer_title: str | None = None
    sign_as: str | None = None


@dataclass(frozen=True)
class DecideResult:
    id: str
    year: int
    grade: str
    proposed_grade: str
    record: Record
    file: str
    late: bool
    deadline: dt.date
    forced: bool
    commit: str | None


def decide(ctx: Context, case_id: str, given: DecideInput) -> DecideResult:
    """Step 2 of §III.2.c: the authority (or its successor, docs/rules.md) records its
    decision — the proposed grade, or another with a reason (both kept)."""
    check_year(given.year)
    if given.grade is not None:
        R.check_grade_choice(given.grade)
    reason = clean(given.reason)
    if given.force and not reason:
        raise AnttError("services.rating.force_needs_reason", id=case_id, year=given.year)
    reg = load_registry()
    k = reg.rating_kind(R.DECISION)
    year = given.year
    with writing(ctx, action="rate --decide", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case, rules = loaded.case, w.dossier.rules
        life.check_model_only(case, "rate")
        life.check_open(case)
        R.check_ratable(case)
        proposal = R.step_record(case, year, R.PROPOSAL, reg)
        if proposal is None:
            raise AnttError("services.rating.no_proposal", id=case_id, year=year)
        life.check_recordable(case, k, reg, command=k.command)
        proposed = proposal.field("grade") or R.YEU
        grade = given.grade or proposed
        if grade != proposed and not reason:
            raise AnttError("services.rating.override_needs_reason", grade=R.GRADE_TITLES[grade],
                            proposed=R.GRADE_TITLES.get(proposed, proposed))
        earlier = R.step_records(case, year, R.DECISION, reg)
        if earlier and not given.force:
            raise AnttError("services.rating.already_decided", id=case_id, year=year,
                            grade=R.GRADE_TITLES.get(earlier[-1].field("grade") or "", "—"))
        issuer = w.dossier.body_name(clean(given.issuer) or "")
        if not is_authority_or_successor(issuer, case.authority, w.dossier.profile.get("successors")):
            raise AnttError("services.rating.wrong_issuer", issuer=issuer, authority=case.authority or "—")
        day = given.date or ctx.today
        sets = {"grade": grade}
        if grade != proposed:
            sets.update(proposed_grade=proposed, reason=str(reason))
        record = build_record(ctx, w.dossier, case, k, RecordInput(
            date=day, year=year, issuer=issuer, signer=given.signer, signer_title=given.signer_title,
            sign_as=given.sign_as, sets=sets), reg)
        life.check_record(case, k, record, ctx.today, reg)
        if proposal.date and day < proposal.date:
            raise AnttError("domain.date_before_prerequisite", kind=kind_label(k), date=day,
                            prior=kind_label(reg[proposal.kind]), prior_date=proposal.date)
        record.number = resolve_number(k, issuer, day, given.number, w.dossier)
        missed = mark_late(w, k, record, rules)
        new_case = life.apply_record(case, k, record)
        if earlier:
            _supersede(new_case, earlier, day)
            w.tx.add_trailer("Antt-Forced", str(reason))
        rel = save_recorded(w, loaded, new_case, record, attach=[], pdf=False, folder=k.attach_folder)
        w.describe(life.summary_line(case_id, f"{k.summary_text(year)}: {R.GRADE_TITLES[grade]}", record), record)
    return DecideResult(case_id, year, grade, proposed, record, rel, missed is not None,
                        R.deadline(year, R.DECISION, rules), bool(earlier), w.tx.sha)


# ---------------------------------------------------------------- case-specific criteria

@dataclass(frozen=True)
class CriterionResult:
    id: str
    criterion: Criterion
    commit: str | None
    rerendered: tuple[str, ...] = ()  # an exemplar's recorded criteria set, amended with it


def add_criterion(ctx: Context, case_id: str, key: str, text: str, grade: str | None,
                  reason: str | None = None, discard_edits: bool = False) -> CriterionResult:
    """`antt criteria ID add KEY TEXT [--grade …] [--reason …]` (§III.2.b *Lưu ý*; for an
    exemplar §IV's specific criteria): one commit. A model's criterion names the lowest grade
    it is required for (default Trung bình: every grade); an exemplar's has none, may not
    take a general criterion's key, is refused once the exemplar has been judged, and, once
    its criteria set is recorded, amends that document with `reason` (services/criteria.py)."""
    from antt_cli.domain import exemplars as ex
    from antt_cli.services.criteria import amend_criteria_documents

    key = nfc(key).strip()
    text = clean(text) or ""
    if not _KEY.match(key):
        raise AnttUsageError("services.rating.bad_key", key=key)
    if not text:
        raise AnttError("services.rating.criterion_text_required", key=key)
    with writing(ctx, action="criteria add", case_id=case_id) as w:
        loaded = w.load_case(case_id)
        case = loaded.case
        life.check_open(case)
        if case.kind == "model":
            grade = grade or R.TB
            if grade not in R.RATED:
                raise AnttUsageError("services.rating.bad_criterion_grade", grade=grade,
                                     grades=", ".join(R.RATED))
        elif grade is not None:
            raise AnttError("services.rating.grade_for_model_only", id=case_id)
        else:
            ex.check_specific_criterion(case, key)
        criterion = Criterion(key, text, grade)
        new_case = R.with_criterion(case, criterion)
        rerendered = amend_criteria_documents(w, loaded, new_case, ctx.today, reason, discard_edits)
        w.write_text(loaded.rel, loaded.text(new_case))
        w.summary = f"[{case_id}] {_t('services.rating.criterion_summary', key=key, text=text)}"
    return CriterionResult(case_id, criterion, w.tx.sha, tuple(rerendered))
