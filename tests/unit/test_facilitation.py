"""Running a level as a facilitator sees it: phases and timers, silent writing, merging and
splitting groups, dot votes, the parking lot, the decision log, anonymous sessions."""

import re
from pathlib import Path

import pytest

from okrtui import facilitation, workshop
from okrtui.facilitation import VoteRefused
from okrtui.item_ids import all_ids
from okrtui.models import Idea, Level, Session, Team, Timebox
from okrtui.storage import (
    SessionFileError,
    dumps_session,
    load_session,
    parse_session,
    save_session,
)

from .conftest import REPO, session_toml


def room(*, anonymous: bool = False, dots: int = 3) -> Session:
    """Three participants (p1 Ana, p2 Léo, p3 Noor), one team, short timeboxes."""
    session = workshop.new_session("Atelier", "fr", participants=["Ana", "Léo", "Noor"])
    session.anonymous = anonymous
    session.dots_per_person = dots
    session.timebox = Timebox(diverge=1, converge=2, formalize=3)
    return session


def ideas(session: Session, *texts: str, level: Level = "ambition",
          author: str | None = None) -> list[Idea]:
    team = session.teams[0]
    return [workshop.add_idea(session, team, level, text, author) for text in texts]


def reloads(session: Session) -> Session:
    """The session still makes a file that opens, and that file is canonical."""
    text = dumps_session(session)
    loaded = parse_session(text.encode("utf-8"))
    assert dumps_session(loaded) == text
    return loaded


def unique_ids(session: Session) -> bool:
    ids = list(all_ids(session))
    return len(ids) == len(set(ids))


def texts(team: Team) -> list[str]:
    return [idea.text for idea in team.ideas]


def refused(body: str, *, anonymous: bool = False) -> str:
    header = "anonymous = true\n" if anonymous else ""
    with pytest.raises(SessionFileError) as caught:
        parse_session(session_toml(header + body).encode("utf-8"))
    return str(caught.value)


PEOPLE = '\n[[participants]]\nid = "p1"\nname = "Ana"\n'


# --- phases and timers ------------------------------------------------------------------


def test_a_level_starts_at_diverge_with_its_full_timer() -> None:
    session = room()
    state = facilitation.level_state(session.teams[0], "ambition")
    assert state.phase == "diverge"
    assert facilitation.remaining_seconds(session, state) == 60


def test_phases_move_forward_and_back_freely() -> None:
    session = room()
    team = session.teams[0]
    assert facilitation.set_phase(team, "ambition", "formalize").phase == "formalize"
    assert facilitation.set_phase(team, "ambition", "diverge").phase == "diverge"
    assert facilitation.step_phase(team, "ambition", +1).phase == "converge"
    assert facilitation.step_phase(team, "ambition", +1).phase == "formalize"
    assert facilitation.step_phase(team, "ambition", +1).phase == "formalize"
    assert facilitation.step_phase(team, "ambition", -1).phase == "converge"
    assert facilitation.step_phase(team, "ambition", -5).phase == "diverge"
    assert len(team.levels) == 1


def test_a_new_phase_starts_with_its_timer_full() -> None:
    session = room()
    team = session.teams[0]
    state = facilitation.level_state(team, "ambition")
    facilitation.tick(session, state, 45)
    assert facilitation.remaining_seconds(session, state) == 15
    facilitation.step_phase(team, "ambition", +1)
    assert facilitation.remaining_seconds(session, state) == 120
    facilitation.tick(session, state, 100)
    facilitation.step_phase(team, "ambition", -1)
    assert facilitation.remaining_seconds(session, state) == 60


def test_choosing_the_phase_already_running_keeps_its_timer() -> None:
    session = room()
    team = session.teams[0]
    state = facilitation.level_state(team, "ambition")
    facilitation.tick(session, state, 10)
    facilitation.set_phase(team, "ambition", "diverge")
    assert facilitation.remaining_seconds(session, state) == 50


def test_each_level_keeps_its_own_phase_and_timer() -> None:
    session = room()
    team = session.teams[0]
    ambition = facilitation.set_phase(team, "ambition", "converge")
    facilitation.tick(session, ambition, 20)
    tactic = facilitation.level_state(team, "tactic")
    assert (tactic.phase, facilitation.remaining_seconds(session, tactic)) == ("diverge", 60)
    assert facilitation.level_state(team, "ambition") is ambition
    assert facilitation.remaining_seconds(session, ambition) == 100


