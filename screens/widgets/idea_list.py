"""A list of ideas that costs the same with ten ideas or fifty thousand. Up to FOLD_ABOVE ideas
every row shows its whole text; past that each row is one line (cut with an ellipsis) and only
the row under the cursor is wrapped in full. A row's text is built the first time it is shown."""

from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any, Self, cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

FOLD_ABOVE = 100
"""Ideas a list shows in full; wrapping a row costs ~0.2 ms, so 100 rows cost ~20 ms."""


class LazyOption(Option):
    """An option whose prompt is made, as make_prompt(source, count), when the list first
    needs it (a row scrolled into view, or the one under the cursor). A list rebuilt keeps
    its options and calls remake: with 50,000 ideas, 16,700 new options at each undo made
    Python's garbage collector walk every object (~0.3 s)."""

    def __init__(self, make_prompt: Callable[[Any, int], Content], id: str, source: Any,
                 count: int = 0) -> None:
        super().__init__("", id=id)
        self._make_prompt = make_prompt
        self.remake(source, count)

    def remake(self, source: Any, count: int = 0) -> None:
        """Make the prompt again, from source and count, when it is next needed."""
        self._source = source
        self._count = count
        self._stale = True
        self._visual = None

    @property
    def prompt(self) -> VisualType:
        if self._stale:
            self._prompt = self._make_prompt(self._source, self._count)
            self._stale = False
        return self._prompt

    def _set_prompt(self, prompt: VisualType) -> None:
        self._stale = False
        super()._set_prompt(prompt)


class IdeaList(OptionList):
    """An OptionList whose rows, in a long list, are one line each except the highlighted one.
    Textual's own wraps every option to measure it: 0.3–0.45 s for 1,700 ideas before the
    first frame."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._line_renders: dict[tuple[Option, Style, int], list[Strip]] = {}

    def _row_width(self) -> int:
        return self.scrollable_content_region.width - self._get_left_gutter_width()

    @property
    def folded(self) -> bool:
        return len(self.options) > FOLD_ABOVE

    def _unfolded(self, index: int | None) -> bool:
        return not self.folded or index == self.highlighted

    def _expanded_height(self, index: int, width: int) -> int:
        padding = self.get_component_styles("option-list--option").padding
        visual = self._get_visual(self.options[index])
        # Textual passes its styles as RulesMap the same way (OptionList.get_content_height)
        rules = cast(RulesMap, self.styles)
        return max(1, visual.get_height(rules, width - padding.width))

    def _update_lines(self) -> None:
        """Rows measured from the first not yet measured; folded, only the highlighted one."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        width = self._row_width()
        first, end = (lines[-1][0] + 1 if lines else 0), len(self.options)
        highlighted = self.highlighted
        if not self.folded:
            self._add_rows(range(first, end), width)
        elif highlighted is not None and first <= highlighted < end:
            self._add_rows(range(first, highlighted), width, folded=True)
            self._add_rows(range(highlighted, highlighted + 1), width)
            self._add_rows(range(highlighted + 1, end), width, folded=True)
        else:
            self._add_rows(range(first, end), width, folded=True)
        virtual_size = Size(width, len(lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _add_rows(self, rows: range, width: int, folded: bool = False) -> None:
        """Append rows to the line cache: folded, one line each, in bulk (50,000 rows: 5 ms);
        else each measured at width."""
        cache = self._line_cache
        if folded:
            base = len(cache.lines)
            cache.lines.extend(zip(rows, repeat(0)))
            cache.index_to_line.update(zip(rows, range(base, base + len(rows)), strict=True))
            cache.heights.update(zip(rows, repeat(1)))
            return
        for index in rows:
            height = self._expanded_height(index, width)
            cache.index_to_line[index] = len(cache.lines)
            cache.heights[index] = height
            cache.lines.extend((index, offset) for offset in range(height))

    def _forget_lines_from(self, index: int) -> None:
        """Measure rows again from index on (a row above it is unchanged)."""
        cache = self._line_cache
        first_line = cache.index_to_line.get(index)
        if first_line is None:
            return
        del cache.lines[first_line:]
        for forgotten in range(index, len(self.options)):
            cache.index_to_line.pop(forgotten, None)
            cache.heights.pop(forgotten, None)

    # Textual calls a watcher with (old, new) when it takes two parameters; OptionList's takes one.
    def watch_highlighted(  # type: ignore[override]
        self, old: int | None, new: int | None
    ) -> None:
        """The row left folds to one line and the new one unfolds: only rows from the first
        of the two are measured again, and only if either is taller than a line."""
        heights = self._line_cache.heights
        width = self._row_width()
        changed = [index for index in (old, new) if index is not None and width > 0
                   and self.folded and index < len(self.options)
                   and heights.get(index, 1) != (self._expanded_height(index, width)
                                                 if index == new else 1)]
        if changed:
            self._forget_lines_from(min(changed))
            self.refresh()
        super().watch_highlighted(new)

    def rows_remade(self) -> None:
        """The options' prompts were made again (same options, same order): draw them again,
        measuring again only what may have changed height (a folded list: the highlighted
        row). Cheaper than set_options with 16,700 rows: no index rebuilt, nothing re-laid."""
        self._line_renders.clear()
        self._option_render_cache.clear()
        if self.folded and self.highlighted is not None:
            self._forget_lines_from(self.highlighted)
        else:
            self._line_cache.clear()
        self._update_lines()
        self.refresh()

    def _clear_caches(self) -> None:
        self._line_renders.clear()
        super()._clear_caches()

    def clear_options(self) -> Self:
        self._line_renders.clear()
        return super().clear_options()

    def set_options(self, options: "Iterable[Option | VisualType | None]") -> Self:
        self._line_renders.clear()
        return super().set_options(options)

    def add_options(self, new_options: "Iterable[Option | VisualType | None]") -> Self:
        was_folded = self.folded
        super().add_options(new_options)
        if self.folded != was_folded:  # the rows measured in full are now one line each
            self._clear_caches()
            self._update_lines()
        return self

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """The highlighted row wrapped in full (as Textual does), any other cut to a line."""
        if self._unfolded(self._option_to_index.get(option)):
            return super()._get_option_render(option, style)
        width = self._row_width()
        key = (option, style, width)
        if (strips := self._line_renders.get(key)) is None:
            padding = self.get_component_styles("option-list--option").padding
            visual = self._get_visual(option)
            if isinstance(visual, Content):
                visual = visual.truncate(max(1, width - padding.width), ellipsis=True)
            if padding:
                visual = Padding(visual, padding)
            strips = visual.to_strips(self, visual, width, 1, style)
            meta = {"option": self._option_to_index[option]}
            strips = [strip.extend_cell_length(width, style.rich_style).apply_meta(meta)
                      for strip in strips]
            if len(self._line_renders) > 2048:
                self._line_renders.clear()
            self._line_renders[key] = strips
        return strips

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """For a list of auto height: folded, a line per idea and the highlighted one whole."""
        if not self.folded:
            return super().get_content_height(container, viewport, width)
        padding = self.get_component_styles("option-list--option").padding
        highlighted = self.highlighted_option
        extra = 0 if highlighted is None else self._get_visual(highlighted).get_height(
            cast(RulesMap, self.styles), width - padding.width) - 1
        return len(self.options) + max(0, extra)
