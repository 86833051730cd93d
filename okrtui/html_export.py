"""One self-contained HTML page of a session, to send to people who do not use a terminal:
the OKR tree in full text with each key result's progress, confidence, trend and grade, what
the decisions became and what was learned, the "not doing" list and the dot votes. Inline
CSS and SVG only: no script, nothing loaded from elsewhere. Every user string is escaped."""

import re

from okrtui.baselines import measuring_action
from okrtui.export import kr_measure
from okrtui.facilitation import tally
from okrtui.html_page import escape, page
from okrtui.html_style import CSS
from okrtui.i18n import Catalog
from okrtui.models import LEVELS, Action, KeyResult, Objective, Session, Tactic, Team
from okrtui.numbers import amount_text
from okrtui.progress import latest, trend
from okrtui.quarter_words import (
    KrStatus,
    answer_words,
    kr_status,
    not_doing,
    objective_summary,
    review_of,
)
from okrtui.svg import Bar, bar_chart, progress_bar, sparkline

_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _text(text: str) -> str:
    """text escaped, its ISO dates kept on one line."""
    return _DATE.sub(r"<time>\g<0></time>", escape(text))


def _tag(name: str, text: str, css_class: str = "") -> str:
    """<name class="css_class">text</name>, text escaped."""
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<{name}{attribute}>{_text(text)}</{name}>"


def _colon(label: str, tr: Catalog) -> str:
    return f"{label}{tr('export.colon')}"


def _header(session: Session, tr: Catalog) -> str:
    facts = []
    if session.period:
        facts.append(_tag("span", f"{_colon(tr('export.period'), tr)} {session.period}"))
    names = ", ".join(p.name for p in session.participants)
    if names:
        facts.append(_tag("span", f"{_colon(tr('export.participants'), tr)} {names}"))
    line = f'<p class="facts">{" ".join(facts)}</p>' if facts else ""
    return f"<header>{_tag('h1', session.title)}{line}</header>"


def _status_line(status: KrStatus) -> str:
    parts = []
    if status.state_words:
        parts.append(_tag("span", status.state_words, f"state {status.state}"))
    css = "progress" if status.ratio is not None else "progress unknown-words"
    parts.append(_tag("span", status.progress, css))
    if status.grade:
        parts.append(_tag("span", status.grade, "grade"))
    if status.latest:
        parts.append(_tag("span", status.latest, "when"))
    return f'<p class="status">{" ".join(parts)}</p>'


def _pictures(kr: KeyResult, status: KrStatus, tr: Catalog) -> str:
    def amount(value: float | None) -> str:
        return (tr("html.unknown_value") if value is None
                else amount_text(value, kr.unit, tr.language))

    start, end = amount(kr.baseline), amount(kr.target)
    filled = None if status.ratio is None else [(status.state or "no_state", status.ratio)]
    pictures = [progress_bar(filled, tr("html.bar_title", baseline=start, target=end,
                                        progress=status.progress))]
    points = trend(kr)
    if points.values:
        told = tr("html.separator").join(
            tr("html.trend_point", value=amount(value), date=day.isoformat())
            for day, value in zip(points.dates, points.values, strict=True))
        pictures.append(sparkline(points.values, tr("html.trend_title", values=told),
                                  kr.baseline, kr.target))
    return f'<div class="pictures">{"".join(pictures)}</div>'


def _key_result(session: Session, objective: Objective, kr: KeyResult, number: int,
                tr: Catalog) -> str:
    status = kr_status(kr, tr)
    measure = kr_measure(kr, tr, str)
    if kr.baseline_unknown:
        action = measuring_action(objective, kr)
        who = ", ".join(filter(None, [
            session.participant_name(action.owner) or "",
            action.due.isoformat() if action and action.due else ""])) if action else ""
        measure += " — " + (tr("html.measured_by", who=who or "?") if action
                            else tr("export.not_measured"))
    head = f'{_tag("span", tr("html.kr", number=number), "kr-label")} {escape(kr.text)}'
    parts = [f"<p>{head}</p>"]
    if measure:
        parts.append(_tag("p", measure, "measure"))
    parts += [_status_line(status), _pictures(kr, status, tr)]
    last = latest(kr)
    if last and last.note:
        parts.append(_tag("p", tr("html.note", note=last.note), "note"))
    return f'<li class="kr">{"".join(parts)}</li>'


def _action(session: Session, action: Action, tr: Catalog) -> str:
    owner = session.participant_name(action.owner)
    details = [tr("html.owner", name=owner) if owner else "",
               tr("html.due", date=action.due.isoformat()) if action.due else "",
               tr("html.first_step", text=action.first_step) if action.first_step else ""]
    shown = tr("html.separator").join(filter(None, details))
    return (f"<li>{escape(action.text)}"
            + (f' {_tag("span", f"({shown})", "when")}' if shown else "") + "</li>")


