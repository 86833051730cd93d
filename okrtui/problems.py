"""Problems with files, told in the catalog's words. Light: the CLI imports it at start."""

from pathlib import Path

from okrtui.i18n import Catalog, catalog
from okrtui.text import for_terminal, show_path


class FileProblem(Exception):
    """A problem with a file, told in the catalog's words: `error.message(tr)`. A param
    that is a reason (okrtui.reasons: what the system, tomllib or pydantic said) is told in
    tr's words too."""

    def __init__(self, path: Path | str, key: str, **params: object) -> None:
        self.path = Path(path)
        self.key = key
        self.params = params
        super().__init__(self.message(catalog("en")))

    def message(self, tr: Catalog) -> str:
        """The path, then what is wrong: a name or a value from the file (a path, a host, a
        key) is shown with its control characters written out, never sent raw."""
        params = {name: _shown(value, tr) for name, value in self.params.items()}
        return (f"{show_path(self.path)}{tr('export.colon')} "
                f"{for_terminal(tr(self.key, **params))}")


def _shown(value: object, tr: Catalog) -> object:
    if isinstance(value, Path):
        return show_path(value)
    told = getattr(value, "told", None)
    return told(tr) if callable(told) else value


class SessionFileError(FileProblem):
    """A file that cannot be used as a session; the message says where and what to do."""


class SaveError(FileProblem):
    """The session could not be written; the file on disk is as it was."""


__all__ = ["FileProblem", "SaveError", "SessionFileError"]
