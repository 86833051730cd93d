"""Undo and redo as the facilitator uses them: every kind of edit, far back, in place."""

import zlib
from collections.abc import Callable

from okrtui import facilitation, workshop
from okrtui.history import MAX_STEPS, History
from okrtui.limits import MAX_OBJECTIVES
from okrtui.models import Session
from okrtui.snapshots import CHUNK
from okrtui.storage import dumps_session, parse_session


def room() -> Session:
    session = workshop.new_session("Atelier", "fr", participants=["Ana", "Léo", "Noor"])
    session.dots_per_person = 20
    return session


def content(session: Session) -> str:
    return dumps_session(session)


def reloads(session: Session) -> Session:
    return parse_session(dumps_session(session).encode("utf-8"))


def add_idea(session: Session, n: int) -> None:
    workshop.add_idea(session, session.teams[0], "ambition", f"Idée {n}", f"p{n % 3 + 1}")


def add_tactic_idea(session: Session, n: int) -> None:
    workshop.add_idea(session, session.teams[0], "tactic", f"Pari {n}", None)


def vote(session: Session, n: int) -> None:
    team = session.teams[0]
    facilitation.add_dot(session, team, f"p{n % 3 + 1}", team.ideas_at("ambition")[-1])


def paper_total(session: Session, n: int) -> None:
    team = session.teams[0]
    facilitation.set_paper_total(team, team.ideas_at("ambition")[0], n % 50 + 1)


def merge_last_two(session: Session, n: int) -> None:
    team = session.teams[0]
    facilitation.merge(session, team, team.ideas_at("ambition")[-2:], f"Groupe {n}")


def promote(session: Session, n: int) -> None:
    team = session.teams[0]
    if len(team.committed_objectives) == MAX_OBJECTIVES:
        workshop.set_aside(team.committed_objectives[0])
    idea = next(i for i in reversed(team.ideas_at("ambition")) if i.promoted_to is None)
    objective = workshop.commit_objective(session, team, f"Permettre {n}", idea)
    workshop.add_key_result(session, objective, f"Réduire de {n} % le délai", 10, 8)


def park_or_unpark(session: Session, n: int) -> None:
    idea = session.teams[0].ideas[n % len(session.teams[0].ideas)]
    (facilitation.unpark if idea.parked else facilitation.park)(idea)


def decide(session: Session, n: int) -> None:
    facilitation.log_decision(session, f"Décision {n}", "Parce que", "ambition")


EDITS: list[Callable[[Session, int], None]] = [
    add_idea, add_idea, add_tactic_idea, vote, add_idea, merge_last_two, paper_total,
    promote, park_or_unpark, decide,
]


def edit(session: Session, n: int) -> None:
    EDITS[n % len(EDITS)](session, n)


def test_undo_and_redo_walk_over_150_edits_of_every_kind() -> None:
    session = room()
    history = History(session)
    states = [content(session)]
    for n in range(150):
        edit(session, n)
        history.commit(session)
        states.append(content(session))
    assert len(set(states)) == len(states), "every edit changed the session"
    kept = session
    for expected in reversed(states[:-1]):
        assert history.undo(session) is True
        assert content(session) == expected
    assert history.undo(session) is False
    assert content(session) == states[0]
    for expected in states[1:]:
        assert history.redo(session) is True
        assert content(session) == expected
    assert history.redo(session) is False
    assert session is kept
    assert reloads(session) == session


def test_undo_and_redo_keep_the_phases_and_timers_as_they_are() -> None:
    """Moving between phases and running the timer are navigation: an undo takes back the
    last edit and leaves the workshop where it is."""
    session = room()
    history = History(session)
    add_idea(session, 1)
    history.commit(session)
    state = facilitation.step_phase(session.teams[0], "ambition", 1)
    facilitation.tick(session, state, 30)
    add_idea(session, 2)
    history.commit(session)
    where = session.teams[0].levels[0].model_dump()
    assert history.undo(session) and history.undo(session)
    assert len(session.teams[0].ideas) == len(room().teams[0].ideas)
    assert session.teams[0].levels[0].model_dump() == where
    assert history.redo(session)
    assert session.teams[0].levels[0].model_dump() == where


