"""Problems with files, told in the catalog's words. Light: the CLI imports it at start."""

from pathlib import Path

from okrtui.i18n import Catalog, catalog


class FileProblem(Exception):
    """A problem with a file, told in the catalog's words: `error.message(tr)`."""

    def __init__(self, path: Path | str, key: str, **params: object) -> None:
        self.path = Path(path)
        self.key = key
        self.params = params
        super().__init__(self.message(catalog("en")))

    def message(self, tr: Catalog) -> str:
        return f"{self.path}: {tr(self.key, **self.params)}"


class SessionFileError(FileProblem):
    """A file that cannot be used as a session; the message says where and what to do."""


class SaveError(FileProblem):
    """The session could not be written; the file on disk is as it was."""


__all__ = ["FileProblem", "SaveError", "SessionFileError"]
