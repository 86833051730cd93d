"""Level 3, execution: concrete actions under each tactic, with owner, due date, first step."""


from okrtui.models import Action, Idea, Tactic
from okrtui.refs import ActionRef, ItemRef
from okrtui.workshop import add_action, remove_action

from .commands import bindings_for
from .forms import ActionDraft, ActionForm
from .level_pane import LevelPane
from .localized import glimpse


class ExecutionPane(LevelPane):
    level = "execution"
    BINDINGS = bindings_for("execution")

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
                self.coach_on(action, "action")

        heading = self.tr("action.new", text=glimpse(tactic.text))
        self.app.push_screen(ActionForm(heading, self.session, text=text), done)

    def _action(self, ref: ItemRef) -> tuple[Tactic, Action] | None:
        found = ref.find(self.team) if isinstance(ref, ActionRef) else None
        return (found[1], found[2]) if found is not None else None

    def edit_ref(self, ref: ItemRef) -> None:
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
                self.coach_on(action, "action")

        self.app.push_screen(ActionForm(self.tr("action.edit"), self.session, action), done)

    def remove_ref(self, ref: ItemRef) -> None:
        found = self._action(ref)
        if found is None:
            self.tell("action.select_one", "warning")
            return
        tactic, action = found
        self.confirm_removal(action.text, lambda: remove_action(self.team, tactic, action))
