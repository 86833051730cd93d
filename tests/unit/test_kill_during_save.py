"""Fault injection: a process editing, journalling and saving a session is killed with SIGKILL
at random instants, again and again. Each time the session file must be whole (the previous
save or the next one, never a mix) and the recovery file must hold at least every edit the
journal had confirmed. OKRTUI_KILLS sets the number of kills (200 by default)."""

import os
import random
import signal
import time
from pathlib import Path

from okrtui import recovery
from okrtui.history import snapshot
from okrtui.journal import Journal
from okrtui.models import Session
from okrtui.storage import dumps_session, parse_session, save_session
from okrtui.workshop import add_idea, new_session

KILLS = int(os.environ.get("OKRTUI_KILLS", "200"))
SAVE_EVERY = 3
CONFIRM_EVERY = 5


def base_session() -> Session:
    """Big enough (300 ideas) that a save takes long enough to be killed in the middle."""
    session = new_session("Kill test", "en", team="Product", participants=["Ana", "Bruno"])
    for number in range(300):
        add_idea(session, session.teams[0], "ambition", f"Idea {number} " + "words " * 12,
                 "p1")
    return session


class Versions:
    """Version k of the session: the base session and the edits 1 to k (the latest few kept)."""

    def __init__(self) -> None:
        self._sessions = {0: base_session()}

    def get(self, version: int) -> Session:
        if version not in self._sessions:
            start = max(known for known in self._sessions if known < version)
            session = self._sessions[start].model_copy(deep=True)
            for step in range(start + 1, version + 1):
                edit(session, step)
            self._sessions[version] = session
            for old in [known for known in self._sessions if 0 < known < version - 100]:
                del self._sessions[old]
        return self._sessions[version]


def edit(session: Session, version: int) -> None:
    add_idea(session, session.teams[0], "tactic", f"edit {version}", None)


def version_of(session: Session) -> int:
    return sum(1 for idea in session.teams[0].ideas if idea.text.startswith("edit "))


def work_until_killed(session: Session, path: Path, report: int) -> None:
    """The child: edit, journal, save every few edits, say how far it got, until killed.
    session is what path holds (handed over by fork, so the child starts at once)."""
    session = session.model_copy(deep=True)
    version = version_of(session)
    journal = Journal(path)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        version += 1
        edit(session, version)
        journal.record(recovery.Snapshot(snapshot(session), path, None))
        if version % CONFIRM_EVERY == 0:
            journal.flush()
            os.write(report, f"journalled {version}\n".encode())
        if version % SAVE_EVERY == 0:
            os.write(report, f"saving {version}\n".encode())
            save_session(session, path)
            os.write(report, f"saved {version}\n".encode())


def run_child(session: Session, path: Path, delay: float) -> list[str]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            os.close(read_end)
            work_until_killed(session, path, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read().decode().splitlines()


def last(lines: list[str], word: str) -> int | None:
    values = [int(line.split()[1]) for line in lines if line.startswith(word + " ")]
    return values[-1] if values else None


def test_killed_at_random_instants_the_files_stay_whole(tmp_path: Path) -> None:
    versions = Versions()
    path = tmp_path / "workshop.toml"
    save_session(versions.get(0), path)
    saved_version = 0
    random_instants = random.Random(20261126)
    mid_save_kills = recovered_kills = 0
    for kill in range(KILLS):
        lines = run_child(versions.get(saved_version), path, random_instants.uniform(0, 0.08))
        on_disk = parse_session(path.read_bytes(), path)  # whole, or this raises
        found = version_of(on_disk)
        saving, saved = last(lines, "saving"), last(lines, "saved")
        allowed = {saved if saved is not None else saved_version}
        if saving is not None and saving != saved:
            allowed.add(saving)  # killed during this save: old or new, nothing between
            mid_save_kills += 1
        assert found in allowed, f"kill {kill}: file holds version {found}, not {allowed}"
        assert path.read_text(encoding="utf-8") == dumps_session(versions.get(found))
        saved_version = found

        journal_file = recovery.beside(path)
        confirmed = last(lines, "journalled")
        if journal_file.exists():
            restored = recovery.read(journal_file)
            assert restored is not None, f"kill {kill}: unreadable recovery file"
            version = version_of(restored.session)
            assert restored.session == versions.get(version)
            if confirmed is not None:
                assert version >= confirmed, f"kill {kill}: edit {confirmed} was journalled"
                recovered_kills += 1
        else:
            assert confirmed is None
        # the next child goes on from the recovered session, as a user who restored would
        if journal_file.exists():
            save_session(restored.session, path)
            saved_version = version
    print(f"\n{KILLS} kills: {mid_save_kills} in the middle of a save, {recovered_kills} "
          f"after a confirmed journal write; files always whole")
    assert mid_save_kills > KILLS // 10, "too few kills landed during a save to prove much"
