"""A company report (okrtui.report) as one self-contained HTML page: inline CSS (allowed by
its hash in the page's Content-Security-Policy, nothing else is), inline SVG bars, no
script, nothing loaded from elsewhere. Readable on a phone, it prints on paper as shown.
Every text from a file is escaped (quotes too) and its control characters replaced."""

import base64
import hashlib
import html
import re
from collections.abc import Sequence

from okrtui.comparison import TeamRef
from okrtui.i18n import Catalog
from okrtui.numbers import format_number, percent_text
from okrtui.report import KeyResultLine, Report, Summary, TeamReport
from okrtui.report_text import (
    confidence_words,
    counted,
    intro,
    measure,
    objective_facts,
    progress_words,
    team_names,
)

CSS = """\
:root{--ok:#1a7f37;--risk:#9a6700;--off:#cf222e;--none:#6e7781;--ink:#1f2328;\
--muted:#59636e;--line:#d1d9e0;--track:#e6eaef}
*{box-sizing:border-box}
body{margin:0 auto;max-width:62rem;padding:1rem;color:var(--ink);background:#fff;\
font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.3rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.2rem 0 .2rem}
a{color:inherit}
.muted{color:var(--muted)}
ul.plain,ol.krs{padding:0;list-style:none}
li.off{border-left:4px solid var(--off);background:#fff5f5;padding:.5rem .75rem;margin:.5rem 0}
ol.krs>li{margin:.7rem 0;padding-left:.6rem;border-left:3px solid var(--line)}
.badge{display:inline-block;padding:0 .45rem;border:1px solid currentColor;\
border-radius:.7rem;font-size:.85rem;white-space:nowrap}
.on_track{color:var(--ok)}.at_risk{color:var(--risk)}.off_track{color:var(--off)}\
.none{color:var(--none)}
svg.bar{display:block;width:100%;max-width:24rem;height:.6rem;margin:.3rem 0}
svg .track{fill:var(--track)}svg .on_track{fill:var(--ok)}svg .at_risk{fill:var(--risk)}\
svg .off_track{fill:var(--off)}svg .none{fill:var(--none)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
.counts{font-size:.9rem}.counts span,.day{white-space:nowrap}
@media (max-width:40rem){tr{display:grid;grid-template-columns:1fr auto;\
border-bottom:1px solid var(--line)}th,td{border:0;padding:.25rem .3rem}\
tr>:nth-child(2){grid-column:1/3;grid-row:2}svg.bar{max-width:none}}
article{break-inside:avoid}
@media print{body{max-width:none;font-size:10.5pt;padding:0}a{text-decoration:none}\
li.off{background:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
h2,h3{break-after:avoid}}
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
POLICY = (f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; base-uri 'none'; "
          "form-action 'none'")
STATES = ("on_track", "at_risk", "off_track", "none")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def esc(text: str) -> str:
    """Text as HTML character data or an attribute value: nothing in it is markup."""
    return html.escape(_CONTROL.sub("\ufffd", text), quote=True)


def _bar(parts: Sequence[tuple[str, float]], label: str) -> str:
    """A bar 100 units wide: a grey track, then each (state, share) in turn."""
    rects, x = ['<rect class="track" width="100" height="6" rx="3"/>'], 0.0
    for state, share in parts:
        width = max(0.0, min(100.0 - x, share * 100))
        if width > 0:
            rects.append(f'<rect class="{state}" x="{x:.2f}" width="{width:.2f}" height="6"/>')
            x += width
    return (f'<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" '
            f'aria-label="{esc(label)}">{"".join(rects)}</svg>')


def _badge(tr: Catalog, kr: KeyResultLine) -> str:
    return f'<span class="badge {kr.state or "none"}">{esc(confidence_words(tr, kr))}</span>'


def _day(tr: Catalog, kr: KeyResultLine) -> str:
    day = kr.checked_on.isoformat() if kr.checked_on else ""
    return f'<span class="day">{esc(tr("report.checked_on", date=day))}</span>'


def _summary_row(tr: Catalog, number: int, team: TeamReport) -> str:
    s: Summary = team.summary
    counts = (s.on_track, s.at_risk, s.off_track, s.no_check_in)
    words = " · ".join(f'<span class="{state}">{format_number(count, tr.language)} '
                       f'{esc(tr("report.state." + state))}</span>'
                       for state, count in zip(STATES, counts, strict=True) if count)
    total = s.key_results or 1
    bar = _bar([(state, count / total) for state, count in zip(STATES, counts, strict=True)],
               counted(tr, "report.key_results", s.key_results))
    mean = "—" if s.mean_progress is None else esc(percent_text(s.mean_progress, tr.language))
    return (f'<tr><td><a href="#team-{number}">{esc(team.team.name)}</a></td>'
            f'<td>{bar}<span class="counts">'
            f'{esc(counted(tr, "report.key_results", s.key_results))}'
            f'{" — " + words if words else ""}</span></td>'
            f'<td class="num">{mean}</td></tr>')


def _off_track(tr: Catalog, report: Report, numbers: dict[TeamRef, int]) -> list[str]:
    title = f"{tr('report.off_track')} ({format_number(len(report.off_track), tr.language)})"
    lines = [f'<section id="off-track"><h2>{esc(title)}</h2>']
    if not report.off_track:
        return [*lines, f"<p>{esc(tr('report.off_track_none'))}</p></section>"]
    lines += [f'<p class="muted">{esc(tr("report.off_track_intro"))}</p>', '<ul class="plain">']
    for line in report.off_track:
        kr = line.key_result
        details = [_badge(tr, kr)]
        if kr.checked_on is not None:
            details.append(_day(tr, kr))
        note = (f"<br>{esc(tr('report.note', note=kr.note))}" if kr.note else "")
        lines.append(f'<li class="off"><a href="#team-{numbers[line.team]}"><strong>'
                     f'{esc(line.team.name)}</strong></a> · <span class="muted">'
                     f'{esc(line.objective.text)}</span><br>'
                     f'{esc(kr.text)}<br>{" ".join(details)}{note}</li>')
    return [*lines, "</ul></section>"]


def _themes(tr: Catalog, report: Report) -> list[str]:
    lines = [f"<section><h2>{esc(tr('report.themes'))}</h2>"]
    if not report.themes:
        return [*lines, f"<p>{esc(tr('report.themes_none'))}</p></section>"]
    lines += [f'<p class="muted">{esc(tr("report.themes_intro"))}</p>', '<ul>']
    colon = tr("export.colon")
    for theme in report.themes:
        what = f"{tr('compare.kind.' + theme.kind)}{colon} {theme.label(tr.language)}"
        teams = tr("report.theme_teams", teams=counted(tr, "report.teams", len(theme.teams)),
                   names=team_names(tr, theme.teams))
        lines.append(f"<li><strong>{esc(what)}</strong> — {esc(teams)}</li>")
    return [*lines, "</ul></section>"]


def _key_result(tr: Catalog, number: int, kr: KeyResultLine) -> str:
    label = tr("report.key_result", number=number)
    shown = [esc(progress_words(tr, kr))]
    facts = measure(tr, kr)
    if facts:
        shown.append(esc(facts))
    if kr.checked_on is not None:
        shown.append(_day(tr, kr))
    note = f'<br><span class="muted">{esc(tr("report.note", note=kr.note))}</span>' if (
        kr.note) else ""
    bar = _bar([(kr.state or "none", kr.progress or 0.0)], progress_words(tr, kr))
    return (f"<li><strong>{esc(label)}</strong> {esc(kr.text)}{bar}"
            f'{" · ".join(shown)} {_badge(tr, kr)}{note}</li>')


def _team(tr: Catalog, number: int, team: TeamReport) -> list[str]:
    source = tr("report.source", source=team.team.source)
    lines = [f'<section id="team-{number}"><h2>{esc(team.team.name)}</h2>',
             f'<p class="muted">{esc(source)}</p>']
    if not team.objectives:
        lines.append(f"<p>{esc(tr('report.no_objectives'))}</p>")
    for o_number, objective in enumerate(team.objectives, start=1):
        heading = f"{tr('report.objective', number=o_number)} — {objective.text}"
        lines += ["<article>", f"<h3>{esc(heading)}</h3>",
                  f'<p class="muted">{esc(" · ".join(objective_facts(tr, objective)))}</p>']
        if not objective.key_results:
            lines.append(f"<p>{esc(tr('report.no_key_results'))}</p>")
        else:
            lines.append('<ol class="krs">')
            lines += [_key_result(tr, k, kr) for k, kr in enumerate(objective.key_results, 1)]
            lines.append("</ol>")
        lines.append("</article>")
    return [*lines, "</section>"]


def to_html(report: Report, tr: Catalog) -> str:
    numbers = {team.team: number for number, team in enumerate(report.teams, start=1)}
    title = tr("report.title")
    lines = ["<!DOCTYPE html>", f'<html lang="{esc(tr.language)}">', "<head>",
             '<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="referrer" content="no-referrer">',
             f"<title>{esc(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
             f"<header><h1>{esc(title)}</h1><p>{esc(intro(tr, report))}</p></header>",
             "<main>"]
    lines += _off_track(tr, report, numbers)
    lines += [f"<section><h2>{esc(tr('report.summary'))}</h2><table>",
              f"<thead><tr><th>{esc(tr('report.team'))}</th>"
              f"<th>{esc(tr('report.states'))}</th>"
              f'<th class="num">{esc(tr("report.mean"))}</th></tr></thead><tbody>']
    lines += [_summary_row(tr, number, team) for number, team in
              enumerate(report.teams, start=1)]
    lines.append("</tbody></table></section>")
    lines += _themes(tr, report)
    for number, team in enumerate(report.teams, start=1):
        lines += _team(tr, number, team)
    lines += ["</main>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
