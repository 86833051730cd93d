"""Terminal sizes: the app survives tiny and huge terminals and resizes between them; at 80×24
the tabs, the idea fields and the dialogs' fields and buttons are all on screen."""

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList

from okrtui.refs import ObjectiveRef, TacticRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import ActionForm, KeyResultForm, PickScreen, TacticForm
from okrtui.screens.help import HelpScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.new_session import NewSessionScreen
from okrtui.screens.session import SessionScreen
from okrtui.screens.widgets.level_tabs import LevelTabs
from okrtui.storage import load_session

from .conftest import EXAMPLES
from .support import fully_visible, level_view, line_with, put_cursor_on, tree_lines

SIZES = [(20, 8), (40, 12), (80, 24), (200, 60)]
EXAMPLE = EXAMPLES / "publication-autonome.toml"


def example_app() -> OkrApp:
    return OkrApp(session=load_session(EXAMPLE), path=EXAMPLE)


def off_screen(app: OkrApp, widgets: list[Widget]) -> list[str]:
    """The widgets that are not wholly on the screen, named for the assertion message."""
    screen = app.screen.region
    return [f"{w!r} at {w.region}" for w in widgets if not fully_visible(w, screen)]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_home_screen_at(isolated: Path, size: tuple[int, int]) -> None:
    app = OkrApp(lang="en")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#home-entries", OptionList).option_count > 4
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "n")
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.is_running


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_an_example_session_at(isolated: Path, size: tuple[int, int]) -> None:
    app = example_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("4", "1")
        await pilot.press("k")  # which objective? (the cursor is not on one yet)
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, KeyResultForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.is_running
        assert not app.dirty


async def test_resizing_through_every_size_on_the_home_screen_and_in_a_session(
    isolated: Path,
) -> None:
    app = OkrApp(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            assert app.size == (width, height)
            assert isinstance(app.screen, HomeScreen)
        app.open_path(EXAMPLE)
        await pilot.pause()
        for key, (width, height) in zip("2341", reversed(SIZES), strict=True):
            await pilot.press(key)
            await pilot.resize_terminal(width, height)
            assert app.size == (width, height)
        await pilot.press("4")
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, SessionScreen) and app.is_running
        review = tree_lines(level_view(app, "review"))
        assert line_with(review, "O1", "Permettre à nos utilisateurs prioritaires")


async def test_resizing_with_a_dialog_open_keeps_the_dialog(isolated: Path) -> None:
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("k", "enter")  # for the first objective
        assert isinstance(app.screen, KeyResultForm)
        for width, height in [*SIZES, *reversed(SIZES), (80, 24)]:
            await pilot.resize_terminal(width, height)
        assert isinstance(app.screen, KeyResultForm)
        assert not off_screen(app, [*app.screen.query(Input), *app.screen.query(Button)])
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


@pytest.mark.parametrize("example", ["publication-autonome", "onboarding-self-serve"])
async def test_at_80x24_the_tabs_and_the_idea_fields_are_on_screen(
    isolated: Path, example: str
) -> None:
    path = EXAMPLES / f"{example}.toml"
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        level_tabs = app.screen.query_one(LevelTabs)
        tabs: list[Widget] = [level_tabs]
        assert len(level_tabs.labels) == 5
        assert not off_screen(app, tabs)
        assert level_tabs.spans()[-1][1] <= level_tabs.size.width  # every name shows
        for key, level in (("1", "ambition"), ("2", "tactic"), ("3", "execution")):
            await pilot.press(key)
            await pilot.pause()
            field = app.screen.query_one(f"#{level}-idea-input", Input)
            author = app.screen.query_one(f"#{level}-author")
            assert not off_screen(app, [field, author, *tabs])
            await pilot.press("i")
            assert app.focused is field
            await pilot.press("escape")  # out of the field, so that digits switch levels


async def test_at_80x24_every_form_shows_all_its_fields_and_buttons(isolated: Path) -> None:
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        objective = app.session.teams[0].objectives[0]
        tactic = objective.tactics[0]

        def controls() -> list[Widget]:
            return list(app.screen.query(
                "Input, TextArea, Select, SelectionList, RadioSet, Button"))

        await put_cursor_on(pilot, level_view(app, "ambition"), ObjectiveRef(objective.id))
        await pilot.press("k")
        assert isinstance(app.screen, KeyResultForm)
        assert len(controls()) == 6 and not off_screen(app, controls())
        await pilot.press("escape")

        await pilot.press("2")
        await put_cursor_on(pilot, level_view(app, "tactic"), ObjectiveRef(objective.id))
        await pilot.press("n")
        assert isinstance(app.screen, TacticForm)
        assert len(controls()) == 4 and not off_screen(app, controls())
        await pilot.press("escape")

        await pilot.press("3")
        await put_cursor_on(pilot, level_view(app, "execution"),
                            TacticRef(objective.id, tactic.id))
        await pilot.press("n")
        assert isinstance(app.screen, ActionForm)
        assert len(controls()) == 6 and not off_screen(app, controls())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_at_80x24_the_new_session_form_shows_all_its_fields_and_buttons(
    isolated: Path,
) -> None:
    app = OkrApp(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)
        controls = list(app.screen.query("Input, RadioSet, Button"))
        assert len(controls) == 7 and not off_screen(app, controls)
