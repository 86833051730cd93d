"""Review: the whole tree on one screen, and every finding grouped by the item it is about;
then the key results waiting for data, the KPIs and the roadmap (screens/review_plan.py).

Enter on a finding opens its item at its level; s silences it on that item, with a reason
(or lifts the silence). Silenced findings stay listed, with their reason.
"""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from okrtui.document import Change, Name
from okrtui.findings import UNSILENCEABLE, Finding, session_findings
from okrtui.i18n import Catalog
from okrtui.models import Session, Team
from okrtui.refs import EntryRef, HintRef
from okrtui.workshop import find_item, silence, unsilence

from .commands import bindings_for
from .forms import TextForm
from .localized import literal, shown
from .review_plan import PlanActions, entry_at_cursor, plan_options
from .widgets.okr_view import OkrView
from .widgets.team_view import TeamView

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


class ReviewPane(PlanActions, TeamView, Horizontal):
    BINDINGS = bindings_for("review")

    def action_focus_findings(self) -> None:
        self.query_one("#findings", OptionList).focus()

    def action_focus_tree(self) -> None:
        self.query_one(OkrView).focus()

    def action_toggle_wrap(self) -> None:
        self.query_one(OkrView).toggle_wrap()

    class OpenItem(Message):
        """Open this item at its level, to fix it."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, session: Session, team: Team, tr: Catalog) -> None:
        super().__init__(classes="level", id="review-pane")
        self.session = session
        self.tr = tr
        self.findings: dict[EntryRef, Finding] = {}


    def compose(self) -> ComposeResult:
        with Vertical(classes="committed"):
            yield Label(literal(self.tr("review.tree")), classes="panel-heading")
            yield OkrView(self.session, self.team, "review", self.tr, classes="okr-view")
        with Vertical(classes="findings"):
            yield Label("", classes="panel-heading", id="findings-heading")
            yield OptionList(id="findings")

    def on_mount(self) -> None:
        self.reload()
        self.okr_app.document_changed.subscribe(self, self.follow, immediate=True)

    def follow(self, change: Change) -> None:
        """Any edit, undo or redo changes what the review finds (shown: at once; else when
        shown again)."""
        if change.kind != "navigation" and shown(self):
            self.reload()

    def reload(self) -> None:
        tree = self.query_one(OkrView)
        tree.reload()
        tr = self.tr
        findings = [f for f in session_findings(self.session, tr, silenced=True)
                    if f.item_id == self.team.id or find_item(self.team, f.item_id)]
        active = sum(1 for f in findings if f.silenced_because is None)
        self.query_one("#findings-heading", Label).update(
            literal(tr("review.findings", count=active))
        )
        options: list[Option | None] = []
        self.findings = {}
        current_item = None
        for number, found in enumerate(findings):
            if found.item_id != current_item:
                current_item = found.item_id
                if options:
                    options.append(None)
                title = tree.describe_item(found.item_id) or found.item
                options.append(Option(Content.styled(title, "bold"),
                                      id=str(EntryRef("item", found.item_id))))
            key = EntryRef("finding", str(number))
            self.findings[key] = found
            options.append(Option(self._prompt(found), id=str(key)))
        if not options:
            options = [Option(Content.styled(tr("review.nothing_missing"), "green"),
                              disabled=True)]
        options += plan_options(self.session, self.team, tr, tree.describe_item)
        finding_list = self.query_one("#findings", OptionList)
        highlighted = finding_list.highlighted
        finding_list.set_options(options)
        if highlighted is not None and highlighted < finding_list.option_count:
            finding_list.highlighted = highlighted

    def _prompt(self, found: Finding) -> Content:
        tr = self.tr
        if found.silenced_because is not None:
            return Content.assemble(
                ("  🔇 ", "dim"), (f"{found.message}  ", "dim"),
                (tr("review.silenced", reason=found.silenced_because), "dim italic"),
                (f"  {found.rule}", "dim"),
            )
        return Content.assemble(  # the finding's words first; its id, dimmed, for the docs
            (f"  {tr('severity.' + found.severity)}{tr('export.colon')} ",
             SEVERITY_STYLE[found.severity]),
            f"{found.message}\n",
            (f"  → {found.suggestion}", "italic"),
            (f"\n  {found.rule}", "dim"),
        )

    def highlighted_entry(self) -> EntryRef | None:
        """What the highlighted entry is about, in the pane that has the focus: the tree's
        item, or the findings list's entry (a finding becomes the item it is about)."""
        tree_item = self._tree_item()
        if tree_item is not None:
            return EntryRef("item", tree_item)
        entry = entry_at_cursor(self.query_one("#findings", OptionList))
        found = self.findings.get(entry) if entry is not None else None
        return EntryRef("item", found.item_id) if found is not None else entry

    def _tree_item(self) -> str | None:
        """The id of the item under the tree's cursor, when the tree has the focus."""
        tree = self.query_one(OkrView)
        ref = tree.selected_ref
        if not tree.has_focus_within or ref is None or isinstance(ref, HintRef):
            return None
        return ref.item_id

    def _highlighted(self) -> Finding | None:
        """The finding to act on: the one highlighted in the list or, from the tree, the
        item's only active finding (several: the list goes to the first, to choose)."""
        tree_item = self._tree_item()
        if tree_item is not None:
            keys = [key for key, found in self.findings.items()
                    if found.item_id == tree_item and found.silenced_because is None]
            if len(keys) == 1:
                return self.findings[keys[0]]
            if keys:
                findings = self.query_one("#findings", OptionList)
                findings.highlighted = findings.get_option_index(str(keys[0]))
                findings.focus()
            return None
        entry = entry_at_cursor(self.query_one("#findings", OptionList))
        return self.findings.get(entry) if entry is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if not event.option.id:
            return
        entry = EntryRef.parse(event.option.id)
        found = self.findings.get(entry)
        item_id = found.item_id if found else entry.id
        if find_item(self.team, item_id) is not None:
            self.post_message(self.OpenItem(item_id))
        elif self.query_one(OkrView).select_item(item_id):
            self.query_one(OkrView).focus()

    def action_compare(self) -> None:
        from .compare import CompareScreen

        path = self.okr_app.path
        self.app.push_screen(CompareScreen(self.session, path.name if path else ""))

    def action_silence(self) -> None:
        found = self._highlighted()
        if found is None:
            self.okr_app.notify(literal(self.tr("silence.pick_finding")), severity="warning")
            return
        located = find_item(self.team, found.item_id)
        if found.rule in UNSILENCEABLE or located is None:
            self.okr_app.notify(literal(self.tr("silence.not_this_one")), severity="warning")
            return
        item = located[1]
        if found.silenced_because is not None:
            unsilence(item, found.rule)
            self._changed()
            return

        def done(reason: str | None) -> None:
            if reason:
                silence(item, found.rule, reason)
                self._changed()

        form = TextForm(self.tr("silence.heading", finding=found.message),
                        self.tr("silence.reason"))
        self.app.push_screen(form, done)

    def _changed(self) -> None:
        self.okr_app.mark_changed(Name.of("step.review"))
