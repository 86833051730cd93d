"""Messages built from what a file holds, or from its name, are drawn literally: markup-like
text ([b], [/], [@click=app.quit]) stays as typed, an escape sequence is shown as \\x1b…
and never reaches the terminal, and the app carries on. Notifications are drawn here
(run_test(notifications=True)): Textual's tests skip drawing them by default."""

from pathlib import Path

import pytest
from textual.pilot import Pilot

from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import PathScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.new_session import NewSessionScreen
from okrtui.screens.session import SessionScreen
from okrtui.workshop import new_session

from .conftest import fill, wait_for_save
from .rendered import drawn_toasts, squeezed, toast_texts
from .support import errors, notifications, write

HEADER = 'schema_version = 1\ntitle = "Markup"\nlanguage = "en"\n'
TEAM = '\n[[teams]]\nid = "team1"\nname = "Core"\n'
OBJECTIVE = '\n[[teams.objectives]]\nid = "o1"\ntext = "Grow"\n'

FILES: dict[str, tuple[str, str]] = {
    "unknown-key": (HEADER + '"[/]" = 1\n' + TEAM, '\n  "[/]": unknown key'),
    "unknown-key-in-a-team": (HEADER + TEAM + '"[b]x[/b]" = 2\n',
                              "teams[0].\"[b]x[/b]\" (in id 'team1'): unknown key"),
    "id-against-the-pattern": (HEADER + TEAM.replace('"team1"', '"[/]"'),
                               "teams[0].id (in id '[/]'): String should match pattern "
                               "'^[A-Za-z0-9_-]{1,40}$'"),
    "schema-version-of-markup": ('schema_version = "[b]2"\ntitle = "x"\n',
                                 "schema_version = '[b]2' is not a version number"),
    "value-echoed": (HEADER + TEAM + OBJECTIVE
                     + '[[teams.objectives.silenced]]\nrule = "[@click=app.quit]x[/]"\n'
                     + 'reason = "[red]because"\n',
                     "silenced[0].rule (in id 'o1'): unknown rule '[@click=app.quit]x[/]'"),
    "escape-in-an-id": (HEADER + TEAM.replace('"team1"', '"t\\u001b[31mred"'),
                        "(in id 't\\x1b[31mred')"),
    "escape-in-a-key": (HEADER + '"\\u001b[31m[/]" = 1\n' + TEAM,
                        '"\\u001b[31m[/]": unknown key'),
    "toml-error-after-markup": ('title = "[b]\n', "not valid TOML"),
}


async def open_and_refuse(pilot: Pilot, path: Path) -> str:
    """Open path from the home screen; the app refuses it with one error, drawn as it is
    told, and stays on the home screen, answering keys. The error's text."""
    app = pilot.app
    app.open_path(path)
    await pilot.pause()
    assert app.is_running and isinstance(app.screen, HomeScreen)
    [message] = errors(app)
    [toast] = toast_texts(app)
    assert toast == f"Cannot open this file\n{message}"
    assert drawn_toasts(app) == [squeezed(toast)]
    await pilot.press("n")
    assert isinstance(app.screen, NewSessionScreen)
    await pilot.press("escape")
    await pilot.pause()
    return message


@pytest.mark.parametrize("name", sorted(FILES))
async def test_an_error_that_echoes_markup_from_the_file_is_drawn_literally(
    isolated: Path, name: str
) -> None:
    text, fragment = FILES[name]
    path = write(isolated / f"{name}.toml", text)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        message = await open_and_refuse(pilot, path)
        assert message.startswith(f"{path}: ")
        assert fragment in message
        assert "\x1b" not in message


@pytest.mark.parametrize("name", ["[b]bold[/b] [@click=app.quit]q.toml", "x[/]y[.toml",
                                  "[red]not red[/red]\\[.toml"])
async def test_an_error_naming_a_file_of_markup_is_drawn_literally(
    isolated: Path, name: str
) -> None:
    path = isolated / name  # a "/" in the name makes a folder: markup there too
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path, 'title = "unclosed\n')
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        message = await open_and_refuse(pilot, path)
        assert message.startswith(f"{path}: not valid TOML")


async def test_an_escape_sequence_in_a_file_name_is_shown_not_sent_to_the_terminal(
    isolated: Path,
) -> None:
    name = "esc\x1b[31mred\x1b]0;title\x07\x9b2J.toml"
    path = write(isolated / name, 'title = "unclosed\n')
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        message = await open_and_refuse(pilot, path)
        shown = str(path)
        for control in ("\x1b", "\x07", "\x9b"):
            shown = shown.replace(control, f"\\x{ord(control):02x}")
        assert message.startswith(f"{shown}: not valid TOML")
        terminal = app.screen._compositor.render_update(full=True).render_segments(app.console)
        for sequence in ("\x1b[31mred", "\x1b]0;title", "\x9b2J"):
            assert sequence not in terminal


async def test_the_saved_notification_names_a_file_of_markup_literally(isolated: Path) -> None:
    app = OkrApp(lang="en", session=new_session("Unsaved [b]work[/b]", "en"))
    target = isolated / "[b]saved [@click=app.quit] x[.toml"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PathScreen)
        app.screen.query_one("#path").value = ""
        await fill(pilot, str(target))
        await wait_for_save(pilot)
        assert isinstance(app.screen, SessionScreen) and not app.dirty
        [(severity, message)] = notifications(app)
        assert severity == "information" and str(target) in message
        assert drawn_toasts(app) == [squeezed(toast) for toast in toast_texts(app)]
        assert squeezed(str(target)) in drawn_toasts(app)[0]
        assert app.is_running
    assert target.exists()
