"""The okrtui application: which session is open, where it is saved, and in which language."""

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from okrtui import lock, recovery
from okrtui.document import Change, Document, Name
from okrtui.i18n import Catalog, catalog, guess_language
from okrtui.journal import Journal
from okrtui.models import Session
from okrtui.paths import absolute
from okrtui.problems import FileProblem
from okrtui.recent import load_recent, remember
from okrtui.storage import (
    file_stamp,
    load_session,
    remove_stale_temporaries,
)

from .dialogs import (
    LockScreen,
    OpeningScreen,
    QuitScreen,
    RecoveryScreen,
)
from .home import HomeScreen
from .localized import literal, localize_bindings
from .new_session import NewSessionScreen
from .saving import SaveJob, Saving
from .session import SessionScreen

READ_IN_BACKGROUND = 256 * 1024
"""Bytes of a session file (~2,000 ideas, ~0.1 s to read) above which it is read in a thread."""


class FileRead(Message):
    """From the thread reading path: the session, or what is wrong with the file."""

    def __init__(self, path: Path, result: Session | FileProblem,
                 waiting: OpeningScreen) -> None:
        super().__init__()
        self.path, self.result, self.waiting = path, result, waiting


def read_session(path: Path) -> Session | FileProblem:
    """The session in path, or what is wrong with the file."""
    try:
        return load_session(path)
    except FileProblem as problem:
        return problem


