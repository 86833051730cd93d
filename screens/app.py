"""The okrtui application: which session is open, where it is saved, and in which language."""

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from okrtui import lock, recovery
from okrtui.document import Change, Document, Name
from okrtui.i18n import Catalog, catalog, guess_language
from okrtui.models import Session
from okrtui.paths import absolute
from okrtui.problems import FileProblem, SaveError
from okrtui.recent import load_recent, remember
from okrtui.storage import (
    file_stamp,
    load_session,
    remove_stale_temporaries,
    save_table,
    session_table,
)
from okrtui.text import slugify

from .dialogs import (
    ConfirmScreen,
    ConflictScreen,
    LockScreen,
    OpeningScreen,
    PathScreen,
    QuitScreen,
    RecoveryScreen,
)
from .home import HomeScreen
from .localized import literal, localize_bindings, visible_controls
from .new_session import NewSessionScreen
from .session import SessionScreen
from .widgets.ideas import IdeaField

READ_IN_BACKGROUND = 256 * 1024
"""Bytes of a session file (~2,000 ideas, ~0.1 s to read) above which it is read in a thread."""

JOURNAL_DELAY = 0.5
"""Seconds from a change to its recovery snapshot (the promise is at most 2 s of loss)."""


@dataclass
class SaveJob:
    """A save being written in a thread: the file it writes, and the app when it began."""

    session: Session
    path: Path
    then: Callable[[], None] | None
    change: int
    """The app's change count when the content was taken (a later edit stays unsaved)."""
    thread: threading.Thread | None = None


class SaveFinished(Message):
    """From the thread of job: the file is written (its stamp), or error says why not."""

    def __init__(self, job: SaveJob, stamp: str | None, error: Exception | None) -> None:
        super().__init__()
        self.job, self.stamp, self.error = job, stamp, error


class FileRead(Message):
    """From the thread reading path: the session, or what is wrong with the file."""

    def __init__(self, path: Path, result: Session | FileProblem,
                 waiting: OpeningScreen) -> None:
        super().__init__()
        self.path, self.result, self.waiting = path, result, waiting


class JournalFailed(Message):
    """From the journal's writer thread: a snapshot could not be written anywhere."""

    def __init__(self, journal: recovery.Journal) -> None:
        super().__init__()
        self.journal = journal


def read_session(path: Path) -> Session | FileProblem:
    """The session in path, or what is wrong with the file."""
    try:
        return load_session(path)
    except FileProblem as problem:
        return problem


def display_path(path: Path) -> str:
    """A path as short as it can be said: relative to the working folder, or to home."""
    resolved = path.resolve()
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(resolved.relative_to(base))
        except ValueError:
            continue
    return str(resolved)


