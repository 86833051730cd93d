"""Files of an older schema_version are read, brought up to date in memory, and written in
the current version only when saved."""

from pathlib import Path

import pytest

from okrtui.cli import main
from okrtui.migrations import STEPS, migrate
from okrtui.models import SCHEMA_VERSION
from okrtui.problems import SessionFileError
from okrtui.storage import dumps_session, load_session, parse_session, save_session

VERSION_1 = Path(__file__).with_name("files") / "version-1.toml"


def test_every_older_version_has_a_step() -> None:
    assert sorted(STEPS) == list(range(1, SCHEMA_VERSION))


def test_a_version_1_file_loads_with_its_decision_log() -> None:
    session = load_session(VERSION_1)
    assert [decision.text for decision in session.decision_log] == [
        "Le web d'abord", "Pas de nouvelle offre ce trimestre"]
    assert session.decision_log[0].rationale == "Le mobile attendra"
    assert session.teams[0].objectives[0].decisions == ["Segment : les vendeurs pros"]
    assert session.teams[0].objectives[0].key_results[0].baseline == 9


def test_reading_never_writes_and_saving_writes_the_current_version(tmp_path: Path) -> None:
    copy = tmp_path / "old.toml"
    copy.write_bytes(VERSION_1.read_bytes())
    session = load_session(copy)
    assert copy.read_bytes() == VERSION_1.read_bytes()
    save_session(session, copy)
    text = copy.read_text(encoding="utf-8")
    assert text.startswith(f"schema_version = {SCHEMA_VERSION}\n")
    assert "[[decision_log]]" in text and "[[decisions]]" not in text
    assert load_session(copy) == session


def test_a_migrated_file_is_checked_like_any_other(capsys) -> None:
    assert main(["check", str(VERSION_1)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_a_step_leaves_what_it_cannot_move_for_validation_to_report() -> None:
    both = VERSION_1.read_text(encoding="utf-8") + '\n[[decision_log]]\nid = "d3"\ntext = "x"\n'
    with pytest.raises(SessionFileError) as error:
        parse_session(both.encode(), "both.toml")
    assert "decisions: unknown key" in str(error.value)


def test_the_current_version_is_left_as_it_is() -> None:
    table = {"schema_version": SCHEMA_VERSION, "decisions": "anything"}
    assert migrate(dict(table), SCHEMA_VERSION) == table


def test_version_1_and_current_files_of_the_same_session_are_equal() -> None:
    session = load_session(VERSION_1)
    assert parse_session(dumps_session(session).encode()) == session
