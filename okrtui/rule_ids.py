"""Every finding's rule id and severity: a public contract (see the domain page).

Users silence findings by these ids and CI greps for them; never rename one.
"""

from typing import Literal

SEVERITY: dict[str, Literal["error", "warning", "info"]] = {
    "limit.objectives": "error",
    "limit.key_results": "error",
    "kr.too_few": "warning",
    "objective.vague": "warning",
    "objective.form": "warning",
    "objective.has_number": "info",
    "objective.is_output": "warning",
    "objective.no_decision": "warning",
    "kr.no_number": "error",
    "kr.weak_verb": "error",
    "kr.form": "info",
    "kr.is_kpi": "warning",
    "kr.is_task": "warning",
    "kr.no_baseline": "info",
    "text.too_long": "warning",
    "kr.no_tactic": "info",
    "tactic.no_action": "info",
}
RULE_IDS = frozenset(SEVERITY)
