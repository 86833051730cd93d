"""A list of ideas that costs the same with ten ideas or fifty thousand, drawn one line at a
time through Textual's Line API (ScrollView + render_line). Up to FOLD_ABOVE ideas every row
shows its whole text; past that each row is one line (cut with an ellipsis) and only the row
under the cursor is wrapped in full. A row's text is made the first time it is shown."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, cast

from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from ..commands import bindings_for

FOLD_ABOVE = 100
"""Ideas a list shows in full; wrapping a row costs ~0.2 ms, so 100 rows cost ~20 ms."""


class IdeaRow:
    """One row of the list: its id, and its text, made as make_prompt(source, count) when the
    list first needs it (the row scrolled into view, or under the cursor). A list rebuilt keeps
    its rows and calls remake: with 50,000 ideas, new objects at each undo made Python's
    garbage collector walk every object (~0.3 s)."""

    __slots__ = ("id", "disabled", "version", "_make_prompt", "_source", "_count", "_prompt")

    def __init__(self, make_prompt: Callable[[Any, int], Content], id: str, source: Any = None,
                 count: int = 0, *, disabled: bool = False) -> None:
        self.id = id
        self.disabled = disabled
        self.version = 0
        """Counts the remakes: what the list drew or measured of an older version is stale."""
        self._make_prompt = make_prompt
        self._prompt: Content | None = None
        self.remake(source, count)

    def remake(self, source: Any, count: int = 0) -> None:
        """Make the text again, from source and count, when it is next needed."""
        self._source = source
        self._count = count
        self._prompt = None
        self.version += 1

    @property
    def prompt(self) -> Content:
        if self._prompt is None:
            self._prompt = self._make_prompt(self._source, self._count)
        return self._prompt


class IdeaList(ScrollView, can_focus=True):
    """The rows, the cursor on one of them (`highlighted`), and the keys of an OptionList (whose
    names it keeps for what the app uses). Textual's OptionList wraps every option to measure
    it: 0.3–0.45 s for 1,700 ideas before the first frame."""

    ALLOW_SELECT = False
    BINDINGS = bindings_for("idea_list")

    DEFAULT_CSS = """
    IdeaList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .idea-list--row-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .idea-list--row-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .idea-list--row-disabled {
            color: $text-disabled;
        }
        & > .idea-list--row-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "idea-list--row",
        "idea-list--row-disabled",
        "idea-list--row-highlighted",
        "idea-list--row-hover",
    }

    highlighted: reactive[int | None] = reactive(None)
    """The index of the row under the cursor, or None."""

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, idea_list: "IdeaList", row: IdeaRow, index: int) -> None:
            super().__init__()
            self.idea_list = idea_list
            self.row = row
            self.index = index

        @property
        def control(self) -> "IdeaList":
            return self.idea_list

    class Selected(Highlighted):
        """Enter, or a click, on a row."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[IdeaRow] = []
        self._index: dict[str, int] | None = None
        """Row ids to indexes, made when first asked for after a change."""
        self._tall: list[tuple[int, int]] = []
        """(index, height) of the rows taller than a line, in order."""
        self._hover: int | None = None
        self._heights: LRUCache[tuple[IdeaRow, int, int], int] = LRUCache(4096)
        self._strips: LRUCache[tuple[IdeaRow, int, Style, int, bool], list[Strip]]
        self._strips = LRUCache(2048)

    @property
    def folded(self) -> bool:
        return len(self._rows) > FOLD_ABOVE

    @property
    def options(self) -> Sequence[IdeaRow]:
        return self._rows

    @property
    def option_count(self) -> int:
        return len(self._rows)

    @property
    def highlighted_option(self) -> IdeaRow | None:
        return None if self.highlighted is None else self._rows[self.highlighted]

    def get_option_at_index(self, index: int) -> IdeaRow:
        return self._rows[index]

    def get_option_index(self, row_id: str) -> int | None:
        """The index of the row with this id, or None if the list has none."""
        if self._index is None:
            self._index = {row.id: index for index, row in enumerate(self._rows)}
        return self._index.get(row_id)

    def set_options(self, rows: Iterable[IdeaRow]) -> None:
        """Show these rows instead, the cursor on none and the list scrolled to its top."""
        self._rows = list(rows)
        self._index = None
        self._hover = None
        self.highlighted = None
        self.scroll_to(y=0, animate=False, immediate=True)
        self._relayout()

    def add_option(self, row: IdeaRow) -> None:
        self._rows.append(row)
        if self._index is not None:
            self._index[row.id] = len(self._rows) - 1
        self._relayout()

    def remove_option(self, row_id: str) -> None:
        """Take the row out; the cursor moves to the next row (the last if it was last)."""
        index = self.get_option_index(row_id)
        if index is None:
            raise KeyError(row_id)
        del self._rows[index]
        self._index = None
        self._hover = None
        self.highlighted = self.highlighted  # validated: kept within the rows left
        self._relayout()

    def rows_changed(self) -> None:
        """Rows were remade (same rows, same order): draw them again, measuring again only
        what may have changed height."""
        self._relayout()

    def row_changed(self, index: int) -> None:
        """One row was remade: draw its lines again, the rest of the list as it was (the
        whole list is measured and drawn again only if the row's height changed)."""
        width, height = self._row_width(), self.row_height(index)
        if not width or (self._expanded(index) and self._height(index, width) != height):
            self._relayout()
            return
        self.refresh_lines(self._line_of(index), height)

    def row_height(self, index: int) -> int:
        """The lines the row takes on screen now."""
        return next((height for row, height in self._tall if row == index), 1)

    def _row_width(self) -> int:
        return self.scrollable_content_region.width

    def _height(self, index: int, width: int) -> int:
        """The row's height wrapped in full at width (measured once per text and width)."""
        row = self._rows[index]
        key = (row, row.version, width)
        if (height := self._heights.get(key)) is None:
            height = max(1, row.prompt.get_height(cast(RulesMap, self.styles), width))
            self._heights[key] = height
        return height

    def _expanded(self, index: int) -> bool:
        return not self.folded or index == self.highlighted

    def _measure(self, width: int) -> list[tuple[int, int]]:
        if width <= 0:
            return []
        shown = range(len(self._rows)) if not self.folded else (
            [] if self.highlighted is None else [self.highlighted])
        return [(index, height) for index in shown
                if (height := self._height(index, width)) > 1]

    def _relayout(self) -> None:
        """Measure the rows shown in full and size the scrollable area to the lines."""
        width = self._row_width()
        self._tall = self._measure(width)
        virtual_size = Size(width, len(self._rows) + sum(h - 1 for _, h in self._tall))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
        self.refresh()

    def _line_of(self, index: int) -> int:
        return index + sum(height - 1 for row, height in self._tall if row < index)

    def _row_at(self, line: int) -> tuple[int, int]:
        """The row drawn on this line of the whole list, and the line within the row."""
        extra = 0
        for row, height in self._tall:
            first = row + extra
            if line < first:
                break
            if line < first + height:
                return row, line - first
            extra += height - 1
        return line - extra, 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """For a list of auto height: its lines at this width."""
        return len(self._rows) + sum(h - 1 for _, h in self._measure(width))

    def on_resize(self) -> None:
        self._relayout()
        self.scroll_to_highlight()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        self._strips.clear()
        self._heights.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self._row_width()
        index, offset = self._row_at(line)
        if index >= len(self._rows):
            return Strip.blank(width, self.get_visual_style("idea-list--row").rich_style)
        row = self._rows[index]
        if row.disabled:
            style = self.get_visual_style("idea-list--row", "idea-list--row-disabled")
        elif index == self.highlighted:
            style = self.get_visual_style("idea-list--row", "idea-list--row-highlighted")
        elif index == self._hover:
            style = self.get_visual_style("idea-list--row", "idea-list--row-hover")
        else:
            style = self.get_visual_style("idea-list--row")
        strips = self._render_row(row, style, width, self._expanded(index))
        if offset >= len(strips):
            return Strip.blank(width, style.rich_style)
        return strips[offset]

    def _render_row(self, row: IdeaRow, style: Style, width: int, whole: bool) -> list[Strip]:
        """The row wrapped in full, or cut to one line with an ellipsis."""
        key = (row, row.version, style, width, whole)
        if (strips := self._strips.get(key)) is None:
            content = row.prompt if whole else row.prompt.truncate(max(1, width), ellipsis=True)
            strips = [strip.extend_cell_length(width, style.rich_style) for strip in
                      Visual.to_strips(self, content, width, None if whole else 1, style)]
            self._strips[key] = strips
        return strips

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._rows:
            return None
        return min(max(highlighted, 0), len(self._rows) - 1)

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Fold the row left and unfold the new one, show it, and say so."""
        if self.folded:
            self._relayout()
        else:
            self.refresh()
        if highlighted is None:
            return
        self.scroll_to_highlight()
        row = self._rows[highlighted]
        if not row.disabled:
            self.post_message(self.Highlighted(self, row, highlighted))

    def scroll_to_highlight(self) -> None:
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted or not self._row_width():
            return
        self.scroll_to_region(
            Region(0, self._line_of(highlighted), self._row_width(),
                   self.row_height(highlighted)),
            force=True, animate=False, immediate=True)

    def _enabled_from(self, start: int, step: int, wrap: bool) -> int | None:
        """The first row not disabled from start on, going by step (around the ends if wrap)."""
        count = len(self._rows)
        for offset in range(count):
            index = start + offset * step
            if wrap:
                index %= count
            elif not 0 <= index < count:
                return None
            if not self._rows[index].disabled:
                return index
        return None

    def _move(self, step: int) -> None:
        if not self._rows:
            return
        if self.highlighted is None:
            self.highlighted = self._enabled_from(0 if step > 0 else len(self._rows) - 1,
                                                  step, wrap=False)
        else:
            found = self._enabled_from(self.highlighted + step, step, wrap=True)
            self.highlighted = self.highlighted if found is None else found

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_first(self) -> None:
        self.highlighted = self._enabled_from(0, 1, wrap=False)

    def action_last(self) -> None:
        self.highlighted = self._enabled_from(len(self._rows) - 1, -1, wrap=False)

    def _move_page(self, step: int) -> None:
        if self.highlighted is None:
            self.action_first() if step < 0 else self.action_last()
            return
        last_line = self.virtual_size.height - 1
        line = self._line_of(self.highlighted) + step * self.scrollable_content_region.height
        index, _ = self._row_at(min(max(line, 0), last_line))
        found = self._enabled_from(index, step, wrap=False)
        if found is None:
            found = self._enabled_from(index, -step, wrap=False)
        self.highlighted = found

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        row = self.highlighted_option
        if row is not None and self.highlighted is not None and not row.disabled:
            self.post_message(self.Selected(self, row, self.highlighted))

    def _row_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index, _ = self._row_at(self.scroll_offset.y + offset.y)
        return index if index < len(self._rows) else None

    def on_click(self, event: events.Click) -> None:
        index = self._row_under(event)
        if index is not None and not self._rows[index].disabled:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._row_under(event)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
