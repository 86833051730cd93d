"""A comparison laid out for the terminal, in the catalog's language: every pair of items
that share something for a few teams, grouped by theme for many."""

from collections.abc import Sequence

from okrtui.comparison import Comparison, Item, TeamRef, by_kind
from okrtui.i18n import Catalog
from okrtui.similarity import Direction

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
        what = [labelled(tr, tr("compare.kind." + kind), labels)
                for kind, labels in pair.shares(language).items()]
        if pair.words:
            what.append(labelled(tr, tr("compare.words"), pair.words))
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
        for kind, labels in by_kind(only.concepts, language).items():
            lines.append(f"    {labelled(tr, tr('compare.kind.' + kind), labels)}")
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
        lines.append("  " + tr("compare.many.theme", what=labelled(
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
            lines.append(f"    → {labelled(tr, tr('compare.words'), pair.words)} "
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
        lines.append("  " + tr("compare.many.alone", what=labelled(
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


def labelled(tr: Catalog, name: str, values: Sequence[str]) -> str:
    return tr("compare.field", name=name, values=", ".join(values))


def _item(item: Item, tr: Catalog, team: bool = True) -> str:
    kind = tr(f"compare.{item.kind}")
    quoted = tr("compare.quoted", text=item.text)
    return f"{item.team.name} · {kind} {item.id} {quoted}" if team else (
        f"{kind} {item.id} {quoted}")
