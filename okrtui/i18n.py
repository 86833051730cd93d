"""The French and English catalogs every user-facing string comes from (locales/*.toml)."""

import os
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = Path(__file__).with_name("locales")
LANGUAGES = ("fr", "en")


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


class Catalog:
    """`catalog("key", name=...)` gives the string for key in this language, filled in.

    A key written as a table of plural forms (`key = { one = "…", other = "…" }`) is filled
    in with the form its `count` asks for: in French 0 and 1 are singular, in English only 1.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        with (LOCALES / f"{language}.toml").open("rb") as file:
            self.strings = _flatten(tomllib.load(file))

    def __call__(self, key: str, /, **params: object) -> str:
        template = self.strings.get(key)
        if template is None:
            template = self.strings.get(f"{key}.{self.plural_form(params.get('count'))}")
        if template is None:
            return key
        return template.format(**params) if params else template

    def plural_form(self, count: object) -> str:
        """"one" or "other": the form of a plural key that count takes."""
        if not isinstance(count, int | float) or isinstance(count, bool):
            return "other"
        singular = abs(count) < 2 if self.language == "fr" else count == 1
        return "one" if singular else "other"

    def __contains__(self, key: str) -> bool:
        return key in self.strings or f"{key}.other" in self.strings


@cache
def catalog(language: str) -> Catalog:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    return Catalog(language)


def guess_language(environ: Mapping[str, str] = os.environ) -> str:
    """French when the user's locale says so, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
