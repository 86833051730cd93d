"""The progress view's rows, as the team reads them: each objective with its kind and grade,
each key result with its figures, a bar from baseline to target, the confidence (colour and
word), a small trend of its check-ins and the last note. User text stays literal."""


from textual.content import Content

from okrtui.baselines import measuring_action
from okrtui.document import item_tag
from okrtui.i18n import Catalog
from okrtui.models import KeyResult, Objective, Team
from okrtui.numbers import amount_text, grade_text, percent_text
from okrtui.progress import (
    SUCCESS,
    clamped,
    kr_progress,
    kr_state,
    latest,
    objective_grade,
    succeeded,
    toward_target,
)

from .localized import glimpse, literal
from .widgets.okr_outline import Lines

BAR_CELLS = 10
TREND_CELLS = 12
BLOCKS = "▁▂▃▄▅▆▇█"
STATE_STYLE = {"on_track": "bold $success", "at_risk": "bold $warning",
               "off_track": "bold $error"}
INDENT = "      "


def bar(ratio: float, language: str) -> Content:
    """████░░░░░░ 45 %: the bar is clamped to its ends, the percentage is not."""
    filled = round(clamped(ratio) * BAR_CELLS)
    return Content.assemble(("█" * filled, "$accent"), ("░" * (BAR_CELLS - filled), "dim"),
                            f" {percent_text(ratio, language)}")


def sparkline(values: tuple[float, ...]) -> str:
    """The last values checked in as block characters, lowest ▁ to highest █."""
    values = values[-TREND_CELLS:]
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return BLOCKS[len(BLOCKS) // 2] * len(values)
    top = len(BLOCKS) - 1
    return "".join(BLOCKS[round((value - low) / (high - low) * top)] for value in values)


class ProgressRows:
    """Puts one team's objectives and key results into words, in tr's language, numbers in
    the session's."""

    def __init__(self, tr: Catalog, language: str, team: Team) -> None:
        self.tr = tr
        self.language = language
        self.team = team

    def number(self, value: float | None, unit: str | None = None) -> str:
        return "?" if value is None else amount_text(value, unit, self.language)

    def objective(self, objective: Objective) -> Lines:
        """Its tag and wording, then its kind and grade, each wrapped under its indent."""
        tr = self.tr
        tag = item_tag(self.team, objective.id)
        kind = tr(f"quarter.kind.{objective.kind}")
        grade = objective_grade(objective)
        wording = Content.assemble((f"{tag}  ", "bold $accent"),
                                   literal(glimpse(objective.text)).stylize("bold"))
        parts: list[Content | str | tuple[str, str]] = [(kind, "italic")]
        graded = sum(kr.grade is not None for kr in objective.committed_key_results)
        if grade is None and graded:  # its grade waits for every key result's
            partly = tr("progress.partly_graded", count=graded,
                        total=len(objective.committed_key_results))
            parts.append((f" · {partly}", "dim"))
        elif grade is None:
            parts.append((f" · {tr('progress.not_graded')}", "dim"))
        else:
            success = SUCCESS[objective.kind]
            won = succeeded(objective)
            parts += [f" · {tr('progress.grade', grade=grade_text(grade, self.language))} · ",
                      (tr("progress.success" if won else "progress.below",
                          success=grade_text(success, self.language)),
                       "bold $success" if won else "bold $warning")]
        return Lines(("", INDENT, wording), (INDENT, INDENT, Content.assemble(*parts)))

    def key_result(self, objective: Objective, kr: KeyResult) -> Lines:
        """Its tag and wording, its figures, its bar, confidence and trend, its last note:
        each wrapped under its indent."""
        tag = item_tag(self.team, kr.id)
        wording = Content.assemble((f"{tag}  ", "bold"), literal(glimpse(kr.text)))
        lines = [("  ", INDENT, wording), (INDENT, INDENT, self._figures(kr))]
        measured = self._measured(objective, kr)
        if measured is not None:
            lines.append((INDENT, INDENT, measured))
        check_in = latest(kr)
        if check_in is not None and check_in.note:
            quoted = self.tr("progress.quoted", note=glimpse(check_in.note, 200))
            lines.append((INDENT, INDENT, literal(quoted).stylize("italic")))
        return Lines(*lines)

    def _figures(self, kr: KeyResult) -> Content:
        """départ 12 → cible 9,6 minutes · dernier 10,5 le 2027-02-14 (or what is missing)."""
        tr = self.tr
        start = (tr("progress.baseline_unknown") if kr.baseline is None
                 else self.number(kr.baseline))
        figures = tr("progress.figures", baseline=start,
                     target=self.number(kr.target, kr.unit))
        check_in = latest(kr)
        if check_in is None:
            return Content.assemble(literal(figures), " · ",
                                    (tr("progress.no_check_in"), "italic $text-muted"))
        last = tr("progress.latest", value=self.number(check_in.value, kr.unit),
                  date=check_in.date.isoformat())
        return literal(f"{figures} · {last}")

    def _measured(self, objective: Objective, kr: KeyResult) -> Content | None:
        """The bar, the confidence, the trend and the grade, once something is checked in;
        for an unknown baseline, what to do first."""
        tr = self.tr
        ratio = kr_progress(kr)
        parts: list[Content | str | tuple[str, str]] = []
        if ratio == "no_baseline":
            action = measuring_action(objective, kr)
            parts.append((tr("progress.measure_first"), "bold $warning"))
            parts.append(literal(tr("progress.measuring_action", action=glimpse(action.text, 80)))
                         if action is not None else tr("progress.plan_measure"))
        elif isinstance(ratio, float):
            parts.append(bar(ratio, self.language))
        elif ratio != "no_check_in":
            parts.append((tr(f"quarter.unknown.{ratio}"), "italic $text-muted"))
        check_in = latest(kr)
        state = kr_state(kr)
        if check_in is not None and check_in.confidence is not None and state is not None:
            parts += ["  ", tr("progress.confidence", confidence=check_in.confidence), " ",
                      (tr(f"quarter.state.{state}"), STATE_STYLE[state])]
        values = toward_target(kr)  # up is toward the target, for a reduction too
        if len(values) > 1:
            parts += ["  ", (sparkline(values), "$accent")]
        if kr.grade is not None:
            graded = tr("progress.grade", grade=grade_text(kr.grade, self.language))
            parts += ["  ", (graded, "bold")]
        if parts[:1] == ["  "]:  # nothing before the confidence, the trend or the grade
            parts = parts[1:]
        return Content.assemble(*parts) if parts else None
