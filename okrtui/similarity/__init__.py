"""How alike two OKR texts are, and what they share: deterministic, offline, FR and EN.

`profile(text, language)` reads a text once: its stemmed words, the concepts it names
(metric, users, channel, target: concepts.toml) and the way it moves its metric.
`match(a, b)` scores two profiles between 0 and 1 and says what they share;
`opposition(a, b)` says whether two key results pull the same metric opposite ways.
The method and its measured precision and recall are in docs/compare.md.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from okrtui.similarity.concepts import KINDS, Concept, Mention, find
from okrtui.similarity.direction import Direction, from_numbers, text_direction
from okrtui.similarity.words import Word, words

__all__ = [
    "KINDS",
    "NEAR",
    "PREFIX",
    "THRESHOLD",
    "WEIGHTS",
    "Concept",
    "Direction",
    "Match",
    "Opposition",
    "Profile",
    "Shared",
    "from_numbers",
    "match",
    "opposition",
    "profile",
    "resolve",
]

THRESHOLD = 0.45
"""A score from which two texts are taken to be about the same thing, shared concept or not."""
WEIGHTS: Mapping[str, float] = {
    "metric": 2.0, "users": 1.5, "channel": 1.5, "target": 1.5, "content": 1.0, "light": 0.25,
}
CONFLICT = 0.5
"""Both name a metric, or both name users, and not the same: the score is multiplied by
this for each (the same words about other users or another metric are another thing)."""
CONFLICTING = ("metric", "users")
PREFIX = 5
"""Two stems of which one starts the other and is this long at least count as near the
same word (« publication » publiqu / « publier » publi), at NEAR of their weight."""
NEAR = 0.8


@dataclass(frozen=True)
class Profile:
    """One text, read once: what comparing it needs."""

    text: str
    language: str
    words: tuple[Word, ...]
    mentions: tuple[Mention, ...]
    bag: Mapping[str, float]
    """stem or concept family → weight."""
    surfaces: Mapping[str, str]
    """stem → the word as written, to show shared words."""
    direction: Direction | None

    def concepts(self, kind: str | None = None) -> list[Concept]:
        return [m.concept for m in self.mentions if kind is None or m.concept.kind == kind]


@lru_cache(maxsize=4096)
def profile(text: str, language: str) -> Profile:
    text_words = words(text, language)
    mentions, taken = find(text_words, language)
    bag: dict[str, float] = {}
    surfaces: dict[str, str] = {}
    for index, word in enumerate(text_words):
        if index in taken or word.role not in ("content", "light"):
            continue
        bag[word.stem] = max(bag.get(word.stem, 0.0), WEIGHTS[word.role])
        surfaces.setdefault(word.stem, word.text)
    for mention in mentions:
        key = f"@{mention.concept.kind}:{mention.concept.family}"
        bag[key] = WEIGHTS[mention.concept.kind]
    return Profile(text, language, text_words, tuple(mentions), bag, surfaces,
                   text_direction(text, text_words, language))


@dataclass(frozen=True)
class Shared:
    """A concept both texts name: the same one, or a metric and its inverse."""

    kind: str
    a: Concept
    b: Concept

    def label(self, language: str) -> str:
        if self.a.id == self.b.id:
            return self.a.label(language)
        return f"{self.a.label(language)} / {self.b.label(language)}"


@dataclass(frozen=True)
class Match:
    score: float
    shared: tuple[Shared, ...]
    words: tuple[str, ...]
    """Content words both use (as the first text writes them)."""

    users_differ: bool = False
    """Both name users, and not the same ones."""

    @property
    def matches(self) -> bool:
        """About the same thing: the same metric or users, the same channel or target
        (unless for other users), or close enough in words."""
        if self.score >= THRESHOLD:
            return True
        return any(s.kind in ("metric", "users") or not self.users_differ for s in self.shared)


def match(a: Profile, b: Profile) -> Match:
    shared = _shared(a, b)
    common = 0.0
    same_words = []
    left = set(a.bag) - set(b.bag)
    right = set(b.bag) - set(a.bag)
    for key in a.bag.keys() & b.bag.keys():
        common += min(a.bag[key], b.bag[key])
        if not key.startswith("@") and a.bag[key] >= WEIGHTS["content"]:
            same_words.append(a.surfaces[key])
    for key in sorted(left):
        if key.startswith("@") or len(key) < PREFIX:
            continue
        for other in sorted(right):
            if other.startswith("@") or len(other) < PREFIX:
                continue
            if key.startswith(other) or other.startswith(key):
                common += NEAR * min(a.bag[key], b.bag[other])
                right.discard(other)
                break
    total_a, total_b = sum(a.bag.values()), sum(b.bag.values())
    if not total_a or not total_b:
        return Match(0.0, shared, tuple(same_words))
    dice = 2 * common / (total_a + total_b)
    overlap = common / min(total_a, total_b)
    score = (dice + overlap) / 2
    differ = {kind: bool(a.concepts(kind) and b.concepts(kind)) and not any(
        x.related(y) for x in a.concepts(kind) for y in b.concepts(kind)
    ) for kind in CONFLICTING}
    for kind in CONFLICTING:
        if differ[kind]:
            score *= CONFLICT
    return Match(round(min(score, 1.0), 3), shared, tuple(same_words), differ["users"])


def _shared(a: Profile, b: Profile) -> tuple[Shared, ...]:
    shared = []
    seen = set()
    for kind in KINDS:
        for concept_a in a.concepts(kind):
            for concept_b in b.concepts(kind):
                if concept_a.family == concept_b.family and concept_a.family not in seen:
                    seen.add(concept_a.family)
                    shared.append(Shared(kind, concept_a, concept_b))
    return tuple(shared)


@dataclass(frozen=True)
class Opposition:
    """Two key results that move the same metric opposite ways."""

    subject: tuple[Shared, ...]
    """The metric; with no metric named, what both move (the free trial, the model)."""
    words: tuple[str, ...]
    """With neither a metric nor anything else named in common: the words both use."""
    a: Direction
    b: Direction

    def label(self, language: str) -> str:
        return ", ".join([s.label(language) for s in self.subject] or self.words)


def opposition(a: Profile, b: Profile, found: Match | None = None,
               direction_a: Direction | None = None,
               direction_b: Direction | None = None) -> Opposition | None:
    """Do these two key results pull their common metric opposite ways? The directions
    default to the ones read in the wordings (pass a baseline/target direction to prefer
    it)."""
    found = found or match(a, b)
    direction_a = direction_a or a.direction
    direction_b = direction_b or b.direction
    if direction_a is None or direction_b is None:
        return None
    for shared in found.shared:
        if shared.kind != "metric":
            continue
        way_a = resolve(direction_a, shared.a)
        way_b = resolve(direction_b, shared.b)
        if way_a is None or way_b is None:
            continue
        if shared.a.id != shared.b.id:  # churn down pulls the same way as retention up
            way_b = "up" if way_b == "down" else "down"
        if way_a != way_b:
            return Opposition((shared,), (), way_a, resolve(direction_b, shared.b))  # type: ignore[arg-type]
    if (not a.concepts("metric") and not b.concepts("metric") and found.matches
            and {direction_a, direction_b} == {"up", "down"}):
        # No metric named: what both move is what they share (the free trial, the model).
        if found.shared or found.words:
            return Opposition(found.shared, () if found.shared else found.words,
                              direction_a, direction_b)
    return None


def resolve(direction: Direction, concept: Concept) -> Direction | None:
    """The way a direction moves this metric ("better": the metric's better way)."""
    if direction == "better":
        return concept.better
    return direction
