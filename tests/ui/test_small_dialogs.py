"""At 80×24 a dialog's buttons stay in view, however much the coach has to say."""

from pathlib import Path

from textual.widgets import Button, TextArea

from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm

from .support import fully_visible, session_with_three_objectives
from .test_limits import ambition_tree, put_cursor_on


async def test_the_key_result_form_keeps_its_buttons_in_view_at_80_by_24(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "small.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        second = app.session.teams[0].objectives[1]
        await put_cursor_on(pilot, ambition_tree(app), ObjectiveRef(second.id))
        await pilot.press("k")
        assert isinstance(app.screen, KeyResultForm)
        # A wording the coach has much to say about: a task, no number, too long.
        app.screen.query_one("#text", TextArea).text = (
            "Be working hard on the new onboarding project and have it done and launched "
            "with all the teams involved and many meetings and documents written by then")
        await pilot.pause(1.0)  # the coach reads as you type, after a short wait
        screen_region = app.screen.region
        for button_id in ("#ok", "#cancel"):
            assert fully_visible(app.screen.query_one(button_id, Button), screen_region)
