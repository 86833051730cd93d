"""A Markdown summary of a session that a team can paste into a wiki."""

import re
from collections.abc import Callable

from okrtui.baselines import measuring_action
from okrtui.facilitation import parking_lot, tally
from okrtui.findings import session_findings
from okrtui.i18n import Catalog
from okrtui.models import LEVELS, KeyResult, Kpi, Objective, Outcome, Session, Team
from okrtui.numbers import format_number, with_percent
from okrtui.quarter_words import (
    answer_words,
    has_quarter,
    kr_status,
    not_doing,
    objective_summary,
    review_of,
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?\w+;))")
_LINE_START_MARKER = re.compile(r"^(\d+)([.)])|^([-+=])")
_BREAKING_SPACES = re.compile(r"[^\S\u00a0\u202f]+")


def md(text: str) -> str:
    """User text as literal Markdown on one line: special characters escaped, and a start
    that would make a list or a heading neutralised. Runs of white space become one space;
    the no-break spaces of French typography (before « : », in « 20 % ») stay."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", _BREAKING_SPACES.sub(" ", text).strip())
    return _LINE_START_MARKER.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def kr_measure(kr: KeyResult | Kpi, tr: Catalog, literal: Callable[[str], str] = md) -> str:
    """« de 12 à 9,6 minutes », "from 35% to 60%": a percentage goes with each number.
    literal: how the unit is written (Markdown-escaped by default)."""
    percent = (kr.unit or "").strip() == "%"

    def amount(value: float) -> str:
        number = format_number(value, tr.language)
        return with_percent(number, tr.language) if percent else number

    parts = []
    if kr.baseline is not None:
        parts.append(tr("export.baseline", baseline=amount(kr.baseline)))
    if kr.target is not None:
        parts.append(tr("export.target", target=amount(kr.target)))
    if parts and kr.unit and not percent:
        parts.append(literal(kr.unit))
    measure = " ".join(parts)
    if isinstance(kr, KeyResult) and kr.baseline_unknown:
        return "; ".join(filter(None, [measure, tr("baseline.unknown")]))
    return measure


def _waiting_note(session: Session, objective: Objective, kr: KeyResult, tr: Catalog) -> str:
    """Who measures an unknown baseline, by when."""
    action = measuring_action(objective, kr)
    if action is None:
        return tr("export.not_measured")
    owner = session.participant_name(action.owner)
    who = ", ".join(filter(None, [md(owner) if owner else "",
                                  action.due.isoformat() if action.due else ""]))
    return tr("export.measured_by", who=who or "?")


def _kpis_and_roadmap(team: Team, tr: Catalog) -> list[str]:
    lines: list[str] = []
    if team.kpis:
        lines += [f"**{tr('export.kpis')}**", ""]
        for kpi in team.kpis:
            measure = kr_measure(kpi, tr)
            lines.append(f"- {md(kpi.text)}" + (f" ({measure})" if measure else ""))
        lines.append("")
    if team.roadmap:
        texts = _texts_by_id(team)
        lines += [f"**{tr('export.roadmap')}**", ""]
        for item in team.roadmap:
            served = [texts[item_id] for item_id in item.serves if item_id in texts]
            note = (f"{tr('export.serves')} {'; '.join(md(text) for text in served)}" if served
                    else f"*{tr('export.serves_nothing')}*")
            lines.append(f"- {md(item.text)} — {note}")
        lines.append("")
    return lines


def _texts_by_id(team: Team) -> dict[str, str]:
    texts = {}
    for objective in team.objectives:
        texts[objective.id] = objective.text
        texts.update((kr.id, kr.text) for kr in objective.key_results)
    return texts


def _common(session: Session, tr: Catalog) -> list[str]:
    """What the teams found they have in common (saved by a comparison)."""
    if not session.common:
        return []
    lines = [f"## {tr('export.common')}", ""]
    for point in session.common:
        mark = "⇄ " if point.kind == "opposed" else ""
        lines.append(f"- {mark}**{md(point.text)}**")
        lines += [f"  - {md(item)}" for item in point.items]
    return [*lines, ""]


def _side_by_side(session: Session, tr: Catalog) -> list[str]:
    """A table with a column per team: its objectives, each with its key results; then
    what the teams found they have in common."""
    teams = session.teams
    cells = [[
        f"**{md(objective.text)}**" + "".join(
            f"<br>• {md(kr.text)}" for kr in objective.committed_key_results)
        for objective in team.committed_objectives] for team in teams]
    rows = max((len(column) for column in cells), default=0)
    lines = [f"## {tr('export.side_by_side')}", "",
             "| " + " | ".join(md(team.name) or team.id for team in teams) + " |",
             "|" + " --- |" * len(teams)]
    for row in range(rows):
        lines.append("| " + " | ".join(
            column[row] if row < len(column) else "" for column in cells) + " |")
    lines.append("")
    return lines


def _kr_quarter(kr: KeyResult, tr: Catalog) -> str:
    """The key result's line of the quarter: latest check-in, progress, confidence, grade."""
    status = kr_status(kr, tr, md)
    parts = [status.latest, status.progress, status.state_words, status.grade]
    return "   - " + " · ".join(part for part in parts if part)


