"""The room's server over HTTP, on 127.0.0.1 (aiohttp's test server): tokens, limits,
origins, headers, escaping, and what each page may receive."""

import asyncio
import base64
import hashlib
import json
import re
from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from okrtui.document import Document
from okrtui.facilitation import reveal, set_phase
from okrtui.room.keys import RoomKeys
from okrtui.room.limits import Limits
from okrtui.room.room import Room
from okrtui.room.server import COOKIE, create_app
from okrtui.workshop import new_session

SECRET = "SECRET-IDEA-4711"


def make_room(anonymous: bool = False, **limits: int) -> Room:
    session = new_session("Atelier", "en")
    session.anonymous = anonymous
    return Room(Document(session), RoomKeys.fresh(), Limits(**limits))


@pytest.fixture
def room() -> Room:
    return make_room()


@pytest.fixture
async def client(room: Room) -> AsyncIterator[TestClient[object, object]]:
    async with TestClient(TestServer(create_app(room), host="127.0.0.1")) as client:
        yield client


async def join(client: TestClient[object, object], room: Room, name: str = "Ana",
               ) -> dict[str, str]:
    """Join as a new participant; the Cookie header that says who they are."""
    client.session.cookie_jar.clear()
    response = await client.post(f"/j/{room.keys.join}/join", data={"name": name},
                                 allow_redirects=False)
    assert response.status == 303, await response.text()
    cookie = response.cookies[COOKIE].value
    client.session.cookie_jar.clear()
    return {"Cookie": f"{COOKIE}={cookie}"}


async def post_idea(client: TestClient[object, object], room: Room, who: dict[str, str],
                    text: str, **headers: str) -> ClientResponse:
    return await client.post(f"/j/{room.keys.join}/idea", data={"text": text},
                             headers={**who, **headers}, allow_redirects=False)


async def next_event(response: ClientResponse) -> str:
    """The HTML the next Server-Sent Event carries."""
    while True:
        line = await asyncio.wait_for(response.content.readline(), 5)
        assert line, "the stream ended"
        if line.startswith(b"data: "):
            html: str = json.loads(line[6:])["html"]
            return html


async def test_a_wrong_token_answers_404_like_any_unknown_path(
        client: TestClient[object, object], room: Room) -> None:
    unknown = await client.get("/nothing/here")
    wrong = "A" * 22
    for method, path in [("GET", f"/j/{wrong}"), ("POST", f"/j/{wrong}/join"),
                         ("POST", f"/j/{wrong}/idea"), ("POST", f"/j/{wrong}/dot"),
                         ("GET", f"/j/{wrong}/events"), ("GET", f"/b/{wrong}"),
                         ("GET", f"/b/{wrong}/events"), ("GET", f"/j/{room.keys.board}"),
                         ("GET", f"/b/{room.keys.join}"), ("GET", f"/j/{room.keys.join}x")]:
        response = await client.request(method, path, data={"name": "Eve"})
        assert response.status == 404, path
        assert await response.text() == await unknown.text()
    assert room.session.participants == []
    assert (await client.get(f"/j/{room.keys.join}")).status == 200
    assert (await client.get(f"/b/{room.keys.board}")).status == 200


async def test_new_tokens_stop_the_old_links_and_their_live_pages(
        client: TestClient[object, object], room: Room) -> None:
    old_join, old_board = room.keys.join, room.keys.board
    who = await join(client, room)
    stream = await client.get(f"/b/{old_board}/events")
    await next_event(stream)
    room.regenerate()
    assert (await asyncio.wait_for(stream.content.read(), 5)).strip() == b""  # it ended
    assert (await client.get(f"/j/{old_join}")).status == 404
    assert (await client.get(f"/b/{old_board}")).status == 404
    assert (await post_idea(client, room, who, "x")).status == 303  # new link, same cookie
    response = await client.post(f"/j/{old_join}/idea", data={"text": "y"}, headers=who)
    assert response.status == 404
    assert [idea.text for idea in room.team.ideas] == ["x"]


async def test_a_body_over_4_kib_answers_413(client: TestClient[object, object],
                                            room: Room) -> None:
    who = await join(client, room)
    response = await client.post(f"/j/{room.keys.join}/idea", headers=who,
                                 data={"text": "short", "padding": "x" * 5000})
    assert response.status == 413

    async def without_length() -> AsyncIterator[bytes]:
        yield b"text=short&padding="
        yield b"x" * 5000

    form = {"Content-Type": "application/x-www-form-urlencoded"}
    chunked = await client.post(f"/j/{room.keys.join}/idea", headers={**who, **form},
                                data=without_length())
    assert chunked.status == 413
    assert room.team.ideas == []


async def test_an_idea_over_280_characters_answers_413(client: TestClient[object, object],
                                                      room: Room) -> None:
    who = await join(client, room)
    assert (await post_idea(client, room, who, "x" * 281)).status == 413
    assert (await post_idea(client, room, who, "x" * 280)).status == 303