def test_undo_brings_a_merge_back_with_its_votes() -> None:
    session = room()
    team = session.teams[0]
    a = workshop.add_idea(session, team, "ambition", "A", "p1")
    b = workshop.add_idea(session, team, "ambition", "B", "p2")
    facilitation.add_dot(session, team, "p3", a)
    history = History(session)
    facilitation.merge(session, team, [a, b], "AB")
    history.commit(session)
    history.undo(session)
    team = session.teams[0]
    assert [(i.id, i.text, i.author) for i in team.ideas] == [
        (a.id, "A", "p1"), (b.id, "B", "p2")
    ]
    assert [(v.idea, v.participant) for v in team.votes] == [(a.id, "p3")]
    history.redo(session)
    assert [i.text for i in session.teams[0].ideas] == ["AB"]
    assert [m.text for m in session.teams[0].ideas[0].members] == ["A", "B"]


def test_undo_of_a_promotion_unlinks_the_idea() -> None:
    session = room()
    idea = workshop.add_idea(session, session.teams[0], "ambition", "Permettre", "p1")
    history = History(session)
    workshop.commit_objective(session, session.teams[0], "Permettre aux pros", idea)
    history.commit(session)
    history.undo(session)
    assert session.teams[0].objectives == []
    assert session.teams[0].ideas[0].promoted_to is None
    history.redo(session)
    assert session.teams[0].ideas[0].promoted_to == session.teams[0].objectives[0].id


def test_undo_restores_in_place() -> None:
    """Screens hold the Session: it stays the same object; the teams inside are new."""
    session = room()
    team = session.teams[0]
    history = History(session)
    workshop.add_idea(session, team, "ambition", "Nouvelle", None)
    facilitation.log_decision(session, "Choix")
    history.commit(session)
    assert history.undo(session) is True
    assert session.teams[0] is not team
    assert session.teams[0].ideas == []
    assert session.decision_log == []
    assert session.title == "Atelier"
    assert [p.name for p in session.participants] == ["Ana", "Léo", "Noor"]


def test_nothing_to_undo_or_redo_changes_nothing() -> None:
    session = room()
    history = History(session)
    before = content(session)
    assert (history.can_undo, history.can_redo) == (False, False)
    assert history.undo(session) is False
    assert history.redo(session) is False
    assert content(session) == before


def test_can_undo_and_can_redo_follow_the_position() -> None:
    session = room()
    history = History(session)
    add_idea(session, 1)
    history.commit(session)
    assert (history.can_undo, history.can_redo) == (True, False)
    history.undo(session)
    assert (history.can_undo, history.can_redo) == (False, True)
    history.redo(session)
    assert (history.can_undo, history.can_redo) == (True, False)


def test_a_new_edit_forgets_what_was_undone() -> None:
    session = room()
    history = History(session)
    start = content(session)
    add_idea(session, 1)
    history.commit(session)
    after_first = content(session)
    add_idea(session, 2)
    history.commit(session)
    history.undo(session)
    decide(session, 3)
    history.commit(session)
    assert history.can_redo is False
    assert history.redo(session) is False
    assert [i.text for i in session.teams[0].ideas] == ["Idée 1"]
    history.undo(session)
    assert content(session) == after_first
    history.undo(session)
    assert content(session) == start


def test_max_steps_is_respected() -> None:
    session = room()
    history = History(session, max_steps=5)
    states = [content(session)]
    for n in range(8):
        add_idea(session, n)
        history.commit(session)
        states.append(content(session))
    undone = 0
    while history.undo(session):
        undone += 1
    assert undone == 5
    assert content(session) == states[3]


def test_at_least_100_steps_are_kept_by_default() -> None:
    assert MAX_STEPS >= 100
    session = room()
    history = History(session)
    for n in range(MAX_STEPS + 20):
        decide(session, n)
        history.commit(session)
    undone = 0
    while history.undo(session):
        undone += 1
    assert undone == MAX_STEPS
    assert len(session.decision_log) == 20


def test_an_edit_after_undo_does_not_change_the_remembered_steps() -> None:
    session = room()
    objective = workshop.commit_objective(session, session.teams[0], "Permettre")
    objective.decisions = ["Segment : les pros"]
    history = History(session)
    add_idea(session, 1)
    history.commit(session)
    history.undo(session)
    session.teams[0].objectives[0].decisions.append("Plateforme : web")
    session.teams[0].objectives[0].key_results.append(
        workshop.KeyResult(id="k9", text="Réduire de 20 % le délai")
    )
    history.commit(session)
    history.undo(session)
    assert session.teams[0].objectives[0].decisions == ["Segment : les pros"]
    assert session.teams[0].objectives[0].key_results == []


