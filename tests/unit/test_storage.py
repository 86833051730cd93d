"""Session files: what is saved comes back equal, byte-stable; bad files are refused clearly."""

import os
import re
import stat
from pathlib import Path

import pytest

from okrtui import storage
from okrtui.findings import session_findings
from okrtui.i18n import catalog
from okrtui.models import Idea, KeyResult, Objective, Session
from okrtui.storage import (
    SaveError,
    SessionFileError,
    dumps_session,
    load_session,
    parse_session,
    save_session,
)

from .conftest import MINIMAL_TOML, REPO, SESSIONS, build_session, rich_session, session_toml, write

EXAMPLES = sorted(SESSIONS.glob("*.toml"))


def failed_load(path: Path) -> str:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(SessionFileError) as caught:
        load_session(path)
    if before is not None:
        assert path.read_bytes() == before, "a failed load must leave the file as it was"
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    return message


# --- round trips ----------------------------------------------------------------------


def test_a_rich_session_round_trips_equal_and_byte_stable(tmp_path: Path) -> None:
    session = rich_session()
    path = tmp_path / "atelier.toml"
    save_session(session, path)
    first = path.read_bytes()
    loaded = load_session(path)
    assert loaded == session
    save_session(loaded, path)
    assert path.read_bytes() == first
    assert dumps_session(loaded).encode("utf-8") == first


def test_the_rich_session_sets_every_field() -> None:
    """Guard for the round trip above: every key of every model appears in the file."""
    text = dumps_session(rich_session())
    keys = set(re.findall(r"^([a-z_]+) = ", text, flags=re.MULTILINE))
    headers = set(re.findall(r"^\[\[([a-z_.]+)\]\]$", text, flags=re.MULTILINE))
    expected = {
        "schema_version", "title", "period", "language", "id", "name", "level", "text",
        "author", "promoted_to", "decisions", "baseline", "target", "unit", "set_aside",
        "moves", "owner", "due", "first_step",
    }
    assert expected <= keys
    assert headers == {
        "participants", "teams", "teams.ideas", "teams.objectives",
        "teams.objectives.key_results", "teams.objectives.tactics",
        "teams.objectives.tactics.actions",
    }


