"""`okrtui FILE --room [ADDRESS][:PORT]`: where the room listens reaches the app; a value that
is not an address or a port stops with the catalog's words, before any UI (exit 2)."""

from pathlib import Path
from typing import Any

import pytest

from okrtui import cli
from okrtui.room.addresses import Listen
from okrtui.storage import save_session

from .conftest import build_session, run_okrtui


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "atelier.toml"
    save_session(build_session([1]), path)
    return path


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What the app would have been started with (it is not started)."""
    calls: list[dict[str, Any]] = []

    def run_app(lang: str | None, **options: Any) -> int:
        calls.append({"lang": lang, **options})
        return 0

    monkeypatch.setattr(cli, "_run_app", run_app)
    return calls


@pytest.mark.parametrize(("args", "expected"), [
    ([], None),
    (["--room"], Listen(None, 0)),
    (["--room", "127.0.0.1"], Listen("127.0.0.1", 0)),
    (["--room", "127.0.0.1:8765"], Listen("127.0.0.1", 8765)),
    (["--room=:8765"], Listen(None, 8765)),
    (["--room", "[::1]:9000"], Listen("::1", 9000)),
])
def test_the_room_asked_for_reaches_the_app(session_file: Path, started: list[dict[str, Any]],
                                            args: list[str], expected: Listen | None) -> None:
    assert cli.main([str(session_file), *args]) == 0
    assert started[-1]["room"] == expected
    assert cli.main(["open", str(session_file), *args]) == 0
    assert started[-1]["room"] == expected


@pytest.mark.parametrize(("value", "words"), [
    ("nowhere", "--room wants an address of this machine"),
    ("127.0.0.1:99999", "--room wants a port number from 0 to 65535"),
    ("127.0.0.1:http", "--room wants a port number"),
])
def test_a_bad_room_value_exits_2_with_the_catalogs_words(
        tmp_path: Path, session_file: Path, value: str, words: str) -> None:
    result = run_okrtui(tmp_path, session_file, f"--room={value}")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("okrtui: ") and words in result.stderr
    french = run_okrtui(tmp_path, session_file, "--lang", "fr", f"--room={value}")
    assert french.returncode == 2 and "--room" in french.stderr
    assert words not in french.stderr