def test_tick_counts_down_and_rings_exactly_once() -> None:
    session = room()
    state = facilitation.level_state(session.teams[0], "ambition")
    rings = [facilitation.tick(session, state) for _ in range(75)]
    assert rings.index(True) == 59  # the 60th second
    assert rings.count(True) == 1
    assert facilitation.remaining_seconds(session, state) == 0


def test_a_tick_past_zero_stops_at_zero_and_rings_once() -> None:
    session = room()
    state = facilitation.level_state(session.teams[0], "ambition")
    assert facilitation.tick(session, state, 10) is False
    assert facilitation.tick(session, state, 500) is True
    assert state.remaining == 0
    assert facilitation.tick(session, state, 5) is False


def test_add_time_and_reset() -> None:
    session = room()
    state = facilitation.level_state(session.teams[0], "ambition")
    facilitation.add_time(session, state, 30)
    assert facilitation.remaining_seconds(session, state) == 90
    facilitation.add_time(session, state, -1000)
    assert facilitation.remaining_seconds(session, state) == 0
    facilitation.reset_timer(state)
    assert facilitation.remaining_seconds(session, state) == 60


def test_time_added_after_the_ring_rings_again_when_it_runs_out() -> None:
    session = room()
    state = facilitation.level_state(session.teams[0], "ambition")
    assert facilitation.tick(session, state, 60) is True
    facilitation.add_time(session, state, 2)
    assert [facilitation.tick(session, state) for _ in range(3)] == [False, True, False]


def test_the_session_timebox_sets_each_phase_length() -> None:
    session = room()
    session.timebox = Timebox(diverge=7, converge=4, formalize=20)
    team = session.teams[0]
    lengths = []
    for phase in ("diverge", "converge", "formalize"):
        state = facilitation.set_phase(team, "execution", phase)
        lengths.append(facilitation.remaining_seconds(session, state))
    assert lengths == [420, 240, 1200]


def test_phases_and_remaining_time_survive_save_and_load(tmp_path: Path) -> None:
    session = room()
    team = session.teams[0]
    ambition = facilitation.set_phase(team, "ambition", "converge")
    facilitation.tick(session, ambition, 83)
    facilitation.set_phase(team, "tactic", "formalize")
    path = tmp_path / "atelier.toml"
    save_session(session, path)
    first = path.read_bytes()
    loaded = load_session(path)
    assert loaded == session
    state = facilitation.level_state(loaded.teams[0], "ambition")
    assert (state.phase, facilitation.remaining_seconds(loaded, state)) == ("converge", 37)
    assert facilitation.level_state(loaded.teams[0], "tactic").remaining is None
    assert loaded.timebox == Timebox(diverge=1, converge=2, formalize=3)
    save_session(loaded, path)
    assert path.read_bytes() == first


def test_a_finished_timer_stays_finished_after_reload() -> None:
    session = room()
    state = facilitation.level_state(session.teams[0], "ambition")
    facilitation.tick(session, state, 60)
    loaded = reloads(session)
    again = facilitation.level_state(loaded.teams[0], "ambition")
    assert facilitation.remaining_seconds(loaded, again) == 0
    assert facilitation.tick(loaded, again) is False


# --- silent writing ---------------------------------------------------------------------


def test_hidden_summary_counts_hidden_ideas_and_distinct_authors() -> None:
    session = room()
    team = session.teams[0]
    written = [
        *ideas(session, "Un", "Deux", author="p1"),
        *ideas(session, "Trois", author="p2"),
        *ideas(session, "Quatre"),
    ]
    for idea in written:
        idea.hidden = True
    ideas(session, "Déjà visible", author="p3")
    ideas(session, "Autre niveau", level="tactic", author="p3")[0].hidden = True
    assert facilitation.hidden_summary(team, "ambition") == (4, 2)
    assert facilitation.hidden_summary(team, "tactic") == (1, 1)
    assert facilitation.hidden_summary(team, "execution") == (0, 0)


