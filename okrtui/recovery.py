"""Autosave and recovery: every change is journalled to a recovery file, off the UI thread.

The recovery file of `NAME` is `.NAME.recover` beside it (or, for a session never saved, or a
folder that cannot be written, a file in the user's state folder). It holds a one-line header
(which session file, which process, when, the unsaved drafts) and the session itself, as
compressed JSON. A clean exit, a save or a discard removes it; after a crash it is what the
next start offers to restore.
"""

import hashlib
import json
import os
import socket
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from okrtui.lock import Holder
from okrtui.migrations import migrate
from okrtui.models import SCHEMA_VERSION, Session
from okrtui.problems import SaveError
from okrtui.recent import data_dir
from okrtui.storage import atomic_write

MAGIC = b"okrtui-recovery 1\n"
SUFFIX = ".recover"


def recovery_folder() -> Path:
    """Where recovery files of unsaved sessions (and of unwritable folders) go."""
    if os.environ.get("OKRTUI_DATA_DIR"):
        return data_dir() / "recovery"
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "okrtui" / "recovery"


def beside(path: Path) -> Path:
    return path.with_name(f".{path.name}{SUFFIX}")


def in_state_folder(path: Path | None) -> Path:
    """The state-folder recovery file of path: named after it, unique to its full path.
    For a session with no file yet, unique to this process and instant."""
    if path is None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        return recovery_folder() / f"unsaved-{stamp}-{os.getpid()}{SUFFIX}"
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    return recovery_folder() / f"{path.name}-{digest}{SUFFIX}"


@dataclass
class Snapshot:
    """What a recovery file holds."""

    session_json: bytes
    """The session, as compressed JSON (the form History keeps)."""
    session_path: Path | None
    base_stamp: str | None
    """The hash of the session file when it was opened or last saved (see storage.file_stamp):
    a file changed since then is a conflict when the recovered session is saved."""
    drafts: dict[str, str] = field(default_factory=dict)
    """Text typed in capture fields and not yet added, by level."""

    def encode(self) -> bytes:
        header = {
            "session_path": str(self.session_path) if self.session_path else None,
            "base_stamp": self.base_stamp,
            "drafts": self.drafts,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "written": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        return MAGIC + json.dumps(header).encode() + b"\n" + self.session_json


@dataclass
class Recovery:
    """A recovery file found on disk, read back."""

    file: Path
    session: Session
    session_path: Path | None
    base_stamp: str | None
    drafts: dict[str, str]
    holder: Holder

    @property
    def abandoned(self) -> bool:
        """Its process is gone: nobody will save this, so it is ours to offer."""
        return not self.holder.is_me and not self.holder.is_alive

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)


def read(file: Path) -> Recovery | None:
    """The recovery in file, or None when it is missing or unreadable (a recovery file is
    written atomically, so an unreadable one was not written by okrtui)."""
    try:
        data = file.read_bytes()
        if not data.startswith(MAGIC):
            return None
        header_line, _, payload = data[len(MAGIC):].partition(b"\n")
        header = json.loads(header_line)
        table = json.loads(zlib.decompress(payload))
        version = table.get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            return None
        # validated as JSON, as written: dates are ISO strings there
        session = Session.model_validate_json(json.dumps(migrate(table, SCHEMA_VERSION)))
        drafts = {str(key): str(value) for key, value in dict(header["drafts"]).items()}
        holder = Holder(str(header["host"]), int(header["pid"]),
                        datetime.fromisoformat(header["written"]))
        path = header["session_path"]
        return Recovery(file, session, Path(path) if path else None, header["base_stamp"],
                        drafts, holder)
    except (OSError, ValueError, KeyError, TypeError, zlib.error, ValidationError):
        return None


def find_for(path: Path) -> Recovery | None:
    """An abandoned recovery of the session file path, if there is one."""
    for file in (beside(path), in_state_folder(path)):
        found = read(file)
        if found is not None and found.abandoned:
            return found
    return None


def find_abandoned(session_files: list[Path]) -> list[Recovery]:
    """Abandoned recoveries: of unsaved sessions and of session_files (the recent ones),
    newest first."""
    files: set[Path] = set()
    try:
        files.update(recovery_folder().glob(f"*{SUFFIX}"))
    except OSError:
        pass
    files.update(beside(path) for path in session_files)
    found = [recovery for recovery in map(read, sorted(files)) if recovery is not None]
    found = [recovery for recovery in found if recovery.abandoned]
    return sorted(found, key=lambda recovery: recovery.holder.since, reverse=True)


