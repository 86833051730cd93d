"""The room's keys: the tokens in its two links, and the secret that signs participants'
cookies, kept in a file of their own beside the session (mode 0600), so that a restarted
okrtui keeps its links and recognises returning participants.

A token is 128 random bits (secrets.token_urlsafe(16)); tokens and signatures are compared
in constant time (hmac.compare_digest). Making new tokens stops the old links.
"""

import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from okrtui.paths import absolute, read_regular

SUFFIX = ".room"
MAX_KEYS_BYTES = 4096
_TOKEN_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def new_token() -> str:
    return secrets.token_urlsafe(16)


def same(given: str, expected: str) -> bool:
    """given is expected, compared in constant time (a str that is not ASCII never is)."""
    return given.isascii() and hmac.compare_digest(given.encode(), expected.encode())


def keys_beside(session_path: Path) -> Path:
    """The room's keys file of a session file: `.NAME.room` beside it."""
    path = absolute(session_path)
    return path.with_name(f".{path.name}{SUFFIX}")


@dataclass
class RoomKeys:
    secret: bytes
    join: str
    """The token of the participants' link /j/TOKEN."""
    board: str
    """The token of the board's link /b/TOKEN."""
    path: Path | None = None

    @classmethod
    def fresh(cls, path: Path | None = None) -> "RoomKeys":
        return cls(secrets.token_bytes(32), new_token(), new_token(), path)

    @classmethod
    def load_or_create(cls, path: Path) -> "RoomKeys":
        """The keys kept in path; new ones written there (0600, atomically) when there are
        none, or others than their owner may read them. Raises UnusableKeys when path is
        not a keys file okrtui wrote (left as it is), OSError when the folder cannot be
        written."""
        kept = _read(path)
        if kept is not None:
            return kept
        keys = cls.fresh(path)
        if not _create(path, keys.encoded()):
            kept = _read(path)  # another okrtui made it at the same instant
            if kept is not None:
                return kept
            _write(path, keys.encoded())
        return keys

    def regenerate(self) -> None:
        """New tokens for both links (the old ones stop at once); the secret stays, so that
        participants keep who they are."""
        self.join, self.board = new_token(), new_token()
        if self.path is not None:
            _write(self.path, self.encoded())

    def encoded(self) -> bytes:
        return json.dumps({"secret": self.secret.hex(), "join": self.join,
                           "board": self.board}).encode()

    def sign(self, participant_id: str) -> str:
        """A cookie value naming participant_id, that only these keys could have made."""
        return f"{participant_id}.{self._signature(participant_id)}"

    def signed_participant(self, cookie: str | None) -> str | None:
        """The participant a cookie names, or None when it is missing or tampered with."""
        if not cookie or "." not in cookie:
            return None
        participant_id, signature = cookie.rsplit(".", 1)
        if not participant_id or not same(signature, self._signature(participant_id)):
            return None
        return participant_id

    def _signature(self, participant_id: str) -> str:
        return hmac.new(self.secret, participant_id.encode(), hashlib.sha256).hexdigest()


def _valid_token(value: object) -> bool:
    return isinstance(value, str) and len(value) >= 22 and set(value) <= _TOKEN_CHARACTERS


class UnusableKeys(Exception):
    """A keys file okrtui did not write, or cannot read: it is left as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason
        """A catalog key: room.keys_not_ours or room.keys_damaged."""


def _read(path: Path) -> RoomKeys | None:
    """The keys kept in path; None when there are none, or when others than their owner
    may read them (ours all the same: new keys replace them). Raises UnusableKeys for a
    file okrtui would not have written, OSError when the system refuses."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
        raise UnusableKeys(path, "room.keys_not_ours")
    if status.st_mode & 0o077:
        return None
    data = read_regular(path, MAX_KEYS_BYTES)
    try:
        fields = json.loads(data or b"")
        secret = bytes.fromhex(fields["secret"])
    except (ValueError, KeyError, TypeError):
        raise UnusableKeys(path, "room.keys_damaged") from None
    if (len(secret) != 32 or not _valid_token(fields.get("join"))
            or not _valid_token(fields.get("board"))):
        raise UnusableKeys(path, "room.keys_damaged")
    return RoomKeys(secret, fields["join"], fields["board"], path)


def _temporary(path: Path, data: bytes) -> str:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return name


def _create(path: Path, data: bytes) -> bool:
    """Write path only if it does not exist (False: it does), complete or not at all."""
    name = _temporary(path, data)
    try:
        os.link(name, path)
    except FileExistsError:
        return False
    finally:
        Path(name).unlink(missing_ok=True)
    return True


def _write(path: Path, data: bytes) -> None:
    name = _temporary(path, data)
    try:
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
