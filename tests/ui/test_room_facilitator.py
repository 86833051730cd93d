"""The room from the facilitator's side, the real app serving on 127.0.0.1 (a free port):
participants' ideas and dots take the path typed ones take (hidden, revealed, undone,
journalled), the links can be renewed, the room closes, and names are shown as typed."""

import asyncio
import gc
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
from textual.content import Content
from textual.pilot import Pilot

from okrtui import recovery
from okrtui.facilitation import step_phase, tally
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import PickScreen
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.screens.widgets.room_panel import RoomStrip
from okrtui.storage import save_session
from okrtui.workshop import new_session

from .support import errors, option_texts

COOKIE = "okrtui_room"
JSON = {"Accept": "application/json"}


def saved(folder: Path) -> Path:
    path = folder / "atelier.toml"
    save_session(new_session("Room workshop", "en", "2027-Q1", "Product", []), path)
    return path


@asynccontextmanager
async def serving(path: Path, size: tuple[int, int] = (120, 40)
                  ) -> AsyncIterator[tuple[OkrApp, Pilot, aiohttp.ClientSession]]:
    from okrtui.storage import load_session

    app = OkrApp(session=load_session(path), path=path)
    async with asyncio.timeout(60), app.run_test(size=size) as pilot:
        await pilot.pause()
        assert await app.room_control.open("127.0.0.1", 0)
        async with aiohttp.ClientSession() as http:
            yield app, pilot, http


def join_url(app: OkrApp) -> str:
    assert app.room_control.service is not None
    return app.room_control.service.join_url


async def join(http: aiohttp.ClientSession, url: str, name: str) -> dict[str, str]:
    async with http.post(f"{url}/join", data={"name": name}, allow_redirects=False) as answer:
        assert answer.status == 303, await answer.text()
        return {"Cookie": f"{COOKIE}={answer.cookies[COOKIE].value}", **JSON}


async def post(http: aiohttp.ClientSession, url: str, who: dict[str, str], **form: str) -> int:
    action = "dot" if "idea" in form else "idea"
    async with http.post(f"{url}/{action}", data=form, headers=who,
                         allow_redirects=False) as answer:
        return answer.status


def ideas_list(app: OkrApp) -> list[str]:
    return option_texts(app.screen.query_one("#ambition-ideas", IdeaList))


def strip_text(app: OkrApp) -> str:
    return app.screen.query_one(RoomStrip).text


async def strip_shows(pilot: Pilot, app: OkrApp, text: str) -> bool:
    """Whether the strip shows text within a second (it follows the document at most every
    FOLLOW_SECONDS)."""
    for _ in range(20):
        if text in strip_text(app):
            return True
        await pilot.pause(0.05)
    return False


async def test_remote_ideas_arrive_hidden_are_revealed_voted_undone_and_journalled(
        isolated: Path) -> None:
    path = saved(isolated)
    async with serving(path) as (app, pilot, http):
        url = join_url(app)
        ana = await join(http, url, "Ana")
        bruno = await join(http, url, "Bruno")
        assert await post(http, url, ana, text="Sell in bookshops") == 200
        assert await post(http, url, bruno, text="Open a Berlin office") == 200
        acknowledged = time.monotonic()
        await pilot.pause()
        team = app.document_now.team
        assert [i.hidden for i in team.ideas] == [True, True]
        assert any("2 hidden ideas from 2 people" in row for row in ideas_list(app))
        assert "Sell in bookshops" not in " ".join(ideas_list(app))
        assert await strip_shows(pilot, app, "2 hidden ideas from 2 people")
        assert await strip_shows(pilot, app, "Joined: Ana, Bruno")

        journal = recovery.beside(path)
        wanted = {"Sell in bookshops", "Open a Berlin office"}
        while not (journal.exists() and wanted <= {
                i.text for i in recovery.read(journal).session.teams[0].ideas}):
            assert time.monotonic() - acknowledged < 2.0, "not journalled within 2 s"
            await pilot.pause(0.05)

        app.screen.query_one("#ambition-ideas", IdeaList).focus()
        await pilot.press("r")
        assert not any(i.hidden for i in team.ideas)
        assert any("Sell in bookshops" in row for row in ideas_list(app))

        step_phase(team, "ambition", 1)
        app.mark_unsaved()
        shop = next(i for i in team.ideas if i.text == "Sell in bookshops")
        assert await post(http, url, ana, idea=shop.id, step="1") == 200
        assert await post(http, url, bruno, idea=shop.id, step="1") == 200
        await pilot.pause()
        assert tally(team, "ambition")[0].dots == 2
        assert any("Sell in bookshops" in row and "●●" in row for row in ideas_list(app))
        assert await strip_shows(pilot, app, "0 of 2 have finished voting")

        step_phase(team, "ambition", -1)
        assert await post(http, url, ana, text="Late remote idea") == 200
        await pilot.pause()
        assert "Late remote idea" in [i.text for i in app.document_now.team.ideas]
        await pilot.press("ctrl+z")
        assert "Late remote idea" not in [i.text for i in app.document_now.team.ideas]


