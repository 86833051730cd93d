"""The field for a wording (an objective's, a key result's, a tactic's, an action's): one
sentence, wrapped on as many lines as it takes, up to a few. Enter belongs to the dialog (it
moves on, or accepts); a line break that comes in, pasted or otherwise, becomes a space."""

import re

from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from okrtui.text import clean_text

_LINE_BREAK = re.compile(r"\s*\n\s*")


def one_line(text: str) -> str:
    """Text for a one-sentence field: each line break, with the blanks around it, becomes a
    space; a tab becomes a space; control characters go."""
    return _LINE_BREAK.sub(" ", clean_text(text)).replace("\t", " ")


class WordingField(TextArea):
    DEFAULT_CSS = """
    WordingField {
        height: auto;
        min-height: 2;
        max-height: 4;
        padding: 0;
        background: $panel;
        &:focus {
            background-tint: $foreground 5%;
        }
    }
    """

    def __init__(self, text: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(one_line(text), soft_wrap=True, tab_behavior="focus", compact=True,
                         highlight_cursor_line=False, placeholder=placeholder, id=id)

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)

    def edit(self, edit: Edit) -> EditResult:
        """Every change (typed, pasted, ctrl+v) goes through here: it arrives on one line."""
        if "\n" in edit.text or "\r" in edit.text or "\t" in edit.text:
            edit = Edit(one_line(edit.text), edit.from_location, edit.to_location,
                        edit.maintain_selection_offset)
        return super().edit(edit)
