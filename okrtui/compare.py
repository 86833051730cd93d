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
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from okrtui.i18n import Catalog
from okrtui.models import CommonPoint, Session
from okrtui.similarity import (
    KINDS,
    NEAR,
    PREFIX,
    WEIGHTS,
    Concept,
    Direction,
    Match,
    Opposition,
    Profile,
    Shared,
    from_numbers,
    match,
    opposition,
    profile,
    resolve,
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
    index: "_Index" = field(repr=False, compare=False)

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
                      "concepts": _by_kind(o.concepts, language)}
                     for o in self.only],
        }


def _pair_dict(pair: SharedPair, language: str) -> dict[str, Any]:
    return {"a": pair.a.as_dict(), "b": pair.b.as_dict(), "score": pair.score,
            "shares": pair.shares(language), "words": list(pair.words)}


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
    refs = team_refs(sources)
    items = [item for ref, team in refs for item in team_items(ref, team)]
    order = {ref: number for number, (ref, _) in enumerate(refs)}
    index = _Index(items, [profile(item.text, item.team.language) for item in items],
                   [order[item.team] for item in items])
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


LIGHT_BOUND = 0.44
"""Two items that share no content word, no concept and no stem of one a prefix of the
other's content stem can only be alike through light words; their score is at most
light weight / total weight of the lighter item, which must then be at least the threshold
(0.45; 0.44 for the rounding). Only items this light need their light words indexed."""


class _Index:
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


def _by_kind(concepts: Sequence[Concept], language: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for concept in concepts:
        found.setdefault(concept.kind, []).append(concept.label(language))
    return {kind: found[kind] for kind in KINDS if kind in found}


# --- the terminal -------------------------------------------------------------------------


LISTED_TEAMS = 3
"""Up to this many teams, every pair of items that share something is printed; past it,
what they share is grouped by theme (TOP of each kind, the rest in --format json)."""
TOP = 10
NAMES = 4
"""Team names shown per theme or direction before "and N more"."""


def render_text(comparison: Comparison, tr: Catalog) -> str:
    if len(comparison.teams) > LISTED_TEAMS:
        return _render_grouped(comparison, tr)
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
    for clash in comparison.opposed:
        lines.append(f"  {clash.metric(language)}")
        lines.append(f"    {tr('compare.' + clash.against.a)} {_item(clash.a, tr)}")
        lines.append(f"    {tr('compare.' + clash.against.b)} {_item(clash.b, tr)}")
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


def _count(tr: Catalog, key: str, count: int) -> str:
    """The singular or plural key (key_one, key_other) by count, the count written as the
    language writes it (11 322 in French, 11,322 in English)."""
    written = f"{count:,}".replace(",", "\u202f" if tr.language == "fr" else ",")
    return tr(f"{key}_{'one' if count == 1 else 'other'}", count=written)


def _names(tr: Catalog, teams: Sequence[TeamRef]) -> str:
    names = ", ".join(team.name for team in teams[:NAMES])
    if len(teams) <= NAMES:
        return names
    return tr("compare.many.names_more", names=names,
              more=_count(tr, "compare.many.more_teams", len(teams) - NAMES))


def _render_grouped(comparison: Comparison, tr: Catalog) -> str:
    """Many teams: the themes most teams share, the metrics pulled opposite ways, what one
    team alone names; counted, the strongest first, the rest in --format json."""
    language = tr.language
    files = len({team.source for team in comparison.teams})
    lines = [tr("compare.many.teams", teams=_count(tr, "compare.many.teams", len(
        comparison.teams)), files=_count(tr, "compare.many.files", files)), ""]
    themes = comparison.themes
    lines.append(tr("compare.many.shared", themes=_count(tr, "compare.many.themes",
                                                          len(themes))))
    if not themes and not comparison.words:
        lines.append(f"  {tr('compare.shared_none')}")
    for theme in themes[:TOP]:
        lines.append("  " + tr("compare.many.theme", what=_field(
            tr, tr("compare.kind." + theme.kind), [theme.label(language)]),
            teams=_count(tr, "compare.many.teams", len(theme.teams)),
            items=_count(tr, "compare.many.items", len(theme.items))))
        lines.append(f"    {_names(tr, theme.teams)}")
    if len(themes) > TOP:
        lines.append("  " + _count(tr, "compare.many.more_themes", len(themes) - TOP))
    if comparison.words:
        lines += ["", tr("compare.many.words", pairs=_count(tr, "compare.many.pairs",
                                                            len(comparison.words)))]
        best = sorted(comparison.words, key=lambda pair: -pair.score)
        for pair in best[:TOP]:
            lines.append(f"  {_item(pair.a, tr)}")
            lines.append(f"  {_item(pair.b, tr)}")
            lines.append(f"    → {_field(tr, tr('compare.words'), pair.words)} "
                         f"({tr('compare.similarity', score=f'{pair.score:.2f}')})")
        if len(best) > TOP:
            lines.append("  " + _count(tr, "compare.many.more_pairs", len(best) - TOP))

    groups: dict[str, dict[str, dict[TeamRef, None]]] = {}
    pairs: dict[str, int] = {}
    flip: dict[str, Direction] = {"up": "down", "down": "up"}
    for clash in comparison.opposed:
        metric, way_a, way_b = clash.metric(language), clash.against.a, clash.against.b
        subject = clash.against.subject
        if len(subject) == 1 and subject[0].kind == "metric":  # said of the family's own
            root = next((c for c in (subject[0].a, subject[0].b) if c.id == c.family),
                        subject[0].a)  # (error rate down is accuracy up)
            metric = root.label(language)
            way_a = way_a if subject[0].a.id == root.id else flip[way_a]
            way_b = way_b if subject[0].b.id == root.id else flip[way_b]
        ways = groups.setdefault(metric, {"up": {}, "down": {}})
        ways[way_a][clash.a.team] = None
        ways[way_b][clash.b.team] = None
        pairs[metric] = pairs.get(metric, 0) + 1
    lines += ["", tr("compare.many.opposed", metrics=_count(tr, "compare.many.metrics",
                                                             len(groups)))]
    if not groups:
        lines.append(f"  {tr('compare.opposed_none')}")
    ranked = sorted(groups, key=lambda metric: -pairs[metric])
    for metric in ranked[:TOP]:
        lines.append("  " + tr("compare.many.opposed_metric", metric=metric,
                               pairs=_count(tr, "compare.many.pairs", pairs[metric])))
        for way in ("up", "down"):
            teams = list(groups[metric][way])
            lines.append(f"    {tr('compare.' + way)} " + tr(
                "compare.many.way", teams=_count(tr, "compare.many.teams", len(teams)),
                names=_names(tr, teams)))
    if len(ranked) > TOP:
        lines.append("  " + _count(tr, "compare.many.more_metrics", len(ranked) - TOP))

    lines += ["", tr("compare.only")]
    alone = [(concept, only.team) for only in comparison.only for concept in only.concepts]
    for concept, team in alone[:TOP]:
        lines.append("  " + tr("compare.many.alone", what=_field(
            tr, tr("compare.kind." + concept.kind), [concept.label(language)]),
            team=team.name))
    if len(alone) > TOP:
        lines.append("  " + _count(tr, "compare.many.more_concepts", len(alone) - TOP))
    lonely = [only for only in comparison.only if only.items]
    count = sum(len(only.items) for only in lonely)
    if count:
        lines.append("  " + tr("compare.many.unmatched",
                               items=_count(tr, "compare.many.items", count),
                               teams=_count(tr, "compare.many.teams", len(lonely))))
    elif not alone:
        lines.append(f"  {tr('compare.only_none')}")
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
