"""Running models and exemplars adopted into antt — HD 163 §VI.3 ("tiếp tục củng cố, bổ sung
thủ tục, hồ sơ" of the models built under QĐ 1383/QĐ-BCĐ of 2017), docs/rules.md "Adoption".

`antt adopt` reads one row per existing document; the rows of one `case_ref` make one case,
opened at the stage its documents reach (§III.1: a launch record makes a model active, §III.2
a rating decision gives its grade, §IV.1 Bước 3 a recognition makes an exemplar recognized).
Every problem of the sheet is gathered — the row, the column, what is wrong and what would
be right — so the officer fixes the whole file at once; nothing is adopted while one stands.

Pure: the rows, the registry, the declared bodies, the numbers the dossier already holds and
the scan files that exist are given; the day of adoption is a parameter."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from antt_cli.domain.dates import evaluation_year_of, parse_date
from antt_cli.domain.issuers import is_authority_or_successor, successor_chain
from antt_cli.domain.kind_names import fold, resolve_kind_name
from antt_cli.domain.kindspec import MEETING, STEERING, KindSpec, Registry
from antt_cli.domain.model import Case, Plan, Record, Signer
from antt_cli.domain.numbers import number_value
from antt_cli.domain.text import body_key, match_body, name_key, same_name
from antt_cli.domain.vocab import EXEMPLAR_KINDS, EXEMPLAR_SCOPES, GRADES, SIGN_AS, UNIT_KINDS
from antt_cli.errors import AnttError

# The columns of the sheet (docs/commands.md `antt adopt`), with their Vietnamese headers.
COLUMNS: Mapping[str, str] = {
    "case_ref": "Mã hồ sơ", "case_kind": "Loại hồ sơ", "name": "Tên", "area": "Địa bàn",
    "unit_kind": "Loại đơn vị", "linked": "Liên kết", "doc_kind": "Loại văn bản", "number": "Số",
    "date": "Ngày", "issuer": "Cơ quan ban hành", "signer": "Người ký", "file": "Tệp", "year": "Năm",
    "grade": "Xếp loại", "exemplar_kind": "Loại điển hình", "scope": "Phạm vi",
}
REQUIRED = ("case_ref", "case_kind", "name", "area", "doc_kind", "date", "issuer")
# On every row; the case's own columns (its kind, name, area) on at least one of its rows —
# the first names the case's kind — and the others may leave them blank.
ROW_REQUIRED = ("case_ref", "doc_kind", "date", "issuer")
CASE_REQUIRED = ("case_kind", "name", "area")

# The closed lists of the sheet, by their codes or their Vietnamese words (compared folded,
# with or without diacritics: kind_names.fold).
CASE_KINDS = {"model": "model", "mô hình": "model", "exemplar": "exemplar", "điển hình": "exemplar",
              "điển hình tiên tiến": "exemplar"}
UNIT_WORDS = {**{u: u for u in UNIT_KINDS}, "khu dân cư": "residential", "xã": "residential",
              "phường": "residential", "cơ quan": "agency", "doanh nghiệp": "enterprise",
              "trường học": "school", "nhà trường": "school"}
YES_NO = {"yes": True, "có": True, "no": False, "không": False}
GRADE_WORDS = {**{g: g for g in GRADES}, "tốt": "tot", "khá": "kha", "trung bình": "trung-binh", "yếu": "yeu"}
EXEMPLAR_KIND_WORDS = {**{k: k for k in EXEMPLAR_KINDS}, "tập thể": "collective", "cá nhân": "individual"}
SCOPE_WORDS = {**{s: s for s in EXEMPLAR_SCOPES}, "một mặt": "one", "một số mặt": "several",
               "toàn diện": "comprehensive"}

# §12 (docs/rules.md "Bodies change"): the level of an adopted case is that of its authority,
# read from the words of the body's name; a district body (huyện) is the historical level.
LEVEL_WORDS = (("huyện", "huyen"), ("tỉnh", "tinh"))

# Effects that need data the sheet has no column for (the lead unit and its rotation order of
# a linked model, §III.1.c): an imported record leaves them to be recorded later.
DATA_EFFECTS = ("set_lead_unit", "rotate_lead")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the sheet: its row, its column (the header as the sheet writes
    it), a message key of i18n/domain.py and its values."""

    row: int
    column: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Doc:
    """One existing document, as its row says."""

    row: int
    kind: KindSpec
    date: dt.date
    number: str | None
    issuer: str
    signer: Signer | None
    file: str | None
    year: int | None
    grade: str | None