def test_reveal_shows_every_hidden_idea_of_the_level_at_once() -> None:
    session = room()
    team = session.teams[0]
    for idea in ideas(session, "Un", "Deux", "Trois", author="p1"):
        idea.hidden = True
    other = ideas(session, "Tactique", level="tactic")[0]
    other.hidden = True
    assert facilitation.reveal(team, "ambition") == 3
    assert [idea.hidden for idea in team.ideas_at("ambition")] == [False, False, False]
    assert other.hidden is True
    assert facilitation.hidden_summary(team, "ambition") == (0, 0)
    assert facilitation.reveal(team, "ambition") == 0


def test_hidden_ideas_stay_hidden_through_a_file() -> None:
    session = room()
    ideas(session, "Secret", author="p2")[0].hidden = True
    loaded = reloads(session)
    assert facilitation.hidden_summary(loaded.teams[0], "ambition") == (1, 1)


# --- merging and splitting --------------------------------------------------------------


def test_merge_keeps_every_original_text_and_author() -> None:
    session = room()
    team = session.teams[0]
    a, b, c = (*ideas(session, "Servir les pros", author="p1"),
               *ideas(session, "Cibler les professionnels", author="p2"),
               *ideas(session, "Les pros d'abord"))
    group = facilitation.merge(session, team, [a, b, c], "Les pros")
    assert group.text == "Les pros"
    assert group.level == "ambition"
    assert [(m.text, m.author) for m in group.members] == [
        ("Servir les pros", "p1"), ("Cibler les professionnels", "p2"), ("Les pros d'abord", None)
    ]
    assert team.ideas == [group]
    assert group.id not in {a.id, b.id, c.id}
    assert reloads(session) == session


def test_merge_takes_the_first_ideas_place_and_its_text_by_default() -> None:
    session = room()
    team = session.teams[0]
    first, a, middle, b = ideas(session, "Premier", "A", "Milieu", "B")
    group = facilitation.merge(session, team, [a, b])
    assert group.text == "A"
    assert texts(team) == ["Premier", "A", "Milieu"]
    assert team.ideas[1] is group
    assert unique_ids(session)


def test_merging_groups_flattens_their_members() -> None:
    session = room()
    team = session.teams[0]
    a, b, c, d = ideas(session, "A", "B", "C", "D", author="p3")
    ab = facilitation.merge(session, team, [a, b], "AB")
    cd = facilitation.merge(session, team, [c, d], "CD")
    abcd = facilitation.merge(session, team, [ab, cd], "Tout")
    assert [(m.text, m.author) for m in abcd.members] == [
        ("A", "p3"), ("B", "p3"), ("C", "p3"), ("D", "p3")
    ]
    assert team.ideas == [abcd]
    assert reloads(session) == session


def test_merge_moves_votes_to_the_group() -> None:
    session = room()
    team = session.teams[0]
    a, b, c = ideas(session, "A", "B", "C")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p2", b)
    facilitation.add_dot(session, team, "p2", b)
    facilitation.set_paper_total(team, a, 4)
    facilitation.add_dot(session, team, "p3", c)
    group = facilitation.merge(session, team, [a, b])
    assert {vote.idea for vote in team.votes} == {group.id, c.id}
    ranked = facilitation.tally(team, "ambition")
    assert [(r.idea.id, r.dots) for r in ranked] == [(group.id, 7), (c.id, 1)]
    # the dots stay spent: p2 has one left on this level
    assert facilitation.dots_used(team, "p2", "ambition") == 2
    assert reloads(session) == session


def test_merge_refuses_a_single_idea_and_changes_nothing() -> None:
    session = room()
    team = session.teams[0]
    (a,) = ideas(session, "Seule")
    before = session.model_copy(deep=True)
    with pytest.raises(ValueError, match="two"):
        facilitation.merge(session, team, [a])
    with pytest.raises(ValueError):
        facilitation.merge(session, team, [])
    assert session == before


def test_merge_refuses_ideas_of_different_levels_and_changes_nothing() -> None:
    session = room()
    team = session.teams[0]
    (a,) = ideas(session, "Ambition")
    (t,) = ideas(session, "Tactique", level="tactic")
    facilitation.add_dot(session, team, "p1", a)
    before = session.model_copy(deep=True)
    with pytest.raises(ValueError, match="level"):
        facilitation.merge(session, team, [a, t])
    assert session == before


