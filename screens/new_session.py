"""The form that starts a session: title, period, team, participants, language."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
)

from okrtui.models import Language, Session
from okrtui.text import clean_line
from okrtui.workshop import new_session

from .commands import bindings_for
from .dialogs import Dialog, button, field
from .localized import literal, prose
from .widgets.key_bar import KeyBar


class NewSessionScreen(Dialog[Session | None]):
    BINDINGS = bindings_for("new_session")
    FIELDS = "Input"

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self.initial_title = title

    def compose(self) -> ComposeResult:
        tr = self.tr
        with VerticalScroll(classes="dialog form", id="new-session"):
            yield Label(literal(tr("new.heading")), classes="heading")
            yield Label(prose(tr("new.title")))
            yield field(self.initial_title, placeholder=tr("new.title_placeholder"), id="title")
            yield Label(prose(tr("new.period")))
            yield field(placeholder=tr("new.period_placeholder"), id="period")
            yield Label(prose(tr("new.team")))
            yield field(placeholder=tr("new.team_placeholder"), id="team")
            yield Label(prose(tr("new.participants")))
            yield field(placeholder=tr("new.participants_placeholder"), id="participants")
            yield Checkbox(literal(tr("new.anonymous")), id="anonymous")
            yield Label(prose(tr("new.language")))
            with RadioSet(id="language"):
                yield RadioButton("Français", value=tr.language == "fr", id="fr")
                yield RadioButton("English", value=tr.language == "en", id="en")
            yield Static("", id="new-error", classes="error")
            with Horizontal(classes="buttons"):
                yield button(literal(tr("new.start")), variant="primary", id="start")
                yield button(literal(tr("dialog.cancel")), id="cancel")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.submit()
        else:
            self.dismiss(None)

    def action_start(self) -> None:
        self.submit_when_typed()

    def submit(self) -> None:
        def value(field: str) -> str:
            return self.query_one(f"#{field}", Input).value

        if not clean_line(value("title")):
            self.show_error(self.tr("new.title_required"))
            self.query_one("#title", Input).focus()
            return
        pressed = self.query_one("#language", RadioSet).pressed_button
        language: Language = "fr" if pressed is not None and pressed.id == "fr" else "en"
        session = new_session(
            title=value("title"),
            language=language,
            period=value("period"),
            team=value("team"),
            participants=value("participants").split(","),
        )
        session.anonymous = self.query_one("#anonymous", Checkbox).value
        self.dismiss(session)