def _decision_line(objective: Objective, decision: str, tr: Catalog) -> str:
    review = review_of(objective, decision)
    if review is None:
        return f"- {md(decision)}"
    return f"- {md(decision)} — " + _outcome(review.outcome, review.evidence, tr)


def _outcome(outcome: Outcome, evidence: str | None, tr: Catalog) -> str:
    word = f"**{tr('quarter.outcome.' + outcome)}**"
    if not evidence:
        return word
    return tr("export_quarter.decision_log_outcome", outcome=word, evidence=md(evidence))


def _learned(objective: Objective, tr: Catalog) -> list[str]:
    if not objective.learned:
        return []
    lines = [md(line) for line in objective.learned.split("\n") if line.strip()]
    return [f"**{tr('export_quarter.learned')}**", "", *(f"> {line}  " for line in lines), ""]


def _not_doing(team: Team, tr: Catalog) -> list[str]:
    """Set-aside and parked items with the learning review's answer (replaces the set-aside
    and parking lot sections once the quarter has begun)."""
    items = not_doing(team)
    if not items:
        return []
    lines = [f"## {tr('export_quarter.not_doing_title')}", ""]
    for item in items:
        note = f" — {md(item.note)}" if item.note else ""
        lines.append(f"- {md(item.text)} *({tr('export_quarter.left_out.' + item.kind)})* — "
                     f"{answer_words(item, tr)}{note}")
        lines += [f"  - {md(member)}" for member in item.members]
    return [*lines, ""]


