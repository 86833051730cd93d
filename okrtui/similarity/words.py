"""The words of an OKR text, normalised the same way in French and in English.

A text is cut into words, numbers and a few symbols (% € $ £); each word is case-folded,
stripped of a French elision (l' d' qu' jusqu'), stemmed with the Snowball stemmer of its
language, then folded without accents, so that « Réduire l'attrition », "reduire
attrition" and « réduction des attritions » give the same stems. Each word also gets a
role from the word lists in words.toml: stop (ignored), light (the vocabulary every OKR
uses) or content.
"""

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import snowballstemmer

WORDS = Path(__file__).with_name("words.toml")
STEMMERS = {"fr": "french", "en": "english"}

Role = Literal["stop", "light", "content", "number", "symbol"]

_TOKEN = re.compile(
    r"(?P<number>\d+(?:[\u00a0\u202f ]\d{3})*(?:[.,]\d+)?(?![^\W_]))"
    r"|(?P<word>[^\W_]+)"
    r"|(?P<symbol>[%€$£])"
)
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """Case-folded and without accents: « Réduire » and "reduire" read the same."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("œ", "oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Word:
    """One token of a text: as written (case-folded), its stem, and its role."""

    text: str
    stem: str
    role: Role


@dataclass(frozen=True)
class WordLists:
    language: str
    stop: frozenset[str]
    light: frozenset[str]
    up: tuple[tuple[str, ...], ...]
    down: tuple[tuple[str, ...], ...]
    better: tuple[tuple[str, ...], ...]
    below: tuple[tuple[str, ...], ...]
    above: tuple[tuple[str, ...], ...]
    stems: Mapping[str, str]


@cache
def _data() -> dict[str, dict[str, Any]]:
    with WORDS.open("rb") as file:
        return tomllib.load(file)


@cache
def word_lists(language: str) -> WordLists:
    table = _data()[language]
    overrides = {key.casefold(): value for key, value in table.get("stems", {}).items()}

    def phrases(name: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(stem_of(language, word, overrides) for word in _split(phrase, language))
                     for phrase in table.get(name, []))

    def stems(name: str) -> frozenset[str]:
        return frozenset(stem_of(language, word, overrides) for word in table.get(name, []))

    up, down, better = phrases("up"), phrases("down"), phrases("better")
    change = frozenset(phrase[0] for phrase in (*up, *down, *better) if len(phrase) == 1)
    return WordLists(
        language=language,
        stop=frozenset(word.casefold() for word in table["stop"]),
        light=stems("light") | change,
        up=up,
        down=down,
        better=better,
        below=phrases("below"),
        above=phrases("above"),
        stems=overrides,
    )


def _split(text: str, language: str) -> list[str]:
    """The words of a phrase, as the tokeniser cuts them."""
    return [word.text for word in _raw_words(text, language)]


def _raw_words(text: str, language: str = "") -> list[Word]:
    text = text.translate(_APOSTROPHES).casefold()
    if language == "fr":
        text = _ELISION.sub(" ", text)
    words = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group(kind or "word")
        if kind == "number":
            words.append(Word(_number_text(value), _number_text(value), "number"))
        elif kind == "symbol":
            words.append(Word(value, value, "symbol"))
        else:
            words.append(Word(value, "", "content"))
    return words


def _number_text(value: str) -> str:
    """"1 200" → "1200", "9,6" → "9.6": the same number written two ways is one token."""
    return re.sub(r"[\u00a0\u202f ]", "", value).replace(",", ".")


def stem_of(language: str, word: str, overrides: Mapping[str, str] | None = None) -> str:
    word = word.casefold()
    if overrides and word in overrides:
        return overrides[word]
    return _stem(language, word)


@lru_cache(maxsize=20000)
def _stem(language: str, word: str) -> str:
    return fold(_stemmer(language).stemWord(word))


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(STEMMERS[language])


def words(text: str, language: str) -> tuple[Word, ...]:
    """Every token of the text, with its stem and its role, in order."""
    lists = word_lists(language)
    result = []
    for raw in _raw_words(text, language):
        if raw.role != "content":
            result.append(raw)
            continue
        stem = stem_of(language, raw.text, lists.stems)
        if raw.text in lists.stop or (len(raw.text) == 1 and raw.text.isalpha()):
            role: Role = "stop"
        elif stem in lists.light:
            role = "light"
        else:
            role = "content"
        result.append(Word(raw.text, stem, role))
    return tuple(result)
