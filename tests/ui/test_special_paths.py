"""The sweep of issue 14 in the TUI: its entry points over the table of special paths of
tests/unit/test_special_paths.py (named pipe, device, link to a file or a device, link loop,
dangling link, folder, unreadable and read-only file, read-only folder, names that are not
UTF-8 or hold escape sequences or C1 controls).

Entry points: opening from the home screen; starting on a file (what `okrtui FILE` and
`okrtui open FILE` do once the file is read: a file they cannot read stops them before the UI,
see the command-line sweep), then ctrl+s to it, or f2 to see the save-as field that shows its
path; ctrl+s on a session whose file became a pipe, a device, a folder… since it was opened;
and f2 (save as) to the special path, saying yes to replacing it.

Each case asserts: the app ends without an exception, nothing waits past a few seconds
(a watchdog opens every named pipe of the folder after 8 s, which releases a read or a write
stuck on one, and fails the case), the screen, the toasts and the title never hold ESC, BEL
or a C1 character, and every entry in the folder is as it was (bytes, type, mode, link target,
device) except the file a successful save wrote.

These run in the test process as root, whom mode bits do not stop: here the unreadable file
is read and the read-only folder written, as root's editor would. That okrtui refuses them
for anybody else is the command-line sweep's job, which drops CAP_DAC_OVERRIDE with setpriv
(the TUI reads and writes through the same storage functions)."""

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import ChoiceScreen, ConfirmScreen, PathScreen
from okrtui.screens.home import HomeScreen
from okrtui.storage import dumps_session, load_session
from okrtui.text import show_path
from tests.unit.test_special_paths import CAN_MKNOD, DEVICE_KINDS, KINDS, snapshot

from .conftest import fill, wait_for_save
from .rendered import screen_text, toast_texts
from .support import notifications, session_with_three_objectives

SESSION = dumps_session(session_with_three_objectives()).encode("utf-8")
# ESC, BEL, C1; and a lone surrogate (a byte of a name that is not UTF-8, as os.fsdecode
# keeps it), which a terminal cannot be sent: encoding it fails, or it shows as garbage.
RAW = re.compile("[\x1b\x07\x80-\x9f\ud800-\udfff]")
# Kinds that hold a session okrtui reads (as root, the unreadable one too).
READABLE = {"link_to_file", "unreadable", "read_only_file", "read_only_folder",
            "non_utf8_name", "escape_name", "c1_name"}
ENTRIES = ("open from home", "ctrl+s", "f2", "save-as field")

# Cases that fail for a known reason (none now): case id → reason, run as strict xfail.
XFAIL: dict[str, str] = {}


def cases() -> Iterator[object]:
    for entry in ENTRIES:
        for kind in KINDS:
            if entry == "save-as field" and kind not in READABLE:
                continue  # no session is opened from these
            marks = [pytest.mark.skip(reason="mknod is not allowed here")] if (
                kind in DEVICE_KINDS and not CAN_MKNOD) else []
            if f"{entry} | {kind}" in XFAIL:
                marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[f"{entry} | {kind}"]))
            yield pytest.param(entry, kind, id=f"{entry} | {kind}", marks=marks)


