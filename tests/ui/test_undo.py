"""Undo and redo say what they take back, in the session's language."""

from pathlib import Path

from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp

from .support import notifications, session_with_three_objectives
from .test_limits import add_key_result, ambition_tree, put_cursor_on


async def test_undo_and_redo_name_the_key_result_they_take_back(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "undo.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        second = app.session.teams[0].objectives[1]
        await put_cursor_on(pilot, ambition_tree(app), ObjectiveRef(second.id))
        await add_key_result(pilot, "Reach 500 referred sellers", "120", "500", "sellers")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.teams[0].objectives[1].key_results == []
        assert notifications(app)[-1] == ("information", "Undone: key result KR1 on O2.")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert notifications(app)[-1] == ("information", "Redone: key result KR1 on O2.")
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert notifications(app)[-1] == ("warning", "Nothing to undo.")


async def test_a_french_undo_says_défaire(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives("fr"), path=isolated / "undo.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        for key in "Une idée":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter", "escape", "ctrl+z")
        await pilot.pause()
        assert notifications(app)[-1] == (
            "information", "Défait\u00a0: ajout de l’idée «\u00a0Une idée\u00a0».")
