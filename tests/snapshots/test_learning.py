"""The learning review and the objective form with its kind, in French and in English, at
120×40 and 80×24 (pytest-textual-snapshot)."""

import pytest

from okrtui.screens.widgets.okr_view import OkrView

from .conftest import settle
from .test_screens import LANGUAGES, SIZES, session_app

EVIDENCE = {"fr": "80 % des fiches viennent des pros", "en": "Most sign-ups came from the link"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_learning_review(snap_compare, language: str, size: tuple[int, int]) -> None:
    """One decision kept with its evidence, the next one dropped, the rest to review."""

    async def review(pilot) -> None:
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("k", "enter")
        await settle(pilot)
        pilot.app.focused.insert_text_at_cursor(EVIDENCE[language])
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "d")
        await settle(pilot)

    assert snap_compare(session_app(language), terminal_size=size, run_before=review)


@pytest.mark.parametrize("language", LANGUAGES)
def test_objective_form_with_its_kind(snap_compare, language: str) -> None:
    async def edit(pilot) -> None:
        view = pilot.app.screen.query_one("#ambition-pane .okr-view", OkrView)
        view.focus()
        view.select_item(pilot.app.session.teams[0].objectives[0].id)
        await pilot.pause()
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(session_app(language), terminal_size=(80, 24), run_before=edit)