def test_a_group_of_hidden_ideas_stays_hidden_until_revealed() -> None:
    session = room()
    team = session.teams[0]
    a, b = ideas(session, "A", "B")
    a.hidden = b.hidden = True
    group = facilitation.merge(session, team, [a, b])
    assert group.hidden is True
    c, d = ideas(session, "C", "D")
    c.hidden = True
    assert facilitation.merge(session, team, [c, d]).hidden is False


def test_split_restores_the_members_as_ideas_in_place() -> None:
    session = room()
    team = session.teams[0]
    before, a, b, after = ideas(session, "Avant", "A", "B", "Après")
    a.author, b.author = "p1", "p2"
    group = facilitation.merge(session, team, [a, b], "Groupe")
    restored = facilitation.split(session, team, group)
    assert [(i.text, i.author, i.level) for i in restored] == [
        ("A", "p1", "ambition"), ("B", "p2", "ambition")
    ]
    assert texts(team) == ["Avant", "A", "B", "Après"]
    assert team.ideas[1:3] == restored
    assert all(not idea.members for idea in restored)


def test_split_gives_each_restored_idea_its_own_id() -> None:
    """Two members split back must not share an id: the file would not open again."""
    session = room()
    team = session.teams[0]
    a, b, c = ideas(session, "A", "B", "C")
    group = facilitation.merge(session, team, [a, b, c])
    restored = facilitation.split(session, team, group)
    assert len({idea.id for idea in restored}) == 3
    assert unique_ids(session)
    reloads(session)


def test_split_drops_the_groups_votes_only() -> None:
    session = room()
    team = session.teams[0]
    a, b, c = ideas(session, "A", "B", "C")
    group = facilitation.merge(session, team, [a, b])
    facilitation.add_dot(session, team, "p1", group)
    facilitation.set_paper_total(team, group, 5)
    facilitation.add_dot(session, team, "p1", c)
    facilitation.split(session, team, group)
    assert [(v.idea, v.participant, v.dots) for v in team.votes] == [(c.id, "p1", 1)]
    assert facilitation.dots_used(team, "p1", "ambition") == 1


def test_split_refuses_an_idea_that_is_not_a_group() -> None:
    session = room()
    team = session.teams[0]
    (a,) = ideas(session, "Seule")
    before = session.model_copy(deep=True)
    with pytest.raises(ValueError, match="group"):
        facilitation.split(session, team, a)
    assert session == before


# --- dot voting -------------------------------------------------------------------------


def test_add_dot_up_to_the_budget_then_refuses_and_changes_nothing() -> None:
    session = room(dots=3)
    team = session.teams[0]
    a, b = ideas(session, "A", "B")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p1", b)
    before = session.model_copy(deep=True)
    with pytest.raises(VoteRefused) as caught:
        facilitation.add_dot(session, team, "p1", b)
    assert (caught.value.participant, caught.value.budget) == ("p1", 3)
    assert "3" in str(caught.value)
    assert session == before


def test_several_dots_on_one_idea_are_one_vote() -> None:
    session = room()
    team = session.teams[0]
    (a,) = ideas(session, "A")
    for _ in range(3):
        facilitation.add_dot(session, team, "p2", a)
    assert [(v.idea, v.participant, v.dots) for v in team.votes] == [(a.id, "p2", 3)]


def test_the_budget_is_per_participant() -> None:
    session = room(dots=2)
    team = session.teams[0]
    (a,) = ideas(session, "A")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p1", a)
    with pytest.raises(VoteRefused):
        facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p2", a)
    facilitation.add_dot(session, team, "p2", a)
    assert facilitation.tally(team, "ambition")[0].dots == 4


def test_the_budget_is_per_level() -> None:
    session = room(dots=1)
    team = session.teams[0]
    (a,) = ideas(session, "Ambition")
    (t,) = ideas(session, "Tactique", level="tactic")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p1", t)
    with pytest.raises(VoteRefused):
        facilitation.add_dot(session, team, "p1", a)
    with pytest.raises(VoteRefused):
        facilitation.add_dot(session, team, "p1", t)


def test_paper_totals_do_not_use_anyones_budget() -> None:
    session = room(dots=1)
    team = session.teams[0]
    (a,) = ideas(session, "A")
    facilitation.set_paper_total(team, a, 12)
    facilitation.add_dot(session, team, "p1", a)
    assert facilitation.dots_used(team, "p1", "ambition") == 1


