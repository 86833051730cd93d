"""Level 1, ambition: ideas become objectives, with their decisions and key results."""


from okrtui.baselines import update_key_result
from okrtui.document import item_tag
from okrtui.limits import MAX_KEY_RESULTS, MAX_OBJECTIVES, LimitReached
from okrtui.models import Idea, Objective, ObjectiveKind
from okrtui.refs import DecisionRef, ItemRef, KeyResultRef, ObjectiveRef
from okrtui.workshop import (
    add_decision,
    add_key_result,
    commit_objective,
    edit_decision,
    find_objective,
    remove_decision,
    remove_key_result,
    restore_key_result,
    restore_objective,
    return_objective_to_ideas,
    set_aside,
)

from .commands import bindings_for
from .forms import (
    KeyResultDraft,
    KeyResultForm,
    ObjectiveDraft,
    ObjectiveForm,
    PickScreen,
    TextForm,
)
from .level_pane import LevelPane
from .localized import glimpse, literal


class AmbitionPane(LevelPane):
    level = "ambition"
    BINDINGS = bindings_for("ambition")

    def counts_text(self) -> str:
        return self.tr("ambition.counts", count=len(self.team.committed_objectives),
                       limit=MAX_OBJECTIVES)

    # Objectives -----------------------------------------------------------------

    def commit_idea(self, idea: Idea) -> None:
        self.commit(idea.text, idea)

    def action_new_objective(self) -> None:
        def done(draft: ObjectiveDraft | None) -> None:
            if draft is not None:
                self.commit(draft.text, None, draft.kind)

        self.app.push_screen(ObjectiveForm(self.tr("objective.new")), done)

    def commit(self, text: str, idea: Idea | None,
               kind: ObjectiveKind = "committed") -> None:
        try:
            objective = commit_objective(self.session, self.team, text, idea, kind)
        except LimitReached:
            self.offer_objective_swap(text, idea, kind)
            return
        self.redraw_idea(idea)
        self.changed(self.named("objective_committed", tag=item_tag(self.team, objective.id),
                                text=objective.text), objective.id)
        self.tell("objective.committed")
        self.coach_on(objective, "objective")

    def offer_objective_swap(self, text: str, idea: Idea | None,
                             kind: ObjectiveKind = "committed") -> None:
        committed = self.team.committed_objectives
        choices = [(o.id, literal(f"O{n}  {glimpse(o.text)}"))
                   for n, o in enumerate(committed, 1)]

        def swap(objective_id: str | None) -> None:
            objective = find_objective(self.team, objective_id or "")
            if objective is None:
                if idea is None:
                    self.keep_as_idea(text)
                else:
                    self.tell("swap.idea_stays", "warning")
                return
            set_aside(objective)
            self.commit(text, idea, kind)

        note = self.tr("swap.objectives_note", limit=MAX_OBJECTIVES, text=glimpse(text))
        self.app.push_screen(PickScreen(self.tr("swap.heading"), choices, note), swap)

    # Key results and decisions ------------------------------------------------

    def action_new_key_result(self) -> None:
        def ask(objective: Objective) -> None:
            def done(draft: KeyResultDraft | None) -> None:
                if draft is not None:
                    self.add_kr(objective, draft)

            heading = self.tr("kr.new", text=glimpse(objective.text))
            self.app.push_screen(KeyResultForm(heading), done)

        self.with_objective(ask)

    def add_kr(self, objective: Objective, draft: KeyResultDraft) -> None:
        try:
            kr = add_key_result(self.session, objective, draft.text, baseline=draft.baseline,
                                target=draft.target, unit=draft.unit,
                                baseline_unknown=draft.baseline_unknown)
        except LimitReached:
            self.offer_kr_swap(objective, draft)
            return
        self.changed(self.named("kr_added", tag=item_tag(self.team, kr.id),
                                objective=item_tag(self.team, objective.id)), kr.id)
        self.coach_on(kr, "kr")

    def offer_kr_swap(self, objective: Objective, draft: KeyResultDraft) -> None:
        krs = objective.committed_key_results
        choices = [(kr.id, literal(f"KR{n}  {glimpse(kr.text)}")) for n, kr in enumerate(krs, 1)]

        def swap(kr_id: str | None) -> None:
            kr = next((kr for kr in krs if kr.id == kr_id), None)
            if kr is None:
                self.keep_as_idea(draft.text)
                return
            set_aside(kr)
            self.add_kr(objective, draft)

        note = self.tr("swap.key_results_note", limit=MAX_KEY_RESULTS, text=glimpse(draft.text))
        self.app.push_screen(PickScreen(self.tr("swap.heading"), choices, note), swap)

    def action_new_decision(self) -> None:
        def ask(objective: Objective) -> None:
            def done(text: str | None) -> None:
                if text:
                    add_decision(objective, text)
                    self.changed(self.named("decision_added",
                                            objective=item_tag(self.team, objective.id)))

            self.app.push_screen(
                TextForm(self.tr("decision.new", text=glimpse(objective.text)),
                         self.tr("decision.text")),
                done,
            )

        self.with_objective(ask)

    # Set aside, edit, remove ------------------------------------------------------

    def action_set_aside(self) -> None:
        ref = self.selected_ref()
        try:
            if isinstance(ref, ObjectiveRef):
                objective = ref.find(self.team)
                if objective is None:
                    return
                if objective.set_aside:
                    restore_objective(self.team, objective)
                else:
                    set_aside(objective)
            elif isinstance(ref, KeyResultRef) and (found := ref.find(self.team)):
                objective, kr = found
                if kr.set_aside:
                    restore_key_result(objective, kr)
                else:
                    set_aside(kr)
            else:
                self.tell("set_aside.what", "warning")
                return
        except LimitReached as limit:
            self.tell(f"set_aside.{limit.rule}", "error", limit=limit.limit)
            return
        self.changed(self.named("set_aside", tag=item_tag(self.team, ref.item_id)))

    def edit_ref(self, ref: ItemRef) -> None:
        objective = ref.find_objective(self.team)
        if objective is None:
            return
        if isinstance(ref, ObjectiveRef):
            def done_objective(draft: ObjectiveDraft | None) -> None:
                if draft is not None:
                    objective.text = draft.text
                    objective.kind = draft.kind
                    self.changed(self.named("objective_edited",
                                            tag=item_tag(self.team, objective.id)))
                    self.coach_on(objective, "objective")

            self.app.push_screen(ObjectiveForm(self.tr("objective.edit"), objective),
                                 done_objective)
        elif isinstance(ref, DecisionRef):
            index = ref.index

            def done_decision(text: str | None) -> None:
                if text:
                    edit_decision(objective, index, text)
                    self.changed(self.named("decision_edited",
                                            objective=item_tag(self.team, objective.id)))

            self.app.push_screen(
                TextForm(self.tr("decision.edit"), self.tr("decision.text"),
                         objective.decisions[index]),
                done_decision,
            )
        elif isinstance(ref, KeyResultRef) and (found := ref.find(self.team)):
            kr = found[1]

            def done_kr(draft: KeyResultDraft | None) -> None:
                if draft is not None:
                    update_key_result(kr, draft.text, draft.baseline, draft.target, draft.unit,
                                      draft.baseline_unknown)
                    self.changed(self.named("kr_edited", tag=item_tag(self.team, kr.id),
                                            objective=item_tag(self.team, objective.id)))
                    self.coach_on(kr, "kr")

            self.app.push_screen(KeyResultForm(self.tr("kr.edit"), kr), done_kr)

    def remove_ref(self, ref: ItemRef) -> None:
        objective = ref.find_objective(self.team)
        if objective is None:
            return
        if isinstance(ref, ObjectiveRef):
            self.confirm_removal(objective.text, lambda: self._remove_objective(objective))
        elif isinstance(ref, DecisionRef):
            index = ref.index
            self.confirm_removal(
                objective.decisions[index],
                lambda: remove_decision(objective, index),
            )
        elif isinstance(ref, KeyResultRef) and (found := ref.find(self.team)):
            kr = found[1]
            self.confirm_removal(kr.text, lambda: remove_key_result(self.team, objective, kr))

    def _remove_objective(self, objective: Objective) -> None:
        """An objective removed from the tree goes back to the ideas: its wording is kept."""
        return_objective_to_ideas(self.session, self.team, objective)
        self.ideas.reload()
