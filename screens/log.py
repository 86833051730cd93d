"""The decisions logged in the workshop and the team's health metrics (KPIs), to read."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from okrtui.export import kr_measure
from okrtui.models import Session, Team

from .commands import bindings_for
from .dialogs import Dialog
from .localized import literal, prose
from .widgets.key_bar import KeyBar


class LogScreen(Dialog[None]):
    """j: what the session decided, with why, and the team's KPIs (escape or j closes)."""

    AUTO_FOCUS = ".log"
    BINDINGS = bindings_for("log")

    def __init__(self, session: Session, team: Team) -> None:
        super().__init__()
        self.session = session
        self.team = team

    def compose(self) -> ComposeResult:
        tr = self.tr
        with VerticalScroll(classes="dialog log"):
            yield Label(literal(tr("log.heading")), classes="heading")
            yield Static(self._decisions(), classes="help-section")
            yield Label(prose(tr("log.kpis", team=self.team.name or self.team.id)),
                        classes="heading")
            yield Static(self._kpis(), classes="help-section")
        yield KeyBar()

    def _decisions(self) -> Content:
        tr = self.tr
        if not self.session.decision_log:
            return Content.styled(tr("log.no_decision"), "dim italic")
        lines = []
        for decision in self.session.decision_log:
            where = f"  ({tr(f'level.{decision.level}.name')})" if decision.level else ""
            lines.append(Content.assemble(("◆ ", "bold"), decision.text, (where, "dim")))
            if decision.rationale:
                lines.append(Content.assemble(("    ", ""), (decision.rationale, "italic")))
        return Content("\n").join(lines)

    def _kpis(self) -> Content:
        tr = self.tr
        if not self.team.kpis:
            return Content.styled(tr("log.no_kpi"), "dim italic")
        lines = []
        for kpi in self.team.kpis:
            measure = kr_measure(kpi, tr)
            lines.append(Content.assemble(("• ", "bold"), kpi.text,
                                          (f"  [{measure}]" if measure else "", "dim")))
        return Content("\n").join(lines)