class OkrApp(App[int]):
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
        self.journal: recovery.Journal | None = None
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

    # The open document -------------------------------------------------------

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

    def notify(self, message: str | Content, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Textual's notify, typed for what it takes: markup, or Content (user text) as is."""
        # Textual types message as str, but its Toast shows a Content as it is.
        super().notify(message, title=title, severity=severity,  # type: ignore[arg-type]
                       timeout=timeout, markup=markup)

    def mark_changed(self, name: Name | None = None, ids: Iterable[str] = ()) -> None:
        """After every edit: one more step to undo (named for what it did), unsaved,
        journalled soon, and announced to the views (ids: the items it added or changed)."""
        if self.document is not None:
            self.document.edited(name, ids)

    def mark_unsaved(self) -> None:
        """After a change that is saved but not undone (a phase, the timer, a restore)."""
        if self.document is not None:
            self.document.navigated()

    # Autosave ---------------------------------------------------------------

    def _new_journal(self, path: Path | None) -> recovery.Journal:
        journal: recovery.Journal

        def failed(_error: SaveError) -> None:  # in the writer thread: tell the UI thread
            try:
                self.post_message(JournalFailed(journal))
            except RuntimeError:
                pass  # the app is gone

        journal = recovery.Journal(path, on_failure=failed)
        return journal

    def on_journal_failed(self, message: JournalFailed) -> None:
        if message.journal is self.journal:
            self._warn_if_journal_failed()

    def _warn_if_journal_failed(self) -> None:
        """Say once that autosave cannot write (the writer keeps trying at every change)."""
        journal = self.journal
        if journal is None or journal.error is None or journal.warned:
            return
        journal.warned = True
        self.notify(literal(self.tr("recovery.journal_failed",
                                    reason=journal.error.message(self.tr))),
                    severity="warning", timeout=10)

    def journal_soon(self) -> None:
        if self._journal_timer is None:
            self._journal_timer = self.set_timer(JOURNAL_DELAY, self._journal_now)

    def on_input_changed(self, event: IdeaField.Changed) -> None:
        """Text typed in a capture field is journalled too, before it is added."""
        if isinstance(event.input, IdeaField) and event.input.id:
            level = event.input.id.removesuffix("-idea-input")
            drafts = {**self._last_drafts, level: event.value}
            self._last_drafts = {key: text for key, text in drafts.items() if text.strip()}
            self.journal_soon()

    def _journal_now(self, stopping: bool = False) -> None:
        """Hand the session as it is now to the journal's thread (which writes it).
        stopping: the app is going away without a clean exit; never remove anything."""
        if self._journal_timer is not None:
            self._journal_timer.stop()
            self._journal_timer = None
        document = self.document
        if document is None or self.journal is None:
            return
        drafts = self._drafts()
        if not document.dirty and not drafts:
            if not stopping:
                self.journal.discard()
            return
        # (a change that is no step, such as the timer's time: only what changed is serialized)
        history = document.history
        content = (history.current if document.history_is_current
                   else history.snapshot(document.session))
        self.journal.record(recovery.Snapshot(
            content, None if self.read_only else self.path,
            self.disk_stamp, drafts))
        self._warn_if_journal_failed()

    def _drafts(self) -> dict[str, str]:
        """The text typed and not yet added; the last known when the screens are gone
        (Textual removes them before the app unmounts)."""
        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                self._last_drafts = screen.drafts()
                break
        return self._last_drafts

    def _stop_journal(self, remove: bool) -> None:
        if self._journal_timer is not None:
            self._journal_timer.stop()
            self._journal_timer = None
        if self.journal is not None:
            self.journal.close(remove=remove)
            self.journal = None

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

    # Saving -----------------------------------------------------------------

    @property
    def saving(self) -> bool:
        """A save is being written (in a thread)."""
        return self._save is not None

    def action_save(self, then: Callable[[], None] | None = None) -> None:
        if self.session is None:
            return
        if self.saving:  # after it: the file to save to may be another by then (save as)
            self._after_save.append(lambda: self.action_save(then))
            return
        if self.path is None or self.read_only:
            self.action_save_as(then)
            return
        self._write(self.path, then)

    def action_save_as(self, then: Callable[[], None] | None = None) -> None:
        if self.session is None:
            return
        default = self.path or Path.cwd() / f"{slugify(self.session.title)}.toml"

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            path = absolute(path)
            if path.exists() and path.resolve() != (self.path or Path()).resolve():
                question = self.tr("save.overwrite", path=visible_controls(str(path)))
                self.push_screen(
                    ConfirmScreen(question, self.tr("save.overwrite_yes")),
                    lambda yes: self._write(path, then) if yes else None,
                )
            else:
                self._write(path, then)

        self.push_screen(PathScreen(self.tr("save.heading"), str(default)), chosen)

    def _write(self, path: Path, then: Callable[[], None] | None, checked: bool = False) -> None:
        """Save to path; if the file changed on disk since it was opened or saved (another
        editor, a git pull), ask first: reload it, overwrite it, or save elsewhere.
        The file is written in a thread, from a snapshot taken now; _saved or _not_saved
        finish on the UI thread. One save at a time: a second waits for the first."""
        assert self.session is not None
        if self.saving:
            self._after_save.append(lambda: self._write(path, then, checked))
            return
        # (no stamp: there was no file; one there now is a conflict too)
        if not checked and path == self.path:
            if file_stamp(path) != self.disk_stamp:
                self.push_screen(ConflictScreen(path), lambda choice: self._resolve(
                    choice, path, then))
                return
        # The session as written, copied now (7 ms for 5,000 ideas); the thread makes the
        # TOML. (Not the history's compressed JSON: validating it back into a Session holds
        # the GIL, and so the UI, 0.4 s at 50,000 ideas.)
        job = SaveJob(self.session, path, then, self.document_now.changes)
        job.thread = threading.Thread(target=self._write_in_thread,
                                      args=(job, session_table(self.session)),
                                      name="okrtui-save")
        self._save = job
        job.thread.start()
        self.update_title()

    def _write_in_thread(self, job: SaveJob, table: dict[str, Any]) -> None:
        """In the save thread: write table, then tell the UI thread (a message: never
        waiting for it, as call_from_thread would, since on_unmount waits for this thread)."""
        stamp: str | None = None
        error: Exception | None = None
        try:
            stamp = save_table(table, job.path)
        except Exception as problem:  # a SaveError, or a bug the UI thread raises again
            error = problem
        try:
            self.post_message(SaveFinished(job, stamp, error))
        except RuntimeError:
            pass  # the app is gone: nobody is left to tell

    def on_save_finished(self, message: SaveFinished) -> None:
        if message.job is not self._save:
            return
        self._save = None
        if message.error is None:
            self._saved(message.job, message.stamp)
        elif isinstance(message.error, SaveError):
            self._not_saved(message.error)
        else:
            raise message.error  # a bug: fail as loudly as a save on the UI thread did
        waiting, self._after_save = self._after_save, []
        for proceed in waiting:
            proceed()

    def _not_saved(self, error: SaveError) -> None:
        self.update_title()
        self.notify(literal(error.message(self.tr)), title=self.tr("save.failed_title"),
                    severity="error", timeout=10)

    def _saved(self, job: SaveJob, stamp: str | None) -> None:
        """The file is written: it is now where this session is saved, and the session is
        saved unless it changed while the file was being written."""
        path = job.path
        if job.session is not self.session:
            return  # (not reachable: a session is replaced only once saves are done)
        if path != self.path or self.read_only:
            if self.path is not None and not self.read_only:
                lock.release(self.path)
            lock.acquire(path)
        moved = path != self.path or self.read_only
        self.document_now.saved(path, job.change)
        self.read_only = False
        self.disk_stamp = stamp
        if moved:
            self._stop_journal(remove=True)
            self.journal = self._new_journal(path)
        self._journal_now()  # keeps typed drafts and later changes, or removes the file
        remember(path)
        self.update_title()
        self.notify(literal(self.tr("save.saved", path=visible_controls(str(path)))))
        if job.then is not None:
            job.then()

    def _resolve(self, choice: str | None, path: Path, then: Callable[[], None] | None) -> None:
        if choice == "overwrite":
            self._write(path, then, checked=True)
        elif choice == "save_as":
            self.action_save_as(then)
        elif choice == "reload":
            self.open_path(path)

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
        if self._save is not None and self._save.thread is not None:
            self._save.thread.join(timeout=30)  # the file is written before the app is gone
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
