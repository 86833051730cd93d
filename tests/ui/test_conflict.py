"""Someone else changed the file: saving asks before overwriting it."""

from pathlib import Path

import pytest

from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import ConflictScreen
from okrtui.storage import load_session

from .conftest import EXAMPLES, fill, wait_for_save


@pytest.fixture
def session_file(isolated: Path) -> Path:
    path = isolated / "session.toml"
    path.write_bytes((EXAMPLES / "onboarding-self-serve.toml").read_bytes())
    return path


async def edit_then_change_on_disk(pilot, path: Path) -> bytes:
    await pilot.press("i")
    await fill(pilot, "An idea typed here")
    await pilot.press("escape")
    other = path.read_text(encoding="utf-8").replace("Self-serve onboarding", "Changed elsewhere")
    path.write_text(other, encoding="utf-8")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConflictScreen)
    return other.encode("utf-8")


async def test_cancel_leaves_the_other_version_untouched(session_file: Path) -> None:
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        other = await edit_then_change_on_disk(pilot, session_file)
        await pilot.press("escape")
        await pilot.pause()
        assert app.dirty and session_file.read_bytes() == other


async def test_overwrite_writes_this_session(session_file: Path) -> None:
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await edit_then_change_on_disk(pilot, session_file)
        await pilot.click("#overwrite")
        await wait_for_save(pilot)
        assert not app.dirty
    saved = load_session(session_file)
    assert saved.title == "OKR workshop — Self-serve onboarding"
    assert any(idea.text == "An idea typed here" for idea in saved.teams[0].ideas)


async def test_reload_takes_the_version_on_disk(session_file: Path) -> None:
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        other = await edit_then_change_on_disk(pilot, session_file)
        await pilot.click("#reload")
        await pilot.pause()
        assert app.session.title == "OKR workshop — Changed elsewhere" and not app.dirty
    assert session_file.read_bytes() == other


async def test_saving_twice_without_outside_change_does_not_ask(session_file: Path) -> None:
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        for text in ("First", "Second"):
            await pilot.press("i")
            await fill(pilot, text)
            await pilot.press("escape", "ctrl+s")
            await wait_for_save(pilot)
            assert not isinstance(app.screen, ConflictScreen) and not app.dirty
