"""Reading and writing session files: TOML in, validated models out, and back byte-stable
(okrtui.writing puts the bytes on disk)."""

import hashlib
import json
import math
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from okrtui.migrations import migrate
from okrtui.models import SCHEMA_VERSION, Session
from okrtui.paths import read_at_most
from okrtui.problems import SaveError, SessionFileError
from okrtui.reasons import FieldProblem, FieldProblems, TomlReason, system_reason
from okrtui.writing import atomic_write, special_key

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_SCHEMA_VERSION = 2**31 - 1
"""A schema_version beyond this is no version okrtui could ever write: invalid, not newer."""


def load_session(path: Path | str) -> Session:
    path = Path(path)
    return parse_session(read_user_file(path, MAX_FILE_BYTES, SessionFileError), path)


def read_user_file(path: Path, limit: int, problem: type[SessionFileError]) -> bytes:
    """The bytes of a file the user named, or problem (a SessionFileError class) saying
    why not: missing, a folder, not a regular file, over limit bytes, not readable.

    Only a regular file is read: a named pipe would wait for a writer for ever and a device
    such as /dev/zero never ends (its size says 0). The file is opened without waiting
    (O_NONBLOCK) and checked once open, and at most limit + 1 bytes are read."""
    path = Path(path)
    try:
        _refuse_special(path, os.stat(path).st_mode, problem)
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise problem(path, "file.not_found") from None
    except PermissionError:
        raise problem(path, "file.permission") from None
    except OSError as error:
        raise problem(path, "file.unreadable", reason=system_reason(error)) from None
    try:
        status = os.fstat(handle)
        _refuse_special(path, status.st_mode, problem)  # replaced between stat and open
        if status.st_size > limit:
            raise _too_big(path, status.st_size, limit, problem)
        data = read_at_most(handle, limit + 1)
    except OSError as error:
        raise problem(path, "file.unreadable", reason=system_reason(error)) from None
    finally:
        os.close(handle)
    if len(data) > limit:  # it grew while being read
        raise _too_big(path, len(data), limit, problem)
    return data


def _refuse_special(path: Path, mode: int, problem: type[SessionFileError]) -> None:
    if stat.S_ISDIR(mode):
        raise problem(path, "file.is_folder")
    if not stat.S_ISREG(mode):
        raise problem(path, special_key("file", mode))


def _too_big(path: Path, size: int, limit: int,
             problem: type[SessionFileError]) -> SessionFileError:
    return problem(path, "file.too_big", size=_megabytes(size), limit=_megabytes(limit))


