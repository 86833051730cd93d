"""The room on the network: an aiohttp application over a Room, to be run in the app's own
event loop (web.AppRunner + web.TCPSite on the address the facilitator chose).

Routes: /j/TOKEN (the participant's page), POST /j/TOKEN/join, /idea and /dot (a form post
and a redirect, or JSON for the page's script), /j/TOKEN/events (Server-Sent Events),
/b/TOKEN (the board), /b/TOKEN/events, and /favicon.ico (none). A wrong token answers 404
like any unknown path; a post from another origin 403; every answer carries the Content-
Security-Policy of okrtui.room.pages and Cache-Control: no-store.
"""

import asyncio
import json
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

from okrtui.i18n import catalog
from okrtui.room.limits import TOO_LARGE, Refused
from okrtui.room.pages import (
    CONTENT_SECURITY_POLICY,
    board_fragment,
    board_page,
    message_page,
    participant_fragment,
    participant_page,
)
from okrtui.room.qr import qr_svg
from okrtui.room.room import ParticipantView, Room

COOKIE = "okrtui_room"
COOKIE_SECONDS = 12 * 3600
FORBIDDEN = 403
HEARTBEAT_SECONDS = 15.0
SEND_INTERVAL = 0.1
"""At most ten updates a second per page: a flood of posts costs each page ten renders a
second, never one per post."""

ROOM = web.AppKey("room", Room)
WAKES: web.AppKey[set[asyncio.Event]] = web.AppKey("wakes")
CLOSING: web.AppKey[list[bool]] = web.AppKey("closing")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def create_app(room: Room) -> web.Application:
    app = web.Application(client_max_size=room.limits.body_bytes,
                          middlewares=[_refusals])
    app[ROOM] = room
    app[WAKES] = set()
    app[CLOSING] = []
    app.on_response_prepare.append(_security_headers)
    app.on_shutdown.append(_close_streams)
    app.add_routes([
        web.get("/j/{token}", _participant_page),
        web.post("/j/{token}/join", _join),
        web.post("/j/{token}/idea", _idea),
        web.post("/j/{token}/dot", _dot),
        web.get("/j/{token}/events", _participant_events),
        web.get("/b/{token}", _board_page),
        web.get("/b/{token}/events", _board_events),
        web.get("/favicon.ico", _no_icon),
    ])
    return app


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Not no-referrer: under it a browser sends "Origin: null" with the page's own posts,
    # which same_origin refuses. same-origin still never shows the token to another site.
    response.headers["Referrer-Policy"] = "same-origin"


async def _no_icon(request: web.Request) -> web.StreamResponse:
    """Browsers ask for /favicon.ico on their own: no icon, rather than a 404 they log."""
    return web.Response(status=204)


