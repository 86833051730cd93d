"""Teams side by side: what their OKRs share, what pulls apart, what only one has — the teams
of this session, or this session against another team's file. Reached from the review (c)."""

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from okrtui.compare import compare_teams
from okrtui.compare_text import render_text
from okrtui.comparison import Comparison
from okrtui.document import Name
from okrtui.i18n import catalog
from okrtui.models import Session
from okrtui.problems import FileProblem

from .app_access import UsesOkrApp
from .commands import bindings_for
from .dialogs import PathScreen
from .localized import literal, prose
from .widgets.key_bar import KeyBar
from .widgets.title_bar import TitleBar


class CompareScreen(UsesOkrApp, Screen[None]):
    BINDINGS = bindings_for("compare")

    def __init__(self, session: Session, source: str) -> None:
        super().__init__()
        self.session = session
        self.tr = self.okr_app.tr
        self.sources: list[tuple[str, Session]] = [(source, session)]
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="compare"):
            yield Static("", id="compare-text")
        yield KeyBar()

    def on_mount(self) -> None:
        if len(self.session.teams) > 1:
            self.show()
        else:
            text = self.query_one("#compare-text", Static)
            text.update(prose(self.tr("compare_screen.one_team")))
            self.action_other_file()

    def show(self) -> None:
        self.comparison = compare_teams(self.sources)
        self.query_one("#compare-text", Static).update(
            literal(render_text(self.comparison, self.tr)))
        self.query_one("#compare").focus()

    def action_other_file(self) -> None:
        """Compare with the teams of another session file (another team's own file)."""

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            from okrtui.storage import load_session

            try:
                other = load_session(path)
            except FileProblem as error:
                self.okr_app.notify(literal(error.message(self.tr)), severity="error", timeout=10)
                return
            self.sources = [self.sources[0], (path.name, other)]
            self.show()

        self.app.push_screen(PathScreen(self.tr("compare_screen.other_heading")), chosen)

    def action_save_common(self) -> None:
        """Keep what the teams share as this session's "what we have in common"."""
        if self.comparison is None:
            return
        from okrtui.common_points import common_points, save_common

        points = common_points(self.comparison, catalog(self.session.language))
        save_common(self.session, points)
        self.okr_app.mark_changed(Name.of("step.common"))  # the views follow
        self.okr_app.notify(literal(self.tr("compare_screen.saved", count=len(points))))
