"""The room's keys: tokens, the secret file beside the session, signed cookies."""

import os
import stat
from pathlib import Path

import pytest

from okrtui.room.keys import RoomKeys, UnusableKeys, keys_beside, new_token, same


def test_a_token_carries_128_random_bits() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(token) == 22 for token in tokens)  # 16 bytes in URL-safe base64


def test_tokens_compare_exactly() -> None:
    token = new_token()
    assert same(token, token)
    assert not same(token[:-1] + ("A" if token[-1] != "A" else "B"), token)
    assert not same(token + "x", token)
    assert not same("é" * 22, token)


def test_the_keys_file_is_beside_the_session(tmp_path: Path) -> None:
    assert keys_beside(tmp_path / "atelier.toml") == tmp_path / ".atelier.toml.room"


def test_keys_are_created_readable_by_their_owner_only_and_kept(tmp_path: Path) -> None:
    path = keys_beside(tmp_path / "atelier.toml")
    keys = RoomKeys.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = RoomKeys.load_or_create(path)
    assert (again.secret, again.join, again.board) == (keys.secret, keys.join, keys.board)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_keys_others_could_read_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / ".s.toml.room"
    keys = RoomKeys.load_or_create(path)
    os.chmod(path, 0o644)
    replaced = RoomKeys.load_or_create(path)
    assert replaced.secret != keys.secret and replaced.join != keys.join
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_damaged_keys_file_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / ".s.toml.room"
    path.write_bytes(b'{"secret": "00", "join": "x", "board": "y"}')
    os.chmod(path, 0o600)
    with pytest.raises(UnusableKeys) as refused:
        RoomKeys.load_or_create(path)
    assert (refused.value.path, refused.value.reason) == (path, "room.keys_damaged")
    assert path.read_bytes() == b'{"secret": "00", "join": "x", "board": "y"}'


def test_what_okrtui_did_not_write_is_left_as_it_is(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    link = tmp_path / ".s.toml.room"
    link.symlink_to(other)
    pipe = tmp_path / ".t.toml.room"
    os.mkfifo(pipe)
    for path in (link, pipe):
        with pytest.raises(UnusableKeys) as refused:
            RoomKeys.load_or_create(path)  # never waits on the pipe
        assert refused.value.reason == "room.keys_not_ours"
    assert link.is_symlink() and other.read_text() == "mine"
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_regenerating_changes_both_links_keeps_the_secret_and_is_saved(tmp_path: Path) -> None:
    path = tmp_path / ".s.toml.room"
    keys = RoomKeys.load_or_create(path)
    old = (keys.join, keys.board, keys.secret)
    keys.regenerate()
    assert keys.join != old[0] and keys.board != old[1] and keys.secret == old[2]
    kept = RoomKeys.load_or_create(path)
    assert (kept.join, kept.board) == (keys.join, keys.board)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_signed_cookie_names_its_participant() -> None:
    keys = RoomKeys.fresh()
    assert keys.signed_participant(keys.sign("p3")) == "p3"


def test_a_tampered_cookie_names_no_one() -> None:
    keys = RoomKeys.fresh()
    cookie = keys.sign("p3")
    signature = cookie.split(".", 1)[1]
    assert keys.signed_participant(f"p4.{signature}") is None
    assert keys.signed_participant(cookie[:-1] + ("0" if cookie[-1] != "0" else "1")) is None
    assert keys.signed_participant("p3") is None
    assert keys.signed_participant("") is None
    assert RoomKeys.fresh().signed_participant(cookie) is None  # another secret
