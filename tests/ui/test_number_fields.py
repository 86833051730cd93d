"""A key result's baseline and target are read, shown and kept by the session's language."""

from pathlib import Path

from textual.widgets import Input, Static

from okrtui.models import Session
from okrtui.refs import KeyResultRef, ObjectiveRef
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm
from okrtui.workshop import add_key_result, commit_objective, new_session

from .conftest import fill
from .test_limits import add_key_result as type_key_result
from .test_limits import ambition_tree, put_cursor_on


def french_session() -> Session:
    session = new_session("Atelier", "fr", team="Produit")
    commit_objective(session, session.teams[0], "Rendre les vendeurs autonomes")
    return session


async def test_a_french_decimal_comma_is_read_as_a_decimal(isolated: Path) -> None:
    app = OkrApp(session=french_session(), path=isolated / "atelier.toml", lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        objective = app.session.teams[0].objectives[0]
        await put_cursor_on(pilot, ambition_tree(app), ObjectiveRef(objective.id))
        await type_key_result(pilot, "Réduire le taux d'échec de 0,125 à 0,05", "0,125",
                              "2 000,5", "%")
        kr = objective.key_results[-1]
        assert (kr.baseline, kr.target) == (0.125, 2000.5)


async def test_a_number_read_one_of_two_ways_says_how(isolated: Path) -> None:
    app = OkrApp(session=french_session(), path=isolated / "atelier.toml", lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        objective = app.session.teams[0].objectives[0]
        await put_cursor_on(pilot, ambition_tree(app), ObjectiveRef(objective.id))
        await pilot.press("k")
        await fill(pilot, "Passer à 1.200 vendeurs actifs")
        await fill(pilot, "1.200", then="tab")
        note = app.screen.query_one("#number-reading", Static)
        assert note.display
        assert "«\u00a01.200\u00a0» compris comme 1,2" in str(note.content)
        app.screen.query_one("#baseline", Input).value = "1 200"  # read one way only
        await pilot.pause()
        assert not note.display


async def test_an_edited_key_result_shows_its_numbers_the_french_way(isolated: Path) -> None:
    session = french_session()
    objective = session.teams[0].objectives[0]
    add_key_result(session, objective, "Atteindre 2 500,5 ventes", 0.125, 2500.0)
    app = OkrApp(session=session, path=isolated / "atelier.toml", lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await put_cursor_on(pilot, ambition_tree(app),
                            KeyResultRef(objective.id, objective.key_results[0].id))
        await pilot.press("e")
        assert isinstance(app.screen, KeyResultForm)
        assert app.screen.value("baseline") == "0,125"
        assert app.screen.value("target") == "2\u202f500"
        await pilot.press("ctrl+s")
        await pilot.pause()
        kr = objective.key_results[0]
        assert (kr.baseline, kr.target) == (0.125, 2500.0)
        assert isinstance(kr.target, float)  # unchanged, so the file is unchanged
