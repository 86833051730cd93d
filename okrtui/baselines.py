"""OKRs without data: a key result whose baseline nobody knows yet stays useful; its first
action is to measure it, and it waits for data until then."""

from dataclasses import dataclass
from datetime import date

from okrtui.i18n import Catalog
from okrtui.models import Action, KeyResult, Objective, Session, Team
from okrtui.workshop import add_action, add_tactic


def set_baseline_unknown(kr: KeyResult, unknown: bool) -> None:
    """Mark the baseline unknown (dropping any figure given), or known again."""
    if unknown:
        kr.baseline = None
    kr.baseline_unknown = unknown


def update_key_result(kr: KeyResult, text: str, baseline: float | None, target: float | None,
                      unit: str | None, baseline_unknown: bool = False) -> None:
    """Set a key result's wording and figures at once (a baseline and "unknown" never meet)."""
    kr.baseline_unknown = False
    kr.text, kr.baseline, kr.target, kr.unit = text, baseline, target, unit
    if baseline_unknown:
        set_baseline_unknown(kr, True)


def measuring_action(objective: Objective, kr: KeyResult) -> Action | None:
    for tactic in objective.tactics:
        for action in tactic.actions:
            if action.measures == kr.id:
                return action
    return None


def add_measure_action(session: Session, objective: Objective, kr: KeyResult, tr: Catalog,
                       owner: str | None = None, due: date | None = None) -> Action:
    """Plan measuring kr's baseline as a first action: in the objective's measuring tactic
    (made, aimed at kr, when there is none yet). tr: the session language's catalog."""
    tactic_text = tr("baseline.tactic")
    tactic = next((t for t in objective.tactics
                   if _apostrophes_alike(t.text) == _apostrophes_alike(tactic_text)), None)
    if tactic is None:
        tactic = add_tactic(session, objective, tactic_text, [kr.id])
    elif kr.id not in tactic.moves:
        tactic.moves = [*tactic.moves, kr.id]
    short = kr.text if len(kr.text) <= 60 else kr.text[:59].rstrip() + "…"
    action = add_action(session, tactic, tr("baseline.action", kr=short), owner, due)
    action.measures = kr.id
    return action


def _apostrophes_alike(text: str) -> str:
    """Sessions written before the catalog took the typographic apostrophe name the
    measuring tactic « Mesurer avant d'agir »: it is still the same tactic."""
    return text.replace("'", "’")


@dataclass(frozen=True)
class Waiting:
    """A committed key result waiting for data, and the action measuring it (if planned)."""

    objective: Objective
    key_result: KeyResult
    action: Action | None


def waiting_for_data(team: Team) -> list[Waiting]:
    return [Waiting(objective, kr, measuring_action(objective, kr))
            for objective in team.committed_objectives
            for kr in objective.committed_key_results if kr.baseline_unknown]
