"""Text helpers people meet directly: numbers as typed, one-line fields, file-name slugs."""

import pytest

from okrtui.text import clean_line, parse_number, slugify


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("12", 12),
        ("-3", -3),
        ("+7", 7),
        ("9.6", 9.6),
        ("9,6", 9.6),
        ("0,5", 0.5),
        ("1 200", 1200),
        ("1\u202f200,50", 1200.5),
        ("1\u00a0200", 1200),
        ("1,200", 1200),
        ("1,200.5", 1200.5),
        ("1.200,5", 1200.5),
        ("1e3", 1000.0),
        ("", None),
        ("   ", None),
    ],
)
def test_numbers_as_people_type_them(typed: str, number: float | None) -> None:
    result = parse_number(typed)
    assert result == number
    assert type(result) is type(number)


@pytest.mark.parametrize("typed", ["abc", "nan", "inf", "-inf", "1e999", "12 %", "1,2,3"])
def test_what_is_not_a_number_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_number(typed)


def test_clean_line_makes_one_trimmed_line() -> None:
    assert clean_line("  a\nb\tc\x1b[31m d \r\n") == "a b c d"


def test_slugify_keeps_accents_and_drops_the_rest() -> None:
    assert slugify("Atelier OKR — Équipe Produit !") == "atelier-okr-équipe-produit"
    assert slugify("***") == "session"
    assert slugify("a\x1b[31mb") == "ab"
    assert len(slugify("mot " * 40)) <= 60
    assert not slugify("mot " * 40).endswith("-")
