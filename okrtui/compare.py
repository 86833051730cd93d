"""Several teams' OKRs side by side (the source's second lesson: write your team's OKRs,
ask the other team to do the same, then look at what they have in common).

`compare_teams(sources)` takes the committed objectives and key results of every team of
the given sessions (teams of one file, teams of several files, or both) and finds the
pairs of items of two teams about the same metric, users, channel or target; the key
results of two teams that pull one metric opposite ways; and, per team, what no other
team has (okrtui.comparison holds what it finds). `okrtui.compare_text.render_text` lays
it out for the terminal in the catalog's language; `okrtui.common_points` turns it into the
session's shared section ("what we have in common") and puts that in a session. The
similarity itself is okrtui.similarity (docs/compare.md).
"""

from collections.abc import Sequence
from typing import Any

from okrtui.comparison import Comparison, Item, OpposedPair, SharedPair, TeamOnly, TeamRef, Theme
from okrtui.models import Session
from okrtui.similarity import (
    KINDS,
    NEAR,
    PREFIX,
    WEIGHTS,
    Concept,
    Match,
    Profile,
    from_numbers,
    match,
    opposition,
    profile,
    resolve,
)


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
    """Read every item once, then find what items of two teams share through an index of
    what they name (concepts, stems), never by scoring every pair of items: with a hundred
    teams that is 700,000 pairs, most of which share nothing."""
    refs, index = _indexed(sources)
    items, order = index.items, {ref: number for number, (ref, _) in enumerate(refs)}
    themes = index.themes()
    words = index.word_pairs()
    matched = index.matched(themes, words)
    only = []
    for ref, _ in refs:
        own: dict[str, Concept] = {}
        team = order[ref]
        for i in index.by_team[team]:
            for concept in index.profiles[i].concepts():
                if index.family_teams[concept.family] == {team}:
                    own.setdefault(concept.id, concept)
        only.append(TeamOnly(ref, tuple(items[i] for i in index.by_team[team]
                                        if items[i] not in matched), tuple(own.values())))
    return Comparison(tuple(ref for ref, _ in refs), tuple(themes), tuple(words),
                      index.opposed_pairs(), tuple(only), index)


def compare_themes(sources: Sequence[tuple[str, Session]]) -> tuple[list[TeamRef],
                                                                     list[Theme]]:
    """The teams as compare_teams names them, and the themes it finds, without the pairs
    alike in words, the metrics pulled opposite ways and what each team alone has (a company
    report shows the themes; the rest costs most of a comparison's time)."""
    refs, index = _indexed(sources)
    return [ref for ref, _ in refs], index.themes()


def _indexed(sources: Sequence[tuple[str, Session]]) -> tuple[list[tuple[TeamRef, Any]],
                                                              "PairIndex"]:
    refs = team_refs(sources)
    items = [item for ref, team in refs for item in team_items(ref, team)]
    order = {ref: number for number, (ref, _) in enumerate(refs)}
    return refs, PairIndex(items, [profile(item.text, item.team.language) for item in items],
                           [order[item.team] for item in items])


LIGHT_BOUND = 0.44
"""Two items that share no content word, no concept and no stem of one a prefix of the
other's content stem can only be alike through light words; their score is at most
light weight / total weight of the lighter item, which must then be at least the threshold
(0.45; 0.44 for the rounding). Only items this light need their light words indexed."""


