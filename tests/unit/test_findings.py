"""The session findings: focus limits and gaps in the tree, with stable rule ids."""

import pytest

from okrtui import workshop
from okrtui.facilitation import log_decision
from okrtui.findings import Finding, has_errors, session_findings
from okrtui.i18n import Catalog, catalog
from okrtui.models import Session, Team

from .conftest import build_session, cover_every_kr


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_a_focused_complete_session_has_no_findings(en: Catalog) -> None:
    session = build_session([2, 3, 2])
    cover_every_kr(session)
    assert session_findings(session, en) == []


def test_more_than_three_committed_objectives_is_an_error(en: Catalog) -> None:
    session = build_session([2, 2, 2, 2])
    cover_every_kr(session)
    findings = session_findings(session, en)
    [finding] = findings
    assert (finding.rule, finding.severity, finding.item, finding.item_id) == (
        "limit.objectives", "error", "objectives", "team1"
    )
    assert "4" in finding.message and "3" in finding.message
    assert "3" in finding.suggestion
    assert has_errors(findings)


def test_more_than_three_key_results_is_an_error(en: Catalog) -> None:
    session = build_session([2, 4])
    cover_every_kr(session)
    [finding] = session_findings(session, en)
    assert (finding.rule, finding.severity, finding.item, finding.item_id) == (
        "limit.key_results", "error", "objectives[1]", "o2"
    )
    assert "4" in finding.message and "3" in finding.message


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_key_results_is_a_warning(en: Catalog, count: int) -> None:
    session = build_session([count, 2])
    cover_every_kr(session)
    [finding] = session_findings(session, en)
    assert (finding.rule, finding.severity, finding.item) == (
        "kr.too_few", "warning", "objectives[0]"
    )
    assert str(count) in finding.message
    assert not has_errors([finding])


def test_a_key_result_no_tactic_moves_is_an_info(en: Catalog) -> None:
    session = build_session([2])
    findings = session_findings(session, en)
    assert [(f.rule, f.severity, f.item, f.item_id) for f in findings] == [
        ("kr.no_tactic", "info", "objectives[0].key_results[0]", "k1"),
        ("kr.no_tactic", "info", "objectives[0].key_results[1]", "k2"),
    ]


def test_a_tactic_without_action_is_an_info(en: Catalog) -> None:
    session = build_session([2])
    objective = session.teams[0].objectives[0]
    workshop.add_tactic(session, objective, "Pari", ["k1", "k2"])
    [finding] = session_findings(session, en)
    assert (finding.rule, finding.severity, finding.item) == (
        "tactic.no_action", "info", "objectives[0].tactics[0]"
    )


def test_set_aside_objectives_are_not_counted_nor_checked(en: Catalog) -> None:
    session = build_session([2, 2, 2], set_aside_objectives=2)
    cover_every_kr(session)
    parked = session.teams[0].objectives[-1]
    workshop.add_tactic(session, parked, "Pari sans action", [])
    assert session_findings(session, en) == []


def test_set_aside_key_results_are_not_counted_nor_checked(en: Catalog) -> None:
    session = build_session([3], set_aside_krs=2)
    objective = session.teams[0].objectives[0]
    tactic = workshop.add_tactic(session, objective, "Pari", ["k1", "k2", "k3"])
    workshop.add_action(session, tactic, "Faire")
    assert len(objective.key_results) == 5
    assert session_findings(session, en) == []


def test_set_aside_key_results_do_not_fill_the_two_needed(en: Catalog) -> None:
    session = build_session([1], set_aside_krs=3)
    cover_every_kr(session)
    assert [f.rule for f in session_findings(session, en)] == ["kr.too_few"]


def test_an_objective_with_no_decision_is_a_warning(en: Catalog) -> None:
    session = build_session([2, 2], decided=False)
    cover_every_kr(session)
    session.teams[0].objectives[1].decisions = ["Channel: partner shops"]
    [finding] = session_findings(session, en)
    assert (finding.rule, finding.severity, finding.item, finding.item_id) == (
        "objective.no_decision", "warning", "objectives[0]", "o1"
    )
    assert "segment" in finding.message and "key d" in finding.suggestion
    assert not has_errors([finding])


