"""Why a file could not be used, as the system, tomllib or pydantic said it, told in the
catalog's words: a FileProblem keeps the reason and tells it in the reader's language.
Light (no pydantic): the CLI imports it at start."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from typing import Protocol

from okrtui.i18n import Catalog


class Reason(Protocol):
    def told(self, tr: Catalog) -> str: ...


@dataclass(frozen=True)
class SystemReason:
    """An OSError, by its errno: « Permission non accordée », not strerror's English."""

    code: int | None
    text: str = ""

    def told(self, tr: Catalog) -> str:
        name = errno.errorcode.get(self.code) if self.code is not None else None
        if name is not None and f"os_error.{name}" in tr:
            return tr(f"os_error.{name}")
        return tr("os_error.unknown", code=name or "?", english=self.text or name or "?")


def system_reason(error: OSError) -> SystemReason:
    return SystemReason(error.errno, error.strerror or "")


_TOML_WHERE = re.compile(
    r"(?P<what>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)",
    re.DOTALL)
_TOML_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key) for pattern, key in (
        (r"Invalid statement", "invalid_statement"),
        (r"Expected newline or end of document after a statement", "expected_newline"),
        (r"Expected ']' at the end of a table declaration", "unclosed_table"),
        (r"Expected ']]' at the end of an array declaration", "unclosed_array_table"),
        (r"Expected '=' after a key in a key/value pair", "expected_equals"),
        (r"Expected (?P<char>'.+')", "expected"),
        (r"Found invalid character (?P<char>.+)", "invalid_character"),
        (r"Illegal character (?P<char>.+)", "invalid_character"),
        (r"Cannot declare (?P<key>.+) twice", "declared_twice"),
        (r"Duplicate inline table key (?P<key>.+)", "declared_twice"),
        (r"Cannot overwrite a value", "overwrite"),
        (r"Cannot (?:mutate immutable|redefine) namespace (?P<key>.+)", "redefined"),
        (r"Invalid initial character for a key part", "invalid_key"),
        (r"Unclosed array", "unclosed_array"),
        (r"Unclosed inline table", "unclosed_inline_table"),
        (r"Unescaped '\\' in a string", "unescaped_backslash"),
        (r"Invalid hex value|Escaped character is not a Unicode scalar value", "bad_escape"),
        (r"Unterminated string", "unterminated_string"),
        (r"Invalid date or datetime", "invalid_date"),
        (r"Invalid value", "invalid_value"),
    )
)


@dataclass(frozen=True)
class TomlReason:
    """What tomllib found wrong, and where; or a limit it met (too_deep, too_many_digits)."""

    message: str = ""
    limit: str | None = None

    def told(self, tr: Catalog) -> str:
        if self.limit is not None:
            return tr(f"toml.{self.limit}")
        where = _TOML_WHERE.fullmatch(self.message)
        what = where.group("what") if where else self.message
        told = tr("toml.unknown", english=what)
        for pattern, key in _TOML_PROBLEMS:
            match = pattern.fullmatch(what)
            if match is not None:
                told = tr(f"toml.{key}", **match.groupdict())
                break
        if where is None:
            return told
        if where.group("line") is None:
            return tr("toml.at_end", problem=told)
        return tr("toml.at", problem=told, line=where.group("line"),
                  column=where.group("column"))


@dataclass(frozen=True)
class Worded:
    """A reason under a catalog key; detail is the library's English, which the English
    catalog may show and the French one does not."""

    key: str
    english: str = ""

    def told(self, tr: Catalog) -> str:
        return tr(self.key, english=self.english)


@dataclass(frozen=True)
class FieldProblem:
    """One field pydantic refused: where (path, and the id of the item it is in), its error
    type, the values its message names, and pydantic's own (English) message."""

    path: str
    item_id: str | None
    kind: str
    values: tuple[tuple[str, str], ...]
    english: str

    def told(self, tr: Catalog) -> str:
        where = tr("field.in_id", path=self.path, id=repr(self.item_id)) if self.item_id \
            else self.path
        key = f"field.{self.kind}"
        params = dict(self.values)
        if key in tr:
            said = tr(key, **params)
        else:
            said = tr("field.unknown", kind=self.kind, english=self.english)
        return f"{where}{tr('export.colon')} {said}"


@dataclass(frozen=True)
class FieldProblems:
    """The fields of a session pydantic refused: the first few, and how many more."""

    shown: tuple[FieldProblem, ...]
    more: int = 0

    def told(self, tr: Catalog) -> str:
        lines = [problem.told(tr) for problem in self.shown]
        if self.more:
            lines.append(tr("field.more", count=self.more))
        return "".join(f"\n  {line}" for line in lines)
