"""Who issues: the model's steering committee as a body, party committees, the committee's
head — HD 163 §III.1.d and the party format (HD 36-HD/VPTW)."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from antt_cli.domain.text import name_key

# §III.1.d: the head of the steering committee signs its regulations (TM. BAN CHỈ ĐẠO / TRƯỞNG BAN).
STEERING_HEAD_ROLE = "Trưởng ban"


def steering_body(model_name: str) -> str:
    """The model's steering committee as an issuing body ("Ban Chỉ đạo mô hình …")."""
    if name_key(model_name).startswith("mô hình"):
        return f"Ban Chỉ đạo {model_name}"
    return f"Ban Chỉ đạo mô hình {model_name}"


def steering_head(members: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The member of the steering committee decision whose role is Trưởng ban."""
    for member in members or []:
        if name_key(str(member.get("role") or "")) == name_key(STEERING_HEAD_ROLE):
            return member
    return None


def is_party_body(name: str, body: Mapping[str, Any] | None) -> bool:
    """A party committee issues in the party format: flagged in antt.yaml, or recognisable by
    its name."""
    if body and body.get("party"):
        return True
    return name_key(name).startswith(("đảng ủy", "đảng bộ", "chi bộ", "ban thường vụ"))


def successor_chain(body: str, successors: Mapping[str, Any] | None) -> list[str]:
    """`body`, then the body that succeeds it, and so on (antt.yaml `successors`, docs/rules.md:
    a district body abolished on 01/07/2025 acts through its successor). Bodies are compared
    with `same_body`, the rule `antt check` and every issuer match use (abbreviations written
    out: "UBND xã A" is "Ủy ban nhân dân xã A")."""
    from antt_cli.domain.text import same_body

    chain = [body]
    pairs = [(str(k), str(v)) for k, v in (successors or {}).items()]
    while len(chain) <= len(pairs):
        nxt = next((new for old, new in pairs if same_body(old, chain[-1])), None)
        if nxt is None or any(same_body(nxt, seen) for seen in chain):
            break
        chain.append(nxt)
    return chain


def is_authority_or_successor(issuer: str, authority: str | None, successors: Mapping[str, Any] | None) -> bool:
    """§III.2.c, §III.3: "cấp nào ra quyết định thành lập thì cấp đó có thẩm quyền" — the
    model's authority, or the body that now succeeds it; one rule with `antt check`
    (domain/consistency.py): bodies compared with `same_body`."""
    from antt_cli.domain.text import same_body

    if not authority:
        return False
    return any(same_body(issuer, body) for body in successor_chain(authority, successors))
