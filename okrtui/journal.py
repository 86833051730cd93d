"""The recovery journal of one open session: every snapshot it is given reaches the session's
recovery file (okrtui.recovery says where, and reads it back), written by its own thread so
that recording never waits for the disk."""

import os
import threading
from collections.abc import Callable
from pathlib import Path

from okrtui.paths import absolute
from okrtui.problems import SaveError
from okrtui.reasons import system_reason
from okrtui.recovery import (
    Snapshot,
    belongs_to_another,
    beside,
    in_state_folder,
    is_mine,
    recovery_folder,
)
from okrtui.writing import atomic_write


class Journal:
    """Keeps the recovery file of one open session up to date from its own thread.

    `record()` returns at once; the writer thread writes the latest snapshot it was given
    (intermediate ones are skipped), atomically, so the file is always a whole snapshot.
    It writes beside the session unless another running process's recovery is there (a
    window that took the file over): then to a file of its own in the state folder."""

    def __init__(self, session_path: Path | None,
                 on_failure: Callable[[SaveError], None] | None = None) -> None:
        self.session_path = absolute(session_path) if session_path is not None else None
        self.on_failure = on_failure
        """Called from the writer thread when a snapshot could not be written anywhere."""
        self.file = (beside(self.session_path) if self.session_path is not None
                     else in_state_folder(None))
        self.writes = 0
        self.error: SaveError | None = None
        self.warned = False
        """The user was told about error (the UI says it once)."""
        self._pending: Snapshot | None = None
        self._recorded = 0
        """How many snapshots were recorded; the writer has dealt with the first _done."""
        self._done = 0
        self._busy = False
        self._closing = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="okrtui-journal", daemon=True)
        self._thread.start()

    def record(self, snapshot: Snapshot) -> int:
        """Hand snapshot to the writer; its number, for wait_written."""
        with self._wake:
            self._pending = snapshot
            self._recorded += 1
            self._wake.notify()
            return self._recorded

    def wait_written(self, number: int, timeout: float) -> bool:
        """Wait until snapshot number (or a later one) was written, or could not be
        (error says why); False when timeout ran out first."""
        with self._wake:
            return self._wake.wait_for(lambda: self._done >= number or self._closing,
                                       timeout)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every snapshot recorded so far is on disk (for tests and for exit)."""
        with self._wake:
            return self._wake.wait_for(lambda: self._pending is None and not self._busy,
                                       timeout)

    def discard(self) -> None:
        """Nothing is left to recover (saved or discarded): forget pending work, remove
        the files this process wrote (never another's)."""
        with self._wake:
            self._pending = None
            self._wake.wait_for(lambda: not self._busy, timeout=5)
            files = {self.file}
            if self.session_path is not None:
                files |= {beside(self.session_path),
                          in_state_folder(self.session_path, os.getpid())}
            for file in files:
                if is_mine(file):
                    try:
                        file.unlink(missing_ok=True)
                    except OSError:
                        pass

    def close(self, remove: bool) -> None:
        """Stop the writer: after writing what is pending, or removing the file (remove)."""
        if remove:
            self.discard()
        else:
            self.flush()
        with self._wake:
            self._closing = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._wake:
                self._wake.wait_for(lambda: self._pending is not None or self._closing)
                if self._pending is None:
                    return
                snapshot, self._pending, self._busy = self._pending, None, True
                number = self._recorded
            try:
                self._write(snapshot.encode())
            finally:
                with self._wake:
                    self._busy = False
                    self._done = number
                    self._wake.notify_all()

    def _own_file(self) -> Path:
        """This process's file in the state folder."""
        return in_state_folder(self.session_path, os.getpid())

    def _write(self, data: bytes) -> None:
        """Beside the session; where that folder cannot be written, or another running
        window journals there, in the state folder."""
        if self.session_path is not None and self.file == beside(self.session_path) \
                and belongs_to_another(self.file):
            self.file = self._own_file()
        try:
            if self.file.parent == recovery_folder():
                _make_folder(self.file)
            atomic_write(self.file, data)
            self.writes += 1
            self.error = None
            return
        except SaveError as error:
            self.error = error
        if self.session_path is None:
            self._failed()
            return
        fallback = self._own_file()
        if fallback == self.file:
            self._failed()
            return
        try:
            _make_folder(fallback)
            atomic_write(fallback, data)
        except SaveError:
            self._failed()
            return
        self.file = fallback
        self.writes += 1
        self.error = None

    def _failed(self) -> None:
        if self.error is not None and self.on_failure is not None:
            self.on_failure(self.error)


def _make_folder(file: Path) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(file, "save.cannot_write", folder=file.parent,
                        reason=system_reason(error)) from None
