"""What the app's parts share: the open document, where it is saved, and the title that says
so. The app (app.py) is this, with journalling (journalling.py), saving (saving.py) and
opening (opening.py)."""

from pathlib import Path
from typing import Literal

from textual.app import App
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.signal import Signal
from textual.timer import Timer

from okrtui.document import Change, Document
from okrtui.i18n import Catalog
from okrtui.journal import Journal
from okrtui.models import Session

from .localized import literal, visible_controls


def display_path(path: Path) -> str:
    """A path as short as it can be said: relative to the working folder, or to home."""
    resolved = path.resolve()
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(resolved.relative_to(base))
        except ValueError:
            continue
    return str(resolved)


class AppBase(App[int]):
    """The state every part of the app reads; OkrApp's __init__ sets it."""

    tr: Catalog
    lang_override: str | None
    """The language asked for on the command line (None: each session's own)."""
    document: Document | None
    """The open session (None: the home screen): every edit goes through it."""
    _path: Path | None
    read_only: bool
    disk_stamp: str | None
    journal: Journal | None
    _journal_timer: Timer | None
    _last_drafts: dict[str, str]
    document_changed: Signal[Change]

    @property
    def session(self) -> Session | None:
        return self.document.session if self.document is not None else None

    @property
    def path(self) -> Path | None:
        """Where ctrl+s saves: always absolute and resolved (the working folder may change,
        and a path kept relative would then name another file)."""
        return self.document.path if self.document is not None else self._path

    @property
    def dirty(self) -> bool:
        return self.document is not None and self.document.dirty

    @property
    def team_id(self) -> str | None:
        return self.document.team_id if self.document is not None else None

    @team_id.setter
    def team_id(self, team_id: str | None) -> None:
        if self.document is not None:
            self.document.team_id = team_id
            self.update_title()

    @property
    def document_now(self) -> Document:
        """The open document, where only a session screen can be (it always has one)."""
        assert self.document is not None, "no session is open"
        return self.document

    def notify(self, message: str | Content, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Textual's notify, typed for what it takes: markup, or Content (user text) as is."""
        # Textual types message as str, but its Toast shows a Content as it is.
        super().notify(message, title=title, severity=severity,  # type: ignore[arg-type]
                       timeout=timeout, markup=markup)

    def history_step(self, done: Literal["undone", "redone"]) -> Change | None:
        """Undo (or redo) the last step and say what it took back: « Défait : résultat clé
        KR2 sur O1 »; or that there was nothing to take back (None)."""
        document = self.document_now
        change = document.undo() if done == "undone" else document.redo()
        if change is None:
            nothing = "nothing_to_undo" if done == "undone" else "nothing_to_redo"
            self.notify(literal(self.tr(f"workshop.{nothing}")), severity="warning")
            return None
        name = change.name
        said = (self.tr(f"workshop.{done}_what", what=self.tr(name.key, **dict(name.values)))
                if name is not None else self.tr(f"workshop.{done}"))
        self.notify(literal(said))
        return change

    @property
    def saving(self) -> bool:
        """A save is being written (in a thread)."""
        return False

    def update_title(self) -> None:
        if self.session is None:
            self.title, self.sub_title = "okrtui", ""
            return
        self.title = self.session.title or "okrtui"
        if len(self.session.teams) > 1:
            team = self.document_now.team
            self.title += f" — {team.name or team.id}"
        place = (visible_controls(display_path(self.path)) if self.path
                 else self.tr("session.unsaved_file"))
        if self.read_only:
            place += f" ({self.tr('lock.read_only')})"
        if self.dirty:
            place += " ●"
        if self.saving:
            place += f" {self.tr('save.saving')}"
        self.sub_title = place

    def open_path(self, path: Path) -> None:
        raise NotImplementedError

    def action_close_session(self) -> None:
        raise NotImplementedError
