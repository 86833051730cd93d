"""Undo puts back exactly what any valid session held, hostile text included: the history
keeps a session in pieces (its long lists in chunks, here of two items) and joins them."""

import zlib
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from okrtui.history import History
from okrtui.models import Session
from okrtui.storage import dumps_session

from .sessions import sessions, typed


def held(data: bytes) -> Session:
    return Session.model_validate_json(zlib.decompress(data))


@given(sessions(), st.data())
def test_any_session_is_undone_and_redone_exactly(session: Session, data: st.DataObject) -> None:
    with mock.patch("okrtui.snapshots.CHUNK", 2):
        before = dumps_session(session)
        history = History(session)
        assert typed(held(history.current).model_dump()) == typed(session.model_dump())
        team = session.teams[data.draw(st.integers(0, len(session.teams) - 1))]
        pointed_at = {idea.promoted_to for other in session.teams for idea in other.ideas}
        removable = [idea for idea in team.ideas if idea.id not in pointed_at]
        if removable:
            removed = data.draw(st.sampled_from(removable))
            team.ideas.remove(removed)
            team.votes = [vote for vote in team.votes if vote.idea != removed.id]
        session.title = "Changed " + session.title
        history.commit(session)
        after = dumps_session(session)
        assert typed(held(history.current).model_dump()) == typed(session.model_dump())
        assert history.undo(session)
        assert dumps_session(session) == before
        assert history.redo(session)
        assert dumps_session(session) == after
