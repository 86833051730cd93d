"""Capturing ideas as a facilitator does: pasting a list, text with tabs."""

from pathlib import Path

from textual import events
from textual.widgets import Select

from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import ConfirmScreen
from okrtui.screens.forms import IdeaForm
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.screens.widgets.ideas import IdeaField

from .support import notifications, session_with_three_objectives


async def test_each_pasted_line_becomes_an_idea_and_a_tab_is_a_space(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "paste.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        team = app.session.teams[0]
        before = [idea.text for idea in team.ideas_at("ambition")]
        await pilot.press("i")
        field = app.screen.query_one("#ambition-idea-input", IdeaField)
        assert field.has_focus
        await pilot.press("N", "e", "w", " ")
        field.post_message(events.Paste("sellers first\nTwo\tthree\n\n  Four \r\n"))
        await pilot.pause()
        await pilot.pause()
        added = [idea.text for idea in team.ideas_at("ambition")][len(before):]
        assert added == ["New sellers first", "Two three", "Four"]
        assert field.value == ""

        field.post_message(events.Paste("one\ttwo"))  # one line: stays in the field
        await pilot.pause()
        assert field.value == "one two"


async def test_the_arrows_on_the_author_picker_move_on_instead_of_opening_it(
    isolated: Path,
) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "author.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        picker = app.screen.query_one("#ambition-author", Select)
        picker.focus()
        await pilot.press("down")
        await pilot.pause()
        assert not picker.expanded
        assert app.focused is app.screen.query_one("#ambition-idea-input", IdeaField)
        picker.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert picker.expanded  # enter still opens it


async def test_an_unknown_at_name_adds_the_participant_in_one_undo_step(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "zoe.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session, team = app.session, app.session.teams[0]
        before = len(team.ideas)
        await pilot.press("i")
        field = app.screen.query_one("#ambition-idea-input", IdeaField)
        field.value = "@zoe Pair new sellers"
        await pilot.press("enter")
        field.value = "Typed right after"  # no question comes to take the next idea
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        first, second = team.ideas_at("ambition")[-2:]
        assert (first.text, session.participant_name(first.author)) == ("Pair new sellers", "Zoe")
        assert second.text == "Typed right after"
        assert notifications(app)[-1][1].startswith("Zoe joins the participants")
        await pilot.press("escape", "ctrl+z", "ctrl+z")
        await pilot.pause()
        assert len(app.session.teams[0].ideas) == before
        assert [p.name for p in app.session.participants] == ["Ana", "Bruno"]


async def test_an_ideas_author_can_be_changed_and_undone(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "author.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        ideas.focus()
        ideas.highlighted = 0
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, IdeaForm)
        bruno = app.session.participants[1]
        app.screen.query_one("#author", Select).value = bruno.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        idea = app.session.teams[0].ideas_at("ambition")[0]
        assert idea.author == bruno.id
        assert "— Bruno" in str(ideas.get_option_at_index(0).prompt)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.teams[0].ideas_at("ambition")[0].author is None


async def test_a_draft_left_with_escape_is_kept_when_i_comes_back_and_typing_goes_on(
    isolated: Path,
) -> None:
    """Input selects its whole text on focus, so the next key replaced a half-typed idea."""
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "draft.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i", *"Half an", "escape")
        field = app.screen.query_one("#ambition-idea-input", IdeaField)
        assert not field.has_focus
        await pilot.press("i", *" idea")
        assert field.value == "Half an idea"
