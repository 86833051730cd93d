"""Where a key result stands in the quarter after the workshop: its progress from baseline
to target, the team's confidence, its grade, and an objective's grade (domain.md, "After the
workshop"). No Textual here: the progress view, the CLI and the exports read it."""

from dataclasses import dataclass
from datetime import date
from typing import Literal

from okrtui.models import CheckIn, KeyResult, Objective, ObjectiveKind, Team

ConfidenceState = Literal["on_track", "at_risk", "off_track"]
ON_TRACK_FROM = 7
"""Confidence 7–10: on track."""
AT_RISK_FROM = 4
"""Confidence 4–6: at risk; 0–3: off track."""
SUCCESS: dict[ObjectiveKind, float] = {"committed": 1.0, "aspirational": 0.7}
"""The grade from which an objective of each kind counts as a success."""

Unknown = Literal["no_baseline", "no_target", "no_distance", "no_check_in"]
"""Why a progress is unknown: the baseline is not known (measure it first), no target, a
target equal to the baseline (no distance to cover), or no value checked in yet."""


def progress(baseline: float | None, target: float | None, value: float) -> float | Unknown:
    """(value − baseline) / (target − baseline): 0.0 at the baseline, 1.0 at the target,
    beyond 1.0 past it and below 0.0 when the value moved away from it. It holds for a
    reduction (target below baseline) as for an increase."""
    if baseline is None:
        return "no_baseline"
    if target is None:
        return "no_target"
    if target == baseline:
        return "no_distance"
    return (value - baseline) / (target - baseline)


def clamped(ratio: float) -> float:
    """A progress as a grade: 0.0 to 1.0."""
    return min(1.0, max(0.0, ratio))


def latest(kr: KeyResult) -> CheckIn | None:
    """The most recent check-in (the last one of its day when a day has several)."""
    if not kr.check_ins:
        return None
    return max(reversed(kr.check_ins), key=lambda check_in: check_in.date)


def kr_progress(kr: KeyResult) -> float | Unknown:
    """The key result's progress at its latest check-in."""
    check_in = latest(kr)
    if check_in is None:
        return "no_baseline" if kr.baseline is None else "no_check_in"
    return progress(kr.baseline, kr.target, check_in.value)


def confidence_state(confidence: int | None) -> ConfidenceState | None:
    if confidence is None:
        return None
    if confidence >= ON_TRACK_FROM:
        return "on_track"
    if confidence >= AT_RISK_FROM:
        return "at_risk"
    return "off_track"


def kr_state(kr: KeyResult) -> ConfidenceState | None:
    """On track, at risk or off track, from the latest check-in's confidence (None: not
    told)."""
    check_in = latest(kr)
    return confidence_state(check_in.confidence if check_in else None)


def suggested_grade(kr: KeyResult) -> float | None:
    """What the grade form proposes: the grade saved, else the latest progress clamped."""
    if kr.grade is not None:
        return kr.grade
    ratio = kr_progress(kr)
    return clamped(ratio) if isinstance(ratio, float) else None


def objective_grade(objective: Objective) -> float | None:
    """The mean of its committed key results' grades, once each is graded (None until then:
    one key result graded 1.0 is not the objective reached)."""
    grades = [kr.grade for kr in objective.committed_key_results]
    if not grades or any(grade is None for grade in grades):
        return None
    return sum(grade for grade in grades if grade is not None) / len(grades)


def succeeded(objective: Objective) -> bool | None:
    """Whether the objective's grade reaches its kind's success (None: not graded)."""
    grade = objective_grade(objective)
    return None if grade is None else grade >= SUCCESS[objective.kind] - 1e-9


@dataclass(frozen=True)
class Trend:
    """The values checked in, oldest first, for a small chart."""

    dates: tuple[date, ...]
    values: tuple[float, ...]


def trend(kr: KeyResult) -> Trend:
    ordered = sorted(enumerate(kr.check_ins), key=lambda pair: (pair[1].date, pair[0]))
    return Trend(tuple(c.date for _, c in ordered), tuple(float(c.value) for _, c in ordered))


def has_check_ins(team: Team) -> bool:
    """The quarter has begun for this team: a key result of its has a check-in."""
    return any(kr.check_ins for objective in team.objectives for kr in objective.key_results)


def toward_target(kr: KeyResult) -> tuple[float, ...]:
    """The check-ins, oldest first, as progress toward the target, so that up is better for
    a reduction too; their values while the progress is unknown."""
    values = trend(kr).values
    ratios = [progress(kr.baseline, kr.target, value) for value in values]
    if all(isinstance(ratio, float) for ratio in ratios):
        return tuple(float(ratio) for ratio in ratios)
    return values


def add_check_in(kr: KeyResult, check_in: CheckIn) -> None:
    """Record a check-in, kept in date order (after those of the same day)."""
    check_ins = list(kr.check_ins)
    at = len(check_ins)
    while at > 0 and check_ins[at - 1].date > check_in.date:
        at -= 1
    check_ins.insert(at, check_in)
    kr.check_ins = check_ins
