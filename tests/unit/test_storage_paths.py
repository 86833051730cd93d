"""Storage and the paths around a file (issue 14): special files are refused, not read or
replaced; a save goes through a symbolic link, respects a read-only file, never writes what
could not be read back, and cleans up after a killed save."""

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from okrtui import storage, writing
from okrtui.problems import SaveError, SessionFileError
from okrtui.roadmap import RoadmapFileError, read_roadmap
from okrtui.storage import file_stamp, load_session, parse_session, read_user_file, save_session
from okrtui.writing import atomic_write, remove_stale_temporaries

from .conftest import MINIMAL_TOML, finishes, null_device, okrtui_env, unblock, write

# --- reading: regular files only, with a bound ------------------------------------------


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "s.toml"
    os.mkfifo(fifo)
    try:
        outcome = finishes(lambda: read_user_file(fifo, 1000, SessionFileError))
    finally:
        unblock(fifo)
    assert isinstance(outcome, SessionFileError)
    assert outcome.key == "file.is_fifo"
    assert "named pipe" in str(outcome)


def test_a_link_to_a_device_is_refused_not_read_for_ever(tmp_path: Path) -> None:
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    script = ("import sys; from pathlib import Path; from okrtui.storage import load_session\n"
              "try: load_session(Path(sys.argv[1]))\n"
              "except Exception as error: print(error)")
    result = subprocess.run([sys.executable, "-c", script, str(link)], capture_output=True,
                            text=True, timeout=20, env=okrtui_env(tmp_path))
    assert "is a device" in result.stdout, result.stderr[-500:]


def test_a_file_whose_size_says_0_is_read_with_a_bound() -> None:
    """/proc files say 0 bytes and hold more: only limit + 1 bytes are read."""
    with pytest.raises(SessionFileError) as caught:
        read_user_file(Path("/proc/self/maps"), 10, SessionFileError)
    assert caught.value.key == "file.too_big"


def test_a_regular_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", b"x" * 3_000_000)
    assert read_user_file(path, 3_000_000, SessionFileError) == b"x" * 3_000_000


def test_a_roadmap_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "roadmap.md"
    os.mkfifo(fifo)
    try:
        outcome = finishes(lambda: read_roadmap(fifo))
    finally:
        unblock(fifo)
    assert isinstance(outcome, RoadmapFileError)
    assert outcome.key == "file.is_fifo"


def test_the_stamp_of_a_fifo_is_none_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "s.toml"
    os.mkfifo(fifo)
    try:
        assert finishes(lambda: file_stamp(fifo)) is None
    finally:
        unblock(fifo)


@pytest.mark.parametrize("value", ["99999999999999999999", "2147483648"])
def test_a_schema_version_out_of_range_is_invalid_not_newer(value: str) -> None:
    with pytest.raises(SessionFileError) as caught:
        parse_session(f"schema_version = {value}\n".encode(), "s.toml")
    assert caught.value.key == "file.bad_version"


# --- writing: never what cannot be read back --------------------------------------------


def test_a_session_too_big_to_open_is_not_written(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "s.toml", MINIMAL_TOML)
    session = load_session(path)
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 20)
    with pytest.raises(SaveError) as caught:
        save_session(session, path)
    assert caught.value.key == "save.too_big"
    assert path.read_text(encoding="utf-8") == MINIMAL_TOML
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


# --- writing through a link, and a read-only file ---------------------------------------


def test_a_save_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = write(real / "s.toml", MINIMAL_TOML)
    link = tmp_path / "s.toml"
    link.symlink_to(Path("real") / "s.toml")
    session = load_session(link)
    session.title = "Changed"
    save_session(session, link)
    assert link.is_symlink()
    assert load_session(target).title == "Changed"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert not [p for p in real.iterdir() if p.name.endswith(".tmp")]


def test_a_save_through_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "s.toml"
    link.symlink_to("new.toml")
    atomic_write(link, b"data")
    assert link.is_symlink()
    assert (tmp_path / "new.toml").read_bytes() == b"data"


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    """Even as root (the tests may run as root): no write bit, no save, as an editor does."""
    path = write(tmp_path / "s.toml", MINIMAL_TOML)
    path.chmod(0o444)
    with pytest.raises(SaveError) as caught:
        atomic_write(path, b"new")
    assert caught.value.key == "save.read_only"
    assert path.read_text(encoding="utf-8") == MINIMAL_TOML
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_special_file_is_not_replaced_by_a_save(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "s.toml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(null_device(tmp_path))
    with pytest.raises(SaveError) as caught:
        atomic_write(path, b"new")
    assert caught.value.key == f"save.is_{kind}"
    assert stat.S_ISFIFO(path.stat().st_mode) if kind == "fifo" else (
        path.is_symlink() and stat.S_ISCHR(os.stat(path).st_mode))


def test_ctrl_c_during_a_save_leaves_no_temporary_file(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "s.toml", MINIMAL_TOML)

    def interrupted(handle: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writing.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]
    assert path.read_text(encoding="utf-8") == MINIMAL_TOML


# --- temporary files left by a killed save ----------------------------------------------


def age(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_save_removes_the_stale_temporaries_of_that_file_only(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", MINIMAL_TOML)
    old_style = age(write(tmp_path / ".s.toml.ab_cd123.tmp", b"x"), 3600)
    dead = age(write(tmp_path / f".s.toml.{dead_pid()}-abcdefgh.tmp", b"x"), 3600)
    fresh = write(tmp_path / ".s.toml.zzzzzzzz.tmp", b"x")  # being written right now
    alive = age(write(tmp_path / f".s.toml.{os.getppid()}-abcdefgh.tmp", b"x"), 3600)
    other_file = age(write(tmp_path / ".t.toml.abcdefgh.tmp", b"x"), 3600)
    not_ours = age(write(tmp_path / ".s.toml.mine.tmp", b"x"), 3600)
    save_session(load_session(path), path)
    assert not old_style.exists()
    assert not dead.exists()
    assert fresh.exists() and alive.exists() and other_file.exists() and not_ours.exists()


def test_stale_temporaries_are_found_beside_the_target_of_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    write(real / "s.toml", MINIMAL_TOML)
    (tmp_path / "s.toml").symlink_to(real / "s.toml")
    stale = age(write(real / ".s.toml.abcdefgh.tmp", b"x"), 3600)
    atomic_write(tmp_path / "s.toml", MINIMAL_TOML.encode())
    assert not stale.exists()


def test_remove_stale_temporaries_never_follows_a_symlink(tmp_path: Path) -> None:
    victim = write(tmp_path / "victim", b"keep")
    link = tmp_path / ".s.toml.abcdefgh.tmp"
    link.symlink_to(victim)
    os.utime(link, (0, 0), follow_symlinks=False)
    assert remove_stale_temporaries(tmp_path / "s.toml") == []
    assert link.is_symlink() and victim.read_bytes() == b"keep"
