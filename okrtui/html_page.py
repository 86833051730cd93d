"""What every self-contained HTML page okrtui writes shares (the session export and the
company report): one escaping of user text, one head whose policy loads nothing and allows
only the page's own style sheet (by its sha256), and the colours of the confidence states
with the progress bar drawn in them (okrtui.svg.progress_bar)."""

import base64
import hashlib
import re

_NOT_XML = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

STATE_CSS = """\
:root { --on_track: #1a7f37; --at_risk: #9a6700; --off_track: #cf222e; --no_state: #6e7781;
  --bar_track: #f6f8fa; --bar_line: #d1d9e0; --bar_unknown: #59636e; }
svg.bar .track { fill: var(--bar_track); stroke: var(--bar_line);
  vector-effect: non-scaling-stroke; }
svg.bar .fill.on_track { fill: var(--on_track); }
svg.bar .fill.at_risk { fill: var(--at_risk); }
svg.bar .fill.off_track { fill: var(--off_track); }
svg.bar .fill.no_state { fill: var(--no_state); }
svg.bar .unknown { fill: none; stroke: var(--bar_unknown); stroke-dasharray: 4 3;
  vector-effect: non-scaling-stroke; }
"""


def escape(text: str) -> str:
    """Text as HTML or XML character data or attribute value: & < > " ' escaped, and the
    characters XML refuses or a terminal would obey (controls but tab and newline, lone
    surrogates) removed."""
    return (_NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;"))


def policy(css: str) -> str:
    """The Content-Security-Policy of a page whose only style sheet is css."""
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return (f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; "
            "form-action 'none'")


def page(title: str, language: str, css: str, body: str) -> str:
    """A whole HTML document around body (already escaped markup), styled by STATE_CSS then
    css."""
    style = STATE_CSS + css
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy(style)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
