"""The open session as one document: every edit goes through it.

A key, a dialog, a restored journal (and later a participant's phone) change the session,
then tell the document what they did (`edited`). The document records the undo step, counts
the change (for the save and the recovery journal), marks the session unsaved, and announces
a `Change` — its kind, the ids of the items it touched, and its name — to every view that
follows it. Views redraw themselves from the session, keeping their cursor by id; no edit
has to know which views to refresh. No Textual here.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from okrtui.history import History
from okrtui.models import Session, Team


@dataclass(frozen=True)
class Name:
    """What an edit did, to say what an undo takes back ("key result KR2 on O1"): a catalog
    key and its values, put into words in the language of whoever reads it."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, key: str, **values: str) -> "Name":
        return cls(key, tuple(sorted(values.items())))


ChangeKind = Literal["edit", "undo", "redo", "navigation"]
"""edit: an undo step; undo, redo: a step taken back or made again; navigation: saved with
the session but not a step (a level's phase, its timer, a session restored or new)."""


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    ids: frozenset[str] = frozenset()
    """The items the edit added or changed (the views put their cursor on them)."""
    name: Name | None = None


Listener = Callable[[Change], None]


class Document:
    """The session open in the app, where it is saved, whether it is, and its history."""

    def __init__(self, session: Session, path: Path | None = None) -> None:
        self.session = session
        self.path = path
        """Where it is saved: absolute and resolved (the app keeps it so), None if never."""
        self.history = History(session)
        self.dirty = False
        self.changes = 0
        """Counts every change, so that a save knows whether one came after it began."""
        self.history_is_current = False
        """The history's latest snapshot holds the session as it is (the journal uses it)."""
        self.team_id: str | None = None
        """The team on screen (None: the first)."""
        self._listeners: list[Listener] = []

    @property
    def team(self) -> Team:
        return next((team for team in self.session.teams if team.id == self.team_id),
                    self.session.teams[0])

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def edited(self, name: Name | None = None, ids: Iterable[str] = ()) -> Change:
        """The session was just edited: one more step to undo, unsaved, announced."""
        self.history.commit(self.session, name)
        return self._announce(Change("edit", frozenset(ids), name), in_history=True)

    def navigated(self) -> Change:
        """The session changed in a way that is saved but is not undone."""
        return self._announce(Change("navigation"), in_history=False)

    def undo(self) -> Change | None:
        """Take back the last step (None: nothing to undo). Phases and timers stay."""
        name = self.history.next_undo
        if not self.history.undo(self.session):
            return None
        return self._announce(Change("undo", name=_named(name)), in_history=False)

    def redo(self) -> Change | None:
        name = self.history.next_redo
        if not self.history.redo(self.session):
            return None
        return self._announce(Change("redo", name=_named(name)), in_history=False)

    def saved(self, path: Path, at_change: int) -> None:
        """The session as it was at change number at_change is in path: saved, unless it
        changed since."""
        self.path = path
        self.dirty = self.changes != at_change

    def _announce(self, change: Change, in_history: bool) -> Change:
        self.history_is_current = in_history
        self.changes += 1
        self.dirty = True
        for listener in list(self._listeners):
            listener(change)
        return change


def _named(name: object) -> Name | None:
    return name if isinstance(name, Name) else None


def item_tag(team: Team, item_id: str) -> str:
    """How the tree tags an objective or a key result: "O2", "KR1" ("O–", "KR–" set aside);
    "" for anything else."""
    committed = [o for o in team.objectives if not o.set_aside]
    for objective in team.objectives:
        if objective.id == item_id:
            return (f"O{committed.index(objective) + 1}" if not objective.set_aside
                    else "O–")
        krs = [kr for kr in objective.key_results if not kr.set_aside]
        for kr in objective.key_results:
            if kr.id == item_id:
                return f"KR{krs.index(kr) + 1}" if not kr.set_aside else "KR–"
    return ""
