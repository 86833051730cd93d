"""Review: the whole tree on one screen, and what is missing or over the limits."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from okrtui.findings import session_findings
from okrtui.i18n import Catalog
from okrtui.models import Session, Team
from screens.localized import literal
from screens.widgets.okr_tree import OkrTree, show_details

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


class ReviewPane(Horizontal):
    def __init__(self, session: Session, team: Team, tr: Catalog) -> None:
        super().__init__(classes="level", id="review-pane")
        self.session = session
        self.team = team
        self.tr = tr

    def compose(self) -> ComposeResult:
        with Vertical(classes="committed"):
            yield Label(literal(self.tr("review.tree")), classes="panel-heading")
            yield OkrTree(self.session, self.team, "review", self.tr, classes="okr-tree")
            yield Static("", classes="detail")
        with Vertical(classes="findings"):
            yield Label("", classes="panel-heading", id="findings-heading")
            yield OptionList(id="findings")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.query_one(OkrTree).reload()
        tr = self.tr
        findings = session_findings(self.session, tr)
        self.query_one("#findings-heading", Label).update(
            literal(tr("review.findings", count=len(findings)))
        )
        tree = self.query_one(OkrTree)
        options = [
            Option(
                Content.assemble(
                    (f"{tr('severity.' + f.severity)} ", SEVERITY_STYLE[f.severity]),
                    (f"{f.rule}\n", "dim"),
                    (f"{tree.describe_item(f.item_id) or f.item}\n", "bold"),
                    f"{f.message}\n",
                    (f"→ {f.suggestion}", "italic"),
                ),
                id=f"{n}:{f.item_id}",
            )
            for n, f in enumerate(findings)
        ]
        if not options:
            options = [Option(Content.styled(tr("review.nothing_missing"), "green"),
                              disabled=True)]
        self.query_one("#findings", OptionList).set_options(options)

    def on_tree_node_highlighted(self, event: OkrTree.NodeHighlighted) -> None:
        details = self.query_one(OkrTree).details(event.node.data)
        show_details(self.query_one(".detail", Static), details)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        item_id = (event.option.id or "").split(":", 1)[-1]
        tree = self.query_one(OkrTree)
        if tree.select_item(item_id):
            tree.focus()
