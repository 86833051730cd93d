"""What ctrl+s hands to its thread: the session's table, taken at once. Writing it gives the
very file that saving the session gives, byte for byte, and edits made to the session after
the table was taken do not reach it."""

from pathlib import Path

import pytest

from bench.generate import large_session
from okrtui.models import Idea, Session
from okrtui.storage import (
    SaveError,
    file_stamp,
    load_session,
    save_session,
    save_table,
    session_table,
)

from .conftest import SESSIONS, build_session, rich_session
from .test_storage import TRICKY


def tricky_session() -> Session:
    session = build_session([2])
    objective = session.teams[0].objectives[0]
    objective.text = TRICKY[0]
    objective.decisions = TRICKY
    first, second = objective.key_results
    first.baseline, first.target, first.unit = 12.0, 9.6, TRICKY[-1]
    second.baseline, second.target = -(2**63), 1e30
    return session


EXAMPLES = sorted(SESSIONS.glob("*.toml"))
SESSIONS_TO_SAVE = {
    "rich": rich_session,
    "tricky": tricky_session,
    "large": lambda: large_session(300),
    **{path.name: (lambda path=path: load_session(path)) for path in EXAMPLES},
}


@pytest.mark.parametrize("name", SESSIONS_TO_SAVE)
def test_a_table_saves_byte_identically_to_the_session(name: str, tmp_path: Path) -> None:
    session = SESSIONS_TO_SAVE[name]()
    direct, from_table = tmp_path / "direct.toml", tmp_path / "table.toml"
    assert save_session(session, direct) == file_stamp(direct)
    assert save_table(session_table(session), from_table) == file_stamp(from_table)
    assert from_table.read_bytes() == direct.read_bytes()


def test_edits_after_the_table_was_taken_do_not_reach_the_file(tmp_path: Path) -> None:
    session = rich_session()
    before = tmp_path / "before.toml"
    save_session(session, before)
    table = session_table(session)

    team = session.teams[0]
    objective = team.objectives[0]
    objective.text = "Edited while the file is written"
    objective.decisions.append("appended in place")
    objective.key_results[0].baseline = 999
    team.ideas.append(Idea(id="late", level="ambition", text="A late idea"))
    team.ideas[0].text = "Renamed"
    session.participants.pop()

    after = tmp_path / "after.toml"
    save_table(table, after)
    assert after.read_bytes() == before.read_bytes()


def test_a_table_into_a_missing_folder_raises_save_error(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "s.toml"
    with pytest.raises(SaveError):
        save_table(session_table(rich_session()), path)
    assert not path.parent.exists()
