"""The company report's roll-up (okrtui.report): figures per key result and per team, the
off-track list, the themes compare finds, and the JSON shape docs/report.md describes."""

import json
from pathlib import Path

import pytest

from okrtui.cli import main
from okrtui.compare import compare_teams
from okrtui.report import as_dict, build_report

from .report_support import data_team, growth_team, write_team


def test_every_key_result_s_progress_and_confidence() -> None:
    report = build_report([("growth.toml", growth_team())])
    (team,) = report.teams
    first, second, third = team.objectives
    assert [(kr.text, kr.progress, kr.unknown, kr.confidence, kr.state)
            for kr in first.key_results + second.key_results] == [
        ("Raise weekly active sellers", 0.5, None, 8, "on_track"),
        ("Reach 40% conversion", 1.0, None, 5, "at_risk"),  # 1.4, clamped
        ("Cut churn of paying sellers", 0.0, None, 2, "off_track"),  # moved away: -0.25
        ("Grow referrals", None, "no_check_in", None, None),
        ("Halve support tickets", None, "no_baseline", 7, "on_track"),
    ]
    assert first.kind == "committed" and first.grade is None and first.succeeded is None
    assert third.kind == "aspirational"
    assert [kr.text for kr in third.key_results] == ["Cut time to publish",
                                                     "Pre-fill listings"]  # not set aside
    assert third.key_results[0].progress == 0.5  # a reduction, 12 → 9 at 10.5
    assert third.grade == pytest.approx(0.75) and third.succeeded is True
    off = first.key_results[2]
    assert off.note == "The payment vendor is late" and off.value == 9
    assert str(off.checked_on) == "2027-02-15"


def test_a_team_s_summary() -> None:
    summary = build_report([("growth.toml", growth_team())]).teams[0].summary
    assert (summary.objectives, summary.key_results, summary.on_track, summary.at_risk,
            summary.off_track, summary.no_check_in) == (3, 7, 4, 1, 1, 1)
    assert summary.mean_progress == pytest.approx((0.5 + 1.0 + 0.0 + 0.5 + 0.8) / 5)


def test_a_team_with_nothing_checked_in_has_no_mean() -> None:
    session = growth_team()
    for objective in session.teams[0].objectives:
        for kr in objective.key_results:
            kr.check_ins = []
    summary = build_report([("g.toml", session)]).teams[0].summary
    assert summary.mean_progress is None
    assert summary.no_check_in == 7 and summary.on_track == 0


def test_the_off_track_list_lowest_confidence_first() -> None:
    report = build_report([("growth.toml", growth_team()), ("data.toml", data_team())])
    assert [(line.team.name, line.objective.text, line.key_result.text,
             line.key_result.confidence, line.key_result.note) for line in report.off_track] == [
        ("Data", "Data: retain paying sellers", "Reduce monthly churn from 5% to 3%", 1,
         "Data note"),
        ("Growth", "Win professional sellers on mobile", "Cut churn of paying sellers", 2,
         "The payment vendor is late"),
    ]  # the set-aside key result at 0 is not there


def test_the_themes_are_those_compare_finds() -> None:
    sources = [("growth.toml", growth_team()), ("data.toml", data_team())]
    report = build_report(sources)
    assert report.themes == compare_teams(sources).themes
    assert "churn / retention" in {theme.label("en") for theme in report.themes}


def test_teams_of_one_file_and_teams_named_alike() -> None:
    one, two = growth_team("Core"), data_team("Core")
    report = build_report([("a.toml", one), ("b.toml", two)])
    assert [team.team.name for team in report.teams] == ["Core (a.toml)", "Core (b.toml)"]
    assert report.files == 2


def test_the_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    growth = write_team(tmp_path, growth_team(), "growth.toml")
    data = write_team(tmp_path, data_team(), "data.toml")
    assert main(["report", str(growth), str(data), "--to", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert list(found) == ["format", "version", "language", "off_track", "themes", "teams"]
    assert (found["format"], found["version"], found["language"]) == ("okrtui-report", 1, "en")
    assert found["off_track"][1] == {
        "team": "Growth", "source": str(growth),
        "objective": {"id": "o1", "text": "Win professional sellers on mobile"},
        "key_result": {"id": "k3", "label": "O1.KR3", "text": "Cut churn of paying sellers"},
        "confidence": 2, "note": "The payment vendor is late", "date": "2027-02-15"}
    theme = next(t for t in found["themes"] if t["label"] == "churn / retention")
    assert theme == {"kind": "metric", "label": "churn / retention",
                     "teams": ["Growth", "Data"], "items": theme["items"]}
    team = found["teams"][0]
    assert list(team) == ["name", "source", "language", "summary", "objectives"]
    assert team["summary"] == {"objectives": 3, "key_results": 7, "on_track": 4,
                               "at_risk": 1, "off_track": 1, "no_check_in": 1,
                               "mean_progress": pytest.approx(0.56)}
    objective = team["objectives"][2]
    assert {k: objective[k] for k in ("id", "text", "kind", "succeeded")} == {
        "id": "o3", "text": "Make publishing effortless", "kind": "aspirational",
        "succeeded": True}
    assert objective["grade"] == pytest.approx(0.75)
    assert objective["key_results"][0] == {
        "id": "k6", "label": "O3.KR1", "text": "Cut time to publish", "baseline": 12, "target": 9,
        "unit": "minutes", "value": 10.5, "progress": 0.5, "unknown": None,
        "confidence": 8, "state": "on_track", "note": None, "checked_on": "2027-02-15",
        "grade": 0.7}
    assert team["objectives"][1]["key_results"][0]["unknown"] == "no_check_in"


def test_as_dict_says_theme_labels_in_the_language_asked() -> None:
    report = build_report([("g", growth_team()), ("d", data_team())])
    assert "attrition / rétention" in {t["label"] for t in as_dict(report, "fr")["themes"]}