def test_remove_dot_takes_one_back_and_frees_the_budget() -> None:
    session = room(dots=2)
    team = session.teams[0]
    a, b = ideas(session, "A", "B")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p1", a)
    facilitation.remove_dot(team, "p1", a)
    assert [(v.idea, v.dots) for v in team.votes] == [(a.id, 1)]
    facilitation.add_dot(session, team, "p1", b)
    facilitation.remove_dot(team, "p1", a)
    assert [(v.idea, v.dots) for v in team.votes] == [(b.id, 1)]
    facilitation.remove_dot(team, "p1", a)  # none left there: nothing happens
    facilitation.remove_dot(team, "p2", b)  # p2 never voted: nothing happens
    assert [(v.idea, v.participant, v.dots) for v in team.votes] == [(b.id, "p1", 1)]


def test_set_paper_total_replaces_the_count_and_zero_removes_it() -> None:
    session = room()
    team = session.teams[0]
    (a,) = ideas(session, "A")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.set_paper_total(team, a, 5)
    facilitation.set_paper_total(team, a, 8)
    assert sorted((v.participant or "", v.dots) for v in team.votes) == [("", 8), ("p1", 1)]
    assert facilitation.tally(team, "ambition")[0].dots == 9
    facilitation.set_paper_total(team, a, 0)
    assert [(v.participant, v.dots) for v in team.votes] == [("p1", 1)]


def test_a_refused_paper_total_keeps_the_previous_count() -> None:
    """A count the file cannot hold (over 100 dots) is refused without losing the last one."""
    session = room()
    team = session.teams[0]
    (a,) = ideas(session, "A")
    facilitation.set_paper_total(team, a, 5)
    before = session.model_copy(deep=True)
    with pytest.raises(ValueError):
        facilitation.set_paper_total(team, a, 101)
    assert session == before


def test_tally_ranks_by_dots_with_ties_sharing_a_rank() -> None:
    session = room(dots=5)
    team = session.teams[0]
    a, b, c, d, e = ideas(session, "A", "B", "C", "D", "E")
    (t,) = ideas(session, "Tactique", level="tactic")
    facilitation.set_paper_total(team, c, 1)
    for idea, voter, count in ((a, "p1", 2), (b, "p3", 4), (d, "p2", 4)):
        for _ in range(count):
            facilitation.add_dot(session, team, voter, idea)
    facilitation.set_paper_total(team, a, 2)
    facilitation.add_dot(session, team, "p3", t)
    ranked = facilitation.tally(team, "ambition")
    assert [(r.idea.text, r.dots, r.rank, r.tied) for r in ranked] == [
        ("A", 4, 1, True), ("B", 4, 1, True), ("D", 4, 1, True), ("C", 1, 4, False)
    ]
    assert e not in [r.idea for r in ranked]
    assert [(r.idea.text, r.rank, r.tied) for r in facilitation.tally(team, "tactic")] == [
        ("Tactique", 1, False)
    ]
    assert facilitation.tally(team, "execution") == []


def test_tally_ranks_skip_after_a_tie() -> None:
    session = room(dots=5)
    team = session.teams[0]
    a, b, c, d = ideas(session, "A", "B", "C", "D")
    for idea, total in ((a, 9), (b, 6), (c, 6), (d, 2)):
        facilitation.set_paper_total(team, idea, total)
    ranked = facilitation.tally(team, "ambition")
    assert [(r.idea.text, r.rank, r.tied) for r in ranked] == [
        ("A", 1, False), ("B", 2, True), ("C", 2, True), ("D", 4, False)
    ]


def test_voters_done_lists_who_has_spent_every_dot_on_the_level() -> None:
    session = room(dots=2)
    team = session.teams[0]
    a, b = ideas(session, "A", "B")
    (t,) = ideas(session, "Tactique", level="tactic")
    assert facilitation.voters_done(session, team, "ambition") == []
    facilitation.add_dot(session, team, "p2", a)
    facilitation.add_dot(session, team, "p2", b)
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p3", t)
    facilitation.add_dot(session, team, "p3", t)
    assert facilitation.voters_done(session, team, "ambition") == ["p2"]
    assert facilitation.voters_done(session, team, "tactic") == ["p3"]
    facilitation.remove_dot(team, "p2", b)
    assert facilitation.voters_done(session, team, "ambition") == []


