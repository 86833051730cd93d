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