def _tactic(session: Session, tactic: Tactic, numbers: dict[str, int], tr: Catalog) -> str:
    moves = ", ".join(tr("html.kr", number=numbers[k]) for k in tactic.moves if k in numbers)
    moved = f' {_tag("span", "— " + tr("html.moves", krs=moves), "when")}' if moves else ""
    actions = "".join(_action(session, action, tr) for action in tactic.actions)
    listed = f'<ul class="actions">{actions}</ul>' if actions else ""
    return f"<li>{escape(tactic.text)}{moved}{listed}</li>"


def _decision(objective: Objective, decision: str, tr: Catalog) -> str:
    review = review_of(objective, decision)
    if review is None:
        return f"<li>{escape(decision)}</li>"
    outcome = _tag("span", tr(f"quarter.outcome.{review.outcome}"),
                   f"outcome {review.outcome}")
    evidence = f" {escape(tr('html.evidence', text=review.evidence))}" if review.evidence else ""
    return f"<li>{escape(decision)} {outcome}{evidence}</li>"


def _objective(session: Session, objective: Objective, number: int, tr: Catalog) -> str:
    parts = [_tag("h3", f"{tr('export.objective', number=number)} — {objective.text}"),
             _tag("p", objective_summary(objective, tr), "meta")]
    if objective.decisions:
        decisions = "".join(_decision(objective, d, tr) for d in objective.decisions)
        parts.append(f"{_tag('h4', tr('export.decisions'))}<ul>{decisions}</ul>")
    numbers: dict[str, int] = {}
    krs = []
    for kr in objective.committed_key_results:
        numbers[kr.id] = len(numbers) + 1
        krs.append(_key_result(session, objective, kr, numbers[kr.id], tr))
    listed = "".join(krs) or _tag("li", tr("export.none"), "note")
    parts.append(f'{_tag("h4", tr("export.key_results"))}<ol class="krs">{listed}</ol>')
    if objective.tactics:
        tactics = "".join(_tactic(session, t, numbers, tr) for t in objective.tactics)
        parts.append(f"{_tag('h4', tr('export.tactics'))}<ul>{tactics}</ul>")
    if objective.learned:
        parts.append(_tag("h4", tr("export_quarter.learned"))
                     + _tag("p", objective.learned, "learned"))
    return f'<article class="objective">{"".join(parts)}</article>'


def _rankings(team: Team, tr: Catalog) -> str:
    charts = []
    for level in LEVELS:
        ranking = tally(team, level)
        if not ranking:
            continue
        level_name = tr("export.level_" + level)
        bars = [Bar(f"{'=' if ranked.tied else ''}{ranked.rank}. {ranked.idea.text}", ranked.dots,
                    tr("export.dots", count=ranked.dots))
                for ranked in ranking]
        told = tr("html.separator").join(
            tr("html.chart_entry", text=bar.label, dots=bar.caption) for bar in bars)
        charts.append(_tag("h3", tr("export.ranking", level=level_name))
                      + bar_chart(bars, tr("html.chart_title", level=level_name, ranking=told)))
    return "".join(charts)


def _not_doing(team: Team, tr: Catalog) -> str:
    items = []
    for item in not_doing(team):
        note = f" — {item.note}" if item.note else ""
        members = "".join(_tag("li", member) for member in item.members)
        items.append(
            f'<li class="left-out">{escape(item.text)} '
            + _tag("span", f"({tr('export_quarter.left_out.' + item.kind)})", "kind") + " "
            + _tag("span", f"— {answer_words(item, tr)}{note}", "answer")
            + (f"<ul>{members}</ul>" if members else "") + "</li>")
    if not items:
        return ""
    return f'{_tag("h3", tr("export_quarter.not_doing_title"))}<ul>{"".join(items)}</ul>'


def _team(session: Session, team: Team, tr: Catalog) -> str:
    parts = []
    if len(session.teams) > 1 or team.name:
        parts.append(_tag("h2", tr("html.team", team=team.name or team.id)))
    parts += [_objective(session, objective, number, tr)
              for number, objective in enumerate(team.committed_objectives, start=1)]
    parts += [_not_doing(team, tr), _rankings(team, tr)]
    return f'<section class="team">{"".join(parts)}</section>'


def _decision_log(session: Session, tr: Catalog) -> str:
    if not session.decision_log:
        return ""
    items = []
    for decision in session.decision_log:
        why = f" — {escape(decision.rationale)}" if decision.rationale else ""
        if decision.outcome:
            outcome = " " + _tag("span", tr(f"quarter.outcome.{decision.outcome}"),
                                 f"outcome {decision.outcome}")
        else:
            outcome = " " + _tag("span", tr("export_quarter.not_reviewed"), "outcome none")
        evidence = (f" {escape(tr('html.evidence', text=decision.evidence))}"
                    if decision.evidence else "")
        items.append(f"<li><strong>{escape(decision.text)}</strong>{why}{outcome}{evidence}</li>")
    return f'<section>{_tag("h2", tr("export.decision_log"))}<ul>{"".join(items)}</ul></section>'


def to_html(session: Session, tr: Catalog) -> str:
    teams = "".join(_team(session, team, tr) for team in session.teams)
    body = f"{_header(session, tr)}\n<main>{teams}{_decision_log(session, tr)}</main>"
    return page(session.title, tr.language, CSS, body)
