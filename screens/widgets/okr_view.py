"""The committed items of a level (or of the review), one line each in a tree, or wrapped so
that every word shows (w toggles). Wrapped is the default while the wrapped rows fit in the
height; once the facilitator has chosen, the choice stays. Both views keep the cursor on the
same item; the pane's keys read it from here, whichever view is shown."""

from typing import Any, Self

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from okrtui.i18n import Catalog
from okrtui.models import Session, Team
from okrtui.refs import ItemRef, NodeRef

from .okr_outline import OkrOutline
from .okr_tree import OkrTree, View, show_details


class OkrView(Vertical):
    DEFAULT_CSS = """
    OkrView {
        height: 1fr;
        & > .okr-tree, & > .okr-outline {
            height: 1fr;
            max-height: 100%;
            border: none;
            padding: 0;
        }
        & > .okr-outline {
            display: none;
            & > .option-list--option {
                padding: 0;
            }
        }
    }
    """

    def __init__(self, session: Session, team: Team, view: View, tr: Catalog,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._tree = OkrTree(session, team, view, tr, classes="okr-tree")
        self.chosen: bool | None = None
        """The facilitator's choice (wrapped or not), or None: wrapped when it fits."""

    def compose(self) -> ComposeResult:
        yield self._tree
        yield OkrOutline(classes="okr-outline")
        yield Static("", classes="detail")

    @property
    def okr_tree(self) -> OkrTree:
        return self._tree

    @property
    def outline(self) -> OkrOutline:
        return self.query_one(OkrOutline)

    @property
    def wrapped(self) -> bool:
        return bool(self.outline.display)

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Rebuild both views from the team, the cursor on the same item."""
        cursor = self.selected_ref
        self.okr_tree.reload()
        if cursor is not None:
            self.okr_tree.select_ref(cursor)
        self.outline.show(self.okr_tree.root.children, cursor)
        self._fit()
        self._show_details()

    @property
    def selected_ref(self) -> NodeRef | None:
        return self.outline.selected_ref if self.wrapped else self.okr_tree.selected_ref

    def select_item(self, item_id: str) -> ItemRef | None:
        """Put the cursor on the objective, KR, tactic or action with this id; its ref."""
        ref = self.okr_tree.select_item(item_id)
        if ref is not None:
            self.outline.highlight(ref)
        return ref

    def describe_item(self, item_id: str) -> str:
        return self.okr_tree.describe_item(item_id)

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focus the view shown."""
        (self.outline if self.wrapped else self.okr_tree).focus(scroll_visible)
        return self

    def toggle_wrap(self) -> None:
        self.chosen = not self.wrapped
        self._show(self.chosen)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        if self.chosen is None and self.size.height:
            self._show(self.outline.height_at(self.size.width) <= self.size.height)

    def _show(self, wrapped: bool) -> None:
        if wrapped == self.wrapped:
            return
        cursor = self.selected_ref
        focused = self.has_focus_within
        self.outline.display = wrapped
        self.okr_tree.display = not wrapped
        if wrapped:
            self.outline.highlight(cursor)
        elif cursor is not None:
            self.okr_tree.select_ref(cursor)
        if focused:
            self.focus()
        self._show_details()

    def on_tree_node_highlighted(self, event: OkrTree.NodeHighlighted) -> None:
        event.stop()
        self._show_details()

    def _show_details(self) -> None:
        """Under the tree, the whole wording of the item it cuts; the wrapped view cuts none."""
        details = "" if self.wrapped else self.okr_tree.details(self.okr_tree.selected_ref)
        show_details(self.query_one(".detail", Static), details)
