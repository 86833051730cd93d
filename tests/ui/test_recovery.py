"""Autosave: every change reaches the recovery file within 2 s; after a crash the next start
offers to restore it, saying what comes back; a clean exit leaves no recovery file."""

import json
import subprocess
import sys
import time
from pathlib import Path

from textual.widgets import Input, Static

from okrtui import recovery
from okrtui.history import snapshot
from okrtui.journal import Journal
from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import RecoveryScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.session import SessionScreen
from okrtui.storage import load_session, save_session

from .conftest import fill, start_capture, type_in, wait_for_save
from .support import option_texts, session_with_three_objectives


def saved_session(folder: Path) -> Path:
    path = folder / "workshop.toml"
    save_session(session_with_three_objectives(), path)
    return path


def abandon(file: Path) -> None:
    """Make the recovery file look left by a process killed since."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    header, _, payload = file.read_bytes()[len(recovery.MAGIC):].partition(b"\n")
    table = json.loads(header)
    table["pid"] = process.pid
    file.write_bytes(recovery.MAGIC + json.dumps(table).encode() + b"\n" + payload)


async def wait_for_file(pilot, file: Path, seconds: float = 2.0) -> float:
    start = time.monotonic()
    while not file.exists():
        assert time.monotonic() - start < seconds, f"{file.name} not written within {seconds} s"
        await pilot.pause(0.05)
    return time.monotonic() - start


async def start_new_session(pilot, title: str, idea: str) -> None:
    """Fill the new-session form with title (the rest left as it is), add idea, and wait
    until the journal has it on disk."""
    await pilot.pause()
    await fill(pilot, title, then="enter")
    for _ in range(5):
        await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    await start_capture(pilot)
    await fill(pilot, idea)
    await pilot.pause(1.0)
    assert pilot.app.journal.flush()


async def crash_after_typing(path: Path) -> None:
    """Open path, add an idea, type a draft, and stop without quitting (as a kill would)."""
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await fill(pilot, "Grow [b]referrals[/b] by word of mouth")
        await type_in(pilot, "half-typed [/] idea")
        await pilot.pause(1.0)
        assert app.journal is not None and app.journal.flush()
    abandon(recovery.beside(path))


async def test_an_edit_is_journalled_within_two_seconds(isolated: Path) -> None:
    path = saved_session(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await fill(pilot, "Open a web shop")
        waited = await wait_for_file(pilot, recovery.beside(path))
        assert waited < 2.0
        app.journal.flush()
        found = recovery.read(recovery.beside(path))
        assert "Open a web shop" in [idea.text for idea in found.session.teams[0].ideas]
        assert path.read_bytes() == path.read_bytes()  # the session file is untouched
        assert "Open a web shop" not in path.read_text()


async def test_after_a_crash_the_next_start_offers_what_it_restores(isolated: Path) -> None:
    path = saved_session(isolated)
    before = path.read_bytes()
    await crash_after_typing(path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen)
        question = str(app.screen.query_one(".question", Static).render())
        assert "ideas: 1 added" in question
        assert "half-typed [/] idea" in question
        await pilot.click("#restore")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        ideas = option_texts(app.screen.query_one("#ambition-ideas"))
        assert any("Grow [b]referrals[/b] by word of mouth" in idea for idea in ideas)
        assert app.screen.query_one("#ambition-idea-input", Input).value == "half-typed [/] idea"
        assert app.dirty and "●" in app.sub_title
        assert path.read_bytes() == before  # restoring never writes the session file
        await pilot.press("ctrl+s")
        await wait_for_save(pilot)
        assert "Grow [b]referrals[/b] by word of mouth" in path.read_text()
        await app.action_quit()
        await pilot.pause()
    assert not recovery.beside(path).exists()


async def test_discarding_the_recovery_opens_the_file_as_saved(isolated: Path) -> None:
    path = saved_session(isolated)
    await crash_after_typing(path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert not app.dirty
        assert not recovery.beside(path).exists()
        ideas = option_texts(app.screen.query_one("#ambition-ideas"))
        assert not any("word of mouth" in idea for idea in ideas)


async def test_cancel_keeps_the_recovery_for_later(isolated: Path) -> None:
    path = saved_session(isolated)
    await crash_after_typing(path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert recovery.read(recovery.beside(path)) is not None


async def test_an_unsaved_session_is_offered_at_the_next_start(isolated: Path) -> None:
    app = OkrApp(lang="en", start_new=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_session(pilot, "Never saved workshop", "An idea worth keeping")
        left = app.journal.file
    abandon(left)
    app = OkrApp(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen)
        question = str(app.screen.query_one(".question", Static).render())
        assert "Never saved workshop" in question
        await pilot.click("#restore")
        await pilot.pause()
        assert app.path is None and app.session.title == "Never saved workshop"
        assert "An idea worth keeping" in [idea.text for idea in app.session.teams[0].ideas]


async def test_a_clean_quit_leaves_no_recovery_file(isolated: Path) -> None:
    path = saved_session(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await fill(pilot, "Something to throw away")
        await wait_for_file(pilot, recovery.beside(path))
        await app.action_quit()
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert not recovery.beside(path).exists()
    assert "throw away" not in path.read_text()


async def test_an_autosave_that_cannot_write_says_so_once(isolated: Path, monkeypatch) -> None:
    from okrtui.problems import SaveError

    def refuse(path: Path, data: bytes) -> None:
        raise SaveError(path, "save.failed", reason="No space left on device")

    monkeypatch.setattr("okrtui.journal.atomic_write", refuse)
    path = saved_session(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        for text in ("First [b]idea[/b]", "Second idea", "Third idea"):
            await fill(pilot, text)
            await pilot.pause(0.7)
            app.journal.flush()
        warnings = [str(n.message) for n in app._notifications if n.severity == "warning"]
        assert len([w for w in warnings if "Autosave cannot write" in w]) == 1
        assert any("No space left on device" in w for w in warnings)
        assert len(app.session.teams[0].ideas) == 4  # the session itself is unharmed


async def test_a_new_file_never_saved_is_recovered_before_anything_new(isolated: Path) -> None:
    path = isolated / "fresh.toml"
    app = OkrApp(lang="en", start_new=True, new_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_new_session(pilot, "Fresh workshop", "Keep me")
    abandon(recovery.beside(path))
    assert not path.exists()
    for again in (OkrApp(lang="en", path=path), OkrApp(lang="en", start_new=True,
                                                         new_path=path)):
        async with again.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(again.screen, RecoveryScreen)
            await pilot.press("escape")


def test_the_command_line_opens_a_recoverable_file_that_was_never_saved(
        isolated: Path, monkeypatch) -> None:
    from okrtui import cli

    path = isolated / "fresh.toml"
    started: list[dict] = []
    monkeypatch.setattr(cli, "_run_app", lambda lang, **options: started.append(options) or 0)
    assert cli.main(["open", str(path)]) == 2  # nothing to recover: a clear "no such file"
    journal = Journal(path)
    journal.record(recovery.Snapshot(snapshot(session_with_three_objectives()), path, None))
    journal.close(remove=False)
    abandon(recovery.beside(path))
    assert cli.main(["open", str(path)]) == 0
    assert started == [{"path": path, "room": None}]


async def test_a_crash_right_after_typing_keeps_the_draft(isolated: Path) -> None:
    path = saved_session(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await type_in(pilot, "half")
        await pilot.pause(1.0)
        app.journal.flush()
        await type_in(pilot, " typed")  # and the app stops before the journal's timer
    found = recovery.read(recovery.beside(path))
    assert found is not None and found.drafts == {"ambition": "half typed"}


async def test_the_other_windows_recovery_file_is_never_touched(isolated: Path) -> None:
    import socket
    from datetime import datetime

    import tomli_w

    from okrtui import lock

    path = saved_session(isolated)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        table = {"host": socket.gethostname(), "pid": other.pid, "since": datetime(2027, 1, 5)}
        lock.lock_path(path).write_text(tomli_w.dumps(table), encoding="utf-8")
        theirs = b"okrtui-recovery 1\n{}\nnot ours"
        recovery.beside(path).write_bytes(theirs)
        app = OkrApp(session=load_session(path), path=path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("escape")  # neither read-only nor take over
            await pilot.pause()
        assert recovery.beside(path).read_bytes() == theirs
        app = OkrApp(session=load_session(path), path=path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.click("#read_only")
            await pilot.pause()
            await pilot.press("i")
            await fill(pilot, "Edited read-only")
            await pilot.pause(1.0)
            app.journal.flush()
            assert app.journal.file != recovery.beside(path)
        assert recovery.beside(path).read_bytes() == theirs
    finally:
        other.kill()
        other.wait()


async def test_a_file_name_with_an_escape_sequence_is_shown_not_sent(isolated: Path) -> None:
    path = isolated / "esc\x1b]0;PWNED.toml"
    save_session(session_with_three_objectives(), path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "\x1b" not in app.sub_title and "\\x1b]0;PWNED" in app.sub_title
