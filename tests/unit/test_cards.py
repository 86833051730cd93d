"""Which method cards a user has seen: kept in okrtui's data folder, and a list okrtui cannot
read is never written over (a card then opens only by its key)."""

import os
from pathlib import Path

import pytest

from okrtui import cards


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("OKRTUI_NO_CARDS", raising=False)
    return tmp_path


def test_a_card_opens_by_itself_once_per_level(data: Path) -> None:
    assert cards.first_use("ambition")
    assert not cards.first_use("ambition")
    assert cards.first_use("tactic")
    assert cards.load_seen() == {"ambition", "tactic"}


def test_a_seen_list_that_cannot_be_read_is_left_alone(data: Path) -> None:
    garbage = data / "cards.toml"
    garbage.write_bytes(b"\xff\xfe not toml [")
    assert not cards.first_use("ambition")
    cards.mark_seen("ambition")
    assert garbage.read_bytes() == b"\xff\xfe not toml ["


def test_a_pipe_named_like_the_list_is_never_waited_on_nor_replaced(data: Path) -> None:
    pipe = data / "cards.toml"
    os.mkfifo(pipe)
    assert not cards.first_use("ambition")
    cards.mark_seen("tactic")
    assert cards.load_seen() == set()
    assert pipe.is_fifo()
