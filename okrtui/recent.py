"""The list of recently opened session files, kept in the user's data folder."""

import os
import tomllib
from pathlib import Path

import tomli_w

from okrtui.storage import SaveError, atomic_write

MAX_RECENT = 10


def data_dir() -> Path:
    override = os.environ.get("OKRTUI_DATA_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "okrtui"


def recent_file() -> Path:
    return data_dir() / "recent.toml"


def load_recent() -> list[Path]:
    """Recently opened files, newest first; an unreadable list counts as empty."""
    try:
        with recent_file().open("rb") as file:
            files = tomllib.load(file).get("files", [])
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []
    if not isinstance(files, list):
        return []
    return [Path(name) for name in files if isinstance(name, str)][:MAX_RECENT]


def remember(path: Path) -> None:
    """Put path first in the recent list. Failing to write the list never stops the user."""
    path = path.resolve()
    files = [path] + [other for other in load_recent() if other != path]
    try:
        recent_file().parent.mkdir(parents=True, exist_ok=True)
        text = tomli_w.dumps({"files": [str(name) for name in files[:MAX_RECENT]]})
        atomic_write(recent_file(), text.encode("utf-8"))
    except (OSError, SaveError):
        pass