@dataclass
class Planned:
    """One case to adopt: what its rows say about it, its documents in their order."""

    ref: str
    row: int
    case_kind: str
    name: str
    area: str
    unit_kind: str | None
    linked: bool | None       # None: not said (a plain model)
    exemplar_kind: str | None
    scope: str | None
    docs: list[Doc] = field(default_factory=list)


@dataclass(frozen=True)
class Sheet:
    """The sheet read: the header of each column as written, and the problems found."""

    columns: Mapping[str, tuple[int, str]]   # column → (index, header as written)

    def header(self, column: str) -> str:
        return self.columns[column][1] if column in self.columns else COLUMNS[column]

    def cell(self, cells: list[str], column: str) -> str:
        index = self.columns[column][0] if column in self.columns else None
        return cells[index].strip() if index is not None and index < len(cells) else ""


def read_header(cells: list[str], row: int) -> tuple[Sheet, list[Problem]]:
    """The columns of the header row, by their names or their Vietnamese headers (with or
    without diacritics); an unknown header or a required column missing is a problem."""
    known = {fold(n, accents=False): c for c, vi in COLUMNS.items() for n in (c, vi)}
    columns: dict[str, tuple[int, str]] = {}
    problems = []
    for i, text in enumerate(cells):
        if not text.strip():
            continue
        column = known.get(fold(text, accents=False))
        if column is None or column in columns:
            problems.append(Problem(row, text, "domain.adoption.unknown_column", {
                "columns": ", ".join(f"{c} ({vi})" for c, vi in COLUMNS.items())}))
        else:
            columns[column] = (i, text.strip())
    for column in REQUIRED:
        if column not in columns:
            problems.append(Problem(row, COLUMNS[column], "domain.adoption.missing_column",
                                    {"column": column, "vi": COLUMNS[column]}))
    return Sheet(columns), problems


def _word(text: str, words: Mapping[str, Any]) -> Any:
    """The value of a closed list's word as typed (any case, with or without diacritics)."""
    folded = {fold(k, accents=False): v for k, v in words.items()}
    return folded.get(fold(text, accents=False), _MISSING)


_MISSING = object()


def _choice(sheet: Sheet, cells: list[str], row: int, column: str, words: Mapping[str, Any],
            problems: list[Problem]) -> Any:
    """A closed list's cell: its value, None when blank, or a problem listing the values."""
    text = sheet.cell(cells, column)
    if not text:
        return None
    value = _word(text, words)
    if value is _MISSING:
        problems.append(Problem(row, sheet.header(column), "domain.adoption.bad_choice",
                                {"value": text, "allowed": ", ".join(words)}))
        return None
    return value


def parse_signer(text: str) -> Signer | None:
    """`[TM.|KT.|…] Chức vụ: Họ tên`, or a name alone (docs/commands.md `antt adopt`)."""
    text = " ".join(text.split())
    if not text:
        return None
    prefix = next((p for p in SIGN_AS if text.upper().startswith(p + " ")), None)
    if prefix:
        text = text[len(prefix):].strip()
    title, sep, name = text.partition(":")
    if sep and name.strip():
        return Signer(name=name.strip(), title=title.strip() or None, prefix=prefix)
    return Signer(name=text, prefix=prefix)


