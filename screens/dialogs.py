"""Small modal questions: confirm, save before leaving, choose a file path."""

from pathlib import Path
from time import monotonic
from typing import Any, TypeVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from okrtui.i18n import Catalog
from okrtui.lock import Holder
from okrtui.models import Session
from okrtui.recovery import Recovery, changes

from .app_access import UsesOkrApp
from .commands import bindings_for
from .localized import literal, prose, visible_controls
from .widgets.key_bar import KeyBar

ResultType = TypeVar("ResultType")


def button(label: Content, **options: Any) -> Button:
    """A dialog button: compact (one line), so that dialogs fit an 80×24 terminal."""
    return Button(label, compact=True, **options)


def field(value: str = "", **options: Any) -> Input:
    """A one-line field of a dialog: compact, so that forms fit an 80×24 terminal."""
    return Input(value, compact=True, **options)


class Dialog(UsesOkrApp, ModalScreen[ResultType]):
    """A modal whose bindings are described in the app's language; escape cancels."""

    BINDINGS = bindings_for("dialog")
    AUTO_FOCUS = "Input, TextArea, OptionList, Button"
    FIELDS = "Input, TextArea, Select, SelectionList, RadioSet"
    """What enter moves through; enter in the last of them submits."""

    def __init__(self) -> None:
        super().__init__()
        self.tr = self.okr_app.tr

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        """Say what is wrong in the dialog's error line (hidden while there is nothing)."""
        error = self.query_one(".error", Static)
        error.update(prose(message))
        error.display = True

    def submit(self) -> None:
        """What enter in the last field, ctrl+s or the main button does."""

    def submit_when_typed(self) -> None:
        """ctrl+s submits once the focused field has the keys typed before it: a priority key,
        it reaches the app before the field has handled them (a value cut short, or refused)."""
        focused = self.focused
        if focused is None or not focused.call_later(self.submit):
            self.submit()

    def action_next_field(self) -> None:
        """Enter in a field moves on to the next field or list, or submits from the last one.
        A binding rather than Input.Submitted, so that keys typed fast land in the field they
        follow; the submit itself waits behind the keys already queued in the field."""
        focused = self.focused
        if not isinstance(focused, Input | TextArea):
            raise SkipAction()
        fields = list(self.query(self.FIELDS))
        if focused is fields[-1]:
            focused.call_later(self.submit)
        else:
            self.focus_next(self.FIELDS)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A pick in a list (an owner, an author) moves on to the next field, as enter does
        in a text field: enter on the list again would only open it again."""
        if event.select.has_focus_within:
            self.call_after_refresh(self.focus_next, self.FIELDS)

class ConfirmScreen(Dialog[bool]):
    """A yes-or-no question. The button named for the act has the focus, so enter (or
    ctrl+s, wherever the focus is) says yes; escape, or enter on the other button, says no."""

    BINDINGS = bindings_for("confirm")

    def __init__(self, question: str, yes_label: str) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(prose(self.question), classes="question")
            with Horizontal(classes="buttons"):
                yield button(literal(self.yes_label), variant="warning", id="yes")
                yield button(literal(self.tr("dialog.cancel")), id="no")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_press(self) -> None:
        """Enter presses the button that has the focus (the act's, unless tab moved on)."""
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        else:
            self.action_accept()

    def action_accept(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class OpeningScreen(Dialog[None]):
    """While a large session file is read in the background: its name and size, the time
    taken so far, and escape to stop waiting (the file is left as it is)."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__()
        self.path = path
        self.file_size = size
        self.cancelled = False
        self._began = monotonic()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(classes="question")
            with Horizontal(classes="buttons"):
                yield button(literal(self.tr("dialog.cancel")), id="no")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()
        self.set_interval(0.25, self._show)

    def _show(self) -> None:
        self.query_one(".question", Static).update(prose(self.tr(
            "open.opening", path=visible_controls(str(self.path)),
            size=f"{self.file_size / 1024 / 1024:.1f}", seconds=int(monotonic() - self._began))))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.cancelled = True
        self.dismiss(None)


class ChoiceScreen(Dialog[str | None]):
    """A question and a few answers (buttons, then Cancel); dismissed with the answer's id,
    or None for Cancel / escape. The first answer has the focus."""

    def __init__(self, question: str, answers: list[tuple[str, str, str]]) -> None:
        """answers: (id, label, button variant) each."""
        super().__init__()
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(prose(self.question), classes="question")
            with Horizontal(classes="buttons"):
                for answer_id, label, variant in self.answers:
                    yield button(literal(label), variant=variant, id=answer_id)
                yield button(literal(self.tr("dialog.cancel")), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(f"#{self.answers[0][0]}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)


class QuitScreen(ChoiceScreen):
    """Unsaved changes: save, discard, or stay."""

    def __init__(self) -> None:
        tr = self.okr_app.tr
        super().__init__(tr("quit.question"), [("save", tr("quit.save"), "primary"),
                                               ("discard", tr("quit.discard"), "error")])


class ConflictScreen(ChoiceScreen):
    """The file changed on disk since it was opened: save as (focused), reload, overwrite."""

    def __init__(self, path: Path) -> None:
        tr = self.okr_app.tr
        super().__init__(tr("conflict.question", path=visible_controls(str(path))), [
            ("save_as", tr("conflict.save_as"), "primary"),
            ("reload", tr("conflict.reload"), "warning"),
            ("overwrite", tr("conflict.overwrite"), "error"),
        ])


class LockScreen(ChoiceScreen):
    """Another okrtui is editing this file: open it read-only, or take it over."""

    def __init__(self, path: Path, holder: Holder) -> None:
        tr = self.okr_app.tr
        since = holder.since.strftime("%Y-%m-%d %H:%M")
        question = tr("lock.question", path=visible_controls(str(path)),
                      host=visible_controls(holder.host), pid=holder.pid,
                      since=since)
        super().__init__(question, [("read_only", tr("lock.read_only_button"), "primary"),
                                    ("take_over", tr("lock.take_over"), "warning")])


class RecoveryScreen(ChoiceScreen):
    """okrtui stopped before saving: what restoring brings back; restore, or discard it."""

    def __init__(self, found: Recovery, saved: Session | None) -> None:
        tr = self.okr_app.tr
        super().__init__(recovery_question(tr, found, saved), [
            ("restore", tr("recovery.restore"), "primary"),
            ("discard", tr("recovery.discard"), "error"),
        ])


def recovery_question(tr: Catalog, found: Recovery, saved: Session | None) -> str:
    when = found.holder.since.astimezone().strftime("%Y-%m-%d %H:%M")
    if found.session_path is not None:
        heading = tr("recovery.heading_file", when=when,
                     path=visible_controls(str(found.session_path)))
    else:
        heading = tr("recovery.heading_unsaved", when=when, title=found.session.title)
    lines = [heading, tr("recovery.restores")]
    for kind, counts in changes(saved, found.session).items():
        parts = [tr(f"recovery.{name}", count=count)
                 for name, count in zip(("added", "removed", "changed"), counts, strict=True)
                 if count]
        lines.append(f"  • {tr(f'recovery.kind.{kind}')}{tr('export.colon')} {', '.join(parts)}")
    for level, text in found.drafts.items():
        shown = text if len(text) <= 60 else text[:59] + "…"
        level_name = tr(f"level.{level}.name")
        lines.append(f"  • {tr('recovery.draft', level=level_name, text=shown)}")
    if len(lines) == 2:
        lines.append(f"  • {tr('recovery.nothing')}")
    lines.append(tr("recovery.after"))
    return "\n".join(lines)


class PathScreen(Dialog[Path | None]):
    """Ask for a file path (to open or to save to); enter accepts. The default is shown with
    its control characters written out (\\x1b…, never sent to the terminal) and, left as it
    is, stands for the real path."""

    def __init__(self, heading: str, default: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.default = default
        self.shown_default = visible_controls(default)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self.heading), classes="heading")
            yield field(self.shown_default, placeholder=self.tr("path.placeholder"), id="path")
            yield Static("", id="path-error", classes="error")
            with Horizontal(classes="buttons"):
                yield button(literal(self.tr("dialog.ok")), variant="primary", id="ok")
                yield button(literal(self.tr("dialog.cancel")), id="cancel")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.dismiss(None)

    def submit(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.show_error(self.tr("path.empty"))
            return
        if self.default and text == self.shown_default.strip():
            text = self.default.strip()
        path = Path(text).expanduser()
        if path.is_dir():
            self.show_error(self.tr("path.is_folder", path=visible_controls(str(path))))
            return
        self.dismiss(path)
