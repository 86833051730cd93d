"""What a person types for a check-in (its value, confidence and date), read the same way by
`okrtui checkin` and by the app's form: a value that reads two ways, a confidence that is not
a whole number from 0 to 10, or a date that is not YYYY-MM-DD or comes after today, is
refused with its reason."""

import re
from datetime import date

from okrtui.numbers import format_number, read_number

_SPACES = re.compile(r"[\s\u00a0\u202f_'’]")
_TWO_READINGS = re.compile(r"[+\-\u2212]?[1-9]\d{0,2}[.,]\d{3}")
_CONFIDENCE = re.compile(r"[0-9]{1,2}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Unreadable(ValueError):
    """reason: value_required, bad_value, two_readings, bad_confidence, bad_date or
    future_date; values: what the message names."""

    def __init__(self, reason: str, **values: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


def read_value(typed: str, language: str) -> int | float:
    """The value typed, read in language (« 9,6 », « 2 000 », "2,000"); a value that could
    be read as two numbers ("1.200": 1,2 or 1 200?) is refused, never guessed."""
    try:
        reading = read_number(typed, language)
    except ValueError:
        raise Unreadable("bad_value", value=typed.strip()) from None
    if reading is None:
        raise Unreadable("value_required")
    if reading.ambiguous and _TWO_READINGS.fullmatch(_SPACES.sub("", typed)):
        grouped = int(re.sub(r"\D", "", typed))
        raise Unreadable("two_readings", value=typed.strip(),
                         one=format_number(reading.value, language),
                         other=format_number(grouped, language))
    return reading.value


def read_confidence(typed: str) -> int | None:
    """A whole number from 0 to 10 (None: left blank)."""
    text = typed.strip()
    if not text:
        return None
    if not _CONFIDENCE.fullmatch(text) or int(text) > 10:
        raise Unreadable("bad_confidence", value=text)
    return int(text)


def read_day(typed: str, today: date) -> date:
    """YYYY-MM-DD, today at the latest (a later day would stay the latest check-in for
    ever); today when left blank."""
    text = typed.strip()
    if not text:
        return today
    try:
        if not _DAY.fullmatch(text):
            raise ValueError(text)
        day = date.fromisoformat(text)
    except ValueError:
        raise Unreadable("bad_date", value=text, today=today.isoformat()) from None
    if day > today:
        raise Unreadable("future_date", value=text, today=today.isoformat())
    return day
