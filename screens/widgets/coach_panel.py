"""The coach beside a field: its findings on the wording, updated as the user types."""

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from okrtui.coach import Kind
from okrtui.findings import Finding, wording_findings
from okrtui.i18n import Catalog

from ..prose import Prose

MARKER = {"error": ("✖", "bold $error"), "warning": ("▲", "bold $warning"),
          "info": ("●", "bold $primary")}
DEBOUNCE_SECONDS = 0.15


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
