"""The keys on the last line: those of the screen, one line, and a click presses one."""

from pathlib import Path

from okrtui.screens.app import OkrApp
from okrtui.screens.help import HelpScreen
from okrtui.screens.widgets.key_bar import KeyBar
from okrtui.storage import load_session

from .conftest import EXAMPLES


async def test_the_key_bar_shows_the_main_keys_and_a_click_presses_one(isolated: Path) -> None:
    path = isolated / "session.toml"
    path.write_bytes((EXAMPLES / "onboarding-self-serve.toml").read_bytes())
    app = OkrApp(session=load_session(path), path=path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        keys, palette = bar.keys()
        shown = {key.binding.key: key.label for key in keys}
        assert shown["i"] == "Idea" and shown["ctrl+s"] == "Save" and "delete" not in shown
        assert palette is not None and palette.binding.key == "ctrl+p"
        line = str(bar.render())
        assert line.startswith("i Idea p Commit") and line.rstrip().endswith("^p Commands")
        x = line.index("f1 Help")
        assert bar.key_at(x) == ("f1", True) and bar.key_at(x - 1) is None
        await pilot.click(KeyBar, offset=(x + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
