"""The forms of the quarter after the workshop: a key result's check-in (value, confidence,
note, date) and its grade. Numbers are read in the session's language (« 0,7 »)."""

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Label

from okrtui.check_in_input import Unreadable, read_confidence, read_day, read_value
from okrtui.models import CheckIn, KeyResult
from okrtui.numbers import format_number, read_number
from okrtui.progress import latest
from okrtui.text import clean_line

from ..dialogs import field
from ..localized import glimpse, prose
from .base import FormScreen


class CheckInForm(FormScreen[CheckIn]):
    """Where a key result stands today: its value, the team's confidence (prefilled with the
    last one), a note, the date (today unless changed). Gives back the check-in."""

    def __init__(self, heading: str, kr: KeyResult, today: date) -> None:
        super().__init__()
        self.heading = heading
        self.kr = kr
        self.today = today

    def form_fields(self) -> ComposeResult:
        tr = self.tr
        last = latest(self.kr)
        yield Label(prose(glimpse(self.kr.text, 200)), classes="note")
        with Grid(classes="numbers"):
            yield Label(prose(tr("progress.value")))
            yield Label(prose(tr("progress.confidence_field")))
            yield Label(prose(tr("progress.date")))
            yield field("", placeholder=self._value_hint(last), id="value")
            yield field("" if last is None or last.confidence is None else str(last.confidence),
                        placeholder=tr("progress.confidence_placeholder"), id="confidence")
            yield field(self.today.isoformat(), placeholder=tr("progress.date_placeholder"),
                        id="date")
        yield Label(prose(tr("progress.note")))
        yield field("", placeholder=tr("progress.note_placeholder"), id="note")

    def _value_hint(self, last: CheckIn | None) -> str:
        """The placeholder: the last value checked in, else the baseline, else a unit."""
        before = last.value if last is not None else self.kr.baseline
        if before is None:
            return self.kr.unit or ""
        shown = format_number(before, self.session_language)
        return f"{shown} {self.kr.unit}" if self.kr.unit else shown

    def submit(self) -> None:
        """Read as `okrtui checkin` reads them; the first field that is wrong says why."""
        field_id = "value"
        try:
            value = read_value(self.value("value"), self.session_language)
            field_id = "confidence"
            confidence = read_confidence(self.value("confidence"))
            field_id = "date"
            day = read_day(self.value("date"), self.today)
        except Unreadable as error:
            self.fail(self.tr(f"progress.{error.reason}", **error.values), field_id)
            return
        self.dismiss(CheckIn(date=day, value=value, confidence=confidence,
                             note=clean_line(self.value("note")) or None))


@dataclass(frozen=True)
class GradeDraft:
    """The grade typed: 0.0 to 1.0, or None to take the grade away."""

    grade: float | None


class GradeForm(FormScreen[GradeDraft]):
    """A key result's grade, 0.0 to 1.0, prefilled with the one suggested."""

    def __init__(self, heading: str, kr: KeyResult, suggested: float | None) -> None:
        super().__init__()
        self.heading = heading
        self.kr = kr
        self.suggested = suggested

    def form_fields(self) -> ComposeResult:
        tr = self.tr
        yield Label(prose(glimpse(self.kr.text, 200)), classes="note")
        yield Label(prose(tr("progress.grade_field")))
        shown = "" if self.suggested is None else format_number(round(self.suggested, 2),
                                                                 self.session_language)
        yield field(shown, placeholder=tr("progress.grade_placeholder"), id="grade")
        yield Label(prose(tr("progress.grade_explained")), classes="note")

    def submit(self) -> None:
        typed = self.value("grade")
        try:
            reading = read_number(typed, self.session_language)
        except ValueError:
            reading = None
            valid = False
        else:
            valid = reading is None or 0 <= reading.value <= 1
        if not valid:
            self.fail(self.tr("progress.bad_grade", value=typed.strip()), "grade")
            return
        self.dismiss(GradeDraft(None if reading is None else float(reading.value)))
