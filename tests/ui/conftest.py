"""Pilot helpers: an app with its own data folder and working folder, and text entry."""

from collections.abc import Iterator
from pathlib import Path
from time import monotonic

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from okrtui.screens.widgets.ideas import IdeaField

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "sessions"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Recent files go to a temporary data folder; new sessions are saved in tmp_path."""
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OKRTUI_NO_CARDS", "1")  # a test that wants a method card unsets it
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    for left in (REPO / "sessions").glob(".*.recover"):
        left.unlink()  # a test that edits an example and ends without quitting leaves one


async def type_in(pilot: Pilot, text: str) -> None:
    """Type text into the focused field (as a paste would), then let the app catch up."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    else:
        assert isinstance(focused, Input), f"expected a field to have focus, not {focused!r}"
        focused.insert_text_at_cursor(text)
    await pilot.pause()


async def start_capture(pilot: Pilot) -> None:
    """Into the idea field: i, unless the field has the focus already (a level with neither
    ideas nor objectives starts there)."""
    if not isinstance(pilot.app.focused, IdeaField):
        await pilot.press("i")


async def fill(pilot: Pilot, text: str, then: str = "enter") -> None:
    await type_in(pilot, text)
    await pilot.press(then)
    await pilot.pause()


async def wait_for_save(pilot: Pilot, seconds: float = 30.0) -> None:
    """Wait until the file being saved (ctrl+s writes it in a thread) is written and the app
    has said so."""
    started = monotonic()
    while getattr(pilot.app, "saving", False):
        assert monotonic() - started < seconds, "the save never finished"
        await pilot.pause(0.01)
    await pilot.pause()