def test_a_set_aside_objective_needs_no_decision(en: Catalog) -> None:
    session = build_session([2], set_aside_objectives=1)
    cover_every_kr(session)
    assert not session.teams[0].objectives[1].decisions
    assert session_findings(session, en) == []


def test_a_decision_in_the_workshop_log_is_not_the_objective_s_own(en: Catalog) -> None:
    session = build_session([2], decided=False)
    cover_every_kr(session)
    log_decision(session, "Segment: sellers of region A", level="ambition")
    assert [f.rule for f in session_findings(session, en)] == ["objective.no_decision"]


def test_a_silenced_missing_decision_is_kept_apart(en: Catalog) -> None:
    session = build_session([2], decided=False)
    cover_every_kr(session)
    workshop.silence(session.teams[0].objectives[0], "objective.no_decision",
                     "The whole market, on purpose this quarter")
    assert session_findings(session, en) == []
    [kept] = session_findings(Session.model_validate(session.model_dump()), en, silenced=True)
    assert (kept.rule, kept.silenced_because) == (
        "objective.no_decision", "The whole market, on purpose this quarter")


def test_several_teams_are_named_in_the_item_path(en: Catalog) -> None:
    session = build_session([2, 2, 2, 2])
    cover_every_kr(session)
    other = Team(id="team2", name="Data")
    session.teams.append(other)
    workshop.commit_objective(session, other, "Make the data pipeline reliable for sellers")
    findings = session_findings(Session.model_validate(session.model_dump()), en)
    assert [(f.rule, f.item) for f in findings] == [
        ("limit.objectives", "teams[0].objectives"),
        ("kr.too_few", "teams[1].objectives[0]"),
        ("objective.no_decision", "teams[1].objectives[0]"),
    ]


def test_findings_come_in_tree_order(en: Catalog) -> None:
    session = build_session([4, 1])
    rules = [f.rule for f in session_findings(session, en)]
    assert rules[0] == "limit.key_results"
    assert rules.index("kr.too_few") > rules.index("limit.key_results")


RULE_CASES = {
    "limit.objectives": ([2, 2, 2, 2, 2], "5"),
    "limit.key_results": ([5], "5"),
    "kr.too_few": ([1], "1"),
}


@pytest.mark.parametrize("rule", list(RULE_CASES))
def test_messages_in_both_languages_differ_and_carry_the_numbers(rule: str) -> None:
    counts, number = RULE_CASES[rule]
    texts = {}
    for language in ("fr", "en"):
        session = build_session(counts, language=language)
        [finding] = by_rule(session_findings(session, catalog(language)), rule)
        assert number in finding.message
        if rule.startswith("limit."):
            assert "3" in finding.message and "3" in finding.suggestion
        assert "{" not in finding.message + finding.suggestion
        assert not finding.message.startswith("rule.")
        texts[language] = (finding.message, finding.suggestion)
    assert texts["fr"][0] != texts["en"][0]
    assert texts["fr"][1] != texts["en"][1]


@pytest.mark.parametrize("rule", ["kr.no_tactic", "tactic.no_action"])
def test_info_messages_exist_in_both_languages(rule: str) -> None:
    texts = {}
    for language in ("fr", "en"):
        session = build_session([2], language=language)
        workshop.add_tactic(session, session.teams[0].objectives[0], "Pari", [])
        [finding, *_] = by_rule(session_findings(session, catalog(language)), rule)
        assert finding.message and not finding.message.startswith("rule.")
        assert finding.suggestion and not finding.suggestion.startswith("rule.")
        texts[language] = finding.message
    assert texts["fr"] != texts["en"]


def test_finding_as_dict_has_the_public_keys(en: Catalog) -> None:
    [finding, *_] = session_findings(build_session([1]), en)
    assert set(finding.as_dict()) >= {"rule", "severity", "item", "message", "suggestion"}
    assert finding.as_dict()["rule"] == finding.rule
