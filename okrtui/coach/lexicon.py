"""The coach's word lists, one data file per language (lexicons/*.toml)."""

import tomllib
import unicodedata
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

LEXICONS = Path(__file__).with_name("lexicons")


@dataclass(frozen=True)
class Lexicon:
    language: str
    verbs: frozenset[str]
    weak_verbs: frozenset[str]
    run_verbs: frozenset[str]
    ambiguous_run_verbs: frozenset[str]
    level_markers: frozenset[str]
    run_openings: tuple[str, ...]
    task_verbs: frozenset[str]
    outcome_words: frozenset[str]
    output_words: frozenset[str]
    task_participles: frozenset[str]
    run_forms: frozenset[str]
    generic_words: frozenset[str]
    stop_words: frozenset[str]
    reflexive: frozenset[str]
    negation: frozenset[str]
    number_words: frozenset[str]
    number_phrases: tuple[str, ...]
    baseline_from: frozenset[str]
    baseline_to: frozenset[str]
    not_verbs: frozenset[str] = frozenset()
    noun_openings: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Lower case without accents: « Réduire » and a hurried « reduire » read the same."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.lower().replace("œ", "oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def lexicon(language: str) -> Lexicon:
    with (LEXICONS / f"{language}.toml").open("rb") as file:
        data = tomllib.load(file)
    values: dict[str, Any] = {}  # each field's own type, read from the dataclass below
    for field in fields(Lexicon):
        if field.name == "language":
            continue
        words = [fold(word) for word in data.get(field.name, [])]
        values[field.name] = tuple(words) if "tuple" in str(field.type) else frozenset(words)
    return Lexicon(language=language, **values)
