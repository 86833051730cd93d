"""Workshop operations: capture, commit within the focus limits, set aside, remove."""

from datetime import date

import pytest

from okrtui import workshop
from okrtui.item_ids import all_ids, next_id
from okrtui.limits import MAX_KEY_RESULTS, MAX_OBJECTIVES, LimitReached
from okrtui.models import Session
from okrtui.storage import dumps_session, parse_session

from .conftest import rich_session


def fresh() -> Session:
    return workshop.new_session("Atelier", "fr", participants=["Ana", "Léo"])


def reloads(session: Session) -> Session:
    """The session still makes a file that opens (ids unique, references resolved)."""
    return parse_session(dumps_session(session).encode("utf-8"))


# --- new_session ------------------------------------------------------------------------


def test_new_session_has_one_team_and_numbered_participants() -> None:
    session = workshop.new_session(
        " Atelier  OKR ", "en", period="2027-Q1", team="Produit", participants=["Ana", "Léo"]
    )
    assert session.title == "Atelier  OKR"
    assert session.language == "en"
    assert session.period == "2027-Q1"
    assert [t.id for t in session.teams] == ["team1"]
    assert session.teams[0].name == "Produit"
    assert [(p.id, p.name) for p in session.participants] == [("p1", "Ana"), ("p2", "Léo")]


def test_new_session_drops_blank_names_and_cleans_one_line_fields() -> None:
    session = workshop.new_session(
        "Titre\nsur deux lignes\x1b[31m", "fr", participants=["  ", "Ana\tB", "", "\x07"]
    )
    assert session.title == "Titre sur deux lignes"
    assert [(p.id, p.name) for p in session.participants] == [("p1", "Ana B")]


def test_new_session_saves_and_reopens() -> None:
    session = workshop.new_session("Atelier", "fr")
    assert reloads(session) == session


# --- next_id ----------------------------------------------------------------------------


def test_next_id_follows_the_highest_number_in_use() -> None:
    session = fresh()
    assert next_id(session, "i") == "i1"
    team = session.teams[0]
    for _ in range(3):
        workshop.add_idea(session, team, "ambition", "Idée", None)
    assert next_id(session, "i") == "i4"


def test_next_id_never_reuses_a_present_id_even_with_gaps() -> None:
    session = fresh()
    team = session.teams[0]
    first = workshop.add_idea(session, team, "ambition", "Une", None)
    workshop.add_idea(session, team, "ambition", "Deux", None)
    workshop.remove_idea(team, first)
    third = workshop.add_idea(session, team, "ambition", "Trois", None)
    assert third.id == "i3"
    assert len({idea.id for idea in team.ideas}) == len(team.ideas)


def test_next_id_sees_ids_everywhere_in_the_session() -> None:
    session = rich_session()
    present = set(all_ids(session))
    for prefix in ("p", "team", "i", "o", "k", "t", "a"):
        assert next_id(session, prefix) not in present


def test_next_id_with_hand_written_ids() -> None:
    session = fresh()
    team = session.teams[0]
    team.ideas.append(workshop.Idea(id="i41", level="ambition", text="Main"))
    team.ideas.append(workshop.Idea(id="idea7", level="ambition", text="Autre"))
    assert next_id(session, "i") == "i42"
    idea = workshop.add_idea(session, team, "tactic", "Nouvelle", None)
    assert idea.id == "i42"
    assert reloads(session).teams[0].ideas[-1].id == "i42"



@pytest.mark.parametrize("ids, expected", [
    (["i7", "i0012", "i9"], "i13"),  # one prefix (read fast), leading zeros
    (["i3", "idea40", "i5"], "i6"),  # two prefixes
    (["i3", "i", "i_8", "I9", "i4x", "4i"], "i4"),  # not prefix + number: not counted
])
def test_next_id_after_ids_of_every_form(ids: list[str], expected: str) -> None:
    session = fresh()
    team = session.teams[0]
    for idea_id in ids:
        team.ideas.append(workshop.Idea(id=idea_id, level="ambition", text=idea_id))
    assert next_id(session, "i") == expected

# --- ideas ------------------------------------------------------------------------------


def test_add_idea_keeps_text_level_and_author() -> None:
    session = fresh()
    idea = workshop.add_idea(session, session.teams[0], "tactic", "Un assistant", "p2")
    assert (idea.level, idea.text, idea.author, idea.promoted_to) == (
        "tactic", "Un assistant", "p2", None
    )
    assert session.teams[0].ideas == [idea]
    assert reloads(session) == session


def test_add_idea_cleans_the_text() -> None:
    session = fresh()
    idea = workshop.add_idea(session, session.teams[0], "ambition", "\x1b[1mIdée\x1b[0m", None)
    assert idea.text == "Idée"


# --- objectives -------------------------------------------------------------------------


def test_commit_objective_from_an_idea_promotes_it() -> None:
    session = fresh()
    team = session.teams[0]
    idea = workshop.add_idea(session, team, "ambition", "Permettre", "p1")
    objective = workshop.commit_objective(session, team, "Permettre l'autonomie", idea)
    assert idea.promoted_to == objective.id == "o1"
    assert team.committed_objectives == [objective]
    assert reloads(session) == session


