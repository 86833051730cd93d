"""What the terminal shows: the current screen's lines as plain text, and the notifications as
they are drawn (title and message, never parsed as markup)."""

from textual.app import App
from textual.widgets._toast import Toast


def screen_text(app: App) -> str:
    """The characters on the terminal now (the current screen, toasts included), one line
    per row."""
    screen = app.screen
    return "\n".join(strip.text for strip in screen._compositor.render_strips(screen.size))


def toast_texts(app: App) -> list[str]:
    """The text of every toast on screen, as Textual renders it (title, newline, message)."""
    return [toast.render().plain for toast in app.screen.query(Toast)]


def drawn_toasts(app: App) -> list[str]:
    """Every toast as the cells of the screen show it, without its spaces and line breaks
    (a toast wraps its text where it likes, even inside a long word, and draws a bar on its
    left): compare with squeezed(text)."""
    screen = app.screen
    strips = screen._compositor.render_strips(screen.size)
    drawn = []
    for toast in screen.query(Toast):
        region = toast.region
        rows = [strips[y].crop(region.x, region.right).text.replace("▌", "")
                for y in range(region.y, region.bottom)]
        drawn.append(squeezed("".join(rows)))
    return drawn


def squeezed(text: str) -> str:
    """text without its spaces and line breaks."""
    return "".join(text.split())
