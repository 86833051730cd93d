"""What the three level panes share: ideas on the left, the committed tree on the right,
and the keys to capture, commit, edit and remove."""

from collections.abc import Callable

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.widgets import Static

from okrtui.coach import Kind
from okrtui.document import Change, Name
from okrtui.facilitation import (
    author_from_prefix,
    log_decision,
    merge,
    park,
    reveal,
    split,
    unknown_author,
    unpark,
)
from okrtui.i18n import Catalog
from okrtui.models import Action, Idea, KeyResult, Level, Objective, Session, Tactic, Team
from okrtui.refs import ActionRef, HintRef, ItemRef, NodeRef, TacticRef
from okrtui.workshop import add_idea, add_participant, find_item, find_objective, remove_idea

from .commands import bindings_for
from .dialogs import ConfirmScreen
from .forms import DecisionDraft, DecisionForm, IdeaDraft, IdeaForm, PickScreen, TextForm
from .localized import glimpse, literal, prose, shown
from .widgets.coach_panel import COACH_SECONDS, CoachNotice
from .widgets.idea_list import IdeaList
from .widgets.ideas import IdeasPanel
from .widgets.okr_view import OkrView
from .widgets.team_view import TeamView


class LevelPane(TeamView, Horizontal):
    level: Level
    BINDINGS = bindings_for("level")

    def __init__(self, session: Session, team: Team, tr: Catalog) -> None:
        super().__init__(classes="level", id=f"{self.level}-pane")
        self.session = session
        self.tr = tr


    def compose(self) -> ComposeResult:
        yield IdeasPanel(self.session, self.team, self.level, self.tr)
        with Vertical(classes="committed"):
            yield Static(prose(self.tr(f"level.{self.level}.question")), classes="question")
            yield Static("", classes="counts")
            yield OkrView(self.session, self.team, self.level, self.tr, classes="okr-view")

    @property
    def ideas(self) -> IdeasPanel:
        return self.query_one(IdeasPanel)

    @property
    def okr_view(self) -> OkrView:
        return self.query_one(OkrView)

    def on_mount(self) -> None:
        self.update_counts()
        self.okr_app.document_changed.subscribe(self, self.follow, immediate=True)

    def follow(self, change: Change) -> None:
        """The document changed, here, in a dialog, in another view or by an undo: show it,
        the cursor on the item the edit added or changed, else where it was. A level not on
        screen is brought up to date when it is shown again."""
        if not shown(self):
            return
        if change.kind in ("undo", "redo"):
            self.reload()
        elif change.kind == "edit":
            if change.ids and not any(find_item(self.team, i) for i in change.ids):
                self.ideas.follow(change.ids)  # ideas only: added, reworded, dotted, deleted
                return
            self.okr_view.reload()
            for item_id in change.ids:
                if self.okr_view.select_item(item_id) is not None:
                    break
            self.update_counts()

    def reload(self) -> None:
        self.ideas.reload()
        self.okr_view.reload()
        self.update_counts()

    def update_counts(self) -> None:
        self.query_one(".counts", Static).update(prose(self.counts_text()))

    def counts_text(self) -> str:
        return ""

    def changed(self, name: Name, item_id: str | None = None) -> None:
        """Record an edit made through this pane (name: what was done; item_id: the item it
        added or changed, where the cursor goes): every view follows, this one too."""
        self.okr_app.mark_changed(name, [item_id] if item_id else [])

    def named(self, key: str, **values: str) -> Name:
        """The name of an edit ("step.kr_added"…), its texts cut to a glimpse."""
        return Name.of(f"step.{key}", **{k: glimpse(v, 40) for k, v in values.items()})

    def redraw_idea(self, idea: Idea | None) -> None:
        """Show on its row what changed in one idea. None: the idea committed was typed, not
        picked from the list."""
        if idea is not None:
            self.ideas.redraw(idea)

    def forget_idea(self, idea: Idea) -> None:
        self.ideas.forget(idea)

    def coach_on(self, item: Objective | KeyResult | Tactic | Action, kind: Kind) -> None:
        """The coach's findings on what was just committed, added or edited, with their
        suggestions, in a notification that does not stop the work (none: nothing to say).
        Findings the team silenced on the item stay silent."""
        notice = CoachNotice.on(self.tr, self.team, item, kind, self.session.language)
        if notice is not None:
            self.okr_app.notify(notice.findings, title=notice.title, severity=notice.severity,
                                timeout=COACH_SECONDS)

    def tell(self, key: str, severity: SeverityLevel = "information", **params: object) -> None:
        self.okr_app.notify(literal(self.tr(key, **params)), severity=severity)

    # Ideas ------------------------------------------------------------------

    def on_ideas_panel_captured(self, event: IdeasPanel.Captured) -> None:
        """A typed idea; "@ana …" names its author by the first letters of a name, and
        "@zoe …" with no Zoe among the participants adds her, in the same undo step. No
        question: a question would take the next idea typed fast; ctrl+z takes a typo back."""
        unknown = unknown_author(self.session, event.text)
        if unknown is None:
            author, text = author_from_prefix(self.session, event.text)
            self.capture(text, author or event.author)
            return
        name, text = unknown
        person = add_participant(self.session, name)
        for panel in self.screen.query(IdeasPanel):
            panel.refresh_authors()
        self.capture(text, person.id)
        self.tell("participants.added_by_prefix", name=name)

    def capture(self, text: str, author: str | None) -> None:
        """Add a typed idea (hidden while writing is silent); the list shows it as it shows
        one from the room, following the document."""
        if self.session.participant_name(author) is None:
            author = None
        idea = add_idea(self.session, self.team, self.level, text, author)
        idea.hidden = self.ideas.silent
        self.okr_app.mark_changed(self.named("idea_added", text=idea.text), [idea.id])

    # Facilitation: silent writing, groups, parking lot, votes, decisions ------------------

    def action_silent(self) -> None:
        self.ideas.silent = not self.ideas.silent
        self.ideas.reload()
        self.tell("silent.now_on" if self.ideas.silent else "silent.now_off")

    def action_reveal(self) -> None:
        count = reveal(self.team, self.level)
        self.ideas.silent = False
        self.ideas.reload()
        self.tell("silent.revealed", count=count)
        if count:
            self.okr_app.mark_changed(self.named("revealed"))

    def action_mark(self) -> None:
        if not self.ideas.list_has_focus:
            raise SkipAction()
        self.ideas.toggle_mark()

    def action_merge(self) -> None:
        marked = [idea for idea in self.team.ideas_at(self.level) if idea.id in self.ideas.marked]
        if len(marked) < 2:
            self.tell("group.mark_two", "warning")
            return

        def named(text: str | None) -> None:
            if text:
                try:
                    merge(self.session, self.team, marked, text)
                except ValueError:
                    self.tell("group.two_committed", "warning")
                    return
                self.ideas.marked.clear()
                self.ideas.reload()
                self.okr_app.mark_changed(self.named("merged", count=str(len(marked))))
                self.tell("group.merged", count=len(marked))

        self.app.push_screen(
            TextForm(self.tr("group.heading"), self.tr("group.name"), marked[0].text), named)

    def action_split(self) -> None:
        idea = self.ideas.highlighted_idea
        if idea is None or not idea.members:
            self.tell("group.not_a_group", "warning")
            return
        ideas = split(self.session, self.team, idea)
        self.ideas.reload()
        self.okr_app.mark_changed(self.named("split", text=idea.text))
        self.tell("group.split", count=len(ideas))

    def action_park(self) -> None:
        idea = self.ideas.highlighted_idea
        if idea is None:
            self.tell("ideas.none_highlighted", "warning")
            return
        (unpark if idea.parked else park)(idea)
        self.ideas.reload()
        self.okr_app.mark_changed(self.named("parked", text=idea.text), [idea.id])
        self.tell("parking.unparked" if not idea.parked else "parking.parked")

    def action_vote(self) -> None:
        from .vote import VoteScreen

        def closed(_: object) -> None:
            self.ideas.reload()

        self.app.push_screen(VoteScreen(self.session, self.level), closed)

    def action_log_decision(self) -> None:
        def done(draft: DecisionDraft | None) -> None:
            if draft is not None:
                log_decision(self.session, draft.text, draft.rationale, self.level)
                self.okr_app.mark_changed(self.named("decision_logged", text=draft.text))
                self.tell("decision_log.logged")

        self.app.push_screen(DecisionForm(self.tr("decision_log.heading")), done)

    def action_add_participant(self) -> None:
        def done(name: str | None) -> None:
            if name:
                add_participant(self.session, name)
                for panel in self.screen.query(IdeasPanel):
                    panel.refresh_authors()
                self.okr_app.mark_changed(self.named("participant_added", name=name))
                self.tell("participants.added", name=name)

        self.app.push_screen(TextForm(self.tr("participants.heading"),
                                      self.tr("participants.name")), done)

    def action_focus_tree(self) -> None:
        """→ from the ideas list: the tree (a field keeps its arrows for its text)."""
        self.okr_view.focus()

    def action_toggle_wrap(self) -> None:
        self.okr_view.toggle_wrap()

    def focus_start(self) -> None:
        """Where work on the level starts: its ideas; without any, its objectives (n, k…
        act there); without objectives either, the idea field (a new session's first keys
        are an idea, not commands)."""
        if not self.ideas.focus_list():
            if self.team.objectives:
                self.okr_view.focus()
            else:
                self.ideas.focus_field()

    def action_focus_ideas(self) -> None:
        """← from the tree: the ideas list."""
        self.ideas.query_one(IdeaList).focus()

    def action_capture(self) -> None:
        self.ideas.focus_field()

    def action_commit_idea(self) -> None:
        idea = self.ideas.highlighted_idea
        if idea is None:
            self.tell("ideas.none_highlighted", "warning")
        elif idea.promoted_to is not None:
            self.tell("ideas.already_committed", "warning")
        else:
            self.commit_idea(idea)

    def commit_idea(self, idea: Idea) -> None:
        raise NotImplementedError

    def keep_as_idea(self, text: str) -> None:
        """Text that could not be committed stays, as an idea of this level."""
        add_idea(self.session, self.team, self.level, text, None)
        self.ideas.reload()
        self.okr_app.mark_changed(self.named("kept_as_idea", text=text))
        self.tell("swap.kept_as_idea", "warning")

    # Choosing where a new item goes ---------------------------------------------

    def selected_ref(self) -> NodeRef | None:
        return self.okr_view.selected_ref

    def with_objective(self, then: Callable[[Objective], None]) -> None:
        """Run then on the objective under the cursor, the only one, or one the user picks."""
        ref = self.selected_ref()
        if ref is not None and not isinstance(ref, HintRef):
            objective = ref.find_objective(self.team)
            if objective is not None:
                then(objective)
                return
        committed = self.team.committed_objectives
        if not committed:
            self.tell("objective.none_yet", "warning")
            return
        if len(committed) == 1:
            then(committed[0])
            return
        choices = [(o.id, literal(f"O{n}  {glimpse(o.text)}"))
                   for n, o in enumerate(committed, 1)]

        def picked(objective_id: str | None) -> None:
            objective = find_objective(self.team, objective_id or "")
            if objective is not None:
                then(objective)

        self.app.push_screen(PickScreen(self.tr("objective.pick"), choices), picked)

    def with_tactic(self, then: Callable[[Objective, Tactic], None]) -> None:
        ref = self.selected_ref()
        if isinstance(ref, ActionRef):
            ref = ref.tactic_ref
        if isinstance(ref, TacticRef) and (found := ref.find(self.team)) is not None:
            then(*found)
            return
        pairs = [(o, t) for o in self.team.committed_objectives for t in o.tactics]
        if not pairs:
            self.tell("tactic.none_yet", "warning")
            return
        if len(pairs) == 1:
            then(*pairs[0])
            return
        choices = [(t.id, literal(f"{glimpse(t.text)}  ← {glimpse(o.text)}")) for o, t in pairs]

        def picked(tactic_id: str | None) -> None:
            for objective, tactic in pairs:
                if tactic.id == tactic_id:
                    then(objective, tactic)

        self.app.push_screen(PickScreen(self.tr("tactic.pick"), choices), picked)

    # Edit and remove ----------------------------------------------------------

    def action_edit(self) -> None:
        if self.ideas.list_has_focus:
            idea = self.ideas.highlighted_idea
            if idea is not None:
                self.edit_idea(idea)
            return
        ref = self.selected_ref()
        if ref is None or isinstance(ref, HintRef):
            self.tell("tree.nothing_selected", "warning")
            return
        self.edit_ref(ref)

    def edit_idea(self, idea: Idea) -> None:
        """Reword an idea, or credit it to someone else."""
        def done(draft: IdeaDraft | None) -> None:
            if draft is not None:
                idea.text = draft.text
                idea.author = draft.author
                self.redraw_idea(idea)
                self.okr_app.mark_changed(self.named("idea_edited", text=draft.text), [idea.id])

        self.app.push_screen(IdeaForm(self.tr("ideas.edit"), self.session, idea.text,
                                      idea.author), done)

    def edit_ref(self, ref: ItemRef) -> None:
        raise NotImplementedError

    def action_remove(self) -> None:
        if self.ideas.list_has_focus:
            idea = self.ideas.highlighted_idea
            if idea is not None:
                self.confirm_removal(idea.text, lambda: self._remove_idea(idea))
            return
        ref = self.selected_ref()
        if ref is None or isinstance(ref, HintRef):
            self.tell("tree.nothing_selected", "warning")
            return
        self.remove_ref(ref)

    def _remove_idea(self, idea: Idea) -> None:
        remove_idea(self.team, idea)
        self.forget_idea(idea)

    def remove_ref(self, ref: ItemRef) -> None:
        raise NotImplementedError

    def confirm_removal(self, text: str, remove: Callable[[], None]) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                remove()
                self.changed(self.named("removed", text=text))

        question = self.tr("remove.question", text=glimpse(" ".join(text.split())))
        self.app.push_screen(ConfirmScreen(question, self.tr("remove.yes")), answer)
