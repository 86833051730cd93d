"""Files as a user meets them: opening bad ones, odd names, saving where it fails, saving over
another file, leaving with unsaved changes, the recent list and the example sessions."""

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import ConfirmScreen, PathScreen, QuitScreen
from okrtui.screens.home import HomeScreen, example_files
from okrtui.screens.session import SessionScreen
from okrtui.screens.widgets.title_bar import TitleBar
from okrtui.storage import load_session, save_session
from okrtui.workshop import new_session

from .conftest import fill, start_capture, wait_for_save
from .support import (
    errors,
    last_title,
    notifications,
    option_texts,
    session_with_three_objectives,
    write,
)

VALID = """\
schema_version = 1
title = "A small session"
language = "en"

[[teams]]
id = "team1"
name = "Product"
"""

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "not-toml.toml": (b'schema_version = 1\ntitle = "unclosed\n', "not valid TOML"),
    "latin1.toml": ('schema_version = 1\ntitle = "Équipe"\n'.encode("latin-1"),
                    "line 2: not UTF-8 text"),
    "no-version.toml": (b'title = "Old file"\nlanguage = "en"\n',
                        "the schema_version key is missing"),
    "newer.toml": (b'schema_version = 7\ntitle = "From the future"\n',
                   "written by a newer okrtui"),
    "invalid.toml": (b'schema_version = 1\ntitle = "No teams"\nlanguage = "xx"\n',
                     "not a valid session"),
}


async def open_from_home(pilot, path: Path | str) -> None:
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("o")
    assert isinstance(pilot.app.screen, PathScreen)
    await fill(pilot, str(path))


def header_text(app: OkrApp) -> str:
    return str(app.screen.query_one(TitleBar).content)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
async def test_a_bad_file_is_refused_with_a_message_and_left_as_it_was(
    isolated: Path, name: str
) -> None:
    data, problem = BAD_FILES[name]
    path = isolated / name
    path.write_bytes(data)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_home(pilot, path)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.session is None
        [message] = errors(app)
        assert message.startswith(f"{path}: ")
        assert problem in message
        assert last_title(app) == "Cannot open this file"
    assert path.read_bytes() == data


async def test_a_missing_file_is_refused_by_name(isolated: Path) -> None:
    path = isolated / "nowhere" / "gone.toml"
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_home(pilot, path)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert errors(app) == [f"{path}: no such file."]
    assert not path.exists()


async def test_a_file_too_big_to_be_a_session_is_refused_unread(isolated: Path) -> None:
    path = isolated / "huge.toml"
    with path.open("wb") as file:
        file.truncate(21 * 1024 * 1024)  # sparse: 21 MB that take no room
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_home(pilot, path)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert errors(app) == [f"{path}: is 21.0 MB; a session file is at most 20.0 MB."]
    assert path.stat().st_size == 21 * 1024 * 1024


async def test_a_folder_is_refused_in_the_open_dialog(isolated: Path) -> None:
    folder = isolated / "a-folder.toml"
    folder.mkdir()
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_home(pilot, folder)
        assert isinstance(app.screen, PathScreen)
        error = str(app.screen.query_one("#path-error", Static).content)
        assert error.startswith(f"{folder} is a folder")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.session is None
    assert folder.is_dir() and not any(folder.iterdir())


async def test_a_recent_file_that_became_a_folder_or_went_missing_is_refused(
    isolated: Path,
) -> None:
    became_folder = write(isolated / "moved.toml", VALID)
    gone = write(isolated / "gone.toml", VALID)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        for path in (became_folder, gone):
            await open_from_home(pilot, path)
            assert isinstance(app.screen, SessionScreen)
            await pilot.press("ctrl+o")
            await pilot.pause()
        became_folder.unlink()
        became_folder.mkdir()
        gone.unlink()
        app.screen.refresh_entries()
        await pilot.pause()
        entries = app.screen.query_one("#home-entries", OptionList)
        texts = option_texts(entries)
        assert f"  {gone}  (missing)" in texts
        for path, problem in ((became_folder, "is a folder, not a session file."),
                              (gone, "no such file.")):
            entries.highlighted = next(i for i, t in enumerate(texts) if t.startswith(f"  {path}"))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert errors(app)[-1] == f"{path}: {problem}"


@pytest.mark.parametrize("name", ["[b]x[/].toml", "[@click=app.quit]y.toml", "x[/b]y[.toml"])
async def test_a_name_that_looks_like_markup_is_shown_as_it_is(isolated: Path, name: str) -> None:
    missing = isolated / f"missing {name}"
    path = isolated / name  # a "/" in the name makes a folder: markup there too
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path, VALID)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_home(pilot, missing)
        await pilot.pause()
        assert errors(app) == [f"{missing}: no such file."]
        assert isinstance(app.screen, HomeScreen)

        await open_from_home(pilot, path)
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert header_text(app) == f"A small session — {name}"

        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert f"  {path}" in option_texts(app.screen.query_one("#home-entries", OptionList))
        assert app.is_running


async def save_to(pilot, path: Path | str) -> None:
    """In the save dialog: replace the proposed path, then enter."""
    assert isinstance(pilot.app.screen, PathScreen)
    pilot.app.screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def capture_an_idea(pilot, text: str = "One more idea") -> None:
    await start_capture(pilot)
    await fill(pilot, text)
    await pilot.press("escape")