def _date(sheet: Sheet, cells: list[str], row: int, day: dt.date, problems: list[Problem]) -> dt.date | None:
    """The document's date: dd/mm/yyyy or YYYY-MM-DD, a day that exists, not after the
    adoption (docs/rules.md: no record is dated ahead)."""
    text, column = sheet.cell(cells, "date"), sheet.header("date")
    try:
        value = parse_date(text)
    except ValueError:
        problems.append(Problem(row, column, "domain.adoption.bad_date", {"value": text}))
        return None
    if value > day:
        problems.append(Problem(row, column, "domain.adoption.date_ahead", {"date": value, "day": day}))
        return None
    return value


def _year(sheet: Sheet, cells: list[str], row: int, problems: list[Problem]) -> int | None:
    text = sheet.cell(cells, "year")
    if not text:
        return None
    if not (text.isdigit() and len(text) == 4):
        problems.append(Problem(row, sheet.header("year"), "domain.adoption.bad_year", {"value": text}))
        return None
    return int(text)


def _kind(sheet: Sheet, cells: list[str], row: int, case_kind: str, reg: Registry,
          problems: list[Problem]) -> KindSpec | None:
    """The document's kind by its name or its Vietnamese title (domain/kind_names.py); the
    refusal's own sentence (the nearest kind, or the candidates) says what would be right."""
    text = sheet.cell(cells, "doc_kind")
    try:
        k = reg.resolve(text, case_kind) or resolve_kind_name(text, reg.of_case(case_kind))
    except AnttError as exc:
        problems.append(Problem(row, sheet.header("doc_kind"), exc.key, exc.params))
        return None
    return k


def _blank_problems(sheet: Sheet, cells: list[str], row: int) -> list[Problem]:
    return [Problem(row, sheet.header(c), "domain.adoption.blank", {"column": c})
            for c in ROW_REQUIRED if c in sheet.columns and not sheet.cell(cells, c)]


def read_row(sheet: Sheet, cells: list[str], row: int, reg: Registry, day: dt.date, known: str | None = None
             ) -> tuple[Planned | None, Doc | None, list[Problem]]:
    """One row: the case it belongs to (as the row says) and its document, or its problems.
    `known`: the case's kind as an earlier row of the same case gave it."""
    problems = _blank_problems(sheet, cells, row)
    if problems:
        return None, None, problems
    case_kind = _choice(sheet, cells, row, "case_kind", CASE_KINDS, problems)
    if case_kind is None and known is None and not problems:
        problems.append(Problem(row, sheet.header("case_kind"), "domain.adoption.blank", {"column": "case_kind"}))
    case = Planned(ref=sheet.cell(cells, "case_ref"), row=row, case_kind=case_kind or known or "",
                   name=sheet.cell(cells, "name"), area=sheet.cell(cells, "area"),
                   unit_kind=_choice(sheet, cells, row, "unit_kind", UNIT_WORDS, problems),
                   linked=_choice(sheet, cells, row, "linked", YES_NO, problems),
                   exemplar_kind=_choice(sheet, cells, row, "exemplar_kind", EXEMPLAR_KIND_WORDS, problems),
                   scope=_choice(sheet, cells, row, "scope", SCOPE_WORDS, problems))
    case_kind = case.case_kind or None
    if case_kind is None:
        return case, None, problems
    kind = _kind(sheet, cells, row, case_kind, reg, problems)
    date = _date(sheet, cells, row, day, problems)
    year = _year(sheet, cells, row, problems)
    grade = _choice(sheet, cells, row, "grade", GRADE_WORDS, problems)
    if kind is None or date is None:
        return case, None, problems
    doc = Doc(row=row, kind=kind, date=date, number=sheet.cell(cells, "number") or None,
              issuer=sheet.cell(cells, "issuer"), signer=parse_signer(sheet.cell(cells, "signer")),
              file=sheet.cell(cells, "file") or None, year=year, grade=grade)
    return case, doc, problems


