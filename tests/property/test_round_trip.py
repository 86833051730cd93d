"""Any session the models accept is saved and read back exactly, and saves to the same bytes."""

from hypothesis import given

from okrtui.models import Session
from okrtui.storage import dumps_session, parse_session

from .checks import assert_plain_toml
from .sessions import sessions, typed


@given(sessions())
def test_a_valid_session_round_trips_exactly(session: Session) -> None:
    text = dumps_session(session)
    assert_plain_toml(text)
    loaded = parse_session(text.encode("utf-8"))
    assert loaded == session
    # == alone takes 12 for 12.0 and 0.0 for -0.0; the file does not.
    assert typed(loaded.model_dump()) == typed(session.model_dump())
    assert dumps_session(loaded) == text
    # The cleaning on the way in is done once: validating again changes nothing.
    assert typed(Session.model_validate(loaded.model_dump()).model_dump()) == typed(
        session.model_dump()
    )