class Journal:
    """Keeps the recovery file of one open session up to date from its own thread.

    `record()` returns at once; the writer thread writes the latest snapshot it was given
    (intermediate ones are skipped), atomically, so the file is always a whole snapshot."""

    def __init__(self, session_path: Path | None,
                 on_failure: Callable[[SaveError], None] | None = None) -> None:
        self.session_path = session_path
        self.on_failure = on_failure
        """Called from the writer thread when a snapshot could not be written anywhere."""
        self.file = beside(session_path) if session_path else in_state_folder(None)
        self.writes = 0
        self.error: SaveError | None = None
        self.warned = False
        """The user was told about error (the UI says it once)."""
        self._pending: Snapshot | None = None
        self._busy = False
        self._closing = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="okrtui-journal", daemon=True)
        self._thread.start()

    def record(self, snapshot: Snapshot) -> None:
        with self._wake:
            self._pending = snapshot
            self._wake.notify()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every snapshot recorded so far is on disk (for tests and for exit)."""
        with self._wake:
            return self._wake.wait_for(lambda: self._pending is None and not self._busy,
                                       timeout)

    def discard(self) -> None:
        """Nothing is left to recover (saved or discarded): forget pending work, remove
        the file."""
        with self._wake:
            self._pending = None
            self._wake.wait_for(lambda: not self._busy, timeout=5)
            for file in {self.file, in_state_folder(self.session_path)}:
                file.unlink(missing_ok=True)

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
            try:
                self._write(snapshot.encode())
            finally:
                with self._wake:
                    self._busy = False
                    self._wake.notify_all()

    def _write(self, data: bytes) -> None:
        """Beside the session; where that folder cannot be written, in the state folder."""
        try:
            if self.session_path is None:
                _make_folder(self.file)
            atomic_write(self.file, data)
            self.writes += 1
            self.error = None
            return
        except SaveError as error:
            self.error = error
        fallback = in_state_folder(self.session_path)
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
                        reason=error.strerror) from None


Change = tuple[int, int, int]
"""How many items of a kind were added, removed and changed."""


def _items(session: Session) -> dict[str, dict[str, dict]]:
    kinds: dict[str, dict[str, dict]] = {kind: {} for kind in KINDS}
    for participant in session.participants:
        kinds["participant"][participant.id] = participant.model_dump()
    for decision in session.decision_log:
        kinds["decision"][decision.id] = decision.model_dump()
    for point in session.common:
        kinds["common"][point.id] = point.model_dump()
    for team in session.teams:
        kinds["team"][team.id] = {"name": team.name}
        for kpi in team.kpis:
            kinds["kpi"][kpi.id] = kpi.model_dump()
        for item in team.roadmap:
            kinds["roadmap"][item.id] = item.model_dump()
        for vote in team.votes:
            kinds["vote"][f"{team.id} {vote.idea} {vote.participant}"] = vote.model_dump()
        for idea in team.ideas:
            kinds["idea"][idea.id] = idea.model_dump()
        for objective in team.objectives:
            kinds["objective"][objective.id] = objective.model_dump(
                exclude={"key_results", "tactics"})
            for kr in objective.key_results:
                kinds["key_result"][kr.id] = kr.model_dump()
            for tactic in objective.tactics:
                kinds["tactic"][tactic.id] = tactic.model_dump(exclude={"actions"})
                for action in tactic.actions:
                    kinds["action"][action.id] = action.model_dump()
    return kinds


KINDS = ("team", "idea", "vote", "objective", "key_result", "tactic", "action", "kpi",
         "roadmap", "common", "decision", "participant")


def changes(saved: Session | None, recovered: Session) -> dict[str, Change]:
    """What restoring would bring back, compared with the saved file, by kind of item
    (kinds with no change left out). With no saved file, everything counts as added."""
    before = _items(saved) if saved is not None else {kind: {} for kind in KINDS}
    after = _items(recovered)
    found: dict[str, Change] = {}
    for kind in KINDS:
        old, new = before[kind], after[kind]
        added = sum(1 for key in new if key not in old)
        removed = sum(1 for key in old if key not in new)
        changed = sum(1 for key in new if key in old and new[key] != old[key])
        if added or removed or changed:
            found[kind] = (added, removed, changed)
    return found
