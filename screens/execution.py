"""Level 3, execution: concrete actions under each tactic, with owner, due date, first step."""

from textual.binding import Binding

from okrtui.models import Action, Idea, Objective, Tactic
from okrtui.workshop import add_action, find_objective, remove_action

from .forms import ActionDraft, ActionForm
from .level_pane import LevelPane
from .localized import glimpse
from .widgets.okr_tree import Ref


class ExecutionPane(LevelPane):
    level = "execution"
    BINDINGS = [Binding("n", "new_action", "key.new_action")]

    def counts_text(self) -> str:
        count = sum(len(t.actions) for o in self.team.committed_objectives for t in o.tactics)
        return self.tr("execution.counts", count=count)

    def commit_idea(self, idea: Idea) -> None:
        self.with_tactic(lambda objective, tactic: self.ask_action(tactic, idea.text, idea))

    def action_new_action(self) -> None:
        self.with_tactic(lambda objective, tactic: self.ask_action(tactic, "", None))

    def ask_action(self, tactic: Tactic, text: str, idea: Idea | None) -> None:
        def done(draft: ActionDraft | None) -> None:
            if draft is not None:
                action = add_action(self.session, tactic, draft.text, draft.owner, draft.due,
                                    draft.first_step, from_idea=idea)
                self.redraw_idea(idea)
                self.changed(self.named("action_added", text=action.text), action.id)

        heading = self.tr("action.new", text=glimpse(tactic.text))
        self.app.push_screen(ActionForm(heading, self.session, text=text), done)

    def _action(self, ref: Ref) -> tuple[Tactic, Action] | None:
        if ref[0] != "action":
            return None
        objective: Objective | None = find_objective(self.team, ref[1])
        tactic = next((t for t in objective.tactics if t.id == ref[2]), None) if objective else None
        action = next((a for a in tactic.actions if a.id == ref[3]), None) if tactic else None
        return (tactic, action) if tactic and action else None

    def edit_ref(self, ref: Ref) -> None:
        found = self._action(ref)
        if found is None:
            self.tell("action.select_one", "warning")
            return
        action = found[1]

        def done(draft: ActionDraft | None) -> None:
            if draft is not None:
                action.text, action.owner = draft.text, draft.owner
                action.due, action.first_step = draft.due, draft.first_step
                self.changed(self.named("action_edited", text=action.text))

        self.app.push_screen(ActionForm(self.tr("action.edit"), self.session, action), done)

    def remove_ref(self, ref: Ref) -> None:
        found = self._action(ref)
        if found is None:
            self.tell("action.select_one", "warning")
            return
        tactic, action = found
        self.confirm_removal(action.text, lambda: remove_action(self.team, tactic, action))
