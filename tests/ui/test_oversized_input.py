"""Oversized input never hangs the UI nor crashes it: a 100 KB idea pasted into the idea field,
a session of 50,000 ideas, a 10 MB session file, a file over the 20 MB limit.

The times taken are printed (run with -s to read them); the only bound asserted is a very
generous one against a hang."""

from collections.abc import Callable
from pathlib import Path
from time import perf_counter

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from bench.generate import large_session
from okrtui.models import Session
from okrtui.screens.app import OkrApp
from okrtui.screens.localized import SHOWN_CHARACTERS
from okrtui.screens.session import SessionScreen
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.storage import MAX_FILE_BYTES, load_session, save_session
from okrtui.workshop import add_idea, new_session

from .conftest import fill, start_capture, wait_for_save
from .rendered import screen_text, toast_texts
from .support import errors, level_view, option_texts, tree_lines

HANG = 120.0
"""Seconds after which a step counts as a hang (the slowest measured here take a few)."""


def long_text(size: int, start: str = "Start of a very long idea") -> str:
    """One line of size characters, words and spaces, beginning with start."""
    words = " ".join(f"word{n}" for n in range(size // 5))
    return f"{start} {words}"[:size].rstrip()


async def timed(label: str, step: Callable[[], object], pilot: Pilot) -> float:
    """Run step (a coroutine or a plain call), let the app catch up, print the time taken."""
    started = perf_counter()
    result = step()
    if hasattr(result, "__await__"):
        await result  # type: ignore[misc]
    await pilot.pause()
    elapsed = perf_counter() - started
    print(f"  {label}: {elapsed * 1000:,.0f} ms")
    assert elapsed < HANG, f"{label} took {elapsed:.0f} s"
    return elapsed


async def wait_for_session(pilot: Pilot, level: str = "ambition") -> None:
    started = perf_counter()
    while not (isinstance(pilot.app.screen, SessionScreen)
               and pilot.app.screen.query(f"#{level}-ideas")):
        assert perf_counter() - started < HANG, "the session never showed"
        await pilot.pause()


async def test_a_100_kb_idea_is_pasted_added_committed_saved_and_reloaded_intact(
    isolated: Path,
) -> None:
    text = long_text(100_000)
    path = isolated / "long-idea.toml"
    session = new_session("Long idea", "en", participants=["Ana"])
    app = OkrApp(lang="en", session=session, path=path)
    print()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await start_capture(pilot)
        field = app.screen.query_one("#ambition-idea-input", Input)
        await timed("paste 100 KB into the idea field",
                    lambda: app.post_message(events.Paste(text)), pilot)
        assert field.value == text
        await timed("enter: add it", lambda: pilot.press("enter"), pilot)
        assert field.value == ""
        [idea] = app.session.teams[0].ideas
        assert idea.text == text

        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        [row] = option_texts(ideas)
        assert row.startswith("• Start of a very long idea word0 word1")
        assert len(row) < SHOWN_CHARACTERS + 20 and "…" in row  # the row shows its start
        await pilot.press("escape")
        await timed("cursor down and up the list", lambda: pilot.press("down", "up"), pilot)
        assert ideas.highlighted == 0 and ideas.has_focus

        await timed("p: commit it as an objective", lambda: pilot.press("p"), pilot)
        [objective] = app.session.teams[0].objectives
        assert objective.text == text
        view = level_view(app, "ambition")
        assert any(line.startswith("O1 ") and "Start of a very long idea" in line
                   for line in tree_lines(view))
        view.focus()
        await timed("cursor in the tree", lambda: pilot.press("down", "up"), pilot)
        assert view.wrapped  # its 500 characters fit, wrapped; one line shows them below
        await timed("w: one line per item", lambda: pilot.press("w"), pilot)
        detail = app.screen.query_one("#ambition-pane .detail", Static)
        assert str(detail.content).startswith("Start of a very long idea")
        await timed("the review", lambda: pilot.press("4"), pilot)
        await timed("back to the ambition", lambda: pilot.press("1"), pilot)
        assert "Start of a very long idea" in screen_text(app)

        await timed("ctrl+s: save", lambda: pilot.press("ctrl+s"), pilot)
        await timed("the file written", lambda: wait_for_save(pilot), pilot)
        assert not app.dirty

    reloaded = load_session(path)
    assert reloaded.teams[0].ideas[0].text == text
    assert reloaded.teams[0].objectives[0].text == text
    reopened = OkrApp(lang="en", session=reloaded, path=path)
    async with reopened.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        row = option_texts(reopened.screen.query_one("#ambition-ideas", IdeaList))[0]
        assert "Start of a very long idea" in row
        await pilot.press("e")  # the form that edits the idea holds the whole text
        assert reopened.screen.query_one(Input).value == text
        await pilot.press("escape")


async def test_a_session_of_50000_ideas_opens_moves_takes_an_idea_and_saves(
    isolated: Path,
) -> None:
    path = isolated / "fifty-thousand.toml"
    save_session(large_session(50_000), path)
    app = OkrApp(lang="en")
    print()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await timed("open 50,000 ideas (from the home screen to the ideas listed)",
                    lambda: (app.open_path(path), wait_for_session(pilot))[1], pilot)
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        shown = ideas.option_count
        assert shown == len(app.session.teams[0].ideas_at("ambition")) > 15_000
        ideas.focus()
        await timed("one key: cursor down", lambda: pilot.press("down"), pilot)
        await timed("ten keys: cursor down", lambda: pilot.press(*["down"] * 10), pilot)
        assert ideas.highlighted == 11
        await start_capture(pilot)
        await timed("one key typed in the idea field", lambda: pilot.press("x"), pilot)
        await timed("enter: add an idea", lambda: fill(pilot, "One more idea"), pilot)
        assert ideas.option_count == shown + 1
        assert option_texts(ideas)[-1].startswith("• xOne more idea")
        await timed("ctrl+s: save", lambda: pilot.press("ctrl+s"), pilot)
        await timed("the file written", lambda: wait_for_save(pilot), pilot)
        assert not app.dirty
    reloaded = load_session(path)
    assert len(reloaded.teams[0].ideas) == 50_001
    assert reloaded.teams[0].ideas[-1].text == "xOne more idea"


def ten_megabytes_of_long_ideas() -> Session:
    """About 10 MB once saved: 1,000 ideas of 10,000 characters each."""
    session = new_session("Ten megabytes", "en", participants=["Ana"])
    team = session.teams[0]
    for number in range(1_000):
        add_idea(session, team, ("ambition", "tactic", "execution")[number % 3],
                 long_text(10_000, start=f"Long idea {number}"), None)
    return session


async def test_a_10_mb_session_file_opens_and_stays_usable(isolated: Path) -> None:
    path = isolated / "ten-megabytes.toml"
    save_session(ten_megabytes_of_long_ideas(), path)
    size = path.stat().st_size
    assert 9 * 1024 * 1024 < size < MAX_FILE_BYTES
    app = OkrApp(lang="en")
    print(f"\n  file: {size / 1024 / 1024:.1f} MB")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await timed("open the 10 MB file",
                    lambda: (app.open_path(path), wait_for_session(pilot))[1], pilot)
        assert not errors(app)
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        assert ideas.option_count == 334
        ideas.focus()
        await timed("ten keys: cursor down", lambda: pilot.press(*["down"] * 10), pilot)
        assert ideas.highlighted == 10
        assert "Long idea 30 word0" in screen_text(app)
        await timed("first visit to the tactic level", lambda: pilot.press("2"), pilot)
        await wait_for_session(pilot, "tactic")
        await start_capture(pilot)
        await timed("enter: add an idea", lambda: fill(pilot, "A short one"), pilot)
        await timed("ctrl+s: save", lambda: pilot.press("ctrl+s"), pilot)
        await timed("the file written", lambda: wait_for_save(pilot), pilot)
        assert not app.dirty
    assert len(load_session(path).teams[0].ideas) == 1_001


async def test_a_file_over_20_mb_is_refused_with_a_clear_message_and_the_session_stays(
    isolated: Path,
) -> None:
    huge = isolated / "huge.toml"
    with huge.open("wb") as file:
        file.truncate(25 * 1024 * 1024)  # sparse: 25 MB that take no room
    path = isolated / "open.toml"
    save_session(new_session("Still open", "en"), path)
    app = OkrApp(lang="en", session=load_session(path), path=path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        async def refused() -> None:  # read in the background: the answer follows
            app.open_path(huge)
            while not errors(app):
                await pilot.pause()

        await timed("open a 25 MB file", refused, pilot)
        assert errors(app) == [f"{huge}: is 25.0 MB; a session file is at most 20.0 MB."]
        [toast] = toast_texts(app)
        assert toast == f"Cannot open this file\n{errors(app)[0]}"
        on_screen = screen_text(app)  # the toast wraps the message
        assert "Cannot open this file" in on_screen and "is 25.0 MB; a session" in on_screen
        assert isinstance(app.screen, SessionScreen) and app.session.title == "Still open"
        assert app.is_running
