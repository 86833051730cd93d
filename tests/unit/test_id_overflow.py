"""Ids never grow past what the format allows (40 characters): after the longest one, the
next id is the lowest one free (issue 14, item 9)."""

from pathlib import Path

from okrtui import workshop
from okrtui.cli import main
from okrtui.models import Idea, RoadmapItem
from okrtui.roadmap import import_roadmap
from okrtui.storage import load_session, save_session

from .conftest import write

LONGEST = "i" + "9" * 39


def test_the_next_id_after_the_longest_is_the_lowest_free() -> None:
    session = workshop.new_session("Ids", "en", team="Core")
    team = session.teams[0]
    team.ideas.append(Idea(id=LONGEST, level="ambition", text="Last of its kind"))
    team.ideas.append(Idea(id="i1", level="ambition", text="First"))
    idea = workshop.add_idea(session, team, "ambition", "One more", None)
    assert idea.id == "i2"
    again = workshop.add_idea(session, team, "ambition", "And another", None)
    assert again.id == "i3"
    assert len({idea.id for idea in team.ideas}) == 4


def test_an_id_that_would_overflow_never_takes_one_in_use_elsewhere() -> None:
    session = workshop.new_session("Ids", "en", team="Core")
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, "Grow")
    objective.id = "o" + "9" * 39
    team.roadmap.append(RoadmapItem(id="o1", text="Taken by a roadmap item"))
    added = workshop.commit_objective(session, team, "Keep")
    assert added.id == "o2"
    assert len(added.id) <= 40


def test_every_prefix_stays_within_the_format_at_the_top() -> None:
    session = workshop.new_session("Ids", "en", team="Core")
    session.teams[0].id = "team" + "9" * 36
    team = workshop.add_team(session, "Second")
    assert team.id == "team1"


def test_import_roadmap_after_the_longest_id(tmp_path: Path, capsys) -> None:
    session = workshop.new_session("Ids", "en", team="Core")
    session.teams[0].roadmap.append(RoadmapItem(id="r" + "9" * 39, text="Already there"))
    path = tmp_path / "s.toml"
    save_session(session, path)
    added = import_roadmap(session, session.teams[0], ["A", "B"])
    assert [item.id for item in added] == ["r1", "r2"]
    plan = write(tmp_path / "plan.md", "- Referral bonus\n- Shop themes\n")
    assert main(["import-roadmap", str(plan), str(path)]) == 0
    ids = [item.id for item in load_session(path).teams[0].roadmap]
    assert ids == ["r" + "9" * 39, "r1", "r2"]
