"""Numbers as a team types and reads them, in the session's language.

In French the comma is the decimal mark and a space (plain, U+00A0 or U+202F) groups
thousands: « 0,125 », « 2 000 ». In English the comma groups thousands: "2,000", "0.125".
A number typed the other language's way is still read when only one reading makes sense
("9.6" in French, "9,6" in English); when two could, the reading is said (`Reading.ambiguous`).
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

_SPACES = re.compile(r"[\s\u00a0\u202f_'’]")
_SHAPE = re.compile(r"([+-]?)([\d.,]*\d[\d.,]*)(?:[eE]([+-]?\d+))?")
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_INT64 = 2**63
DECIMAL_MARK = {"fr": ",", "en": "."}
_GROUP_MARK = {"fr": "\u202f", "en": ","}
_SCIENTIFIC_FROM, _SCIENTIFIC_BELOW = 1e15, 1e-4


@dataclass(frozen=True)
class Reading:
    """A number read from text; ambiguous when the text could also mean another number
    (« 1.200 » in French is read as 1,2 but could be meant as 1 200)."""

    value: int | float
    ambiguous: bool = False


def read_number(value: str, language: str) -> Reading | None:
    """The number typed in value, read by language's conventions; None for empty text.

    Raises ValueError for anything else that is not a finite number a session can store.
    """
    text = _SPACES.sub("", value).replace("\u2212", "-")
    if not text:
        return None
    shape = _SHAPE.fullmatch(text)
    if shape is None:
        raise ValueError(value)
    sign, digits, exponent = shape.groups()
    whole, fraction, ambiguous = _split(digits, DECIMAL_MARK.get(language, "."), value)
    if fraction is None and exponent is None:
        number = int(sign + whole)
        if not -_INT64 <= number < _INT64:  # a session stores 64-bit integers (TOML's)
            raise ValueError(value)
        return Reading(number, ambiguous)
    try:
        real = float(f"{sign}{whole}.{fraction or '0'}e{exponent or '0'}")
    except OverflowError:
        raise ValueError(value) from None
    if not math.isfinite(real):
        raise ValueError(value)
    return Reading(real, ambiguous)


def _split(digits: str, decimal: str, typed: str) -> tuple[str, str | None, bool]:
    """(whole digits, fraction digits or None, ambiguous) of digits and separators."""
    marks = [char for char in digits if char in ".,"]
    if not marks:
        return digits, None, False
    last = digits.rfind(marks[-1])
    if len(set(marks)) == 2:
        # "1.200,5", "1,200.5": the last mark is the decimal one, the other groups.
        if marks[-1] in digits[:last]:
            raise ValueError(typed)
        _require_groups(digits[:last], typed)
        return _digits_only(digits[:last]), digits[last + 1 :], False
    if len(marks) > 1:  # "1.200.000", "1,200,000": one mark, used to group.
        _require_groups(digits, typed)
        return _digits_only(digits), None, False
    whole, fraction = digits[:last] or "0", digits[last + 1 :]
    if not fraction:
        raise ValueError(typed)
    could_group = len(fraction) == 3 and not whole.startswith("0") and len(whole) <= 3
    if marks[0] == decimal:
        return whole, fraction, False
    if decimal == "." and could_group:  # English "2,000"
        return whole + fraction, None, False
    # The other language's decimal mark: "9.6" in French, "9,6" in English.
    return whole, fraction, could_group or decimal == "."


def _require_groups(digits: str, typed: str) -> None:
    if not _GROUPED.fullmatch(digits):
        raise ValueError(typed)


def _digits_only(text: str) -> str:
    return text.replace(".", "").replace(",", "")


def parse_number(value: str, language: str = "en") -> int | float | None:
    """The number typed in value (see read_number), without saying how it was read."""
    reading = read_number(value, language)
    return None if reading is None else reading.value


def format_number(value: int | float, language: str) -> str:
    """value as a person of language writes it: « 30,5 », « 2 000 », "2,000", "0.125".

    Whole numbers print without a decimal part; very large or very small ones in a
    readable scientific form (1e30, 2,5e-7). read_number reads every result back.
    """
    decimal, group = DECIMAL_MARK.get(language, "."), _GROUP_MARK.get(language, ",")
    if isinstance(value, float):
        if value != 0 and not _SCIENTIFIC_BELOW <= abs(value) < _SCIENTIFIC_FROM:
            return _scientific(value, decimal)
        if value.is_integer():
            value = int(value)
    if isinstance(value, int):
        return _grouped(str(abs(value)), group, "-" if value < 0 else "")
    text = repr(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    return _grouped(whole, group, sign) + decimal + fraction


def _scientific(value: float, decimal: str) -> str:
    """The shortest d.ddde±n that reads back as value: 1e30, 2,5e-7."""
    for digits in range(17):
        text = f"{value:.{digits}e}"
        if float(text) == value:
            break
    mantissa, _, exponent = text.partition("e")
    return f"{mantissa.replace('.', decimal)}e{int(exponent)}"


def _grouped(digits: str, group: str, sign: str) -> str:
    if len(digits) <= 3:
        return sign + digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sign + group.join(parts)


def with_percent(number: str, language: str) -> str:
    """A formatted number as a percentage: « 30,5 % » (U+202F) in French, "30.5%" in English."""
    return f"{number}\u202f%" if language == "fr" else f"{number}%"


def amount_text(value: int | float, unit: str | None, language: str,
                literal: Callable[[str], str] = str) -> str:
    """A value with its unit as a person of language writes it: « 10,5 minutes », « 62 % »,
    "62%". literal: how the unit is written (escaped for Markdown, on one line for a
    terminal)."""
    number = format_number(value, language)
    unit = (unit or "").strip()
    if unit == "%":
        return with_percent(number, language)
    return f"{number} {literal(unit)}" if unit else number


def percent_text(ratio: float, language: str) -> str:
    """A progress as a whole percentage, halves rounded up (0.125: « 13 % »), float noise
    aside (0.625 computed as 0.62499…: 63 %); past the target it goes on (« 112 % »)."""
    whole = math.floor(round(ratio * 100, 9) + 0.5)
    return with_percent(format_number(whole, language), language)


def grade_text(grade: float, language: str) -> str:
    """A grade with two decimals at most: « 0,75 », "1"."""
    return format_number(round(grade, 2), language)
