"""The line under the level tabs: the phase stepper of the level on screen and its timer."""

from textual.content import Content
from textual.widgets import Static

from okrtui.facilitation import peek_state, remaining_seconds
from okrtui.i18n import Catalog
from okrtui.models import PHASES, Level, Session

from .team_view import TeamView


def clock(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def stepper(tr: Catalog, phase: str) -> Content:
    parts: list[tuple[str, str] | str] = []
    for index, name in enumerate(PHASES):
        if index:
            parts.append((" → ", "dim"))
        current = name == phase
        mark = "◉ " if current else "○ "
        parts.append((mark + tr(f"phase.{name}"), "bold reverse" if current else "dim"))
    return Content.assemble(*parts)


class WorkshopBar(TeamView, Static):
    """Stepper and countdown; `show(level)` after any change of phase or time."""

    def __init__(self, session: Session, tr: Catalog) -> None:
        super().__init__(classes="workshop-bar")
        self.session = session
        self.tr = tr
        self.level: Level | None = "ambition"
        self.running = False

    def on_mount(self) -> None:
        self.show(self.level)

    def show(self, level: Level | None) -> None:
        self.level = level
        if level is None:
            self.update("")
            return
        state = peek_state(self.team, level)
        left = remaining_seconds(self.session, state)
        running = ("▶ " if self.running else "‖ ")  # glyphs of one cell in every font
        timer_style = "bold reverse $error" if left == 0 else "bold"
        self.set_class(left == 0, "-time-up")
        self.update(Content.assemble(
            stepper(self.tr, state.phase), ("    ◷ ", "dim"), (running + clock(left), timer_style),
            ("   " + self.tr("workshop.keys"), "dim"),
        ))
