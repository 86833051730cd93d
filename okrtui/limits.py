"""The focus rule: at most 3 committed objectives, at most 3 committed key results each."""

from okrtui.models import Objective, Team

MAX_OBJECTIVES = 3
MAX_KEY_RESULTS = 3


class LimitReached(Exception):
    """Committing one more would break the focus rule; nothing was changed."""

    def __init__(self, rule: str, limit: int) -> None:
        super().__init__(f"{rule}: at most {limit}")
        self.rule = rule
        self.limit = limit


def ensure_room_for_objective(team: Team) -> None:
    if len(team.committed_objectives) >= MAX_OBJECTIVES:
        raise LimitReached("limit.objectives", MAX_OBJECTIVES)


def ensure_room_for_key_result(objective: Objective) -> None:
    if len(objective.committed_key_results) >= MAX_KEY_RESULTS:
        raise LimitReached("limit.key_results", MAX_KEY_RESULTS)
