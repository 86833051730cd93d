"""The journal writes whole snapshots from its own thread; recoveries are found and described."""

import json
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from okrtui import recovery
from okrtui.history import snapshot
from okrtui.journal import Journal
from okrtui.recovery import Snapshot
from okrtui.workshop import (
    add_action,
    add_idea,
    add_key_result,
    add_tactic,
    commit_objective,
    new_session,
)


@pytest.fixture(autouse=True)
def state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "recovery"


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def abandon(file: Path) -> None:
    """Make file look written by a process that has since died."""
    data = file.read_bytes()
    header, _, payload = data[len(recovery.MAGIC):].partition(b"\n")
    table = json.loads(header)
    table["pid"] = dead_pid()
    file.write_bytes(recovery.MAGIC + json.dumps(table).encode() + b"\n" + payload)


def workshop():
    """With every kind of value a session holds in JSON: dates, numbers, flags."""
    session = new_session("Recovery", "en", team="Product", participants=["Ana"])
    team = session.teams[0]
    add_idea(session, team, "ambition", "Grow [b]referrals[/b]", "p1")
    objective = commit_objective(session, team, "Make referrals our first channel")
    kr = add_key_result(session, objective, "Raise referrals from 10% to 30%", 10, 30.5, "%")
    tactic = add_tactic(session, objective, "Referral bonus", [kr.id])
    add_action(session, tactic, "Call ten sellers", "p1", date(2027, 1, 15))
    return session


def test_the_journal_writes_the_latest_snapshot_beside_the_session(tmp_path: Path) -> None:
    path = tmp_path / "workshop.toml"
    session = workshop()
    journal = Journal(path)
    stamp = "5" * 64  # (a hash of the file, as storage.file_stamp gives it)
    journal.record(Snapshot(snapshot(session), path, stamp, {"ambition": "half typed"}))
    assert journal.flush()
    found = recovery.read(tmp_path / ".workshop.toml.recover")
    assert found is not None
    assert found.session == session
    assert found.session_path == path
    assert found.base_stamp == stamp
    assert found.drafts == {"ambition": "half typed"}
    assert not found.abandoned  # this process is alive and it is ours
    journal.close(remove=False)
    assert journal.file.exists()


def test_recording_never_waits_for_the_disk(tmp_path: Path, monkeypatch) -> None:
    """The UI thread hands a snapshot over and goes on; the writer skips stale ones."""
    release = threading.Event()
    written: list[bytes] = []

    def slow_write(path: Path, data: bytes) -> None:
        release.wait(5)
        written.append(data)

    monkeypatch.setattr("okrtui.journal.atomic_write", slow_write)
    journal = Journal(tmp_path / "s.toml")
    session = workshop()
    for number in range(20):
        add_idea(session, session.teams[0], "ambition", f"idea {number}", None)
        journal.record(Snapshot(snapshot(session), None, None))  # returns at once
    release.set()
    assert journal.flush()
    assert 1 <= len(written) <= 2  # the first, maybe, and the latest; never all 20
    assert written[-1].endswith(snapshot(session))
    journal.close(remove=False)


def test_discard_and_clean_close_remove_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    journal = Journal(path)
    journal.record(Snapshot(snapshot(workshop()), path, None))
    journal.flush()
    assert journal.file.exists()
    journal.discard()
    assert not journal.file.exists()
    journal.record(Snapshot(snapshot(workshop()), path, None))
    journal.close(remove=True)
    assert not journal.file.exists()


def test_an_unsaved_session_is_journalled_in_the_state_folder(state_folder: Path) -> None:
    journal = Journal(None)
    journal.record(Snapshot(snapshot(workshop()), None, None))
    journal.close(remove=False)
    assert journal.file.parent == state_folder
    assert journal.file.name.startswith("unsaved-")


def test_a_folder_that_vanished_falls_back_to_the_state_folder(tmp_path: Path,
                                                              state_folder: Path) -> None:
    path = tmp_path / "gone" / "s.toml"
    journal = Journal(path)
    journal.record(Snapshot(snapshot(workshop()), path, None))
    journal.close(remove=False)
    assert journal.file.parent == state_folder
    abandon(journal.file)
    found = recovery.find_for(path)
    assert found is not None and found.session_path == path


def test_only_abandoned_recoveries_are_offered(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine.toml", tmp_path / "theirs.toml"
    for path in (mine, theirs):
        journal = Journal(path)
        journal.record(Snapshot(snapshot(workshop()), path, None))
        journal.close(remove=False)
    abandon(recovery.beside(theirs))
    assert recovery.find_for(mine) is None
    assert recovery.find_for(theirs) is not None
    unsaved = Journal(None)
    unsaved.record(Snapshot(snapshot(workshop()), None, None))
    unsaved.close(remove=False)
    abandon(unsaved.file)
    offered = recovery.find_abandoned([mine, theirs])
    assert sorted(str(found.session_path) for found in offered) == sorted(["None", str(theirs)])


@pytest.mark.parametrize("content", [b"", b"okrtui-recovery 1\n{not json", b"garbage\n\x00",
                                     recovery.MAGIC + b'{"drafts": {}}\nnot zlib'])
def test_an_unreadable_recovery_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "s.toml"
    recovery.beside(path).write_bytes(content)
    assert recovery.find_for(path) is None


def test_changes_count_what_restoring_brings_back() -> None:
    saved = workshop()
    recovered = saved.model_copy(deep=True)
    team = recovered.teams[0]
    add_idea(recovered, team, "ambition", "Open a web shop", None)
    add_idea(recovered, team, "tactic", "Referral bonus", None)
    team.ideas[0].text = "Grow referrals a lot"
    assert recovery.changes(saved, recovered) == {"idea": (2, 0, 1)}
    assert recovery.changes(saved, saved) == {}
    assert recovery.changes(None, saved)["idea"] == (1, 0, 0)


def test_changes_count_kpis_roadmap_teams_and_common_points() -> None:
    from okrtui.models import CommonPoint
    from okrtui.roadmap import import_roadmap
    from okrtui.workshop import add_team

    saved = workshop()
    recovered = saved.model_copy(deep=True)
    team = add_team(recovered, "Data")
    import_roadmap(recovered, team, ["Referral bonus", "Dark mode"])
    recovered.common.append(CommonPoint(id="c1", text="Same users"))
    found = recovery.changes(saved, recovered)
    assert found["team"] == (1, 0, 0) and found["roadmap"] == (2, 0, 0)
    assert found["common"] == (1, 0, 0)


def test_a_recovery_of_an_older_schema_is_migrated() -> None:
    import zlib

    session = workshop()
    table = json.loads(session.model_dump_json())
    table["schema_version"] = 1
    table["decisions"] = table.pop("decision_log")
    table["decisions"] = [{"id": "d1", "text": "Web first"}]
    header = {"session_path": None, "base_stamp": None, "drafts": {}, "host": "h", "pid": 1,
              "written": "2027-01-05T09:00:00+00:00"}
    data = (recovery.MAGIC + json.dumps(header).encode() + b"\n"
            + zlib.compress(json.dumps(table).encode()))
    file = recovery.recovery_folder() / "unsaved-old.recover"
    file.parent.mkdir(parents=True)
    file.write_bytes(data)
    found = recovery.read(file)
    assert found is not None and found.session.decision_log[0].text == "Web first"
