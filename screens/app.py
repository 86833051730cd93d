"""The okrtui application: which session is open, where it is saved, and in which language."""

from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.widget import Widget

from okrtui import lock, recovery
from okrtui.document import Change, Document
from okrtui.i18n import Catalog, catalog, guess_language
from okrtui.journal import Journal
from okrtui.models import Session
from okrtui.paths import absolute
from okrtui.recent import load_recent
from okrtui.room.addresses import Listen

from .commands import bindings_for, palette_entries
from .dialogs import QuitScreen
from .home import HomeScreen
from .new_session import NewSessionScreen
from .opening import Opening
from .room_control import RoomControl
from .saving import SaveJob
from .session import SessionScreen


class OkrApp(Opening):
    """Opens on the home screen, or straight on a session given on the command line."""

    CSS_PATH = "app.tcss"
    TITLE = "okrtui"
    BINDINGS = bindings_for("app")

    def __init__(
        self,
        lang: str | None = None,
        session: Session | None = None,
        path: Path | None = None,
        start_new: bool = False,
        new_path: Path | None = None,
        new_title: str = "",
        room: Listen | None = None,
    ) -> None:
        """room: open the room once the session is on screen (--room)."""
        self.lang_override = lang
        self.tr: Catalog = catalog(lang or (session.language if session else guess_language()))
        super().__init__()
        self.document: Document | None = None
        """The open session (None: the home screen): every edit goes through it."""
        self._given = session
        self._path = absolute(path) if path is not None else None
        self.read_only = False
        self.journal: Journal | None = None
        self._journal_timer: Timer | None = None
        self._clean_exit = False
        self._save: SaveJob | None = None
        self._after_save: list[Callable[[], None]] = []
        """What waits for the running save to end (another save, a quit)."""
        self._last_drafts: dict[str, str] = {}
        self.document_changed: Signal[Change] = Signal(self, "document-changed")
        """Every change to the open document, for the views that follow it."""
        self._start_new = start_new
        self._new_path = absolute(new_path) if new_path is not None else None
        self._new_title = new_title
        self._room_asked = room
        self.room_control = RoomControl(self)

    def on_mount(self) -> None:
        if self._given is not None:
            # home is built when the session is closed
            self.open_checked(self._given, self._path, on_cancel=self._show_home)
            self._given = None
            return
        self._show_home()
        named = [path for path in (self.path, self._new_path) if path is not None]
        found = recovery.find_abandoned(load_recent() + named)
        start = (lambda: self.action_new_session(self._new_title, self._new_path)) \
            if self._start_new else None
        # recoveries first: nothing new may overwrite a recovery file before it is offered
        self.offer_recoveries(found, then=start)

    def _show_home(self) -> None:
        self.push_screen(HomeScreen())

    def open_session(self, session: Session, path: Path | None,
                     drafts: dict[str, str] | None = None) -> None:
        self.room_control.close()  # it served the document being replaced
        super().open_session(session, path, drafts)

    def _start_journal(self, path: Path | None) -> None:
        """The session is on screen, its lock settled: the room --room asked for opens."""
        super()._start_journal(path)
        if self._room_asked is not None:
            listen, self._room_asked = self._room_asked, None
            self.room_control.open_asked(listen)

    def action_new_session(self, title: str = "", path: Path | None = None) -> None:
        def start(session: Session | None) -> None:
            if session is not None:
                self.open_session(session, path)
                self.mark_unsaved()

        self.when_saved_or_discarded(lambda: self.push_screen(NewSessionScreen(title), start))
    # Leaving ----------------------------------------------------------------

    def when_saved_or_discarded(self, proceed: Callable[[], object]) -> None:
        """Run proceed now if nothing is unsaved, else after the user saves or discards.
        A save being written is waited for first (the exit waits for the file)."""
        if self.saving:
            self._after_save.append(lambda: self.when_saved_or_discarded(proceed))
            return
        if not self.dirty:
            proceed()
            return
        if isinstance(self.screen, QuitScreen):
            return  # already asking

        def answer(choice: str | None) -> None:
            if choice == "save":
                # asks again if the session changed while it was being written
                self.action_save(then=lambda: self.when_saved_or_discarded(proceed))
            elif choice == "discard":
                proceed()

        self.push_screen(QuitScreen(), answer)

    async def action_quit(self) -> None:
        self.when_saved_or_discarded(self._exit_cleanly)

    def _exit_cleanly(self) -> None:
        """Saved or discarded by choice: nothing is left to recover."""
        self._clean_exit = True
        self.exit()

    def action_close_session(self) -> None:
        def close() -> None:
            self.room_control.close()
            self.release_lock()
            self._stop_journal(remove=True)
            if self.document is not None:
                self.document.unsubscribe(self._document_changed)
            self.document, self._path = None, None
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(HomeScreen())  # in the language of the session just closed
            self.update_title()

        self.when_saved_or_discarded(close)

    def release_lock(self) -> None:
        if self.path is not None and not self.read_only:
            lock.release(self.path)

    async def on_unmount(self) -> None:
        """A clean exit removes the recovery file; any other (a crash) leaves it whole."""
        await self.room_control.stop()
        if self._save is not None:
            self._save.written.wait(timeout=30)  # the file is written before the app is gone
        self.release_lock()
        if self._journal_timer is not None and not self._clean_exit:
            self._journal_now(stopping=True)
        self._stop_journal(remove=self._clean_exit)

    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # Command palette --------------------------------------------------------

    def action_command_palette(self) -> None:
        # is_open is typed App[object]; App's parameter is invariant, so App[int] is refused.
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=self.tr("palette.placeholder")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The commands of the screen (in a session, of the level on screen too), then the
        app's: those the table of commands puts in the palette."""
        nodes: list[Widget] = [screen]
        if isinstance(screen, SessionScreen):
            nodes.append(screen.active_pane)
        for node in nodes:
            yield from palette_entries(node, self.tr)
        yield from palette_entries(self, self.tr)
