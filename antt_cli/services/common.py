"""What every use case shares: the dossier, today, the audit transaction, the notice sink."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from antt_cli.domain.dates import today as clock_today
from antt_cli.store.dossier import Dossier


def _ignore(_: str) -> None:
    pass


@dataclass
class Context:
    """Where and when a use case runs: the dossier root, today's date (ANTT_TODAY), and a
    sink for notices (warnings the CLI prints to stderr)."""

    root: Path
    today: dt.date = field(default_factory=clock_today)
    notice: Callable[[str], None] = _ignore

    def dossier(self) -> Dossier:
        return Dossier.open(self.root)


def transaction(ctx: Context, dossier: Dossier | None, *, summary: str | None = None, action: str,
                case_id: str | None, extra_trailers: list[tuple[str, str]] | None = None):
    """The audit transaction of a use case. With `dossier` None the officer is read from
    antt.yaml with the fast loader (the service opens the dossier itself, under the lock)."""
    from antt_cli.audit.transaction import Transaction

    if dossier is not None:
        profile = dossier.profile
    else:
        from antt_cli.store.dossier import PROFILE
        from antt_cli.store.yamlio import load_yaml

        try:
            profile = load_yaml(ctx.root / PROFILE, PROFILE, fast=True)
        except Exception:  # noqa: BLE001 - opening the dossier under the lock says what is wrong
            profile = None
        profile = profile if isinstance(profile, dict) else {}
    return Transaction(ctx.root, summary=summary, action=action, case_id=case_id,
                       officer=profile.get("officer") or None,
                       officer_email=profile.get("officer_email") or None,
                       extra_trailers=extra_trailers or [], notice=ctx.notice)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plain(value: Any) -> Any:
    """A ruamel tree as plain dicts/lists (for JSON output and for the templates)."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, (int, str)) else k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
