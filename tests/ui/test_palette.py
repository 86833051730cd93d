"""The command palette offers the session's actions, in the session's language, and runs them."""

from pathlib import Path

from okrtui.screens.app import OkrApp
from okrtui.screens.forms import PickScreen, TextForm
from okrtui.storage import load_session

from .conftest import EXAMPLES, type_in


async def test_palette_runs_a_level_action_in_french(isolated: Path) -> None:
    path = EXAMPLES / "publication-autonome.toml"
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Nouvelle décision sur un objectif" in titles
        assert "Enregistrer" in titles and "Quitter" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_in(pilot, "Nouvelle décision")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)  # which objective? (nothing highlighted)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextForm)
