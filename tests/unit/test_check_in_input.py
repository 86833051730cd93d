"""A check-in typed by a person, read the same way by `okrtui checkin` and the app's form."""

from datetime import date

import pytest

from okrtui.check_in_input import Unreadable, read_confidence, read_day, read_value

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("typed", "language", "value"), [
    ("9,6", "fr", 9.6), ("2\u202f000", "fr", 2000), ("2,000", "en", 2000), ("9.6", "en", 9.6),
    ("-3,5", "fr", -3.5), ("64", "fr", 64)])
def test_a_value_is_read_in_the_session_language(typed: str, language: str,
                                                 value: float) -> None:
    assert read_value(typed, language) == value


@pytest.mark.parametrize(("typed", "reason"), [
    ("1.200", "two_readings"), ("abc", "bad_value"), ("", "value_required"),
    ("  ", "value_required")])
def test_a_value_that_reads_two_ways_or_none_is_refused(typed: str, reason: str) -> None:
    with pytest.raises(Unreadable) as caught:
        read_value(typed, "fr")
    assert caught.value.reason == reason


@pytest.mark.parametrize("typed", ["11", "-1", "²", "①", "٣", "7.5", "sept"])
def test_a_confidence_is_a_whole_number_from_0_to_10(typed: str) -> None:
    with pytest.raises(Unreadable) as caught:
        read_confidence(typed)
    assert caught.value.reason == "bad_confidence"


def test_a_blank_confidence_is_not_told() -> None:
    assert read_confidence(" ") is None
    assert read_confidence("10") == 10 and read_confidence("0") == 0


@pytest.mark.parametrize(("typed", "reason"), [
    ("2062-11-15", "future_date"), ("2026-12-03", "future_date"), ("20261115", "bad_date"),
    ("2026-W47-1", "bad_date"), ("2026-02-30", "bad_date"), ("hier", "bad_date")])
def test_a_day_is_yyyy_mm_dd_and_not_after_today(typed: str, reason: str) -> None:
    with pytest.raises(Unreadable) as caught:
        read_day(typed, TODAY)
    assert caught.value.reason == reason


def test_a_blank_day_is_today() -> None:
    assert read_day("", TODAY) == TODAY
    assert read_day(" 2026-11-22 ", TODAY) == date(2026, 11, 22)
