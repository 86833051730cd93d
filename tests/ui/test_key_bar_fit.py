"""At 80 columns every screen's key bar shows every key, in French and in English."""

import shutil
from pathlib import Path

import pytest

from okrtui.screens.app import OkrApp
from okrtui.screens.widgets.key_bar import KeyBar
from okrtui.storage import load_session

from .conftest import EXAMPLES

# (screen, keys that lead there from the ambition level)
SCREENS = [("ambition", ()), ("tactic", ("2",)), ("execution", ("3",)), ("review", ("4",)),
           ("progress", ("5",)), ("check-in form", ("5", "c")), ("grade form", ("5", "g")),
           ("vote", ("v",)), ("compare", ("4", "c")), ("key result form", ("k",)),
           ("settings", ("f3",)), ("help", ("f1",)), ("decisions and KPIs", ("j",))]


@pytest.mark.parametrize("language", ["fr", "en"])
async def test_no_key_is_dropped_at_80_columns(isolated: Path, language: str) -> None:
    path = isolated / "fit.toml"
    shutil.copy(EXAMPLES / "publication-autonome.toml", path)
    app = OkrApp(session=load_session(path), path=path, lang=language)
    dropped = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name, keys in SCREENS:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            bar = app.screen.query_one(KeyBar)
            bar.render()
            shown, palette = bar.keys()
            wanted = [key.binding.key for key in shown] + ([palette.binding.key] if palette else [])
            if bar.drawn_keys != wanted:
                dropped[name] = [key for key in wanted if key not in bar.drawn_keys]
            while len(app.screen_stack) > 2:  # back to the session screen
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
    assert dropped == {}
