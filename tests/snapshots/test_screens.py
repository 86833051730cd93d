"""What each screen looks like, in French and in English (pytest-textual-snapshot).

Update after a deliberate change with: pytest tests/snapshots --snapshot-update
"""

from pathlib import Path

import pytest

from okrtui.screens.app import OkrApp
from okrtui.screens.widgets.okr_view import OkrView
from okrtui.storage import load_session
from tests.ui.support import session_with_check_ins

from .conftest import settle

EXAMPLES = {"fr": Path("sessions/publication-autonome.toml"),
            "en": Path("sessions/onboarding-self-serve.toml")}
LANGUAGES = ["fr", "en"]


def session_app(language: str) -> OkrApp:
    path = EXAMPLES[language]
    return OkrApp(session=load_session(path), path=path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home(snap_compare, language: str) -> None:
    assert snap_compare(OkrApp(lang=language), terminal_size=(120, 40), run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_session_form(snap_compare, language: str) -> None:
    assert snap_compare(OkrApp(lang=language), press=["n"], terminal_size=(120, 40),
                        run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("level", ["1", "2", "3", "4"])
def test_levels(snap_compare, language: str, level: str) -> None:
    assert snap_compare(session_app(language), press=[level], terminal_size=(120, 40),
                        run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
def test_help(snap_compare, language: str) -> None:
    assert snap_compare(session_app(language), press=["f1"], terminal_size=(120, 40),
                        run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
def test_limit_reached_offers_a_swap(snap_compare, language: str) -> None:
    """Both examples have committed objectives; the fr one has 3, so p on an idea swaps."""
    app = session_app("fr") if language == "fr" else OkrApp(
        lang="en", session=load_session(EXAMPLES["fr"]), path=EXAMPLES["fr"])
    assert snap_compare(app, press=["p"], terminal_size=(120, 40), run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("level", ["1", "4"])
def test_small_terminal(snap_compare, language: str, level: str) -> None:
    assert snap_compare(session_app(language), press=[level], terminal_size=(80, 24),
                        run_before=settle)


async def open_key_result_form(pilot) -> None:
    view = pilot.app.screen.query_one("#ambition-pane .okr-view", OkrView)
    view.focus()
    view.select_item(pilot.app.session.teams[0].objectives[0].id)
    await pilot.pause()
    await pilot.press("k")
    await settle(pilot)


@pytest.mark.parametrize("language", LANGUAGES)
def test_key_result_form_small_terminal(snap_compare, language: str) -> None:
    """At 80x24 the key result form fits, with its keys shown."""
    assert snap_compare(session_app(language), terminal_size=(80, 24),
                        run_before=open_key_result_form)


@pytest.mark.parametrize("language", LANGUAGES)
def test_review_with_details(snap_compare, language: str) -> None:
    """The review jumps from a finding to its item, whose whole wording shows under the tree."""

    async def jump(pilot) -> None:
        await pilot.press("4")
        await settle(pilot)
        findings = pilot.app.screen.query_one("#findings")
        findings.focus()
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(session_app(language), terminal_size=(120, 40), run_before=jump)


SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_voting_screen(snap_compare, language: str, size: tuple[int, int]) -> None:
    async def vote(pilot) -> None:
        await pilot.press("v")
        await settle(pilot)
        for keys in (["1", "space", "space", "down", "space"], ["2", "down", "down", "space"]):
            await pilot.press(*keys)
        await settle(pilot)

    assert snap_compare(session_app(language), terminal_size=size, run_before=vote)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_presenter_view(snap_compare, language: str, size: tuple[int, int]) -> None:
    assert snap_compare(session_app(language), press=["f5"], terminal_size=size,
                        run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_stepper_while_converging(snap_compare, language: str, size: tuple[int, int]) -> None:
    """The stepper and timer under the tabs, in the converge phase with 5 minutes added."""
    assert snap_compare(session_app(language), press=["right_square_bracket", "asterisk"],
                        terminal_size=size, run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_method_card(snap_compare, language: str, size: tuple[int, int]) -> None:
    """The ambition level's method card, opened by its key."""
    assert snap_compare(session_app(language), press=["question_mark"], terminal_size=size,
                        run_before=settle)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_progress_view(snap_compare, language: str, size: tuple[int, int]) -> None:
    """Some weeks into the quarter: check-ins, a trend, confidences, grades, an unknown
    baseline; the cursor on the first key result."""
    app = OkrApp(lang=language, session=session_with_check_ins())
    assert snap_compare(app, press=["5"], terminal_size=size, run_before=settle)
