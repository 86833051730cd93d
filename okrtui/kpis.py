"""Health metrics (KPIs) kept apart from key results: a key result that only keeps a level is
moved to the team's KPI list in one step, and back, keeping its id, wording, figures and
silences. The tactics aimed at it, and roadmap items serving it, let go of it on the way."""

from okrtui.limits import ensure_room_for_key_result
from okrtui.models import KeyResult, Kpi, Team
from okrtui.workshop import find_item, find_objective, remove_key_result


def move_to_kpis(team: Team, key_result_id: str) -> Kpi | None:
    """The key result leaves its objective (and the tactics aimed at it) for the KPI list.
    Returns the KPI, or None when the team has no such key result."""
    located = find_item(team, key_result_id)
    if located is None or not isinstance(kr := located[1], KeyResult):
        return None
    objective = located[0]
    kpi = Kpi(id=kr.id, text=kr.text, baseline=kr.baseline, target=kr.target, unit=kr.unit,
              baseline_unknown=kr.baseline_unknown, from_objective=objective.id,
              silenced=kr.silenced)
    remove_key_result(team, objective, kr)
    team.kpis.append(kpi)
    return kpi


def move_back(team: Team, kpi: Kpi, objective_id: str | None = None) -> KeyResult:
    """The KPI becomes a key result again, of objective_id or of the objective it came from.
    Raises LimitReached (changing nothing) when that objective has its 3 key results, and
    ValueError when there is no such objective."""
    target_id = objective_id or kpi.from_objective
    objective = find_objective(team, target_id) if target_id else None
    if objective is None:
        raise ValueError(f"no objective {target_id!r} to move {kpi.id!r} back to")
    ensure_room_for_key_result(objective)
    kr = KeyResult(id=kpi.id, text=kpi.text, baseline=kpi.baseline, target=kpi.target,
                   unit=kpi.unit, baseline_unknown=kpi.baseline_unknown, silenced=kpi.silenced)
    team.kpis.remove(kpi)
    objective.key_results.append(kr)
    return kr
