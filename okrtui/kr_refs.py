"""Naming a key result from a script: by its id, or by its label as the tree shows it
("O2.KR1": the 2nd committed objective's 1st committed key result; see
okrtui.document.item_tag). In a session of several teams a label may start with the team's
id ("produit.O2.KR1"); a bare label that several teams have is refused with the choices."""

import re
from dataclasses import dataclass

from okrtui.document import item_tag
from okrtui.models import KeyResult, Objective, Session, Team

_LABEL = re.compile(r"(?:(?P<team>[A-Za-z0-9_-]+)\.)?O(?P<o>\d+)\.KR(?P<k>\d+)", re.IGNORECASE)
MAX_CHOICES = 30
"""The most labels a message lists (a file over the limits can hold many more)."""


@dataclass(frozen=True)
class FoundKr:
    team: Team
    objective: Objective
    kr: KeyResult
    label: str
    """The label to give back to the command: "O2.KR1", or "team.O2.KR1" with several teams."""


class KrRefProblem(Exception):
    """No key result, or several, answer a reference: key is the catalog key that tells it
    (kr_ref.KIND), params its values."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)


def label_of(team: Team, objective: Objective, kr: KeyResult, qualified: bool) -> str:
    label = f"{item_tag(team, objective.id)}.{item_tag(team, kr.id)}"
    return f"{team.id}.{label}" if qualified else label


def committed_krs(session: Session) -> list[FoundKr]:
    """Every committed key result of every committed objective, in the tree's order."""
    qualified = len(session.teams) > 1
    return [FoundKr(team, objective, kr, label_of(team, objective, kr, qualified))
            for team in session.teams for objective in team.committed_objectives
            for kr in objective.committed_key_results]


def find_kr(session: Session, ref: str) -> FoundKr:
    """The committed key result ref names (an id or a label), or KrRefProblem saying why
    none or which ones."""
    ref = ref.strip()
    every = committed_krs(session)
    by_id = [found for found in every if found.kr.id == ref]
    if by_id:
        return by_id[0]
    label = _LABEL.fullmatch(ref)
    if label is None:
        _refuse_set_aside(session, ref)
        raise KrRefProblem("kr_ref.not_found", ref=ref, choices=_choices(every))
    team_id, o, k = label.group("team"), int(label.group("o")), int(label.group("k"))
    if team_id is not None and all(team.id != team_id for team in session.teams):
        raise KrRefProblem("kr_ref.no_team", ref=ref, team=team_id,
                           teams=", ".join(team.id for team in session.teams))
    matches = [found for found in every
               if team_id in (None, found.team.id)
               and _numbers(found) == (o, k)]
    if len(matches) > 1:
        raise KrRefProblem("kr_ref.ambiguous", ref=ref, choices=_choices(matches))
    if not matches:
        raise KrRefProblem("kr_ref.not_found", ref=ref, choices=_choices(every))
    return matches[0]


def _numbers(found: FoundKr) -> tuple[int, int]:
    objective_tag = item_tag(found.team, found.objective.id)
    kr_tag = item_tag(found.team, found.kr.id)
    return int(objective_tag.removeprefix("O")), int(kr_tag.removeprefix("KR"))


def _refuse_set_aside(session: Session, ref: str) -> None:
    for team in session.teams:
        for objective in team.objectives:
            for kr in objective.key_results:
                if kr.id == ref:
                    raise KrRefProblem("kr_ref.set_aside", ref=ref)


def _choices(found: list[FoundKr]) -> str:
    labels = [item.label for item in found[:MAX_CHOICES]]
    if len(found) > MAX_CHOICES:
        labels.append("…")
    return ", ".join(labels) if labels else "—"
