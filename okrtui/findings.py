"""Findings on a whole session: the focus limits and what the tree is missing.

A finding has a stable rule id (a public contract, see the domain page), a severity,
the path of the item it is about, and a message and suggestion in the session's language.
"""

from dataclasses import dataclass
from typing import Literal

from okrtui.i18n import Catalog
from okrtui.limits import MAX_KEY_RESULTS, MAX_OBJECTIVES
from okrtui.models import Session

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    item: str
    item_id: str
    message: str
    suggestion: str

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "item": self.item,
            "id": self.item_id,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def _finding(
    tr: Catalog, rule: str, severity: Severity, item: str, item_id: str, **params: object
) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        item=item,
        item_id=item_id,
        message=tr(f"rule.{rule}.message", **params),
        suggestion=tr(f"rule.{rule}.suggestion", **params),
    )


def session_findings(session: Session, tr: Catalog) -> list[Finding]:
    """The limits and the gaps of the committed tree, in tree order."""
    findings: list[Finding] = []
    several_teams = len(session.teams) > 1
    for t, team in enumerate(session.teams):
        team_path = f"teams[{t}]." if several_teams else ""
        committed = team.committed_objectives
        if len(committed) > MAX_OBJECTIVES:
            findings.append(
                _finding(
                    tr, "limit.objectives", "error", f"{team_path}objectives", team.id,
                    count=len(committed), limit=MAX_OBJECTIVES,
                )
            )
        for o, objective in enumerate(team.objectives):
            if objective.set_aside:
                continue
            path = f"{team_path}objectives[{o}]"
            krs = objective.committed_key_results
            if len(krs) > MAX_KEY_RESULTS:
                findings.append(
                    _finding(
                        tr, "limit.key_results", "error", path, objective.id,
                        count=len(krs), limit=MAX_KEY_RESULTS,
                    )
                )
            elif len(krs) < 2:
                findings.append(
                    _finding(tr, "kr.too_few", "warning", path, objective.id, count=len(krs))
                )
            moved = {kr_id for tactic in objective.tactics for kr_id in tactic.moves}
            for k, kr in enumerate(objective.key_results):
                if not kr.set_aside and kr.id not in moved:
                    findings.append(
                        _finding(
                            tr, "kr.no_tactic", "info", f"{path}.key_results[{k}]", kr.id
                        )
                    )
            for a, tactic in enumerate(objective.tactics):
                if not tactic.actions:
                    findings.append(
                        _finding(
                            tr, "tactic.no_action", "info", f"{path}.tactics[{a}]", tactic.id
                        )
                    )
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(finding.severity == "error" for finding in findings)
