"""The home screen: start a session, open a recent one, a file, or an example."""

import tomllib
from importlib import resources
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okrtui.paths import read_regular
from okrtui.recent import load_recent
from okrtui.storage import MAX_FILE_BYTES

from .app_access import UsesOkrApp
from .commands import bindings_for
from .dialogs import PathScreen
from .localized import literal, prose
from .widgets.key_bar import KeyBar
from .widgets.title_bar import TitleBar


def _examples_folder() -> Path | None:
    """The folder of the package okrtui.examples (the repository's sessions/, installed with
    okrtui): a folder on disk, as pip installs packages (None if it is not one, in a zip)."""
    try:
        folder = resources.files("okrtui.examples")
    except ModuleNotFoundError:
        return None
    return folder if isinstance(folder, Path) else None


EXAMPLES = _examples_folder()


def example_files() -> list[Path]:
    """The example sessions the home screen lists, by file name."""
    return sorted(EXAMPLES.glob("*.toml")) if EXAMPLES is not None and EXAMPLES.is_dir() else []


def _title_of(path: Path) -> str:
    """The title of an example (read only if it is a regular file, within the size limit:
    a named pipe there would freeze the home screen)."""
    data = read_regular(path, MAX_FILE_BYTES)
    if data is None:
        return ""
    try:
        title = tomllib.loads(data.decode("utf-8")).get("title", "")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError):
        return ""
    return title if isinstance(title, str) else ""


class HomeScreen(UsesOkrApp, Screen[None]):
    BINDINGS = bindings_for("home")

    def __init__(self) -> None:
        super().__init__()
        self.tr = self.okr_app.tr

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="home"):
            yield Static(Content.styled("okrtui", "bold"), id="home-title")
            yield Static(prose(self.tr("home.tagline")), id="home-tagline")
            yield OptionList(id="home-entries")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_entries()

    def refresh_entries(self) -> None:
        tr = self.tr
        entries: list[Option | None] = [
            Option(literal(tr("home.new")), id="new"),
            Option(literal(tr("home.open")), id="open"),
            None,
            Option(Content.styled(tr("home.recent"), "bold"), disabled=True),
        ]
        recent = load_recent()
        for path in recent:
            missing = "" if path.exists() else f"  ({tr('home.missing')})"
            entries.append(Option(literal(f"  {path}{missing}"), id=f"recent:{path}"))
        if not recent:
            entries.append(Option(Content.styled(f"  {tr('home.no_recent')}", "dim"),
                                  disabled=True))
        entries += [None, Option(Content.styled(tr("home.examples"), "bold"), disabled=True)]
        for path in example_files():
            title = _title_of(path)
            label = f"  {title} — {path.name}" if title else f"  {path.name}"
            entries.append(Option(literal(label), id=f"example:{path}"))
        entries_list = self.query_one("#home-entries", OptionList)
        entries_list.set_options(entries)
        entries_list.highlighted = 0
        entries_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice == "new":
            self.okr_app.action_new_session()
        elif choice == "open":
            self.action_open_file()
        elif ":" in choice:
            self.okr_app.open_path(Path(choice.split(":", 1)[1]))

    def action_open_file(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.okr_app.open_path(path)

        self.app.push_screen(PathScreen(self.tr("open.heading")), chosen)
