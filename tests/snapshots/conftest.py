"""Snapshots run from the repository root (so that paths shown are stable) with an empty
recent list, and with the text cursor not blinking."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def stable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OKRTUI_NO_CARDS", "1")  # a test that wants a method card unsets it
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(Input, "cursor_blink", False)
    yield
    for left in (REPO / "sessions").glob(".*.recover"):
        left.unlink()  # a test that edits an example and ends without quitting leaves one


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
