"""What every form shares (a heading, fields, an error line, OK and Cancel, the coach beside
a wording), and the form of one wording."""

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static, TextArea

from okrtui.coach import Kind
from okrtui.text import clean_line

from ..commands import bindings_for
from ..dialogs import Dialog, button, field
from ..localized import literal, prose
from ..widgets.coach_panel import CoachPanel
from ..widgets.key_bar import KeyBar
from ..widgets.wording_field import WordingField

DraftType = TypeVar("DraftType")


class FormScreen(Dialog[DraftType | None]):
    """Enter in a field moves on; enter in the last field, ctrl+s, or OK submits, with what
    the form gives back (a draft); escape or Cancel gives back None."""

    BINDINGS = bindings_for("form")

    heading: str
    coach_kind: Kind | None = None
    """The coach checks the wording of forms that set this."""
    text: str
    """The wording the #text field opens with (forms that set coach_kind have one)."""

    def form_fields(self) -> ComposeResult:
        raise NotImplementedError

    @property
    def session_language(self) -> str:
        """The language of the session's text and numbers (the UI's may differ)."""
        session = self.okr_app.session
        return session.language if session is not None else self.tr.language

    def wording(self, placeholder: str = "") -> ComposeResult:
        """The #text field for a wording of a few lines, and the coach's findings on it."""
        yield WordingField(self.text, placeholder=placeholder, id="text")
        if self.coach_kind is not None:
            yield CoachPanel(self.tr, self.coach_kind, self.text, self.session_language)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "text" and self.coach_kind is not None:
            self.query_one(CoachPanel).check(event.text_area.text)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form"):
            yield Label(literal(self.heading), classes="heading")
            yield from self.form_fields()
            yield Static("", classes="error form-error")
            # docked: the buttons stay in view while the fields above them scroll
            with Horizontal(classes="buttons form-buttons"):
                yield button(literal(self.tr("dialog.ok")), variant="primary", id="ok")
                yield button(literal(self.tr("dialog.cancel")), id="cancel")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.dismiss(None)

    def action_submit(self) -> None:
        self.submit_when_typed()

    def value(self, field_id: str) -> str:
        """What a field holds: a one-line field's value, or a wording field's text."""
        widget = self.query_one(f"#{field_id}")
        if isinstance(widget, TextArea):
            return widget.text
        return self.query_one(f"#{field_id}", Input).value

    def fail(self, message: str, field_id: str) -> None:
        self.show_error(message)
        self.query_one(f"#{field_id}").focus()

    def required_text(self, field_id: str) -> str | None:
        text = clean_line(self.value(field_id))
        if not text:
            self.fail(self.tr("form.text_required"), field_id)
            return None
        return text

    def submit(self) -> None:
        raise NotImplementedError


class TextForm(FormScreen[str]):
    """One line of text: a name, a reason, a decision; or, coached, an objective's wording
    (then in a field of a few lines). Gives back the text."""

    def __init__(self, heading: str, label: str, text: str = "", coach: Kind | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.label = label
        self.text = text
        self.coach_kind = coach

    def form_fields(self) -> ComposeResult:
        yield Label(prose(self.label))
        if self.coach_kind is not None:
            yield from self.wording()
        else:
            yield field(self.text, id="text")

    def submit(self) -> None:
        text = self.required_text("text")
        if text is not None:
            self.dismiss(text)
