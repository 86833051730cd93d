"""After an add or an edit the tree's cursor stays where the facilitator works, not on O1."""

from pathlib import Path

from okrtui.refs import KeyResultRef, ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm

from .conftest import fill
from .support import session_with_three_objectives
from .test_limits import add_key_result, ambition_tree, put_cursor_on


async def test_a_key_result_added_on_o2_keeps_the_cursor_on_o2(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "cursor.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = ambition_tree(app)
        second = app.session.teams[0].objectives[1]
        await put_cursor_on(pilot, tree, ObjectiveRef(second.id))
        await add_key_result(pilot, "Reach 500 referred sellers", "120", "500", "sellers")
        added = second.key_results[-1]
        assert tree.selected_ref == KeyResultRef(second.id, added.id)

        await pilot.press("k")  # a second key result, in no more keys than the first
        assert isinstance(app.screen, KeyResultForm)
        assert second.text in app.screen.heading
        for value in ("Double referral sign-ups", "40", "80", "sign-ups"):
            await fill(pilot, value)
        assert [kr.text for kr in second.key_results] == [
            "Reach 500 referred sellers", "Double referral sign-ups"]
        assert tree.selected_ref == KeyResultRef(second.id, second.key_results[-1].id)


async def test_an_edited_objective_keeps_the_cursor(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "cursor.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = ambition_tree(app)
        third = app.session.teams[0].objectives[2]
        await put_cursor_on(pilot, tree, ObjectiveRef(third.id))
        await pilot.press("e")
        await fill(pilot, " for a year")
        assert third.text == "Keep new sellers active for a year"
        assert tree.selected_ref == ObjectiveRef(third.id)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.teams[0].objectives[2].text == "Keep new sellers active"
        assert ambition_tree(app).selected_ref == ObjectiveRef(third.id)
