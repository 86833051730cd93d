"""The committed tree with its long rows wrapped: the same rows as the tree (its nodes'
labels and data), each as many lines as its wording needs, under the tree's guides. A list
with a cursor, not a picture: the pane's keys act on its highlighted row."""

from collections.abc import Iterable, Iterator
from typing import Any

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from okrtui.refs import NodeRef

GUIDE_STYLE = "dim"


class WrappedRow(Visual):
    """A row: its guides (lead), its label wrapped in the width left, each further line
    under the guides that go on down (follow)."""

    def __init__(self, lead: str, follow: str, label: Content) -> None:
        self.lead = Content.styled(lead, GUIDE_STYLE)
        self.follow = Content.styled(follow, GUIDE_STYLE)
        self.label = label

    def lines(self, width: int) -> list[Content]:
        first_room = max(width - self.lead.cell_length, 1)
        first = (self.label.wrap(first_room) or [Content("")])[0]
        rest = self.label[len(first.plain):]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()):]
        lines = [self.lead + first]
        if rest:
            room = max(width - self.follow.cell_length, 1)
            lines += [self.follow + line for line in rest.wrap(room)]
        return lines

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.lead.cell_length + self.label.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


class Lines(Visual):
    """A row of a list: paragraphs, each wrapped under its own indent (WrappedRow), so that
    a long wording stays clear of its tag or glyph at 80 columns."""

    def __init__(self, *paragraphs: tuple[str, str, Content]) -> None:
        """paragraphs: (indent of the first line, indent of the others, text) each."""
        self.rows = [WrappedRow(lead, follow, text) for lead, follow, text in paragraphs]
        self.texts = [lead + text.plain for lead, _, text in paragraphs]

    def __str__(self) -> str:
        return "\n".join(self.texts)

    def lines(self, width: int) -> list[Content]:
        return [line for row in self.rows for line in row.lines(width)]

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(row.get_optimal_width(rules, container_width) for row in self.rows)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


def wrapped_rows(nodes: Iterable[TreeNode[NodeRef]], guides: str | None = None
                 ) -> Iterator[tuple[NodeRef, WrappedRow]]:
    """Each node and its descendants, depth first, drawn as the tree draws them: top-level
    rows without guides, the others under ├─ / └─ and the │ of the rows still open."""
    nodes = list(nodes)
    for index, node in enumerate(nodes):
        last = index == len(nodes) - 1
        if guides is None:
            lead = below = ""
        else:
            lead = guides + ("└─ " if last else "├─ ")
            below = guides + ("   " if last else "│  ")
        children = list(node.children)
        follow = below + ("│  " if children else "   ")
        if node.data is not None:
            yield node.data, WrappedRow(lead, follow, _content(node.label))
        yield from wrapped_rows(children, below)


def _content(label: Text | str) -> Content:
    if isinstance(label, Text):
        return Content.from_rich_text(label)
    return Content(label)


class OkrOutline(OptionList):
    """The rows of a tree, wrapped; its cursor is the tree's node data (a NodeRef)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.refs: list[NodeRef] = []
        self.rows: list[WrappedRow] = []

    def show(self, nodes: Iterable[TreeNode[NodeRef]], cursor: NodeRef | None) -> None:
        """Draw these nodes (a tree's top-level ones), the cursor on the row of cursor if it is
        still there; else none, as in the tree until the facilitator moves into it (k then
        asks which objective)."""
        rows = list(wrapped_rows(nodes))
        self.refs = [ref for ref, _ in rows]
        self.rows = [row for _, row in rows]
        self.set_options(Option(row) for row in self.rows)
        self.highlight(cursor)

    def highlight(self, ref: NodeRef | None) -> bool:
        """Put the cursor on the row of ref (and in sight); False when there is none."""
        if ref not in self.refs:
            return False
        self.highlighted = self.refs.index(ref)
        self.scroll_to_highlight()
        return True

    @property
    def selected_ref(self) -> NodeRef | None:
        index = self.highlighted
        return self.refs[index] if index is not None and index < len(self.refs) else None

    def height_at(self, width: int) -> int:
        """How many lines the rows take at this width."""
        return sum(len(row.lines(width)) for row in self.rows)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """enter on a row: nothing to open (the tree's enter folds; here nothing is folded);
        the review's findings list must not take it for one of its own."""
        event.stop()
