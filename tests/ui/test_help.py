"""The help screen lists every key in the session's language, from the catalogs."""

from pathlib import Path

from textual.widgets import Static

from okrtui.screens.app import OkrApp
from okrtui.screens.help import HelpScreen
from okrtui.storage import load_session

from .conftest import EXAMPLES


async def test_f1_shows_the_keys_in_french(isolated: Path) -> None:
    path = EXAMPLES / "publication-autonome.toml"
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Nouveau résultat clé" in text and "Enregistrer sous…" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_the_help_scrolls_with_the_arrows_at_once(isolated: Path) -> None:
    path = EXAMPLES / "publication-autonome.toml"
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        keys = app.screen.query_one(".help")
        assert keys.scroll_y == 0
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert keys.scroll_y == 3
        await pilot.press("pagedown")
        await pilot.pause()
        assert keys.scroll_y > 3