def decode_utf8(data: bytes, path: Path | str, problem: type[SessionFileError]) -> str:
    """data as text (a byte-order mark tolerated), or problem naming the line at fault."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise problem(path, "file.not_utf8", line=line, byte=error.start) from None


def _megabytes(size: int) -> str:
    """Size in MB with one decimal, rounded up: a file just over the limit says so."""
    return f"{math.ceil(size * 10 / (1024 * 1024)) / 10:.1f}"


def parse_session(data: bytes, path: Path | str = "<session>") -> Session:
    text = decode_utf8(data, path, SessionFileError)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SessionFileError(path, "file.not_toml", detail=TomlReason(str(error))) from None
    except RecursionError:
        # tomllib recurses into arrays and inline tables: a few thousand deep exhaust the stack.
        raise SessionFileError(path, "file.not_toml", detail=TomlReason(limit="too_deep")) from None
    except ValueError:
        # int() refuses more than 4,300 digits (sys.get_int_max_str_digits) inside tomllib.
        raise SessionFileError(
            path, "file.not_toml", detail=TomlReason(limit="too_many_digits")
        ) from None
    version = table.get("schema_version")
    if version is None:
        raise SessionFileError(path, "file.no_version")
    if (not isinstance(version, int) or isinstance(version, bool)
            or not 1 <= version <= MAX_SCHEMA_VERSION):
        raise SessionFileError(path, "file.bad_version", value=repr(version),
                               supported=SCHEMA_VERSION)
    if version > SCHEMA_VERSION:
        raise SessionFileError(
            path, "file.newer_version", version=version, supported=SCHEMA_VERSION
        )
    table = migrate(table, SCHEMA_VERSION)
    try:
        return Session.model_validate(table)
    except ValidationError as error:
        raise SessionFileError(
            path, "file.invalid", details=describe_validation_error(error, table)
        ) from None


def describe_validation_error(error: ValidationError, table: dict[str, Any]) -> FieldProblems:
    """The first problems, each naming the field as a path and the id of the item it is in,
    by pydantic's error type (told in the catalog's words) and the values its message names."""
    problems = error.errors(include_url=False)
    return FieldProblems(tuple(_field_problem(problem, table) for problem in problems[:5]),
                         more=max(0, len(problems) - 5))


def _field_problem(problem: Any, table: dict[str, Any]) -> FieldProblem:
    path, item_id = _field_path(problem["loc"], table)
    values = {name: str(value) for name, value in problem.get("ctx", {}).items()
              if name != "error"}
    if "expected" in values:  # a literal_error's "'fr' or 'en'": the "or" is English
        values["expected"] = values["expected"].replace(" or ", ", ")
    english = str(problem["msg"]).removeprefix("Value error, ")
    return FieldProblem(path, item_id, problem["type"], tuple(values.items()), english)


def _field_path(loc: tuple[Any, ...], table: dict[str, Any]) -> tuple[str, str | None]:
    path = ""
    node: Any = table
    item_id = None
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            path += f".{part}" if path else part
        elif isinstance(part, str) and isinstance(node, dict) and part in node:
            quoted = json.dumps(part, ensure_ascii=False)  # a key as TOML writes it: "[/]"
            path += f".{quoted}" if path else quoted
        else:
            continue  # not a key but pydantic's name for a type (function-after[…], int…)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            item_id = node["id"]
    return path or "session", item_id


def session_table(session: Session) -> dict[str, Any]:
    """The session as the TOML table that is written: defaults left out, keys in model order.
    A copy made of new dicts and lists (its strings, numbers and dates cannot change): a
    thread may write it while the session is edited."""
    table = session.model_dump(mode="python", exclude_defaults=True)
    return {"schema_version": SCHEMA_VERSION, **table}


def dumps_session(session: Session) -> str:
    """The file text (see dumps_table)."""
    return dumps_table(session_table(session))


def dumps_table(table: dict[str, Any]) -> str:
    """The file text of a session_table. Every list of items is written as [[tables]],
    whatever their length, so that adding one item never reformats its neighbours in a diff."""
    chunks: list[str] = []
    _write_table(table, "", chunks)
    return "\n".join(chunks)


def _write_table(table: dict[str, Any], prefix: str, chunks: list[str]) -> None:
    values = {key: value for key, value in table.items() if not _is_item_list(value)}
    if values:
        chunks.append(tomli_w.dumps(values, multiline_strings=True))
    for key, value in table.items():
        if _is_item_list(value):
            for item in value:
                chunks.append(f"[[{prefix}{key}]]")
                _write_table(item, f"{prefix}{key}.", chunks)


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def save_session(session: Session, path: Path | str) -> str:
    """Write session to path atomically (see atomic_write); return the stamp of the file
    written (what file_stamp gives for it). Raises SaveError."""
    return save_table(session_table(session), path)


def save_table(table: dict[str, Any], path: Path | str) -> str:
    """save_session of the session whose session_table this is: the same file, byte for
    byte. The UI takes the table at once and a thread writes it."""
    data = encode_table(table, path)
    atomic_write(Path(path), data)
    return _stamp(data)


def encode_session(session: Session, path: Path | str) -> bytes:
    """The bytes save_session would write to path (see encode_table)."""
    return encode_table(session_table(session), path)


def encode_table(table: dict[str, Any], path: Path | str) -> bytes:
    """The file's bytes, or SaveError if they are more than okrtui agrees to open
    (MAX_FILE_BYTES): a file that could not be read back is never written."""
    data = dumps_table(table).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise SaveError(path, "save.too_big", size=_megabytes(len(data)),
                        limit=_megabytes(MAX_FILE_BYTES))
    return data

def file_stamp(path: Path) -> str | None:
    """What the file on disk holds (a hash of its bytes), or None when there is no regular
    file: saving compares it with the stamp taken when the session was opened or last
    saved. A named pipe or a device is not read (it could wait or never end)."""
    try:
        return _stamp(read_user_file(Path(path), MAX_FILE_BYTES, SessionFileError))
    except SessionFileError as error:
        return f"too big: {error.params['size']}" if error.key == "file.too_big" else None


def _stamp(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
