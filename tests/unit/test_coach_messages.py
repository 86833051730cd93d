"""The coach's messages name the keys that fix a finding: « (revue, touche b) », "(ambition
level, key x)". Each named key must do something at that place, in both languages alike."""

import re

import pytest

from okrtui.commands import commands_for
from okrtui.i18n import catalog
from okrtui.rule_ids import RULE_IDS

PLACES = ("ambition", "tactic", "execution", "review")
KEY_HINT = {
    "fr": re.compile(r"\((?:niveau )?(\w+), touche (\S+)\)"),
    "en": re.compile(r"\((\w+)(?: level)?, key (\S+)\)"),
}


def coach_texts(language: str) -> dict[str, str]:
    """Each finding's message and suggestion, by the rule it belongs to."""
    strings = catalog(language).strings
    texts = {rule: " ".join(value for key, value in strings.items()
                            if key.startswith(f"rule.{rule}."))
             for rule in RULE_IDS}
    texts["baseline.unknown"] = " ".join(
        strings[f"baseline.unknown_{field}"] for field in ("message", "suggestion"))
    return texts


def key_hints(language: str, text: str) -> set[tuple[str, str]]:
    """The (place, key) pairs a text names, the place as commands.py writes it."""
    tr = catalog(language)
    place_of = {tr(f"level.{place}.name").lower(): place for place in PLACES}
    return {(place_of.get(place.lower(), place), key)
            for place, key in KEY_HINT[language].findall(text)}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_key_a_coach_message_names_works_where_it_says(language: str) -> None:
    hints = set().union(*(key_hints(language, text)
                          for text in coach_texts(language).values()))
    assert hints, "expected the coach to name some keys"
    unbound = {(place, key) for place, key in hints
               if not any(key in command.keys.split(",") for command in commands_for(place))}
    assert unbound == set()


def test_french_and_english_name_the_same_keys_for_each_finding() -> None:
    fr, en = coach_texts("fr"), coach_texts("en")
    different = {rule: (key_hints("fr", fr[rule]), key_hints("en", en[rule]))
                 for rule in fr if key_hints("fr", fr[rule]) != key_hints("en", en[rule])}
    assert different == {}


def test_every_finding_says_what_is_wrong_why_and_how() -> None:
    """A message in two parts: what is wrong, then why it matters to the team."""
    for language in ("fr", "en"):
        tr = catalog(language)
        for rule in RULE_IDS:
            message = tr(f"rule.{rule}.message", count=4, limit=3)
            assert re.search(r"\S\s?[:;]\s", message), (language, rule, message)
