"""The audit trail: the only part of antt that talks to git (SPEC §11).

- `git`          one question to git per function (work tree? HEAD? dirty paths? identity?)
- `lock`         the dossier lock: one writing command at a time, stale locks cleared
- `transaction`  write files → commit exactly them with Antt-* trailers, or undo everything
- `history`      the trailers read back (`antt history`, `antt verify`)
"""