def test_votes_survive_save_and_load() -> None:
    session = room()
    team = session.teams[0]
    a, b = ideas(session, "A", "B")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p1", a)
    facilitation.set_paper_total(team, b, 6)
    loaded = reloads(session)
    assert loaded == session
    assert [(r.idea.id, r.dots) for r in facilitation.tally(loaded.teams[0], "ambition")] == [
        (b.id, 6), (a.id, 2)
    ]
    assert 'participant = ' not in dumps_session(session).split(f'idea = "{b.id}"')[1]


# --- parking lot and decision log -------------------------------------------------------


def test_park_and_unpark_keep_the_idea() -> None:
    session = room()
    team = session.teams[0]
    a, b = ideas(session, "Maintenir la disponibilité à 99,9 %", "Autre")
    (t,) = ideas(session, "Hors sujet", level="tactic")
    facilitation.park(a)
    facilitation.park(t)
    assert facilitation.parking_lot(team) == [a, t]
    assert texts(team) == ["Maintenir la disponibilité à 99,9 %", "Autre", "Hors sujet"]
    loaded = reloads(session)
    assert [i.text for i in facilitation.parking_lot(loaded.teams[0])] == [a.text, t.text]
    facilitation.unpark(a)
    assert facilitation.parking_lot(team) == [t]
    assert a.parked is False


def test_log_decision_keeps_text_rationale_and_level() -> None:
    session = room()
    first = facilitation.log_decision(session, "Segment : les pros", "Ils publient le plus",
                                      "ambition")
    second = facilitation.log_decision(session, "  Web\nseulement ", "  ")
    assert (first.id, first.text, first.rationale, first.level) == (
        "d1", "Segment : les pros", "Ils publient le plus", "ambition"
    )
    assert (second.id, second.text, second.rationale, second.level) == (
        "d2", "Web seulement", None, None
    )
    assert session.decision_log == [first, second]
    assert reloads(session).decision_log == [first, second]


def test_decision_ids_never_clash_with_other_items() -> None:
    session = room()
    session.teams[0].ideas.append(Idea(id="d1", level="ambition", text="Id d'aspect décision"))
    decision = facilitation.log_decision(session, "Choix")
    assert decision.id != "d1"
    assert unique_ids(session)


# --- anonymous sessions -----------------------------------------------------------------


def test_an_anonymous_session_records_no_author() -> None:
    session = room(anonymous=True)
    team = session.teams[0]
    idea = workshop.add_idea(session, team, "ambition", "Sans nom", "p1")
    assert idea.author is None
    a, b = ideas(session, "A", "B", author="p2")
    group = facilitation.merge(session, team, [a, b])
    assert [m.author for m in group.members] == [None, None]
    facilitation.add_dot(session, team, "p1", group)  # the budget still needs who voted
    text = dumps_session(session)
    assert "author" not in text
    assert "anonymous = true" in text
    assert reloads(session) == session


def test_an_anonymous_file_with_an_idea_author_is_refused_naming_the_field() -> None:
    body = PEOPLE + (
        '\n[[teams]]\nid = "team1"\nname = ""\n'
        '\n[[teams.ideas]]\nid = "i1"\nlevel = "ambition"\ntext = "Une"\n'
        '\n[[teams.ideas]]\nid = "i2"\nlevel = "ambition"\ntext = "Deux"\nauthor = "p1"\n'
    )
    message = refused(body, anonymous=True)
    assert "teams[1].ideas" not in message
    assert "teams[0].ideas[1]" in message
    assert "author" in message and "anonymous" in message
    parse_session(session_toml(body).encode("utf-8"))  # the same file, not anonymous, opens


@pytest.mark.parametrize(("anonymous", "author"), [(True, "p1"), (False, "p9")],
                         ids=["anonymous", "unknown participant"])
def test_a_bad_member_author_is_refused_naming_the_member(anonymous: bool, author: str) -> None:
    """The idea itself has a valid (or no) author: the message must point at the member."""
    body = PEOPLE + (
        '\n[[teams]]\nid = "team1"\nname = ""\n'
        '\n[[teams.ideas]]\nid = "i3"\nlevel = "ambition"\ntext = "Groupe"\n'
        '\n[[teams.ideas.members]]\ntext = "Une"\n'
        f'\n[[teams.ideas.members]]\ntext = "Deux"\nauthor = "{author}"\n'
    )
    message = refused(body, anonymous=anonymous)
    assert "teams[0].ideas[0].members[1].author" in message, message


