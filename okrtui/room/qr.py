"""The join link's QR code: as lines of half-block characters for the terminal (two rows of
modules per line, so that it stays square in a cell twice as tall as wide), and as inline
SVG for the board."""

import functools

import segno

_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
BORDER = 4
"""The quiet zone the standard asks for, in modules: without it phones fail to read it."""


@functools.lru_cache(maxsize=4)
def _code(url: str) -> segno.QRCode:
    """Made once per link (~35 ms): the screen shows it again after every change."""
    return segno.make(url, error="m", micro=False)


def qr_lines(url: str) -> list[str]:
    """The QR code as text lines, dark modules drawn LIGHT on a dark terminal: a block
    stands for a light module (the quiet zone is light), so that the code reads on a
    terminal with a dark background. Show it in the terminal's default colours reversed
    if the background is light."""
    return list(_lines(url))


@functools.lru_cache(maxsize=4)
def _lines(url: str) -> tuple[str, ...]:
    rows = [[not dark for dark in row] for row in _code(url).matrix_iter(border=BORDER)]
    if len(rows) % 2:
        rows.append([True] * len(rows[0]))
    return tuple("".join(_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
                 for upper, lower in zip(rows[::2], rows[1::2], strict=True))


@functools.lru_cache(maxsize=4)
def qr_svg(url: str) -> str:
    """The QR code as an <svg> element that scales with its box (viewBox, no size), dark on
    white whatever the page's colours."""
    svg: str = _code(url).svg_inline(border=BORDER, omitsize=True, dark="#000", light="#fff")
    return svg
