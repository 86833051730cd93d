"""Which way a key result moves its metric: up, down, or "better" (whichever way is better
for that metric, as in "improve latency").

In this order: a baseline and a target (the key result's fields, or "from X to Y" /
« de X à Y » in its wording, read by the coach's `baseline_and_target`), then the first
verb or noun of change ("reduce", « doubler », "growth"), then a level to stay under or
over ("below 2%", « moins de 3 jours »).
"""

from typing import Literal

from okrtui.coach.lexicon import lexicon
from okrtui.coach.rules import baseline_and_target, tokenise
from okrtui.similarity.words import Word, word_lists

Direction = Literal["up", "down", "better"]


def from_numbers(baseline: float | None, target: float | None) -> Direction | None:
    if baseline is None or target is None or baseline == target:
        return None
    return "up" if target > baseline else "down"


def text_direction(text: str, text_words: tuple[Word, ...], language: str) -> Direction | None:
    numbers = baseline_and_target(tokenise(text), lexicon(language))
    if numbers is not None:
        found = from_numbers(*numbers)
        if found is not None:
            return found
    lists = word_lists(language)
    stems = [word.stem for word in text_words if word.role not in ("number", "symbol")]
    first: tuple[int, Direction] | None = None
    for direction, phrases in (("up", lists.up), ("down", lists.down), ("better", lists.better)):
        at = _first(stems, phrases)
        if at is not None and (first is None or at < first[0]):
            first = (at, direction)  # type: ignore[assignment]
    if first is not None:
        return first[1]
    below, above = _first(stems, lists.below), _first(stems, lists.above)
    if below is not None and (above is None or below < above):
        return "down"
    if above is not None:
        return "up"
    return None


def _first(stems: list[str], phrases: tuple[tuple[str, ...], ...]) -> int | None:
    found = None
    for phrase in phrases:
        length = len(phrase)
        for index in range(len(stems) - length + 1):
            if tuple(stems[index : index + length]) == phrase:
                if found is None or index < found:
                    found = index
                break
    return found
