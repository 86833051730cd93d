"""The recently opened files: newest first, no duplicates, ten at most, never in the way."""

from pathlib import Path

import pytest

from okrtui import recent


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(folder))
    return folder


def sessions(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = tmp_path / f"s{n}.toml"
        path.write_text("", encoding="utf-8")
        paths.append(path.resolve())
    return paths


def test_the_data_folder_follows_the_environment(data_dir: Path) -> None:
    assert recent.recent_file() == data_dir / "recent.toml"


def test_xdg_data_home_is_used_without_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OKRTUI_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert recent.data_dir() == tmp_path / "xdg" / "okrtui"


def test_nothing_yet(data_dir: Path) -> None:
    assert recent.load_recent() == []


def test_newest_first(data_dir: Path, tmp_path: Path) -> None:
    a, b, c = sessions(tmp_path, 3)
    for path in (a, b, c):
        recent.remember(path)
    assert recent.load_recent() == [c, b, a]
    assert (data_dir / "recent.toml").is_file()


def test_opening_again_moves_to_the_front_without_duplicate(data_dir: Path, tmp_path: Path) -> None:
    a, b, c = sessions(tmp_path, 3)
    for path in (a, b, c, a):
        recent.remember(path)
    assert recent.load_recent() == [a, c, b]


def test_the_same_file_by_another_path_is_one_entry(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [a] = sessions(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    recent.remember(Path(a.name))
    recent.remember(tmp_path / "." / a.name)
    assert recent.load_recent() == [a]


def test_capped_at_ten(data_dir: Path, tmp_path: Path) -> None:
    paths = sessions(tmp_path, 13)
    for path in paths:
        recent.remember(path)
    assert recent.load_recent() == list(reversed(paths))[:10]


def test_a_longer_list_on_disk_is_read_capped(data_dir: Path) -> None:
    data_dir.mkdir()
    names = [f"/tmp/s{n}.toml" for n in range(15)]
    (data_dir / "recent.toml").write_text(
        "files = [" + ", ".join(f'"{n}"' for n in names) + "]\n", encoding="utf-8"
    )
    assert recent.load_recent() == [Path(n) for n in names[:10]]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"files = [\n", []),
        (b"\xff\xfe\x00garbage", []),
        (b"", []),
        (b"other = 1\n", []),
        (b'files = ["/tmp/a.toml", 3, true]\n', [Path("/tmp/a.toml")]),
        (b"files = 3\n", []),
        (b'files = "abc"\n', []),
        (b"files = { a = 1 }\n", []),
    ],
    ids=["not-toml", "not-utf8", "empty", "no-files", "mixed", "number", "string", "table"],
)
def test_a_corrupt_list_is_tolerated(
    data_dir: Path, tmp_path: Path, content: bytes, expected: list[Path]
) -> None:
    data_dir.mkdir()
    (data_dir / "recent.toml").write_bytes(content)
    assert recent.load_recent() == expected
    [a] = sessions(tmp_path, 1)
    recent.remember(a)
    assert recent.load_recent() == [a, *expected]


def test_an_unwritable_data_folder_never_stops_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(blocker / "data"))
    [a] = sessions(tmp_path, 1)
    recent.remember(a)  # no exception
    assert recent.load_recent() == []
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_remember_leaves_no_temporary_file(data_dir: Path, tmp_path: Path) -> None:
    for path in sessions(tmp_path, 3):
        recent.remember(path)
    assert [p.name for p in data_dir.iterdir()] == ["recent.toml"]