# Columns whose value is the case's, the same on each of its rows.
_CASE_COLUMNS = ("case_kind", "name", "area", "unit_kind", "linked", "exemplar_kind", "scope")


def join_case(cases: dict[str, Planned], case: Planned, sheet: Sheet) -> list[Problem]:
    """Add a row's case to the cases of the sheet. A value left blank is the case's as another
    row says it; a value that differs from an earlier row is a problem (one case, one name)."""
    first = cases.setdefault(case.ref, case)
    problems: list[Problem] = []
    for column in _CASE_COLUMNS if first is not case else ():
        value, known = getattr(case, column), getattr(first, column)
        if value in (None, ""):
            continue
        if known in (None, ""):
            setattr(first, column, value)
        elif value != known:
            problems.append(Problem(case.row, sheet.header(column), "domain.adoption.conflict",
                                    {"ref": case.ref, "value": _shown(value), "first": _shown(known),
                                     "first_row": first.row}))
    return problems


def _shown(value: Any) -> str:
    return "—" if value in (None, "") else str(value)


# ---------------------------------------------------------------- the rules of one case

def _exemplar_problems(case: Planned, sheet: Sheet) -> list[Problem]:
    """§IV: an exemplar is a collective or an individual, built on one, several or all
    aspects; a model has neither."""
    problems = []
    for column, allowed in (("exemplar_kind", EXEMPLAR_KINDS), ("scope", EXEMPLAR_SCOPES)):
        value = getattr(case, column)
        if case.case_kind == "exemplar" and value is None:
            problems.append(Problem(case.row, sheet.header(column), "domain.adoption.exemplar_needs",
                                    {"ref": case.ref, "allowed": ", ".join(allowed)}))
        elif case.case_kind != "exemplar" and value is not None:
            problems.append(Problem(case.row, sheet.header(column), "domain.adoption.exemplar_only",
                                    {"ref": case.ref}))
    return problems


def doc_year(doc: Doc) -> int | None:
    """The evaluation year a document of a yearly kind belongs to: as the sheet says, else the
    one its date falls in (docs/rules.md "Evaluation year")."""
    if doc.kind.year == "none":
        return None
    return doc.year if doc.year is not None else evaluation_year_of(doc.date)


def _yearly_problems(doc: Doc, sheet: Sheet) -> list[Problem]:
    """§III.2.c: a rating step names its year, the proposal and the decision their grade;
    a year or a grade on a kind that takes none is a slip."""
    k, problems = doc.kind, []
    label = kind_label(k)
    if k.rating != "none" and doc.year is None:
        problems.append(Problem(doc.row, sheet.header("year"), "domain.adoption.year_required", {"kind": label}))
    if k.year == "none" and doc.year is not None:
        problems.append(Problem(doc.row, sheet.header("year"), "domain.adoption.year_not_taken", {"kind": label}))
    if "grade" in k.fields and doc.grade is None and k.rating == "decide":
        problems.append(Problem(doc.row, sheet.header("grade"), "domain.adoption.grade_required",
                                {"kind": label, "allowed": ", ".join(GRADE_WORDS)}))
    if "grade" not in k.fields and doc.grade is not None:
        problems.append(Problem(doc.row, sheet.header("grade"), "domain.adoption.grade_not_taken", {"kind": label}))
    return problems


def _kind_problems(case: Planned, sheet: Sheet, reg: Registry) -> list[Problem]:
    """A kind of a linked model on a plain one, a kind recorded once given twice (a yearly kind:
    twice for one year), and the year and grade of the rating steps."""
    problems: list[Problem] = []
    seen: dict[tuple[str, int | None], Doc] = {}
    for doc in case.docs:
        k = doc.kind
        if not k.applies(bool(case.linked)):
            problems.append(Problem(doc.row, sheet.header("doc_kind"), "domain.adoption.linked_only",
                                    {"kind": kind_label(k), "ref": case.ref}))
        once = not k.repeatable or k.year == "plan" or k.rating != "none"   # one per case, or per year
        key = (k.name, doc_year(doc))
        if once and key in seen:
            problems.append(Problem(doc.row, sheet.header("doc_kind"), "domain.adoption.twice",
                                    {"kind": kind_label(k), "other_row": seen[key].row, "year": key[1] or "—"}))
        seen.setdefault(key, doc)
        problems += _yearly_problems(doc, sheet)
    return problems


