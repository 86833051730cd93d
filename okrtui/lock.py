"""Two windows, one file: a lock beside the session file says who is editing it.

The lock is `.NAME.lock` beside `NAME`, a small TOML table: host, pid, since. A lock whose
process is gone (same host, pid not running) is stale and cleared on the next open. A lock
file that is not a regular file, is over 4 KB, or holds other values counts as no lock.
"""

import os
import socket
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import tomli_w

from okrtui.paths import absolute, read_regular
from okrtui.problems import SaveError
from okrtui.writing import atomic_write


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int
    since: datetime

    @property
    def is_me(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    @property
    def is_alive(self) -> bool:
        """False only when we can tell: same host and no such process."""
        if self.host != socket.gethostname():
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return not _is_zombie(self.pid)


def _is_zombie(pid: int) -> bool:
    """A killed process not yet reaped still answers kill(pid, 0); Linux says it is dead."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


MAX_LOCK_BYTES = 4096
"""A lock is three short keys: anything longer was not written by okrtui."""
MAX_PID = 2**31 - 1


def lock_path(path: Path) -> Path:
    """Beside the file itself (a link's target), whatever the working folder."""
    path = absolute(path)
    return path.with_name(f".{path.name}.lock")


def valid_holder(host: object, pid: object, since: object) -> Holder | None:
    """A Holder of these values as read from a file, or None when they are not what okrtui
    writes: a host name of printable characters, a process id (never 0 or negative: kill
    would ask about a whole group), an instant."""
    if (not isinstance(host, str) or not 0 < len(host) <= 255
            or any(not character.isprintable() for character in host)):
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid <= MAX_PID:
        return None
    if not isinstance(since, datetime):
        return None
    return Holder(host, pid, since)


def holder(path: Path) -> Holder | None:
    """Who holds the lock on path, or None (no lock, or one that cannot be read: not a
    regular file, too long, not TOML, or values okrtui does not write)."""
    data = read_regular(lock_path(path), MAX_LOCK_BYTES)
    if data is None:
        return None
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    return valid_holder(table.get("host"), table.get("pid"), table.get("since"))


def other_live_holder(path: Path) -> Holder | None:
    """The live process of someone else editing path; a stale lock is cleared on the way."""
    found = holder(path)
    if found is None or found.is_me:
        return None
    if not found.is_alive:
        release(path, force=True)
        return None
    return found


def acquire(path: Path) -> None:
    """Take the lock on path for this process (taking it over from anyone). Never fatal:
    a folder where the lock cannot be written only loses the warning for other windows."""
    table = {"host": socket.gethostname(), "pid": os.getpid(),
             "since": datetime.now(UTC).replace(microsecond=0)}
    try:
        atomic_write(lock_path(path), tomli_w.dumps(table).encode("utf-8"))
    except SaveError:
        pass


def release(path: Path, force: bool = False) -> None:
    """Remove the lock on path if it is ours (or whoever's, with force)."""
    found = holder(path)
    if found is not None and (force or found.is_me):
        try:
            lock_path(path).unlink(missing_ok=True)
        except OSError:
            pass  # a folder that cannot be written: the lock stays, stale once we are gone
