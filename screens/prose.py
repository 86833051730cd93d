"""Sentences on screen wrapped as French typography asks: Textual breaks a line at any
whitespace, U+00A0 and U+202F included, so « Objectif : » could end a line with its colon
alone on the next, or « x » with a lone « » » starting one. Prose breaks only at plain
spaces, tabs and zero-width spaces; everything else stays with its word."""

import re
from collections.abc import Callable

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

BREAKABLE = " \t\u200b"
_WORD = re.compile(f"[{BREAKABLE}]*[^{BREAKABLE}]+[{BREAKABLE}]*|[{BREAKABLE}]+")


def break_offsets(text: str, width: int, measure: Callable[[str], int] = cell_len) -> list[int]:
    """Where to cut one line of text so that each piece, its trailing spaces dropped, is at
    most width cells: at a breakable space, or inside a word longer than the whole width."""
    offsets: list[int] = []
    if width <= 0:
        return offsets
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        if used + measure(word.rstrip(BREAKABLE)) <= width:
            used += measure(word)
            continue
        if used and start:
            offsets.append(start)
            used = 0
        for index, character in enumerate(word):
            size = measure(character)
            if used + size > width and used and character not in BREAKABLE:
                offsets.append(start + index)
                used = 0
            used += size
    return offsets


class Prose(Visual):
    """Content that wraps at breakable spaces only (see break_offsets); otherwise it draws
    as the Content would."""

    def __init__(self, content: Content) -> None:
        self.content = content

    def __str__(self) -> str:
        return self.content.plain

    def wrapped(self, width: int, rules: RulesMap) -> Content:
        """The content with a newline at each place it should wrap within width cells."""
        room = width - 2 * rules.get("line_pad", 0)
        if rules.get("text_wrap", "wrap") == "nowrap" or room <= 0:
            return self.content
        lines: list[Content] = []
        for line in self.content.split(allow_blank=True):
            pieces = line.divide(break_offsets(line.plain, room))
            lines.extend(piece.rstrip() for piece in pieces[:-1])
            lines.append(pieces[-1])
        return Content("\n").join(lines)

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        return self.wrapped(width, options.rules).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.wrapped(width, rules).get_height(rules, width)


class KeyRows(Visual):
    """A heading, then rows of a key and what it does; a description too long for the line
    goes on under itself, not under the key (the help screen)."""

    def __init__(self, heading: Content, rows: list[tuple[Content, Content]]) -> None:
        self.heading = heading
        self.rows = rows

    def __str__(self) -> str:
        return "\n".join([self.heading.plain,
                          *(key.plain + text.plain for key, text in self.rows)])

    def lines(self, width: int) -> Content:
        lines = [self.heading]
        for key, text in self.rows:
            indent = key.cell_length
            pieces = text.divide(break_offsets(text.plain, max(width - indent, 1)))
            lines.append(key + pieces[0].rstrip())
            lines.extend(Content(" " * indent) + piece.rstrip() for piece in pieces[1:])
        return Content("\n").join(lines)

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        return self.lines(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.lines(container_width).get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.lines(width).get_height(rules, width)
