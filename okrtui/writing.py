"""Writing files safely: a save replaces its file atomically (never half written, its
link and owner kept), leaves no temporary file behind, and writes a device or a pipe as a
stream."""

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from okrtui.problems import SaveError
from okrtui.reasons import SystemReason, system_reason

STALE_TEMPORARY_SECONDS = 60
"""A temporary file of a save older than this, whose writer is gone, is left from a crash."""


def special_key(section: str, mode: int) -> str:
    """The message for a file that is not a regular file, by what it is."""
    if stat.S_ISFIFO(mode):
        return f"{section}.is_fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return f"{section}.is_device"
    return f"{section}.is_special"


def _new_file_mode() -> int:
    """The mode a new file gets from the user's umask (mkstemp would give 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
def writable_target(path: Path | str) -> Path:
    """The file a save to path replaces: path, or the file its symbolic link points to
    (saving keeps the link and changes its target). Raises SaveError when that file is not
    one to replace: a folder, a named pipe or a device, or a file with no write permission
    at all (mode 0444), which is refused as an editor refuses it, even to root."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        # the new file is written beside it, then renamed over it: the folder must take it
        raise SaveError(path, "save.cannot_write", folder=folder,
                        reason=SystemReason(errno.EACCES))
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as error:
        raise SaveError(path, "save.failed", reason=system_reason(error)) from None
    if stat.S_ISDIR(status.st_mode):
        raise SaveError(path, "save.is_folder")
    if not stat.S_ISREG(status.st_mode):
        raise SaveError(path, special_key("save", status.st_mode))
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise SaveError(path, "save.read_only")
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, fsync, rename over path, fsync the folder.

    A crash at any instant leaves the old file or the new one, complete. Through a symbolic
    link, the link's target is written, in the target's folder (see writable_target). The
    temporary files a killed save left beside it are removed. Raises SaveError.
    """
    target = writable_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        status = os.stat(target) if target.exists() else None
        mode = status.st_mode & 0o777 if status else _new_file_mode()
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.{os.getpid()}-",
                                             suffix=".tmp")
    except OSError as error:
        raise SaveError(path, "save.cannot_write", folder=folder,
                        reason=system_reason(error)) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if status is not None and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            try:  # root saving someone's file keeps it theirs, as an editor does
                os.chown(temp_name, status.st_uid, status.st_gid)
            except OSError:
                pass
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise SaveError(path, "save.failed", reason=system_reason(error)) from None
    except BaseException:  # Ctrl+C: no temporary file left behind
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    remove_stale_temporaries(target)


def _fsync_folder(folder: Path) -> None:
    try:
        folder_handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder_handle)
    except OSError:
        pass
    finally:
        os.close(folder_handle)


def remove_stale_temporaries(path: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files a save of path left when it was killed (`.NAME.PID-xxxxxxxx.tmp`,
    or `.NAME.xxxxxxxx.tmp` from older okrtui), those older than STALE_TEMPORARY_SECONDS
    whose writing process is gone: never one another save is writing. Returns them."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)-)?[a-z0-9_]{{8}}\.tmp")
    folder = path.parent if str(path.parent) else Path(".")
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(status.st_mode):
                continue
            if now - status.st_mtime < STALE_TEMPORARY_SECONDS:
                continue
            if match.group(1) and _process_alive(int(match.group(1))):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except (OSError, ValueError):
            continue
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def write_stream(path: Path, data: bytes) -> None:
    """Write data to a device or a named pipe (export -o /dev/stdout, a FIFO), as a stream:
    it is never replaced by a file. A named pipe nobody reads is refused, not waited on.
    Raises SaveError."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | os.O_NOCTTY
                         | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise SaveError(path, "save.no_reader") from None
        raise SaveError(path, "save.failed", reason=system_reason(error)) from None
    try:
        if stat.S_ISDIR(os.fstat(handle).st_mode):
            raise SaveError(path, "save.is_folder")
        os.set_blocking(handle, True)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    except OSError as error:
        raise SaveError(path, "save.failed", reason=system_reason(error)) from None
    finally:
        os.close(handle)
