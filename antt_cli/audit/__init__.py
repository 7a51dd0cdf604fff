"""The audit trail: the only part of antt that talks to git (docs/commands.md).

- `git`          one question to git per function (work tree? HEAD? dirty paths? identity?)
- `lock`         the dossier lock: one writing command at a time, stale locks cleared
- `transaction`  write files → commit exactly them with Antt-* trailers, or undo everything
- `history`      the trailers read back (`antt history`, `antt verify`)
"""

# Commits made by this process, newest last: (sha, summary). The CLI's error handler reads
# it to tell "nothing was changed" from "the change was committed, then …" (docs/commands.md: exit 1
# and 3 mean nothing was changed). Here, not in transaction.py, so that reading commands
# need not import the transaction.
COMMITS: list[tuple[str, str]] = []
