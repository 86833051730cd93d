"""A company report (okrtui.report) as one self-contained HTML page (okrtui.html_page): inline
CSS, inline SVG bars, no script, nothing loaded from elsewhere. Readable on a phone, it
prints on paper as shown. Every text from a file is escaped."""

from okrtui.comparison import TeamRef
from okrtui.html_page import escape, page
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
from okrtui.svg import progress_bar

CSS = """\
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0}
*{box-sizing:border-box}
body{margin:0 auto;max-width:62rem;padding:1rem;color:var(--ink);background:#fff;\
font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.3rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.2rem 0 .2rem}
a{color:inherit}
.muted{color:var(--muted)}
ul.plain,ol.krs{padding:0;list-style:none}
li.off{border-left:4px solid var(--off_track);background:#fff5f5;padding:.5rem .75rem;\
margin:.5rem 0}
ol.krs>li{margin:.7rem 0;padding-left:.6rem;border-left:3px solid var(--line)}
.badge{display:inline-block;padding:0 .45rem;border:1px solid currentColor;\
border-radius:.7rem;font-size:.85rem;white-space:nowrap}
.on_track{color:var(--on_track)}.at_risk{color:var(--at_risk)}\
.off_track{color:var(--off_track)}.no_state{color:var(--no_state)}
svg.bar{display:block;width:100%;max-width:24rem;height:.6rem;margin:.3rem 0}
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
_STATES = {"on_track": "on_track", "at_risk": "at_risk", "off_track": "off_track",
           "none": "no_state"}
"""The summary's words (quarter.state.*) and the colour class of each."""


def _badge(tr: Catalog, kr: KeyResultLine) -> str:
    return f'<span class="badge {kr.state or "no_state"}">{escape(confidence_words(tr, kr))}</span>'


def _day(tr: Catalog, kr: KeyResultLine) -> str:
    day = kr.checked_on.isoformat() if kr.checked_on else ""
    return f'<span class="day">{escape(tr("report.checked_on", date=day))}</span>'


def _summary_row(tr: Catalog, number: int, team: TeamReport) -> str:
    s: Summary = team.summary
    counts = (s.on_track, s.at_risk, s.off_track, s.no_check_in)
    states = list(zip(_STATES.items(), counts, strict=True))
    words = " · ".join(f'<span class="{css}">{format_number(count, tr.language)} '
                       f'{escape(tr("quarter.state." + state))}</span>'
                       for (state, css), count in states if count)
    total = s.key_results or 1
    bar = progress_bar([(css, count / total) for (_, css), count in states],
                       counted(tr, "report.key_results", s.key_results))
    mean = "—" if s.mean_progress is None else escape(percent_text(s.mean_progress, tr.language))
    return (f'<tr><td><a href="#team-{number}">{escape(team.team.name)}</a></td>'
            f'<td>{bar}<span class="counts">'
            f'{escape(counted(tr, "report.key_results", s.key_results))}'
            f'{" — " + words if words else ""}</span></td>'
            f'<td class="num">{mean}</td></tr>')


def _off_track(tr: Catalog, report: Report, numbers: dict[TeamRef, int]) -> list[str]:
    title = f"{tr('report.off_track')} ({format_number(len(report.off_track), tr.language)})"
    lines = [f'<section id="off-track"><h2>{escape(title)}</h2>']
    if not report.off_track:
        return [*lines, f"<p>{escape(tr('report.off_track_none'))}</p></section>"]
    lines += [f'<p class="muted">{escape(tr("report.off_track_intro"))}</p>', '<ul class="plain">']
    for line in report.off_track:
        kr = line.key_result
        details = [_badge(tr, kr)]
        if kr.checked_on is not None:
            details.append(_day(tr, kr))
        note = (f"<br>{escape(tr('report.note', note=kr.note))}" if kr.note else "")
        lines.append(f'<li class="off"><a href="#team-{numbers[line.team]}"><strong>'
                     f'{escape(line.team.name)}</strong></a> · <span class="muted">'
                     f'{escape(line.objective.text)}</span><br>'
                     f'<strong>{escape(kr.label)}</strong> {escape(kr.text)}<br>'
                     f'{" ".join(details)}{note}</li>')
    return [*lines, "</ul></section>"]