async def test_too_many_posts_answer_429_with_retry_after() -> None:
    room = make_room(posts_per_minute=3)
    async with TestClient(TestServer(create_app(room), host="127.0.0.1")) as client:
        who = await join(client, room)
        for n in range(3):
            assert (await post_idea(client, room, who, f"idea {n}")).status == 303
        refused = await post_idea(client, room, who, "one too many")
        assert refused.status == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert len(room.team.ideas) == 3


async def test_too_many_new_participants_from_one_address_answer_429() -> None:
    room = make_room(joins_per_minute=2)
    async with TestClient(TestServer(create_app(room), host="127.0.0.1")) as client:
        await join(client, room, "Ana")
        await join(client, room, "Bob")
        response = await client.post(f"/j/{room.keys.join}/join", data={"name": "Cléo"},
                                     allow_redirects=False)
        assert response.status == 429
        assert COOKIE not in response.cookies
    assert len(room.session.participants) == 2


async def test_a_full_room_answers_503() -> None:
    room = make_room(participants=1)
    async with TestClient(TestServer(create_app(room), host="127.0.0.1")) as client:
        await join(client, room, "Ana")
        response = await client.post(f"/j/{room.keys.join}/join", data={"name": "Bob"})
        assert response.status == 503
        assert "The room is full" in await response.text()


async def test_posts_from_another_origin_are_refused(client: TestClient[object, object],
                                                     room: Room) -> None:
    who = await join(client, room)
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}):
        assert (await post_idea(client, room, who, "forged", **headers)).status == 403
    joined = await client.post(f"/j/{room.keys.join}/join", data={"name": "Eve"},
                               headers={"Origin": "http://evil.example"})
    assert joined.status == 403
    assert room.team.ideas == [] and len(room.session.participants) == 1
    own = {"Origin": f"http://{client.host}:{client.port}", "Sec-Fetch-Site": "same-origin"}
    assert (await post_idea(client, room, who, "mine", **own)).status == 303


async def test_every_answer_is_never_cached_and_allows_only_its_own_inline_code(
        client: TestClient[object, object], room: Room) -> None:
    who = await join(client, room)
    page = await client.get(f"/j/{room.keys.join}", headers=who)
    answers = [page, await client.get(f"/b/{room.keys.board}"), await client.get("/x"),
               await post_idea(client, room, who, "x" * 281),
               await client.get(f"/b/{room.keys.board}/events")]
    for answer in answers:
        policy = answer.headers["Content-Security-Policy"]
        assert policy.startswith("default-src 'self';")
        assert "unsafe-inline" not in policy
        assert answer.headers["Cache-Control"] == "no-store"
    html = await page.text()
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert script and style
    for source, directive in ((script.group(1), "script-src"), (style.group(1), "style-src")):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in page.headers["Content-Security-Policy"]
    assert "http://" not in html.replace(f"http://{client.host}", "") and " src=" not in html


async def test_the_cookie_is_httponly_samesite_strict_and_signed(
        client: TestClient[object, object], room: Room) -> None:
    response = await client.post(f"/j/{room.keys.join}/join", data={"name": "Ana"},
                                 allow_redirects=False)
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Strict" in header
    client.session.cookie_jar.clear()
    value = response.cookies[COOKIE].value
    participant, signature = value.rsplit(".", 1)
    for forged in (f"p2.{signature}", f"{participant}.{'0' * 64}", participant):
        headers = {"Cookie": f"{COOKIE}={forged}"}
        assert (await post_idea(client, room, headers, "forged")).status == 403
        page = await (await client.get(f"/j/{room.keys.join}", headers=headers)).text()
        assert 'action="/j/' + room.keys.join + '/join"' in page
    assert room.team.ideas == []


async def test_names_and_ideas_are_escaped_and_cleaned(client: TestClient[object, object],
                                                       room: Room) -> None:
    who = await join(client, room, "<script>alert(1)</script> [/] \x1b[2J")
    await post_idea(client, room, who, "<img src=x onerror=alert(2)> [/]\x07 & \x9b31m")
    html = await (await client.get(f"/j/{room.keys.join}", headers=who)).text()
    assert html.count("<script") == 1 and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [/]" in html
    assert "&lt;img src=x onerror=alert(2)&gt; [/] &amp;" in html
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", html)
    reveal(room.team, "ambition")
    board = await (await client.get(f"/b/{room.keys.board}")).text()
    assert "&lt;img src=x onerror=alert(2)&gt;" in board and "<img" not in board
    event = await next_event(await client.get(f"/b/{room.keys.board}/events"))
    assert "&lt;img src=x" in event and "<img" not in event


async def test_writing_is_refused_outside_diverge(client: TestClient[object, object],
                                                  room: Room) -> None:
    who = await join(client, room)
    set_phase(room.team, "ambition", "converge")
    response = await post_idea(client, room, who, "late", Accept="application/json")
    assert response.status == 409
    assert (await response.json())["message"].startswith("Writing is closed")
    page = await (await client.get(f"/j/{room.keys.join}", headers=who)).text()
    assert "<textarea" not in page
    assert room.team.ideas == []


