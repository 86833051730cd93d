"""The learning review (B): for the team on screen, whether each decision of the workshop
held, what was learned per objective, and whether what was left out is still right not to
do. One list; keys answer on the highlighted row (k c d, s r), enter writes its line of
evidence, what was learned, or its note. The answers are okrtui.learning's; every one is a
step of the document, which ctrl+z takes back here too."""

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.document import Change, Name, item_tag
from okrtui.learning import (
    Decision,
    LeftOut,
    decisions_to_review,
    not_doing_items,
    objective_decisions,
    review_progress,
    set_evidence,
    set_learned,
    set_not_doing,
    set_not_doing_note,
    set_outcome,
)
from okrtui.models import Idea, NotDoing, Objective, Outcome, Session

from .commands import bindings_for
from .dialogs import Dialog, field
from .forms import FormScreen
from .localized import glimpse, literal, prose, visible_controls
from .widgets.key_bar import KeyBar
from .widgets.okr_outline import Lines
from .widgets.team_view import TeamView

OUTCOME_STYLE = {"kept": "bold green", "changed": "bold yellow", "dropped": "bold red"}
ANSWER_STYLE = {"still_right": "bold green", "reconsider": "bold yellow"}
NAME_CHARACTERS = 40


@dataclass(frozen=True)
class Learned:
    """The row of what was learned on an objective."""

    objective: Objective


@dataclass(frozen=True)
class NotDoingRow:
    item: LeftOut


Row = Decision | Learned | NotDoingRow


class NoteForm(FormScreen[str]):
    """One line that may be left blank (it then clears what was written): evidence, what was
    learned (wrapped over a few lines), a note. Gives back the text."""

    def __init__(self, heading: str, label: str, text: str, wide: bool = False) -> None:
        super().__init__()
        self.heading = heading
        self.label = label
        self.text = text
        self.wide = wide

    def form_fields(self) -> ComposeResult:
        yield Label(prose(self.label))
        if self.wide:
            yield from self.wording()
        else:
            yield field(self.text, id="text")

    def submit(self) -> None:
        self.dismiss(self.value("text"))


