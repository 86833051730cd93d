"""The method cards: one per level (and the review), in the catalogs under card.<level>, and
which of them each user has already seen, so that a card opens by itself once, on the first
use of its level. What was seen lives in okrtui's data folder (cards.toml), never in a
session: the session is the team's, the lesson is each user's.

OKRTUI_NO_CARDS=1 keeps every card from opening by itself (tests, a demo); the key still
opens one."""

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from okrtui.i18n import Catalog
from okrtui.paths import read_regular
from okrtui.problems import SaveError
from okrtui.recent import data_dir
from okrtui.writing import atomic_write

CARDS = ("ambition", "tactic", "execution", "review")
MAX_SEEN_BYTES = 4096
SECTIONS = {
    "ambition": ("purpose", "formula_objective", "formula_kr", "example_good", "example_bad",
                 "good", "three", "decisions"),
    "tactic": ("purpose", "formula", "example_good", "example_bad", "good", "decisions"),
    "execution": ("purpose", "formula", "example_good", "example_bad", "good"),
    "review": ("purpose", "example_good", "example_bad", "good", "decisions"),
}
"""Each card's sections, in order: card.<section> is its heading, card.<level>.<section> its
text."""


@dataclass(frozen=True)
class CardSection:
    heading: str
    text: str


def card_sections(tr: Catalog, level: str) -> list[CardSection]:
    """The card of one level, in tr's language."""
    return [CardSection(tr(f"card.{section}"), tr(f"card.{level}.{section}"))
            for section in SECTIONS[level]]


def seen_file() -> Path:
    return data_dir() / "cards.toml"


def load_seen() -> set[str]:
    """The cards this user has seen; an unreadable list counts as none."""
    return _read_seen() or set()


def _read_seen() -> set[str] | None:
    """The cards seen; None when the list exists but cannot be read (then left alone)."""
    path = seen_file()
    if not os.path.lexists(path):
        return set()
    data = read_regular(path, MAX_SEEN_BYTES)
    if data is None:
        return None
    try:
        seen = tomllib.loads(data.decode("utf-8")).get("seen", [])
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError):
        return None
    return {name for name in seen if name in CARDS} if isinstance(seen, list) else None


def mark_seen(level: str) -> None:
    """Remember that this user saw the card. Failing to write never stops the user, and a
    list that cannot be read is never written over."""
    seen = _read_seen()
    if seen is None:
        return
    try:
        seen_file().parent.mkdir(parents=True, exist_ok=True)
        text = tomli_w.dumps({"seen": [name for name in CARDS if name in seen | {level}]})
        atomic_write(seen_file(), text.encode("utf-8"))
    except (OSError, SaveError):
        pass


def cards_by_themselves() -> bool:
    """Cards may open by themselves (OKRTUI_NO_CARDS unset or empty)."""
    return not os.environ.get("OKRTUI_NO_CARDS")


def first_use(level: str) -> bool:
    """True once per user for each level whose card should open by itself now; it is then
    remembered as seen."""
    seen = _read_seen()
    if level not in CARDS or not cards_by_themselves() or seen is None or level in seen:
        return False  # (a list that cannot be read: no card opens by itself)
    mark_seen(level)
    return True
