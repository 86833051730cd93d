"""The room's HTML: one page for participants, one for the board, each with its CSS and a
small script inline and nothing loaded from elsewhere. Every piece of text is escaped.

The inline style and script are allowed by their SHA-256 hashes in the Content-Security-
Policy (`default-src 'self'` otherwise): they never change, so a hash fixed at import time
covers them and no nonce has to be made per response; nothing else inline can run.

Without JavaScript a participant writes through a plain form and a redirect; with it the page
follows the workshop live (Server-Sent Events carry the live part of the page, as HTML made
here) and posts without reloading.
"""

import base64
import functools
import hashlib
from html import escape

from okrtui.i18n import Catalog, catalog
from okrtui.room.limits import Limits
from okrtui.room.room import BoardView, ParticipantView, Status

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:18px/1.4 system-ui,sans-serif;color:#111;background:#f6f6f2}
main,header,footer{max-width:40rem;margin:0 auto;padding:.75rem 1rem}
h1{font-size:1.3rem;margin:.2rem 0}
h2{font-size:1.05rem;margin:1rem 0 .3rem}
.question{font-weight:600}
.phase{color:#444}
.timer{font-variant-numeric:tabular-nums;font-weight:700}
textarea,input[type=text]{width:100%;font:inherit;padding:.5rem;border:1px solid #888;
border-radius:.3rem}
button{font:inherit;padding:.5rem 1rem;margin-top:.4rem;border:0;border-radius:.3rem;
background:#1d4ed8;color:#fff;min-height:44px}
button.less{background:#666}
ul{padding-left:1.2rem}
li{margin:.3rem 0;overflow-wrap:anywhere}
.ballot li{list-style:none;margin-left:-1.2rem;padding:.4rem 0;border-bottom:1px solid #ddd}
.ballot form{display:inline}
.note{font-weight:600;color:#7c2d12}
.board{font-size:28px}
.board main{max-width:none;display:grid;grid-template-columns:1fr minmax(12rem,18rem);gap:2rem}
.board h1{font-size:2.2rem}
.qr svg{width:100%;height:auto}
.qr p{overflow-wrap:anywhere;font-size:1rem}
@media (max-width:700px){.board main{grid-template-columns:1fr}}
"""

SCRIPT = """
(() => {
  const live = document.getElementById('live');
  const note = document.getElementById('note');
  const mine = document.getElementById('mine');
  let arrived = Date.now();
  const tick = () => {
    for (const t of document.querySelectorAll('[data-remaining]')) {
      let left = Number(t.dataset.remaining);
      if (t.dataset.running === '1') {
        left = Math.max(0, left - Math.floor((Date.now() - arrived) / 1000));
      }
      t.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    }
  };
  setInterval(tick, 1000);
  if (document.body.dataset.events && window.EventSource) {
    const source = new EventSource(document.body.dataset.events);
    source.onmessage = (event) => {
      const field = live.querySelector('textarea');
      const draft = field ? field.value : '';
      const focused = field !== null && document.activeElement === field;
      live.innerHTML = JSON.parse(event.data).html;
      arrived = Date.now();
      tick();
      const again = live.querySelector('textarea');
      if (again) { again.value = draft; if (focused) again.focus(); }
    };
  }
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!form.dataset.live || !window.fetch) return;
    event.preventDefault();
    try {
      const response = await fetch(form.action, {
        method: 'POST', body: new URLSearchParams(new FormData(form)),
        headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
      const answer = await response.json();
      if (note) note.textContent = answer.message || '';
      if (response.ok && form.dataset.live === 'idea') {
        if (mine && answer.text) {
          const item = document.createElement('li');
          item.textContent = answer.text;
          mine.querySelector('ul').append(item);
          mine.hidden = false;
        }
        form.reset();
      }
    } catch (error) {
      form.submit();
    }
  });
})();
"""


def _hash(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; script-src 'sha256-{_hash(SCRIPT)}'; "
    f"style-src 'sha256-{_hash(STYLE)}'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _document(tr: Catalog, title: str, body: str, events: str = "",
              board: bool = False) -> str:
    attributes = f' data-events="{_text(events)}"' if events else ""
    if board:
        attributes += ' class="board"'
    return (f'<!doctype html>\n<html lang="{_text(tr.language)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="referrer" content="no-referrer"><title>{_text(title)}</title>'
            f"<style>{STYLE}</style></head><body{attributes}>{body}"
            f"<script>{SCRIPT}</script></body></html>")


@functools.lru_cache(maxsize=16)
def _status(status: Status) -> str:
    """The top of every page: made once for all the pages a change wakes."""
    tr = catalog(status.language)
    phase = tr("room.level_phase", level=tr(f"level.{status.level}.name"),
               phase=tr(f"phase.{status.phase}"))
    paused = "" if status.running else f" {_text(tr('room.timer_paused'))}"
    clock = (f'<span class="timer" data-remaining="{status.remaining}" '
             f'data-running="{int(status.running)}">{_clock(status.remaining)}</span>')
    timer = _text(tr("room.timer", time="\0")).replace("\0", clock)
    return (f"<h1>{_text(status.title)}</h1><p class=\"phase\">{_text(phase)} · {timer}{paused}"
            f"</p><p class=\"question\">{_text(tr(f'level.{status.level}.question'))}</p>")


def _list(items: tuple[str, ...] | list[str], empty: str) -> str:
    if not items:
        return f"<p>{_text(empty)}</p>"
    return "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>"


# The participant's page -------------------------------------------------------------------


def participant_fragment(view: ParticipantView, token: str, limits: Limits) -> str:
    """The live part of the participant's page."""
    tr = catalog(view.status.language)
    parts = [_status(view.status)]
    base = f"/j/{_text(token)}"
    if not view.joined:
        parts.append(f"<h2>{_text(tr('room.join_heading'))}</h2>"
                     f'<form method="post" action="{base}/join">')
        if view.anonymous:
            parts.append(f"<p>{_text(tr('room.anonymous_join'))}</p>")
        else:
            parts.append(f'<label for="name">{_text(tr("room.name_label"))}</label>'
                         f'<input type="text" id="name" name="name" required '
                         f'maxlength="{limits.name_chars}" autocomplete="nickname">')
        parts.append(f'<button type="submit">{_text(tr("room.join"))}</button></form>')
        return "".join(parts)
    if view.name and not view.anonymous:
        parts.append(f"<p>{_text(tr('room.joined_as', name=view.name))}</p>")
    if view.can_write:
        parts.append(f'<form method="post" action="{base}/idea" data-live="idea">'
                     f'<label for="idea">{_text(tr("room.write_label"))}</label>'
                     f'<textarea id="idea" name="text" rows="3" required '
                     f'maxlength="{limits.idea_chars}"></textarea>'
                     f'<button type="submit">{_text(tr("room.send"))}</button></form>')
        if not view.anonymous:
            parts.append(f"<h2>{_text(tr('room.own_ideas'))}</h2>"
                         + _list(view.own_ideas, tr("room.no_own_ideas")))
    elif view.can_vote:
        parts.append(f"<p><strong>{_text(tr('room.dots_left', count=view.dots_left))}"
                     "</strong></p>")
        rows = []
        for ballot in view.ballot:
            idea = _text(ballot.idea_id)
            rows.append(
                f"<li>{_text(ballot.text)}<br>{_text(tr('room.my_dots', count=ballot.my_dots))} "
                f'<form method="post" action="{base}/dot" data-live="dot">'
                f'<input type="hidden" name="idea" value="{idea}">'
                f'<input type="hidden" name="step" value="1">'
                f'<button type="submit">{_text(tr("room.add_dot"))}</button></form> '
                f'<form method="post" action="{base}/dot" data-live="dot">'
                f'<input type="hidden" name="idea" value="{idea}">'
                f'<input type="hidden" name="step" value="-1">'
                f'<button type="submit" class="less">{_text(tr("room.remove_dot"))}</button>'
                "</form></li>")
        parts.append(f'<ul class="ballot">{"".join(rows)}</ul>' if rows
                     else f"<p>{_text(tr('room.no_ideas'))}</p>")
    else:
        parts.append(f"<p>{_text(tr('room.waiting'))}</p>")
    return "".join(parts)


NOTES = ("sent",)
"""The messages a redirect may ask the page to show (?note=sent), by catalog key."""


def participant_page(view: ParticipantView, token: str, limits: Limits,
                     note: str | None = None) -> str:
    tr = catalog(view.status.language)
    message = _text(tr(f"room.{note}")) if note in NOTES else ""
    mine = ""
    if view.joined and view.anonymous:
        mine = (f'<section id="mine" hidden><h2>{_text(tr("room.own_ideas"))}</h2><ul></ul>'
                "</section>")
    body = (f'<main><div id="live">{participant_fragment(view, token, limits)}</div>'
            f'<p id="note" class="note" role="status">{message}</p>{mine}</main>')
    events = f"/j/{token}/events" if view.joined else ""
    return _document(tr, view.status.title, body, events)


# The board ----------------------------------------------------------------------------------


def board_fragment(view: BoardView) -> str:
    tr = catalog(view.status.language)
    parts = [_status(view.status)]
    if view.hidden_ideas:
        parts.append("<p><strong>" + _text(tr(
            "room.hidden", ideas=tr("silent.ideas", count=view.hidden_ideas),
            people=tr("silent.people", count=view.hidden_people))) + "</strong></p>")
    if view.ranking:
        parts.append(f"<h2>{_text(tr('room.ranking'))}</h2><ul>" + "".join(
            f"<li>{ranked.rank}. ({ranked.dots}) {_text(ranked.text)}</li>"
            for ranked in view.ranking) + "</ul>")
    else:
        if view.status.phase == "converge":
            parts.append("<p>" + _text(tr("room.voted", done=view.voted, total=view.voters))
                         + "</p>")
        parts.append(f"<h2>{_text(tr('room.ideas'))}</h2>"
                     + _list(view.ideas, tr("room.no_ideas")))
    parts.append(f"<h2>{_text(tr('room.objectives'))}</h2>")
    if view.objectives:
        parts.append("<ol>" + "".join(
            f"<li>{_text(o.text)}" + (_list(o.key_results, "") if o.key_results else "")
            + "</li>" for o in view.objectives) + "</ol>")
    else:
        parts.append(f"<p>{_text(tr('room.no_objectives'))}</p>")
    return "".join(parts)


def board_page(view: BoardView, token: str, join_url: str, qr_svg: str) -> str:
    """qr_svg: the join link's QR code as inline SVG, made by okrtui.room.qr (markup, not
    user text: it holds no text, only paths)."""
    tr = catalog(view.status.language)
    body = (f'<main><div id="live">{board_fragment(view)}</div>'
            f'<aside class="qr"><h2>{_text(tr("room.scan"))}</h2>{qr_svg}'
            f"<p>{_text(join_url)}</p></aside></main>")
    return _document(tr, view.status.title, body, f"/b/{token}/events", board=True)


def message_page(language: str, message: str, back: str | None = None) -> str:
    """A refusal or a confirmation for a page without JavaScript, with a link back."""
    tr = catalog(language)
    link = f'<p><a href="{_text(back)}">{_text(tr("room.back"))}</a></p>' if back else ""
    return _document(tr, message, f'<main><p class="note">{_text(message)}</p>{link}</main>')
