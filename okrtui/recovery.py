"""Autosave and recovery: every change is journalled to a recovery file, off the UI thread
(okrtui.journal writes it; this module says where it lies, and reads it back).

The recovery file of `NAME` is `.NAME.recover` beside it (or, for a session never saved, or a
folder that cannot be written, a file in the user's state folder). It holds a one-line header
(which session file, which process, when, the unsaved drafts) and the session itself, as
compressed JSON. A clean exit, a save or a discard removes it; after a crash it is what the
next start offers to restore.

A recovery file belongs to the process that wrote it (its header names host and pid): no
process writes over or removes the file of another one still running. A second window that
took a file over journals to a file of its own in the state folder.

A recovery file is read like any file from outside: only a regular file, within a bound;
a header of the expected types and sizes; its drafts cleaned as typed text is. It never says
where to save: that is the file it lies beside (or, in the state folder, the file its name
was made from), and saving still checks that file for changes made since.
"""

import hashlib
import json
import os
import re
import socket
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from okrtui.lock import Holder, valid_holder
from okrtui.migrations import migrate
from okrtui.models import SCHEMA_VERSION, Level, Session
from okrtui.paths import absolute, read_regular
from okrtui.recent import data_dir
from okrtui.storage import MAX_FILE_BYTES
from okrtui.text import clean_line

MAGIC = b"okrtui-recovery 1\n"
SUFFIX = ".recover"
MAX_HEADER_BYTES = 4 * 1024 * 1024
"""The header line: paths, a stamp and the drafts typed in three fields."""
MAX_RECOVERY_BYTES = MAX_FILE_BYTES + MAX_HEADER_BYTES
"""A whole recovery file (its session compressed): past this, it was not written by okrtui."""
MAX_SESSION_JSON_BYTES = 4 * MAX_FILE_BYTES
"""The session once decompressed (a file that inflates past this is refused, not read)."""
MAX_PATH_CHARS = 4096
_STAMP = re.compile(r"^[0-9a-f]{64}$")
_LEVELS = frozenset(get_args(Level))


def recovery_folder() -> Path:
    """Where recovery files of unsaved sessions (and of unwritable folders) go."""
    if os.environ.get("OKRTUI_DATA_DIR"):
        return data_dir() / "recovery"
    import platformdirs  # imported when needed, as in data_dir

    # Linux: $XDG_STATE_HOME/okrtui or ~/.local/state/okrtui; macOS: ~/Library/Application
    # Support/okrtui; Windows: %LOCALAPPDATA%\\okrtui.
    return platformdirs.user_state_path("okrtui", appauthor=False) / "recovery"


def beside(path: Path) -> Path:
    path = absolute(path)
    return path.with_name(f".{path.name}{SUFFIX}")


def _state_stem(path: Path) -> str:
    """The start of the state-folder names of path: its name, then a hash of its full path."""
    path = absolute(path)
    digest = hashlib.sha256(os.fsencode(path)).hexdigest()[:12]
    return f"{path.name[:100]}-{digest}"


def in_state_folder(path: Path | None, pid: int | None = None) -> Path:
    """The state-folder recovery file of path: named after it, unique to its full path (and
    to process pid, when given). For a session with no file yet, unique to this process and
    instant."""
    if path is None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        return recovery_folder() / f"unsaved-{stamp}-{os.getpid()}{SUFFIX}"
    stem = _state_stem(path)
    return recovery_folder() / (f"{stem}-{pid}{SUFFIX}" if pid else f"{stem}{SUFFIX}")


def _is_state_file_of(name: str, path: Path) -> bool:
    """name is a state-folder recovery file of path (of any process)."""
    stem = _state_stem(path)
    if not name.startswith(stem) or not name.endswith(SUFFIX):
        return False
    middle = name[len(stem):-len(SUFFIX)]
    return middle == "" or (middle[:1] == "-" and middle[1:].isascii()
                            and middle[1:].isdigit())


