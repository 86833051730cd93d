"""ctrl+s writes the file in a thread: the screen keeps working meanwhile and says "saving…";
a change made meanwhile stays unsaved; saves never overlap; quitting waits for the file; a
save that fails says why and leaves the session unsaved."""

import errno
import os
import tempfile
import threading
import time
from pathlib import Path

import pytest

import okrtui.screens.saving as saving_module
from okrtui import recovery, writing
from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import QuitScreen
from okrtui.screens.help import HelpScreen
from okrtui.screens.session import SessionScreen
from okrtui.storage import dumps_session, load_session, save_session

from .conftest import fill, start_capture, wait_for_save
from .support import errors, notifications, session_with_three_objectives
from .test_files import header_text


class HeldWriter:
    """Stands in for the thread's writer: holds every write until released, and counts how
    many run at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.writing = threading.Event()
        self.writes = 0
        self.at_once = 0
        self.most_at_once = 0
        self._lock = threading.Lock()
        self._write = saving_module.save_table
        monkeypatch.setattr(saving_module, "save_table", self)

    def __call__(self, table: dict, path: Path) -> str:
        with self._lock:
            self.writes += 1
            self.at_once += 1
            self.most_at_once = max(self.most_at_once, self.at_once)
        self.writing.set()
        try:
            assert self.release.wait(10), "the test never released the save"
            return self._write(table, path)
        finally:
            with self._lock:
                self.at_once -= 1


@pytest.fixture
def session_file(isolated: Path) -> Path:
    path = isolated / "limits.toml"
    save_session(session_with_three_objectives(), path)
    return path


async def capture_an_idea(pilot, text: str) -> None:
    await start_capture(pilot)
    await fill(pilot, text)
    await pilot.press("escape")
    await pilot.pause()


async def test_ctrl_s_writes_in_the_background_and_says_so(
    session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWriter(monkeypatch)
    before = session_file.read_bytes()
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot, "Saved in the background")
        await pilot.press("ctrl+s")
        assert held.writing.wait(5)
        assert header_text(app) == "Limits workshop — limits.toml ● saving…"
        assert session_file.read_bytes() == before
        await pilot.press("f1")  # the app answers while the file is being written
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)

        held.release.set()
        await wait_for_save(pilot)
        assert header_text(app) == "Limits workshop — limits.toml"
        assert not app.dirty
        assert notifications(app)[-1] == ("information", f"Saved to {session_file}.")
        assert session_file.read_text(encoding="utf-8") == dumps_session(app.session)
        assert "Saved in the background" in session_file.read_text(encoding="utf-8")
        assert not recovery.beside(session_file).exists()


async def test_the_french_header_says_it_is_saving(
    session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWriter(monkeypatch)
    app = OkrApp(lang="fr", session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert held.writing.wait(5)
        assert header_text(app) == "Limits workshop — limits.toml enregistrement…"
        held.release.set()
        await wait_for_save(pilot)
        assert header_text(app) == "Limits workshop — limits.toml"


async def test_an_edit_made_during_a_save_stays_unsaved(
    session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWriter(monkeypatch)
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot, "Before the save")
        await pilot.press("ctrl+s")
        assert held.writing.wait(5)
        await capture_an_idea(pilot, "During the save")
        held.release.set()
        await wait_for_save(pilot)

        text = session_file.read_text(encoding="utf-8")
        assert "Before the save" in text and "During the save" not in text
        assert app.dirty
        assert header_text(app) == "Limits workshop — limits.toml ●"
        journal = app.journal
        assert journal is not None and journal.flush()
        kept = recovery.read(journal.file)  # the recovery file keeps the later edit
        assert kept is not None
        assert any(idea.text == "During the save" for idea in kept.session.teams[0].ideas)

        await pilot.press("ctrl+s")  # no conflict: the file is the one this app wrote
        await wait_for_save(pilot)
        assert not app.dirty and isinstance(app.screen, SessionScreen)
        assert "During the save" in session_file.read_text(encoding="utf-8")


async def test_a_second_ctrl_s_waits_for_the_first(
    session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWriter(monkeypatch)
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot, "First")
        await pilot.press("ctrl+s")
        assert held.writing.wait(5)
        await capture_an_idea(pilot, "Second")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert held.writes == 1  # the second has not started
        held.release.set()
        await wait_for_save(pilot)

        assert held.writes == 2 and held.most_at_once == 1
        assert not app.dirty and isinstance(app.screen, SessionScreen)
        assert errors(app) == []
        assert "Second" in session_file.read_text(encoding="utf-8")


async def test_quitting_with_save_exits_once_the_file_is_written(
    session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWriter(monkeypatch)
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot, "Keep this one")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.click("#save")
        assert held.writing.wait(5)
        await pilot.pause()
        assert app.is_running and app.saving  # not before the file is written
        held.release.set()
        await wait_for_save(pilot)
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    assert "Keep this one" in session_file.read_text(encoding="utf-8")
    assert not recovery.beside(session_file).exists()


async def test_ctrl_q_during_a_save_waits_for_it_then_exits(
    session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWriter(monkeypatch)
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot, "Saved before leaving")
        await pilot.press("ctrl+s")
        assert held.writing.wait(5)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, QuitScreen)
        held.release.set()
        await wait_for_save(pilot)
        await pilot.pause()
        assert not app.is_running  # saved: nothing to ask
    assert "Saved before leaving" in session_file.read_text(encoding="utf-8")


async def test_a_save_that_cannot_write_says_why_and_stays_unsaved(
    session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = session_file.parent
    make_temporary = tempfile.mkstemp

    def unwritable_folder(*args, dir=None, **kwargs):  # noqa: A002 (mkstemp's own name)
        """(Tests run as root in CI, which writes anywhere: refuse as a read-only folder.)"""
        if dir is not None and Path(dir) == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return make_temporary(*args, dir=dir, **kwargs)

    before = session_file.read_bytes()
    app = OkrApp(session=load_session(session_file), path=session_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await capture_an_idea(pilot, "Not lost")
        monkeypatch.setattr(writing.tempfile, "mkstemp", unwritable_folder)
        await pilot.press("ctrl+s")
        await wait_for_save(pilot)

        [message] = errors(app)
        assert message == (f"{session_file}: cannot write in {folder} (Permission denied): "
                           "nothing was written.")
        assert list(app._notifications)[-1].title == "Not saved"
        assert app.dirty and app.path == session_file
        assert header_text(app) == "Limits workshop — limits.toml ●"
        assert session_file.read_bytes() == before
        assert list(folder.glob(".limits.toml.*.tmp")) == []

        monkeypatch.setattr(writing.tempfile, "mkstemp", make_temporary)
        await pilot.press("ctrl+s")  # once the folder can be written again
        await wait_for_save(pilot)
        assert not app.dirty
    assert "Not lost" in session_file.read_text(encoding="utf-8")


async def test_opening_a_file_removes_what_a_killed_save_left_beside_it(isolated: Path) -> None:
    """A save killed mid-write leaves `.NAME.PID-xxxxxxxx.tmp`: the next open removes it once
    it is a minute old and its writer is gone, and leaves any other file alone."""
    path = isolated / "killed.toml"
    save_session(session_with_three_objectives(), path)
    stale = isolated / ".killed.toml.4194303-abcd1234.tmp"
    fresh = isolated / ".killed.toml.4194302-efgh5678.tmp"
    other = isolated / ".killed.toml.notes"
    for leftover in (stale, fresh, other):
        leftover.write_text("half a session")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not stale.exists()
        assert fresh.exists() and other.exists()  # a save that may still be writing
