"""The method taught in the app: each level's card opens by itself once per user, on the
first use of the level, `?` opens it again, escape or enter closes it; and committing says the
coach's word on what was just committed, without stopping the work."""

from pathlib import Path

import pytest

from okrtui import cards
from okrtui.i18n import catalog
from okrtui.models import Language
from okrtui.screens.app import OkrApp
from okrtui.screens.method_card import MethodCard
from okrtui.screens.session import SessionScreen
from okrtui.storage import load_session
from okrtui.workshop import add_idea, new_session

from .conftest import EXAMPLES, start_capture, type_in
from .rendered import screen_text, toast_texts
from .support import notifications


@pytest.fixture
def cards_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cards open by themselves, as for a user (the fixtures keep them shut elsewhere)."""
    monkeypatch.delenv("OKRTUI_NO_CARDS")


def example_app(name: str = "onboarding-self-serve.toml") -> OkrApp:
    return OkrApp(session=load_session(EXAMPLES / name), path=EXAMPLES / name)


def card_on_top(app: OkrApp) -> str | None:
    """The level of the card on screen, or None."""
    return app.screen.level if isinstance(app.screen, MethodCard) else None


async def test_each_level_s_card_opens_once_on_first_use_and_not_again(
        cards_on: None, isolated: Path) -> None:
    app = example_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert card_on_top(app) == "ambition"
        assert "Infinitive verb + qualifier + target." in screen_text(app)
        await pilot.press("escape")
        assert card_on_top(app) is None
        await pilot.press("2")
        await pilot.pause()
        assert card_on_top(app) == "tactic"
        await pilot.press("enter")
        await pilot.pause()
        assert card_on_top(app) is None
        for level in ("1", "2", "3"):  # ambition, tactic seen; execution's first use
            await pilot.press(level)
            await pilot.pause()
        assert card_on_top(app) == "execution"
        await pilot.press("escape", "1", "2", "3", "4")
        await pilot.pause()
        assert card_on_top(app) == "review"
        await pilot.press("escape", "1", "3")
        await pilot.pause()
        assert card_on_top(app) is None
    assert cards.load_seen() == {"ambition", "tactic", "execution", "review"}
    assert (isolated / "data" / "cards.toml").is_file()

    again = example_app()
    async with again.run_test(size=(120, 40)) as pilot:  # the same user, another day
        await pilot.pause()
        await pilot.press("2", "3", "4")
        await pilot.pause()
        assert card_on_top(again) is None


async def test_the_key_opens_the_card_of_the_level_on_screen_and_escape_closes_it() -> None:
    app = example_app("publication-autonome.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert card_on_top(app) is None  # the fixtures keep cards from opening by themselves
        await pilot.press("2", "question_mark")
        await pilot.pause()
        assert card_on_top(app) == "tactic"
        assert "Fiche méthode\u00a0: Tactique" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert card_on_top(app) is None
        assert app.screen.active_level == "tactic"
    assert cards.load_seen() == set()  # opened by the key, not by itself: nothing remembered


async def test_a_card_scrolls_to_its_end_at_80_by_24() -> None:
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Method card: Ambition" in screen_text(app)
        assert "Le Ticket" not in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert "reported by Le Ticket." in screen_text(app)


async def test_a_card_does_not_cover_a_dialog_and_waits_for_the_next_use(
        cards_on: None) -> None:
    """A level shown under a dialog (the review opening an item's form) keeps its card for
    its next use: the card would cover the form and take its keys."""
    app = example_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")
        session_screen = app.screen
        assert isinstance(session_screen, SessionScreen)
        await pilot.press("f1")
        session_screen.action_level("tactic")
        await pilot.pause()
        assert card_on_top(app) is None and "tactic" not in cards.load_seen()
        await pilot.press("escape", "1", "2")
        await pilot.pause()
        assert card_on_top(app) == "tactic"


def one_idea(text: str, language: Language) -> OkrApp:
    session = new_session("Coach", language, team="Product")
    add_idea(session, session.teams[0], "ambition", text, None)
    return OkrApp(session=session)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Grow revenue"), ("fr", "Acquérir de nouveaux utilisateurs")])
async def test_committing_a_vague_objective_says_so_with_the_suggestion(
        language: Language, text: str) -> None:
    tr = catalog(language)
    app = one_idea(text, language)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert app.session.teams[0].committed_objectives[0].text == text  # committed anyway
        shown = "\n".join(toast_texts(app))
        assert tr("coach.on_objective", tag="O1") in shown
        assert tr("rule.objective.vague.message") in shown
        assert tr("rule.objective.vague.suggestion") in shown
        assert [severity for severity, _ in notifications(app)] == ["information", "warning"]
        assert isinstance(app.screen, SessionScreen)  # nothing to answer: the work goes on


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Enable our priority users to publish their items fully on their own"),
    ("fr", "Permettre à nos utilisateurs prioritaires une autonomie totale dans la "
           "publication de leurs objets")])
async def test_committing_a_well_formed_objective_adds_nothing(language: Language,
                                                               text: str) -> None:
    tr = catalog(language)
    app = one_idea(text, language)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert notifications(app) == [("information", tr("objective.committed"))]


async def test_adding_a_key_result_says_what_the_coach_sees() -> None:
    tr = catalog("en")
    app = one_idea("Enable our priority users to publish their items fully on their own", "en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("p", "right", "k")
        await pilot.pause()
        await start_capture(pilot)
        await type_in(pilot, "Be the best marketplace")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = "\n".join(toast_texts(app))
        assert tr("coach.on_kr", tag="KR1") in shown
        assert tr("rule.kr.weak_verb.message") in shown
        assert [severity for severity, _ in notifications(app)][-1] == "error"


LONG = {
    "en": "Guide every new seller through their first listing with a short video, a checklist "
          "in the app, a call from our support team in their first week and a follow-up email "
          "when they stop halfway through the form",
    "fr": "Guider chaque nouveau vendeur dans sa première mise en ligne avec une courte vidéo, "
          "une liste de contrôle dans l’application, un appel de notre support la première "
          "semaine et un e-mail de relance quand il s’arrête en plein formulaire",
}


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_adding_a_tactic_says_what_the_coach_sees(language: Language) -> None:
    """A tactic worded at length is no longer "short, simple, precise": said on adding it,
    in the session's language, without stopping the work."""
    tr = catalog(language)
    session = load_session(EXAMPLES / "onboarding-self-serve.toml")
    session.language = language
    app = OkrApp(session=session)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        if app.screen.query("#choices"):  # which objective: the first
            await pilot.press("enter")
            await pilot.pause()
        await type_in(pilot, LONG[language])
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = "\n".join(toast_texts(app))
        assert tr("coach.on_tactic") in shown
        assert tr("rule.text.too_long.message") in shown
        assert isinstance(app.screen, SessionScreen)
