"""Two windows, one file: the lock says who holds a session; stale locks are cleared."""

import os
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import tomli_w

from okrtui import lock


def write_lock(path: Path, host: str, pid: int) -> None:
    table = {"host": host, "pid": pid, "since": datetime(2027, 1, 5, 9, 30)}
    lock.lock_path(path).write_text(tomli_w.dumps(table), encoding="utf-8")


def test_my_own_lock_is_not_someone_else(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    lock.acquire(path)
    assert lock.holder(path).is_me and lock.other_live_holder(path) is None
    lock.release(path)
    assert not lock.lock_path(path).exists()


def test_a_live_process_holding_the_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(path, socket.gethostname(), other.pid)
        found = lock.other_live_holder(path)
        assert found is not None and found.pid == other.pid
        assert found.since == datetime(2027, 1, 5, 9, 30)
        lock.release(path)  # not ours: kept
        assert lock.lock_path(path).exists()
    finally:
        other.kill()
        other.wait()


def test_a_stale_lock_of_a_dead_process_is_cleared(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    write_lock(path, socket.gethostname(), dead.pid)
    assert lock.other_live_holder(path) is None
    assert not lock.lock_path(path).exists()


def test_a_lock_from_another_host_counts_as_live(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    write_lock(path, "another-host.example", os.getpid())
    assert lock.other_live_holder(path).host == "another-host.example"


def test_a_damaged_lock_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    lock.lock_path(path).write_text("not = [toml", encoding="utf-8")
    assert lock.holder(path) is None and lock.other_live_holder(path) is None


def test_a_killed_process_not_yet_reaped_counts_as_gone() -> None:
    import socket
    import subprocess
    import sys
    import time
    from datetime import datetime

    from okrtui.lock import Holder

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 5
        holder = Holder(socket.gethostname(), child.pid, datetime.now())
        while holder.is_alive and time.monotonic() < deadline:
            time.sleep(0.05)  # it exits, and stays a zombie until we wait for it
        assert not holder.is_alive
    finally:
        child.wait()