def _themes(tr: Catalog, report: Report) -> list[str]:
    lines = [f"<section><h2>{escape(tr('report.themes'))}</h2>"]
    if not report.themes:
        return [*lines, f"<p>{escape(tr('report.themes_none'))}</p></section>"]
    lines += [f'<p class="muted">{escape(tr("report.themes_intro"))}</p>', '<ul>']
    colon = tr("export.colon")
    for theme in report.themes:
        what = f"{tr('compare.kind.' + theme.kind)}{colon} {theme.label(tr.language)}"
        teams = tr("report.theme_teams", teams=counted(tr, "report.teams", len(theme.teams)),
                   names=team_names(tr, theme.teams))
        lines.append(f"<li><strong>{escape(what)}</strong> — {escape(teams)}</li>")
    return [*lines, "</ul></section>"]


def _key_result(tr: Catalog, number: int, kr: KeyResultLine) -> str:
    label = tr("report.key_result", number=number)
    shown = [escape(progress_words(tr, kr))]
    facts = measure(tr, kr)
    if facts:
        shown.append(escape(facts))
    if kr.checked_on is not None:
        shown.append(_day(tr, kr))
    note = f'<br><span class="muted">{escape(tr("report.note", note=kr.note))}</span>' if (
        kr.note) else ""
    bar = progress_bar([(kr.state or "no_state", kr.progress or 0.0)], progress_words(tr, kr))
    return (f"<li><strong>{escape(label)}</strong> {escape(kr.text)}{bar}"
            f'{" · ".join(shown)} {_badge(tr, kr)}{note}</li>')


def _team(tr: Catalog, number: int, team: TeamReport) -> list[str]:
    source = tr("report.source", source=team.team.source)
    lines = [f'<section id="team-{number}"><h2>{escape(team.team.name)}</h2>',
             f'<p class="muted">{escape(source)}</p>']
    if not team.objectives:
        lines.append(f"<p>{escape(tr('report.no_objectives'))}</p>")
    for o_number, objective in enumerate(team.objectives, start=1):
        heading = f"{tr('report.objective', number=o_number)} — {objective.text}"
        lines += ["<article>", f"<h3>{escape(heading)}</h3>",
                  f'<p class="muted">{escape(" · ".join(objective_facts(tr, objective)))}</p>']
        if not objective.key_results:
            lines.append(f"<p>{escape(tr('report.no_key_results'))}</p>")
        else:
            lines.append('<ol class="krs">')
            lines += [_key_result(tr, k, kr) for k, kr in enumerate(objective.key_results, 1)]
            lines.append("</ol>")
        lines.append("</article>")
    return [*lines, "</section>"]


def to_html(report: Report, tr: Catalog) -> str:
    numbers = {team.team: number for number, team in enumerate(report.teams, start=1)}
    title = tr("report.title")
    lines = [f"<header><h1>{escape(title)}</h1><p>{escape(intro(tr, report))}</p></header>",
             "<main>"]
    lines += _off_track(tr, report, numbers)
    lines += [f"<section><h2>{escape(tr('report.summary'))}</h2><table>",
              f"<thead><tr><th>{escape(tr('report.team'))}</th>"
              f"<th>{escape(tr('report.states'))}</th>"
              f'<th class="num">{escape(tr("report.mean"))}</th></tr></thead><tbody>']
    lines += [_summary_row(tr, number, team) for number, team in
              enumerate(report.teams, start=1)]
    lines.append("</tbody></table></section>")
    lines += _themes(tr, report)
    for number, team in enumerate(report.teams, start=1):
        lines += _team(tr, number, team)
    lines.append("</main>")
    return page(title, tr.language, CSS, "\n".join(lines))
