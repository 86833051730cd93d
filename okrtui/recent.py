"""The list of recently opened session files (absolute paths), kept in the user's data folder."""

import os
import tomllib
from pathlib import Path

import tomli_w

from okrtui.paths import absolute, read_regular
from okrtui.problems import SaveError
from okrtui.writing import atomic_write

MAX_RECENT = 10
MAX_RECENT_BYTES = 1024 * 1024
"""Ten paths: a longer list was not written by okrtui (and is not read)."""


def data_dir() -> Path:
    """okrtui's own folder (the recent list): OKRTUI_DATA_DIR, else the platform's user data
    folder (Linux: $XDG_DATA_HOME/okrtui or ~/.local/share/okrtui; macOS: ~/Library/Application
    Support/okrtui; Windows: %LOCALAPPDATA%\\okrtui)."""
    override = os.environ.get("OKRTUI_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # imported when needed: Textual has, the CLI's check need not

    return platformdirs.user_data_path("okrtui", appauthor=False)


def recent_file() -> Path:
    return data_dir() / "recent.toml"


def load_recent() -> list[Path]:
    """Recently opened files, newest first; an unreadable list counts as empty."""
    data = read_regular(recent_file(), MAX_RECENT_BYTES)
    if data is None:
        return []
    try:
        files = tomllib.loads(data.decode("utf-8")).get("files", [])
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError):
        return []
    if not isinstance(files, list):
        return []
    # only absolute paths: a relative one would name another file from each working folder
    return [Path(name) for name in files
            if isinstance(name, str) and "\0" not in name and Path(name).is_absolute()
            ][:MAX_RECENT]


def remember(path: Path) -> None:
    """Put path first in the recent list. Failing to write the list never stops the user."""
    path = absolute(path)
    files = [path] + [other for other in load_recent() if other != path]
    try:
        recent_file().parent.mkdir(parents=True, exist_ok=True)
        names = [str(name) for name in files if _encodable(str(name))]
        text = tomli_w.dumps({"files": names[:MAX_RECENT]})
        atomic_write(recent_file(), text.encode("utf-8"))
    except (OSError, SaveError):
        pass


def _encodable(name: str) -> bool:
    """A name TOML can hold (a name that is not UTF-8 cannot be written in it)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
