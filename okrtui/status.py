"""Where a session stands in its quarter, as `okrtui status` tells it: each committed
objective and key result with its latest check-in, progress and confidence. as_dict is the
JSON shape documented in docs/format.md ("okrtui status --format json")."""

from dataclasses import dataclass
from typing import Any

from okrtui.document import item_tag
from okrtui.kr_refs import FoundKr, committed_krs
from okrtui.models import Objective, Session, Team
from okrtui.progress import (
    ConfidenceState,
    Unknown,
    kr_progress,
    kr_state,
    latest,
    objective_grade,
    succeeded,
)

STATES: tuple[ConfidenceState, ...] = ("on_track", "at_risk", "off_track")


@dataclass(frozen=True)
class KrStatus:
    found: FoundKr
    progress: float | Unknown
    state: ConfidenceState | None

    def as_dict(self) -> dict[str, Any]:
        kr, check_in = self.found.kr, latest(self.found.kr)
        return {
            "id": kr.id,
            "label": self.found.label,
            "text": kr.text,
            "unit": kr.unit,
            "baseline": kr.baseline,
            "baseline_unknown": kr.baseline_unknown,
            "target": kr.target,
            "latest": None if check_in is None else {
                "date": check_in.date.isoformat(), "value": check_in.value,
                "confidence": check_in.confidence, "note": check_in.note},
            "check_ins": len(kr.check_ins),
            "progress": self.progress if isinstance(self.progress, float) else None,
            "progress_unknown": None if isinstance(self.progress, float) else self.progress,
            "confidence_state": self.state,
            "grade": kr.grade,
        }


@dataclass(frozen=True)
class ObjectiveStatus:
    team: Team
    objective: Objective
    label: str
    key_results: tuple[KrStatus, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.objective.id,
            "label": self.label,
            "text": self.objective.text,
            "kind": self.objective.kind,
            "grade": objective_grade(self.objective),
            "succeeded": succeeded(self.objective),
            "key_results": [kr.as_dict() for kr in self.key_results],
        }


@dataclass(frozen=True)
class Status:
    session: Session
    objectives: tuple[ObjectiveStatus, ...]

    @property
    def key_results(self) -> list[KrStatus]:
        return [kr for objective in self.objectives for kr in objective.key_results]

    def count(self, state: ConfidenceState | None) -> int:
        return sum(kr.state == state for kr in self.key_results)

    @property
    def off_track(self) -> list[KrStatus]:
        return [kr for kr in self.key_results if kr.state == "off_track"]

    def as_dict(self) -> dict[str, Any]:
        teams = []
        for team in self.session.teams:
            teams.append({"id": team.id, "name": team.name, "objectives": [
                objective.as_dict() for objective in self.objectives
                if objective.team is team]})
        return {
            "title": self.session.title,
            "period": self.session.period,
            "language": self.session.language,
            "summary": {"key_results": len(self.key_results),
                        **{state: self.count(state) for state in STATES},
                        "not_told": self.count(None)},
            "teams": teams,
        }


def session_status(session: Session) -> Status:
    every = committed_krs(session)
    qualified = len(session.teams) > 1
    objectives = []
    for team in session.teams:
        for objective in team.committed_objectives:
            krs = tuple(KrStatus(found, kr_progress(found.kr), kr_state(found.kr))
                        for found in every if found.objective is objective)
            tag = item_tag(team, objective.id)
            label = f"{team.id}.{tag}" if qualified else tag
            objectives.append(ObjectiveStatus(team, objective, label, krs))
    return Status(session, tuple(objectives))

