"""A company report (okrtui.report) in words: the pieces every format says the same way, in
the catalog's language, and the report as Markdown and as JSON."""

from collections.abc import Sequence

from okrtui.cli_output import as_json
from okrtui.comparison import TeamRef
from okrtui.export import md
from okrtui.i18n import Catalog
from okrtui.numbers import amount_text, format_number, grade_text, percent_text
from okrtui.report import KeyResultLine, ObjectiveLine, Report, as_dict

NAMES = 8
"""Team names a theme lists before "and N more" (JSON lists them all)."""


def counted(tr: Catalog, key: str, count: int) -> str:
    """« 2 000 équipes », "1 team": the plural form by count, the number as written."""
    return tr(key, count=count, number=format_number(count, tr.language))


def state_word(tr: Catalog, kr: KeyResultLine) -> str:
    return tr(f"quarter.state.{kr.state or 'none'}")


def progress_words(tr: Catalog, kr: KeyResultLine) -> str:
    """"progress 45 %", or why it is unknown."""
    if kr.progress is None:
        return tr(f"quarter.unknown.{kr.unknown}")
    return tr("report.progress", percent=percent_text(kr.progress, tr.language))


def measure(tr: Catalog, kr: KeyResultLine) -> str:
    """"38.2 (from 31 to 51)": the latest value, the baseline and the target known."""
    ends = []
    if kr.baseline is not None:
        ends.append(tr("export.baseline", baseline=amount_text(kr.baseline, kr.unit, tr.language)))
    if kr.target is not None:
        ends.append(tr("export.target", target=amount_text(kr.target, kr.unit, tr.language)))
    if kr.value is None:
        return " ".join(ends)
    value = amount_text(kr.value, kr.unit, tr.language)
    return f"{value} ({' '.join(ends)})" if ends else value


def confidence_words(tr: Catalog, kr: KeyResultLine) -> str:
    """"confidence 3/10, off track", "no check-in", or that the latest gave none."""
    if kr.confidence is None:
        return state_word(tr, kr) if kr.checked_on is None else tr("report.no_confidence")
    return f"{tr('report.confidence', confidence=kr.confidence)}, {state_word(tr, kr)}"


def objective_facts(tr: Catalog, objective: ObjectiveLine) -> list[str]:
    """Its kind, and its grade with whether it reached its kind's success."""
    facts = [tr(f"quarter.kind.{objective.kind}")]
    if objective.grade is not None:
        reached = tr("report.succeeded" if objective.succeeded else "report.missed")
        graded = tr("report.grade", grade=grade_text(objective.grade, tr.language))
        facts.append(f"{graded} ({reached})")
    return facts


def team_names(tr: Catalog, teams: Sequence[TeamRef]) -> str:
    names = ", ".join(team.name for team in teams[:NAMES])
    if len(teams) <= NAMES:
        return names
    return tr("report.names_more", names=names,
              more=format_number(len(teams) - NAMES, tr.language))


def intro(tr: Catalog, report: Report) -> str:
    krs = sum(team.summary.key_results for team in report.teams)
    return tr("report.intro", teams=counted(tr, "report.teams", len(report.teams)),
              files=counted(tr, "report.files", report.files),
              key_results=counted(tr, "report.key_results", krs))


def to_json(report: Report, tr: Catalog) -> str:
    return as_json(as_dict(report, tr.language)) + "\n"


def to_markdown(report: Report, tr: Catalog) -> str:
    colon = tr("export.colon")
    lines = [f"# {tr('report.title')}", "", intro(tr, report), "",
             f"## {tr('report.off_track')} ({format_number(len(report.off_track), tr.language)})",
             ""]
    if report.off_track:
        lines += [tr("report.off_track_intro"), ""]
    else:
        lines += [tr("report.off_track_none"), ""]
    for line in report.off_track:
        kr = line.key_result
        details = [tr("report.confidence", confidence=kr.confidence)]
        if kr.checked_on is not None:
            details.append(tr("report.checked_on", date=kr.checked_on.isoformat()))
        note = f" — {md(kr.note)}" if kr.note else ""
        lines.append(f"- **{md(line.team.name)}** · {md(line.objective.text)} · "
                     f"{md(kr.label)} {md(kr.text)} — {', '.join(details)}{note}")
    lines += ["", f"## {tr('report.summary')}", "",
              "| " + " | ".join([tr("report.team"), tr("report.states"),
                                 *(tr(f"quarter.state.{s}") for s in
                                   ("on_track", "at_risk", "off_track", "none")),
                                 tr("report.mean")]) + " |",
              "| --- |" + " ---: |" * 6]
    for team in report.teams:
        s = team.summary
        mean = "—" if s.mean_progress is None else percent_text(s.mean_progress, tr.language)
        cells = [md(team.team.name),
                 *(format_number(n, tr.language) for n in
                   (s.key_results, s.on_track, s.at_risk, s.off_track, s.no_check_in)), mean]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"## {tr('report.themes')}", ""]
    lines += [tr("report.themes_intro") if report.themes else tr("report.themes_none"), ""]
    for theme in report.themes:
        what = f"{tr('compare.kind.' + theme.kind)}{colon} {md(theme.label(tr.language))}"
        teams = tr("report.theme_teams", teams=counted(tr, "report.teams", len(theme.teams)),
                   names=md(team_names(tr, theme.teams)))
        lines.append(f"- **{what}** — {teams}")
    for team in report.teams:
        lines += ["", f"## {md(team.team.name)}", "",
                  f"*{md(tr('report.source', source=team.team.source))}*", ""]
        if not team.objectives:
            lines.append(tr("report.no_objectives"))
        for number, objective in enumerate(team.objectives, start=1):
            facts = " · ".join(objective_facts(tr, objective))
            lines += [f"### {tr('report.objective', number=number)} — {md(objective.text)}", "",
                      f"*{facts}*", ""]
            if not objective.key_results:
                lines += [tr("report.no_key_results"), ""]
            for kr_number, kr in enumerate(objective.key_results, start=1):
                parts = [progress_words(tr, kr), measure(tr, kr), confidence_words(tr, kr)]
                if kr.checked_on is not None:
                    parts.append(tr("report.checked_on", date=kr.checked_on.isoformat()))
                note = f" — {md(kr.note)}" if kr.note else ""
                lines.append(f"{kr_number}. **{tr('report.key_result', number=kr_number)}** "
                             f"{md(kr.text)} — {md(' · '.join(filter(None, parts)))}{note}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
