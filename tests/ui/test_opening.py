"""A large session file is read in the background: a dialog says which file and counts the
seconds, the screen keeps answering, escape stops waiting, and a bad file is still named."""

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

import okrtui.screens.opening
from bench.generate import large_session
from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import OpeningScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.opening import READ_IN_BACKGROUND
from okrtui.screens.session import SessionScreen
from okrtui.storage import save_session

from .support import errors


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Reading a file waits until the test sets the event."""
    release = threading.Event()
    read = okrtui.screens.opening.read_session

    def slow_read(path: Path):  # noqa: ANN202
        release.wait(10)
        return read(path)

    monkeypatch.setattr(okrtui.screens.opening, "read_session", slow_read)
    return release


async def wait_until(pilot, condition) -> None:  # noqa: ANN001
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("never happened")


def big_file(folder: Path) -> Path:
    path = folder / "big.toml"
    save_session(large_session(3000), path)
    assert path.stat().st_size > READ_IN_BACKGROUND
    return path


@asynccontextmanager
async def opening(folder: Path) -> AsyncIterator[tuple[OkrApp, Pilot, Path]]:
    """The app on the home screen, a large file being opened."""
    path = big_file(folder)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_path(path)
        await pilot.pause()
        yield app, pilot, path


async def test_a_large_file_opens_behind_a_dialog_naming_it(
    isolated: Path, held: threading.Event
) -> None:
    async with opening(isolated) as (app, pilot, path):
        assert isinstance(app.screen, OpeningScreen)
        assert "Opening" in str(app.screen.query_one(".question").content)
        assert "big.toml" in str(app.screen.query_one(".question").content)
        await pilot.pause(1.3)  # the screen still answers while the file is read
        counted = str(app.screen.query_one(".question").content).rsplit("… ", 1)[1]
        assert counted in ("1 s", "2 s")  # (a busy machine may draw the next second)
        held.set()
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen)
                         and bool(app.screen.query("#ambition-ideas")))
        await pilot.pause()
        assert app.path == path and len(app.session.teams[0].ideas) == 3000


async def test_escape_stops_waiting_and_nothing_opens_later(
    isolated: Path, held: threading.Event
) -> None:
    async with opening(isolated) as (app, pilot, _):
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        held.set()
        await pilot.pause(0.5)
        assert isinstance(app.screen, HomeScreen) and app.session is None


async def test_a_large_bad_file_is_named_with_what_is_wrong(
    isolated: Path, held: threading.Event
) -> None:
    path = isolated / "bad.toml"
    path.write_text("title = 'x'\n" + "# padding\n" * 40_000 + "[[teams]\nbroken", "utf-8")
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.open_path(path)
        held.set()
        await wait_until(pilot, lambda: bool(errors(app)))
        assert str(path) in errors(app)[0]
        assert isinstance(app.screen, HomeScreen)