TRICKY = [
    'quotes " and """ triple',
    "back\\slash and \\n not a newline",
    "ends with a quote\"",
    "ends with a backslash\\",
    "\nstarts with a newline",
    "two\n\nblank\nlines\n",
    "tab\tinside\nand newline",
    "emoji 🎯👩‍💻 « guillemets » non\u00a0breaking",
    "مرحبا שלום",
    "[b]x[/] [@click=app.quit]x[/]",
    "'single' and '''triple single'''",
    "#not a comment",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_round_trips(text: str) -> None:
    session = build_session([1])
    objective = session.teams[0].objectives[0]
    objective.text = text
    objective.decisions = [text]
    objective.key_results[0].unit = text
    dumped = dumps_session(session)
    loaded = parse_session(dumped.encode("utf-8"))
    assert loaded.teams[0].objectives[0].text == text
    assert loaded.teams[0].objectives[0].decisions == [text]
    assert loaded.teams[0].objectives[0].key_results[0].unit == text
    assert dumps_session(loaded) == dumped


@pytest.mark.parametrize(
    ("written", "kind"), [("12", int), ("12.0", float), ("9.6", float), ("-3", int),
                          ("1e3", float), ("0", int)]
)
def test_numbers_keep_their_kind_through_a_file(written: str, kind: type) -> None:
    body = (
        '\n[[teams]]\nid = "team1"\nname = ""\n\n[[teams.objectives]]\nid = "o1"\n'
        f'text = "Permettre"\n\n[[teams.objectives.key_results]]\nid = "k1"\n'
        f'text = "Réduire"\nbaseline = {written}\n'
    )
    session = parse_session(session_toml(body).encode())
    baseline = session.teams[0].objectives[0].key_results[0].baseline
    assert type(baseline) is kind
    again = parse_session(dumps_session(session).encode())
    assert type(again.teams[0].objectives[0].key_results[0].baseline) is kind


def test_canonical_form_details() -> None:
    text = dumps_session(rich_session())
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert text.startswith('schema_version = 2\ntitle = "')
    assert "[[teams.objectives]]" in text and "= [{" not in text
    assert "set_aside = false" not in text
    assert 'decisions = [\n    "' in text
    for header in re.finditer(r"^\[\[", text, flags=re.MULTILINE):
        assert text[header.start() - 2 : header.start()] == "\n\n"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_sessions_load_and_redump_byte_identically(example: Path) -> None:
    session = load_session(example)
    assert dumps_session(session).encode("utf-8") == example.read_bytes()


def test_there_are_example_sessions_if_the_folder_has_files() -> None:
    if SESSIONS.is_dir() and any(SESSIONS.iterdir()):
        assert EXAMPLES, "sessions/ holds files but no *.toml session"


def test_example_sessions_are_within_the_limits() -> None:
    for example in EXAMPLES:
        session = load_session(example)
        rules = {f.rule for f in session_findings(session, catalog(session.language))}
        assert not rules & {"limit.objectives", "limit.key_results"}, example.name


def test_the_example_in_the_format_page_is_canonical() -> None:
    page = REPO / "docs" / "format.md"
    blocks = re.findall(r"```toml\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert blocks
    session = parse_session(blocks[-1].encode("utf-8"))
    assert dumps_session(session) == blocks[-1]


def test_a_hand_written_file_in_another_form_loads_the_same() -> None:
    hand = (
        "# a comment\nlanguage = 'en'\nschema_version = 1\ntitle = 'Atelier'\n"
        "teams = [{id = 'team1', name = 'Core', objectives = [{id = 'o1', text = 'Enable', "
        "key_results = [{id = 'k1', text = 'Reduce', baseline = 12}]}]}]\n"
    )
    session = parse_session(hand.encode())
    assert session.teams[0].objectives[0].key_results[0].baseline == 12
    canonical = dumps_session(session)
    assert parse_session(canonical.encode()) == session
    assert "# a comment" not in canonical


def test_a_byte_order_mark_is_tolerated() -> None:
    session = parse_session(b"\xef\xbb\xbf" + MINIMAL_TOML.encode())
    assert not dumps_session(session).startswith("\ufeff")


def test_windows_line_endings_load() -> None:
    session = parse_session(MINIMAL_TOML.replace("\n", "\r\n").encode())
    assert session.teams[0].name == "Core"


def test_a_file_over_the_limits_opens_and_keeps_everything(tmp_path: Path) -> None:
    session = build_session([4, 2, 2, 2, 2])
    path = tmp_path / "big.toml"
    save_session(session, path)
    loaded = load_session(path)
    team = loaded.teams[0]
    assert len(team.committed_objectives) == 5
    assert len(team.objectives[0].committed_key_results) == 4
    assert loaded == session
    save_session(loaded, path)
    assert load_session(path) == session


# --- bad files ----------------------------------------------------------------------------


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    content = MINIMAL_TOML.encode().replace(b'"Atelier"', b'"Atelier \xe9t\xe9"')
    path = write(tmp_path / "latin1.toml", content)
    message = failed_load(path)
    assert "line 2" in message and "UTF-8" in message


def test_not_toml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.toml", MINIMAL_TOML + "\n\nthis is not toml\n")
    message = failed_load(path)
    total_lines = (MINIMAL_TOML + "\n\nthis is not toml\n").count("\n")
    assert f"line {total_lines}" in message and "TOML" in message


def test_missing_schema_version_is_not_a_session(tmp_path: Path) -> None:
    path = write(tmp_path / "other.toml", '[tool.ruff]\nline-length = 100\n')
    message = failed_load(path)
    assert "schema_version" in message and "not an okrtui session" in message


def test_a_newer_schema_version_asks_to_update(tmp_path: Path) -> None:
    path = write(tmp_path / "future.toml", MINIMAL_TOML.replace("schema_version = 1",
                                                               "schema_version = 7"))
    message = failed_load(path)
    assert "7" in message and "newer" in message and "not changed" in message


@pytest.mark.parametrize("value", ['"1"', "true", "0", "1.0", "-1"])
def test_a_schema_version_that_is_not_a_version(tmp_path: Path, value: str) -> None:
    path = write(tmp_path / "odd.toml", MINIMAL_TOML.replace("schema_version = 1",
                                                            f"schema_version = {value}"))
    assert "schema_version" in failed_load(path)


def test_wrong_types_name_the_field_path_and_id(tmp_path: Path) -> None:
    body = (
        '\n[[teams]]\nid = "team1"\nname = "Core"\n\n'
        '[[teams.objectives]]\nid = "o1"\ntext = "Enable"\n\n'
        '[[teams.objectives]]\nid = "o2"\ntext = 42\n\n'
        '[[teams.objectives.key_results]]\nid = "k4"\ntext = "Reduce"\nbaseline = "12"\n'
    )
    path = write(tmp_path / "types.toml", session_toml(body))
    message = failed_load(path)
    assert "teams[0].objectives[1].text (in id 'o2')" in message
    assert "teams[0].objectives[1].key_results[0].baseline (in id 'k4')" in message


def test_an_unknown_key_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "typo.toml", MINIMAL_TOML + 'titel = "x"\n')
    message = failed_load(path)
    assert "teams[0].titel" in message and "unknown key" in message


@pytest.mark.parametrize(("key", "named"), [('"[/]"', '"[/]"'), ('"a b"', '"a b"'),
                                          ('"\\u001b[31m"', '"\\u001b[31m"')])
def test_an_unknown_key_that_is_not_a_bare_word_is_named_as_toml_quotes_it(
    tmp_path: Path, key: str, named: str
) -> None:
    path = write(tmp_path / "odd-key.toml", MINIMAL_TOML + f"{key} = 1\n")
    assert f"teams[0].{named} (in id 'team1'): unknown key" in failed_load(path)
    top_level = MINIMAL_TOML.replace("\n[[teams]]", f"{key} = 1\n[[teams]]", 1)
    top = write(tmp_path / "odd-top-key.toml", top_level)
    assert f"\n  {named}: unknown key" in failed_load(top)


def test_a_broken_reference_is_named(tmp_path: Path) -> None:
    body = (
        '\n[[teams]]\nid = "team1"\nname = "Core"\n\n'
        '[[teams.ideas]]\nid = "i1"\nlevel = "ambition"\ntext = "x"\nauthor = "p7"\n'
    )
    path = write(tmp_path / "ref.toml", session_toml(body))
    assert "teams[0].ideas[0].author: no participant has id 'p7'" in failed_load(path)


def test_many_problems_are_summed_up(tmp_path: Path) -> None:
    items = "".join(f'\n[[teams]]\nid = "t{n}"\nname = {n}\n' for n in range(8))
    path = write(tmp_path / "many.toml", session_toml(items))
    message = failed_load(path)
    assert "and 3 more" in message


def test_a_folder_is_not_a_session(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert "folder" in failed_load(folder)


def test_a_missing_file(tmp_path: Path) -> None:
    assert "no such file" in failed_load(tmp_path / "missing.toml")


def test_a_file_inside_a_regular_file_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    not_a_folder = write(tmp_path / "plain", "x")
    failed_load(not_a_folder / "session.toml")


def test_an_oversized_file_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch)\
        -> None:
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 100)
    path = write(tmp_path / "huge.toml", MINIMAL_TOML + "# padding\n" * 20)
    assert "MB" in failed_load(path)


