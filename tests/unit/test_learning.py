"""The learning review's answers land in the session, where the file and the undo see them."""

import pytest

from okrtui.document import Document
from okrtui.facilitation import log_decision, park
from okrtui.learning import (
    Decision,
    decisions_to_review,
    explain_decision,
    explain_logged,
    not_doing_items,
    review_decision,
    review_logged,
    review_progress,
    set_evidence,
    set_learned,
    set_not_doing,
    set_not_doing_note,
    set_outcome,
)
from okrtui.models import DecisionReview, Session
from okrtui.storage import dumps_session, parse_session
from okrtui.workshop import (
    add_decision,
    add_idea,
    add_key_result,
    commit_objective,
    new_session,
    set_aside,
)


def reviewed_session() -> Session:
    """Two committed objectives with decisions (one worded twice), one set aside, a set-aside
    key result, a parked idea and one logged decision."""
    session = new_session("Review", "en", team="Product")
    team = session.teams[0]
    first = commit_objective(session, team, "Make sellers autonomous")
    add_decision(first, "Professional sellers first")
    add_decision(first, "Mobile before web")
    add_decision(first, "Professional sellers first")
    second = commit_objective(session, team, "Grow referrals")
    add_decision(second, "Referrals through the app only")
    add_key_result(session, second, "Double invitations sent")
    set_aside(add_key_result(session, second, "Halve support tickets"))
    set_aside(commit_objective(session, team, "Rewrite the app natively"))
    park(add_idea(session, team, "ambition", "Launch in Spain", None))
    add_idea(session, team, "ambition", "Not parked", None)
    log_decision(session, "No paid acquisition this quarter", "Budget", "ambition")
    return session


def test_every_decision_of_the_committed_objectives_and_the_log_is_to_review() -> None:
    session = reviewed_session()
    texts = [(d.objective.id if d.objective else "log", d.text)
             for d in decisions_to_review(session, session.teams[0])]
    assert texts == [("o1", "Professional sellers first"), ("o1", "Mobile before web"),
                     ("o2", "Referrals through the app only"),
                     ("log", "No paid acquisition this quarter")]


def test_an_outcome_then_its_evidence_make_one_review_and_a_new_outcome_keeps_it() -> None:
    session = reviewed_session()
    objective = session.teams[0].objectives[0]
    review_decision(objective, "Mobile before web", "kept")
    explain_decision(objective, "Mobile before web", "  80% of listings came from mobile ")
    review_decision(objective, "Mobile before web", "changed")
    assert objective.reviews == [DecisionReview(decision="Mobile before web", outcome="changed",
                                                evidence="80% of listings came from mobile")]
    explain_decision(objective, "Mobile before web", "   ")
    assert objective.reviews[0].evidence is None


def test_evidence_waits_for_an_outcome_and_a_decision_must_exist() -> None:
    objective = reviewed_session().teams[0].objectives[0]
    with pytest.raises(ValueError):
        explain_decision(objective, "Mobile before web", "why")
    with pytest.raises(ValueError):
        review_decision(objective, "Never decided", "kept")
    assert objective.reviews == []


def test_a_logged_decision_gets_its_outcome_and_evidence() -> None:
    session = reviewed_session()
    logged = session.decision_log[0]
    with pytest.raises(ValueError):
        explain_logged(logged, "too soon")
    review_logged(logged, "dropped")
    explain_logged(logged, "Paid ads came back in week 6")
    assert (logged.outcome, logged.evidence) == ("dropped", "Paid ads came back in week 6")


def test_set_outcome_and_evidence_reach_both_kinds_of_decision() -> None:
    session = reviewed_session()
    decisions = decisions_to_review(session, session.teams[0])
    for decision, outcome in zip(decisions, ("kept", "changed", "dropped", "kept"), strict=True):
        set_outcome(decision, outcome)
        set_evidence(decision, f"evidence for {decision.text}")
    again = decisions_to_review(session, session.teams[0])
    assert [(d.outcome, d.evidence) for d in again] == [
        ("kept", "evidence for Professional sellers first"),
        ("changed", "evidence for Mobile before web"),
        ("dropped", "evidence for Referrals through the app only"),
        ("kept", "evidence for No paid acquisition this quarter")]


def test_the_answers_survive_the_file() -> None:
    session = reviewed_session()
    team = session.teams[0]
    review_decision(team.objectives[0], "Professional sellers first", "kept")
    set_learned(team.objectives[0], "Pros publish in bursts\nat the end of the month")
    for item in not_doing_items(team):
        set_not_doing(item, "reconsider")
        set_not_doing_note(item, "[/] [b]x [@click=app.quit]")
    assert parse_session(dumps_session(session).encode()) == session


def test_what_was_left_out_is_the_not_doing_list() -> None:
    session = reviewed_session()
    team = session.teams[0]
    set_aside(team.objectives[1].key_results[0])
    set_aside(add_key_result(session, team.objectives[2], "Inside the set-aside objective"))
    texts = [item.text for item in not_doing_items(team)]
    assert texts == ["Launch in Spain", "Rewrite the app natively", "Double invitations sent",
                     "Halve support tickets"]


def test_a_not_doing_answer_keeps_its_note_and_a_blank_note_is_none() -> None:
    idea = not_doing_items(reviewed_session().teams[0])[0]
    set_not_doing_note(idea, " Spain waits for the web version ")
    set_not_doing(idea, "still_right")
    assert (idea.not_doing, idea.not_doing_note) == ("still_right",
                                                     "Spain waits for the web version")
    set_not_doing_note(idea, "")
    assert idea.not_doing_note is None


def test_progress_counts_what_is_answered() -> None:
    session = reviewed_session()
    team = session.teams[0]
    assert review_progress(session, team).decisions_total == 4
    set_outcome(Decision("Mobile before web", objective=team.objectives[0]), "kept")
    review_logged(session.decision_log[0], "kept")
    set_learned(team.objectives[1], "Invitations need a reward")
    set_not_doing(team.ideas[0], "still_right")
    progress = review_progress(session, team)
    assert (progress.decisions, progress.decisions_total) == (2, 4)
    assert (progress.learned, progress.learned_total) == (1, 2)
    assert (progress.not_doing, progress.not_doing_total) == (1, 3)


def test_every_answer_is_one_undo_step() -> None:
    session = reviewed_session()
    document = Document(session)
    team = session.teams[0]
    steps = [
        lambda: review_decision(team.objectives[0], "Mobile before web", "kept"),
        lambda: explain_decision(team.objectives[0], "Mobile before web", "Numbers"),
        lambda: review_logged(session.decision_log[0], "changed"),
        lambda: explain_logged(session.decision_log[0], "Week 6"),
        lambda: set_learned(team.objectives[0], "Learned"),
        lambda: set_not_doing(team.ideas[0], "reconsider"),
        lambda: set_not_doing_note(team.ideas[0], "Now"),
    ]
    before = [dumps_session(session)]
    for step in steps:
        step()
        document.edited()
        before.append(dumps_session(session))
    assert len(set(before)) == len(before)
    for expected in reversed(before[:-1]):
        assert document.undo() is not None
        assert dumps_session(session) == expected


def test_an_objective_is_committed_unless_made_aspirational() -> None:
    session = new_session("Kinds", "en")
    team = session.teams[0]
    assert commit_objective(session, team, "Make sellers autonomous").kind == "committed"
    assert commit_objective(session, team, "Win Spain", kind="aspirational").kind == "aspirational"
