"""Every main screen survives every terminal size from 1×1 to 300×100, and resizing through
them: after the sweep, back at 120×40, it still answers a key and shows what it showed.

A resize costs Textual 50–400 ms here (a layout and a full render, more for a larger
terminal; twice that under a dialog, whose screen beneath is laid out too), so the default
run walks a thinned sweep of 24 sizes a screen: every width 1–12 and every height 1–6
(where borders and paddings leave no room, and Textual once divided by zero), a larger size
that differs from screen to screen, and the four corners, jumping from the smallest to the
largest and back (about a minute for the ten screens).
OKRTUI_SIZES=full walks, on each screen, every width 1–300 at heights 1, 2, 24 and 100 and
every height 1–100 at widths 1, 2, 80 and 300, up and down: 1,605 sizes a screen, 3 to 8
minutes each (an hour for the ten, all passing when written)."""

import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from okrtui.models import Session
from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm, ObjectiveForm, PickScreen
from okrtui.screens.help import HelpScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.localized import literal
from okrtui.screens.new_session import NewSessionScreen
from okrtui.screens.presenter import PresenterScreen
from okrtui.screens.session import SessionScreen
from okrtui.screens.vote import VoteScreen
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.storage import load_session, save_session
from okrtui.workshop import add_action, add_idea, add_tactic

from .conftest import fill, type_in
from .rendered import screen_text
from .support import level_view, option_texts, put_cursor_on, session_with_three_objectives

FULL = os.environ.get("OKRTUI_SIZES", "").lower() == "full"
WIDTH, HEIGHT = 300, 100
CORNERS_AND_JUMPS = [(1, 1), (WIDTH, HEIGHT), (1, HEIGHT), (WIDTH, 1), (2, 2)]


def ci_sweep(offset: int) -> list[tuple[int, int]]:
    """Every width 1–12 (the height walking 1–6 with it), every height 6–1 at 80 columns,
    a larger size chosen by offset, then the corners, jumping between them."""
    small = [(width, (width - 1) % 6 + 1) for width in range(1, 13)]
    small += [(80, height) for height in range(6, 0, -1)]
    larger = (13 + (offset * 37) % (WIDTH - 12), 7 + (offset * 13) % (HEIGHT - 6))
    return [*small, larger, *CORNERS_AND_JUMPS]


def full_sweep() -> list[tuple[int, int]]:
    sizes: list[tuple[int, int]] = []
    for n, height in enumerate((1, 2, 24, HEIGHT)):
        widths = range(1, WIDTH + 1) if n % 2 == 0 else range(WIDTH, 0, -1)
        sizes += [(width, height) for width in widths]
    for n, width in enumerate((1, 2, 80, WIDTH)):
        heights = range(1, HEIGHT + 1) if n % 2 == 0 else range(HEIGHT, 0, -1)
        sizes += [(width, height) for height in heights]
    return [*sizes, *CORNERS_AND_JUMPS]


def workshop_session() -> Session:
    """Three objectives with key results, a tactic with an action, ideas at every level."""
    session = session_with_three_objectives()
    team = session.teams[0]
    first = team.objectives[0]
    tactic = add_tactic(session, first, "Pre-fill the listing from a photo",
                        [first.key_results[0].id])
    add_action(session, tactic, "Test with 20 sellers", owner=session.participants[0].id)
    for level in ("ambition", "tactic", "execution"):
        for n in range(1, 4):
            add_idea(session, team, level, f"{level.title()} idea {n}", session.participants[0].id)
    return session


@dataclass
class Place:
    """A screen to sweep: how to reach it, and what proves it still works afterwards."""

    screen: type[Screen]
    reach: Callable[[Pilot], Awaitable[None]]
    check: Callable[[Pilot], Awaitable[None]]
    home: bool = False


async def nothing(pilot: Pilot) -> None:
    return None


def keys(*pressed: str) -> Callable[[Pilot], Awaitable[None]]:
    async def press(pilot: Pilot) -> None:
        await pilot.press(*pressed)
        await pilot.pause()

    return press


async def check_home(pilot: Pilot) -> None:
    app = pilot.app
    assert "New session" in screen_text(app) and "Example sessions" in screen_text(app)
    await pilot.press("n")
    assert isinstance(app.screen, NewSessionScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)


def check_level(level: str) -> Callable[[Pilot], Awaitable[None]]:
    async def check(pilot: Pilot) -> None:
        app = pilot.app
        assert f"{level.title()} idea 3" in screen_text(app)
        await pilot.press("i")
        assert app.focused is app.screen.query_one(f"#{level}-idea-input", Input)
        await fill(pilot, f"Typed {level}")
        ideas = app.screen.query_one(f"#{level}-ideas", IdeaList)
        assert any(f"Typed {level}" in text for text in option_texts(ideas))
        assert f"Typed {level}" in screen_text(app)

    return check