def _order_problems(case: Planned, sheet: Sheet, reg: Registry) -> list[Problem]:
    """§III.1, §IV.1 (docs/rules.md): a document is not dated before a document it rests on
    (its kind's prerequisites that the sheet holds; those it lacks are owed, `antt check`)."""
    problems = []
    for doc in case.docs:
        for name in reg.prerequisites(doc.kind, bool(case.linked)):
            prior = [d for d in case.docs if d.kind.name == name]
            if prior and min(d.date for d in prior) > doc.date:
                first = min(prior, key=lambda d: d.date)
                problems.append(Problem(doc.row, sheet.header("date"), "domain.adoption.date_order", {
                    "kind": kind_label(doc.kind), "date": doc.date, "prior": kind_label(first.kind),
                    "prior_date": first.date, "prior_row": first.row}))
    return problems


def authority_of(case: Planned, reg: Registry) -> Doc | None:
    """§III.1.d: the first step-4 decision sets the model's authority (§IV.1 Bước 3: an
    exemplar's recognition or ending)."""
    decisions = [d for d in case.docs if d.kind.name in reg.authority_decisions(case.case_kind)]
    return min(decisions, key=lambda d: (d.date, d.row)) if decisions else None


def _authority_problems(case: Planned, sheet: Sheet, reg: Registry,
                        successors: Mapping[str, Any] | None) -> list[Problem]:
    """§III.1.d: the step-4 decisions share one issuer; §III.2.c, §III.3: the rating decision
    and the closure are the authority's, or its successor's (§12, `antt bodies successor`)."""
    first = authority_of(case, reg)
    if first is None:
        return []
    problems = []
    for doc in case.docs:
        if doc.kind.sets_authority and body_key(doc.issuer) != body_key(first.issuer):
            problems.append(Problem(doc.row, sheet.header("issuer"), "domain.adoption.step4_issuer", {
                "kind": kind_label(doc.kind), "issuer": doc.issuer, "first": kind_label(first.kind),
                "first_row": first.row, "authority": first.issuer}))
        elif (doc.kind.by_authority or doc.kind.rating == "decide") and \
                not is_authority_or_successor(doc.issuer, first.issuer, successors):
            problems.append(Problem(doc.row, sheet.header("issuer"), "domain.adoption.not_authority", {
                "kind": kind_label(doc.kind), "issuer": doc.issuer,
                "authority": " → ".join(successor_chain(first.issuer, successors))}))
    return problems


def case_problems(case: Planned, sheet: Sheet, reg: Registry, successors: Mapping[str, Any] | None) -> list[Problem]:
    """Everything wrong with one case of the sheet on its own."""
    return [*_exemplar_problems(case, sheet), *_kind_problems(case, sheet, reg), *_order_problems(case, sheet, reg),
            *_authority_problems(case, sheet, reg, successors)]


# ---------------------------------------------------------------- across the sheet and the dossier

def _number_key(issuer: str, year: int, number: str) -> tuple[str, int, Any]:
    value = number_value(number)
    return body_key(issuer), year, value if value is not None else name_key(number)


