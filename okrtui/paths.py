"""Paths as okrtui keeps them, and small files read safely.

Every path okrtui stores (the session's own, a recovery file's header, the recent list, a
lock) is absolute and resolved: the same file from any working folder. The small files okrtui
keeps beside a session (lock, recovery) are read only when they are regular files, and never
past a bound: a named pipe would wait for ever, /dev/zero never ends."""

import os
import stat
from pathlib import Path


def absolute(path: Path | str) -> Path:
    """path absolute, with `..` and symbolic links resolved (a loop: absolute as written)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return Path(os.path.abspath(path))


def read_at_most(handle: int, count: int) -> bytes:
    """At most count bytes from an open file (fewer at its end): never more, however long
    the file is or grows to be."""
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(handle, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_regular(path: Path, limit: int, whole: bool = True) -> bytes | None:
    """The bytes of path, or None when it is missing, unreadable, not a regular file, or
    (whole) longer than limit bytes. Not whole: its first limit bytes at most.

    (The same rule as storage.read_user_file, without its messages: these files are
    okrtui's own, and one that cannot be read counts as absent.)"""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except (OSError, ValueError):
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or (whole and status.st_size > limit):
            return None
        data = read_at_most(handle, limit + 1 if whole else limit)
    except OSError:
        return None
    finally:
        os.close(handle)
    if whole and len(data) > limit:  # it grew while being read
        return None
    return data
