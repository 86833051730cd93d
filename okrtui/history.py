"""Undo and redo of every edit to a session, by snapshots of its content.

`history.record(session)` before an edit; `undo(session)` / `redo(session)` put an earlier
or later content back into the same Session object, so that every screen holding it sees
the change. At least 100 steps are kept (MAX_STEPS)."""

from typing import Any

from okrtui.models import Session

MAX_STEPS = 200


class History:
    def __init__(self, max_steps: int = MAX_STEPS) -> None:
        self.max_steps = max_steps
        self._undo: list[dict[str, Any]] = []
        self._redo: list[dict[str, Any]] = []

    @staticmethod
    def _snapshot(session: Session) -> dict[str, Any]:
        return session.model_dump(mode="python")

    def record(self, session: Session) -> None:
        """Remember the session as it is, before an edit; a new edit forgets what was undone."""
        self._undo.append(self._snapshot(session))
        del self._undo[: -self.max_steps]
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self, session: Session) -> bool:
        if not self._undo:
            return False
        self._redo.append(self._snapshot(session))
        _restore(session, self._undo.pop())
        return True

    def redo(self, session: Session) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._snapshot(session))
        _restore(session, self._redo.pop())
        return True


def _restore(session: Session, snapshot: dict[str, Any]) -> None:
    """Put snapshot's content into session, in place (validated as a whole first)."""
    restored = Session.model_validate(snapshot)
    for name in Session.model_fields:
        object.__setattr__(session, name, getattr(restored, name))
