"""The open room on the session screen: its links as plain text (to read out or copy), who
has joined, how the silent writing or the vote stands (counts only: never who wrote or voted
what), and the join link's QR code beside the levels when the terminal has room for it."""

from collections.abc import Callable
from typing import cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets import Static

from okrtui.facilitation import hidden_summary, peek_state, voters_done
from okrtui.i18n import Catalog
from okrtui.room.room import Room

from ..app_access import UsesOkrApp
from ..localized import hidden_ideas, literal
from .in_place import show_in_place

QR_STYLE = "#ffffff on #000000"
"""qr_lines draws light modules as blocks: white blocks on black make dark modules on a
light ground, whatever the terminal's theme."""
LEVELS_MIN_WIDTH = 78
"""Columns the levels keep beside the QR code."""
LEVELS_MIN_HEIGHT = 10
FOLLOW_SECONDS = 0.2
"""How long the strip waits after a change to the document before showing it (and the
changes that come meanwhile): drawn in the same frame as the ideas list, its counts made
Textual draw every widget between them again, the whole screen (~10 ms an idea)."""


def qr_content(url: str) -> tuple[Content, int, int]:
    """The QR code of url as content (never markup), with its width and height."""
    from okrtui.room.qr import qr_lines  # segno: imported when a room opens

    lines = qr_lines(url)
    return Content.styled("\n".join(lines), QR_STYLE), len(lines[0]), len(lines)


JOINED_LINES = 2
"""Lines the names of those who joined may take on the strip; past that « and 12 more »:
the strip keeps its height as people join (each new height laid the screen out again)."""


def room_lines(tr: Catalog, room: Room, join_url: str, board_url: str,
               fits: Callable[[Content], bool]) -> list[Content]:
    """The room's links and who joined (their names as many as fit)."""
    session = room.session
    joined = joined_names(room)
    lines = [Content.assemble((f"{tr('room.join_link')} ", "bold"), literal(join_url)),
             Content.assemble((f"{tr('room.board_link')} ", "dim"), literal(board_url))]
    if not joined:
        lines.append(literal(tr("room.nobody_joined")))
    elif session.anonymous:
        lines.append(literal(tr("room.joined_count", count=len(joined))))
    else:
        lines.append(joined_line(tr, joined, fits))
    return lines


def joined_names(room: Room) -> list[str]:
    """Who came in through the room, in the order they joined."""
    return [p.name for p in room.session.participants if p.id in room.members]


def joined_line(tr: Catalog, names: list[str], fits: Callable[[Content], bool]) -> Content:
    """« Joined: Ana, Bruno » with as many names as fit, then « and 12 more »."""

    def line(shown: int) -> Content:
        named = Content.assemble(literal(f"{tr('room.joined')} "),
                                 Content(", ").join(literal(name) for name in names[:shown]))
        if shown == len(names):
            return named
        more = tr("room.joined_more", count=len(names) - shown)
        return Content.assemble(named, literal(f"{', ' if shown else ''}{more}"))

    if fits(whole := line(len(names))):
        return whole
    fitting, too_many = 0, len(names)
    while too_many - fitting > 1:
        middle = (fitting + too_many) // 2
        fitting, too_many = (middle, too_many) if fits(line(middle)) else (fitting, middle)
    return line(fitting)


def room_counts(tr: Catalog, room: Room) -> Content:
    """Where the silent writing or the vote stands (empty: neither)."""
    session, team, level = room.session, room.team, room.level
    phase = peek_state(team, level).phase
    if phase == "diverge":
        hidden, people = hidden_summary(team, level)
        if hidden:
            return literal(hidden_ideas(tr, hidden, people))
    elif phase == "converge":
        done = len(voters_done(session, team, level))
        return literal(tr("room.voted", count=done, total=len(session.participants)))
    return Content("")


class RoomStrip(UsesOkrApp, Vertical):
    """Above the key bar while a room is open: the links and who joined, then the counts,
    which change with every idea or dot and are drawn again alone. It follows the document
    at most every FOLLOW_SECONDS, and lays the screen out again only when its height
    changes."""

    DEFAULT_CSS = """
    RoomStrip { height: auto; padding: 0 1; background: $panel; }
    RoomStrip > Static { height: auto; }
    """

    def __init__(self) -> None:
        super().__init__(id="room-strip")
        self.display = False
        self._pending = False
        self._code: RoomCode | None = None
        self._qr: tuple[str, Content, int, int] | None = None
        """The link the QR code shows, the code, its width and height."""
        self._lines_key: tuple[object, ...] = ()
        self._lines: list[Content] = []
        """The links and who joined, and what they were made from."""

    def compose(self) -> ComposeResult:
        yield Static("", id="room-lines")
        yield Static("", id="room-counts")

    def on_mount(self) -> None:
        self.okr_app.room_control.changed.subscribe(self, self.show_room)
        self.okr_app.document_changed.subscribe(self, self._document_changed, immediate=True)
        self.show_room()

    def on_resize(self) -> None:
        self.show_room()

    @property
    def text(self) -> str:
        """What the strip shows, as plain text."""
        return "\n".join(str(static.render()) for static in self.query(Static)
                         if static.display)

    def _document_changed(self, _: object) -> None:
        if not self._pending and self.okr_app.room_control.service is not None:
            self._pending = True
            self.set_timer(FOLLOW_SECONDS, self.show_room)

    def _room_code(self) -> "RoomCode | None":
        if self._code is None and self.is_attached:
            self._code = self.screen.query(RoomCode).first()
        return self._code

    def show_room(self, _: object = None) -> None:
        self._pending = False
        control = self.okr_app.room_control
        service = control.service
        self.display = service is not None
        code = self._room_code()
        if service is None:
            if code is not None:
                code.display = False
            return
        tr = self.okr_app.tr
        shown_lines = self.query_one("#room-lines", Static)
        text_width = max(1, shown_lines.content_size.width or self.screen.size.width - 2)
        room = service.room
        key = (tr, service.join_url, service.board_url, tuple(joined_names(room)), text_width,
               room.session.anonymous)
        if key != self._lines_key:
            styles = cast(RulesMap, shown_lines.styles)
            self._lines_key, self._lines = key, room_lines(
                tr, room, service.join_url, service.board_url,
                lambda line: line.get_height(styles, text_width) <= JOINED_LINES)
        lines = list(self._lines)
        counts = room_counts(tr, service.room)
        if self._qr is None or self._qr[0] != service.join_url:
            self._qr = (service.join_url, *qr_content(service.join_url))
        _, qr, width, height = self._qr
        side = (control.qr_shown and self.screen.size.width - width >= LEVELS_MIN_WIDTH
                and self.screen.size.height - height >= LEVELS_MIN_HEIGHT + len(lines) + 1)
        if code is not None:
            if code.content is not qr:
                code.update(qr)
            code.display = side
        if not control.qr_shown:
            lines.insert(2, literal(tr("room.qr_hidden")))
        elif not side:
            lines.insert(2, literal(tr("room.qr_elsewhere")))
        show_in_place(shown_lines, Content("\n").join(lines))
        shown_counts = self.query_one("#room-counts", Static)
        shown_counts.display = bool(counts.plain)
        show_in_place(shown_counts, counts)


class RoomCode(Static):
    """The join link's QR code, beside the levels, untouched by wrapping or theme."""

    DEFAULT_CSS = """
    RoomCode { width: auto; height: auto; text-wrap: nowrap; }
    """

    def __init__(self) -> None:
        super().__init__("", id="room-code")
        self.display = False
