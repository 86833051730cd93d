"""Numbers as a team types and reads them: a French session's comma is its decimal mark."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrtui.numbers import format_number, parse_number, read_number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0,125", 0.125),  # was read as 125: the bug that changed data
        ("30,5", 30.5),
        ("1,200", 1.2),
        ("2 000", 2000),
        ("2\u202f000", 2000),
        ("2\u00a0000,75", 2000.75),
        ("1.200.000", 1200000),
        ("1.200,5", 1200.5),
        ("9.6", 9.6),
        ("−3,5", -3.5),
        ("1,5e3", 1500.0),
    ],
)
def test_french_reads_the_comma_as_the_decimal_mark(typed: str, number: float) -> None:
    result = parse_number(typed, "fr")
    assert result == number
    assert type(result) is type(number)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("12", 12),
        ("-3", -3),
        ("+7", 7),
        ("9.6", 9.6),
        ("0.125", 0.125),
        ("1,200", 1200),
        ("1,200,000", 1200000),
        ("1,200.5", 1200.5),
        ("1 200", 1200),
        ("1e3", 1000.0),
        ("9,6", 9.6),
        ("", None),
        ("   ", None),
    ],
)
def test_english_reads_the_comma_as_grouping_thousands(typed: str, number: float | None) -> None:
    result = parse_number(typed, "en")
    assert result == number
    assert type(result) is type(number)


@pytest.mark.parametrize(
    ("typed", "language", "ambiguous"),
    [
        ("1.200", "fr", True),  # 1,2, or 1 200 written the German way
        ("0.125", "fr", False),  # a leading zero groups nothing
        ("9.6", "fr", False),
        ("1,200", "fr", False),
        ("9,6", "en", True),  # not a group of three: read as 9.6, said so
        ("0,125", "en", True),
        ("1,200", "en", False),
        ("1.200", "en", False),
    ],
)
def test_a_number_that_could_be_read_two_ways_says_so(
    typed: str, language: str, ambiguous: bool
) -> None:
    reading = read_number(typed, language)
    assert reading is not None
    assert reading.ambiguous is ambiguous


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    "typed", ["abc", "nan", "inf", "-inf", "1e999", "12 %", "1,2,3", "1.2.3", "5,", "1,2.3,4",
              "1.200,500,5", "9 223 372 036 854 775 808"]
)
def test_what_is_not_a_number_is_refused(typed: str, language: str) -> None:
    with pytest.raises(ValueError):
        parse_number(typed, language)


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        (30.5, "30,5", "30.5"),
        (2000, "2\u202f000", "2,000"),
        (2000.0, "2\u202f000", "2,000"),
        (60, "60", "60"),
        (-1500, "-1\u202f500", "-1,500"),
        (0.125, "0,125", "0.125"),
        (1234567.25, "1\u202f234\u202f567,25", "1,234,567.25"),
        (1e30, "1e30", "1e30"),
        (2.5e-7, "2,5e-7", "2.5e-7"),
    ],
)
def test_numbers_print_as_each_language_writes_them(
    value: float, french: str, english: str
) -> None:
    assert format_number(value, "fr") == french
    assert format_number(value, "en") == english


_STORABLE = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
)


@pytest.mark.parametrize("language", ["fr", "en"])
@given(value=_STORABLE)
def test_a_printed_number_reads_back_as_itself(language: str, value: float) -> None:
    assert parse_number(format_number(value, language), language) == value


@pytest.mark.parametrize("language", ["fr", "en"])
@given(typed=st.text(alphabet="0123456789.,  \u202f-+e", max_size=16))
def test_any_typed_text_is_a_number_or_refused(language: str, typed: str) -> None:
    try:
        number = parse_number(typed, language)
    except ValueError:
        return
    assert number is None or math.isfinite(number)


@given(whole=st.integers(min_value=0, max_value=10**9), fraction=st.integers(0, 999))
def test_a_french_decimal_is_never_read_as_thousands(whole: int, fraction: int) -> None:
    typed = f"{whole},{fraction:03d}"
    assert parse_number(typed, "fr") == pytest.approx(whole + fraction / 1000)


def test_a_progress_is_one_percentage_everywhere() -> None:
    """The view, status, the exports and the report said 13 % and 12 % for one key result
    (halves rounded up in one, to even in the others)."""
    from okrtui.numbers import grade_text, percent_text

    assert percent_text(0.125, "fr") == "13\u202f%"
    assert percent_text((10.5 - 12) / (9.6 - 12), "en") == "63%"  # 0.62499… from floats
    assert percent_text(1.12, "fr") == "112\u202f%" and percent_text(-0.2, "en") == "-20%"
    assert grade_text(0.754, "fr") == "0,75" and grade_text(1.0, "en") == "1"
