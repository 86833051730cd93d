"""The presenter view: the current phase, its timer in large digits, the question being
worked and the ideas (or, while converging, the ranking), high contrast, for a projector."""

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Static

from okrtui.facilitation import hidden_summary, peek_state, remaining_seconds, tally
from okrtui.models import Level

from .commands import bindings_for
from .localized import glimpse, hidden_ideas, literal
from .widgets.room_panel import qr_content
from .widgets.team_view import TeamView
from .widgets.workshop_bar import clock, stepper

if TYPE_CHECKING:
    from .session import SessionScreen

MAX_LINES = 12


class PresenterScreen(TeamView, Screen[None]):
    BINDINGS = bindings_for("presenter")

    def __init__(self, session_screen: "SessionScreen") -> None:
        super().__init__(classes="presenter")
        self.session_screen = session_screen
        self.session = session_screen.session
        self.tr = self.okr_app.tr

    def compose(self) -> ComposeResult:
        yield Static("", id="presenter-code")
        with Vertical(id="presenter"):
            yield Static("", id="presenter-phase")
            yield Static("", id="presenter-join")
            yield Digits("00:00", id="presenter-clock")
            yield Static("", id="presenter-question")
            yield Static("", id="presenter-items")

    def on_mount(self) -> None:
        self.okr_app.room_control.changed.subscribe(self, self._room_changed)
        self.refresh_view()

    def _room_changed(self, _: None) -> None:
        self.refresh_view()

    def _show_room(self) -> None:
        """The join link, and its QR code big enough to scan (when the room shows it)."""
        control = self.okr_app.room_control
        service = control.service
        join = self.query_one("#presenter-join", Static)
        code = self.query_one("#presenter-code", Static)
        join.display = service is not None
        code.display = service is not None and control.qr_shown
        if service is not None:
            join.update(literal(self.tr("room.presenter_join", link=service.join_url)))
            if control.qr_shown:
                code.update(qr_content(service.join_url)[0])

    def refresh_view(self) -> None:
        tr = self.tr
        level = self.session_screen.level
        team = self.team
        state = peek_state(team, level)
        left = remaining_seconds(self.session, state)
        self.query_one("#presenter-phase", Static).update(Content.assemble(
            (tr(f"level.{level}.name") + "  ", "bold"), stepper(tr, state.phase)))
        digits = self.query_one("#presenter-clock", Digits)
        digits.update(clock(left))
        digits.set_class(left == 0, "-time-up")
        self.query_one("#presenter-question", Static).update(
            literal(tr(f"level.{level}.question")))
        self.query_one("#presenter-items", Static).update(self._items(level, state.phase))
        self._show_room()

    def _items(self, level: Level, phase: str) -> Content:
        tr = self.tr
        team = self.team
        lines: list[Content] = []
        if phase == "converge" and tally(team, level):
            for ranked in tally(team, level)[:MAX_LINES]:
                tie = "=" if ranked.tied else " "
                lines.append(Content.assemble((f"{tie}{ranked.rank:>2}. ", "bold"),
                                              (f"{'●' * min(ranked.dots, 10)} ", "bold $accent"),
                                              glimpse(" ".join(ranked.idea.text.split()))))
        else:
            ideas = [i for i in team.ideas_at(level) if not i.hidden and not i.parked]
            for idea in ideas[-MAX_LINES:]:
                lines.append(Content.assemble(("• ", "bold"), glimpse(" ".join(idea.text.split()))))
            hidden, people = hidden_summary(team, level)
            if hidden:
                lines.append(Content.styled(hidden_ideas(tr, hidden, people), "italic"))
        return Content("\n").join(lines)
