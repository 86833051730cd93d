"""What the terminal shows: the current screen's lines as plain text, and the last notification
as it is drawn (title and message, never parsed as markup)."""

from textual.app import App
from textual.widgets._toast import Toast


def screen_text(app: App) -> str:
    """The characters on the terminal now (the current screen, toasts included), one line
    per row."""
    screen = app.screen
    return "\n".join(strip.text for strip in screen._compositor.render_strips(screen.size))


def toast_texts(app: App) -> list[str]:
    """The text of every toast on screen, as Textual draws it (title, newline, message)."""
    return [toast.render().plain for toast in app.screen.query(Toast)]
