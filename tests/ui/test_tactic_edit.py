"""Editing a tactic keeps what the form did not offer: its links to set-aside key results."""

from pathlib import Path

from okrtui import workshop
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import TacticForm

from .support import level_view


async def test_editing_a_tactic_keeps_its_set_aside_key_results(isolated: Path) -> None:
    session = workshop.new_session("Atelier", "en", team="Product")
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, "Enable sellers in Lyon to publish")
    parked = workshop.add_key_result(session, objective, "Cut calls by 50%", 120, 60)
    kept = workshop.add_key_result(session, objective, "Raise imports from 35% to 70%")
    tactic = workshop.add_tactic(session, objective, "Pre-fill listings",
                                 [parked.id, kept.id])
    workshop.set_aside(parked)
    app = OkrApp(session=session, path=isolated / "s.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        view = level_view(app, "tactic")
        view.focus()
        ref = view.select_item(tactic.id)
        await pilot.pause()
        app.screen.query_one("#tactic-pane").edit_ref(ref)
        await pilot.pause()
        assert isinstance(app.screen, TacticForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.session.teams[0].objectives[0].tactics[0].moves == [kept.id, parked.id]
