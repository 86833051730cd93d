"""Undo and redo of every edit to a session, by snapshots of its content.

`History(session)` remembers the session as opened; `commit(session)` after each edit;
`undo(session)` / `redo(session)` put an earlier or later content back into the same Session
object, so that every screen holding it sees the change. MAX_STEPS edits are kept (≥ 100)."""

import zlib

from okrtui.models import Session

MAX_STEPS = 200


class History:
    def __init__(self, session: Session, max_steps: int = MAX_STEPS) -> None:
        self.max_steps = max_steps
        self._states: list[bytes] = [snapshot(session)]
        self._index = 0

    def commit(self, session: Session) -> None:
        """Remember the session after an edit; a new edit forgets what was undone."""
        del self._states[self._index + 1 :]
        self._states.append(snapshot(session))
        if len(self._states) > self.max_steps + 1:
            del self._states[0]
        self._index = len(self._states) - 1

    @property
    def current(self) -> bytes:
        """The snapshot of the session as it is now (after the last commit, undo or redo)."""
        return self._states[self._index]

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._states) - 1

    def undo(self, session: Session) -> bool:
        if not self.can_undo:
            return False
        self._index -= 1
        _restore(session, self._states[self._index])
        return True

    def redo(self, session: Session) -> bool:
        if not self.can_redo:
            return False
        self._index += 1
        _restore(session, self._states[self._index])
        return True


def snapshot(session: Session) -> bytes:
    """The session as compressed JSON: 200 steps of a 5,000-idea session stay small."""
    return zlib.compress(session.model_dump_json().encode("utf-8"), 1)


def _restore(session: Session, snapshot: bytes) -> None:
    """Put snapshot's content into session, in place (validated as a whole first)."""
    restored = Session.model_validate_json(zlib.decompress(snapshot))
    for name in Session.model_fields:
        object.__setattr__(session, name, getattr(restored, name))
