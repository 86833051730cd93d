"""Level 2, tactic: bets under each objective, each aimed at key results it should move."""


from okrtui.models import Idea, KeyResult, Objective, Tactic
from okrtui.refs import ItemRef, TacticRef
from okrtui.workshop import add_tactic, remove_tactic

from .commands import bindings_for
from .forms import TacticDraft, TacticForm
from .level_pane import LevelPane
from .localized import glimpse


def numbered_key_results(objective: Objective) -> list[tuple[str, KeyResult]]:
    return [(f"KR{n}", kr) for n, kr in enumerate(objective.committed_key_results, 1)]


class TacticPane(LevelPane):
    level = "tactic"
    BINDINGS = bindings_for("tactic")

    def counts_text(self) -> str:
        count = sum(len(o.tactics) for o in self.team.committed_objectives)
        return self.tr("tactic.counts", count=count)

    def commit_idea(self, idea: Idea) -> None:
        self.with_objective(lambda objective: self.ask_tactic(objective, idea.text, idea))

    def action_new_tactic(self) -> None:
        self.with_objective(lambda objective: self.ask_tactic(objective, "", None))

    def ask_tactic(self, objective: Objective, text: str, idea: Idea | None) -> None:
        def done(draft: TacticDraft | None) -> None:
            if draft is not None:
                tactic = add_tactic(self.session, objective, draft.text, list(draft.moves), idea)
                self.redraw_idea(idea)
                self.changed(self.named("tactic_added", text=tactic.text), tactic.id)
                self.coach_on(tactic, "tactic")

        heading = self.tr("tactic.new", text=glimpse(objective.text))
        self.app.push_screen(TacticForm(heading, text, numbered_key_results(objective)), done)

    def _tactic(self, ref: ItemRef) -> tuple[Objective, Tactic] | None:
        return ref.find(self.team) if isinstance(ref, TacticRef) else None

    def edit_ref(self, ref: ItemRef) -> None:
        found = self._tactic(ref)
        if found is None:
            self.tell("tactic.select_one", "warning")
            return
        objective, tactic = found

        offered = {kr.id for _, kr in numbered_key_results(objective)}

        def done(draft: TacticDraft | None) -> None:
            if draft is not None:
                tactic.text = draft.text
                kept = [kr_id for kr_id in tactic.moves if kr_id not in offered]  # set aside
                tactic.moves = [*draft.moves, *kept]
                self.changed(self.named("tactic_edited", text=tactic.text))
                self.coach_on(tactic, "tactic")

        form = TacticForm(self.tr("tactic.edit"), tactic.text, numbered_key_results(objective),
                          tactic.moves)
        self.app.push_screen(form, done)

    def remove_ref(self, ref: ItemRef) -> None:
        found = self._tactic(ref)
        if found is None:
            self.tell("tactic.select_one", "warning")
            return
        objective, tactic = found
        self.confirm_removal(tactic.text, lambda: remove_tactic(self.team, objective, tactic))
