"""Once anyone has voted, and while converging, the ideas list is ranked by dots, ties marked;
moving between phases is navigation: undo takes back the last edit, not a phase change."""

from pathlib import Path

from okrtui.facilitation import add_dot, current_phase
from okrtui.models import Session
from okrtui.screens.app import OkrApp
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.workshop import add_idea, new_session

from .support import option_texts


def voted_session() -> Session:
    """Four ambition ideas typed in order; the third has 2 dots, the first and last 1 each."""
    session = new_session("Ranking", "en", team="Product", participants=["Ana", "Bruno"])
    team = session.teams[0]
    ideas = [add_idea(session, team, "ambition", text, None)
             for text in ("Alpha", "Bravo", "Charlie", "Delta")]
    ana, bruno = (person.id for person in session.participants)
    add_dot(session, team, ana, ideas[2])
    add_dot(session, team, bruno, ideas[2])
    add_dot(session, team, ana, ideas[0])
    add_dot(session, team, bruno, ideas[3])
    return session


def idea_order(app: OkrApp) -> list[str]:
    rows = option_texts(app.screen.query_one("#ambition-ideas", IdeaList))
    return [row.split("• ", 1)[1].split("  ", 1)[0] for row in rows]


async def test_votes_cast_while_diverging_rank_the_list(isolated: Path) -> None:
    app = OkrApp(session=voted_session(), path=isolated / "rank.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert current_phase(app.session.teams[0], "ambition") == "diverge"
        assert idea_order(app) == ["Charlie", "Alpha", "Delta", "Bravo"]
        rows = option_texts(app.screen.query_one("#ambition-ideas", IdeaList))
        assert "(tied)" in rows[1] and "(tied)" in rows[2]
        assert "(tied)" not in rows[0] and "(tied)" not in rows[3]
        await pilot.press("]")  # to converge: still ranked
        await pilot.pause()
        assert current_phase(app.session.teams[0], "ambition") == "converge"
        assert idea_order(app) == ["Charlie", "Alpha", "Delta", "Bravo"]


async def test_undo_takes_back_the_last_edit_not_a_phase_change(isolated: Path) -> None:
    app = OkrApp(session=voted_session(), path=isolated / "rank.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        team = app.session.teams[0]
        await pilot.press("i")
        for key in "Echo":
            await pilot.press(key)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert [idea.text for idea in team.ideas_at("ambition")][-1] == "Echo"
        await pilot.press("]")
        await pilot.pause()
        assert current_phase(team, "ambition") == "converge"
        await pilot.press("ctrl+z")
        await pilot.pause()
        team = app.session.teams[0]
        assert "Echo" not in [idea.text for idea in team.ideas_at("ambition")]
        assert current_phase(team, "ambition") == "converge"
        assert idea_order(app) == ["Charlie", "Alpha", "Delta", "Bravo"]
