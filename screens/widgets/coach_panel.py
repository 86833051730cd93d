"""The coach beside a field: its findings on the wording, updated as the user types; and
its word on what was just committed."""

from dataclasses import dataclass

from textual.content import Content
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Static

from okrtui.coach import Kind
from okrtui.document import item_tag
from okrtui.findings import Finding, item_findings, wording_findings, worst
from okrtui.i18n import Catalog
from okrtui.models import Action, KeyResult, Objective, Tactic, Team

from ..prose import Prose

MARKER = {"error": ("✖", "bold $error"), "warning": ("▲", "bold $warning"),
          "info": ("●", "bold $primary")}
DEBOUNCE_SECONDS = 0.15
COACH_SECONDS = 15
"""How long the coach's word on what was just committed stays: long enough to read it and
its suggestion; it never stops the work."""
NOTIFIED: dict[str | None, SeverityLevel] = {
    "error": "error", "warning": "warning", "info": "information"}


def render_findings(findings: list[Finding], tr: Catalog) -> Content:
    if not findings:
        return Content.styled(f"✓ {tr('coach.all_good')}", "$success")
    lines = []
    for finding in findings:
        mark, style = MARKER[finding.severity]
        lines.append(Content.assemble(
            (f"{mark} ", style), (f"{finding.message} ", ""), (f"→ {finding.suggestion}", "italic"),
            (f"  ({finding.rule})", "dim"),
        ))
    return Content("\n").join(lines)


@dataclass(frozen=True)
class CoachNotice:
    """The coach's word on one item just committed, added or edited: a notification."""

    title: str
    findings: Content
    severity: SeverityLevel

    @classmethod
    def on(cls, tr: Catalog, team: Team, item: Objective | KeyResult | Tactic | Action,
           kind: Kind, language: str) -> "CoachNotice | None":
        """None when the coach has nothing to say (findings the team silenced stay silent)."""
        found = [f for f in item_findings(tr, item, kind, language=language)
                 if f.silenced_because is None]
        if not found:
            return None
        return cls(tr(f"coach.on_{kind}", tag=item_tag(team, item.id)),
                   render_findings(found, tr), NOTIFIED[worst(found)])


class CoachPanel(Static):
    """Findings on one wording; `check(text)` waits for a pause in typing, then updates."""

    def __init__(self, tr: Catalog, kind: Kind, text: str = "", language: str = "") -> None:
        super().__init__(classes="coach")
        self.tr = tr
        self.kind = kind
        self.language = language or tr.language
        self.baseline_known = False
        self._timer: Timer | None = None
        self._text = text

    def on_mount(self) -> None:
        self.show_now()

    def check(self, text: str) -> None:
        self._text = text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.show_now)

    def show_now(self) -> None:
        self._timer = None
        text = self._text.strip()
        self.display = bool(text)
        if not text:
            self.update("")
            return
        findings = wording_findings(self.tr, self.kind, text, baseline_known=self.baseline_known,
                                    language=self.language)
        self.update(Prose(render_findings(findings, self.tr)))
