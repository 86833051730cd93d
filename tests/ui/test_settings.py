"""The workshop settings show how long the workshop lasts, and take a length to spread."""

from pathlib import Path

from textual.widgets import Input, Static

from okrtui.screens.app import OkrApp
from okrtui.screens.forms import SettingsForm

from .support import session_with_three_objectives


async def test_a_90_minute_workshop_spreads_over_the_phases(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "length.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SettingsForm)
        total = form.query_one("#workshop-total", Static)
        assert str(total.content) == "Each level: 35 min · the workshop: 105 min"
        length = form.query_one("#workshop", Input)
        length.focus()
        length.value = ""
        for key in "90":
            await pilot.press(key)
        await pilot.pause()
        assert [form.value(f) for f in ("diverge", "converge", "formalize")] == ["9", "9", "12"]
        assert str(total.content) == "Each level: 30 min · the workshop: 90 min"
        await pilot.press("ctrl+s")
        await pilot.pause()
        timebox = app.session.timebox
        assert (timebox.diverge, timebox.converge, timebox.formalize) == (9, 9, 12)
