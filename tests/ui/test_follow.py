"""Views follow the document: an edit made outside the keyboard (as a participant's phone
will make it) shows in every view, the cursor on what it added, and no screen is told to."""

from pathlib import Path

from okrtui.document import Name
from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.workshop import commit_objective

from .support import level_view, line_with, session_with_three_objectives, tree_lines
from .test_limits import ambition_tree


async def test_an_edit_made_through_the_document_shows_with_the_cursor_on_it(
    isolated: Path,
) -> None:
    session = session_with_three_objectives()
    session.teams[0].objectives[2].set_aside = True  # room for one more
    app = OkrApp(session=session, path=isolated / "follow.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        document = app.document_now
        objective = commit_objective(document.session, document.team, "Win back lapsed sellers")
        document.edited(Name.of("step.objective_committed", tag="O3", text=objective.text),
                        [objective.id])
        await pilot.pause()
        tree = ambition_tree(app)
        assert line_with(tree_lines(tree), "O3", "Win back lapsed sellers")
        assert tree.selected_ref == ObjectiveRef(objective.id)
        assert app.dirty and "●" in app.sub_title

        document.undo()
        await pilot.pause()
        assert not line_with(tree_lines(ambition_tree(app)), "O3", "Win back lapsed sellers")


async def test_the_review_follows_an_undo_made_on_a_level(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "follow.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("4")  # the review, built now
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        document = app.document_now
        document.team.objectives[2].set_aside = True
        commit_objective(document.session, document.team, "Never shown before")
        document.edited()
        await pilot.press("4")
        await pilot.pause()
        review_tree = level_view(app, "review")
        assert any("Never shown before" in line for line in tree_lines(review_tree))