def test_new_items_after_undo_never_reuse_an_id_in_use() -> None:
    """Undo can bring back ids the id counter had forgotten (here i3): a new idea must
    not take one, or the saved file would not open again."""
    session = room()
    team = session.teams[0]
    first, second, third = (workshop.add_idea(session, team, "ambition", text, None)
                            for text in ("Une", "Deux", "Trois"))
    workshop.remove_idea(team, second)
    history = History(session)
    workshop.remove_idea(session.teams[0], session.teams[0].ideas[1])
    history.commit(session)
    workshop.add_idea(session, session.teams[0], "ambition", "Nouvelle", None)
    history.commit(session)
    history.undo(session)
    history.undo(session)
    assert [i.id for i in session.teams[0].ideas] == [first.id, third.id]
    added = workshop.add_idea(session, session.teams[0], "ambition", "Après l'annulation", None)
    assert added.id not in {first.id, third.id}
    reloads(session)


# --- sessions of many ideas: kept in chunks, shared between steps ---------------------------


def taken(history: History) -> Session:
    """The session as the history's latest snapshot holds it."""
    return Session.model_validate_json(zlib.decompress(history.current))


def big_room(ideas: int = 3 * CHUNK + 10) -> Session:
    session = room()
    team = session.teams[0]
    for n in range(ideas):
        workshop.add_idea(session, team, ("ambition", "tactic")[n % 2], f"Idée {n}",
                          f"p{n % 3 + 1}")
    facilitation.merge(session, team, team.ideas[4:9:2], "Groupe du début")
    return session


def test_many_ideas_undo_and_redo_every_step_exactly() -> None:
    """Edits at the start, middle and end of a list longer than a chunk, removals, groups:
    every step comes back exactly, and the history's snapshot is the session each time."""
    session = big_room()
    history = History(session)
    states = [session.model_dump_json()]
    for n in range(40):
        team = session.teams[0]
        if n % 5 == 0:
            workshop.remove_idea(team, team.ideas[(n * 37) % len(team.ideas)])
        elif n % 5 == 1:
            team.ideas[(n * 53) % len(team.ideas)].text = f"Reformulée {n}"
        else:
            edit(session, n)
        history.commit(session)
        states.append(session.model_dump_json())
        assert taken(history) == session
    for expected in reversed(states[:-1]):
        assert history.undo(session) is True
        assert session.model_dump_json() == expected
        assert taken(history) == session
    for expected in states[1:]:
        assert history.redo(session) is True
        assert session.model_dump_json() == expected
    reloads(session)


def test_a_change_left_uncommitted_is_undone_too() -> None:
    """An idea changed after the last commit (no step of its own) is put back as the step
    undone to holds it, even far from the edit undone."""
    session = big_room()
    history = History(session)
    before = content(session)
    add_idea(session, 1)
    history.commit(session)
    session.teams[0].ideas[CHUNK + 3].text = "Changée sans étape"
    session.teams[0].ideas[2].parked = True
    history.undo(session)
    assert content(session) == before


def test_a_change_to_a_group_member_is_a_change_of_its_idea() -> None:
    session = big_room()
    history = History(session)
    group = next(idea for idea in session.teams[0].ideas if idea.members)
    author = next(member.author for member in group.members if member.author)
    before = content(session)
    workshop.remove_participant(session, next(p for p in session.participants
                                              if p.id == author))
    history.commit(session)
    after = content(session)
    assert after != before
    history.undo(session)
    assert content(session) == before
    history.redo(session)
    assert content(session) == after


def test_snapshot_without_a_step_is_the_session_now() -> None:
    """What the journal takes after a change that is not a step (the timer's time)."""
    session = big_room()
    history = History(session)
    facilitation.tick(session, facilitation.level_state(session.teams[0], "ambition"), 5)
    taken = Session.model_validate_json(zlib.decompress(history.snapshot(session)))
    assert taken == session
    assert history.can_undo is False


def test_undo_keeps_the_ideas_it_did_not_change() -> None:
    """Only what changed is rebuilt: the other ideas are the same objects (which is what
    keeps an undo cheap in a session of thousands of ideas)."""
    session = big_room()
    history = History(session)
    kept = list(session.teams[0].ideas[:CHUNK])
    add_idea(session, 1)
    history.commit(session)
    history.undo(session)
    assert all(a is b for a, b in zip(session.teams[0].ideas[:CHUNK], kept, strict=True))
