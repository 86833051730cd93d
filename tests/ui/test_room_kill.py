"""kill -9 right after the room acknowledged a participant's idea (issue 13, faults): okrtui
runs as a user starts it, `okrtui FILE --room 127.0.0.1:PORT` in a pseudo-terminal. After the
kill, the recovery file holds the idea, the room's keys file is as it was, and okrtui started
again (recovery restored) serves the same join link and knows the participant's cookie."""

import fcntl
import http.client
import os
import signal
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from okrtui import recovery
from okrtui.models import Idea
from okrtui.room.keys import RoomKeys, keys_beside
from okrtui.room.server import COOKIE
from okrtui.storage import save_session
from okrtui.workshop import new_session

REPO = Path(__file__).resolve().parent.parent.parent
START_SECONDS = 30.0
JOURNAL_SECONDS = 2.0
IDEA = "Publier seul en moins de cinq minutes"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Terminal:
    """okrtui in a pseudo-terminal: the process, what it wrote, and a way to type."""

    def __init__(self, process: subprocess.Popen[bytes], controller: int,
                 shown: list[bytes]) -> None:
        self.process, self.controller, self.shown = process, controller, shown

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + START_SECONDS
        while text.encode() not in b"".join(self.shown):
            assert time.monotonic() < deadline, f"{text!r} never shown"
            assert self.process.poll() is None, "okrtui stopped"
            time.sleep(0.1)

    def type(self, keys: bytes) -> None:
        os.write(self.controller, keys)


@contextmanager
def okrtui_in_a_terminal(path: Path, port: int, data: Path) -> Iterator[Terminal]:
    """okrtui FILE --room 127.0.0.1:PORT in a 120×40 pseudo-terminal, its output read as
    it comes; SIGKILLed on the way out."""
    shown: list[bytes] = []
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "OKRTUI_DATA_DIR": str(data), "TERM": "xterm-256color",
           "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "okrtui", str(path), "--room", f"127.0.0.1:{port}"],
        stdin=terminal, stdout=terminal, stderr=terminal, env=env, cwd=path.parent,
        start_new_session=True)
    os.close(terminal)

    def drain() -> None:
        try:
            while chunk := os.read(controller, 65536):
                shown.append(chunk)
        except OSError:
            pass  # the terminal closed with the process

    threading.Thread(target=drain, daemon=True).start()
    try:
        yield Terminal(process, controller, shown)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        os.close(controller)


def request(port: int, method: str, target: str, form: dict[str, str] | None = None,
            cookie: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if form else {}
    if cookie:
        headers["Cookie"] = f"{COOKIE}={cookie}"
    connection.request(method, target, urlencode(form) if form else None, headers)
    response = connection.getresponse()
    response.read()
    return response


def join_page_when_served(port: int, keys_file: Path, process: subprocess.Popen[bytes]) -> str:
    """The join link's path, once the keys are written and the room answers there."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, "okrtui stopped"
        if keys_file.exists():
            target = f"/j/{RoomKeys.load_or_create(keys_file).join}"
            try:
                if request(port, "GET", target).status == 200:
                    return target
            except OSError:
                pass  # not listening yet
        time.sleep(0.1)
    raise AssertionError(f"the room did not answer on port {port} within {START_SECONDS:.0f} s")


def join_post_and_kill(path: Path, port: int, data: Path,
                       until_journalled: bool) -> tuple[str, str, bytes]:
    """Start okrtui with its room, join as Zoé, post IDEA, and once the room acknowledged it
    (or, until_journalled, once the recovery file holds it) kill -9. The join link's path,
    Zoé's cookie, and the keys file as the room wrote it."""
    keys_file = keys_beside(path)
    with okrtui_in_a_terminal(path, port, data) as okrtui:
        join = join_page_when_served(port, keys_file, okrtui.process)
        keys = keys_file.read_bytes()
        joined = request(port, "POST", f"{join}/join", {"name": "Zoé"})
        assert joined.status == 303
        cookie = joined.getheader("Set-Cookie", "").split(";")[0].split("=", 1)[1]
        posted = request(port, "POST", f"{join}/idea", {"text": IDEA}, cookie)
        assert posted.status == 303
        deadline = time.monotonic() + JOURNAL_SECONDS
        while until_journalled and not recovered_ideas(path, abandoned=False):
            assert time.monotonic() < deadline, "the journal did not take the idea in 2 s"
            time.sleep(0.05)
        os.kill(okrtui.process.pid, signal.SIGKILL)
        okrtui.process.wait(timeout=10)
    return join, cookie, keys


def recovered_ideas(path: Path, abandoned: bool = True) -> list[Idea]:
    """IDEA as the recovery file of path holds it (abandoned: as a restart would find it;
    else also while okrtui still runs)."""
    if abandoned:
        found = recovery.find_for(path)
    else:
        read = (recovery.read(f) for f in (recovery.beside(path), *recovery.state_files_of(path)))
        found = next((r for r in read if r is not None), None)
    if found is None:
        return []
    return [idea for idea in found.session.teams[0].ideas if idea.text == IDEA]


def atelier(folder: Path) -> Path:
    path = folder / "atelier.toml"
    save_session(new_session("Atelier", "fr", team="Produit", participants=["Ana"]), path)
    return path


def test_an_idea_acknowledged_then_kill_9_at_once_is_offered_on_restart(
        tmp_path: Path) -> None:
    path = atelier(tmp_path)
    join_post_and_kill(path, free_port(), tmp_path / "data", until_journalled=False)
    found = recovery.find_for(path)
    assert found is not None, "no recovery file left behind"
    assert found.abandoned
    ideas = recovered_ideas(path)
    assert ideas, "the recovery file does not hold the idea the room acknowledged"
    assert ideas[0].hidden and found.session.participant_name(ideas[0].author) == "Zoé"


def test_after_kill_9_the_room_reopens_with_the_same_link_and_knows_its_participants(
        tmp_path: Path) -> None:
    path, port = atelier(tmp_path), free_port()
    join, cookie, keys = join_post_and_kill(path, port, tmp_path / "data",
                                            until_journalled=True)
    found = recovery.find_for(path)
    assert found is not None and found.abandoned
    assert keys_beside(path).read_bytes() == keys
    with okrtui_in_a_terminal(path, port, tmp_path / "data") as okrtui:
        okrtui.wait_for("Restaurer")  # the recovery question; restore has the focus
        time.sleep(0.5)
        okrtui.type(b"\r")
        assert join_page_when_served(port, keys_beside(path), okrtui.process) == join
        page = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        page.request("GET", join, headers={"Cookie": f"{COOKIE}={cookie}"})
        text = page.getresponse().read().decode()
        assert "Zoé" in text and 'name="name"' not in text  # known: no join form
        assert request(port, "GET", f"{join}x").status == 404
