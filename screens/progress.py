"""Progress: where each committed key result stands in the quarter after the workshop, and
the check-ins and grades that say it. c checks a key result in; g grades it. The rows are
drawn by screens/progress_rows.py from okrtui.progress."""

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.document import Change, Name, item_tag
from okrtui.i18n import Catalog
from okrtui.models import CheckIn, KeyResult, Objective, Session, Team
from okrtui.progress import add_check_in, suggested_grade

from .commands import bindings_for
from .forms.progress import CheckInForm, GradeDraft, GradeForm
from .localized import glimpse, literal, prose, shown
from .progress_rows import ProgressRows
from .widgets.team_view import TeamView


class ProgressPane(TeamView, Vertical):
    BINDINGS = bindings_for("progress")
    DEFAULT_CSS = """
    ProgressPane > #progress-list {
        height: 1fr;
        border: none;
        scrollbar-gutter: stable;
    }
    ProgressPane > #progress-list > .option-list--option {
        padding: 0 0 1 0;
    }
    """

    def __init__(self, session: Session, team: Team, tr: Catalog) -> None:
        super().__init__(classes="level", id="progress-pane")
        self.session = session
        self.tr = tr

    def compose(self) -> ComposeResult:
        yield Label("", classes="panel-heading", id="progress-heading")
        yield Static("", classes="question", id="progress-hint")
        yield OptionList(id="progress-list", classes="progress-list")

    @property
    def rows(self) -> OptionList:
        return self.query_one("#progress-list", OptionList)

    def on_mount(self) -> None:
        self.reload()
        self.okr_app.document_changed.subscribe(self, self.follow, immediate=True)

    def follow(self, change: Change) -> None:
        """Any edit, undo or redo may change a check-in or a grade (shown: at once; else
        when shown again); the cursor stays on its item, or goes to the one just edited."""
        if change.kind != "navigation" and shown(self):
            self.reload(next(iter(change.ids), None))

    def focus_rows(self) -> None:
        self.rows.focus()

    def reload(self, item_id: str | None = None) -> None:
        tr, team = self.tr, self.team
        self.query_one("#progress-heading", Label).update(
            literal(tr("progress.heading", team=glimpse(team.name or team.id, 60))))
        objectives = team.committed_objectives
        checked = any(kr.check_ins for o in objectives for kr in o.committed_key_results)
        hint = self.query_one("#progress-hint", Static)
        hint.update(prose(tr("progress.empty") if objectives else tr("progress.no_objective")))
        hint.display = not checked
        rows = ProgressRows(tr, self.session.language, team)
        options: list[Option | None] = []
        for objective in objectives:
            if options:
                options.append(None)
            options.append(Option(rows.objective(objective), id=objective.id))
            for kr in objective.committed_key_results:
                options.append(Option(rows.key_result(objective, kr), id=kr.id))
        listed = self.rows
        keep = item_id or self._highlighted_id()
        listed.set_options(options)
        ids = [option.id for option in listed.options]
        krs = [kr.id for objective in objectives for kr in objective.committed_key_results]
        if keep in ids:
            listed.highlighted = ids.index(keep)
        elif krs:
            listed.highlighted = ids.index(krs[0])  # where c and g work
        elif listed.option_count:
            listed.highlighted = 0

    def _highlighted_id(self) -> str | None:
        index = self.rows.highlighted
        if index is None or index >= self.rows.option_count:
            return None
        return self.rows.get_option_at_index(index).id

    def _key_result(self) -> tuple[Objective, KeyResult] | None:
        """The key result under the cursor (None, with a word, on anything else)."""
        item_id = self._highlighted_id()
        for objective in self.team.committed_objectives:
            for kr in objective.committed_key_results:
                if kr.id == item_id:
                    return objective, kr
        self.okr_app.notify(literal(self.tr("progress.pick_kr")), severity="warning")
        return None

    def action_check_in(self) -> None:
        found = self._key_result()
        if found is None:
            return
        kr = found[1]
        tag = item_tag(self.team, kr.id)

        def done(check_in: CheckIn | None) -> None:
            if check_in is not None:
                add_check_in(kr, check_in)
                self.okr_app.mark_changed(Name.of("progress.step_check_in", tag=tag), [kr.id])

        heading = self.tr("progress.check_in_heading", tag=tag)
        self.app.push_screen(CheckInForm(heading, kr, date.today()), done)

    def action_grade(self) -> None:
        found = self._key_result()
        if found is None:
            return
        kr = found[1]
        tag = item_tag(self.team, kr.id)

        def done(draft: GradeDraft | None) -> None:
            if draft is not None and draft.grade != kr.grade:
                kr.grade = draft.grade
                self.okr_app.mark_changed(Name.of("progress.step_grade", tag=tag), [kr.id])

        heading = self.tr("progress.grade_heading", tag=tag)
        self.app.push_screen(GradeForm(heading, kr, suggested_grade(kr)), done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a key result checks it in."""
        event.stop()
        self.action_check_in()