class OkrApp(Saving):
    """Opens on the home screen, or straight on a session given on the command line."""

    CSS_PATH = "app.tcss"
    TITLE = "okrtui"
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("f1", "help", "key.help"),
    ]

    def __init__(
        self,
        lang: str | None = None,
        session: Session | None = None,
        path: Path | None = None,
        start_new: bool = False,
        new_path: Path | None = None,
        new_title: str = "",
    ) -> None:
        self.lang_override = lang
        self.tr: Catalog = catalog(lang or (session.language if session else guess_language()))
        super().__init__()
        localize_bindings(self, self.tr)
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

    def _document_changed(self, change: Change) -> None:
        self.update_title()
        self.journal_soon()
        self.document_changed.publish(change)

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

    # Sessions ---------------------------------------------------------------

    def open_checked(self, session: Session, path: Path | None,
                     on_cancel: Callable[[], None] | None = None) -> None:
        """Open session as read from path, unless okrtui stopped before saving changes to
        it: then first offer to restore them (discarding them opens the file as saved)."""
        path = absolute(path) if path is not None else None
        found = recovery.find_for(path) if path is not None else None
        if found is None:
            self.open_session(session, path)
            return

        def answer(choice: str | None) -> None:
            if choice == "restore":
                self.restore(found, path)  # the file the user opened, whatever found says
            elif choice == "discard":
                found.discard()
                self.notify(literal(self.tr("recovery.discarded")))
                self.open_session(session, path)
            elif on_cancel is not None:
                on_cancel()

        self.push_screen(RecoveryScreen(found, session), answer)

    def offer_recoveries(self, found: list[recovery.Recovery],
                         then: Callable[[], None] | None = None) -> None:
        """At start: offer each abandoned recovery in turn, until one is restored; then
        (when none was) run then."""
        if not found:
            if then is not None:
                then()
            return
        first, rest = found[0], found[1:]
        saved = self._read_quietly(first.session_path) if first.session_path else None

        def answer(choice: str | None) -> None:
            if choice == "restore":
                self.restore(first, first.session_path)
                return
            if choice == "discard":
                first.discard()
                self.notify(literal(self.tr("recovery.discarded")))
            self.offer_recoveries(rest, then)

        self.push_screen(RecoveryScreen(first, saved), answer)

    @staticmethod
    def _read_quietly(path: Path) -> Session | None:
        result = read_session(path)
        return result if isinstance(result, Session) else None

    def restore(self, found: recovery.Recovery, path: Path | None) -> None:
        """Open the recovered session, unsaved, as the session of path (the file the user
        opened, or the one found is beside; None: saving asks where). The file changes only
        when the user saves, and saving checks it against what it held when the recovered
        work began."""
        self.open_session(found.session, path, drafts=found.drafts)
        self.disk_stamp = found.base_stamp
        self.mark_unsaved()
        self._journal_now()
        if self.journal is not None:
            self.journal.flush()  # (it may have fallen back to found.file itself)
            if found.file != self.journal.file:
                found.discard()
        self.notify(literal(self.tr("recovery.restored")), timeout=8)

    def open_session(self, session: Session, path: Path | None,
                     drafts: dict[str, str] | None = None) -> None:
        """Show session (replacing any open one); path is where ctrl+s saves it."""
        path = absolute(path) if path is not None else None
        if self.path is not None and not self.read_only:
            lock.release(self.path)
        self._stop_journal(remove=True)
        if self.document is not None:
            self.document.unsubscribe(self._document_changed)
        self.document = Document(session, path)
        self.document.subscribe(self._document_changed)
        self.read_only = False
        self._last_drafts = {}
        self.disk_stamp = file_stamp(path) if path is not None else None
        self.tr = catalog(self.lang_override or session.language)
        localize_bindings(self, self.tr)
        if path is not None:
            remember(path)
            remove_stale_temporaries(path)  # left by a save that was killed
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        self.push_screen(SessionScreen(session, drafts or {}))
        self.update_title()
        if path is None:
            self._start_journal(None)
        else:
            self._take_lock(path)

    def _start_journal(self, path: Path | None) -> None:
        """Autosave from now on: beside path (None: in the state folder)."""
        self.journal = self._new_journal(path)
        if self.dirty:
            self.journal_soon()

    def _take_lock(self, path: Path) -> None:
        """Another okrtui editing this file: say who, and open read-only or take over.
        Autosave starts once that is settled (never over the other window's file)."""
        other = lock.other_live_holder(path)
        if other is None:
            lock.acquire(path)
            self._start_journal(path)
            return

        def answer(choice: str | None) -> None:
            if choice == "take_over":
                lock.acquire(path)
                self._start_journal(path)
            elif choice == "read_only":
                self.read_only = True
                self.update_title()
                self._start_journal(None)
            else:
                self.read_only = True  # never release the other window's lock
                self.action_close_session()

        self.push_screen(LockScreen(path, other), answer)

    def action_new_session(self, title: str = "", path: Path | None = None) -> None:
        def start(session: Session | None) -> None:
            if session is not None:
                self.open_session(session, path)
                self.mark_unsaved()

        self.when_saved_or_discarded(lambda: self.push_screen(NewSessionScreen(title), start))

    def mark_changed(self, name: Name | None = None, ids: Iterable[str] = ()) -> None:
        """After every edit: one more step to undo (named for what it did), unsaved,
        journalled soon, and announced to the views (ids: the items it added or changed)."""
        if self.document is not None:
            self.document.edited(name, ids)

    def mark_unsaved(self) -> None:
        """After a change that is saved but not undone (a phase, the timer, a restore)."""
        if self.document is not None:
            self.document.navigated()

    def open_path(self, path: Path) -> None:
        """Open a session file, telling what is wrong with it instead of opening. A file over
        READ_IN_BACKGROUND bytes is read in a thread while a dialog counts the seconds (50,000
        ideas take seconds to read and check): the screen never freezes, and escape stops
        waiting."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # reading it says what is wrong
        if size <= READ_IN_BACKGROUND:
            self._opened(path, read_session(path))
            return
        waiting = OpeningScreen(path, size)

        def read() -> None:
            try:
                self.post_message(FileRead(path, read_session(path), waiting))
            except RuntimeError:
                pass  # the app is gone

        self.push_screen(waiting)
        threading.Thread(target=read, name="okrtui-open", daemon=True).start()

    def on_file_read(self, message: FileRead) -> None:
        waiting = message.waiting
        if waiting.cancelled:
            return
        while waiting in self.screen_stack:  # (and any dialog opened over it)
            self.pop_screen()
        self._opened(message.path, message.result)

    def _opened(self, path: Path, result: Session | FileProblem) -> None:
        if isinstance(result, FileProblem):
            self.notify(literal(result.message(self.tr)), title=self.tr("open.failed_title"),
                        severity="error", timeout=15)
            return
        self.open_checked(result, path)

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

    def on_unmount(self) -> None:
        """A clean exit removes the recovery file; any other (a crash) leaves it whole."""
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
        tr = self.tr

        def command(name: str, key: str, callback: Callable[[], object]) -> SystemCommand:
            return SystemCommand(tr(f"palette.app.{name}"), tr("palette.key", key=key), callback)

        if isinstance(screen, SessionScreen):
            for title, help_text, callback in screen.palette_commands():
                yield SystemCommand(title, help_text, callback)
            yield command("save", "ctrl+s", self.action_save)
            yield command("save_as", "f2", self.action_save_as)
            yield command("close", "ctrl+o", self.action_close_session)
        yield command("new_session", "n", self.action_new_session)
        yield command("help", "f1", self.action_help)
        yield command("quit", "ctrl+q", self.action_quit)
