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
    """`catalog("key", name=...)` gives the string for key in this language, filled in."""

    def __init__(self, language: str) -> None:
        self.language = language
        with (LOCALES / f"{language}.toml").open("rb") as file:
            self.strings = _flatten(tomllib.load(file))

    def __call__(self, key: str, /, **params: object) -> str:
        template = self.strings.get(key)
        if template is None:
            return key
        return template.format(**params) if params else template

    def __contains__(self, key: str) -> bool:
        return key in self.strings


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
