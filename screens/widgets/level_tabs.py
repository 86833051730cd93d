"""The level names above the panes, and the bar beneath marking the level on screen: one
widget (Textual's TabbedContent is a dozen, and cost ~0.1 s of the first frame)."""

from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class LevelTabs(Widget):
    DEFAULT_CSS = """
    LevelTabs {
        height: 2;
        width: 1fr;
    }
    """

    active: reactive[str] = reactive("")

    class Chosen(Message):
        """A level name was clicked."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, titles: list[tuple[str, str]], active: str, id: str | None = None) -> None:
        """titles: (level, title shown) pairs, in order."""
        super().__init__(id=id)
        self.titles = titles
        self.set_reactive(LevelTabs.active, active)

    @property
    def labels(self) -> list[str]:
        return [title for _, title in self.titles]

    def spans(self) -> list[tuple[int, int, str]]:
        """(first cell, end cell, level) of each title, padded by a cell on each side."""
        spans, x = [], 0
        for name, title in self.titles:
            width = Content(title).cell_length + 2
            spans.append((x, x + width, name))
            x += width + 1
        return spans

    def render(self) -> Content:
        names: list[Content] = []
        bar: list[Content] = []
        end = 0
        for (start, end, name), (_, title) in zip(self.spans(), self.titles, strict=True):
            chosen = name == self.active
            names.append(Content.styled(f" {title} ", "bold" if chosen else "$text-muted"))
            bar.append(Content.styled("━" * (end - start),
                                      "$accent" if chosen else "$foreground 15%"))
        rest = Content.styled("━" * max(0, self.size.width - end), "$foreground 15%")
        return Content("\n").join([Content(" ").join(names),
                                   Content.styled("━", "$foreground 15%").join(bar) + rest])

    def on_click(self, event: Click) -> None:
        for start, end, name in self.spans():
            if start <= event.x < end:
                self.post_message(self.Chosen(name))
                return
