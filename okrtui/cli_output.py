"""How the command line speaks: its exit codes, and every line it prints (safe for a
terminal, quiet when the reader went away)."""

from __future__ import annotations

import json
import os
import re
import sys
from typing import TYPE_CHECKING

from okrtui.i18n import Catalog, catalog
from okrtui.text import for_terminal

if TYPE_CHECKING:
    from okrtui.models import Session
    from okrtui.problems import FileProblem

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl+C


def say(text: str = "", *, error: bool = False, end: str = "\n") -> None:
    """The one way the command line prints: text shown for a terminal (for_terminal: no
    escape sequence or control character is sent raw, a name that is not UTF-8 prints)."""
    emit(for_terminal(text) + end, sys.stderr if error else sys.stdout)


def say_problem(error: FileProblem, tr: Catalog) -> None:
    """« okrtui : FILE : what is wrong » on stderr, in tr's words and punctuation."""
    say(f"okrtui{tr('export.colon')} {error.message(tr)}", error=True)


def emit(text: str, stream: object) -> None:
    """Write text (already safe) and flush. A reader that went away (`okrtui check F | head
    -1`) is not an error: the stream is pointed at /dev/null and the command goes on to the
    exit code that says what it found."""
    try:
        try:
            stream.write(text)  # type: ignore[attr-defined]
        except UnicodeEncodeError:  # a terminal that is not UTF-8 (PYTHONIOENCODING=ascii)
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(text.encode(encoding, "backslashreplace").decode(encoding))  # type: ignore[attr-defined]
        stream.flush()  # type: ignore[attr-defined]
    except BrokenPipeError:
        silence(stream)


def silence(stream: object) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def as_json(value: object) -> str:
    """JSON with its text readable (accents kept) and terminal-safe: json.dumps escapes the
    C0 controls; DEL, C1 controls and lone surrogates are escaped here the same way."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def session_catalog(session: Session, lang: str | None) -> Catalog:
    return catalog(lang or session.language)