class Watchdog:
    """After seconds, opens every named pipe under folder (which wakes a reader or a writer
    stuck on it) and remembers that it had to."""

    def __init__(self, folder: Path, seconds: float = 8.0) -> None:
        self.folder = folder
        self.fired = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(seconds,), daemon=True)
        self._thread.start()

    def _run(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            return
        self.fired = True
        for path in self.folder.rglob("*"):
            if path.is_fifo():
                handle = os.open(path, os.O_RDWR | os.O_NONBLOCK)
                os.close(handle)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def assert_nothing_raw(app: OkrApp, where: str) -> None:
    shown = [screen_text(app), *toast_texts(app), str(app.title), str(app.sub_title),
             *(text for _, text in notifications(app))]
    for text in shown:
        raw = RAW.search(text)
        assert raw is None, f"{where}: raw {raw.group()!r} reaches the terminal: {text!r}"


async def edit(pilot) -> None:
    await pilot.press("i")
    await fill(pilot, "An idea to save")
    await pilot.press("escape")
    await pilot.pause()


async def answer_dialogs(pilot, app: OkrApp, where: str) -> None:
    """Say yes to "replace it?", close any other question (a conflict) with escape."""
    for _ in range(3):
        await wait_for_save(pilot, seconds=8)
        if isinstance(app.screen, ConfirmScreen):
            assert_nothing_raw(app, where)
            await pilot.press("enter")
        elif isinstance(app.screen, ChoiceScreen | PathScreen):
            assert_nothing_raw(app, where)
            await pilot.press("escape")
        else:
            return
        await pilot.pause()


@pytest.mark.parametrize(("entry", "kind"), cases())
async def test_special_path_in_the_tui(isolated: Path, entry: str, kind: str) -> None:
    work = isolated / "work"
    work.mkdir()
    (work / "a.toml").write_bytes(SESSION)
    # ctrl+s where the session's file became a pipe, a device, a folder… since it was opened
    replaced_after_open = entry == "ctrl+s" and kind not in READABLE
    if replaced_after_open:
        (work / "s.toml").write_bytes(SESSION)
        given = Path("s.toml")
    else:
        given = Path(KINDS[kind](work, "s.toml", SESSION))
    special = work / given
    where = f"{entry} {show_path(given)}"
    opened = {"save-as field": special, "ctrl+s": special, "f2": work / "a.toml"}.get(entry)
    session = load_session(opened) if opened is not None else None
    before = snapshot(work)
    watchdog = Watchdog(work)
    saved = False
    try:
        app = OkrApp(lang="en", session=session, path=opened)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            if entry == "open from home":
                assert isinstance(app.screen, HomeScreen)
                await pilot.press("o")
                await fill(pilot, str(special))
                await answer_dialogs(pilot, app, where)
                assert_nothing_raw(app, where)
            elif entry == "save-as field":  # started on the file, as `okrtui FILE` does
                await answer_dialogs(pilot, app, where)
                assert app.session is not None, where
                assert_nothing_raw(app, where)
                await pilot.press("f2")  # the save-as field shows the session's path
                await pilot.pause()
                assert isinstance(app.screen, PathScreen), where
                assert_nothing_raw(app, where)
                await pilot.press("escape")
                await pilot.pause()
            elif entry == "ctrl+s":
                await answer_dialogs(pilot, app, where)
                await edit(pilot)
                if replaced_after_open:
                    own = set(snapshot(work)) - set(before)  # its lock and recovery files
                    special.unlink()
                    KINDS[kind](work, "s.toml", SESSION)
                    before = {key: value for key, value in snapshot(work).items()
                              if key not in own}
                await pilot.press("ctrl+s")
                await answer_dialogs(pilot, app, where)
                assert_nothing_raw(app, where)
                saved = not app.dirty
            else:  # f2
                await answer_dialogs(pilot, app, where)
                await edit(pilot)
                await pilot.press("f2")
                await pilot.pause()
                assert isinstance(app.screen, PathScreen), where
                app.screen.query_one("#path", Input).value = str(special)
                await pilot.press("enter")
                await pilot.pause()
                await answer_dialogs(pilot, app, where)
                assert_nothing_raw(app, where)
                saved = not app.dirty
    finally:
        watchdog.stop()
    assert not watchdog.fired, f"{where}: still waiting on a named pipe after 8 s"
    # what a successful save was asked to write: the file at the path, or a link's target
    may_change = {os.fsdecode(Path(os.path.realpath(special)).relative_to(
        os.path.realpath(work)))} if saved else set()
    after = snapshot(work)
    for key, entry_before in before.items():
        entry_after = after.get(key)
        assert entry_after is not None, f"{where}: {show_path(key)} was removed"
        assert entry_after[0] == entry_before[0], (
            f"{where}: {show_path(key)} was a {entry_before[0]}, is now a {entry_after[0]}")
        if key not in may_change:
            assert entry_after == entry_before, f"{where}: {show_path(key)} changed"