def to_markdown(session: Session, tr: Catalog) -> str:
    quarter = has_quarter(session)
    lines = [f"# {md(session.title)}", ""]
    facts = []
    if session.period:
        facts.append(f"**{tr('export.period')}**{tr('export.colon')} {md(session.period)}")
    names = ", ".join(md(p.name) for p in session.participants)
    if names:
        facts.append(f"**{tr('export.participants')}**{tr('export.colon')} {names}")
    if facts:
        lines += [" · ".join(facts), ""]
    if len(session.teams) > 1:
        lines += _side_by_side(session, tr)
    lines += _common(session, tr)
    for team in session.teams:
        if len(session.teams) > 1:
            lines += [f"## {tr('export.team')}{tr('export.colon')} {md(team.name)}", ""]
        elif team.name:
            lines += [f"**{tr('export.team')}**{tr('export.colon')} {md(team.name)}", ""]
        set_aside = []
        for number_, objective in enumerate(team.committed_objectives, start=1):
            lines += [f"## {tr('export.objective', number=number_)} — {md(objective.text)}", ""]
            if quarter:
                lines += [f"*{objective_summary(objective, tr)}*", ""]
            if objective.decisions:
                lines.append(f"**{tr('export.decisions')}**")
                lines += [_decision_line(objective, d, tr) for d in objective.decisions]
                lines.append("")
            kr_numbers: dict[str, str] = {}
            lines.append(f"**{tr('export.key_results')}**")
            for kr in objective.key_results:
                if kr.set_aside:
                    set_aside.append(kr.text)
                    continue
                kr_numbers[kr.id] = f"KR{len(kr_numbers) + 1}"
                measure = kr_measure(kr, tr)
                if kr.baseline_unknown:
                    measure += f" — {_waiting_note(session, objective, kr, tr)}"
                suffix = f" ({measure})" if measure else ""
                lines.append(f"{len(kr_numbers)}. {md(kr.text)}{suffix}")
                if quarter:
                    lines.append(_kr_quarter(kr, tr))
            if not kr_numbers:
                lines.append(f"- *{tr('export.none')}*")
            lines.append("")
            if objective.tactics:
                lines.append(f"**{tr('export.tactics')}**")
                for tactic in objective.tactics:
                    moves = ", ".join(kr_numbers[k] for k in tactic.moves if k in kr_numbers)
                    moved = f" — {tr('export.moves')} {moves}" if moves else ""
                    lines.append(f"- {md(tactic.text)}{moved}")
                    for action in tactic.actions:
                        owner = session.participant_name(action.owner)
                        details = [
                            f"{tr('export.' + key)}{tr('export.colon')} {value}"
                            for key, value in (
                                ("owner", md(owner) if owner else ""),
                                ("due", action.due.isoformat() if action.due else ""),
                                ("first_step", md(action.first_step or "")),
                            )
                            if value
                        ]
                        extra = f" ({'; '.join(details)})" if details else ""
                        lines.append(f"  - [ ] {md(action.text)}{extra}")
                lines.append("")
            lines += _learned(objective, tr)
        lines += _kpis_and_roadmap(team, tr)
        set_aside = [o.text for o in team.objectives if o.set_aside] + set_aside
        if quarter:
            lines += _not_doing(team, tr)
        elif set_aside:
            lines += [f"## {tr('export.set_aside')}", ""]
            lines += [f"- {md(text)}" for text in set_aside]
            lines.append("")
        for level in LEVELS:
            ranking = tally(team, level)
            if ranking:
                lines += [f"## {tr('export.ranking', level=tr('export.level_' + level))}", ""]
                for ranked in ranking:
                    tie = "=" if ranked.tied else ""
                    lines.append(f"{tie}{ranked.rank}. {md(ranked.idea.text)} — "
                                 f"{tr('export.dots', count=ranked.dots)}")
                lines.append("")
        parked = parking_lot(team)
        if parked and not quarter:
            lines += [f"## {tr('export.parking_lot')}", ""]
            for idea in parked:
                lines.append(f"- {md(idea.text)}")
                lines += [f"  - {md(member.text)}" for member in idea.members]
            lines.append("")
        waiting = [idea for idea in team.ideas if idea.promoted_to is None and not idea.parked]
        if waiting:
            lines += [f"## {tr('export.ideas')}", ""]
            for level in LEVELS:
                at_level = [idea for idea in waiting if idea.level == level]
                if not at_level:
                    continue
                lines += [f"### {tr('export.level_' + level)}", ""]
                for idea in at_level:
                    author = session.participant_name(idea.author)
                    lines.append(f"- {md(idea.text)}" + (f" — {md(author)}" if author else ""))
                    for member in idea.members:
                        by = session.participant_name(member.author)
                        lines.append(f"  - {md(member.text)}" + (f" — {md(by)}" if by else ""))
                lines.append("")
    if session.decision_log:
        lines += [f"## {tr('export.decision_log')}", ""]
        for decision in session.decision_log:
            why = f" — {md(decision.rationale)}" if decision.rationale else ""
            outcome = (f" — {_outcome(decision.outcome, decision.evidence, tr)}"
                       if decision.outcome else "")
            lines.append(f"- **{md(decision.text)}**{why}{outcome}")
        lines.append("")
    findings = session_findings(session, tr)
    if findings:
        lines += [f"## {tr('export.problems')}", ""]
        for finding in findings:
            lines.append(
                f"- **{tr('severity.' + finding.severity)}** `{finding.item}`{tr('export.colon')} "
                f"{md(finding.message)} {md(finding.suggestion)}"
            )
        lines.append("")
    return "\n".join(lines)