async def test_saving_into_a_missing_folder_fails_and_keeps_the_session_open(
    isolated: Path,
) -> None:
    app = OkrApp(session=new_session("Unsaved work", "en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot)
        assert app.dirty
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PathScreen)
        assert app.screen.query_one("#path", Input).value == str(isolated / "unsaved-work.toml")
        target = isolated / "no-such-folder" / "work.toml"
        await save_to(pilot, target)
        await wait_for_save(pilot)

        assert isinstance(app.screen, SessionScreen)
        [message] = errors(app)
        assert message.startswith(f"{target}: cannot write in {target.parent}")
        assert message.endswith(": nothing was written.")
        assert last_title(app) == "Not saved"
        assert app.dirty and app.path is None
        assert app.session.teams[0].ideas[0].text == "One more idea"
        assert header_text(app) == "Unsaved work — not saved yet ●"
    assert not target.parent.exists()


async def test_ctrl_s_saves_to_the_session_file_without_asking(isolated: Path) -> None:
    path = isolated / "limits.toml"
    session = session_with_three_objectives()
    save_session(session, path)
    app = OkrApp(session=session, path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert header_text(app) == "Limits workshop — limits.toml"
        await capture_an_idea(pilot, "Saved at once")
        assert header_text(app) == "Limits workshop — limits.toml ●"
        await pilot.press("ctrl+s")
        await wait_for_save(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert not app.dirty
        assert notifications(app)[-1] == ("information", f"Saved to {path}.")
        assert header_text(app) == "Limits workshop — limits.toml"
    assert "Saved at once" in path.read_text(encoding="utf-8")


async def test_save_as_over_another_file_asks_first(isolated: Path) -> None:
    path = isolated / "mine.toml"
    other = write(isolated / "theirs.toml", "# someone else's notes\n")
    session = session_with_three_objectives()
    save_session(session, path)
    app = OkrApp(session=session, path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        assert isinstance(app.screen, PathScreen)
        assert app.screen.query_one("#path", Input).value == str(path)
        await save_to(pilot, other)
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one(".question", Static).content)
        assert question == f"{other} already exists. Replace it with this session?"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert other.read_text(encoding="utf-8") == "# someone else's notes\n"
        assert app.path == path

        await pilot.press("f2")
        await save_to(pilot, other)
        await pilot.click("#no")
        await pilot.pause()
        assert other.read_text(encoding="utf-8") == "# someone else's notes\n"

        await pilot.press("f2")
        await save_to(pilot, other)
        await pilot.click("#yes")
        await wait_for_save(pilot)
        assert app.path == other
        assert header_text(app) == "Limits workshop — theirs.toml"
    assert load_session(other) == session


async def test_save_as_to_its_own_file_does_not_ask(isolated: Path) -> None:
    path = isolated / "mine.toml"
    session = session_with_three_objectives()
    save_session(session, path)
    app = OkrApp(session=session, path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2", "enter")
        await wait_for_save(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert notifications(app) == [("information", f"Saved to {path}.")]


async def test_quitting_with_unsaved_changes_asks_and_cancel_stays(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "s.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.is_running and app.dirty

        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SessionScreen)

        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert not (isolated / "s.toml").exists()


async def test_pressing_ctrl_q_twice_asks_once(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "s.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot)
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")  # one cancel is enough to be back at work
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen), app.screen_stack
        assert app.is_running


async def test_quitting_and_saving_writes_the_file_then_exits(isolated: Path) -> None:
    path = isolated / "s.toml"
    app = OkrApp(session=session_with_three_objectives(), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot, "Keep this one")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#save")
        await wait_for_save(pilot)
        assert not app.is_running
    assert "Keep this one" in path.read_text(encoding="utf-8")


async def test_quitting_with_nothing_unsaved_exits_at_once(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "s.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_quitting_from_the_home_screen_exits_at_once(isolated: Path) -> None:
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_the_recent_list_shows_an_opened_file_and_reopens_it(isolated: Path) -> None:
    path = write(isolated / "small.toml", VALID)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        entries = app.screen.query_one("#home-entries", OptionList)
        assert "  none yet" in option_texts(entries)

        await open_from_home(pilot, path)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        entries = app.screen.query_one("#home-entries", OptionList)
        texts = option_texts(entries)
        assert "  none yet" not in texts
        recent = texts.index(f"  {path}")
        assert texts.index("Recent sessions") < recent < texts.index("Example sessions")
        entries.focus()
        entries.highlighted = recent
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.path == path and app.session.title == "A small session"
    assert path.read_text(encoding="utf-8") == VALID


async def test_every_example_on_the_home_screen_opens(isolated: Path) -> None:
    examples = example_files()
    assert len(examples) >= 2
    before = {path: path.read_bytes() for path in examples}
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for path in examples:
            entries = app.screen.query_one("#home-entries", OptionList)
            texts = option_texts(entries)
            expected = load_session(path)
            index = texts.index(f"  {expected.title} — {path.name}")
            entries.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen), errors(app)
            assert app.session == expected and not app.dirty
            assert header_text(app).startswith(expected.title)
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        assert errors(app) == []
    assert {path: path.read_bytes() for path in examples} == before
