"""Cleaning text at the model boundary: what a person typed or a file holds becomes plain data."""

import re

# C0 controls except tab (\x09) and newline (\x0a), DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# An escape sequence (CSI, OSC, DCS, nF, two-character) is removed whole, not just its ESC.
# An unterminated string sequence stops at the end of the line.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC ... ST
    r"|\x1b[!-/]+[0-~]"  # nF sequences such as ESC ( B
    r"|\x1b[0-~]"  # two-character sequences: ESC 7, ESC c, ESC M…
)


def clean_text(value: str) -> str:
    """Remove escape sequences and control characters, keeping newline and tab.

    A carriage return before a newline is dropped; a lone one becomes a newline.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ESCAPE_SEQUENCE.sub("", value)
    return _CONTROL.sub("", value)


def clean_line(value: str) -> str:
    """Like clean_text, for one-line fields: newlines and tabs become spaces, ends trimmed."""
    return " ".join(clean_text(value).replace("\t", " ").split("\n")).strip()


def slugify(title: str, fallback: str = "session") -> str:
    """A file-name-safe slug of a title: letters (accents kept), digits and dashes."""
    words = re.findall(r"\w+", clean_line(title).lower())
    return "-".join(words)[:60].strip("-") or fallback


# Control characters (C0 but newline and tab, DEL, C1) and lone surrogates: what a terminal
# must never receive raw. Surrogates come from names that are not UTF-8 (os.fsdecode).
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSHOWABLE_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """text as it may be printed or shown: every control character but newline and tab
    written out (ESC as \\x1b, U+009B as \\x9b), and a byte of a name that is not UTF-8 as
    \\xe9, so that nothing reaches the terminal as a command and printing never fails.
    Nothing is removed: the person sees what is there."""
    return _UNSHOWABLE.sub(_shown, text)


def show_path(path: object) -> str:
    """A path (or any one-line text: a host name, an id) for a terminal: like for_terminal,
    with newline and tab written out too, so that a name cannot start a line of its own."""
    return _UNSHOWABLE_IN_LINE.sub(_shown, str(path))
