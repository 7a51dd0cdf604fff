"""The fast read-only loader (store/fastyaml.py) gives exactly what the round-trip loader gives:
the same typed data — dates, numbers, Vietnamese text — on every case file of the demo (and of
any dossier named in $ANTT_TEST_DOSSIERS, e.g. a benchmark dossier), on every YAML file antt
ships, and on YAML 1.1 / 1.2 traps; what it is unsure of goes to the round-trip reader, which
refuses with the same message as before."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from conftest import copy_dossier

PACKAGE = Path(__file__).resolve().parent.parent / "antt_cli"


def plain(value):
    """ruamel's round-trip objects as plain Python types (type-strict comparison below)."""
    from ruamel.yaml.scalarbool import ScalarBoolean
    from ruamel.yaml.scalarfloat import ScalarFloat
    from ruamel.yaml.scalarint import ScalarInt

    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, ScalarBoolean):
        return bool(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, ScalarInt):
        return int(value)
    if isinstance(value, ScalarFloat):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return value


def same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(x, y) for x, y in zip(a.values(), b.values())) \
            and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def roundtrip(text: str):
    from antt_cli.domain.text import nfc_deep
    from antt_cli.store.yamlio import _yaml

    return plain(nfc_deep(_yaml().load(text)))


@pytest.fixture(scope="module")
def demo(_demo_built, tmp_path_factory) -> Path:
    return copy_dossier(_demo_built[0], tmp_path_factory.mktemp("fast") / "demo")


def case_files(demo: Path) -> list[Path]:
    roots = [demo, *(Path(p) for p in os.environ.get("ANTT_TEST_DOSSIERS", "").split(os.pathsep) if p)]
    return [p for root in roots for p in sorted([*root.glob("models/*/case.yaml"), *root.glob("exemplars/*/case.yaml")])]


def test_every_case_file_of_the_demo_reads_the_same(demo):
    from antt_cli.store import fastyaml
    from antt_cli.store.casefile import case_of
    from antt_cli.store.yamlio import parse_yaml

    assert fastyaml.available()
    files = case_files(demo)
    assert len(files) >= 9
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = fastyaml.load(text, 32)  # never unsure on a file antt wrote
        assert same(fast, roundtrip(text)), path
        assert case_of(parse_yaml(path.read_bytes(), str(path))) == case_of(parse_yaml(path.read_bytes(), str(path),
                                                                                     fast=False)), path


def test_every_yaml_file_antt_ships_reads_the_same(demo):
    from antt_cli.store import fastyaml

    files = [demo / "antt.yaml", *sorted(PACKAGE.rglob("*.yaml")), *sorted(PACKAGE.parent.glob("sample_dossier/*.yaml"))]
    answered = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            fast = fastyaml.load(text, 32)
        except fastyaml.Unsure:
            continue
        answered += 1
        assert same(fast, roundtrip(text)), path
    assert answered >= len(files) // 2


TRAPS = [
    "a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\ng: Yes\n",  # YAML 1.1 booleans are text in 1.2
    "a: true\nb: False\nc: TRUE\n",
    "a: 010\nb: 0o10\nc: 0x1F\nd: 1_000\ne: 0b11\nf: 08\n",  # octal in 1.1, decimal/int in 1.2
    "a: 1e3\nb: .5\nc: 5.\nd: +1\ne: -0\nf: 1.50\ng: -2.25\nh: 12\n",
    "a: 1:20\nb: 190:20:30\n",  # sexagesimal in 1.1 only
    "a: 2025-9-1\nb: 2025-06-20 10:00\nc: 2025-06-20T10:00:00Z\nd: 2026-06-20\n",
    "a: ~\nb: null\nc: Null\nd:\ne: NULL\nf: nil\ng: none\n",
    "a: .inf\nb: -.Inf\nc: .nan\n",
    "base: &b {x: 1}\nother: *b\n",
    "a: !!str 12\nb: !!int '12'\n",
    "%YAML 1.1\n---\na: yes\nb: 010\n",
    "<<: {a: 1}\nb: 2\n",
    "a: =\nb: <<\n",
    "a: 1\na: 2\n",
    "? [1, 2]\n: x\n",
    "name: Tổ tự quản an ninh trật tự\nnfd: Tổ tự quản\n",  # decomposed (NFD) Vietnamese: NFC after either
    "a: 'quoted: 010'\nb: \"2025-06-20\"\nc: '~'\n",
    "a: x\u200by\n",  # an invisible character: refused
    "a: 10000000000000\nb: 999999999999\n",  # beyond domain/bounds.py: refused
    "a: 1999-12-31\nb: 2099-12-31\n",
    "a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",  # too deep: refused
    "a: |\n  nhiều dòng\n  văn bản\nb: >\n  gấp\n  dòng\n",
    "- 1\n- two\n- [3, 4]\n- {five: 5}\n",
    "a: \tb\n",
    "a: [1, 2\n",
    "",
    "just text\n",
    "a: 12/KH-CAX\nb: 01-NQ/ĐU\nc: -x\nd: +84 123\ne: 1.2.3\nf: 2026\n",
]


