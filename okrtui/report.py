"""A company's quarter at a glance (`okrtui report`): one session file per team (a file may
hold several), rolled up. Every team's committed objectives with each committed key
result's progress and confidence, a summary per team, the themes two teams or more share
(okrtui.compare finds them) and, first, the key results off track.

Pure data: okrtui.report_text writes it as Markdown and JSON, okrtui.report_html as a page.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrtui.compare import compare_themes
from okrtui.comparison import TeamRef, Theme
from okrtui.kr_refs import label_of
from okrtui.models import KeyResult, Objective, ObjectiveKind, Session, Team
from okrtui.progress import (
    ConfidenceState,
    Unknown,
    clamped,
    confidence_state,
    kr_progress,
    latest,
    objective_grade,
    succeeded,
)


@dataclass(frozen=True)
class KeyResultLine:
    id: str
    label: str
    """As the tree shows it and `okrtui checkin` takes it: "O2.KR1" ("team.O2.KR1" in a file
    of several teams)."""
    text: str
    baseline: float | None
    target: float | None
    unit: str | None
    value: float | None
    """The latest check-in's value (None: no check-in)."""
    progress: float | None
    """From baseline to target at the latest check-in, clamped to 0.0–1.0 (None: unknown)."""
    unknown: Unknown | None
    """Why the progress is unknown (None when it is known)."""
    confidence: int | None
    state: ConfidenceState | None
    """From the latest check-in's confidence; None with no check-in or none told."""
    note: str | None
    checked_on: date | None
    grade: float | None


@dataclass(frozen=True)
class ObjectiveLine:
    id: str
    text: str
    kind: ObjectiveKind
    grade: float | None
    succeeded: bool | None
    key_results: tuple[KeyResultLine, ...]


@dataclass(frozen=True)
class Summary:
    objectives: int
    key_results: int
    on_track: int
    at_risk: int
    off_track: int
    no_check_in: int
    """Key results with no confidence told: no check-in, or a latest one without it."""
    mean_progress: float | None
    """The mean of the key results' progress where it is known (None: none known)."""


@dataclass(frozen=True)
class TeamReport:
    team: TeamRef
    objectives: tuple[ObjectiveLine, ...]
    summary: Summary


@dataclass(frozen=True)
class OffTrack:
    team: TeamRef
    objective: ObjectiveLine
    key_result: KeyResultLine


@dataclass(frozen=True)
class Report:
    teams: tuple[TeamReport, ...]
    off_track: tuple[OffTrack, ...]
    """The key results off track, the lowest confidence first, then in the teams' order."""
    themes: tuple[Theme, ...]
    """What items of two teams or more name, most teams first."""

    @property
    def files(self) -> int:
        return len({team.team.source for team in self.teams})


def key_result_line(kr: KeyResult, label: str) -> KeyResultLine:
    ratio = kr_progress(kr)
    check_in = latest(kr)
    confidence = check_in.confidence if check_in else None
    return KeyResultLine(
        kr.id, label, kr.text, kr.baseline, kr.target, kr.unit,
        None if check_in is None else check_in.value,
        clamped(ratio) if isinstance(ratio, float) else None,
        None if isinstance(ratio, float) else ratio,
        confidence, confidence_state(confidence), check_in.note if check_in else None,
        check_in.date if check_in else None, kr.grade)


def objective_line(team: Team, objective: Objective, qualified: bool) -> ObjectiveLine:
    """qualified: the file holds several teams, so a label names the team."""
    return ObjectiveLine(objective.id, objective.text, objective.kind,
                         objective_grade(objective), succeeded(objective),
                         tuple(key_result_line(kr, label_of(team, objective, kr, qualified))
                               for kr in objective.committed_key_results))


def summary(objectives: Sequence[ObjectiveLine]) -> Summary:
    krs = [kr for objective in objectives for kr in objective.key_results]
    known = [kr.progress for kr in krs if kr.progress is not None]
    states = [kr.state for kr in krs]
    return Summary(len(objectives), len(krs), states.count("on_track"),
                   states.count("at_risk"), states.count("off_track"), states.count(None),
                   sum(known) / len(known) if known else None)


def build_report(sources: Sequence[tuple[str, Session]]) -> Report:
    """sources: (the file as shown, its session), in the order given."""
    refs, themes = compare_themes(sources)
    teams = [(team, len(session.teams) > 1) for _, session in sources for team in session.teams]
    reports = []
    for ref, (team, qualified) in zip(refs, teams, strict=True):
        objectives = tuple(objective_line(team, o, qualified) for o in team.committed_objectives)
        reports.append(TeamReport(ref, objectives, summary(objectives)))
    off_track = [OffTrack(report.team, objective, kr) for report in reports
                 for objective in report.objectives for kr in objective.key_results
                 if kr.state == "off_track"]
    off_track.sort(key=lambda line: line.key_result.confidence or 0)
    return Report(tuple(reports), tuple(off_track), tuple(themes))


def as_dict(report: Report, language: str) -> dict[str, Any]:
    """The report as JSON data (docs/report.md describes it); theme labels in language."""
    return {
        "format": "okrtui-report",
        "version": 1,
        "language": language,
        "off_track": [{"team": line.team.name, "source": line.team.source,
                       "objective": {"id": line.objective.id, "text": line.objective.text},
                       "key_result": {"id": line.key_result.id, "label": line.key_result.label,
                                      "text": line.key_result.text},
                       "confidence": line.key_result.confidence,
                       "note": line.key_result.note,
                       "date": _day(line.key_result.checked_on)}
                      for line in report.off_track],
        "themes": [{"kind": theme.kind, "label": theme.label(language),
                    "teams": [team.name for team in theme.teams],
                    "items": len(theme.items)} for theme in report.themes],
        "teams": [{"name": team.team.name, "source": team.team.source,
                   "language": team.team.language,
                   "summary": vars(team.summary).copy(),
                   "objectives": [_objective_dict(o) for o in team.objectives]}
                  for team in report.teams],
    }


def _objective_dict(objective: ObjectiveLine) -> dict[str, Any]:
    return {"id": objective.id, "text": objective.text, "kind": objective.kind,
            "grade": objective.grade, "succeeded": objective.succeeded,
            "key_results": [{**vars(kr), "checked_on": _day(kr.checked_on)}
                            for kr in objective.key_results]}


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