async def check_review(pilot: Pilot) -> None:
    app = pilot.app
    assert "Make sellers autonomous" in screen_text(app)
    await pilot.press("1")
    await pilot.pause()
    assert "Ambition idea 1" in screen_text(app)


async def check_progress(pilot: Pilot) -> None:
    """After the sweep, c still checks in the first key result."""
    app = pilot.app
    assert "Cut time to publish by 20%" in screen_text(app)
    await pilot.press("c")
    await pilot.pause()
    await fill(pilot, "9")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.session.teams[0].objectives[0].key_results[0].check_ins[0].value == 9
    assert "latest 9 on" in screen_text(app)


async def check_vote(pilot: Pilot) -> None:
    app = pilot.app
    assert "Ambition idea 1" in screen_text(app)
    await pilot.press("space")  # Ana gives a dot to the highlighted idea
    await pilot.pause()
    assert sum(vote.dots for vote in app.session.teams[0].votes) == 1
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)


async def check_presenter(pilot: Pilot) -> None:
    app = pilot.app
    assert "Ambition idea 3" in screen_text(app)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)


async def edit_first_objective(pilot: Pilot) -> None:
    objective = pilot.app.session.teams[0].objectives[0]
    await put_cursor_on(pilot, level_view(pilot.app, "ambition"), ObjectiveRef(objective.id))
    await pilot.press("e")
    await pilot.pause()


async def check_form(pilot: Pilot) -> None:
    app = pilot.app
    assert "Make sellers autonomous" in screen_text(app)
    await pilot.press("end")
    await type_in(pilot, " again")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    assert app.session.teams[0].objectives[0].text == "Make sellers autonomous again"


async def check_pick(pilot: Pilot) -> None:
    app = pilot.app
    assert "Grow referrals" in screen_text(app)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, KeyResultForm)


async def check_help(pilot: Pilot) -> None:
    app = pilot.app
    assert "ctrl+q" in screen_text(app)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)


PLACES = {
    "home": Place(HomeScreen, nothing, check_home, home=True),
    "ambition": Place(SessionScreen, nothing, check_level("ambition")),
    "tactic": Place(SessionScreen, keys("2"), check_level("tactic")),
    "execution": Place(SessionScreen, keys("3"), check_level("execution")),
    "review": Place(SessionScreen, keys("4"), check_review),
    "progress": Place(SessionScreen, keys("5"), check_progress),
    "vote": Place(VoteScreen, keys("v"), check_vote),
    "presenter": Place(PresenterScreen, keys("f5"), check_presenter),
    "objective-form": Place(ObjectiveForm, edit_first_objective, check_form),
    "pick-objective": Place(PickScreen, keys("k"), check_pick),
    "help": Place(HelpScreen, keys("f1"), check_help, home=True),  # the same over a session
}


async def resize(pilot: Pilot, width: int, height: int) -> None:
    """Resize, and wait until the screen has been laid out at the new size."""
    await pilot.resize_terminal(width, height)
    for _ in range(50):
        if pilot.app.screen.size == (width, height) or not pilot.app.is_running:
            break
        await pilot.pause()
    assert pilot.app.is_running, f"the app stopped at {width}×{height}"
    assert pilot.app.screen.size == (width, height)


@pytest.mark.parametrize("name", list(PLACES))
async def test_a_screen_survives_every_size_and_still_answers(isolated: Path, name: str) -> None:
    place = PLACES[name]
    if place.home:
        app = OkrApp(lang="en")
    else:
        path = isolated / "workshop.toml"
        save_session(workshop_session(), path)
        app = OkrApp(lang="en", session=load_session(path), path=path)
    sizes = full_sweep() if FULL else ci_sweep(offset=list(PLACES).index(name) * 5)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await place.reach(pilot)
        assert isinstance(app.screen, place.screen)
        app.notify(literal("A toast through the sweep [b]too[/b]"), timeout=3600)
        for width, height in sizes:
            await resize(pilot, width, height)
            assert isinstance(app.screen, place.screen), f"left the screen at {width}×{height}"
        await resize(pilot, 120, 40)
        await place.check(pilot)
        assert app.is_running


def test_the_sweeps_cover_the_small_sizes_the_corners_and_in_full_every_size() -> None:
    for n in range(len(PLACES)):
        sweep = ci_sweep(offset=n * 5)
        assert {w for w, _ in sweep} >= set(range(1, 13))
        assert {h for _, h in sweep} >= set(range(1, 7))
        assert {(1, 1), (1, HEIGHT), (WIDTH, 1), (WIDTH, HEIGHT)} <= set(sweep)
        assert all(1 <= w <= WIDTH and 1 <= h <= HEIGHT for w, h in sweep)
    full = full_sweep()
    assert {w for w, _ in full} == set(range(1, WIDTH + 1))
    assert {h for _, h in full} == set(range(1, HEIGHT + 1))
