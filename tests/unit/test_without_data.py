"""OKRs without data (a baseline unknown, measured first) and KPIs kept apart from KRs."""

from datetime import date

import pytest
from pydantic import ValidationError

from okrtui.baselines import add_measure_action, set_baseline_unknown, waiting_for_data
from okrtui.export import to_markdown
from okrtui.findings import session_findings
from okrtui.kpis import move_back, move_to_kpis
from okrtui.limits import LimitReached
from okrtui.models import KeyResult
from okrtui.storage import dumps_session, parse_session
from okrtui.workshop import add_key_result, add_tactic, commit_objective, new_session


def workshop(language: str = "en"):
    session = new_session("Data", language, team="Product", participants=["Ana"])
    team = session.teams[0]
    objective = commit_objective(session, team, "Make new sellers successful on their own")
    churn = add_key_result(session, objective, "Reduce seller churn in the first month to 5%",
                           target=5, unit="%")
    kpi_like = add_key_result(session, objective, "Keep uptime above 99.9%", target=99.9)
    return session, team, objective, churn, kpi_like


def baseline_findings(session, tr):
    return [f for f in session_findings(session, tr) if f.rule == "kr.no_baseline"]


def test_a_baseline_cannot_be_both_given_and_unknown() -> None:
    with pytest.raises(ValidationError, match="baseline_unknown"):
        KeyResult(id="k1", text="Reduce churn", baseline=3, baseline_unknown=True)
    kr = KeyResult(id="k1", text="Reduce churn", baseline=3)
    set_baseline_unknown(kr, True)
    assert kr.baseline is None and kr.baseline_unknown


def test_an_unknown_baseline_asks_for_a_measuring_action_then_waits(en) -> None:
    session, team, objective, churn, _ = workshop()
    set_baseline_unknown(churn, True)
    [finding] = [f for f in baseline_findings(session, en) if f.item_id == churn.id]
    assert finding.message == en("baseline.unknown_message")
    assert [w.key_result for w in waiting_for_data(team)] == [churn]
    action = add_measure_action(session, objective, churn, en, owner="p1",
                                due=date(2027, 1, 15))
    assert action.measures == churn.id and action.owner == "p1"
    assert churn.id in objective.tactics[0].moves
    assert not [f for f in baseline_findings(session, en) if f.item_id == churn.id]
    assert waiting_for_data(team)[0].action == action
    again = parse_session(dumps_session(session).encode())
    assert again == session
    markdown = to_markdown(session, en)
    assert "(to 5%; baseline unknown — measured by Ana, 2027-01-15)" in markdown


def test_the_measuring_tactic_is_reused_for_a_second_key_result(fr) -> None:
    session, team, objective, churn, other = workshop("fr")
    for kr in (churn, other):
        set_baseline_unknown(kr, True)
        add_measure_action(session, objective, kr, fr)
    assert len(objective.tactics) == 1
    assert objective.tactics[0].text == "Mesurer avant d’agir"
    assert objective.tactics[0].moves == [churn.id, other.id]


def test_a_measuring_tactic_written_with_a_straight_apostrophe_is_reused(fr) -> None:
    """Sessions saved before the catalog took the typographic apostrophe."""
    session, team, objective, churn, other = workshop("fr")
    older = add_tactic(session, objective, "Mesurer avant d'agir", [churn.id])
    set_baseline_unknown(other, True)
    add_measure_action(session, objective, other, fr)
    assert objective.tactics == [older]
    assert older.moves == [churn.id, other.id]


def test_a_kpi_moves_out_of_its_objective_and_back(en) -> None:
    session, team, objective, churn, uptime = workshop()
    tactic = add_tactic(session, objective, "Status page", [uptime.id, churn.id])
    kpi = move_to_kpis(team, uptime.id)
    assert kpi is not None and kpi.id == uptime.id and kpi.target == 99.9
    assert kpi.from_objective == objective.id
    assert uptime.id not in [kr.id for kr in objective.key_results]
    assert tactic.moves == [churn.id]
    assert parse_session(dumps_session(session).encode()) == session
    assert "Keep uptime above 99.9%" in to_markdown(session, en).split("Health metrics")[1]
    back = move_back(team, kpi)
    assert back.id == uptime.id and back.target == 99.9 and not team.kpis


def test_moving_back_respects_the_limit() -> None:
    session, team, objective, churn, uptime = workshop()
    kpi = move_to_kpis(team, uptime.id)
    add_key_result(session, objective, "Raise first sales to 60%")
    add_key_result(session, objective, "Halve support tickets")
    assert len(objective.committed_key_results) == 3
    with pytest.raises(LimitReached):
        move_back(team, kpi)
    assert team.kpis == [kpi]


def test_move_to_kpis_ignores_what_is_not_a_key_result() -> None:
    session, team, objective, *_ = workshop()
    assert move_to_kpis(team, objective.id) is None
    assert move_to_kpis(team, "nothing") is None


def test_removing_a_key_result_forgets_its_measuring_action_link(en) -> None:
    from okrtui.workshop import remove_key_result

    session, team, objective, churn, _ = workshop()
    set_baseline_unknown(churn, True)
    action = add_measure_action(session, objective, churn, en)
    remove_key_result(team, objective, churn)
    assert action.measures is None
    parse_session(dumps_session(session).encode())


def test_a_kpi_keeps_an_unknown_baseline_and_its_silences() -> None:
    from okrtui.workshop import silence

    session, team, objective, churn, uptime = workshop()
    set_baseline_unknown(uptime, True)
    silence(uptime, "kr.is_kpi", "We chose to keep it here")
    kpi = move_to_kpis(team, uptime.id)
    back = move_back(team, kpi)
    assert back.baseline_unknown and back.silenced[0].reason == "We chose to keep it here"
