"""The open room on the session screen: its links as plain text (to read out or copy), who
has joined, how the silent writing or the vote stands (counts only: never who wrote or voted
what), and the join link's QR code beside the levels when the terminal has room for it."""

from textual.content import Content
from textual.widgets import Static

from okrtui.facilitation import hidden_summary, peek_state, voters_done
from okrtui.i18n import Catalog
from okrtui.room.room import Room

from ..app_access import UsesOkrApp
from ..localized import hidden_ideas, literal

QR_STYLE = "#ffffff on #000000"
"""qr_lines draws light modules as blocks: white blocks on black make dark modules on a
light ground, whatever the terminal's theme."""
LEVELS_MIN_WIDTH = 78
"""Columns the levels keep beside the QR code."""
LEVELS_MIN_HEIGHT = 10


def qr_content(url: str) -> tuple[Content, int, int]:
    """The QR code of url as content (never markup), with its width and height."""
    from okrtui.room.qr import qr_lines  # segno: imported when a room opens

    lines = qr_lines(url)
    return Content.styled("\n".join(lines), QR_STYLE), len(lines[0]), len(lines)


def room_lines(tr: Catalog, room: Room, join_url: str, board_url: str) -> list[Content]:
    """The room's links, who joined, and where the writing or the vote stands."""
    session, team, level = room.session, room.team, room.level
    joined = [name for pid in sorted(room.members)
              if (name := session.participant_name(pid)) is not None]
    lines = [Content.assemble((f"{tr('room.join_link')} ", "bold"), literal(join_url)),
             Content.assemble((f"{tr('room.board_link')} ", "dim"), literal(board_url))]
    if not joined:
        who = literal(tr("room.nobody_joined"))
    elif session.anonymous:
        who = literal(tr("room.joined_count", count=len(joined)))
    else:
        who = Content.assemble(literal(f"{tr('room.joined')} "),
                               Content(", ").join(literal(name) for name in joined))
    phase = peek_state(team, level).phase
    if phase == "diverge":
        hidden, people = hidden_summary(team, level)
        if hidden:
            who = Content.assemble(who, " · ", literal(hidden_ideas(tr, hidden, people)))
    elif phase == "converge":
        done = len(voters_done(session, team, level))
        who = Content.assemble(who, " · ", literal(
            tr("room.voted", count=done, total=len(session.participants))))
    lines.append(who)
    return lines


class RoomStrip(UsesOkrApp, Static):
    """Above the key bar while a room is open."""

    DEFAULT_CSS = """
    RoomStrip { height: auto; padding: 0 1; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__("", id="room-strip")
        self.display = False

    def on_mount(self) -> None:
        self.okr_app.room_control.changed.subscribe(self, self.show_room)
        self.okr_app.document_changed.subscribe(self, self.show_room)
        self.show_room()

    def on_resize(self) -> None:
        self.show_room()

    def show_room(self, _: object = None) -> None:
        control = self.okr_app.room_control
        service = control.service
        self.display = service is not None
        code = self.screen.query(RoomCode).first() if self.is_attached else None
        if service is None:
            if code is not None:
                code.display = False
            return
        tr = self.okr_app.tr
        lines = room_lines(tr, service.room, service.join_url, service.board_url)
        qr, width, height = qr_content(service.join_url)
        side = (control.qr_shown and self.screen.size.width - width >= LEVELS_MIN_WIDTH
                and self.screen.size.height - height >= LEVELS_MIN_HEIGHT + len(lines))
        if code is not None:
            code.update(qr)
            code.display = side
        if not control.qr_shown:
            lines.append(literal(tr("room.qr_hidden")))
        elif not side:
            lines.append(literal(tr("room.qr_elsewhere")))
        self.update(Content("\n").join(lines))


class RoomCode(Static):
    """The join link's QR code, beside the levels, untouched by wrapping or theme."""

    DEFAULT_CSS = """
    RoomCode { width: auto; height: auto; text-wrap: nowrap; }
    """

    def __init__(self) -> None:
        super().__init__("", id="room-code")
        self.display = False
