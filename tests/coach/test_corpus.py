"""Every phrase of the labelled corpus gets exactly the rules it is labelled with."""

import pytest

from .corpus import Phrase, load

PHRASES = load()


def test_the_corpus_is_balanced() -> None:
    assert len(PHRASES) >= 120
    french = sum(p.lang == "fr" for p in PHRASES)
    assert abs(french - (len(PHRASES) - french)) <= len(PHRASES) // 10
    assert {p.kind for p in PHRASES} == {"objective", "kr"}


@pytest.mark.parametrize("phrase", PHRASES, ids=[f"{p.lang}-{p.text[:50]}" for p in PHRASES])
def test_phrase(phrase: Phrase) -> None:
    from okrtui.coach import coach

    assert frozenset(coach(phrase.kind, phrase.text, phrase.lang)) == phrase.rules  # type: ignore[arg-type]
