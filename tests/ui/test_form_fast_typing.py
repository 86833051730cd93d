"""ctrl+s in a form is a priority key: the app handles it before the focused field has
handled the keys typed just ahead of it. A form submitted then would take the field as it
was a few keys earlier (a value cut short, or refused as missing). Typed in one burst, as a
terminal delivers a paste or fast typing, every key counts."""

from pathlib import Path

from textual import events

from okrtui.models import CheckIn
from okrtui.screens.app import OkrApp
from okrtui.screens.forms.progress import CheckInForm
from okrtui.storage import load_session, save_session

from .conftest import EXAMPLES


def burst(app: OkrApp, keys: list[str]) -> None:
    """The keys as the terminal's driver posts them: all at once, none waited for."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


async def test_ctrl_s_typed_right_after_a_value_saves_all_of_it(isolated: Path) -> None:
    path = isolated / "quarter.toml"
    save_session(load_session(EXAMPLES / "publication-autonome.toml"), path)
    app = OkrApp(session=load_session(path), path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        burst(app, [*"11,4", "enter", "6", "ctrl+s"])
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, CheckInForm)
        check_ins = app.session.teams[0].objectives[0].key_results[0].check_ins
        assert [(c.value, c.confidence) for c in check_ins] == [(11.4, 6)]
        assert isinstance(check_ins[0], CheckIn)
