"""The session's language everywhere the user reads: tabs, footer, headings, help, palette,
messages; --lang overrides it; user text is never translated."""

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Button, Label, OptionList, Static

from okrtui.screens.app import OkrApp
from okrtui.screens.dialogs import PathScreen
from okrtui.screens.help import HelpScreen
from okrtui.screens.home import HomeScreen
from okrtui.screens.new_session import NewSessionScreen
from okrtui.screens.session import SessionScreen
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.screens.widgets.key_bar import KeyBar
from okrtui.screens.widgets.level_tabs import LevelTabs
from okrtui.storage import load_session

from .conftest import EXAMPLES, fill
from .support import errors, last_title, notifications, option_texts

FRENCH = EXAMPLES / "publication-autonome.toml"
ENGLISH = EXAMPLES / "onboarding-self-serve.toml"


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The terminal's locale is English unless a test says otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def tab_titles(app: OkrApp) -> list[str]:
    return app.screen.query_one(LevelTabs).labels


def footer(app: OkrApp) -> dict[str, str]:
    keys, palette = app.screen.query_one(KeyBar).keys()
    return {key.binding.key: key.label for key in keys + ([palette] if palette else [])}


def ideas_heading(app: OkrApp, level: str = "ambition") -> str:
    return str(app.screen.query_one(f"#{level}-ideas-heading", Label).content)


