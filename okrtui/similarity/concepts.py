"""What an OKR is about: the metrics, users, channels and targets of concepts.toml, found
in a text by their stemmed terms, in French or English.

A concept is one thing said many ways (churn, attrition, « désabonnement »); two texts
that name the same concept share it, whatever words or language each one uses.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from okrtui.similarity.words import STEMMERS, Word, words

CONCEPTS = Path(__file__).with_name("concepts.toml")
KINDS = ("metric", "users", "channel", "target")
Kind = Literal["metric", "users", "channel", "target"]


@dataclass(frozen=True)
class Concept:
    id: str
    kind: Kind
    labels: Mapping[str, str]
    inverse: str | None = None
    better: Literal["up", "down"] | None = None
    parent: str | None = None

    @property
    def family(self) -> str:
        """A metric and its inverse (churn, retention) are one family: the same thing."""
        return min(self.id, self.inverse) if self.inverse else self.id

    def related(self, other: "Concept") -> bool:
        """The same thing, its inverse, or a part of it (or both parts of one thing)."""
        if self.family == other.family:
            return True
        return bool(self.parent or other.parent) and (
            self.parent in (other.id, other.parent) or other.parent == self.id
        )

    def label(self, language: str) -> str:
        return self.labels.get(language) or next(iter(self.labels.values()))


@dataclass(frozen=True)
class Mention:
    """A concept found in a text, with the words that name it there."""

    concept: Concept
    surface: str


Terms = Mapping[str, tuple[tuple[tuple[str, ...], Concept], ...]]
"""first stem → (stems of a term, its concept), longest term first."""


@cache
def _entries() -> tuple[dict[str, Any], ...]:
    with CONCEPTS.open("rb") as file:
        return tuple(tomllib.load(file)["concept"])


@cache
def concepts() -> Mapping[str, Concept]:
    """Every concept of the table, by id."""
    found = {}
    for entry in _entries():
        labels = {language: entry[language][0] for language in STEMMERS if entry.get(language)}
        if not labels:
            labels = {language: entry["any"][0] for language in STEMMERS}
        found[entry["id"]] = Concept(entry["id"], entry["kind"], labels, entry.get("inverse"),
                                     entry.get("better"), entry.get("parent"))
    return found


@cache
def terms(language: str) -> Terms:
    """The terms of one language, stemmed: built when a text of that language is first read
    (stemming every term takes a tenth of a second, so the other language waits)."""
    by_first: dict[str, list[tuple[tuple[str, ...], Concept]]] = {}
    for entry in _entries():
        concept = concepts()[entry["id"]]
        for term in [*entry.get(language, []), *entry.get("any", [])]:
            stems = term_stems(term, language)
            if stems:
                by_first.setdefault(stems[0], []).append((stems, concept))
    return {first: tuple(sorted(candidates, key=lambda candidate: -len(candidate[0])))
            for first, candidates in by_first.items()}


def term_stems(term: str, language: str) -> tuple[str, ...]:
    """The stems a term is matched on: its meaningful words, as a text's are read."""
    return tuple(word.stem for word in words(term, language) if word.role in ("content", "light"))


def find(text_words: tuple[Word, ...], language: str) -> tuple[list[Mention], set[int]]:
    """The concepts named in a text, and the positions of the words they took.

    The longest terms are taken first and a word belongs to one of them, with one
    exception: a metric measures something, and what it measures counts too ("support
    response time" is a metric, its "support" a target; "trial-to-paid" names the trial
    and the paying users). A name is whole: the "app" of "Shopify App Store" is no app."""
    phrases = terms(language)
    meaningful = [(index, word) for index, word in enumerate(text_words)
                  if word.role in ("content", "light")]
    stems = [word.stem for _, word in meaningful]
    candidates = []
    for start, stem in enumerate(stems):
        for term, concept in phrases.get(stem, ()):
            end = start + len(term)
            if tuple(stems[start:end]) == term:
                candidates.append((start, end, concept))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[tuple[int, int, Concept]] = []
    for start, end, concept in candidates:
        overlapping = [c for c in chosen if start < c[1] and c[0] < end]
        if any(not (c[0] <= start and end <= c[1]) or c[2].kind != "metric"
               or concept.kind == "metric" for c in overlapping):
            continue
        chosen.append((start, end, concept))
    chosen.sort(key=lambda c: c[0])
    mentions = []
    taken: set[int] = set()
    for start, end, concept in chosen:
        span = meaningful[start:end]
        mentions.append(Mention(concept, " ".join(word.text for _, word in span)))
        taken.update(index for index, _ in span)
    return mentions, taken
