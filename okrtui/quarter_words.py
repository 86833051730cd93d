"""The quarter after the workshop in words, for the Markdown and HTML exports: progress,
confidence, grades, what the decisions became and the "not doing" list. The figures come
from okrtui.progress; this module only says them in the session's language."""

from collections.abc import Callable
from dataclasses import dataclass

from okrtui.i18n import Catalog
from okrtui.models import DecisionReview, KeyResult, NotDoing, Objective, Session, Team
from okrtui.numbers import amount_text, grade_text, percent_text
from okrtui.progress import Unknown, kr_progress, kr_state, latest, objective_grade, succeeded


def unknown(reason: Unknown, tr: Catalog) -> str:
    return tr(f"quarter.unknown.{reason}")


def has_quarter(session: Session) -> bool:
    """Whether anything of the quarter was recorded: a check-in, a grade, a review, a kind
    other than the default, an outcome or a "not doing" answer. A session without any
    exports as it did before the quarter existed."""
    for team in session.teams:
        for objective in team.objectives:
            if (objective.kind != "committed" or objective.reviews or objective.learned
                    or objective.not_doing):
                return True
            if any(kr.check_ins or kr.grade is not None or kr.not_doing
                   for kr in objective.key_results):
                return True
        if any(idea.not_doing for idea in team.ideas):
            return True
    return any(decision.outcome for decision in session.decision_log)


@dataclass(frozen=True)
class KrStatus:
    """Where a key result stands, each part in words (empty when there is nothing to say)."""

    latest: str
    progress: str
    ratio: float | None
    state: str | None
    state_words: str
    grade: str


def kr_status(kr: KeyResult, tr: Catalog, literal: Callable[[str], str] = str) -> KrStatus:
    check_in = latest(kr)
    ratio = kr_progress(kr)
    state = kr_state(kr)
    last = (tr("export_quarter.latest",
               value=amount_text(check_in.value, kr.unit, tr.language, literal),
               date=check_in.date.isoformat()) if check_in else "")
    progress = (tr("export_quarter.progress", percent=percent_text(ratio, tr.language))
                if isinstance(ratio, float) else unknown(ratio, tr))
    state_words = ""
    if state is not None and check_in is not None and check_in.confidence is not None:
        state_words = tr("export_quarter.state_confidence",
                         state=tr(f"quarter.state.{state}"),
                         confidence=check_in.confidence)
    graded = ("" if kr.grade is None
              else tr("export_quarter.grade", grade=grade_text(kr.grade, tr.language)))
    return KrStatus(last, progress, ratio if isinstance(ratio, float) else None, state,
                    state_words, graded)


def objective_summary(objective: Objective, tr: Catalog) -> str:
    """« Objectif engagé · note 0,6 — pas atteint »."""
    parts = [tr(f"export_quarter.kind.{objective.kind}")]
    value = objective_grade(objective)
    if value is not None:
        reached = succeeded(objective)
        parts.append(tr("export_quarter.grade", grade=grade_text(value, tr.language)) + " — "
                     + tr("export_quarter.succeeded" if reached else "export_quarter.missed"))
    return " · ".join(parts)


def review_of(objective: Objective, decision: str) -> DecisionReview | None:
    for review in objective.reviews:
        if review.decision == decision:
            return review
    return None


@dataclass(frozen=True)
class LeftOut:
    """Something the workshop chose not to do, and the learning review's answer."""

    text: str
    kind: str
    """parked, objective or key_result."""
    answer: NotDoing | None
    note: str | None
    members: tuple[str, ...] = ()


def not_doing(team: Team) -> list[LeftOut]:
    """Set-aside objectives and key results, then the parking lot."""
    items = [LeftOut(o.text, "objective", o.not_doing, o.not_doing_note)
             for o in team.objectives if o.set_aside]
    items += [LeftOut(kr.text, "key_result", kr.not_doing, kr.not_doing_note)
              for o in team.committed_objectives for kr in o.key_results if kr.set_aside]
    items += [LeftOut(i.text, "parked", i.not_doing, i.not_doing_note,
                      tuple(member.text for member in i.members))
              for i in team.ideas if i.parked]
    return items


def answer_words(item: LeftOut, tr: Catalog) -> str:
    return tr(f"export_quarter.not_doing.{item.answer or 'unanswered'}")
