"""The floor: a bare Textual app showing one line and a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare-marker")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
