"""The method card of a level: what the level is for, what good looks like, the source's
formula, a good and a bad example. `?` opens it; it opens by itself once per user and level
(okrtui.cards remembers which)."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static

from okrtui.cards import card_sections, first_use
from okrtui.commands import COMMANDS

from .commands import bindings_for
from .dialogs import Dialog
from .localized import literal, prose
from .prose import Prose
from .widgets.key_bar import KeyBar

OPEN_KEY = next(command.names[0] for command in COMMANDS if command.action == "method_card")


class MethodCard(Dialog[None]):
    """A modal that scrolls (it fits 80×24); escape or enter closes it."""

    BINDINGS = bindings_for("card")
    AUTO_FOCUS = ".method-card"

    def __init__(self, level: str) -> None:
        super().__init__()
        self.level = level

    def compose(self) -> ComposeResult:
        tr = self.tr
        with VerticalScroll(classes="dialog method-card"):
            yield Label(literal(tr("card.heading", level=tr(f"level.{self.level}.name"))),
                        classes="heading")
            for section in card_sections(tr, self.level):
                text = Content.assemble(Content.styled(section.heading, "bold $accent"), "\n",
                                        literal(section.text))
                yield Static(Prose(text), classes="card-section")
            yield Static(prose(tr("card.footer", key=OPEN_KEY)), classes="note")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)


def open_on_first_use(screen: Screen[None], level: str) -> None:
    """Open the level's card if this user has never used the level, unless something else
    (a dialog, a question) is on top of the screen."""
    if screen.is_active and first_use(level):
        screen.app.push_screen(MethodCard(level))
