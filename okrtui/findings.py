"""Findings on a whole session: the focus limits, what the tree is missing, and the coach's
word on each wording.

A finding has a stable rule id (okrtui/rule_ids.py, a public contract), a severity, the path
of the item it is about, and a message and suggestion in the session's language. A finding
the team silenced on an item is kept apart, with its reason, never dropped.
"""

from dataclasses import dataclass, field, replace
from typing import Literal

from okrtui.coach import Kind, coach
from okrtui.i18n import Catalog
from okrtui.limits import MAX_KEY_RESULTS, MAX_OBJECTIVES
from okrtui.models import Action, KeyResult, Objective, Session, Silence, Tactic
from okrtui.rule_ids import SEVERITY

Severity = Literal["error", "warning", "info"]
UNSILENCEABLE = frozenset({"limit.objectives", "limit.key_results"})
"""The focus limits are the method itself: they can be fixed, not silenced."""
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    item: str
    item_id: str
    message: str
    suggestion: str
    silenced_because: str | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, str]:
        data = {
            "rule": self.rule,
            "severity": self.severity,
            "item": self.item,
            "id": self.item_id,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.silenced_because is not None:
            data["silenced"] = self.silenced_because
        return data


def finding(tr: Catalog, rule: str, item: str, item_id: str, **params: object) -> Finding:
    return Finding(
        rule=rule,
        severity=SEVERITY[rule],
        item=item,
        item_id=item_id,
        message=tr(f"rule.{rule}.message", **params),
        suggestion=tr(f"rule.{rule}.suggestion", **params),
    )


def wording_findings(
    tr: Catalog, kind: Kind, text: str, item: str = "", item_id: str = "",
    baseline_known: bool = False, language: str | None = None,
) -> list[Finding]:
    """The coach's findings on one wording written in language (by default the catalog's),
    told in the catalog's language."""
    return [finding(tr, rule, item, item_id)
            for rule in coach(kind, text, language or tr.language, baseline_known)]


def _measured(objective: Objective, kr_id: str) -> bool:
    return any(action.measures == kr_id for tactic in objective.tactics
               for action in tactic.actions)


def item_findings(
    tr: Catalog, item: Objective | KeyResult | Tactic | Action, kind: Kind, path: str = "",
    language: str | None = None,
) -> list[Finding]:
    """The coach's findings on one item, those the team silenced marked with the reason."""
    baseline_known = isinstance(item, KeyResult) and (
        item.baseline is not None or item.baseline_unknown)
    found = wording_findings(tr, kind, item.text, path, item.id, baseline_known, language)
    return _mark_silenced(found, {item.id: item.silenced})


def _mark_silenced(findings: list[Finding], silences: dict[str, list[Silence]]) -> list[Finding]:
    marked = []
    for f in findings:
        reasons = {silence.rule: silence.reason for silence in silences.get(f.item_id, [])}
        marked.append(replace(f, silenced_because=reasons[f.rule]) if f.rule in reasons else f)
    return marked


def session_findings(session: Session, tr: Catalog, silenced: bool = False) -> list[Finding]:
    """Every finding in tree order; the silenced ones only when asked for. The wording is
    read in the session's language, whatever the language of tr."""
    language = session.language
    findings: list[Finding] = []
    silences: dict[str, list[Silence]] = {}
    several_teams = len(session.teams) > 1
    for t, team in enumerate(session.teams):
        team_path = f"teams[{t}]." if several_teams else ""
        committed = team.committed_objectives
        if len(committed) > MAX_OBJECTIVES:
            findings.append(finding(tr, "limit.objectives", f"{team_path}objectives", team.id,
                                    count=len(committed), limit=MAX_OBJECTIVES))
        for o, objective in enumerate(team.objectives):
            if objective.set_aside:
                continue
            path = f"{team_path}objectives[{o}]"
            silences[objective.id] = objective.silenced
            findings += item_findings(tr, objective, "objective", path, language)
            krs = objective.committed_key_results
            if len(krs) > MAX_KEY_RESULTS:
                findings.append(finding(tr, "limit.key_results", path, objective.id,
                                        count=len(krs), limit=MAX_KEY_RESULTS))
            elif len(krs) < 2:
                findings.append(finding(tr, "kr.too_few", path, objective.id, count=len(krs)))
            if not objective.decisions:
                findings.append(finding(tr, "objective.no_decision", path, objective.id))
            moved = {kr_id for tactic in objective.tactics for kr_id in tactic.moves}
            for k, kr in enumerate(objective.key_results):
                if kr.set_aside:
                    continue
                kr_path = f"{path}.key_results[{k}]"
                silences[kr.id] = kr.silenced
                findings += item_findings(tr, kr, "kr", kr_path, language)
                if kr.baseline_unknown and not _measured(objective, kr.id):
                    findings.append(replace(
                        finding(tr, "kr.no_baseline", kr_path, kr.id),
                        message=tr("baseline.unknown_message"),
                        suggestion=tr("baseline.unknown_suggestion")))
                if kr.id not in moved:
                    findings.append(finding(tr, "kr.no_tactic", kr_path, kr.id))
            for a, tactic in enumerate(objective.tactics):
                tactic_path = f"{path}.tactics[{a}]"
                silences[tactic.id] = tactic.silenced
                findings += item_findings(tr, tactic, "tactic", tactic_path, language)
                if not tactic.actions:
                    findings.append(finding(tr, "tactic.no_action", tactic_path, tactic.id))
                for c, action in enumerate(tactic.actions):
                    findings += item_findings(tr, action, "action",
                                               f"{tactic_path}.actions[{c}]", language)
    findings = _mark_silenced(findings, silences)
    if silenced:
        return findings
    return [f for f in findings if f.silenced_because is None]


def has_errors(findings: list[Finding]) -> bool:
    return any(finding.severity == "error" for finding in findings)


def worst(findings: list[Finding]) -> str | None:
    """The most severe level among findings, or None."""
    if not findings:
        return None
    return min((f.severity for f in findings), key=SEVERITY_ORDER.__getitem__)
