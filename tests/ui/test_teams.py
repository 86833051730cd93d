"""Several teams: each shows its own OKRs (3 objectives per team); the review compares the
teams, or this session with another team's file."""

from pathlib import Path

from textual.widgets import OptionList, Static

from okrtui.screens.app import OkrApp
from okrtui.screens.compare import CompareScreen
from okrtui.screens.dialogs import PathScreen
from okrtui.screens.forms import PickScreen
from okrtui.screens.session import SessionScreen
from okrtui.storage import load_session, save_session

from .conftest import EXAMPLES, fill
from .support import level_view, session_with_three_objectives, tree_lines


async def test_add_a_team_and_switch_between_teams(isolated: Path) -> None:
    path = isolated / "teams.toml"
    save_session(session_with_three_objectives(), path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, PickScreen)
        await pilot.press("down", "enter")
        await fill(pilot, "Data [b]science[/b]")
        assert [team.name for team in app.session.teams] == ["Product", "Data [b]science[/b]"]
        assert "Data [b]science[/b]" in app.title
        tree = level_view(app, "ambition")
        assert not any("Make sellers autonomous" in line for line in tree_lines(tree))
        await pilot.press("n")
        await fill(pilot, "Make our model answers trustworthy")
        await pilot.press("ctrl+t")
        await pilot.press("enter")  # the first team
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert any("Make sellers autonomous" in line for line in tree_lines(tree))
        await pilot.press("ctrl+s")
        await pilot.pause()
    teams = load_session(path).teams
    assert [o.text for o in teams[1].objectives] == ["Make our model answers trustworthy"]
    assert len(teams[0].committed_objectives) == 3


async def test_the_review_compares_with_another_team_file(isolated: Path) -> None:
    path = isolated / "produit.toml"
    path.write_bytes((EXAMPLES / "equipe-produit.toml").read_bytes())
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        await fill(pilot, str(EXAMPLES / "equipe-data.toml"))
        assert isinstance(app.screen, CompareScreen)
        text = str(app.screen.query_one("#compare-text", Static).render())
        assert "Ce qu’elles ont en commun (5)" in text
        assert "Tirent en sens contraire (1)" in text
        await pilot.press("s")
        await pilot.pause()
        assert app.session.common and app.dirty
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        findings = app.screen.query_one("#findings", OptionList)
        ids = [findings.get_option_at_index(i).id for i in range(findings.option_count)]
        assert f"common:{app.session.common[0].id}" in ids
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_session(path).common == app.session.common
