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


_DIGITS = re.compile(r"^[+-]?\d+$")


def parse_number(value: str) -> int | float | None:
    """A number as people type it: "12", "9,6", "9.6", "1 200", "1,200", "1.200,5".

    Empty text gives None; anything else that is not a number raises ValueError.
    """
    text = re.sub(r"[\s\u00a0\u202f_']", "", value)
    if not text:
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") == 1 and not re.search(r",\d{3}$", text):
        text = text.replace(",", ".")
    elif "," in text:
        if not re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
            raise ValueError(value)
        text = text.replace(",", "")
    if _DIGITS.match(text):
        whole = int(text)
        if not -(2**63) <= whole < 2**63:  # a session stores 64-bit integers (TOML's)
            raise ValueError(value)
        return whole
    number = float(text)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(value)
    return number