def number_problems(cases: Iterable[Planned], sheet: Sheet,
                    held: Iterable[tuple[str, int, str, str]]) -> list[Problem]:
    """NĐ 30/2020 Điều 15 (docs/interpretations.md): one register per issuing body and calendar
    year — a number given twice in the sheet, or already in the dossier (`held`: body, year,
    number and case ID of every record there), is a problem."""
    dossier = {_number_key(body, year, number): (number, case_id) for body, year, number, case_id in held}
    seen: dict[tuple[str, int, Any], Doc] = {}
    problems = []
    for doc in sorted((d for c in cases for d in c.docs if d.number), key=lambda d: d.row):
        key = _number_key(doc.issuer, doc.date.year, str(doc.number))
        params = {"number": doc.number, "issuer": doc.issuer, "year": doc.date.year}
        if key in dossier:
            problems.append(Problem(doc.row, sheet.header("number"), "domain.adoption.number_held",
                                    {**params, "other": dossier[key][0], "other_id": dossier[key][1]}))
        elif key in seen:
            problems.append(Problem(doc.row, sheet.header("number"), "domain.adoption.number_twice",
                                    {**params, "other_row": seen[key].row}))
        else:
            seen[key] = doc
    return problems


def issuer_problems(cases: Iterable[Planned], sheet: Sheet, known: list[str]) -> tuple[list[Problem], list[str]]:
    """Each issuer as antt.yaml spells it when it names a declared body; a near miss of one is
    refused with the likely body, as everywhere (docs/interpretations.md); an undeclared body —
    a historical district body included, §12 — is taken as written and listed."""
    problems, undeclared = [], []
    for doc in (d for c in cases for d in c.docs):
        try:
            exact, near = match_body(doc.issuer, known)
        except AnttError as exc:  # a name without diacritics that fits several declared bodies
            problems.append(Problem(doc.row, sheet.header("issuer"), exc.key, exc.params))
            continue
        if exact is not None:
            doc.issuer = exact
        elif near is not None:
            problems.append(Problem(doc.row, sheet.header("issuer"), "domain.adoption.issuer_near_miss",
                                    {"given": doc.issuer, "known": near}))
        elif doc.kind.issuer not in (STEERING, MEETING) and \
                not any(same_name(body_key(doc.issuer), body_key(u)) for u in undeclared):
            undeclared.append(doc.issuer)   # the case's own steering committee or a meeting is no body to declare
    return problems, undeclared


def scan_problems(cases: Iterable[Planned], sheet: Sheet, present: set[str]) -> list[Problem]:
    """A scan named in the `file` column is a file beside the sheet (its path relative to the
    sheet's folder); `present`: those that are."""
    return [Problem(d.row, sheet.header("file"), "domain.adoption.scan_missing", {"file": d.file})
            for c in cases for d in c.docs if d.file and d.file not in present]


def kind_label(k: KindSpec) -> Any:
    from antt_cli.i18n import kind_label as label

    return label(k)


@dataclass(frozen=True)
class Checked:
    """The sheet judged: its cases in the order of their first row, every problem (by row),
    the issuers that are no declared body."""

    cases: tuple[Planned, ...]
    problems: tuple[Problem, ...]
    undeclared: tuple[str, ...]


@dataclass(frozen=True)
class Known:
    """What the dossier says that the sheet is judged against."""

    bodies: list[str]                          # the declared bodies, as antt.yaml spells them
    successors: Mapping[str, Any] | None       # antt.yaml `successors`
    numbers: list[tuple[str, int, str, str]]   # (issuer, year, number, case ID) of every record held
    files: set[str]                            # the `file` cells naming a file that exists


