"""Small inline SVG pictures for the HTML export: a progress bar, a trend of check-ins and a
bar chart. Every text they hold is escaped; each has a <title> that says in words what it
draws, so that nothing is told by colour or shape alone."""

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text as HTML or XML character data or attribute value: & < > " ' escaped, and the
    characters XML refuses (controls, lone surrogates) removed."""
    return (_NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;"))


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, title: str, body: str, css_class: str,
         stretch: bool = False) -> str:
    fit = ' preserveAspectRatio="none"' if stretch else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" '
            f'viewBox="0 0 {_number(width)} {_number(height)}"{fit}>'
            f"<title>{escape(title)}</title>{body}</svg>")


def progress_bar(ratio: float | None, title: str, state: str | None = None) -> str:
    """A bar from baseline (left) to target (right), filled up to ratio (clamped to 0–1;
    None: unknown, drawn empty and hatched). state names the fill's colour class."""
    width, height = 200, 12
    track = (f'<rect class="track" x="0" y="0" width="{width}" height="{height}" rx="3"/>')
    if ratio is None:
        fill = (f'<rect class="unknown" x="0" y="0" width="{width}" height="{height}" '
                'rx="3"/>')
    else:
        filled = width * min(1.0, max(0.0, ratio))
        fill = (f'<rect class="fill {escape(state or "no_state")}" x="0" y="0" '
                f'width="{_number(filled)}" height="{height}" rx="3"/>')
    return _svg(width, height, title, track + fill, "bar", stretch=True)


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
