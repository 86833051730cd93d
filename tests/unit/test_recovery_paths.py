"""Recovery, lock and recent files against hostile paths and other windows (issue 14):
paths are stored absolute; a recovery file belongs to its process; a recovery file is
validated and never says where to write; special files are never read unbounded."""

import json
import os
import socket
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from okrtui import lock, recovery
from okrtui.history import snapshot
from okrtui.journal import Journal
from okrtui.recent import load_recent, recent_file, remember
from okrtui.recovery import Snapshot
from okrtui.workshop import add_idea, new_session

from .conftest import finishes, unblock

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "recovery"


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The pid of another process, running for the whole test."""
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield other.pid
    other.kill()
    other.wait()


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def session():
    made = new_session("Recovery", "en", team="Product")
    add_idea(made, made.teams[0], "ambition", "Grow referrals", None)
    return made


def recovery_bytes(header: dict, table: object = None) -> bytes:
    full = {"session_path": None, "base_stamp": None, "drafts": {},
            "host": socket.gethostname(), "pid": dead_pid(),
            "written": "2027-01-05T09:00:00+00:00", **header}
    payload = (zlib.compress(json.dumps(table).encode()) if table is not None
               else snapshot(session()))
    return recovery.MAGIC + json.dumps(full).encode() + b"\n" + payload


def header_of(file: Path) -> dict:
    line = file.read_bytes()[len(recovery.MAGIC):].partition(b"\n")[0]
    return json.loads(line)


# 2. Paths are stored absolute -----------------------------------------------------------


def test_the_journal_stores_the_session_path_absolute(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "A"
    folder.mkdir()
    monkeypatch.chdir(folder)
    journal = Journal(Path("okr.toml"))
    journal.record(Snapshot(snapshot(session()), Path("okr.toml"), None))
    journal.close(remove=False)
    assert journal.file == folder / ".okr.toml.recover"
    assert header_of(journal.file)["session_path"] == str(folder / "okr.toml")


def test_a_recovery_is_of_the_file_it_lies_beside_from_any_folder(tmp_path: Path,
                                                                   monkeypatch) -> None:
    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir()
    b.mkdir()
    (a / ".okr.toml.recover").write_bytes(recovery_bytes({"session_path": "okr.toml"}))
    monkeypatch.chdir(b)
    found = recovery.find_for(Path("../A/okr.toml"))
    assert found is not None and found.session_path == a / "okr.toml"


def test_the_lock_and_the_recent_list_are_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert lock.lock_path(Path("s.toml")) == tmp_path / ".s.toml.lock"
    remember(Path("s.toml"))
    assert load_recent() == [tmp_path / "s.toml"]
    recent_file().write_text('files = ["relative.toml", "/abs/x.toml"]\n', encoding="utf-8")
    assert load_recent() == [Path("/abs/x.toml")]


# 3. A recovery file belongs to the process that wrote it -----------------------------


def test_another_running_windows_recovery_is_never_written_over_or_removed(
        tmp_path: Path, live_pid: int) -> None:
    path = tmp_path / "s.toml"
    theirs = recovery_bytes({"pid": live_pid})
    recovery.beside(path).write_bytes(theirs)
    journal = Journal(path)
    journal.record(Snapshot(snapshot(session()), path, None))
    assert journal.flush()
    assert journal.file != recovery.beside(path) and journal.file.exists()
    assert recovery.beside(path).read_bytes() == theirs
    journal.close(remove=True)
    assert not journal.file.exists()
    assert recovery.beside(path).read_bytes() == theirs


def test_a_dead_windows_recovery_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    recovery.beside(path).write_bytes(recovery_bytes({}))
    journal = Journal(path)
    journal.record(Snapshot(snapshot(session()), path, None))
    journal.close(remove=False)
    assert journal.file == recovery.beside(path)
    assert header_of(journal.file)["pid"] == os.getpid()


WINDOW = """
import sys, time
from pathlib import Path
from okrtui.history import snapshot
from okrtui.journal import Journal
from okrtui.recovery import Snapshot
from okrtui.workshop import new_session
path = Path(sys.argv[1])
journal = Journal(path)
journal.record(Snapshot(snapshot(new_session("First window", "en")), path, None))
journal.flush()
print("ready", flush=True)
time.sleep(60)
"""


def test_after_a_take_over_and_a_clean_exit_a_kill_of_the_first_window_is_recovered(
        tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    first = subprocess.Popen([sys.executable, "-c", WINDOW, str(path)], cwd=REPO,
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert first.stdout is not None and first.stdout.readline() == "ready\n"
        second = Journal(path)  # took the file over: edits, saves, quits
        second.record(Snapshot(snapshot(session()), path, None))
        assert second.flush()
        second.discard()
        second.close(remove=True)
        first.kill()  # SIGKILL
        first.wait()
        found = recovery.find_for(path)
        assert found is not None and found.holder.pid == first.pid
        assert found.session.title == "First window"
    finally:
        first.kill()
        first.wait()


def test_a_killed_second_window_is_recovered_from_the_state_folder(
        tmp_path: Path, live_pid: int) -> None:
    path = tmp_path / "s.toml"
    recovery.beside(path).write_bytes(recovery_bytes({"pid": live_pid}))
    journal = Journal(path)
    journal.record(Snapshot(snapshot(session()), path, None))
    journal.close(remove=False)
    header = header_of(journal.file)
    header["pid"] = dead_pid()
    payload = journal.file.read_bytes().partition(b"\n")[2].partition(b"\n")[2]
    journal.file.write_bytes(recovery.MAGIC + json.dumps(header).encode() + b"\n" + payload)
    found = recovery.find_for(path)
    assert found is not None and found.file == journal.file and found.session_path == path


# 5. A recovery file is validated, cleaned, and never says where to write --------------


def test_a_planted_session_path_is_ignored(tmp_path: Path) -> None:
    path, victim = tmp_path / "s.toml", tmp_path / "victim.toml"
    recovery.beside(path).write_bytes(recovery_bytes({"session_path": str(victim)}))
    found = recovery.find_for(path)
    assert found is not None and found.session_path == path


def test_a_state_folder_recovery_names_only_the_file_it_was_made_from(
        tmp_path: Path, state_folder: Path) -> None:
    path, victim = tmp_path / "s.toml", tmp_path / "victim.toml"
    state_folder.mkdir(parents=True)
    planted = recovery.in_state_folder(path, 12345)
    planted.write_bytes(recovery_bytes({"session_path": str(victim)}))
    assert recovery.read(planted).session_path is None
    planted.write_bytes(recovery_bytes({"session_path": str(path)}))
    assert recovery.read(planted).session_path == path
    unsaved = state_folder / "unsaved-20270105-090000-1.recover"
    unsaved.write_bytes(recovery_bytes({"session_path": str(victim)}))
    assert recovery.read(unsaved).session_path is None


def test_drafts_are_cleaned_as_typed_text(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    drafts = {"ambition": "half\x1b]0;PWNED\x07 typed\nidea\x9b", "tactic": "\x1b[2J  "}
    recovery.beside(path).write_bytes(recovery_bytes({"drafts": drafts}))
    found = recovery.find_for(path)
    assert found is not None and found.drafts == {"ambition": "half typed idea"}


@pytest.mark.parametrize("header", [
    {"pid": -1}, {"pid": 0}, {"pid": True}, {"pid": 2**70}, {"pid": "12"},
    {"host": "evil\x1b]0;x\x07"}, {"host": ""}, {"host": 7},
    {"drafts": ["x"]}, {"drafts": {"nowhere": "x"}}, {"drafts": {"ambition": 3}},
    {"base_stamp": 12}, {"base_stamp": "not a hash"},
    {"written": "yesterday"}, {"written": 5},
])
def test_a_header_with_values_okrtui_never_writes_is_refused(tmp_path: Path,
                                                             header: dict) -> None:
    file = tmp_path / ".s.toml.recover"
    file.write_bytes(recovery_bytes(header))
    assert recovery.read(file) is None


@pytest.mark.parametrize("data", [
    recovery.MAGIC + b"[1, 2]\n" + snapshot(session()),
    recovery.MAGIC + b"[" * 100_000 + b"\n" + snapshot(session()),
    recovery.MAGIC + json.dumps({"pid": 1}).encode(),
], ids=["list", "nested", "no-newline"])
def test_a_header_that_is_not_an_object_is_refused(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / ".s.toml.recover"
    file.write_bytes(data)
    assert recovery.read(file) is None


@pytest.mark.parametrize("table", [[1, 2], "text", {"schema_version": True},
                                   {"schema_version": 0}, {"schema_version": 2**80}])
def test_a_session_that_is_not_a_table_is_refused(tmp_path: Path, table: object) -> None:
    file = tmp_path / ".s.toml.recover"
    file.write_bytes(recovery_bytes({}, table))
    assert recovery.read(file) is None


def test_a_session_that_inflates_past_the_bound_is_refused(tmp_path: Path,
                                                           monkeypatch) -> None:
    file = tmp_path / ".s.toml.recover"
    file.write_bytes(recovery_bytes({}))
    assert recovery.read(file) is not None
    monkeypatch.setattr(recovery, "MAX_SESSION_JSON_BYTES", 100)
    assert recovery.read(file) is None


def test_recoveries_written_naive_and_aware_are_sorted(tmp_path: Path,
                                                       state_folder: Path) -> None:
    state_folder.mkdir(parents=True)
    (state_folder / "unsaved-a-1.recover").write_bytes(
        recovery_bytes({"written": "2027-01-05T09:00:00"}))
    (state_folder / "unsaved-b-2.recover").write_bytes(
        recovery_bytes({"written": "2027-01-06T09:00:00+00:00"}))
    found = recovery.find_abandoned([])
    assert [file.file.name for file in found] == ["unsaved-b-2.recover",
                                                 "unsaved-a-1.recover"]


# 8. Special files named like a lock, recovery or recent list -------------------------


def test_a_fifo_named_like_a_recovery_or_lock_file_is_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    fifos = [recovery.beside(path), lock.lock_path(path)]
    for fifo in fifos:
        os.mkfifo(fifo)
    try:
        assert finishes(lambda: recovery.find_for(path)) is None
        assert finishes(lambda: recovery.find_abandoned([path])) == []
        assert finishes(lambda: lock.other_live_holder(path)) is None
    finally:
        for fifo in fifos:
            unblock(fifo)


def test_a_fifo_as_the_recent_list_is_not_waited_on(tmp_path: Path) -> None:
    recent_file().parent.mkdir(parents=True)
    os.mkfifo(recent_file())
    try:
        assert finishes(load_recent) == []
    finally:
        unblock(recent_file())


BOUNDED = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from okrtui import lock, recovery
from okrtui.recent import load_recent
path = Path(sys.argv[1])
print(recovery.find_for(path), lock.holder(path), load_recent())
"""


def test_a_link_to_dev_zero_is_not_read_until_memory_runs_out(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    data = tmp_path / "data"
    data.mkdir()
    for link in (recovery.beside(path), lock.lock_path(path), data / "recent.toml"):
        link.symlink_to("/dev/zero")
    env = {**os.environ, "OKRTUI_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, "-c", BOUNDED, str(path)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "None None []\n"
