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
html{-webkit-text-size-adjust:100%}
body{margin:0;font:18px/1.45 system-ui,sans-serif;color:#111;background:#f4f4ef}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.35em;line-height:1.2;margin:0 0 .25em}
h2{font-size:1.1em;margin:1.2em 0 .4em}
p{margin:.5em 0}
.status{border-bottom:1px solid #d4d4cc;padding-bottom:.5em;margin-bottom:.8em}
.phase{color:#444;margin:0}
.timer{font-variant-numeric:tabular-nums;font-weight:700;white-space:nowrap}
.question{font-weight:600;font-size:1.05em}
.who{color:#444}
label{display:block;font-weight:600;margin-bottom:.25em}
textarea,input[type=text]{display:block;width:100%;font:inherit;padding:.6em;
border:1px solid #888;border-radius:.4em;background:#fff}
textarea{resize:vertical}
button{font:inherit;padding:.55em 1.2em;margin-top:.6em;border:0;border-radius:.4em;
background:#1d4ed8;color:#fff;min-height:48px;cursor:pointer}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
ul,ol{padding-left:1.4em}
li{margin:.35em 0;overflow-wrap:anywhere}
.left{position:sticky;top:0;z-index:1;background:#f4f4ef;margin:0;padding:.5em 0;
font-weight:700;border-bottom:1px solid #d4d4cc}
.ballot{list-style:none;padding:0;margin:0}
.ballot li{margin:0;padding:.7em 0;border-bottom:1px solid #d4d4cc}
.ballot .idea{margin:0 0 .35em}
.dots{display:flex;align-items:center;gap:.5em}
.dots span{flex:1;color:#333}
.dots form{margin:0}
.dots button{margin:0;width:48px;padding:0;font-size:1.4em;line-height:1}
.dots button.less{background:#fff;color:#1d4ed8;border:2px solid #1d4ed8}
.dots button:disabled{opacity:.35;cursor:default}
.note{font-weight:600;color:#7c2d12;background:#fff7ed;border:1px solid #fdba74;
border-radius:.4em;padding:.6em .8em;position:sticky;bottom:.5em;overflow-wrap:anywhere}
.note.ok{color:#14532d;background:#f0fdf4;border-color:#86efac}
.note:empty{display:none}
@media (min-width:700px){body:not(.board) main{background:#fff;margin:2rem auto;
padding:1.5rem 2rem;border-radius:.8rem;box-shadow:0 1px 4px #0002}
body:not(.board) .left{background:#fff}}
.board{font-size:clamp(18px,1.9vw,36px)}
.board main{max-width:none;display:grid;grid-template-columns:1fr minmax(8em,30vw);
gap:1.5em;padding:1em 1.5em}
.board h1{font-size:1.6em}
.board h2{color:#333;border-bottom:2px solid #d4d4cc;padding-bottom:.1em}
.board .hidden{font-size:1.2em;font-weight:700}
.ranking{list-style:none;padding:0}
.ranking li{display:grid;grid-template-columns:2em 1fr auto;gap:.5em;align-items:baseline}
.ranking .rank{font-weight:700;text-align:right}
.ranking .count{color:#444;white-space:nowrap;font-variant-numeric:tabular-nums}
.objectives>li{margin-bottom:.6em;font-weight:600}
.objectives li li{font-weight:400}
.qr h2{margin-top:0}
.qr svg{display:block;width:100%;max-width:70vh;height:auto}
.qr p{overflow-wrap:anywhere;font-size:.7em}
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
  // A projector cannot scroll: the board's type shrinks until the whole board fits.
  const fit = () => {
    const body = document.body;
    if (!body.classList.contains('board')) return;
    body.style.fontSize = '';
    if (window.innerWidth < 700) return;
    let size = parseFloat(getComputedStyle(body).fontSize);
    while (document.documentElement.scrollHeight > window.innerHeight && size > 12) {
      size -= 1;
      body.style.fontSize = size + 'px';
    }
  };
  fit();
  window.addEventListener('resize', fit);
  if (document.body.dataset.events && window.EventSource) {
    const source = new EventSource(document.body.dataset.events);
    source.onmessage = (event) => {
      const field = live.querySelector('textarea');
      const draft = field ? field.value : '';
      const focused = field !== null && document.activeElement === field;
      const phase = live.querySelector('[data-phase]');
      live.innerHTML = JSON.parse(event.data).html;
      const now = live.querySelector('[data-phase]');
      if (note && phase && now && phase.dataset.phase !== now.dataset.phase) {
        note.textContent = '';
      }
      arrived = Date.now();
      tick();
      fit();
      const again = live.querySelector('textarea');
      if (again) { again.value = draft; if (focused) again.focus(); }
    };
  }
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!form.dataset.live || !window.fetch) return;
    event.preventDefault();
    const sent = new FormData(form);
    try {
      const response = await fetch(form.action, {
        method: 'POST', body: new URLSearchParams(sent),
        headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
      const answer = await response.json();
      if (note) {
        note.textContent = answer.message || '';
        note.className = response.ok ? 'note ok' : 'note';
      }
      if (response.ok && form.dataset.live === 'idea') {
        if (mine && answer.text) {
          const item = document.createElement('li');
          item.textContent = answer.text;
          mine.querySelector('ul').append(item);
          mine.hidden = false;
        }
        form.reset();
        // The live part may have been redrawn, keeping the draft, before this answer.
        const field = live.querySelector('textarea');
        if (field && field.value === sent.get('text')) field.value = '';
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
            f'<meta name="referrer" content="same-origin"><title>{_text(title)}</title>'
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
    return (f'<header class="status" data-phase="{status.phase}"><h1>{_text(status.title)}'
            f'</h1><p class="phase">{_text(phase)} · {timer}{paused}</p><p class="question">'
            f"{_text(tr(f'level.{status.level}.question'))}</p></header>")


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
        parts.append(f'<p class="who">{_text(tr("room.joined_as", name=view.name))}</p>')
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
        parts.append(f'<p class="left">{_text(tr("room.dots_left", count=view.dots_left))}'
                     "</p>")
        rows = []
        for ballot in view.ballot:
            rows.append(
                f'<li><p class="idea">{_text(ballot.text)}</p><div class="dots">'
                f"<span>{_text(tr('room.my_dots', count=ballot.my_dots))}</span>"
                + _dot_form(base, ballot.idea_id, -1, tr("room.remove_dot"), ballot.my_dots > 0)
                + _dot_form(base, ballot.idea_id, 1, tr("room.add_dot")) + "</div></li>")
        parts.append(f'<ul class="ballot">{"".join(rows)}</ul>' if rows
                     else f"<p>{_text(tr('room.no_ideas'))}</p>")
    else:
        parts.append(f"<p>{_text(tr('room.waiting'))}</p>")
    return "".join(parts)


def _dot_form(base: str, idea_id: str, step: int, label: str, enabled: bool = True) -> str:
    """A button that adds (step 1) or takes back (-1) a dot: a sign, named in full."""
    sign, kind = ("+", "more") if step > 0 else ("−", "less")
    disabled = "" if enabled else " disabled"
    return (f'<form method="post" action="{base}/dot" data-live="dot">'
            f'<input type="hidden" name="idea" value="{_text(idea_id)}">'
            f'<input type="hidden" name="step" value="{step}">'
            f'<button type="submit" class="{kind}" aria-label="{_text(label)}" '
            f'title="{_text(label)}"{disabled}>{sign}</button></form>')


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
    refresh = ""
    if view.joined:  # without a script the page follows the room when asked
        refresh = (f'<noscript><p><a href="/j/{_text(token)}">{_text(tr("room.refresh"))}'
                   "</a></p></noscript>")
    body = (f'<main><div id="live">{participant_fragment(view, token, limits)}</div>'
            f'<p id="note" class="note{" ok" if message else ""}" role="status">{message}</p>'
            f"{mine}{refresh}</main>")
    events = f"/j/{token}/events" if view.joined else ""
    return _document(tr, view.status.title, body, events)


# The board ----------------------------------------------------------------------------------


def board_fragment(view: BoardView) -> str:
    tr = catalog(view.status.language)
    parts = [_status(view.status)]
    if view.hidden_ideas:
        hidden = tr("silent.ideas", count=view.hidden_ideas)
        if view.hidden_people:  # none in an anonymous session: no idea names its author
            hidden = tr("room.hidden", ideas=hidden,
                        people=tr("silent.people", count=view.hidden_people))
        parts.append(f'<p class="hidden">{_text(hidden)}</p>')
    if view.ranking:
        parts.append(f"<h2>{_text(tr('room.ranking'))}</h2><ol class=\"ranking\">" + "".join(
            f'<li><span class="rank">{ranked.rank}</span> <span>{_text(ranked.text)}</span> '
            f'<span class="count">{_text(tr("room.dots", count=ranked.dots))}</span></li>'
            for ranked in view.ranking) + "</ol>")
    else:
        if view.status.phase == "converge":
            parts.append("<p>" + _text(tr("room.voted", count=view.voted, total=view.voters))
                         + "</p>")
        parts.append(f"<h2>{_text(tr('room.ideas'))}</h2>"
                     + _list(view.ideas, tr("room.no_ideas")))
    parts.append(f"<h2>{_text(tr('room.objectives'))}</h2>")
    if view.objectives:
        parts.append('<ol class="objectives">' + "".join(
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
