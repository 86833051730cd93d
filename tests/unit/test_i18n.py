"""French and English catalogs: the same keys, the same placeholders, and the right guess."""

import re
import string
import tomllib

import pytest

from okrtui.findings import SEVERITY_ORDER
from okrtui.i18n import LOCALES, Catalog, catalog, guess_language
from okrtui.models import LEVELS

ROOT = LOCALES.parent


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_both_catalogs_are_valid_toml() -> None:
    for language in ("fr", "en"):
        with (LOCALES / f"{language}.toml").open("rb") as file:
            assert tomllib.load(file)


def test_french_and_english_have_exactly_the_same_keys() -> None:
    fr, en = catalog("fr").strings, catalog("en").strings
    assert sorted(set(fr) - set(en)) == []
    assert sorted(set(en) - set(fr)) == []


def test_every_key_has_the_same_placeholders_in_both_languages() -> None:
    """Except {english}: a library's own English words (strerror, tomllib, pydantic,
    argparse), which the English catalog may show and the French one never does."""
    fr, en = catalog("fr").strings, catalog("en").strings
    different = {
        key: (placeholders(fr[key]), placeholders(en[key]))
        for key in set(fr) & set(en)
        if placeholders(fr[key]) != placeholders(en[key]) - {"english"}
    }
    assert different == {}


def test_no_french_string_shows_a_library_s_english() -> None:
    assert [key for key, value in catalog("fr").strings.items()
            if "english" in placeholders(value)] == []


def test_no_string_is_empty() -> None:
    for language in ("fr", "en"):
        empty = [k for k, v in catalog(language).strings.items() if not v.strip()]
        assert empty == [], language


def test_every_key_the_domain_names_exists_in_both_catalogs() -> None:
    """Keys written literally in okrtui/*.py (storage errors, CLI messages…) must exist,
    or the user sees the bare key instead of a sentence."""
    pattern = re.compile(r"[\"']((?:file|save|cli|export|severity|rule)\.[a-z_.]+[a-z])[\"']")
    used = set()
    for source in ROOT.glob("*.py"):
        used |= set(pattern.findall(source.read_text(encoding="utf-8")))
    assert used, "expected literal catalog keys in okrtui/*.py"
    used |= {f"export.level_{level}" for level in LEVELS}
    used |= {f"severity.{severity}" for severity in SEVERITY_ORDER}
    for language in ("fr", "en"):
        missing = sorted(key for key in used if key not in catalog(language))
        assert missing == [], language


def test_a_catalog_fills_in_placeholders() -> None:
    assert catalog("en")("cli.exported", path="out.md") == "Exported to out.md."
    assert catalog("fr")("cli.exported", path="out.md") == "Exporté vers out.md."


def test_an_unknown_key_comes_back_as_itself() -> None:
    assert catalog("en")("no.such.key") == "no.such.key"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        catalog("de")


def test_catalogs_are_shared() -> None:
    assert catalog("fr") is catalog("fr")
    assert isinstance(catalog("en"), Catalog)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "FR_fr"}, "fr"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "", "LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr:en"}, "fr"),
    ],
)
def test_guess_language(environ: dict[str, str], expected: str) -> None:
    assert guess_language(environ) == expected


def test_no_string_writes_a_plural_as_s_in_parentheses() -> None:
    for language in ("fr", "en"):
        written = [k for k, v in catalog(language).strings.items() if "(s)" in v]
        assert written == [], language


def test_plural_keys_have_one_and_other_in_both_languages() -> None:
    for language in ("fr", "en"):
        strings = catalog(language).strings
        ones = {key.removesuffix(".one") for key in strings if key.endswith(".one")}
        others = {key.removesuffix(".other") for key in strings if key.endswith(".other")}
        assert ones == others, language


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [("fr", 0, "0 idée cachée"), ("fr", 1, "1 idée cachée"), ("fr", 2, "2 idées cachées"),
     ("en", 0, "0 hidden ideas"), ("en", 1, "1 hidden idea"), ("en", 2, "2 hidden ideas")],
)
def test_a_plural_key_takes_the_form_its_count_asks_for(
    language: str, count: int, text: str
) -> None:
    assert catalog(language)("silent.ideas", count=count) == text
    assert "silent.ideas" in catalog(language)
