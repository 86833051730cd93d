"""Opening a session: from a file (a large one read in a thread worker while a dialog counts
the seconds), after offering what okrtui recovered, under the file's lock; and the document's
changes, which the app passes on to the views."""

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import work
from textual.message import Message

from okrtui import lock, recovery
from okrtui.document import Change, Document, Name
from okrtui.i18n import catalog
from okrtui.models import Session
from okrtui.paths import absolute
from okrtui.problems import FileProblem
from okrtui.recent import remember
from okrtui.storage import file_stamp, load_session
from okrtui.writing import remove_stale_temporaries

from .dialogs import LockScreen, OpeningScreen, RecoveryScreen
from .home import HomeScreen
from .localized import literal
from .saving import Saving
from .session import SessionScreen

READ_IN_BACKGROUND = 256 * 1024
"""Bytes of a session file (~2,000 ideas, ~0.1 s to read) above which it is read in a thread."""


class FileRead(Message):
    """From the worker reading path: the session, or what is wrong with the file."""

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


class Opening(Saving):
    """Opens sessions, and follows the open document's changes."""

    def _document_changed(self, change: Change) -> None:
        self.update_title()
        self.journal_soon()
        self.document_changed.publish(change)

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
        READ_IN_BACKGROUND bytes is read in a thread worker while a dialog counts the seconds
        (50,000 ideas take seconds to read and check): the screen never freezes, and escape
        stops waiting."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # reading it says what is wrong
        if size <= READ_IN_BACKGROUND:
            self._opened(path, read_session(path))
            return
        waiting = OpeningScreen(path, size)
        self.push_screen(waiting)
        self._read_in_thread(path, waiting)

    @work(thread=True, group="open", description="open")
    def _read_in_thread(self, path: Path, waiting: OpeningScreen) -> None:
        try:
            self.post_message(FileRead(path, read_session(path), waiting))
        except RuntimeError:
            pass  # the app is gone

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