async def test_the_dot_budget_holds_over_http(client: TestClient[object, object],
                                             room: Room) -> None:
    who = await join(client, room)
    for n in range(2):
        await post_idea(client, room, who, f"idea {n}")
    reveal(room.team, "ambition")
    set_phase(room.team, "ambition", "converge")
    first = room.team.ideas[0].id
    for _ in range(3):
        response = await client.post(f"/j/{room.keys.join}/dot", headers=who,
                                     data={"idea": first, "step": "1"}, allow_redirects=False)
        assert response.status == 303
    response = await client.post(f"/j/{room.keys.join}/dot", headers=who,
                                 data={"idea": room.team.ideas[1].id, "step": "1"})
    assert response.status == 409
    assert [(v.idea, v.dots) for v in room.team.votes] == [(first, 3)]
    page = await (await client.get(f"/j/{room.keys.join}", headers=who)).text()
    assert "You have 0 dots left." in page and "Your dots: 3" in page


async def test_hidden_ideas_leave_no_response_before_the_reveal(
        client: TestClient[object, object], room: Room) -> None:
    ana = await join(client, room, "Ana")
    bob = await join(client, room, "Bob")
    board_stream = await client.get(f"/b/{room.keys.board}/events")
    bob_stream = await client.get(f"/j/{room.keys.join}/events", headers=bob)
    await next_event(board_stream), await next_event(bob_stream)
    sent = await post_idea(client, room, ana, SECRET, Accept="application/json")
    assert (await sent.json())["text"] == SECRET  # its author is told what was received
    answers = [await next_event(board_stream)]
    room.show(timer_running=True)  # a change every page shows: Bob's page is sent again
    answers += [await next_event(board_stream), await next_event(bob_stream)]
    for response in [await client.get(f"/b/{room.keys.board}"),
                     await client.get(f"/j/{room.keys.join}", headers=bob),
                     await client.get(f"/j/{room.keys.join}")]:
        answers.append(await response.text())
    assert all(SECRET not in answer for answer in answers)
    assert "1 hidden idea from 1 person" in answers[0]
    ana_page = await (await client.get(f"/j/{room.keys.join}", headers=ana)).text()
    assert SECRET in ana_page
    reveal(room.team, "ambition")
    room.show()
    assert SECRET in await next_event(board_stream)
    assert SECRET in await (await client.get(f"/b/{room.keys.board}")).text()


async def test_a_page_a_change_leaves_as_it_was_is_not_sent_again(
        client: TestClient[object, object], room: Room) -> None:
    ana = await join(client, room, "Ana")
    bob = await join(client, room, "Bob")
    ana_stream = await client.get(f"/j/{room.keys.join}/events", headers=ana)
    bob_stream = await client.get(f"/j/{room.keys.join}/events", headers=bob)
    await next_event(ana_stream), await next_event(bob_stream)
    await post_idea(client, room, ana, "Réduire le délai du support")
    assert "Réduire le délai du support" in await next_event(ana_stream)
    with pytest.raises(TimeoutError):  # Bob's page did not change: nothing to send
        await asyncio.wait_for(next_event(bob_stream), 0.5)
    room.show(timer_running=True)
    assert "Réduire le délai du support" not in await next_event(bob_stream)


async def test_an_anonymous_room_asks_no_name_and_records_no_author() -> None:
    room = make_room(anonymous=True)
    async with TestClient(TestServer(create_app(room), host="127.0.0.1")) as client:
        form = await (await client.get(f"/j/{room.keys.join}")).text()
        assert 'name="name"' not in form and "anonymous" in form
        who = await join(client, room, "")
        response = await post_idea(client, room, who, "idée sans nom",
                                   Accept="application/json")
        assert (await response.json())["text"] == "idée sans nom"
        page = await (await client.get(f"/j/{room.keys.join}", headers=who)).text()
        assert "idée sans nom" not in page  # the server keeps no link from person to idea
    assert [idea.author for idea in room.team.ideas] == [None]


async def test_without_javascript_a_post_redirects_to_the_page_that_confirms_it(
        client: TestClient[object, object], room: Room) -> None:
    who = await join(client, room)
    response = await post_idea(client, room, who, "Réduire les délais")
    assert response.status == 303
    assert response.headers["Location"] == f"/j/{room.keys.join}?note=sent"
    page = await (await client.get(response.headers["Location"], headers=who)).text()
    assert "Idea received" in page and "Réduire les délais" in page
    # without a script the page follows the room when asked: a link to itself
    assert (f'<noscript><p><a href="/j/{room.keys.join}">Show where the workshop is now</a>'
            in page)


async def test_the_board_shows_the_join_link_and_its_qr_code(
        client: TestClient[object, object], room: Room) -> None:
    room.join_url_base = "http://192.168.1.20:8765"
    board = await (await client.get(f"/b/{room.keys.board}")).text()
    assert f"http://192.168.1.20:8765/j/{room.keys.join}" in board
    assert '<svg viewBox="0 0' in board
