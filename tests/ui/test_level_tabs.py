"""The level names above the panes: a click or a number key shows that level."""

from pathlib import Path

from okrtui.screens.app import OkrApp
from okrtui.screens.session import SessionScreen
from okrtui.screens.widgets.level_tabs import LevelTabs
from okrtui.storage import load_session

EXAMPLE = Path(__file__).parents[2] / "sessions" / "onboarding-self-serve.toml"


async def test_a_click_on_a_level_name_shows_that_level(isolated: Path) -> None:
    path = isolated / "session.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    app = OkrApp(session=load_session(path), path=path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        tabs = screen.query_one(LevelTabs)
        assert tabs.labels == ["1 Ambition", "2 Tactic", "3 Execution", "4 Review",
                               "5 Progress"]
        third = sum(len(label) + 3 for label in tabs.labels[:2]) + 2
        await pilot.click(LevelTabs, offset=(third, 0))
        await pilot.pause()
        assert screen.active_level == "execution"
        assert screen.query_one("#execution-pane").display
        assert screen.query_one("#execution-ideas").has_focus
        await pilot.press("1")
        await pilot.pause()
        assert screen.active_level == "ambition"
        assert screen.query_one("#ambition-ideas").has_focus
        await pilot.click(LevelTabs, offset=(third, 1))  # the bar beneath a name, too
        await pilot.pause()
        assert screen.active_level == "execution"
        await pilot.click(LevelTabs, offset=(100, 0))  # past the names: nothing
        await pilot.pause()
        assert screen.active_level == "execution"
        fifth = sum(len(label) + 3 for label in tabs.labels[:4]) + 2
        await pilot.click(LevelTabs, offset=(fifth, 0))
        await pilot.pause()
        assert screen.active_level == "progress"
        assert screen.query_one("#progress-list").has_focus
