"""The HTML export's style sheet, screen and print, after okrtui.html_page.STATE_CSS."""

CSS = """
:root { --ink: #1f2328; --faint: #59636e; --line: #d1d9e0; --paper: #ffffff;
  --soft: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  overflow-wrap: anywhere; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main, header { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; line-height: 1.35; margin: 0 0 .4rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--faint);
  margin: 1rem 0 .4rem; }
p { margin: .25rem 0; }
ul, ol { margin: .25rem 0; padding-left: 1.25rem; }
li { margin: .2rem 0; }
.facts, .meta, .measure, .when, .note { color: var(--faint); }
.team > h3 { margin: 1.5rem 0 .5rem; }
time { white-space: nowrap; }
.facts span + span::before { content: " · "; }
.objective { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem;
  margin: 0 0 1.25rem; background: var(--paper); break-inside: avoid; page-break-inside: avoid; }
.meta { font-size: .95rem; }
.krs { list-style: none; padding: 0; }
.kr { border-top: 1px solid var(--line); padding: .6rem 0; break-inside: avoid; }
.kr:first-child { border-top: 0; }
.kr-label { font-weight: 600; }
.status { display: flex; flex-wrap: wrap; gap: .25rem .9rem; align-items: center; }
.pictures { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
  margin: .35rem 0; }
svg.bar { width: 14rem; max-width: 100%; height: .8rem; }
svg.spark { width: 7.5rem; height: 2rem; }
svg.chart { width: 100%; max-width: 26rem; height: auto; display: block; }
.spark .point { fill: var(--accent); }
.trend { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.baseline { stroke: var(--line); stroke-width: 1; }
.target { stroke: var(--on_track); stroke-width: 1; stroke-dasharray: 3 2; }
.label { font-size: 13px; fill: var(--ink); }
.count { font-size: 11px; fill: var(--faint); }
.dots { fill: var(--accent); }
.state { font-weight: 600; white-space: nowrap; }
.state::before { content: ""; display: inline-block; width: .7em; height: .7em;
  margin-right: .3em; border-radius: 50%; background: currentColor; vertical-align: -.05em; }
.state.on_track { color: var(--on_track); }
.state.at_risk { color: var(--at_risk); }
.state.at_risk::before { border-radius: 0; transform: rotate(45deg) scale(.85); }
.state.off_track { color: var(--off_track); }
.state.off_track::before { border-radius: 0; }
.unknown-words { font-style: italic; }
.grade { font-weight: 600; }
.outcome { font-weight: 600; border: 1px solid currentColor; border-radius: 4px;
  padding: 0 .3em; font-size: .9em; white-space: nowrap; }
.outcome.kept { color: var(--on_track); }
.outcome.changed { color: var(--at_risk); }
.outcome.dropped { color: var(--off_track); }
.outcome.none { color: var(--faint); font-weight: 400; }
.learned { background: var(--soft); border-left: 4px solid var(--accent); padding: .5rem .75rem;
  margin-top: .75rem; white-space: pre-line; }
.actions { color: var(--ink); }
.left-out .kind, .left-out .answer { color: var(--faint); }
@media (max-width: 30rem) {
  body { font-size: 15px; }
  main, header { padding: 0 .75rem; }
  .objective { padding: .75rem; }
  svg.bar { width: 100%; }
}
@media print {
  body { font-size: 11pt; }
  main, header { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .objective { border-color: #999; }
}
"""
