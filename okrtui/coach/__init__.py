"""The wording coach: checks an objective, key result, tactic or action as it is typed.

`coach(kind, text, language)` gives the ids of the rules the wording breaks (the public
contract of the domain page), in a stable order, for French or English.
"""

import re
from typing import Literal

from okrtui.coach.lexicon import lexicon
from okrtui.coach.objectives import objective_rules
from okrtui.coach.rules import Sentence, key_result_rules, plain_rules

Kind = Literal["objective", "kr", "tactic", "action"]
_FRENCH_MARKERS = re.compile(
    r"[éèêàçùâîôû]|\b(le|la|les|des|du|une|et|pour|nos|notre|est|sont|dans|avec|d'|l')\b",
    re.IGNORECASE,
)
_ENGLISH_MARKERS = re.compile(
    r"\b(the|of|and|to|our|for|with|is|are|by|from|in)\b", re.IGNORECASE
)

__all__ = ["coach", "guess_language"]


def guess_language(text: str) -> str:
    """French when accents and French small words outnumber English ones."""
    french = len(_FRENCH_MARKERS.findall(text))
    english = len(_ENGLISH_MARKERS.findall(text))
    return "fr" if french > english else "en"


def coach(kind: Kind, text: str, language: str, baseline_known: bool = False) -> list[str]:
    """The rule ids this wording raises."""
    if not text.strip():
        return []
    sentence = Sentence(text, lexicon(language))
    if kind == "objective":
        return objective_rules(sentence)
    if kind == "kr":
        return key_result_rules(sentence, baseline_known)
    return plain_rules(sentence)
