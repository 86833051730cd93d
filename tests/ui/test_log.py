"""j shows the decisions logged in the workshop, with why, and the team's KPIs."""

from pathlib import Path

from textual.widgets import Static

from okrtui.facilitation import log_decision
from okrtui.models import Kpi
from okrtui.screens.app import OkrApp
from okrtui.screens.log import LogScreen

from .support import session_with_three_objectives


async def test_j_shows_the_decision_log_and_the_kpis(isolated: Path) -> None:
    session = session_with_three_objectives()
    log_decision(session, "Target professional sellers first [b]x[/b]",
                 "They publish ten times more", "ambition")
    session.teams[0].kpis.append(Kpi(id="k90", text="Weekly active sellers", baseline=1200,
                                     target=1500))
    app = OkrApp(session=session, path=isolated / "log.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "◆ Target professional sellers first [b]x[/b]  (Ambition)" in text
        assert "They publish ten times more" in text
        assert "• Weekly active sellers  [from 1,200 to 1,500]" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LogScreen)


async def test_an_empty_log_says_how_to_fill_it(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives("fr"), path=isolated / "log.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Aucune décision notée pour l’instant" in text
        assert "Aucun KPI pour l’instant" in text
