"""Typed references to what is on screen: each finds its item in a team, or nothing; the
review's list entries keep their one string form ("kpi:k4")."""

import dataclasses

import pytest

from okrtui import workshop
from okrtui.models import Session, Team
from okrtui.refs import (
    ENTRY_KINDS,
    ActionRef,
    DecisionRef,
    EntryRef,
    HintRef,
    KeyResultRef,
    ObjectiveRef,
    TacticRef,
)


def _team() -> tuple[Session, Team]:
    session = workshop.new_session("Atelier", "en")
    team = session.teams[0]
    first = workshop.commit_objective(session, team, "Enable sellers to publish alone")
    second = workshop.commit_objective(session, team, "Delight first-time buyers")
    workshop.add_decision(second, "Segment: first-time buyers")
    workshop.add_key_result(session, first, "Reduce publishing time from 12 to 9 min", 12, 9)
    kr = workshop.add_key_result(session, second, "Raise repeat orders from 10% to 20%", 10, 20)
    tactic = workshop.add_tactic(session, second, "Guide the first order", [kr.id])
    workshop.add_action(session, tactic, "Sketch the guide")
    return session, team


def test_each_ref_finds_its_item_and_the_objective_it_is_under() -> None:
    _, team = _team()
    second = team.objectives[1]
    kr = second.key_results[0]
    tactic = second.tactics[0]
    action = tactic.actions[0]
    assert ObjectiveRef(second.id).find(team) is second
    assert DecisionRef(second.id, 0).find(team) == (second, "Segment: first-time buyers")
    assert KeyResultRef(second.id, kr.id).find(team) == (second, kr)
    assert TacticRef(second.id, tactic.id).find(team) == (second, tactic)
    assert ActionRef(second.id, tactic.id, action.id).find(team) == (second, tactic, action)
    assert ActionRef(second.id, tactic.id, action.id).tactic_ref == TacticRef(second.id,
                                                                              tactic.id)
    assert all(ref.find_objective(team) is second
               for ref in (DecisionRef(second.id, 0), KeyResultRef(second.id, kr.id),
                           ActionRef(second.id, tactic.id, action.id)))


def test_a_ref_to_something_gone_or_misplaced_finds_nothing() -> None:
    _, team = _team()
    first, second = team.objectives
    kr = second.key_results[0]
    tactic = second.tactics[0]
    assert ObjectiveRef("o99").find(team) is None
    assert DecisionRef(second.id, 1).find(team) is None
    assert DecisionRef(second.id, -1).find(team) is None
    assert DecisionRef(first.id, 0).find(team) is None
    assert KeyResultRef(first.id, kr.id).find(team) is None  # under the other objective
    assert KeyResultRef(second.id, tactic.id).find(team) is None  # not a key result
    assert TacticRef("o99", tactic.id).find(team) is None
    assert ActionRef(second.id, tactic.id, "a99").find(team) is None
    assert ActionRef(first.id, tactic.id, tactic.actions[0].id).find(team) is None


def test_refs_are_values_that_say_which_item_they_stand_for() -> None:
    assert KeyResultRef("o1", "k1") == KeyResultRef("o1", "k1")
    assert KeyResultRef("o1", "k1") != TacticRef("o1", "k1")
    assert HintRef() == HintRef()
    assert len({ObjectiveRef("o1"), ObjectiveRef("o1"), DecisionRef("o1", 0)}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        ObjectiveRef("o1").objective = "o2"  # type: ignore[misc]
    assert [ref.item_id for ref in (ObjectiveRef("o1"), DecisionRef("o1", 0),
                                    KeyResultRef("o1", "k1"), TacticRef("o1", "t1"),
                                    ActionRef("o1", "t1", "a1"))] == ["o1", None, "k1", "t1", "a1"]


def test_an_entry_is_written_kind_colon_id_as_before() -> None:
    assert str(EntryRef("kpi", "k4")) == "kpi:k4"
    assert str(EntryRef("finding", "3")) == "finding:3"
    assert EntryRef.parse("roadmap:r2") == EntryRef("roadmap", "r2")


@pytest.mark.parametrize("kind", ENTRY_KINDS)
@pytest.mark.parametrize("entry_id", ["k4", "0", "team-1_x", "a:b", ""])
def test_every_entry_reads_back_as_written(kind: str, entry_id: str) -> None:
    entry = EntryRef.parse(f"{kind}:{entry_id}")
    assert (entry.kind, entry.id) == (kind, entry_id)
    assert EntryRef.parse(str(entry)) == entry


@pytest.mark.parametrize("text", ["kr:k1", "KPI:k4", "kpi", "", ":k4", "item k1"])
def test_an_unknown_kind_is_refused_saying_what_is_expected(text: str) -> None:
    with pytest.raises(ValueError, match="is not a list entry") as refused:
        EntryRef.parse(text)
    assert repr(text) in str(refused.value)
    assert "item, finding, waiting, kpi, roadmap, common, unserved, heading" in str(refused.value)