@pytest.mark.parametrize("text", TRAPS)
def test_yaml_traps_read_the_same_or_go_to_the_usual_reader(text, monkeypatch):
    from antt_cli.domain.text import nfc_deep
    from antt_cli.errors import AnttError
    from antt_cli.store import fastyaml
    from antt_cli.store.yamlio import _fast_yaml, parse_yaml

    try:
        fast = fastyaml.load(text, 32)
    except fastyaml.Unsure:
        fast = fastyaml.Unsure
    if fast is not fastyaml.Unsure:  # answered: exactly what both ruamel loaders give
        assert same(nfc_deep(fast), roundtrip(text)), text
        assert same(nfc_deep(fast), plain(nfc_deep(_fast_yaml().load(text)))), text

    def outcome():
        try:
            return plain(parse_yaml(text.encode(), "f.yaml", fast=True))
        except AnttError as exc:
            return (exc.key, exc.message())

    with_fast = outcome()
    monkeypatch.setattr(fastyaml, "load", lambda *a: (_ for _ in ()).throw(fastyaml.Unsure("off")))
    without = outcome()  # the reader as it was before the fast loader: same data, same refusal
    assert type(with_fast) is type(without) and (same(with_fast, without) or with_fast == without), text


def test_the_fast_loader_is_used_for_case_files(demo, monkeypatch):
    from antt_cli.store import fastyaml, yamlio

    calls = []
    monkeypatch.setattr(yamlio, "_scan", lambda *a: calls.append(a))  # the usual reader's first step
    path = demo / "models" / "MH-2025-001" / "case.yaml"
    assert yamlio.parse_yaml(path.read_bytes(), "case.yaml")["id"] == "MH-2025-001"
    assert calls == [] and fastyaml.available()


def test_every_scalar_yaml_1_2_types_has_a_shape_the_fast_loader_asks_about():
    """store/fastyaml.py `_MAYBE_TYPED` is looser than ruamel's YAML 1.2 patterns: whatever
    ruamel reads as other than text, the fast loader looks at (or leaves to ruamel)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from antt_cli.store import fastyaml

    samples = ["0x1F", "-0o17", "0b101", "1_000", "010", "1e3", "-1.5e-3", ".5", "+.inf", ".NaN", "1:20:30",
               "2025-9-1", "2025-06-20 10:00:00", "2025-06-20t10:00:00.5 +07:00", "2025-06-20T10:00:00Z", "<<", "=",
               "12", "-0", "5.", "190:20:30.15", "0o", "0x"]
    for value in samples:
        assert not fastyaml._ruamel_typed(value) or fastyaml._MAYBE_TYPED.match(value), value

    @settings(max_examples=3000, deadline=None)
    @given(st.text(alphabet="0123456789+-._:eExXoObBabcdfinNtTzZ <=/ ", min_size=1, max_size=24))
    def covered(value):
        if fastyaml._ruamel_typed(value):
            assert fastyaml._MAYBE_TYPED.match(value), value

    covered()
