"""Naming a key result from a script: by id, by its tree label, by team and label."""

import pytest

from okrtui.kr_refs import KrRefProblem, committed_krs, find_kr
from okrtui.models import KeyResult, Objective, Session, Team

from .conftest import build_session


def two_teams() -> Session:
    """Two teams with an O1.KR1 each; only the second has an O2."""
    def team(team_id: str, objectives: int) -> Team:
        return Team(id=team_id, name=team_id.title(), objectives=[
            Objective(id=f"{team_id}-o{o}", text=f"Goal {o}", key_results=[
                KeyResult(id=f"{team_id}-o{o}-k{k}", text=f"KR {k}", baseline=1, target=2)
                for k in (1, 2)])
            for o in range(1, objectives + 1)])

    return Session(title="Two", language="en", teams=[team("data", 1), team("produit", 2)])


def test_a_key_result_is_found_by_its_id() -> None:
    session = build_session([2, 2])
    assert find_kr(session, "k3").kr.text == "Reduce delay 3 by 20%"
    assert find_kr(session, "k3").label == "O2.KR1"


def test_a_label_counts_committed_items_only_as_the_tree_does() -> None:
    session = build_session([1, 2], set_aside_krs=1)
    first = session.teams[0].objectives[0]
    first.key_results.insert(0, first.key_results.pop())  # a set-aside KR before KR1
    session.teams[0].objectives.insert(
        0, Objective(id="parked", text="Parked", set_aside=True,
                     key_results=[KeyResult(id="pk", text="Parked KR")]))
    assert find_kr(session, "O1.KR1").kr.id == "k1"
    assert find_kr(session, "O2.KR2").kr.id == "k3"
    assert find_kr(session, " o2.kr2 ").kr.id == "k3"


def test_a_set_aside_key_result_is_refused_by_name() -> None:
    session = build_session([1], set_aside_krs=1)
    with pytest.raises(KrRefProblem) as caught:
        find_kr(session, "k2")
    assert caught.value.key == "kr_ref.set_aside"


def test_an_unknown_label_lists_the_labels() -> None:
    with pytest.raises(KrRefProblem) as caught:
        find_kr(build_session([2, 1]), "O3.KR1")
    assert caught.value.key == "kr_ref.not_found"
    assert caught.value.params["choices"] == "O1.KR1, O1.KR2, O2.KR1"


def test_with_several_teams_a_label_takes_the_team_id() -> None:
    session = two_teams()
    assert find_kr(session, "produit.O1.KR2").kr.id == "produit-o1-k2"
    assert find_kr(session, "data.O1.KR1").kr.id == "data-o1-k1"
    assert [found.label for found in committed_krs(session)][:3] == [
        "data.O1.KR1", "data.O1.KR2", "produit.O1.KR1"]


def test_a_bare_label_several_teams_have_is_refused_with_the_choices() -> None:
    with pytest.raises(KrRefProblem) as caught:
        find_kr(two_teams(), "O1.KR1")
    assert caught.value.key == "kr_ref.ambiguous"
    assert caught.value.params["choices"] == "data.O1.KR1, produit.O1.KR1"


def test_a_bare_label_only_one_team_has_is_found() -> None:
    assert find_kr(two_teams(), "O2.KR1").kr.id == "produit-o2-k1"


def test_an_unknown_team_is_named() -> None:
    with pytest.raises(KrRefProblem) as caught:
        find_kr(two_teams(), "marketing.O1.KR1")
    assert caught.value.key == "kr_ref.no_team"
    assert caught.value.params["teams"] == "data, produit"
