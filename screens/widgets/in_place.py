"""Showing new text in a Static of auto height without laying out the whole screen again
when its height stays the same: with the room open, each idea posted changed two counts, and
each change laid out and drew the screen again (~20 ms of the ~43 ms an idea cost)."""

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets import Static


def same_content(shown: object, content: Content) -> bool:
    """The same text with the same styles (Content's == compares the text only)."""
    return (isinstance(shown, Content) and shown.plain == content.plain
            and shown.spans == content.spans)


def show_in_place(widget: Static, content: Content) -> None:
    """Show content in widget: nothing when it shows it already, a repaint of the widget
    alone when the lines it takes at its width stay as many, else a layout."""
    if same_content(widget.content, content):
        return
    width, height = widget.content_size
    styles = cast(RulesMap, widget.styles)
    fixed_width = widget.styles.width is None or not widget.styles.width.is_auto
    layout = not (width and fixed_width and content.get_height(styles, width) == height)
    widget.update(content, layout=layout)