async def test_new_links_stop_the_old_ones_and_closing_stops_listening(isolated: Path) -> None:
    async with serving(saved(isolated)) as (app, pilot, http):
        service = app.room_control.service
        assert service is not None
        assert gc.get_freeze_count() > 0  # left out of the collector's full passes
        old, port = service.join_url, service.port
        async with http.get(old) as answer:
            assert answer.status == 200
        await pilot.press("escape", "R")
        new = join_url(app)
        assert new != old
        async with http.get(old) as answer:
            assert answer.status == 404
        async with http.get(new) as answer:
            assert answer.status == 200
        assert new.removeprefix("http://") in strip_text(app)

        await pilot.press("O")
        for _ in range(100):
            if not app.room_control._stopping:
                break
            await pilot.pause(0.05)
        assert app.room_control.service is None
        assert not app.screen.query_one(RoomStrip).display
        assert gc.get_freeze_count() == 0  # what was alive when it opened is collected again
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens


async def test_the_room_follows_the_level_on_screen(isolated: Path) -> None:
    async with serving(saved(isolated)) as (app, pilot, _http):
        room = app.room_control.room
        assert room is not None and room.level == "ambition"
        await pilot.pause()
        assert "Nobody has joined yet." in strip_text(app)
        await pilot.press("escape", "2")
        await pilot.pause()
        assert room.level == "tactic"
        await pilot.press("escape", "t")
        assert room.timer_running
        await pilot.press("1")
        await pilot.pause()
        assert room.level == "ambition" and not room.timer_running


async def test_a_hidden_idea_is_deleted_without_its_author_shown(isolated: Path) -> None:
    async with serving(saved(isolated)) as (app, pilot, http):
        url = join_url(app)
        eve = await join(http, url, "Eve Rude")
        ana = await join(http, url, "Ana")
        assert await post(http, url, eve, text="Something rude") == 200
        assert await post(http, url, ana, text="Sell in bookshops") == 200
        await pilot.pause()
        await pilot.press("escape", "D")
        assert isinstance(app.screen, PickScreen)
        choices = option_texts(app.screen.query_one("#choices"))
        assert choices == ["Something rude", "Sell in bookshops"]
        assert "Eve" not in " ".join(str(w.render()) for w in app.screen.query("Static"))
        await pilot.press("enter")
        await pilot.pause()
        team = app.document_now.team
        assert [i.text for i in team.ideas] == ["Sell in bookshops"]
        assert any("1 hidden idea from 1 person" in row for row in ideas_list(app))
        await pilot.press("ctrl+z")
        assert len(app.document_now.team.ideas) == 2


async def test_hostile_names_show_as_typed(isolated: Path) -> None:
    async with serving(saved(isolated), size=(80, 24)) as (app, pilot, http):
        url = join_url(app)
        await join(http, url, "[/] [b]x")
        await join(http, url, "[@click=app.quit]")
        assert await strip_shows(pilot, app, "Joined: [/] [b]x, [@click=app.quit]")
        assert "QR code: f5 shows it in the projector view" in strip_text(app)  # at 80×24
        assert app.is_running


async def test_o_asks_where_and_opens_the_room_there(isolated: Path) -> None:
    from textual.widgets import Input, Select

    from okrtui.screens.room_dialogs import RoomDialog
    from okrtui.storage import load_session

    path = saved(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with asyncio.timeout(60), app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "o")
        assert isinstance(app.screen, RoomDialog)
        assert app.screen.addresses[-1] == "127.0.0.1"
        app.screen.query_one("#address", Select).value = "127.0.0.1"  # loopback only here
        app.screen.query_one("#port", Input).value = "http"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, RoomDialog)  # a port is a number: said, kept open
        app.screen.query_one("#port", Input).value = ""
        await pilot.press("ctrl+s")
        for _ in range(100):
            if app.room_control.service is not None:
                break
            await pilot.pause(0.05)
        url = join_url(app)
        assert url.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as http, http.get(url) as answer:
            assert answer.status == 200
        await app.room_control.stop()


