"""The ids of a session's items: every one in use, and the next free one of a prefix."""

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from okrtui.models import ID_MAX_LENGTH, Session

_ID_NUMBER = re.compile(r"^([a-z]+)(\d+)$")


def all_ids(session: Session, ideas: bool = True) -> Iterator[str]:
    """Every id in session (ideas: those of the ideas too)."""
    for participant in session.participants:
        yield participant.id
    for decision in session.decision_log:
        yield decision.id
    for point in session.common:
        yield point.id
    for team in session.teams:
        yield team.id
        for kpi in team.kpis:
            yield kpi.id
        for item in team.roadmap:
            yield item.id
        if ideas:
            for idea in team.ideas:
                yield idea.id
        for objective in team.objectives:
            yield objective.id
            for kr in objective.key_results:
                yield kr.id
            for tactic in objective.tactics:
                yield tactic.id
                for action in tactic.actions:
                    yield action.id


@dataclass
class _IdCounters:
    session: weakref.ref[Session]
    teams: int  # id() of session.teams: undo puts a new list there
    count: int  # items held after the id given last was used
    highest: dict[str, int]


_ID_COUNTERS: dict[int, _IdCounters] = {}


def _item_count(session: Session) -> int:
    count = len(session.participants) + len(session.decision_log) + len(session.common)
    for team in session.teams:
        count += 1 + len(team.ideas) + len(team.objectives) + len(team.kpis) + len(team.roadmap)
        for objective in team.objectives:
            count += len(objective.key_results) + len(objective.tactics)
            count += sum(len(tactic.actions) for tactic in objective.tactics)
    return count


def _highest_numbers(session: Session) -> dict[str, int]:
    highest: dict[str, int] = {}

    def note(prefix: str, number: int) -> None:
        highest[prefix] = max(highest.get(prefix, 0), number)

    for item_id in all_ids(session, ideas=False):
        if match := _ID_NUMBER.match(item_id):
            note(match.group(1), int(match.group(2)))
    for team in session.teams:
        for prefix, number in _highest_idea_numbers([idea.id for idea in team.ideas]):
            note(prefix, number)
    return highest


_NO_DIGITS = str.maketrans("", "", "0123456789")


def _highest_idea_numbers(ids: list[str]) -> Iterator[tuple[str, int]]:
    """The highest number of each prefix among ids. Ideas are thousands, and nearly always
    of one prefix ("i1", "i2"…): those are read without a loop in Python (50,000 ids: 12 ms,
    not 50), any others one by one."""
    text = "\n".join(ids)
    prefixes = set(text.translate(_NO_DIGITS).split("\n"))
    if len(prefixes) == 1:
        prefix = prefixes.pop()
        numbers = ("\n" + text).replace("\n" + prefix, "\n")[1:]
        digits = numbers.replace("\n", "")
        if (_ID_NUMBER.match(f"{prefix}0") and digits.isascii() and digits.isdigit()
                and "\n\n" not in f"\n{numbers}\n"):
            yield prefix, max(map(int, numbers.split("\n")))
            return
    for item_id in ids:
        if match := _ID_NUMBER.match(item_id):
            yield match.group(1), int(match.group(2))


def _remember(session: Session, count: int, highest: dict[str, int]) -> None:
    key = id(session)
    _ID_COUNTERS[key] = _IdCounters(
        weakref.ref(session, lambda _: _ID_COUNTERS.pop(key, None)), id(session.teams),
        count, highest,
    )


def count_ids(session: Session) -> None:
    """Read the highest numbers of session's ids now, so that next_id does not have to
    (History does, when it begins and after an undo or redo, which puts other content in
    the session: the edit after it then costs the same as any other)."""
    _remember(session, _item_count(session), _highest_numbers(session))


def next_id(session: Session, prefix: str) -> str:
    """The next free id with this prefix ("i" → "i13"): never one in use. The highest
    numbers are read once, then counted on while each id given is used at once (one more
    item); they are read again when items came or went some other way, or when undo put
    other content in the session. Add each item before asking for the next id."""
    count = _item_count(session)
    cached = _ID_COUNTERS.get(id(session))
    if (cached is None or cached.session() is not session or cached.count != count
            or cached.teams != id(session.teams)):
        highest = _highest_numbers(session)
    else:
        highest = cached.highest
    number = highest.get(prefix, 0) + 1
    if len(f"{prefix}{number}") > ID_MAX_LENGTH:
        # past the longest id the format allows ("i" + 39 digits, written by hand): the
        # lowest one free instead (the highest stays as it is, so the next comes here too)
        _remember(session, count + 1, highest)
        return _lowest_free_id(session, prefix)
    highest[prefix] = number
    _remember(session, count + 1, highest)
    return f"{prefix}{number}"


def _lowest_free_id(session: Session, prefix: str) -> str:
    """The id prefix + the lowest number not in use (fewer items than 10^39: one is free)."""
    used = set(all_ids(session))
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"
