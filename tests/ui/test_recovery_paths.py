"""Recovery files against hostile paths and other windows (issue 14): where the journal
writes, what it keeps, and what a restore may write to."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from okrtui import recovery
from okrtui.history import snapshot
from okrtui.journal import Journal
from okrtui.problems import SaveError
from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import ConflictScreen, LockScreen, PathScreen, RecoveryScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.session import SessionScreen
from okrtui.storage import file_stamp, load_session, save_session
from okrtui.workshop import add_idea

from .conftest import REPO, fill, wait_for_save
from .support import errors, session_with_three_objectives


def saved_session(folder: Path, name: str = "workshop.toml") -> Path:
    path = folder / name
    save_session(session_with_three_objectives(), path)
    return path


def warnings(app: OkrApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "warning"]


async def test_the_first_failed_autosave_warns_at_once(isolated: Path, monkeypatch) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise SaveError(path, "save.failed", reason="No space left on device")

    monkeypatch.setattr("okrtui.journal.atomic_write", refuse)
    path = saved_session(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await fill(pilot, "Only one edit")
        await pilot.pause(0.7)
        assert app.journal.flush()
        await pilot.pause()
        found = [w for w in warnings(app) if "Autosave cannot write" in w]
        assert len(found) == 1 and "No space left on device" in found[0]


def plant(file: Path, session_path: str | None, drafts: dict | None = None,
          base_stamp: str | None = None, pid: int | None = None) -> None:
    """A recovery file as a dead (or pid's) process would have left it."""
    if pid is None:
        process = subprocess.Popen([sys.executable, "-c", "pass"])
        process.wait()
        pid = process.pid
    header = {"session_path": session_path, "base_stamp": base_stamp,
              "drafts": drafts or {}, "host": socket.gethostname(), "pid": pid,
              "written": "2027-01-05T09:00:00+00:00"}
    session = session_with_three_objectives()
    session.teams[0].ideas[0].text = "Recovered idea"
    file.write_bytes(recovery.MAGIC + json.dumps(header).encode() + b"\n" + snapshot(session))


async def restore_and_save(app: OkrApp, pilot) -> None:
    await pilot.pause()
    assert isinstance(app.screen, RecoveryScreen)
    await pilot.click("#restore")
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_recovery_made_in_one_folder_restores_to_its_file_from_another(
        isolated: Path, monkeypatch) -> None:
    a, b = isolated / "A", isolated / "B"
    a.mkdir()
    b.mkdir()
    saved_session(a, "okr.toml")
    bystander = saved_session(b, "okr.toml").read_bytes()
    monkeypatch.chdir(a)
    journal = Journal(Path("okr.toml"))  # as typed: `cd A; okrtui okr.toml`
    session = load_session(a / "okr.toml")
    add_idea(session, session.teams[0], "ambition", "Made in A", None)
    journal.record(recovery.Snapshot(snapshot(session), Path("okr.toml"),
                                     file_stamp(a / "okr.toml")))
    journal.close(remove=False)
    plant_pid_dead(recovery.beside(a / "okr.toml"))
    monkeypatch.chdir(b)
    path = Path("../A/okr.toml")
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await restore_and_save(app, pilot)
        await wait_for_save(pilot)
        assert app.path == a / "okr.toml"
    assert "Made in A" in (a / "okr.toml").read_text()
    assert (b / "okr.toml").read_bytes() == bystander


def plant_pid_dead(file: Path) -> None:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    header, _, payload = file.read_bytes()[len(recovery.MAGIC):].partition(b"\n")
    table = json.loads(header)
    table["pid"] = process.pid
    file.write_bytes(recovery.MAGIC + json.dumps(table).encode() + b"\n" + payload)


async def test_a_planted_recovery_never_chooses_where_to_save(isolated: Path) -> None:
    path = saved_session(isolated)
    victim = saved_session(isolated, "victim.toml")
    before = victim.read_bytes()
    plant(recovery.beside(path), str(victim), base_stamp=file_stamp(path),
          drafts={"ambition": "half\x1b]0;PWNED\x07 typed\x1b[2J\nidea"})
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#restore")
        await pilot.pause()
        assert app.path == path
        field = app.screen.query_one("#ambition-idea-input", Input)
        assert field.value == "half typed idea"
        await pilot.press("ctrl+s")
        await wait_for_save(pilot)
    assert victim.read_bytes() == before
    assert "Recovered idea" in path.read_text()


async def test_saving_a_restored_recovery_still_checks_the_file(isolated: Path) -> None:
    path = saved_session(isolated)
    before = path.read_bytes()
    plant(recovery.beside(path), None, base_stamp=None)  # says: there was no file
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await restore_and_save(app, pilot)
        assert isinstance(app.screen, ConflictScreen)
    assert path.read_bytes() == before


async def test_a_never_saved_recovery_asks_where_to_save(isolated: Path) -> None:
    victim = saved_session(isolated, "victim.toml")
    folder = isolated / "data" / "recovery"
    folder.mkdir(parents=True)
    plant(folder / "unsaved-20270105-090000-1.recover", str(victim))
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await restore_and_save(app, pilot)
        assert app.path is None and isinstance(app.screen, PathScreen)


TAKE_OVER_WINDOW = """
import sys, time
from pathlib import Path
from okrtui import lock
from okrtui.history import snapshot
from okrtui.journal import Journal
from okrtui.recovery import Snapshot
from okrtui.storage import load_session
path = Path(sys.argv[1])
lock.acquire(path)
journal = Journal(path)
journal.record(Snapshot(snapshot(load_session(path)), path, None, {"ambition": "first"}))
journal.flush()
print("ready", flush=True)
time.sleep(60)
"""


async def test_taking_over_then_saving_and_quitting_keeps_the_first_windows_recovery(
        isolated: Path) -> None:
    path = saved_session(isolated)
    first = subprocess.Popen([sys.executable, "-c", TAKE_OVER_WINDOW, str(path)],
                             cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None and first.stdout.readline() == "ready\n"
        theirs = recovery.beside(path).read_bytes()
        app = OkrApp(session=load_session(path), path=path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LockScreen)
            await pilot.click("#take_over")
            await pilot.pause()
            await pilot.press("i")
            await fill(pilot, "Second window's idea")
            await pilot.pause(0.7)
            assert app.journal.flush()
            assert recovery.beside(path).read_bytes() == theirs
            await pilot.press("ctrl+s")
            await wait_for_save(pilot)
            await app.action_quit()
            await pilot.pause()
        assert recovery.beside(path).read_bytes() == theirs
        first.kill()  # SIGKILL: the first window never saved its draft
        first.wait()
        found = recovery.find_for(path)
        assert found is not None and found.drafts == {"ambition": "first"}
    finally:
        first.kill()
        first.wait()


async def test_opening_a_fifo_from_home_says_so_and_never_freezes(isolated: Path) -> None:
    fifo = isolated / "pipe.toml"
    os.mkfifo(fifo)
    app = OkrApp(lang="en")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("o")
            await pilot.pause()
            app.screen.query_one("#path", Input).value = str(fifo)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert any("pipe.toml" in text for text in errors(app))
            await pilot.press("ctrl+q")
            await pilot.pause()
        assert app.return_code is not None or not app.is_running
    finally:
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass


async def test_a_fifo_among_the_examples_never_freezes_the_home_screen(
        isolated: Path, monkeypatch) -> None:
    import okrtui.screens.home

    examples = isolated / "examples"
    examples.mkdir()
    os.mkfifo(examples / "pipe.toml")
    monkeypatch.setattr(okrtui.screens.home, "EXAMPLES", examples)
    app = OkrApp(lang="en")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
    finally:
        try:
            os.close(os.open(examples / "pipe.toml", os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
