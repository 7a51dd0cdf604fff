"""`case.yaml` ↔ the typed `Case` (docs/case-schema.md).

A case to be written is loaded round-trip (`CaseFile`): the typed case the domain works on,
and the ruamel tree it came from. `CaseFile.text(new_case)` merges the new case into that
tree — changed values replaced, new ones added, removed ones dropped — so comments and key
order written by hand survive, and the file never gets YAML anchors. Round-trip maps never
leave `store/`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from antt_cli.domain.model import Case, case_from, case_to

# Short rows written on one line, as in the examples (`signer: {prefix: KT., …}`).
_FLOW_KEYS = {"signer", "old"}
_FLOW_ROWS = {"members", "targets", "amendments"}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _fresh(value: Any, key: Any, in_rows: bool) -> Any:
    """A new YAML node for `value` (the value of `key`; `in_rows`: an item of a row list)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = _fresh(v, k, False)
        if key in _FLOW_KEYS or in_rows:
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq()
        for item in value:
            seq.append(_fresh(item, None, key in _FLOW_ROWS))
        return seq
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)  # a new object: never an alias
    return value


def _same(old: Any, new: Any) -> bool:
    return type(old) is type(new) and old == new if not isinstance(old, str) else str(old) == new


def _merge(node: Any, value: Any, key: Any, in_rows: bool) -> Any:
    """`node` updated to `value` in place where it has the same shape, else a fresh node."""
    if isinstance(node, dict) and isinstance(value, dict):
        for k in [k for k in node if k not in value]:
            del node[k]
        for k, v in value.items():
            node[k] = _merge(node[k], v, k, False) if k in node else _fresh(v, k, False)
        return node
    if isinstance(node, list) and isinstance(value, list):
        rows = key in _FLOW_ROWS
        del node[len(value):]
        for i, item in enumerate(value):
            if i < len(node):
                node[i] = _merge(node[i], item, None, rows)
            else:
                node.append(_fresh(item, None, rows))
        return node
    if _same(node, value):
        return node
    return _fresh(value, key, in_rows)


@dataclass
class CaseFile:
    """A case loaded to be written back: its path, its typed value, its YAML tree."""

    rel: str
    case: Case
    tree: Any

    def text(self, new: Case) -> str:
        from antt_cli.store.yamlio import dump_yaml

        _merge(self.tree, case_to(new), None, False)
        return dump_yaml(self.tree)


def case_of(data: Any) -> Case:
    """The typed case of a loaded case file (round-trip tree or plain data)."""
    return case_from(_plain(data))


def new_case_text(case: Case, comment: str) -> str:
    """The text of a new case file, with its first-line comment."""
    from antt_cli.store.yamlio import dump_yaml

    tree = _fresh(case_to(case), None, False)
    tree.yaml_set_start_comment(comment)
    return dump_yaml(tree)
