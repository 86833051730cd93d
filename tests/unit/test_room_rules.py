"""The room's rules, without the network: joining, writing, dots, what each one may see,
and that a remote edit is an edit of the document like a typed one."""

from contextlib import AbstractContextManager

import pytest

from okrtui.document import Change, Document, Name
from okrtui.facilitation import reveal, set_phase
from okrtui.room.keys import RoomKeys
from okrtui.room.limits import Limits, Refused
from okrtui.room.room import Room
from okrtui.workshop import add_idea, new_session


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_room(anonymous: bool = False, limits: Limits | None = None,
              clock: Clock | None = None) -> Room:
    session = new_session("Atelier", "fr")
    session.anonymous = anonymous
    return Room(Document(session), RoomKeys.fresh(), limits or Limits(), clock or Clock())


def refused(status: int, reason: str) -> AbstractContextManager[pytest.ExceptionInfo[Refused]]:
    return pytest.raises(Refused, match=f"^{status} {reason}$")


def test_a_remote_idea_is_an_undo_step_named_like_a_typed_one() -> None:
    room = make_room()
    changes: list[Change] = []
    room.document.subscribe(changes.append)
    ana = room.join("Ana", "10.0.0.2")
    idea = room.post_idea(ana, "  Réduire\tles délais\x1b[31m  ")
    assert idea.text == "Réduire les délais" and idea.author == ana and idea.hidden
    assert changes[-1].ids == frozenset({idea.id})
    assert room.document.history.next_undo == Name.of("step.idea_added",
                                                       text="Réduire les délais")
    assert room.document.dirty
    room.document.undo()
    assert room.team.ideas == []


def test_an_idea_is_at_most_280_characters_after_cleaning() -> None:
    room = make_room()
    ana = room.join("Ana", "a")
    room.post_idea(ana, "x" * 280 + "\x00\x01   ")
    with refused(413, "room.idea_too_long"):
        room.post_idea(ana, "x" * 281)
    with refused(400, "room.idea_empty"):
        room.post_idea(ana, " \x07 ")
    assert len(room.team.ideas) == 1


def test_writing_is_refused_outside_diverge() -> None:
    room = make_room()
    ana = room.join("Ana", "a")
    for phase in ("converge", "formalize"):
        set_phase(room.team, "ambition", phase)
        with refused(409, "room.not_writing"):
            room.post_idea(ana, "Trop tard")
    assert room.team.ideas == []


def test_writing_follows_the_level_on_screen() -> None:
    room = make_room()
    ana = room.join("Ana", "a")
    set_phase(room.team, "ambition", "converge")
    room.show(level="tactic")
    assert room.post_idea(ana, "Un pari").level == "tactic"


def test_posts_per_participant_per_minute_are_capped() -> None:
    clock = Clock()
    room = make_room(limits=Limits(posts_per_minute=2), clock=clock)
    ana, bob = room.join("Ana", "a"), room.join("Bob", "b")
    room.post_idea(ana, "un")
    room.post_idea(ana, "deux")
    with refused(429, "room.too_many_posts"):
        room.post_idea(ana, "trois")
    room.post_idea(bob, "à Bob")  # another participant is not held back
    clock.now += 61
    room.post_idea(ana, "trois")
    assert len(room.team.ideas) == 4


def test_new_participants_per_address_per_minute_are_capped() -> None:
    clock = Clock()
    room = make_room(limits=Limits(joins_per_minute=2), clock=clock)
    room.join("Ana", "10.0.0.2")
    room.join("Bob", "10.0.0.2")
    with refused(429, "room.too_many_joins"):
        room.join("Cléo", "10.0.0.2")
    room.join("Cléo", "10.0.0.3")
    clock.now += 61
    room.join("Dan", "10.0.0.2")
    assert len(room.session.participants) == 4


def test_participants_per_room_are_capped() -> None:
    room = make_room(limits=Limits(participants=2))
    room.join("Ana", "a")
    room.join("Bob", "b")
    with refused(503, "room.full"):
        room.join("Cléo", "c")
    assert len(room.session.participants) == 2


def test_a_name_is_required_cleaned_and_bounded() -> None:
    room = make_room()
    with refused(400, "room.name_required"):
        room.join(" \x1b[2J ", "a")
    with refused(413, "room.name_too_long"):
        room.join("a" * 61, "a")
    ana = room.join("Ana\x07 [/]", "a")
    assert room.session.participant_name(ana) == "Ana [/]"


def test_an_anonymous_session_stores_no_author_and_no_name() -> None:
    room = make_room(anonymous=True)
    someone = room.join("Ana", "a")
    assert room.session.participant_name(someone) == "Participant·e 1"
    idea = room.post_idea(someone, "Une idée")
    assert idea.author is None
    assert "Ana" not in room.session.model_dump_json()
    view = room.participant_view(someone)
    assert view.anonymous and view.own_ideas == ()


