"""A comparison as the session's shared section ("what we have in common"): one common point
per thing the teams share, saved in place of those a comparison saved before."""

import re
from collections.abc import Sequence

from okrtui.compare_text import labelled
from okrtui.comparison import Comparison, Item
from okrtui.i18n import Catalog
from okrtui.models import CommonPoint, Session

COMPARE_POINT = re.compile(r"^c\d+$")
"""The ids of the common points a comparison saved (c1, c2…): saving one again replaces
them, and only them."""


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
        what = [labelled(tr, tr("compare.kind." + kind), labels)
                for kind, labels in pair.shares(tr.language).items()]
        if not what and pair.words:
            what = [labelled(tr, tr("compare.words"), pair.words)]
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
    from okrtui.item_ids import all_ids

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