async def test_a_read_only_session_opens_no_room(isolated: Path) -> None:
    from okrtui.storage import load_session

    path = saved(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with asyncio.timeout(60), app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.read_only = True
        assert not await app.room_control.open("127.0.0.1", 0)
        assert app.room_control.service is None
        await pilot.pause()
        assert any("open read-only" in text for text in errors(app))


async def test_an_anonymous_room_counts_hidden_ideas_without_people(isolated: Path) -> None:
    path = isolated / "anonyme.toml"
    session = new_session("Room workshop", "en", "2027-Q1", "Product", [])
    session.anonymous = True
    save_session(session, path)
    async with serving(path) as (app, pilot, http):
        url = join_url(app)
        for _ in range(2):
            who = await join(http, url, "")
            assert await post(http, url, who, text="An idea nobody signs") == 200
        await pilot.pause()
        assert all(i.author is None for i in app.document_now.team.ideas)
        rows = " ".join(ideas_list(app))
        assert "2 hidden ideas — r reveals them" in rows
        assert "people" not in rows and "person" not in rows
        assert await strip_shows(pilot, app, "2 hidden ideas — r reveals them")


async def test_a_port_taken_is_said_in_the_sessions_words_and_nothing_opens(
        isolated: Path) -> None:
    from okrtui.storage import load_session

    path = saved(isolated)
    app = OkrApp(session=load_session(path), path=path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        async with asyncio.timeout(60), app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert not await app.room_control.open("127.0.0.1", port)
            await pilot.pause()
            assert app.room_control.service is None
            [error] = errors(app)
            assert f"Cannot listen on 127.0.0.1:{port} (this port is already taken" in error
            assert "attempting" not in error  # not the library's English


async def test_the_room_is_off_until_the_facilitator_opens_it(isolated: Path) -> None:
    from okrtui.storage import load_session

    path = saved(isolated)
    app = OkrApp(session=load_session(path), path=path)
    async with asyncio.timeout(60), app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.room_control.service is None
        assert not app.screen.query_one(RoomStrip).display
        assert not (isolated / ".atelier.toml.room").exists()  # no keys made either


def test_the_names_of_those_who_joined_take_two_lines_at_most() -> None:
    from okrtui.i18n import catalog
    from okrtui.screens.widgets.room_panel import joined_line

    tr = catalog("en")
    names = [f"Participant {number}" for number in range(1, 51)]

    def fits(line: Content) -> bool:
        return line.cell_length <= 120

    line = joined_line(tr, names, fits)
    assert fits(line)
    assert line.plain.startswith("Joined: Participant 1, Participant 2, ")
    shown = line.plain.count("Participant")
    assert 2 < shown < 50
    assert line.plain.endswith(f", and {50 - shown} more")
    assert joined_line(tr, names[:2], fits).plain == "Joined: Participant 1, Participant 2"
    assert joined_line(tr, names, lambda _: False).plain == "Joined: and 50 more"


def test_those_who_joined_are_listed_in_the_order_they_came() -> None:
    from okrtui.document import Document
    from okrtui.room.keys import RoomKeys
    from okrtui.room.room import Room
    from okrtui.screens.widgets.room_panel import joined_names

    typed = [f"Typed {number}" for number in range(1, 9)]
    room = Room(Document(new_session("Room workshop", "en", "2027-Q1", "Product", typed)),
                RoomKeys.fresh())
    for name, address in (("Zoé", "10.0.0.1"), ("Yann", "10.0.0.2"), ("Xavier", "10.0.0.3")):
        room.join(name, address)
    assert joined_names(room) == ["Zoé", "Yann", "Xavier"]


async def test_remote_dots_rank_the_list_again_while_voting(isolated: Path) -> None:
    async with serving(saved(isolated)) as (app, pilot, http):
        url = join_url(app)
        ana = await join(http, url, "Ana")
        for text in ("First written", "Second written"):
            assert await post(http, url, ana, text=text) == 200
        await pilot.pause()
        app.screen.query_one("#ambition-ideas", IdeaList).focus()
        await pilot.press("r")
        assert [row.split(" —")[0].lstrip("• ") for row in ideas_list(app)] == [
            "First written", "Second written"]
        team = app.document_now.team
        step_phase(team, "ambition", 1)
        app.mark_unsaved()
        second = next(i for i in team.ideas if i.text == "Second written")
        assert await post(http, url, ana, idea=second.id, step="1") == 200
        await pilot.pause()
        rows = ideas_list(app)
        assert "Second written" in rows[0] and "●" in rows[0], rows  # ranked first now
        assert "First written" in rows[1]


async def test_a_keys_file_okrtui_did_not_write_is_named_and_left_alone(isolated: Path) -> None:
    import os

    from okrtui.storage import load_session

    path = saved(isolated)
    keys = isolated / ".atelier.toml.room"
    keys.write_text("[b]not json\x1b[31m")
    os.chmod(keys, 0o600)
    app = OkrApp(session=load_session(path), path=path)
    async with asyncio.timeout(60), app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not await app.room_control.open("127.0.0.1", 0)
        await pilot.pause()
        [error] = errors(app)
        assert ".atelier.toml.room cannot be read as the room’s keys: nothing was changed" in error
    assert keys.read_text() == "[b]not json\x1b[31m"