def test_a_participant_sees_only_their_own_ideas_before_the_reveal() -> None:
    room = make_room()
    ana, bob = room.join("Ana", "a"), room.join("Bob", "b")
    room.post_idea(ana, "Idée d'Ana")
    room.post_idea(bob, "Idée de Bob")
    assert room.participant_view(ana).own_ideas == ("Idée d'Ana",)
    board = room.board_view()
    assert board.ideas == () and (board.hidden_ideas, board.hidden_people) == (2, 2)
    reveal(room.team, "ambition")
    assert set(room.board_view().ideas) == {"Idée d'Ana", "Idée de Bob"}


def vote_ready(room: Room) -> tuple[str, str, list[str]]:
    ana, bob = room.join("Ana", "a"), room.join("Bob", "b")
    ids = [room.post_idea(ana, f"Idée {n}").id for n in range(3)]
    reveal(room.team, "ambition")
    set_phase(room.team, "ambition", "converge")
    return ana, bob, ids


def test_the_dot_budget_is_enforced_on_the_facilitators_side() -> None:
    room = make_room()
    ana, _, ids = vote_ready(room)
    room.dot(ana, ids[0], 1)
    room.dot(ana, ids[0], 1)
    room.dot(ana, ids[1], 1)
    with refused(409, "room.no_dots_left"):
        room.dot(ana, ids[2], 1)
    assert room.participant_view(ana).dots_left == 0
    room.dot(ana, ids[0], -1)
    room.dot(ana, ids[2], 1)
    assert {(v.idea, v.dots) for v in room.team.votes} == {(ids[0], 1), (ids[1], 1),
                                                            (ids[2], 1)}
    assert room.document.history.next_undo == Name.of("step.dot")


def test_a_participant_never_receives_anothers_dots() -> None:
    room = make_room()
    ana, bob, ids = vote_ready(room)
    room.dot(bob, ids[0], 1)
    room.dot(bob, ids[0], 1)
    room.dot(ana, ids[1], 1)
    view = room.participant_view(ana)
    assert [(b.idea_id, b.my_dots) for b in view.ballot] == [(ids[0], 0), (ids[1], 1),
                                                              (ids[2], 0)]
    assert view.dots_left == 2


def test_dots_only_during_converge_and_only_on_revealed_ideas() -> None:
    room = make_room()
    ana, _, ids = vote_ready(room)
    hidden = add_idea(room.session, room.team, "ambition", "Cachée", None)
    hidden.hidden = True
    with refused(409, "room.no_such_idea"):
        room.dot(ana, hidden.id, 1)
    assert all(b.text != "Cachée" for b in room.participant_view(ana).ballot)
    set_phase(room.team, "ambition", "formalize")
    with refused(409, "room.not_voting"):
        room.dot(ana, ids[0], 1)
    assert room.team.votes == []


def test_the_ranking_reaches_the_board_after_the_vote() -> None:
    room = make_room()
    ana, bob, ids = vote_ready(room)
    room.dot(ana, ids[2], 1)
    room.dot(bob, ids[2], 1)
    room.dot(bob, ids[0], 1)
    assert room.board_view().ranking == ()
    assert room.board_view().voted == 0
    set_phase(room.team, "ambition", "formalize")
    ranking = room.board_view().ranking
    assert [(r.rank, r.dots, r.text) for r in ranking] == [(1, 2, "Idée 2"), (2, 1, "Idée 0")]


def test_pages_following_the_room_hear_of_every_change() -> None:
    room = make_room()
    heard: list[int] = []
    room.follow(lambda: heard.append(room.version))
    ana = room.join("Ana", "a")
    room.post_idea(ana, "Une idée")
    room.document.undo()
    room.show(timer_running=True)
    room.regenerate()
    assert len(heard) == 5
    room.close()
    room.document.undo()
    assert len(heard) == 5


def test_a_participant_taken_back_by_undo_is_no_longer_recognised() -> None:
    room = make_room()
    ana = room.join("Ana", "a")
    cookie = room.keys.sign(ana)
    assert room.participant(cookie) == ana
    room.document.undo()
    assert room.participant(cookie) is None


def test_how_many_finished_voting_agrees_with_its_number() -> None:
    from okrtui.i18n import catalog

    en, fr = catalog("en"), catalog("fr")
    assert en("room.voted", count=1, total=7) == "1 of 7 has finished voting"
    assert en("room.voted", count=3, total=7) == "3 of 7 have finished voting"
    assert fr("room.voted", count=1, total=7) == "1 sur 7 a fini de voter"
    assert fr("room.voted", count=3, total=7) == "3 sur 7 ont fini de voter"
