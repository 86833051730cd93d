"""Text helpers people meet directly: one-line fields, file-name slugs."""

from okrtui.text import clean_line, slugify


def test_clean_line_makes_one_trimmed_line() -> None:
    assert clean_line("  a\nb\tc\x1b[31m d \r\n") == "a b c d"


def test_slugify_keeps_accents_and_drops_the_rest() -> None:
    assert slugify("Atelier OKR — Équipe Produit !") == "atelier-okr-équipe-produit"
    assert slugify("***") == "session"
    assert slugify("a\x1b[31mb") == "ab"
    assert len(slugify("mot " * 40)) <= 60
    assert not slugify("mot " * 40).endswith("-")
