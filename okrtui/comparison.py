"""What a comparison of several teams' OKRs finds (okrtui.compare finds it): the teams, their
items, the pairs of items that share something or pull one metric opposite ways, the themes
two teams or more name, and what each team alone has.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from okrtui.similarity import KINDS, Concept, Direction, Opposition, Shared

if TYPE_CHECKING:
    from okrtui.compare import PairIndex

ItemKind = Literal["objective", "key_result"]


@dataclass(frozen=True)
class TeamRef:
    name: str
    """As shown: the team's name, with its file when two teams have the same name."""
    source: str
    language: str


@dataclass(frozen=True)
class Item:
    team: TeamRef
    kind: ItemKind
    id: str
    text: str
    direction: Direction | None = None
    """A key result's: from its baseline and target when both are known, else its wording."""

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"team": self.team.name, "kind": self.kind, "id": self.id,
                                "text": self.text}
        if self.direction is not None:
            data["direction"] = self.direction
        return data


@dataclass(frozen=True)
class SharedPair:
    a: Item
    b: Item
    score: float
    shared: tuple[Shared, ...]
    words: tuple[str, ...]

    def shares(self, language: str) -> dict[str, list[str]]:
        """kind → labels of what both name, in the kinds' order."""
        found: dict[str, list[str]] = {}
        for shared in self.shared:
            found.setdefault(shared.kind, []).append(shared.label(language))
        return {kind: found[kind] for kind in KINDS if kind in found}


@dataclass(frozen=True)
class OpposedPair:
    a: Item
    b: Item
    against: Opposition

    def metric(self, language: str) -> str:
        return self.against.label(language)


@dataclass(frozen=True)
class TeamOnly:
    team: TeamRef
    items: tuple[Item, ...]
    """Items with no counterpart in any other team."""
    concepts: tuple[Concept, ...]
    """Metrics, users, channels and targets no other team names."""


@dataclass(frozen=True)
class Theme:
    """One metric, users, channel or target (a concept and its inverse: churn, retention)
    that items of at least two teams name: every item that names it, in the teams' order."""

    kind: str
    concepts: tuple[Concept, ...]
    """The members of the family named, as first named (churn, then retention)."""
    items: tuple[Item, ...]
    teams: tuple[TeamRef, ...]

    def label(self, language: str) -> str:
        return " / ".join(concept.label(language) for concept in self.concepts)

    def as_dict(self, language: str) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label(language),
                "teams": [team.name for team in self.teams],
                "items": [item.as_dict() for item in self.items]}


@dataclass(frozen=True)
class Comparison:
    teams: tuple[TeamRef, ...]
    themes: tuple[Theme, ...]
    """What two teams or more name, most teams first."""
    words: tuple[SharedPair, ...]
    """Pairs of items that share no theme and are alike in words (score ≥ the threshold)."""
    opposed: tuple[OpposedPair, ...]
    only: tuple[TeamOnly, ...]
    index: "PairIndex" = field(repr=False, compare=False)

    @cached_property
    def shared(self) -> tuple[SharedPair, ...]:
        """Every pair of items of two teams that share something, by teams then best first.
        Made when first asked for: with many teams there are hundreds of thousands (every
        two items that name the company's users), and `themes` says the same grouped."""
        return self.index.shared_pairs()

    def as_dict(self, language: str) -> dict[str, Any]:
        return {
            "teams": [{"name": t.name, "source": t.source, "language": t.language}
                      for t in self.teams],
            "themes": [theme.as_dict(language) for theme in self.themes],
            "words": [_pair_dict(p, language) for p in self.words],
            "opposed": [{"a": {**p.a.as_dict(), "direction": p.against.a},
                         "b": {**p.b.as_dict(), "direction": p.against.b},
                         "metric": p.metric(language)}
                        for p in self.opposed],
            "only": [{"team": o.team.name, "items": [i.as_dict() for i in o.items],
                      "concepts": by_kind(o.concepts, language)}
                     for o in self.only],
        }


def _pair_dict(pair: SharedPair, language: str) -> dict[str, Any]:
    return {"a": pair.a.as_dict(), "b": pair.b.as_dict(), "score": pair.score,
            "shares": pair.shares(language), "words": list(pair.words)}



def by_kind(concepts: Sequence[Concept], language: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for concept in concepts:
        found.setdefault(concept.kind, []).append(concept.label(language))
    return {kind: found[kind] for kind in KINDS if kind in found}