def test_an_anonymous_session_still_opens_with_votes_by_participant() -> None:
    body = PEOPLE + (
        '\n[[teams]]\nid = "team1"\nname = ""\n'
        '\n[[teams.ideas]]\nid = "i1"\nlevel = "ambition"\ntext = "Une"\n'
        '\n[[teams.votes]]\nidea = "i1"\nparticipant = "p1"\ndots = 2\n'
    )
    session = parse_session(session_toml("anonymous = true\n" + body).encode("utf-8"))
    assert session.anonymous is True
    assert session.teams[0].votes[0].participant == "p1"


# --- votes in a file --------------------------------------------------------------------


TWO_TEAMS = PEOPLE + (
    '\n[[teams]]\nid = "team1"\nname = ""\n'
    '\n[[teams.ideas]]\nid = "i1"\nlevel = "ambition"\ntext = "Une"\n'
    '\n[[teams]]\nid = "team2"\nname = "Data"\n'
    '\n[[teams.ideas]]\nid = "i2"\nlevel = "ambition"\ntext = "Deux"\n'
)


def test_a_vote_for_a_missing_idea_is_refused() -> None:
    message = refused(TWO_TEAMS + '\n[[teams.votes]]\nidea = "i9"\ndots = 1\n')
    assert "teams[1].votes[0].idea: no idea has id 'i9'" in message


def test_a_vote_for_an_idea_of_another_team_is_refused() -> None:
    message = refused(TWO_TEAMS + '\n[[teams.votes]]\nidea = "i1"\nparticipant = "p1"\ndots = 1\n')
    assert "teams[1].votes[0].idea: no idea has id 'i1'" in message


def test_a_vote_from_a_missing_participant_is_refused() -> None:
    message = refused(TWO_TEAMS + '\n[[teams.votes]]\nidea = "i2"\nparticipant = "p7"\ndots = 1\n')
    assert "teams[1].votes[0].participant: no participant has id 'p7'" in message


@pytest.mark.parametrize("dots", ["0", "101", '"3"', "true", "1.5"])
def test_a_vote_must_hold_1_to_100_dots(dots: str) -> None:
    message = refused(TWO_TEAMS + f'\n[[teams.votes]]\nidea = "i2"\ndots = {dots}\n')
    assert "teams[1].votes[0].dots" in message


def test_a_paper_total_names_no_participant() -> None:
    session = parse_session(
        session_toml(TWO_TEAMS + '\n[[teams.votes]]\nidea = "i2"\ndots = 14\n').encode("utf-8")
    )
    vote = session.teams[1].votes[0]
    assert (vote.idea, vote.participant, vote.dots) == ("i2", None, 14)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("dots_per_person = 0", "dots_per_person"),
        ("dots_per_person = 21", "dots_per_person"),
        ('anonymous = "yes"', "anonymous"),
        ("[timebox]\ndiverge = 0", "timebox.diverge"),
        ("[timebox]\nconverge = 601", "timebox.converge"),
        ("[timebox]\nformalise = 10", "timebox.formalise"),
    ],
)
def test_bad_facilitation_settings_are_refused_naming_the_field(line: str, field: str) -> None:
    message = refused(line + "\n" + TWO_TEAMS)
    assert f"\n  {field}" in message, message


def test_a_level_state_in_a_file_is_checked() -> None:
    base = TWO_TEAMS + '\n[[teams.levels]]\nlevel = "ambition"\n'
    assert "teams[1].levels[0].phase" in refused(base + 'phase = "brainstorm"\n')
    assert "teams[1].levels[0].remaining" in refused(base + "remaining = -1\n")


# --- other edits keep a facilitated session valid ---------------------------------------


def test_removing_an_idea_with_dots_keeps_the_session_openable() -> None:
    session = room()
    team = session.teams[0]
    a, b = ideas(session, "A", "B")
    facilitation.add_dot(session, team, "p1", a)
    facilitation.add_dot(session, team, "p1", b)
    workshop.remove_idea(team, a)
    reloads(session)
    assert facilitation.dots_used(team, "p1", "ambition") == 1


