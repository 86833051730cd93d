"""The coach's word lists, one data file per language (lexicons/*.toml)."""

import tomllib
import unicodedata
from dataclasses import dataclass, field, fields
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
    activity_verbs: tuple[str, ...] = ()
    task_nouns: tuple[str, ...] = ()
    causative: frozenset[str] = frozenset()
    verb_endings: tuple[str, ...] = ()
    contract_verbs: frozenset[str] = frozenset()
    objective_output_verbs: tuple[str, ...] = ()
    months: frozenset[str] = frozenset()
    before_year: frozenset[str] = frozenset()
    baseline_markers: tuple[str, ...] = ()
    baseline_after: tuple[str, ...] = ()
    coverage_words: frozenset[str] = frozenset()
    delay_markers: tuple[str, ...] = ()
    finite_forms: frozenset[str] = frozenset()
    adverb_ending: str = ""
    intensifiers: frozenset[str] = frozenset()
    value_words: frozenset[str] = frozenset()
    not_adverbs: frozenset[str] = frozenset()
    object_openers: frozenset[str] = frozenset()
    ordinal_suffixes: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()
    list_sizers: frozenset[str] = frozenset()
    age_units: frozenset[str] = frozenset()
    age_markers: frozenset[str] = frozenset()
    people_words: frozenset[str] = frozenset()
    adjective_endings: tuple[str, ...] = ()
    approval_verbs: frozenset[str] = frozenset()
    creation_verbs: tuple[str, ...] = ()
    indefinite: frozenset[str] = frozenset()
    before_noun: frozenset[str] = frozenset()
    comparatives: frozenset[str] = frozenset()
    grown_things: frozenset[str] = frozenset()
    mostly_verbs: frozenset[str] = frozenset()
    also_nouns: frozenset[str] = frozenset()
    irregular: dict[str, str] = field(default_factory=dict, hash=False)


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
    for entry in fields(Lexicon):
        if entry.name in ("language", "mostly_verbs", "also_nouns", "irregular"):
            continue
        if entry.type in (str, "str"):
            values[entry.name] = data.get(entry.name, "")
            continue
        words = [fold(word) for word in data.get(entry.name, [])]
        values[entry.name] = tuple(words) if "tuple" in str(entry.type) else frozenset(words)
    values.update(_verb_list(language))
    return Lexicon(language=language, **values)


def _verb_list(language: str) -> dict[str, Any]:
    """The generated verb list of a language (lexicons/<language>_verbs.txt), if it has one:
    verbs used mostly as verbs, verbs used mostly as nouns, irregular past forms."""
    path = LEXICONS / f"{language}_verbs.txt"
    if not path.exists():
        return {}
    mostly, nouns, irregular = [], [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        mark, _, rest = line.partition(" ")
        if mark == "v":
            mostly.append(rest)
        elif mark == "b":
            nouns.append(rest)
        elif mark == "f":
            form, _, lemma = rest.partition(" ")
            irregular[form] = lemma
    return {"mostly_verbs": frozenset(mostly), "also_nouns": frozenset(nouns),
            "irregular": irregular}
