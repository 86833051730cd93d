"""Which way a key result moves its metric: up, down, or "better" (whichever way is better
for that metric, as in "improve latency").

In this order: a baseline and a target (the key result's fields, or "from X to Y" /
« de X à Y » in its wording, read as the coach reads it), then the first verb or noun of
change ("reduce", « doubler », "growth"), then a level to stay under or over ("below 2%",
« moins de 3 jours »).
"""

from typing import Literal

from okrtui.coach.lexicon import lexicon
from okrtui.coach.rules import tokenise
from okrtui.similarity.words import Word, word_lists
from okrtui.text import parse_number

Direction = Literal["up", "down", "better"]


def from_numbers(baseline: float | None, target: float | None) -> Direction | None:
    if baseline is None or target is None or baseline == target:
        return None
    return "up" if target > baseline else "down"


def baseline_and_target(text: str, language: str) -> tuple[float, float] | None:
    """The X and Y of "from X to Y" / « de X à Y » / « passer de X à Y » in a wording."""
    lex = lexicon(language)
    tokens = tokenise(text)
    for index, token in enumerate(tokens):
        if token.text not in lex.baseline_from:
            continue
        first = _number_within(tokens, index + 1, 3)
        if first is None:
            continue
        for to_index in range(first + 1, min(first + 5, len(tokens))):
            if tokens[to_index].text not in lex.baseline_to:
                continue
            second = _number_within(tokens, to_index + 1, 3)
            if second is None:
                continue
            baseline, target = _value(tokens[first].text), _value(tokens[second].text)
            if baseline is not None and target is not None:
                return baseline, target
    return None


def _number_within(tokens: list, start: int, span: int) -> int | None:  # type: ignore[type-arg]
    for index in range(start, min(start + span, len(tokens))):
        if tokens[index].kind == "number":
            return index
    return None


def _value(text: str) -> float | None:
    try:
        value = parse_number(text.lstrip("x"))
    except ValueError:
        return None
    return None if value is None else float(value)


def text_direction(text: str, text_words: tuple[Word, ...], language: str) -> Direction | None:
    numbers = baseline_and_target(text, language)
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