def check_sheet(rows: list[tuple[int, list[str]]], reg: Registry, day: dt.date, known: Known) -> Checked:
    """Every row read, every case judged, every problem listed (nothing is adopted while one
    stands: the whole file or nothing, docs/commands.md)."""
    (header_row, header), *data = rows
    sheet, problems = read_header(header, header_row)
    cases: dict[str, Planned] = {}
    if problems:
        return Checked((), tuple(problems), ())
    if not data:
        return Checked((), (Problem(header_row, "—", "domain.adoption.no_rows"),), ())
    for row, cells in data:
        first = cases.get(sheet.cell(cells, "case_ref"))
        case, doc, found = read_row(sheet, cells, row, reg, day, first.case_kind if first else None)
        problems += found
        if case is not None:
            problems += join_case(cases, case, sheet)
            if doc is not None and case.case_kind == cases[case.ref].case_kind:
                cases[case.ref].docs.append(doc)
    problems += [Problem(c.row, sheet.header(column), "domain.adoption.case_needs", {"ref": c.ref, "column": column})
                 for c in cases.values() for column in CASE_REQUIRED[1:] if not getattr(c, column)]
    named, undeclared = issuer_problems(cases.values(), sheet, known.bodies)
    problems += named
    for case in cases.values():
        problems += case_problems(case, sheet, reg, known.successors)
    problems += number_problems(cases.values(), sheet, known.numbers)
    problems += scan_problems(cases.values(), sheet, known.files)
    return Checked(tuple(cases.values()), tuple(sorted(problems, key=lambda p: p.row)), tuple(undeclared))


def level_of(authority: str | None) -> str:
    """§12: the level of an adopted case is its authority's — `huyen` (historical) for a
    district body, `tinh` for a province's, else `xa` (commune, agency, enterprise, school)."""
    words = name_key(authority or "").split()
    return next((level for word, level in LEVEL_WORDS if word in words), "xa")


def adopted_case(planned: Planned, case_id: str, day: dt.date, reg: Registry, profile: Mapping[str, Any],
                 sheet_name: str) -> Case:
    """The case the rows make, at the stage its documents reach: each imported record applied
    in the order of its date, as recording it would (the status, the authority, the name),
    marked `imported` (docs/case-schema.md); its plans, without targets the sheet cannot
    say. `opened` is the day of adoption: what antt requires starts then (SPEC §3, §VI.3)."""
    from antt_cli.domain.lifecycle import apply_record

    authority = authority_of(planned, reg)
    case = Case(id=case_id, kind=planned.case_kind, name=planned.name, working_title=planned.name,
                area=planned.area, level=level_of(authority.issuer if authority else None),
                unit_kind=planned.unit_kind or str(profile.get("unit_kind") or "residential"),
                linked=bool(planned.linked), proposer=str(profile.get("unit") or ""),
                status="surveying" if planned.case_kind == "exemplar" else "building", opened=day,
                extra={"schema": 1, **_kind_extra(planned),
                       "adopted": {"on": day, "sheet": sheet_name, "ref": planned.ref}})
    for seq, doc in enumerate(sorted(planned.docs, key=lambda d: (d.date, d.kind.order, d.row)), start=1):
        record = imported_record(doc, seq)
        spec = dataclasses.replace(doc.kind, effects=tuple(e for e in doc.kind.effects if e not in DATA_EFFECTS))
        case = apply_record(case, spec, record)
        if doc.kind.year == "plan" and doc.kind.rating == "none":
            case.plans[record.year] = Plan(year=record.year, date=record.date, number=record.number)
    return case


def _kind_extra(planned: Planned) -> dict[str, Any]:
    if planned.case_kind == "exemplar":
        return {"exemplar_kind": planned.exemplar_kind, "scope": planned.scope}
    return {"replicated_from": None, "replicated_to": [], "ratings": {}, "criteria_extra": []}


def imported_record(doc: Doc, seq: int) -> Record:
    """The record of an existing document: its own number, date, issuer and signer; its scan
    (when the sheet names one) kept as `docs/NN-<kind>.<ext>`; no document is generated."""
    suffix = ""
    if doc.file and "." in doc.file.rsplit("/", 1)[-1]:
        suffix = "." + doc.file.rsplit(".", 1)[-1].lower()
    return Record(kind=doc.kind.name, date=doc.date, number=doc.number, issuer=doc.issuer, signer=doc.signer,
                  year=doc_year(doc), fields={"grade": doc.grade} if doc.grade else {},
                  file=f"docs/{seq:02d}-{doc.kind.name}{suffix}" if doc.file else None,
                  extra={"imported": True, "source_row": doc.row})