def test_a_fourth_committed_objective_is_refused_and_nothing_changes() -> None:
    session = fresh()
    team = session.teams[0]
    for n in range(MAX_OBJECTIVES):
        workshop.commit_objective(session, team, f"Objectif {n}")
    idea = workshop.add_idea(session, team, "ambition", "Encore un", None)
    before = session.model_copy(deep=True)
    with pytest.raises(LimitReached) as caught:
        workshop.commit_objective(session, team, "Encore un", idea)
    assert caught.value.rule == "limit.objectives"
    assert caught.value.limit == 3
    assert idea.promoted_to is None
    assert len(team.objectives) == 3
    assert session == before


def test_setting_aside_an_objective_frees_a_slot() -> None:
    session = fresh()
    team = session.teams[0]
    objectives = [workshop.commit_objective(session, team, f"Objectif {n}") for n in range(3)]
    workshop.set_aside(objectives[1])
    fourth = workshop.commit_objective(session, team, "Quatrième")
    assert team.committed_objectives == [objectives[0], objectives[2], fourth]
    assert objectives[1] in team.objectives  # kept, with all it holds


def test_restoring_an_objective_past_the_limit_is_refused() -> None:
    session = fresh()
    team = session.teams[0]
    parked = workshop.commit_objective(session, team, "Mis de côté")
    workshop.set_aside(parked)
    for n in range(3):
        workshop.commit_objective(session, team, f"Objectif {n}")
    with pytest.raises(LimitReached):
        workshop.restore_objective(team, parked)
    assert parked.set_aside is True
    assert len(team.committed_objectives) == 3


def test_restoring_an_objective_within_the_limit() -> None:
    session = fresh()
    team = session.teams[0]
    parked = workshop.commit_objective(session, team, "Mis de côté")
    workshop.set_aside(parked)
    workshop.restore_objective(team, parked)
    assert team.committed_objectives == [parked]


def test_restoring_a_committed_objective_at_the_limit_is_harmless() -> None:
    session = fresh()
    team = session.teams[0]
    objectives = [workshop.commit_objective(session, team, f"Objectif {n}") for n in range(3)]
    workshop.restore_objective(team, objectives[0])
    assert team.committed_objectives == objectives


def test_the_limit_applies_to_each_team_separately() -> None:
    session = fresh()
    session.teams.append(workshop.Team(id="team2", name="Data"))
    for team in session.teams:
        for n in range(3):
            workshop.commit_objective(session, team, f"Objectif {n}")
    assert [len(team.committed_objectives) for team in session.teams] == [3, 3]
    assert len(set(all_ids(session))) == len(list(all_ids(session)))


# --- key results ------------------------------------------------------------------------


def test_add_key_result_keeps_its_measure() -> None:
    session = fresh()
    objective = workshop.commit_objective(session, session.teams[0], "Permettre")
    kr = workshop.add_key_result(session, objective, "Réduire le délai", 12, 9.6, "minutes")
    assert (kr.id, kr.baseline, kr.target, kr.unit) == ("k1", 12, 9.6, "minutes")
    assert type(kr.baseline) is int
    blank_unit = workshop.add_key_result(session, objective, "Augmenter", unit="")
    assert blank_unit.unit is None


def test_a_fourth_committed_key_result_is_refused_and_nothing_changes() -> None:
    session = fresh()
    objective = workshop.commit_objective(session, session.teams[0], "Permettre")
    for n in range(MAX_KEY_RESULTS):
        workshop.add_key_result(session, objective, f"Réduire {n}")
    before = session.model_copy(deep=True)
    with pytest.raises(LimitReached) as caught:
        workshop.add_key_result(session, objective, "Réduire encore")
    assert caught.value.rule == "limit.key_results"
    assert session == before


def test_setting_aside_a_key_result_frees_a_slot_and_restore_is_limited() -> None:
    session = fresh()
    objective = workshop.commit_objective(session, session.teams[0], "Permettre")
    krs = [workshop.add_key_result(session, objective, f"Réduire {n}") for n in range(3)]
    workshop.set_aside(krs[0])
    fourth = workshop.add_key_result(session, objective, "Réduire encore")
    assert objective.committed_key_results == [krs[1], krs[2], fourth]
    with pytest.raises(LimitReached):
        workshop.restore_key_result(objective, krs[0])
    assert krs[0].set_aside is True
    workshop.set_aside(fourth)
    workshop.restore_key_result(objective, krs[0])
    assert objective.committed_key_results == krs


def test_set_aside_objective_keeps_everything_it_holds() -> None:
    session = rich_session()
    objective = session.teams[0].objectives[0]
    held = objective.model_copy(deep=True)
    workshop.set_aside(objective)
    assert objective.key_results == held.key_results
    assert objective.tactics == held.tactics
    assert reloads(session) == session


# --- tactics and actions ------------------------------------------------------------------


