"""Small inline SVG pictures for the HTML pages: a progress bar, a trend of check-ins and a
bar chart. Every text they hold is escaped; each has a <title> that says in words what it
draws, so that nothing is told by colour or shape alone."""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from okrtui.html_page import escape


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, title: str, body: str, css_class: str,
         stretch: bool = False) -> str:
    fit = ' preserveAspectRatio="none"' if stretch else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" '
            f'viewBox="0 0 {_number(width)} {_number(height)}"{fit}>'
            f"<title>{escape(title)}</title>{body}</svg>")


def progress_bar(parts: Sequence[tuple[str, float]] | None, title: str) -> str:
    """A bar from baseline (left) to target (right): a track, then each (state, share) in
    turn, the shares clamped to what is left of the bar; None: unknown, drawn empty and
    hatched. A state names its colour class (okrtui.html_page.STATE_CSS)."""
    width, height = 200, 12
    shapes = [f'<rect class="track" x="0" y="0" width="{width}" height="{height}" rx="3"/>']
    if parts is None:
        shapes.append(f'<rect class="unknown" x="0" y="0" width="{width}" height="{height}" '
                      'rx="3"/>')
    ends, end = [], 0.0
    for state, share in parts or ():
        start, end = end, min(1.0, end + max(0.0, share))
        if end > start:
            ends.append((state, end))
    shapes += [f'<rect class="fill {escape(state)}" x="0" y="0" width="{_number(width * end)}" '
               f'height="{height}" rx="3"/>' for state, end in reversed(ends)]
    return _svg(width, height, title, "".join(shapes), "bar", stretch=True)


def sparkline(values: Sequence[float], title: str, baseline: float | None = None,
              target: float | None = None) -> str:
    """The check-ins' values, oldest first, as a line with a dot per check-in, between a
    faint baseline and a dashed target line when they are known."""
    width, height, pad = 120, 32, 4
    marks = [v for v in (baseline, target) if v is not None]
    low, high = min([*values, *marks]), max([*values, *marks])
    span = (high - low) or 1.0

    def y(value: float) -> float:
        return height - pad - (value - low) / span * (height - 2 * pad)

    def x(index: int) -> float:
        return pad + (index / (len(values) - 1) * (width - 2 * pad) if len(values) > 1
                      else (width - 2 * pad) / 2)

    body = []
    for value, css_class in ((baseline, "baseline"), (target, "target")):
        if value is not None:
            body.append(f'<line class="{css_class}" x1="0" x2="{width}" y1="{_number(y(value))}" '
                        f'y2="{_number(y(value))}"/>')
    points = " ".join(f"{_number(x(i))},{_number(y(v))}" for i, v in enumerate(values))
    if len(values) > 1:
        body.append(f'<polyline class="trend" points="{points}"/>')
    body += [f'<circle class="point" cx="{_number(x(i))}" cy="{_number(y(v))}" r="2.5"/>'
             for i, v in enumerate(values)]
    return _svg(width, height, title, "".join(body), "spark")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    caption: str
    """What is written after the bar: « 5 gommettes »."""


def bar_chart(bars: Sequence[Bar], title: str, wrap: int = 42) -> str:
    """Horizontal bars, longest first as given: each label (wrapped on several lines) above
    its bar, the caption after the bar."""
    width, line, bar_height, gap = 360, 16, 12, 10
    most = max((bar.value for bar in bars), default=0) or 1
    body, y = [], 0.0
    for bar in bars:
        lines = textwrap.wrap(bar.label, wrap) or [""]
        for text in lines:
            y += line
            body.append(f'<text class="label" x="0" y="{_number(y - 3)}">{escape(text)}</text>')
        length = (width - 90) * bar.value / most
        body.append(f'<rect class="dots" x="0" y="{_number(y + 2)}" width="{_number(length)}" '
                    f'height="{bar_height}" rx="2"/>')
        body.append(f'<text class="count" x="{_number(length + 6)}" '
                    f'y="{_number(y + bar_height)}">{escape(bar.caption)}</text>')
        y += bar_height + gap
    return _svg(width, y, title, "".join(body), "chart")
