"""Several teams' OKRs side by side (the source's second lesson: write your team's OKRs,
ask the other team to do the same, then look at what they have in common).

`compare_teams(sources)` takes the committed objectives and key results of every team of
the given sessions (teams of one file, teams of several files, or both) and finds the
pairs of items of two teams about the same metric, users, channel or target; the key
results of two teams that pull one metric opposite ways; and, per team, what no other
team has. `render_text` lays it out for the terminal in the catalog's language;
`common_points` turns it into the session's shared section ("what we have in common") and
`save_common` puts that in a session. The similarity itself is okrtui.similarity
(docs/compare.md).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Literal

from okrtui.i18n import Catalog
from okrtui.models import CommonPoint, Session
from okrtui.similarity import (
    KINDS,
    Concept,
    Direction,
    Opposition,
    Profile,
    Shared,
    from_numbers,
    match,
    opposition,
    profile,
)

ItemKind = Literal["objective", "key_result"]
COMPARE_POINT = re.compile(r"^c\d+$")
"""The ids of the common points a comparison saved (c1, c2…): saving one again replaces
them, and only them."""


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
class Comparison:
    teams: tuple[TeamRef, ...]
    shared: tuple[SharedPair, ...]
    opposed: tuple[OpposedPair, ...]
    only: tuple[TeamOnly, ...]

    def as_dict(self, language: str) -> dict[str, Any]:
        return {
            "teams": [{"name": t.name, "source": t.source, "language": t.language}
                      for t in self.teams],
            "shared": [{"a": p.a.as_dict(), "b": p.b.as_dict(), "score": p.score,
                        "shares": p.shares(language), "words": list(p.words)}
                       for p in self.shared],
            "opposed": [{"a": {**p.a.as_dict(), "direction": p.against.a},
                         "b": {**p.b.as_dict(), "direction": p.against.b},
                         "metric": p.metric(language)}
                        for p in self.opposed],
            "only": [{"team": o.team.name, "items": [i.as_dict() for i in o.items],
                      "concepts": _by_kind(o.concepts, language)}
                     for o in self.only],
        }


def team_refs(sources: Sequence[tuple[str, Session]]) -> list[tuple[TeamRef, Any]]:
    """Every team of every session, named so that two teams never read the same."""
    teams = [(source, session, team) for source, session in sources for team in session.teams]
    names = [team.name.strip() or team.id for _, _, team in teams]
    refs = []
    for (source, session, team), name in zip(teams, names, strict=True):
        if names.count(name) > 1:
            name = f"{name} ({source})" if source else f"{name} ({team.id})"
        refs.append((TeamRef(name, source, session.language), team))
    return refs


def team_items(ref: TeamRef, team: Any) -> list[Item]:
    """The committed objectives and their committed key results, in order."""
    items = []
    for objective in team.committed_objectives:
        items.append(Item(ref, "objective", objective.id, objective.text))
        for kr in objective.committed_key_results:
            direction = from_numbers(kr.baseline, kr.target) or profile(
                kr.text, ref.language).direction
            items.append(Item(ref, "key_result", kr.id, kr.text, direction))
    return items


def compare_teams(sources: Sequence[tuple[str, Session]]) -> Comparison:
    refs = team_refs(sources)
    items = {ref: team_items(ref, team) for ref, team in refs}
    profiles: dict[Item, Profile] = {
        item: profile(item.text, item.team.language) for team in items.values() for item in team
    }
    shared: list[SharedPair] = []
    opposed: list[OpposedPair] = []
    matched: set[Item] = set()
    for ref_a, ref_b in combinations(items, 2):
        for a in items[ref_a]:
            for b in items[ref_b]:
                found = match(profiles[a], profiles[b])
                if not found.matches:
                    continue
                matched.update((a, b))
                shared.append(SharedPair(a, b, found.score, found.shared, found.words))
                if a.kind == b.kind == "key_result":
                    against = opposition(profiles[a], profiles[b], found, a.direction,
                                         b.direction)
                    if against is not None:
                        opposed.append(OpposedPair(a, b, against))
    shared.sort(key=lambda p: (_team_order(refs, p), -p.score))
    only = []
    for ref, team_list in items.items():
        others = {c.family for other, other_items in items.items() if other != ref
                  for item in other_items for c in profiles[item].concepts()}
        own: dict[str, Concept] = {}
        for item in team_list:
            for concept in profiles[item].concepts():
                if concept.family not in others:
                    own.setdefault(concept.id, concept)
        only.append(TeamOnly(ref, tuple(i for i in team_list if i not in matched),
                             tuple(own.values())))
    return Comparison(tuple(ref for ref, _ in refs), tuple(shared), tuple(opposed), tuple(only))


def _team_order(refs: list[tuple[TeamRef, Any]], pair: SharedPair) -> tuple[int, int]:
    order = [ref for ref, _ in refs]
    return order.index(pair.a.team), order.index(pair.b.team)


def _by_kind(concepts: Sequence[Concept], language: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for concept in concepts:
        found.setdefault(concept.kind, []).append(concept.label(language))
    return {kind: found[kind] for kind in KINDS if kind in found}


# --- the terminal -------------------------------------------------------------------------


def render_text(comparison: Comparison, tr: Catalog) -> str:
    language = tr.language
    lines = [tr("compare.teams", teams=" · ".join(_teams_by_source(comparison.teams, tr))), ""]
    lines.append(tr("compare.shared", count=len(comparison.shared)))
    if not comparison.shared:
        lines.append(f"  {tr('compare.shared_none')}")
    for pair in comparison.shared:
        lines.append(f"  {_item(pair.a, tr)}")
        lines.append(f"  {_item(pair.b, tr)}")
        what = [_field(tr, tr("compare.kind." + kind), labels)
                for kind, labels in pair.shares(language).items()]
        if pair.words:
            what.append(_field(tr, tr("compare.words"), pair.words))
        score = tr("compare.similarity", score=f"{pair.score:.2f}")
        lines.append(f"    → {' · '.join(what) or score}" + (f" ({score})" if what else ""))
    lines += ["", tr("compare.opposed", count=len(comparison.opposed))]
    if not comparison.opposed:
        lines.append(f"  {tr('compare.opposed_none')}")
    for pair in comparison.opposed:
        lines.append(f"  {pair.metric(language)}")
        lines.append(f"    {tr('compare.' + pair.against.a)} {_item(pair.a, tr)}")
        lines.append(f"    {tr('compare.' + pair.against.b)} {_item(pair.b, tr)}")
    lines += ["", tr("compare.only")]
    for only in comparison.only:
        lines.append(f"  {only.team.name}")
        for kind, labels in _by_kind(only.concepts, language).items():
            lines.append(f"    {_field(tr, tr('compare.kind.' + kind), labels)}")
        for item in only.items:
            lines.append(f"    {_item(item, tr, team=False)}")
        if not only.items and not only.concepts:
            lines.append(f"    {tr('compare.only_none')}")
    return "\n".join(lines) + "\n"


def _teams_by_source(teams: Sequence[TeamRef], tr: Catalog) -> list[str]:
    """"A, B (file.toml)": the teams of one file together, each file named once."""
    groups = []
    for source in dict.fromkeys(t.source for t in teams):
        names = [t.name for t in teams if t.source == source]
        if source and not all(name.endswith(f"({source})") for name in names):
            groups.append(tr("compare.team_from", team=", ".join(names), source=source))
        else:
            groups.append(", ".join(names))
    return groups


def _field(tr: Catalog, name: str, values: Sequence[str]) -> str:
    return tr("compare.field", name=name, values=", ".join(values))


def _item(item: Item, tr: Catalog, team: bool = True) -> str:
    kind = tr(f"compare.{item.kind}")
    quoted = tr("compare.quoted", text=item.text)
    return f"{item.team.name} · {kind} {item.id} {quoted}" if team else (
        f"{kind} {item.id} {quoted}")


# --- the shared section -------------------------------------------------------------------


def common_points(comparison: Comparison, tr: Catalog) -> list[CommonPoint]:
    """What the teams share, one point per thing shared (a metric, users…) with every item
    that names it, then each metric pulled opposite ways; worded in the catalog's language.
    Items are "team — wording". Ids are c1, c2…"""
    opposed = {(pair.a, pair.b) for pair in comparison.opposed}
    order = {team: index for index, team in enumerate(comparison.teams)}
    groups: dict[str, list[Item]] = {}
    for pair in comparison.shared:
        if (pair.a, pair.b) in opposed:
            continue  # said below, as pulling opposite ways
        what = [_field(tr, tr("compare.kind." + kind), labels)
                for kind, labels in pair.shares(tr.language).items()]
        if not what and pair.words:
            what = [_field(tr, tr("compare.words"), pair.words)]
        text = " · ".join(what) or tr("compare.similarity", score=f"{pair.score:.2f}")
        text = text[:1].upper() + text[1:]
        items = groups.setdefault(text, [])
        items += [item for item in (pair.a, pair.b) if item not in items]
    points = [CommonPoint(id="c0", text=text, items=[
        _point_item(item) for item in sorted(items, key=lambda item: order[item.team])])
        for text, items in groups.items()]
    points += [CommonPoint(id="c0", kind="opposed",
                           text=tr("compare.save.opposed", metric=pair.metric(tr.language)),
                           items=[_point_item(pair.a), _point_item(pair.b)])
               for pair in comparison.opposed]
    return [point.model_copy(update={"id": f"c{number}"})
            for number, point in enumerate(points, start=1)]


def _point_item(item: Item) -> str:
    return f"{item.team.name} — {item.text}"


def save_common(session: Session, points: Sequence[CommonPoint]) -> list[CommonPoint]:
    """Put points in the session's shared section in place of those a comparison saved
    before (ids c1, c2…); the other common points stay as they are. Returns them, with the
    ids they were given: c1, c2… skipping any id another item of the session uses."""
    from okrtui.workshop import all_ids

    before = session.common
    kept = [point for point in before if not COMPARE_POINT.match(point.id)]
    # where the first point saved before was (all before it are kept), else at the end
    at = next((index for index, point in enumerate(before) if COMPARE_POINT.match(point.id)),
              len(before))
    used = set(all_ids(session)) - {point.id for point in before
                                    if COMPARE_POINT.match(point.id)}
    saved: list[CommonPoint] = []
    number = 0
    for point in points:
        number += 1
        while f"c{number}" in used:
            number += 1
        saved.append(point.model_copy(update={"id": f"c{number}"}))
    session.common = [*kept[:at], *saved, *kept[at:]]
    return saved
