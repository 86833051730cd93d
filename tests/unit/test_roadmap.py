"""A roadmap that came first: imported from Markdown, CSV or TOML, mapped to the OKRs, turned
into tactics or actions; what serves nothing is asked about."""

from pathlib import Path

import pytest

from okrtui.cli import main
from okrtui.roadmap import (
    RoadmapFileError,
    import_roadmap,
    read_roadmap,
    set_serves,
    to_action,
    to_tactic,
    unmapped,
    unserved_objectives,
)
from okrtui.storage import dumps_session, load_session, parse_session, save_session
from okrtui.workshop import add_key_result, commit_objective, new_session

from .conftest import write


def workshop():
    session = new_session("Roadmap", "en", team="Product")
    team = session.teams[0]
    referrals = commit_objective(session, team, "Make referrals our first channel")
    kr = add_key_result(session, referrals, "Raise referred sign-ups from 10% to 30%")
    quality = commit_objective(session, team, "Make sellers proud of their shop")
    return session, team, referrals, kr, quality


@pytest.mark.parametrize(("name", "content"), [
    ("plan.md", "# Q1\n\n- Referral bonus\n* [ ] Shop themes\n+ [x] Invite flow\n"
                "2. Public API\n\nNot an item.\n  - Nested [b]item[/b]\n"),
    ("plan.csv", "id;Title;owner\n1;Referral bonus;Ana\n2;Shop themes;Bo\n3;Invite flow;\n"
                 "4;Public API;Cy\n5;Nested [b]item[/b];\n"),
    ("plan.toml", 'items = ["Referral bonus", "Shop themes", "Invite flow", "Public API", '
                  '"Nested [b]item[/b]"]\n'),
    ("tables.toml", "".join(f'[[items]]\ntitle = "{t}"\n' for t in (
        "Referral bonus", "Shop themes", "Invite flow", "Public API", "Nested [b]item[/b]"))),
])
def test_the_three_formats_give_the_same_titles(tmp_path: Path, name: str, content: str) -> None:
    titles = read_roadmap(write(tmp_path / name, content))
    assert titles == ["Referral bonus", "Shop themes", "Invite flow", "Public API",
                      "Nested [b]item[/b]"]


@pytest.mark.parametrize(("name", "content", "words"), [
    ("empty.md", "Just prose, no list.\n", "no roadmap item"),
    ("cols.csv", "id,owner\n1,Ana\n", "no title column among id, owner"),
    ("bad.toml", "items = [", "not valid TOML"),
    ("none.toml", "other = 1\n", "no list of items"),
    ("mixed.toml", "items = ['a', 3]\n", "item 2"),
    ("latin1.md", "- caf\xe9\n".encode("latin-1"), "UTF-8"),
])
def test_an_unusable_roadmap_says_what_to_do(tmp_path: Path, name, content, words) -> None:
    with pytest.raises(RoadmapFileError) as error:
        read_roadmap(write(tmp_path / name, content))
    assert words in str(error.value) and name in str(error.value)


def test_import_skips_what_is_already_there_and_maps_items() -> None:
    session, team, referrals, kr, quality = workshop()
    added = import_roadmap(session, team, ["Referral bonus", "Shop themes", "referral BONUS"])
    assert [item.text for item in added] == ["Referral bonus", "Shop themes"]
    assert import_roadmap(session, team, ["Shop themes"]) == []
    bonus, themes = team.roadmap
    set_serves(team, bonus, [kr.id])
    assert unmapped(team) == [themes]
    assert unserved_objectives(team) == [quality]
    with pytest.raises(ValueError):
        set_serves(team, themes, ["nothing"])
    assert parse_session(dumps_session(session).encode()) == session


def test_an_item_becomes_a_tactic_or_an_action_in_one_step() -> None:
    session, team, referrals, kr, quality = workshop()
    bonus, themes = import_roadmap(session, team, ["Referral bonus", "Shop themes"])
    set_serves(team, bonus, [kr.id])
    tactic = to_tactic(session, referrals, bonus)
    assert tactic.text == "Referral bonus" and tactic.moves == [kr.id]
    assert bonus.became == tactic.id
    action = to_action(session, referrals, tactic, themes)
    assert action.text == "Shop themes" and themes.became == action.id
    assert unmapped(team) == []
    assert unserved_objectives(team) == [quality]
    again = parse_session(dumps_session(session).encode())
    assert again == session


def test_removing_an_objective_unmaps_its_roadmap_items() -> None:
    from okrtui.workshop import remove_objective

    session, team, referrals, kr, quality = workshop()
    [bonus] = import_roadmap(session, team, ["Referral bonus"])
    set_serves(team, bonus, [referrals.id, kr.id, quality.id])
    to_tactic(session, referrals, bonus)
    remove_objective(team, referrals)
    assert bonus.serves == [quality.id] and bonus.became is None
    parse_session(dumps_session(session).encode())


def test_import_roadmap_command(tmp_path: Path, capsys) -> None:
    session, *_ = workshop()
    path = tmp_path / "s.toml"
    save_session(session, path)
    plan = write(tmp_path / "plan.md", "- Referral bonus\n- Shop themes\n")
    assert main(["import-roadmap", str(plan), str(path)]) == 0
    assert "2 roadmap items added to Product" in capsys.readouterr().out
    assert [item.text for item in load_session(path).teams[0].roadmap] == [
        "Referral bonus", "Shop themes"]
    assert main(["import-roadmap", str(plan), str(path), "--team", "nope"]) == 2
    assert "has no team nope" in capsys.readouterr().err
    before = path.read_bytes()
    assert main(["import-roadmap", str(tmp_path / "missing.md"), str(path)]) == 2
    assert path.read_bytes() == before


@pytest.mark.parametrize(("name", "content"), [
    ("huge.csv", "title\n\"" + "x" * 200_000 + "\"\n"),
    ("deep.toml", "items = " + "[" * 2000 + "]" * 2000 + "\n"),
    ("digits.toml", "items = [" + "1" * 6000 + "]\n"),
])
def test_a_hostile_roadmap_file_is_refused_cleanly(tmp_path: Path, name, content) -> None:
    with pytest.raises(RoadmapFileError) as error:
        read_roadmap(write(tmp_path / name, content))
    assert name in str(error.value)


def test_importing_nothing_new_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    session, *_ = workshop()
    path = tmp_path / "s.toml"
    save_session(session, path)
    plan = write(tmp_path / "plan.md", "- Referral bonus\n")
    assert main(["import-roadmap", str(plan), str(path)]) == 0
    stamp = path.stat().st_mtime_ns
    assert main(["import-roadmap", str(plan), str(path)]) == 0
    assert path.stat().st_mtime_ns == stamp