def same_origin(request: web.Request) -> bool:
    """A post comes from a page of this room: the browser says the site is the same
    (Sec-Fetch-Site) and its Origin names this host. A client that sends neither (no
    browser) is let through: the token and the cookie still stand in its way."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


@web.middleware
async def _refusals(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        if request.method == "POST" and not same_origin(request):
            raise Refused(FORBIDDEN, "room.cross_origin")
        return await handler(request)  # request.post() refuses a body over client_max_size
    except web.HTTPRequestEntityTooLarge:
        return _refusal(request, Refused(TOO_LARGE, "room.too_large"))
    except Refused as refused:
        return _refusal(request, refused)


def _wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _refusal(request: web.Request, refused: Refused) -> web.Response:
    room = request.app[ROOM]
    tr = catalog(room.session.language)
    message = tr(refused.reason, ideas=room.limits.idea_chars, names=room.limits.name_chars)
    headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else {}
    if _wants_json(request):
        return web.json_response({"ok": False, "message": message}, status=refused.status,
                                 headers=headers)
    token = request.match_info.get("token", "")
    back = f"/j/{token}" if room.is_join_token(token) else None
    return web.Response(text=message_page(room.session.language, message, back),
                        content_type="text/html", status=refused.status, headers=headers)


def _join_token(request: web.Request) -> str:
    token = request.match_info["token"]
    if not request.app[ROOM].is_join_token(token):
        raise web.HTTPNotFound()
    return token


def _board_token(request: web.Request) -> str:
    token = request.match_info["token"]
    if not request.app[ROOM].is_board_token(token):
        raise web.HTTPNotFound()
    return token


def _participant(request: web.Request) -> str | None:
    return request.app[ROOM].participant(request.cookies.get(COOKIE))


def _see_other(location: str) -> web.Response:
    """The answer to a form post: go (back) to this page."""
    return web.Response(status=303, headers={"Location": location})


def _html(text: str) -> web.Response:
    return web.Response(text=text, content_type="text/html")


# The participant ----------------------------------------------------------------------------


async def _participant_page(request: web.Request) -> web.StreamResponse:
    token = _join_token(request)
    room = request.app[ROOM]
    view = room.participant_view(_participant(request))
    return _html(participant_page(view, token, room.limits, request.query.get("note")))


async def _form(request: web.Request) -> dict[str, str]:
    data = await request.post()
    return {key: value for key, value in data.items() if isinstance(value, str)}


async def _join(request: web.Request) -> web.StreamResponse:
    token = _join_token(request)
    room = request.app[ROOM]
    form = await _form(request)
    participant_id = _participant(request)
    response = _see_other(f"/j/{token}")
    if participant_id is None:
        participant_id = room.join(form.get("name", ""), request.remote or "")
        await room.persisted()
        response.set_cookie(COOKIE, room.keys.sign(participant_id), max_age=COOKIE_SECONDS,
                            path="/", httponly=True, samesite="Strict")
    return response


def _joined(request: web.Request) -> str:
    participant_id = _participant(request)
    if participant_id is None:
        raise Refused(FORBIDDEN, "room.name_required")
    return participant_id


async def _idea(request: web.Request) -> web.StreamResponse:
    token = _join_token(request)
    room = request.app[ROOM]
    participant_id = _joined(request)
    idea = room.post_idea(participant_id, (await _form(request)).get("text", ""))
    await room.persisted()
    if _wants_json(request):
        message = catalog(room.session.language)("room.sent")
        return web.json_response({"ok": True, "message": message, "text": idea.text})
    return _see_other(f"/j/{token}?note=sent")


async def _dot(request: web.Request) -> web.StreamResponse:
    token = _join_token(request)
    room = request.app[ROOM]
    participant_id = _joined(request)
    form = await _form(request)
    room.dot(participant_id, form.get("idea", ""), -1 if form.get("step") == "-1" else 1)
    await room.persisted()
    if _wants_json(request):
        return web.json_response({"ok": True})
    return _see_other(f"/j/{token}")


async def _participant_events(request: web.Request) -> web.StreamResponse:
    token = _join_token(request)
    room = request.app[ROOM]
    signed = room.keys.signed_participant(request.cookies.get(COOKIE))

    shown: list[tuple[ParticipantView, str]] = []

    def render() -> str:
        """The page's live part; made again only when what it shows changed (an idea posted
        changes one page of fifty)."""
        view = room.participant_view(room.present(signed))
        if not shown or shown[0][0] != view:
            shown[:] = [(view, participant_fragment(view, token, room.limits))]
        return shown[0][1]

    return await _stream(request, render, lambda: room.is_join_token(token))


# The board ----------------------------------------------------------------------------------


def join_url(room: Room, request: web.Request) -> str:
    base = room.join_url_base or f"http://{request.host}"
    return f"{base}/j/{room.keys.join}"


async def _board_page(request: web.Request) -> web.StreamResponse:
    token = _board_token(request)
    room = request.app[ROOM]
    url = join_url(room, request)
    return _html(board_page(room.board_view(), token, url, qr_svg(url)))


async def _board_events(request: web.Request) -> web.StreamResponse:
    token = _board_token(request)
    room = request.app[ROOM]
    return await _stream(request, lambda: board_fragment(room.board_view()),
                         lambda: room.is_board_token(token))


# Live updates -------------------------------------------------------------------------------


async def _stream(request: web.Request, render: Callable[[], str],
                  still_open: Callable[[], bool]) -> web.StreamResponse:
    """Send the live part of a page now and after each change that alters it (an idea
    posted changes one participant's page: the others send nothing), until the link stops
    working, the page goes away or the room closes."""
    room = request.app[ROOM]
    wakes = request.app[WAKES]
    if len(wakes) >= room.limits.streams:
        raise Refused(503, "room.full")
    wake = asyncio.Event()
    wake.set()
    wakes.add(wake)
    room.follow(wake.set)
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    sent = None
    try:
        await response.prepare(request)
        while still_open() and not request.app[CLOSING]:
            if wake.is_set():
                wake.clear()
                html = render()
                if html != sent:
                    sent = html
                    payload = json.dumps({"html": html})
                    await response.write(f"data: {payload}\n\n".encode())
                await asyncio.sleep(SEND_INTERVAL)
                continue
            try:
                await asyncio.wait_for(wake.wait(), HEARTBEAT_SECONDS)
            except TimeoutError:
                await response.write(b": ping\n\n")
    except ConnectionResetError:
        pass
    finally:
        room.unfollow(wake.set)
        wakes.discard(wake)
    return response


async def _close_streams(app: web.Application) -> None:
    app[CLOSING].append(True)
    wakes = app[WAKES]
    for wake in list(wakes):
        wake.set()
