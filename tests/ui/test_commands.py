"""One table of commands (okrtui.commands) and everything drawn from it agree: each screen's
bindings, the help, the command palette and the README's key table."""

import importlib
import pkgutil
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from textual.widgets import Static

import okrtui.screens
from okrtui.commands import COMMANDS, SECTIONS, help_sections, readme_table
from okrtui.i18n import catalog
from okrtui.screens.app import OkrApp
from okrtui.screens.commands import bindings_for
from okrtui.screens.help import HelpScreen
from okrtui.storage import load_session

from .conftest import EXAMPLES, REPO

SCREENS_FOLDER = Path(okrtui.screens.__file__).parent


def classes_with_bindings() -> dict[str, type]:
    """Every class of the UI that declares BINDINGS, by qualified name."""
    found = {}
    for module_info in pkgutil.walk_packages(okrtui.screens.__path__, "okrtui.screens."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and "BINDINGS" in vars(value)):
                found[f"{module.__name__}.{value.__qualname__}"] = value
    return found


def test_every_class_binds_exactly_the_commands_of_one_place_in_the_table() -> None:
    places = {command.where for command in COMMANDS if command.bound}
    used: dict[str, str] = {}
    for name, cls in classes_with_bindings().items():
        matching = [where for where in places if vars(cls)["BINDINGS"] == bindings_for(where)]
        assert matching, f"{name}.BINDINGS is not bindings_for(...) of the table of commands"
        assert matching[0] not in used, f"{name} and {used[matching[0]]} bind the same commands"
        used[matching[0]] = name
    assert set(used) == places, f"places of the table no class binds: {places - set(used)}"


def test_no_place_binds_a_key_twice_and_every_id_is_unique() -> None:
    bound = [command for command in COMMANDS if command.bound]
    assert [id for id, n in Counter(c.id for c in bound).items() if n > 1] == []
    keys = Counter((c.where, key) for c in bound for key in c.keys.split(","))
    assert [key for key, n in keys.items() if n > 1] == []


def test_every_word_of_the_table_is_in_both_catalogs() -> None:
    for language in ("fr", "en"):
        tr = catalog(language)
        for command in COMMANDS:
            wanted = [command.section, command.help]
            wanted += [command.label] if command.bound else []
            wanted += [command.palette_title] if command.palette else []
            assert [key for key in wanted if key not in tr] == [], (language, command)
            assert command.section in SECTIONS


def test_the_help_has_a_line_for_every_command() -> None:
    lines = {(section, line.help): line.keys
             for section, section_lines in help_sections() for line in section_lines}
    for command in COMMANDS:
        assert command.names in lines[command.section, command.help], command


@pytest.mark.parametrize("language", ["fr", "en"])
async def test_the_help_screen_shows_every_line(isolated: Path, language: str) -> None:
    path = EXAMPLES / "publication-autonome.toml"
    app = OkrApp(session=load_session(path), path=path, lang=language)
    tr = catalog(language)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(section.content) for section
                          in app.screen.query(".help-section").results(Static))
    for title, lines in help_sections():
        assert tr(title) in shown
        for line in lines:
            assert re.search(f"{re.escape(line.key_text())} +{re.escape(tr(line.help))}", shown)


# (screen, keys that lead there from the ambition level, the places whose commands it has)
PLACES = [("ambition", (), {"app", "session", "level", "ambition"}),
          ("tactic", ("2",), {"app", "session", "level", "tactic"}),
          ("execution", ("3",), {"app", "session", "level", "execution"}),
          ("review", ("4",), {"app", "session", "review"}),
          ("progress", ("5",), {"app", "session", "progress"}),
          ("vote", ("1", "v"), {"app", "vote"}),
          ("compare", ("escape", "4", "c", "escape"), {"app", "compare"}),
          ("home", ("escape", "ctrl+o"), {"app", "home"})]


async def test_the_palette_offers_every_palette_command_of_each_screen(isolated: Path) -> None:
    path = isolated / "palette.toml"
    shutil.copy(EXAMPLES / "publication-autonome.toml", path)
    app = OkrApp(session=load_session(path), path=path, lang="fr")
    tr = catalog("fr")
    missing = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for name, keys, places in PLACES:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            offered = {command.title for command in app.get_system_commands(app.screen)}
            wanted = {tr(c.palette_title) for c in COMMANDS if c.palette and c.where in places}
            missing[name] = wanted - offered
    assert missing == {name: set() for name, _, _ in PLACES}


def test_the_readme_key_table_is_the_table_of_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("| where | key | action |")
    end = readme.find("\n\n", start)
    assert readme[start:end] == readme_table(), (
        "README.md's key table differs from okrtui/commands.py: regenerate it with "
        "`python -m okrtui.commands` and paste it under ## Keys")


def test_nothing_touches_textuals_private_bindings() -> None:
    private = re.compile(r"\._bindings\b|_description_keys")
    offenders = [path.name for path in SCREENS_FOLDER.rglob("*.py")
                 if private.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
