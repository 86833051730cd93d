"""Two windows, one file: the second is told who holds it, and opens read-only or takes over."""

import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import tomli_w

from okrtui import lock
from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import LockScreen, PathScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.session import SessionScreen
from okrtui.storage import load_session

from .conftest import EXAMPLES


@pytest.fixture
def held_file(isolated: Path) -> Iterator[tuple[Path, int]]:
    """A session file another (live) process holds."""
    path = isolated / "session.toml"
    path.write_bytes((EXAMPLES / "onboarding-self-serve.toml").read_bytes())
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    table = {"host": socket.gethostname(), "pid": other.pid, "since": datetime(2027, 1, 5, 9, 30)}
    lock.lock_path(path).write_text(tomli_w.dumps(table), encoding="utf-8")
    yield path, other.pid
    other.kill()
    other.wait()


async def test_the_second_window_is_told_who_holds_the_file(held_file) -> None:
    path, pid = held_file
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        question = str(app.screen.query_one(".question").render())
        assert str(pid) in question and socket.gethostname() in question
        assert "2027-01-05 09:30" in question
        await pilot.click("#read_only")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.read_only
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)  # read-only: save elsewhere
    assert lock.holder(path).pid == pid  # the other window's lock is untouched


async def test_taking_over_moves_the_lock_here(held_file) -> None:
    path, pid = held_file
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#take_over")
        await pilot.pause()
        assert lock.holder(path).is_me and not app.read_only
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert not lock.lock_path(path).exists()  # closing released it


async def test_cancel_goes_back_home_without_touching_the_lock(held_file) -> None:
    path, pid = held_file
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert lock.holder(path).pid == pid


async def test_a_stale_lock_is_cleared_without_asking(isolated: Path) -> None:
    path = isolated / "session.toml"
    path.write_bytes((EXAMPLES / "onboarding-self-serve.toml").read_bytes())
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    table = {"host": socket.gethostname(), "pid": dead.pid, "since": datetime(2027, 1, 5)}
    lock.lock_path(path).write_text(tomli_w.dumps(table), encoding="utf-8")
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert lock.holder(path).is_me