def state_files_of(path: Path) -> list[Path]:
    """The recovery files of path in the state folder, whichever process wrote them."""
    folder = recovery_folder()
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:
        return []
    return [folder / name for name in names if _is_state_file_of(name, path)]


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
        path = self.session_path
        header = {
            "session_path": os.fsdecode(absolute(path)) if path is not None else None,
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
    """The session file it is a recovery of: the file it lies beside, or the one its name in
    the state folder was made from; None for a session never saved."""
    base_stamp: str | None
    drafts: dict[str, str]
    holder: Holder

    @property
    def abandoned(self) -> bool:
        """Its process is gone: nobody will save this, so it is ours to offer."""
        return not self.holder.is_me and not self.holder.is_alive

    def discard(self) -> None:
        """Remove the file, unless a live process other than this one wrote it since."""
        if belongs_to_another(self.file):
            return
        try:
            self.file.unlink(missing_ok=True)
        except OSError:
            pass


def _header(data: bytes) -> tuple[dict[str, Any], bytes] | None:
    """The header of a recovery file (a JSON object) and the bytes after it, or None."""
    if not data.startswith(MAGIC):
        return None
    line, newline, payload = data[len(MAGIC):].partition(b"\n")
    if not newline or len(line) > MAX_HEADER_BYTES:
        return None
    try:
        header = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return (header, payload) if isinstance(header, dict) else None


def _holder_of(header: dict[str, Any]) -> Holder | None:
    written = header.get("written")
    if not isinstance(written, str) or len(written) > 64:
        return None
    try:
        since = datetime.fromisoformat(written)
    except ValueError:
        return None
    if since.tzinfo is None:  # (recoveries are sorted by it: all aware)
        since = since.replace(tzinfo=UTC)
    return valid_holder(header.get("host"), header.get("pid"), since)


def owner(file: Path) -> Holder | None:
    """The process that wrote file, read from its header alone; None when it is missing or
    is no recovery file."""
    data = read_regular(file, len(MAGIC) + MAX_HEADER_BYTES + 1, whole=False)
    found = _header(data) if data is not None else None
    return _holder_of(found[0]) if found is not None else None


def belongs_to_another(file: Path) -> bool:
    """file was written by another process that is still running."""
    found = owner(file)
    return found is not None and not found.is_me and found.is_alive


def is_mine(file: Path) -> bool:
    found = owner(file)
    return found is not None and found.is_me


def _drafts(value: object) -> dict[str, str] | None:
    """The drafts of a header, cleaned as a capture field cleans what is typed in it."""
    if not isinstance(value, dict):
        return None
    drafts = {}
    for level, text in value.items():
        if level not in _LEVELS or not isinstance(text, str):
            return None
        text = clean_line(text)
        if text:
            drafts[level] = text
    return drafts


def _session_path_of(file: Path, named: object) -> Path | None:
    """The session file that file is a recovery of, from where file lies: `.NAME.recover` is
    of NAME beside it; in the state folder, the path its header names only if the file's
    name was made from that very path; unsaved-… (or anything else) of none."""
    folder = absolute(file.parent)
    if folder == absolute(recovery_folder()):
        if (isinstance(named, str) and 0 < len(named) <= MAX_PATH_CHARS
                and "\0" not in named and Path(named).is_absolute()
                and _is_state_file_of(file.name, Path(named))):
            return absolute(Path(named))
        return None
    name = file.name
    if name.startswith(".") and name.endswith(SUFFIX) and len(name) > len(SUFFIX) + 1:
        return folder / name[1:-len(SUFFIX)]
    return None


def _session_of(payload: bytes) -> Session | None:
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(payload, MAX_SESSION_JSON_BYTES + 1)
        table = json.loads(text)
    except (zlib.error, ValueError, RecursionError):
        return None
    if len(text) > MAX_SESSION_JSON_BYTES or inflater.unconsumed_tail or not isinstance(
            table, dict):
        return None
    version = table.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or not (
            1 <= version <= SCHEMA_VERSION):
        return None
    try:
        # validated as JSON, as written: dates are ISO strings there
        return Session.model_validate_json(json.dumps(migrate(table, SCHEMA_VERSION)))
    except (ValidationError, ValueError, TypeError, KeyError, AttributeError,
            RecursionError):
        return None


def read(file: Path) -> Recovery | None:
    """The recovery in file, or None when it is missing or not one okrtui wrote (a recovery
    file is written atomically: a file that is not a regular file, too big, or whose header
    or session does not hold what okrtui writes, was not)."""
    data = read_regular(file, MAX_RECOVERY_BYTES)
    found = _header(data) if data is not None else None
    if found is None:
        return None
    header, payload = found
    holder = _holder_of(header)
    drafts = _drafts(header.get("drafts", {}))
    stamp = header.get("base_stamp")
    if holder is None or drafts is None:
        return None
    if stamp is not None and not (isinstance(stamp, str) and _STAMP.match(stamp)):
        return None
    session = _session_of(payload)
    if session is None:
        return None
    return Recovery(file, session, _session_path_of(file, header.get("session_path")),
                    stamp, drafts, holder)


def find_for(path: Path) -> Recovery | None:
    """An abandoned recovery of the session file path, if there is one."""
    for file in (beside(path), *state_files_of(path)):
        found = read(file)
        if found is not None and found.abandoned:
            return found
    return None


def find_abandoned(session_files: list[Path]) -> list[Recovery]:
    """Abandoned recoveries: of unsaved sessions and of session_files (the recent ones),
    newest first."""
    files: set[Path] = set()
    folder = recovery_folder()
    try:
        files.update(folder / entry.name for entry in os.scandir(folder)
                     if entry.name.endswith(SUFFIX))
    except OSError:
        pass
    files.update(beside(path) for path in session_files)
    found = [recovery for recovery in map(read, sorted(files)) if recovery is not None]
    found = [recovery for recovery in found if recovery.abandoned]
    return sorted(found, key=lambda recovery: recovery.holder.since, reverse=True)


Change = tuple[int, int, int]
"""How many items of a kind were added, removed and changed."""


def _items(session: Session) -> dict[str, dict[str, dict[str, Any]]]:
    kinds: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in KINDS}
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
