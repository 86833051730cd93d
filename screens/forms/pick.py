"""A picker: choose an objective, a tactic, or what to set aside when a limit bites."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ..dialogs import Dialog, button
from ..localized import literal, prose
from ..widgets.key_bar import KeyBar


class PickScreen(Dialog[str | None]):
    """Choose one item from a list (enter or click); escape cancels."""

    def __init__(self, heading: str, choices: list[tuple[str, Content]], note: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.choices = choices
        self.note = note

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(literal(self.heading), classes="heading")
            if self.note:
                yield Static(prose(self.note), classes="note")
            yield OptionList(*(Option(label, id=value) for value, label in self.choices),
                             id="choices")
            with Horizontal(classes="buttons"):
                yield button(literal(self.tr("dialog.cancel")), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_button_pressed(self) -> None:
        self.dismiss(None)