class PairIndex:
    """Items by what they name, to find the pairs that can share something."""

    def __init__(self, items: list[Item], profiles: list[Profile], teams: list[int]) -> None:
        self.items, self.profiles, self.teams = items, profiles, teams
        self.by_team: dict[int, list[int]] = {}
        self.all_keys: dict[str, list[int]] = {}
        self.heavy_keys: dict[str, list[int]] = {}
        self.all_prefixes: dict[str, list[int]] = {}
        self.heavy_prefixes: dict[str, list[int]] = {}
        self.light_keys: dict[str, list[int]] = {}
        """Keys of the light items only (see LIGHT_BOUND)."""
        self.light_prefixes: dict[str, list[int]] = {}
        self.light: list[bool] = []
        self.families: list[dict[tuple[str, str], Concept]] = []
        """Per item: (kind, family) → the first concept of it the item names."""
        self.family_teams: dict[str, set[int]] = {}
        self.theme_teams: dict[tuple[str, str], set[int]] = {}
        for i, (found, team) in enumerate(zip(profiles, teams, strict=True)):
            self.by_team.setdefault(team, []).append(i)
            total = sum(found.bag.values())
            light = sum(w for w in found.bag.values() if w < WEIGHTS["content"])
            self.light.append(bool(total) and light >= LIGHT_BOUND * total)
            for key, weight in found.bag.items():
                heavy = weight >= WEIGHTS["content"]
                self.all_keys.setdefault(key, []).append(i)
                if heavy:
                    self.heavy_keys.setdefault(key, []).append(i)
                if self.light[i]:
                    self.light_keys.setdefault(key, []).append(i)
                if not key.startswith("@") and len(key) >= PREFIX:
                    start = key[:PREFIX]
                    self.all_prefixes.setdefault(start, []).append(i)
                    if heavy:
                        self.heavy_prefixes.setdefault(start, []).append(i)
                    if self.light[i]:
                        self.light_prefixes.setdefault(start, []).append(i)
            named: dict[tuple[str, str], Concept] = {}
            for concept in found.concepts():
                named.setdefault((concept.kind, concept.family), concept)
                self.theme_teams.setdefault((concept.kind, concept.family), set()).add(team)
                self.family_teams.setdefault(concept.family, set()).add(team)
            self.families.append(named)

    def candidates(self, i: int, concepts: bool = True) -> set[int]:
        """Items of other teams that may share something with item i (a superset of those
        that do): a concept (unless concepts is false), a content word, a stem of which one
        starts the other with a content word on one side; or, when either is light, any
        word."""
        found: set[int] = set()
        bag = self.profiles[i].bag
        light = self.light[i]
        for key, weight in bag.items():
            concept = key.startswith("@")
            if concept and not concepts:
                continue
            heavy = weight >= WEIGHTS["content"]
            found.update(self.all_keys[key] if heavy or light else self.heavy_keys.get(key, ()))
            if not heavy:
                found.update(self.light_keys.get(key, ()))
            if not concept and len(key) >= PREFIX:
                start = key[:PREFIX]
                found.update(self.all_prefixes[start] if heavy or light
                             else self.heavy_prefixes.get(start, ()))
                if not heavy:
                    found.update(self.light_prefixes.get(start, ()))
        team = self.teams[i]
        return {j for j in found if self.teams[j] != team}

    def _pair(self, i: int, j: int, found: Match) -> SharedPair:
        return SharedPair(self.items[i], self.items[j], found.score, found.shared, found.words)

    def shared_pairs(self) -> tuple[SharedPair, ...]:
        """Every matching pair, the earlier team first; by teams, then best first."""
        pairs = []
        for i in range(len(self.items)):
            for j in sorted(j for j in self.candidates(i) if j > i):
                found = match(self.profiles[i], self.profiles[j])
                if found.matches:
                    pairs.append((self.teams[i], self.teams[j], -found.score, i, j, found))
        pairs.sort(key=lambda pair: pair[:5])
        return tuple(self._pair(i, j, found) for *_, i, j, found in pairs)

    def themes(self) -> list[Theme]:
        """Every (kind, family) that items of two teams or more name, most teams first."""
        grouped: dict[tuple[str, str], list[int]] = {}
        for i, named in enumerate(self.families):
            for key in named:
                grouped.setdefault(key, []).append(i)
        themes = []
        for (kind, family), members in grouped.items():
            teams = dict.fromkeys(self.teams[i] for i in members)
            if len(teams) < 2:
                continue
            concepts: dict[str, Concept] = {}
            for i in members:
                concept = self.families[i][kind, family]
                concepts.setdefault(concept.id, concept)
            themes.append(Theme(kind, tuple(concepts.values()),
                                tuple(self.items[i] for i in members),
                                tuple(self.items[self.by_team[t][0]].team for t in teams)))
        themes.sort(key=lambda t: (-len(t.teams), -len(t.items), KINDS.index(t.kind)))
        return themes

    def word_pairs(self) -> list[SharedPair]:
        """The pairs that share no concept and are alike in words: by teams, best first."""
        pairs = []
        bags = [found.bag for found in self.profiles]
        totals = [sum(bag.values()) for bag in bags]
        long = [sum(w for k, w in bag.items() if not k.startswith("@") and len(k) >= PREFIX)
                for bag in bags]
        for i in range(len(self.items)):
            named = self.families[i].keys()
            for j in sorted(j for j in self.candidates(i, concepts=False) if j > i):
                if named & self.families[j].keys():
                    continue  # a theme
                # at most: the weight of the keys both have, and of near stems; the score is
                # at most that over the lighter one's total (skip what cannot reach it)
                common = sum(min(bags[i][k], bags[j][k]) for k in bags[i].keys() & bags[j].keys())
                if (common + NEAR * min(long[i], long[j])) < LIGHT_BOUND * min(totals[i],
                                                                               totals[j]):
                    continue
                found = match(self.profiles[i], self.profiles[j])
                if found.matches:
                    pairs.append((self.teams[i], self.teams[j], -found.score, i, j, found))
        pairs.sort(key=lambda pair: pair[:5])
        return [self._pair(i, j, found) for *_, i, j, found in pairs]

    def matched(self, themes: list[Theme], words: list[SharedPair]) -> set[Item]:
        """The items with a counterpart in another team."""
        done = {item for pair in words for item in (pair.a, pair.b)}
        waiting: set[int] = set()
        for i, named in enumerate(self.families):
            for kind, family in named:
                if len(self.theme_teams[kind, family]) < 2:
                    continue
                if kind in ("metric", "users"):  # always a match
                    done.add(self.items[i])
                else:
                    waiting.add(i)
        for i in sorted(waiting):
            if self.items[i] in done:
                continue
            for j in self.candidates(i):
                if match(self.profiles[i], self.profiles[j]).matches:
                    done.update((self.items[i], self.items[j]))
                    break
        return done

    def opposed_pairs(self) -> tuple[OpposedPair, ...]:
        """Key results of two teams pulling one metric (or, with no metric, what they share)
        opposite ways, in the teams' order then the items'."""
        ways: dict[str, dict[tuple[str, str], list[int]]] = {}
        loose: list[int] = []
        for i, item in enumerate(self.items):
            if item.kind != "key_result" or item.direction is None:
                continue
            metrics = [(f, c) for (k, f), c in self.families[i].items() if k == "metric"]
            if not metrics and item.direction in ("up", "down"):
                loose.append(i)
            for family, concept in metrics:
                way = resolve(item.direction, concept)
                if way is not None:
                    ways.setdefault(family, {}).setdefault((concept.id, way), []).append(i)
        candidates: set[tuple[int, int]] = set()
        for groups in ways.values():
            for (id_a, way_a), group_a in groups.items():
                for (id_b, way_b), group_b in groups.items():
                    # the same metric either way, or churn and retention the same way
                    if (id_a == id_b) == (way_a == way_b):
                        continue
                    candidates.update((i, j) for i in group_a for j in group_b
                                      if i < j and self.teams[i] != self.teams[j])
        loose_set = set(loose)
        for i in loose:
            for j in self.candidates(i):
                if j in loose_set and self.items[i].direction != self.items[j].direction:
                    candidates.add((min(i, j), max(i, j)))
        opposed = []
        for i, j in sorted(candidates, key=lambda p: (self.teams[p[0]], self.teams[p[1]], *p)):
            a, b = self.items[i], self.items[j]
            found = match(self.profiles[i], self.profiles[j])
            if not found.matches:
                continue
            against = opposition(self.profiles[i], self.profiles[j], found, a.direction,
                                 b.direction)
            if against is not None:
                opposed.append(OpposedPair(a, b, against))
        return tuple(opposed)
