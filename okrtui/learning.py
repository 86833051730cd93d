"""The learning review, at the end of the period (domain.md, "After the workshop"): whether
each decision of the workshop held (kept, changed, dropped) and on what evidence, what the
team learned per objective, and whether what was left out (parked ideas, set-aside objectives
and key results) is still right not to do. No Textual here.

Lists are replaced, never changed in place, so that History sees every answer."""

from dataclasses import dataclass

from okrtui.models import (
    DecisionReview,
    Idea,
    KeyResult,
    LoggedDecision,
    NotDoing,
    Objective,
    Outcome,
    Session,
    Team,
)
from okrtui.text import clean_line

LeftOut = Idea | Objective | KeyResult
"""Something the workshop chose not to do: a parked idea, a set-aside objective or key result."""


@dataclass(frozen=True)
class Decision:
    """A decision to review: one of an objective's (objective set), or an entry of the
    session's decision log (logged set)."""

    text: str
    objective: Objective | None = None
    logged: LoggedDecision | None = None

    @property
    def review(self) -> DecisionReview | None:
        if self.objective is None:
            return None
        return next((r for r in self.objective.reviews if r.decision == self.text), None)

    @property
    def outcome(self) -> Outcome | None:
        if self.logged is not None:
            return self.logged.outcome
        review = self.review
        return review.outcome if review else None

    @property
    def evidence(self) -> str | None:
        if self.logged is not None:
            return self.logged.evidence
        review = self.review
        return review.evidence if review else None


def objective_decisions(objective: Objective) -> list[Decision]:
    """The objective's decisions, each wording once (two equal wordings share one review)."""
    seen: dict[str, Decision] = {}
    for text in objective.decisions:
        seen.setdefault(text, Decision(text, objective=objective))
    return list(seen.values())


def decisions_to_review(session: Session, team: Team) -> list[Decision]:
    """Every decision of the team's committed objectives, then the session's decision log."""
    found = [d for objective in team.committed_objectives for d in objective_decisions(objective)]
    return found + [Decision(logged.text, logged=logged) for logged in session.decision_log]


def _note(text: str | None) -> str | None:
    """One line of evidence or a note: None when blank."""
    return clean_line(text or "") or None


def review_decision(objective: Objective, decision: str, outcome: Outcome) -> None:
    """Say whether one of the objective's decisions held; its evidence stays."""
    if decision not in objective.decisions:
        raise ValueError(f"objective {objective.id!r} has no decision {decision!r}")
    reviews = list(objective.reviews)
    for at, review in enumerate(reviews):
        if review.decision == decision:
            reviews[at] = review.model_copy(update={"outcome": outcome})
            break
    else:
        reviews.append(DecisionReview(decision=decision, outcome=outcome))
    objective.reviews = reviews


def explain_decision(objective: Objective, decision: str, evidence: str | None) -> None:
    """The evidence for a decision already reviewed (blank: none); ValueError before its
    outcome is said."""
    reviews = list(objective.reviews)
    for at, review in enumerate(reviews):
        if review.decision == decision:
            reviews[at] = review.model_copy(update={"evidence": _note(evidence)})
            objective.reviews = reviews
            return
    raise ValueError(f"say first whether {decision!r} held")


def review_logged(logged: LoggedDecision, outcome: Outcome) -> None:
    """Say whether a decision of the session's log held; its evidence stays."""
    logged.outcome = outcome


def explain_logged(logged: LoggedDecision, evidence: str | None) -> None:
    if logged.outcome is None:
        raise ValueError(f"say first whether {logged.text!r} held")
    logged.evidence = _note(evidence)


def set_outcome(decision: Decision, outcome: Outcome) -> None:
    if decision.logged is not None:
        review_logged(decision.logged, outcome)
    elif decision.objective is not None:
        review_decision(decision.objective, decision.text, outcome)


def set_evidence(decision: Decision, evidence: str | None) -> None:
    """ValueError while the decision has no outcome."""
    if decision.logged is not None:
        explain_logged(decision.logged, evidence)
    elif decision.objective is not None:
        explain_decision(decision.objective, decision.text, evidence)


def set_learned(objective: Objective, text: str | None) -> None:
    """What the team learned over the period on this objective (blank: nothing yet)."""
    objective.learned = (text or "").strip() or None


def not_doing_items(team: Team) -> list[LeftOut]:
    """What to ask "still right not to do?" about: parked ideas, set-aside objectives, and the
    key results set aside under committed objectives (a set-aside objective answers for its
    own)."""
    parked: list[LeftOut] = [idea for idea in team.ideas if idea.parked]
    objectives: list[LeftOut] = [o for o in team.objectives if o.set_aside]
    key_results: list[LeftOut] = [kr for o in team.committed_objectives
                                  for kr in o.key_results if kr.set_aside]
    return parked + objectives + key_results


def set_not_doing(item: LeftOut, answer: NotDoing | None) -> None:
    """Still right not to do it, or to reconsider (None: not answered); its note stays."""
    item.not_doing = answer


def set_not_doing_note(item: LeftOut, note: str | None) -> None:
    item.not_doing_note = _note(note)


@dataclass(frozen=True)
class Progress:
    """How far the review has gone: decisions with an outcome, committed objectives with what
    was learned, left-out items answered, each out of how many."""

    decisions: int
    decisions_total: int
    learned: int
    learned_total: int
    not_doing: int
    not_doing_total: int


def review_progress(session: Session, team: Team) -> Progress:
    decisions = decisions_to_review(session, team)
    objectives = team.committed_objectives
    left_out = not_doing_items(team)
    return Progress(
        sum(1 for d in decisions if d.outcome is not None), len(decisions),
        sum(1 for o in objectives if o.learned), len(objectives),
        sum(1 for item in left_out if item.not_doing is not None), len(left_out))
