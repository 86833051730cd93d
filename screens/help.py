"""The help screen: every key of the table of commands, by where it works."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from okrtui.commands import help_sections

from .dialogs import Dialog
from .localized import literal, prose
from .prose import KeyRows
from .widgets.key_bar import KeyBar


class HelpScreen(Dialog[None]):
    AUTO_FOCUS = ".help"
    """The keys list has the focus at once: the arrows, page up/down scroll it (before,
    nothing had the focus until tab)."""

    def compose(self) -> ComposeResult:
        tr = self.tr
        with VerticalScroll(classes="dialog help"):
            yield Label(literal(tr("help.heading")), classes="heading")
            yield Static(prose(tr("help.intro")), classes="note")
            for title, help_lines in help_sections():
                rows = [(Content.styled(f"  {line.key_text():<18}", "bold $accent"),
                         literal(tr(line.help))) for line in help_lines]
                yield Static(KeyRows(Content.styled(tr(title), "bold underline"), rows),
                             classes="help-section")
            yield Static(prose(tr("help.limits")), classes="note")
        yield KeyBar()