def test_removing_a_participant_who_voted_and_wrote_a_merged_idea_keeps_the_session_openable(
) -> None:
    session = room()
    team = session.teams[0]
    a, b = (*ideas(session, "A", author="p2"), *ideas(session, "B", author="p1"))
    group = facilitation.merge(session, team, [a, b])
    facilitation.add_dot(session, team, "p2", group)
    workshop.remove_participant(session, session.participants[1])
    loaded = reloads(session)
    assert [m.text for m in loaded.teams[0].ideas[0].members] == ["A", "B"]


def test_a_whole_facilitated_level_round_trips_byte_identically(tmp_path: Path) -> None:
    session = room(dots=4)
    team = session.teams[0]
    a, b, c, d = ideas(session, "A", "B", "C", "D", author="p1")
    for idea in (a, b, c, d):
        idea.hidden = True
    facilitation.reveal(team, "ambition")
    group = facilitation.merge(session, team, [a, b], "AB")
    facilitation.add_dot(session, team, "p2", group)
    facilitation.set_paper_total(team, c, 3)
    facilitation.park(d)
    facilitation.set_phase(team, "ambition", "formalize")
    facilitation.tick(session, facilitation.level_state(team, "ambition"), 61)
    objective = workshop.commit_objective(session, team, "Permettre aux pros", group)
    facilitation.log_decision(session, "Les pros d'abord", "Ils publient", "ambition")
    path = tmp_path / "atelier.toml"
    save_session(session, path)
    first = path.read_bytes()
    loaded = load_session(path)
    assert loaded == session
    assert loaded.teams[0].ideas[0].promoted_to == objective.id
    save_session(loaded, path)
    assert path.read_bytes() == first


def test_every_session_example_in_the_format_page_is_canonical() -> None:
    page = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", page, flags=re.DOTALL)
    sessions = [block for block in blocks if block.startswith("schema_version")]
    assert len(sessions) >= 2
    for block in sessions:
        assert dumps_session(parse_session(block.encode("utf-8"))) == block
    facilitated = parse_session(sessions[-1].encode("utf-8"))
    assert facilitated.teams[0].votes and facilitated.decision_log
    assert any(idea.members for idea in facilitated.teams[0].ideas)


def test_merging_ideas_one_person_voted_for_twice_gives_one_row() -> None:
    session = workshop.new_session("Atelier", "en", participants=["Ana", "Bob"])
    team = session.teams[0]
    first = workshop.add_idea(session, team, "ambition", "Win bookshops", None)
    second = workshop.add_idea(session, team, "ambition", "Win indie bookshops", None)
    facilitation.add_dot(session, team, "p1", first)
    facilitation.add_dot(session, team, "p1", second)
    facilitation.set_paper_total(team, second, 4)
    group = facilitation.merge(session, team, [first, second])
    rows = sorted((vote.participant or "", vote.dots) for vote in team.votes)
    assert rows == [("", 4), ("p1", 2)]
    assert facilitation.tally(team, "ambition")[0].dots == 6
    assert facilitation.tally(team, "ambition")[0].idea is group


def test_an_at_name_no_participant_has_is_an_unknown_author() -> None:
    from okrtui.facilitation import unknown_author

    session = workshop.new_session("Zoe", "en", participants=["Ana", "Bruno"])
    assert unknown_author(session, "@zoe Pair new sellers") == ("Zoe", "Pair new sellers")
    assert unknown_author(session, "@an Pair new sellers") is None  # Ana
    assert unknown_author(session, "@zoe") is None  # no idea after the name
    assert unknown_author(session, "@2027 targets") is None  # not a name
    assert unknown_author(session, "no prefix") is None
    session.anonymous = True
    assert unknown_author(session, "@zoe Pair new sellers") is None


@pytest.mark.parametrize(("phases", "workshop", "spread"), [
    ((10, 10, 15), 105, (10, 10, 15)),
    ((10, 10, 15), 90, (9, 9, 12)),
    ((10, 10, 15), 60, (6, 6, 8)),
    ((10, 10, 15), 1, (1, 1, 1)),
    ((5, 5, 5), 100, (11, 11, 11)),
])
def test_a_workshop_length_spreads_over_the_phases_in_their_proportions(
    phases: tuple[int, int, int], workshop: int, spread: tuple[int, int, int]
) -> None:
    assert facilitation.phases_for(phases, workshop) == spread
    assert facilitation.workshop_minutes(spread) == 3 * sum(spread)
