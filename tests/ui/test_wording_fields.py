"""An objective's or a key result's wording is typed in a field of a few lines: a long one
wraps and is read whole; it stays one sentence (a pasted line break becomes a space, enter
moves on or accepts)."""

from pathlib import Path

from textual import events
from textual.widgets import Input

from okrtui.refs import ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm, ObjectiveForm
from okrtui.screens.session import SessionScreen
from okrtui.workshop import set_aside

from .conftest import type_in
from .rendered import screen_text
from .support import fully_visible, level_view, put_cursor_on, session_with_three_objectives

LONG_WORDING = ("Make every new seller autonomous from the first listing to the first sale, "
                "without a call to support, in the three regions where the pilot runs today")


async def open_key_result_form_on(pilot, objective_text: str) -> None:
    """k on the objective whose wording is objective_text (the view's cursor on it)."""
    objective = next(objective for objective in pilot.app.session.teams[0].objectives
                     if objective_text in objective.text)
    await put_cursor_on(pilot, level_view(pilot.app, "ambition"), ObjectiveRef(objective.id))
    await pilot.press("k")
    assert isinstance(pilot.app.screen, KeyResultForm)


async def test_a_long_objective_wording_wraps_and_is_read_whole_at_80_by_24(
    isolated: Path,
) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "wording.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.screen, ObjectiveForm)
        await type_in(pilot, LONG_WORDING)
        await pilot.pause(0.3)
        wording = app.screen.query_one("#text")
        assert wording.region.height >= 3
        assert fully_visible(wording, app.screen.region)
        region = wording.region
        rows = screen_text(app).splitlines()[region.y:region.bottom]
        shown = " ".join(" ".join(row[region.x:region.right] for row in rows).split())
        assert shown == LONG_WORDING  # every word in the field, in order, none scrolled away


async def test_a_pasted_line_break_becomes_a_space_in_the_saved_wording(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "paste.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await open_key_result_form_on(pilot, "Grow referrals")
        app.post_message(events.Paste("Double referrals\nfrom 40 to 80 a month\n"))
        await pilot.pause()
        assert app.screen.value("text") == "Double referrals from 40 to 80 a month "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        referrals = app.session.teams[0].objectives[1]
        assert [kr.text for kr in referrals.key_results] == [
            "Double referrals from 40 to 80 a month"]


async def test_enter_in_a_key_result_wording_moves_on_to_its_baseline(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "enter.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_key_result_form_on(pilot, "Grow referrals")
        await type_in(pilot, "Double referrals a month")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.value("text") == "Double referrals a month"
        assert app.focused is app.screen.query_one("#baseline", Input)


async def test_enter_in_the_objective_wording_accepts_it(isolated: Path) -> None:
    app = OkrApp(session=session_with_three_objectives(), path=isolated / "enter.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        team = app.session.teams[0]
        set_aside(team.objectives[2])  # room for a new objective
        await pilot.press("n")
        assert isinstance(app.screen, ObjectiveForm)
        await type_in(pilot, "Win back sellers who left")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert team.committed_objectives[-1].text == "Win back sellers who left"
