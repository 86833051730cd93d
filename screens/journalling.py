"""Autosave: every change reaches the recovery journal soon, written by its own thread."""

import asyncio
from pathlib import Path

from textual.message import Message

from okrtui import recovery
from okrtui.journal import Journal
from okrtui.problems import SaveError

from .app_base import AppBase
from .localized import literal
from .session import SessionScreen
from .widgets.ideas import IdeaField

JOURNAL_DELAY = 0.5
"""Seconds from a change to its recovery snapshot (the promise is at most 2 s of loss)."""
DURABLE_WAIT = 2.0
"""The longest a participant's post waits for the journal before it is acknowledged."""


class JournalFailed(Message):
    """From the journal's writer thread: a snapshot could not be written anywhere."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal


class Journalling(AppBase):
    """Hands the session to the recovery journal half a second after a change, and the
    text typed in an idea field before it is added."""

    def _new_journal(self, path: Path | None) -> Journal:
        journal: Journal

        def failed(_error: SaveError) -> None:  # in the writer thread: tell the UI thread
            try:
                self.post_message(JournalFailed(journal))
            except RuntimeError:
                pass  # the app is gone

        journal = Journal(path, on_failure=failed)
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

    async def journalled(self) -> None:
        """Return once the session as it is now is in the recovery journal (at most
        DURABLE_WAIT): what the room acknowledges survives a kill -9 right after."""
        number = self._journal_now()
        journal = self.journal
        if number is not None and journal is not None:
            await asyncio.to_thread(journal.wait_written, number, DURABLE_WAIT)

    def _journal_now(self, stopping: bool = False) -> int | None:
        """Hand the session as it is now to the journal's thread (which writes it): the
        snapshot's number, None when nothing needed recording.
        stopping: the app is going away without a clean exit; never remove anything."""
        if self._journal_timer is not None:
            self._journal_timer.stop()
            self._journal_timer = None
        document = self.document
        if document is None or self.journal is None:
            return None
        drafts = self._drafts()
        if not document.dirty and not drafts:
            if not stopping:
                self.journal.discard()
            return None
        # (a change that is no step, such as the timer's time: only what changed is serialized)
        history = document.history
        content = (history.current if document.history_is_current
                   else history.snapshot(document.session))
        number = self.journal.record(recovery.Snapshot(
            content, None if self.read_only else self.path,
            self.disk_stamp, drafts))
        self._warn_if_journal_failed()
        return number

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
