"""Catalog strings in the UI: user text kept literal, never markup."""

from textual.content import Content
from textual.dom import DOMNode
from textual.widget import Widget

from okrtui.i18n import Catalog
from okrtui.text import for_terminal

from .prose import Prose


def visible_controls(text: str) -> str:
    """text with its control characters but newline and tab written out as \\x1b…, so that
    none reaches the terminal: the model's text is cleaned as it comes in, but a file name
    may hold an escape sequence (Textual passes ESC and C1 controls through), or a byte that
    is not UTF-8 (a lone surrogate from os.fsdecode, which the terminal cannot be sent:
    written out as \\xe9). The command line's for_terminal, for the screen."""
    return for_terminal(text)


def literal(text: str) -> Content:
    """User text (or text built from it) as content that is never parsed as markup, its
    control characters shown, not sent (visible_controls)."""
    return Content(visible_controls(text))


def prose(text: str) -> Prose:
    """A sentence for a Static or a Label: literal, and wrapped without breaking the
    non-breaking spaces of French typography."""
    return Prose(literal(text))


SHOWN_CHARACTERS = 500


def glimpse(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """User text cut to limit characters, with an ellipsis: what a list row, a tree line or a
    question shows. Textual wraps and measures every character of every row it holds, so a
    10 MB file of long ideas took 11 s to open and a 100 KB idea made each key take a second;
    the whole text stays in the session (and in the form that edits it)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hidden_ideas(tr: Catalog, count: int, people: int) -> str:
    """« 12 idées cachées de 5 personnes », « 1 idée cachée de 1 personne »; without the
    people when no hidden idea has an author (an anonymous session, ideas typed unsigned)."""
    ideas = tr("silent.ideas", count=count)
    if not people:
        return tr("silent.summary_unsigned", ideas=ideas)
    return tr("silent.summary", ideas=ideas, people=tr("silent.people", count=people))


def shown(widget: Widget) -> bool:
    """The widget and every container it is in are displayed (a level behind another in
    the content switcher is not)."""
    node: DOMNode | None = widget
    while node is not None and node is not widget.screen:
        if not node.display:
            return False
        node = node.parent
    return True