async def wait_until(pilot, condition: Callable[[], bool], seconds: float = 3.0) -> None:
    """Let the app work (the palette searches in the background) until condition holds."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


FRENCH_KEYS = {"i": "Idée", "p": "Retenir", "e": "Modifier", "n": "Objectif", "k": "KR",
               "ctrl+s": "Enreg.", "ctrl+z": "Défaire",
               "ctrl+q": "Quitter", "f1": "Aide", "ctrl+p": "Commandes"}
ENGLISH_KEYS = {"i": "Idea", "p": "Commit", "e": "Edit", "n": "Objective", "k": "KR",
                "ctrl+s": "Save", "ctrl+z": "Undo",
                "ctrl+q": "Quit", "f1": "Help", "ctrl+p": "Commands"}


async def test_a_french_session_speaks_french(isolated: Path) -> None:
    session = load_session(FRENCH)
    app = OkrApp(session=session, path=FRENCH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert tab_titles(app) == ["1 Ambition", "2 Tactique", "3 Exécution", "4 Revue",
                                  "5 Progression"]
        assert ideas_heading(app) == "Idées (6)"
        assert footer(app).items() >= FRENCH_KEYS.items()
        counts = str(app.screen.query_one("#ambition-pane .counts", Static).content)
        assert counts.startswith("3 objectifs retenus sur 3")
        ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        ideas.focus()
        ideas.highlighted = 1  # committed already
        await pilot.press("p")
        assert notifications(app)[-1] == ("warning", "Cette idée est déjà retenue (✓).")
        await pilot.press("2")
        await pilot.pause()
        assert ideas_heading(app, "tactic") == "Idées (6)"
        assert footer(app)["n"] == "Tactique"
        await pilot.press("4")
        await pilot.pause()
        heading = str(app.screen.query_one("#findings-heading", Label).content)
        assert heading.startswith("À corriger (")


async def test_lang_en_shows_a_french_session_in_english_and_keeps_its_text(
    isolated: Path,
) -> None:
    session = load_session(FRENCH)
    app = OkrApp(lang="en", session=session, path=FRENCH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert tab_titles(app) == ["1 Ambition", "2 Tactic", "3 Execution", "4 Review",
                                  "5 Progress"]
        assert ideas_heading(app) == "Ideas (6)"
        assert footer(app).items() >= ENGLISH_KEYS.items()
        ideas = option_texts(app.screen.query_one("#ambition-ideas", IdeaList))
        assert ideas[0] == "• Acquérir de nouveaux utilisateurs — Thomas Lefèvre"
        assert app.session.language == "fr"


async def test_lang_fr_shows_an_english_session_in_french(isolated: Path) -> None:
    app = OkrApp(lang="fr", session=load_session(ENGLISH), path=ENGLISH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert tab_titles(app)[1] == "2 Tactique"
        assert footer(app).items() >= FRENCH_KEYS.items()


async def test_the_home_screen_follows_the_terminal_locale(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    app = OkrApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        texts = option_texts(app.screen.query_one("#home-entries", OptionList))
        assert texts[:2] == ["Nouvelle session", "Ouvrir un fichier…"]
        assert "Sessions récentes" in texts and "Sessions d’exemple" in texts
        assert footer(app) == {"n": "Nouvelle session", "o": "Ouvrir un fichier",
                               "ctrl+q": "Quitter", "f1": "Aide", "ctrl+p": "Commandes"}
        await pilot.press("o")
        assert isinstance(app.screen, PathScreen)
        await fill(pilot, str(isolated / "absent.toml"))
        await pilot.pause()
        assert errors(app) == [f"{isolated / 'absent.toml'}\u00a0: fichier introuvable."]
        assert last_title(app) == "Impossible d’ouvrir ce fichier"


async def test_a_french_session_opened_from_an_english_home_speaks_only_french(
    isolated: Path,
) -> None:
    app = OkrApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert footer(app)["ctrl+q"] == "Quit"
        await pilot.press("o")
        await fill(pilot, str(FRENCH))
        assert isinstance(app.screen, SessionScreen)
        assert tab_titles(app)[1] == "2 Tactique"
        assert footer(app).items() >= FRENCH_KEYS.items()


async def test_a_new_french_session_from_an_english_home_speaks_only_french(
    isolated: Path,
) -> None:
    app = OkrApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)
        await fill(pilot, "Atelier d'équipe")
        await pilot.click("#fr")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session.language == "fr"
        assert tab_titles(app)[1] == "2 Tactique"
        assert ideas_heading(app) == "Idées (0)"
        await pilot.press("escape")  # a new session starts in the idea field
        assert footer(app).items() >= FRENCH_KEYS.items()


async def test_after_closing_a_session_the_home_screen_speaks_one_language(
    isolated: Path,
) -> None:
    app = OkrApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await fill(pilot, str(FRENCH))
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        first_entry = option_texts(app.screen.query_one("#home-entries", OptionList))[0]
        await pilot.press("o")
        assert isinstance(app.screen, PathScreen)
        heading = str(app.screen.query_one(".heading", Label).content)
        cancel = str(app.screen.query_one("#cancel", Button).label)
        await fill(pilot, str(isolated / "absent.toml"))
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        seen = (first_entry, heading, cancel, last_title(app))
        assert seen in {
            ("New session", "Open a session file", "Cancel", "Cannot open this file"),
            ("Nouvelle session", "Ouvrir un fichier de session", "Annuler",
             "Impossible d’ouvrir ce fichier"),
        }


def help_text(app: OkrApp) -> str:
    return "\n".join(str(s.content) for s in app.screen.query(".help-section").results(Static))


async def test_the_help_lists_the_keys_in_the_session_language(isolated: Path) -> None:
    app = OkrApp(session=load_session(FRENCH), path=FRENCH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        heading = str(app.screen.query_one(".heading", Label).content)
        assert heading == "Touches"
        text = help_text(app)
        for words in ("Partout", "Quitter", "Enregistrer sous…", "Retenir l’idée",
                      "Mettre de côté", "Tactique",
                      "Exécution", "ctrl+q", "ctrl+p"):
            assert words in text
        assert "Quit" not in text.replace("Quitter", "")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_the_help_in_english(isolated: Path) -> None:
    app = OkrApp(session=load_session(ENGLISH), path=ENGLISH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        for words in ("Everywhere", "Quit", "Save as…", "Commit the highlighted idea",
                      "Set aside or restore", "Tactic", "Execution"):
            assert words in text


async def test_the_palette_offers_the_levels_and_saving_in_the_session_language(
    isolated: Path,
) -> None:
    app = OkrApp(session=load_session(FRENCH), path=FRENCH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Ambition", "Tactique", "Exécution", "Revue", "Enregistrer",
                      "Enregistrer sous…", "Quitter", "Nouvel objectif", "Nouveau résultat clé"):
            assert title in titles
        assert not {"Save", "Save as…", "Quit", "New objective"} & set(titles)


async def test_the_palette_finds_a_level_by_its_name_and_goes_there(isolated: Path) -> None:
    app = OkrApp(session=load_session(FRENCH), path=FRENCH)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"tactique")
        commands = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count > 0)
        assert "Tactique" in option_texts(commands)[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.active_level == "tactic"


async def test_the_palette_on_the_home_screen_offers_a_new_session(isolated: Path) -> None:
    app = OkrApp(lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Nouvelle session", "Quitter"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.press(*"nouvelle")
        commands = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count > 0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