def _stated_sizes(message: str) -> tuple[float, float]:
    found = re.search(r"is (\S+) MB; a session file is at most (\S+) MB", message)
    assert found, message
    return float(found.group(1)), float(found.group(2))


def test_an_oversized_file_message_states_a_size_above_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "just-over.toml"
    with path.open("wb") as file:  # sparse: no 20 MB written
        file.truncate(storage.MAX_FILE_BYTES + 1)
    size, limit = _stated_sizes(failed_load(path))
    assert size > limit


def test_an_oversized_file_message_states_the_limit_in_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "over.toml"
    with path.open("wb") as file:
        file.truncate(3 * 1024 * 1024)
    size, limit = _stated_sizes(failed_load(path))
    assert (size, limit) == (3, 1)


def test_the_message_follows_the_language(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(SessionFileError) as caught:
        load_session(path)
    assert caught.value.message(catalog("fr")) == f"{path}\u00a0: fichier introuvable."


# --- saving -------------------------------------------------------------------------------


def test_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(rich_session(), path)
    save_session(rich_session(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_save_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    path = write(tmp_path / "shared.toml", MINIMAL_TOML)
    path.chmod(0o664)
    save_session(rich_session(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert load_session(path) == rich_session()


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    """A session (or export) saved for the first time should be readable like any file the
    user creates (0o666 minus the umask), not private to its owner."""
    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "new.toml"
    save_session(rich_session(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_save_into_a_missing_folder_raises_save_error(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "s.toml"
    with pytest.raises(SaveError) as caught:
        save_session(rich_session(), path)
    assert str(caught.value).startswith(f"{path}: ")
    assert not (tmp_path / "missing").exists()


def test_save_where_the_folder_is_a_regular_file_raises_save_error(tmp_path: Path) -> None:
    blocker = write(tmp_path / "blocker", "keep me")
    with pytest.raises(SaveError):
        save_session(rich_session(), blocker / "s.toml")
    assert blocker.read_bytes() == b"keep me"


def test_a_failed_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    save_session(build_session([2]), path)
    old = path.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        save_session(rich_session(), path)
    assert "No space left on device" in str(caught.value)
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_save_over_a_folder_raises_save_error(tmp_path: Path) -> None:
    folder = tmp_path / "s.toml"
    folder.mkdir()
    with pytest.raises(SaveError):
        save_session(rich_session(), folder)
    assert folder.is_dir() and not any(folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_a_saved_session_keeps_set_aside_items_and_ideas(tmp_path: Path) -> None:
    session = build_session([2], set_aside_objectives=1, set_aside_krs=1)
    session.teams[0].ideas.append(Idea(id="i1", level="tactic", text="Pari"))
    path = tmp_path / "s.toml"
    save_session(session, path)
    team = load_session(path).teams[0]
    assert [o.set_aside for o in team.objectives] == [False, True]
    assert [kr.set_aside for kr in team.objectives[0].key_results] == [False, False, True]
    assert team.ideas[0].text == "Pari"


def test_session_models_are_plain_data() -> None:
    """Equality is by value, which the round-trip tests rely on."""
    a = Objective(id="o1", text="x", key_results=[KeyResult(id="k1", text="y")])
    b = Objective(id="o1", text="x", key_results=[KeyResult(id="k1", text="y")])
    assert a == b
    assert Session.model_validate(rich_session().model_dump()) == rich_session()