def test_tactic_and_action_from_ideas() -> None:
    session = fresh()
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, "Permettre")
    kr = workshop.add_key_result(session, objective, "Réduire")
    t_idea = workshop.add_idea(session, team, "tactic", "Assistant", "p1")
    a_idea = workshop.add_idea(session, team, "execution", "Mesurer", None)
    tactic = workshop.add_tactic(session, objective, "Assistant", [kr.id], t_idea)
    action = workshop.add_action(
        session, tactic, "Mesurer", owner="p2", due=date(2027, 5, 1), first_step="",
        from_idea=a_idea,
    )
    assert (t_idea.promoted_to, a_idea.promoted_to) == (tactic.id, action.id)
    assert action.first_step is None
    assert reloads(session) == session


@pytest.mark.parametrize("operation", ["idea_author", "action_owner", "foreign_move"])
def test_operations_refuse_dangling_references(operation: str) -> None:
    """The workshop module promises the session stays valid: a reference to nothing must
    be refused up front, not saved into a file that will then refuse to open."""
    session = fresh()
    team = session.teams[0]
    first = workshop.commit_objective(session, team, "Permettre")
    other = workshop.commit_objective(session, team, "Développer")
    foreign = workshop.add_key_result(session, other, "Signer 5 partenaires")
    tactic = workshop.add_tactic(session, first, "Assistant", [])
    before = session.model_copy(deep=True)
    with pytest.raises(ValueError):
        if operation == "idea_author":
            workshop.add_idea(session, team, "ambition", "Idée", "p99")
        elif operation == "action_owner":
            workshop.add_action(session, tactic, "Mesurer", owner="nobody")
        else:
            workshop.add_tactic(session, first, "Pari", [foreign.id])
    assert session == before


# --- removal ------------------------------------------------------------------------------


def test_remove_objective_unlinks_every_idea_promoted_into_it() -> None:
    session = rich_session()
    team = session.teams[0]
    objective = team.objectives[0]
    workshop.remove_objective(team, objective)
    assert all(idea.promoted_to is None for idea in team.ideas)
    assert [idea.text for idea in team.ideas][:2] == [
        "Permettre l'autonomie", "Acquérir de nouveaux utilisateurs"
    ]
    assert reloads(session) == session


def test_remove_key_result_unlinks_moves_and_promoted_ideas() -> None:
    session = rich_session()
    team = session.teams[0]
    objective = team.objectives[0]
    kr = objective.key_results[0]
    idea = workshop.add_idea(session, team, "ambition", "Mesurer le délai", None)
    idea.promoted_to = kr.id
    workshop.remove_key_result(team, objective, kr)
    assert all(kr.id not in tactic.moves for tactic in objective.tactics)
    assert objective.tactics[0].moves == [objective.key_results[0].id]
    assert idea.promoted_to is None
    assert reloads(session) == session


def test_remove_tactic_unlinks_it_and_its_actions() -> None:
    session = rich_session()
    team = session.teams[0]
    objective = team.objectives[0]
    tactic = objective.tactics[0]
    promoted = [idea for idea in team.ideas if idea.promoted_to is not None]
    assert {idea.promoted_to for idea in promoted} >= {tactic.id, tactic.actions[0].id}
    workshop.remove_tactic(team, objective, tactic)
    assert [idea.promoted_to for idea in team.ideas if idea.promoted_to] == [objective.id]
    assert reloads(session) == session


def test_remove_action_unlinks_its_idea() -> None:
    session = rich_session()
    team = session.teams[0]
    tactic = team.objectives[0].tactics[0]
    action = tactic.actions[0]
    workshop.remove_action(team, tactic, action)
    assert action.id not in {idea.promoted_to for idea in team.ideas}
    assert reloads(session) == session


def test_remove_participant_keeps_their_ideas_and_actions_anonymous() -> None:
    session = rich_session()
    p2 = session.participants[1]
    team = session.teams[0]
    texts = [idea.text for idea in team.ideas]
    workshop.remove_participant(session, p2)
    assert [idea.text for idea in team.ideas] == texts
    assert all(idea.author != p2.id for t in session.teams for idea in t.ideas)
    assert team.objectives[0].tactics[0].actions[0].owner is None
    assert reloads(session) == session


def test_ids_of_removed_items_are_not_reused_while_others_remain() -> None:
    session = fresh()
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, "Permettre")
    k1 = workshop.add_key_result(session, objective, "Un")
    workshop.add_key_result(session, objective, "Deux")
    workshop.remove_key_result(team, objective, k1)
    k3 = workshop.add_key_result(session, objective, "Trois")
    assert k3.id == "k3"


def test_decisions_are_added_edited_and_removed_in_place() -> None:
    session = fresh()
    objective = workshop.commit_objective(session, session.teams[0], "Enable pros in Lyon")
    workshop.add_decision(objective, "Segment: pros")
    workshop.add_decision(objective, "Channel: referral")
    workshop.edit_decision(objective, 0, "Segment: professional sellers")
    workshop.remove_decision(objective, 1)
    assert objective.decisions == ["Segment: professional sellers"]


def test_a_removed_objective_returns_to_the_ideas_once() -> None:
    session = fresh()
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, "Enable pros in Lyon")
    workshop.return_objective_to_ideas(session, team, objective)
    assert team.objectives == [] and [i.text for i in team.ideas] == ["Enable pros in Lyon"]
