"""A confirmation dialog: enter or ctrl+s does what its button says, escape cancels, and the
key bar says so."""

from pathlib import Path

import pytest

from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import ConfirmScreen
from okrtui.screens.widgets.key_bar import KeyBar

from .support import session_with_three_objectives
from .test_limits import ambition_tree, put_cursor_on


@pytest.mark.parametrize(("key", "removed"), [("enter", True), ("ctrl+s", True),
                                              ("escape", False)])
async def test_the_delete_confirmation_answers_enter_ctrl_s_and_escape(
    isolated: Path, key: str, removed: bool
) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "confirm.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        team = app.session.teams[0]
        third = team.objectives[2]
        await put_cursor_on(pilot, ambition_tree(app), ObjectiveRef(third.id))
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        bar = str(app.screen.query_one(KeyBar).render())
        assert "⏎ OK" in bar and "esc Cancel" in bar
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert (third not in app.session.teams[0].objectives) is removed