class LearningScreen(TeamView, Dialog[None]):
    AUTO_FOCUS = "#learning-list"
    BINDINGS = bindings_for("learning")
    CSS = """
    .dialog.learning {
        width: 95%;
        max-width: 110;
        height: 100%;
        & > #learning-progress {
            color: $text-muted;
        }
        & > #learning-list {
            height: 1fr;
            border: none;
            padding: 0;
            & > .option-list--option {
                padding: 0;
            }
        }
    }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[Row | None] = []
        """What each option of the list stands for (None: a heading or a note)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog learning"):
            yield Label(literal(self.tr("learning.heading",
                                        team=self.team.name or self.team.id)),
                        classes="heading")
            yield Static("", id="learning-progress")
            yield OptionList(id="learning-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.option_list.highlighted = next(
            (at for at, row in enumerate(self.rows) if row is not None and not _answered(row)),
            next((at for at, row in enumerate(self.rows) if row is not None), None))
        self.okr_app.document_changed.subscribe(self, self.follow, immediate=True)

    def follow(self, change: Change) -> None:
        """Every answer, undo or redo redraws the list (the session's objects may be new
        ones after an undo), the cursor on the same row."""
        if change.kind != "navigation":
            self.reload()

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#learning-list", OptionList)

    # Drawing ----------------------------------------------------------------------------

    def reload(self) -> None:
        tr, team = self.tr, self.team
        progress = review_progress(self.session, team)
        said = [tr("learning.decisions_progress", count=progress.decisions,
                   total=progress.decisions_total),
                tr("learning.learned_progress", done=progress.learned,
                   count=progress.learned_total)]
        if progress.not_doing_total:
            said.append(tr("learning.not_doing_progress", count=progress.not_doing,
                           total=progress.not_doing_total))
        self.query_one("#learning-progress", Static).update(prose(" · ".join(said)))
        self.rows = []
        options: list[Option] = []

        def add(prompt: Content | Lines, row: Row | None = None) -> None:
            options.append(Option(prompt, disabled=row is None))
            self.rows.append(row)

        add(Content.styled(tr("learning.decisions_heading"), "bold underline"))
        if not decisions_to_review(self.session, team):
            add(Content.styled(tr("learning.no_decision"), "dim italic"))
        if not team.committed_objectives:
            add(Content.styled(tr("learning.no_objective"), "dim italic"))
        for objective in team.committed_objectives:
            add(self._objective(objective))
            decisions = objective_decisions(objective)
            if not decisions:
                add(Content.styled(f"  {tr('learning.objective_no_decision')}", "dim italic"))
            for decision in decisions:
                add(self._decision(decision), decision)
            add(self._learned(objective), Learned(objective))
        if self.session.decision_log:
            add(Content.styled(tr("learning.log_heading"), "bold underline"))
            for decision in decisions_to_review(self.session, team):
                if decision.logged is not None:
                    add(self._decision(decision), decision)
        add(Content.styled(tr("learning.not_doing_heading"), "bold underline"))
        left_out = not_doing_items(team)
        if not left_out:
            add(Content.styled(tr("learning.nothing_left_out"), "dim italic"))
        for item in left_out:
            add(self._left_out(item), NotDoingRow(item))
        option_list = self.option_list
        highlighted = option_list.highlighted
        option_list.set_options(options)
        if highlighted is not None and highlighted < option_list.option_count:
            option_list.highlighted = highlighted

    def _objective(self, objective: Objective) -> Lines:
        tag = f"{item_tag(self.team, objective.id)} "
        mark = (f"  ({self.tr('objective_kind.mark')})" if objective.kind == "aspirational"
                else "")
        return Lines(("", " " * len(tag), Content.assemble(
            (tag, "bold cyan"), (_user(objective.text), "bold"), (mark, "italic"))))

    def _decision(self, decision: Decision) -> Lines:
        tr = self.tr
        outcome = decision.outcome
        if outcome is None:
            status = Content.styled(tr("learning.unreviewed"), "dim")
        elif decision.evidence:
            status = Content.assemble((tr(f"learning.{outcome}"), OUTCOME_STYLE[outcome]),
                                      " · ", _user(decision.evidence))
        else:
            status = Content.assemble((tr(f"learning.{outcome}"), OUTCOME_STYLE[outcome]),
                                      (f" · {tr('learning.no_evidence')}", "dim"))
        indent = "  " if decision.objective is not None else ""
        return Lines((indent, f"{indent}  ", Content.assemble(("◆ ", "bold"),
                                                              _user(decision.text))),
                     (f"{indent}    ", f"{indent}    ", status))

    def _learned(self, objective: Objective) -> Lines:
        tr = self.tr
        said = (Content(_user(objective.learned)) if objective.learned
                else Content.styled(tr("learning.learned_empty"), "dim"))
        return Lines(("  ", "    ", Content.assemble(
            ("✎ ", "bold"), (f"{tr('learning.learned')}{tr('export.colon')} ", "italic"),
            said)))

    def _left_out(self, item: LeftOut) -> Lines:
        tr = self.tr
        kind = ("idea" if isinstance(item, Idea) else
                "objective" if isinstance(item, Objective) else "key_result")
        answer = item.not_doing
        if answer is None:
            status = Content.styled(tr("learning.unanswered"), "dim")
        else:
            status = Content.assemble((tr(f"learning.{answer}"), ANSWER_STYLE[answer]),
                                      " · " if item.not_doing_note else "",
                                      _user(item.not_doing_note or ""))
        return Lines(("", "  ", Content.assemble(("• ", "bold"), _user(item.text),
                                                 (f"  ({tr(f'learning.{kind}')})", "dim"))),
                     ("    ", "    ", status))

    # Answers ----------------------------------------------------------------------------

    @property
    def row(self) -> Row | None:
        index = self.option_list.highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def warn(self, key: str) -> None:
        self.okr_app.notify(literal(self.tr(key)), severity="warning")

    def edited(self, key: str, **values: str) -> None:
        self.okr_app.mark_changed(Name.of(
            key, **{name: glimpse(value, NAME_CHARACTERS) for name, value in values.items()}))

    def action_outcome(self, outcome: Outcome) -> None:
        row = self.row
        if not isinstance(row, Decision):
            self.warn("learning.not_a_decision")
            return
        set_outcome(row, outcome)
        self.edited(f"learning.step_{outcome}", text=row.text)

    def action_not_doing(self, answer: NotDoing) -> None:
        row = self.row
        if not isinstance(row, NotDoingRow):
            self.warn("learning.not_left_out")
            return
        set_not_doing(row.item, answer)
        self.edited(f"learning.step_{answer}", text=row.item.text)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: the row's line of evidence, what was learned, or its note."""
        event.stop()
        row = self.row
        tr = self.tr
        if isinstance(row, Decision):
            if row.outcome is None:
                self.warn("learning.outcome_first")
                return
            decision = row

            def evidence(text: str | None) -> None:
                if text is not None and text.strip() != (decision.evidence or ""):
                    set_evidence(decision, text)
                    self.edited("learning.step_evidence", text=decision.text)

            self.app.push_screen(NoteForm(tr("learning.evidence_heading",
                                             text=glimpse(row.text, 80)),
                                          tr("learning.evidence_label"), row.evidence or ""),
                                 evidence)
        elif isinstance(row, Learned):
            objective = row.objective

            def learned(text: str | None) -> None:
                if text is not None and text.strip() != (objective.learned or ""):
                    set_learned(objective, text)
                    self.edited("learning.step_learned", tag=item_tag(self.team, objective.id))

            self.app.push_screen(NoteForm(tr("learning.learned_heading",
                                             text=glimpse(objective.text, 80)),
                                          tr("learning.learned_label"), objective.learned or "",
                                          wide=True),
                                 learned)
        elif isinstance(row, NotDoingRow):
            self._note(row.item)

    def _note(self, item: LeftOut) -> None:
        if item.not_doing is None:
            self.warn("learning.answer_first")
            return

        def note(text: str | None) -> None:
            if text is not None and text.strip() != (item.not_doing_note or ""):
                set_not_doing_note(item, text)
                self.edited("learning.step_note", text=item.text)

        self.app.push_screen(NoteForm(self.tr("learning.note_heading",
                                              text=glimpse(item.text, 80)),
                                      self.tr("learning.note_label"),
                                      item.not_doing_note or ""), note)

    # Undo, redo -------------------------------------------------------------------------

    def action_undo(self) -> None:
        self.okr_app.history_step("undone")

    def action_redo(self) -> None:
        self.okr_app.history_step("redone")


def _user(text: str) -> str:
    """User text for a row: cut to a glimpse, its control characters shown, not sent."""
    return visible_controls(glimpse(text))


def _answered(row: Row) -> bool:
    if isinstance(row, Decision):
        return row.outcome is not None
    if isinstance(row, Learned):
        return bool(row.objective.learned)
    return row.item.not_doing is not None
