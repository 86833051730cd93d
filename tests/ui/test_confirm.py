"""A confirmation dialog: enter or ctrl+s does what its button says, escape cancels, and the
key bar says so. In a form, enter moves on, also from a list once a choice is made."""

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from okrtui.refs import ObjectiveRef, TacticRef
from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import ConfirmScreen
from okrtui.screens.forms import ActionForm
from okrtui.screens.widgets.key_bar import KeyBar

from .support import level_view, session_with_three_objectives
from .test_limits import ambition_tree, put_cursor_on
from .test_sizes import example_app


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


async def test_picking_an_owner_moves_on_to_the_due_date(isolated: Path) -> None:
    """In the action form, enter on the owner list opens it, enter picks; then the due date
    has the focus (before, enter opened the list again, and what was typed was lost)."""
    app = example_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        objective = app.session.teams[0].objectives[0]
        await pilot.press("3")
        await put_cursor_on(pilot, level_view(app, "execution"),
                            TacticRef(objective.id, objective.tactics[0].id))
        await pilot.press("n")
        assert isinstance(app.screen, ActionForm)
        await pilot.press(*"Call five shops", "enter")
        assert isinstance(app.focused, Select)
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "due"
