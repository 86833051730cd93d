"""Saving: ctrl+s and save as, the conflict with the file on disk, written in a thread
worker."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import work
from textual.worker import Worker, WorkerState

from okrtui import lock
from okrtui.models import Session
from okrtui.paths import absolute
from okrtui.problems import SaveError
from okrtui.recent import remember
from okrtui.storage import file_stamp, save_table, session_table
from okrtui.text import slugify

from .dialogs import ConfirmScreen, ConflictScreen, PathScreen
from .journalling import Journalling
from .localized import literal, visible_controls


@dataclass
class SaveJob:
    """A save being written in a thread worker: the file it writes, and the app when it
    began."""

    session: Session
    path: Path
    then: Callable[[], None] | None
    change: int
    """The app's change count when the content was taken (a later edit stays unsaved)."""
    worker: Worker[str | None] | None = None
    written: threading.Event = field(default_factory=threading.Event)
    """Set in the worker's thread once the file is written or failed to be (the app's
    unmount waits for it: Textual cancels workers on exit, but not their threads)."""


class Saving(Journalling):
    """One save at a time, written in a thread from a copy taken at once."""

    _save: SaveJob | None
    _after_save: list[Callable[[], None]]

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
        self._save = job
        job.worker = self._write_in_thread(job, session_table(self.session))
        self.update_title()

    # (description: the worker's default one is the repr of its arguments, the whole table)
    @work(thread=True, group="save", exit_on_error=False, description="save")
    def _write_in_thread(self, job: SaveJob, table: dict[str, Any]) -> str | None:
        """In the worker's thread: write table; its stamp. The worker's state change tells
        the UI thread (a message: never waiting for it, as call_from_thread would, since
        on_unmount waits for job.written)."""
        try:
            return save_table(table, job.path)
        finally:
            job.written.set()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        job = self._save
        if job is None or event.worker is not job.worker:
            return
        # (by the message's state: the worker's own may be further on already)
        if event.state is WorkerState.SUCCESS:
            self._save = None
            self._saved(job, event.worker.result)
        elif event.state is WorkerState.ERROR:
            self._save = None
            error = event.worker.error
            assert error is not None
            if not isinstance(error, SaveError):
                raise error  # a bug: fail as loudly as a save on the UI thread did
            self._not_saved(error)
        else:
            return  # running; or cancelled as the app closes (on_unmount waits for the file)
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
