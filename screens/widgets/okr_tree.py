"""The committed tree of a team (objectives, decisions, key results, tactics, actions),
drawn for one level's view. Labels are rich Text built from user text: never markup."""

from collections.abc import Callable
from typing import Any, Literal

from rich.text import Text
from textual.content import Content
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from okrtui.coach import Kind
from okrtui.export import kr_measure
from okrtui.findings import item_findings, worst
from okrtui.i18n import Catalog
from okrtui.models import Action, KeyResult, Objective, Session, Tactic, Team
from okrtui.refs import (
    ActionRef,
    DecisionRef,
    HintRef,
    ItemRef,
    KeyResultRef,
    NodeRef,
    ObjectiveRef,
    TacticRef,
)

from ..localized import glimpse
from .team_view import TeamView

View = Literal["ambition", "tactic", "execution", "review"]

DIM = "dim"
DETAIL_CHARACTERS = 2000
SET_ASIDE = "dim strike"
MARKERS = {"error": ("✖ ", "bold red"), "warning": ("▲ ", "bold yellow"),
           "info": ("● ", "blue")}


def _line(*parts: tuple[str, str] | str) -> Text:
    return Text.assemble(*parts, no_wrap=True, overflow="ellipsis")


def show_details(place: Static, details: str) -> None:
    """Show the whole wording under the tree (as much as its four lines can hold), or
    nothing (not even a blank line)."""
    place.update(Content(glimpse(details, DETAIL_CHARACTERS)))
    place.display = bool(details)


class OkrTree(TeamView, Tree[NodeRef]):
    def __init__(self, session: Session, team: Team, view: View, tr: Catalog,
                 **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.session = session
        self.view = view
        self.tr = tr
        self.show_root = False
        self.guide_depth = 3


    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Rebuild from the team, keeping the cursor on the same item when it still exists."""
        previous = self.cursor_node.data if self.cursor_node else None
        self.clear()
        objectives = self.team.objectives
        if not objectives:
            self.root.add_leaf(_line((self.tr("tree.no_objective"), DIM)), data=HintRef())
        committed = [o for o in objectives if not o.set_aside]
        for number, objective in enumerate(committed, start=1):
            self._add_objective(objective, f"O{number}")
        for objective in objectives:
            if objective.set_aside:
                self._add_objective(objective, "O–")
        self.root.expand_all()
        if previous:
            self.select_ref(previous)

    def select_ref(self, wanted: NodeRef) -> None:
        """Put the cursor on the node whose data is wanted, if there is one."""
        node = self._find(lambda ref: ref == wanted)
        if node is not None:
            self._move_to(node)

    def _move_to(self, node: TreeNode[NodeRef]) -> None:
        """Put the cursor on node, also right after a rebuild: a node's line is known once
        the tree has laid out its lines (reading last_line does it); before that it is -1,
        and move_cursor put the cursor on the first line (O1) instead."""
        if self.last_line < 0 or node.line < 0:
            return
        self.move_cursor(node)

    def _find(self, wanted: Callable[[NodeRef], bool]) -> TreeNode[NodeRef] | None:
        stack = list(self.root.children)
        while stack:
            node = stack.pop(0)
            if node.data is not None and wanted(node.data):
                return node
            stack[:0] = list(node.children)
        return None

    def _marker(self, item: Objective | KeyResult | Tactic | Action, kind: Kind) -> tuple[str, str]:
        """The compact mark of the item's worst active finding, or nothing."""
        found = [f for f in item_findings(self.tr, item, kind, language=self.session.language)
                 if f.silenced_because is None]
        level = worst(found)
        return MARKERS[level] if level else ("", "")

    def _add_objective(self, objective: Objective, tag: str) -> None:
        tr = self.tr
        style = SET_ASIDE if objective.set_aside else "bold"
        label = _line((f"{tag} ", "bold cyan" if not objective.set_aside else DIM),
                      self._marker(objective, "objective"), (glimpse(objective.text), style))
        if objective.kind == "aspirational":
            label.append(f"  ({tr('objective_kind.mark')})", "italic")
        if objective.set_aside:
            label.append(f"  ({tr('tree.set_aside')})", DIM)
        node = self.root.add(label, data=ObjectiveRef(objective.id))
        view = self.view
        if view in ("ambition", "review"):
            prefix = f"◆ {tr('tree.decision')}{tr('export.colon')} "
            for index, decision in enumerate(objective.decisions):
                node.add_leaf(_line((prefix, "italic"), glimpse(decision)),
                              data=DecisionRef(objective.id, index))
        kr_tags: dict[str, str] = {}
        committed_number = 0
        for kr in objective.key_results:
            if kr.set_aside:
                tag_kr = "KR–"
            else:
                committed_number += 1
                tag_kr = f"KR{committed_number}"
            kr_tags[kr.id] = tag_kr
            if view == "execution":
                continue
            measure = kr_measure(kr, tr)
            label = _line((f"{tag_kr} ", "bold green"), self._marker(kr, "kr"),
                          (glimpse(kr.text), SET_ASIDE if kr.set_aside else ""))
            if measure:
                label.append(f"  [{measure}]", DIM)
            if kr.set_aside:
                label.append(f"  ({tr('tree.set_aside')})", DIM)
            node.add_leaf(label, data=KeyResultRef(objective.id, kr.id))
        if view == "ambition":
            if len(objective.committed_key_results) < 2 and not objective.set_aside:
                node.add_leaf(_line((tr("tree.add_kr_hint"), DIM)), data=HintRef())
            return
        for tactic in objective.tactics:
            moves = " ".join(kr_tags[k] for k in tactic.moves if k in kr_tags)
            aims = f" → {moves}" if moves else ""
            label = _line((f"▸ {tr('tree.tactic')}{aims}{tr('export.colon')} ", "bold yellow"),
                          self._marker(tactic, "tactic"), glimpse(tactic.text))
            tactic_node = node.add(label, data=TacticRef(objective.id, tactic.id))
            if view == "tactic":
                tactic_node.allow_expand = False
                continue
            for action in tactic.actions:
                details = [self.session.participant_name(action.owner) or ""]
                if action.due:
                    details.append(action.due.isoformat())
                detail = " · ".join(d for d in details if d)
                label = _line(("• ", "bold"), self._marker(action, "action"), glimpse(action.text))
                if detail:
                    label.append(f"  ({detail})", DIM)
                tactic_node.add_leaf(label, data=ActionRef(objective.id, tactic.id, action.id))
            if not tactic.actions and view == "execution":
                tactic_node.add_leaf(_line((tr("tree.add_action_hint"), DIM)), data=HintRef())
        if not objective.tactics and view in ("tactic", "execution"):
            node.add_leaf(_line((tr("tree.add_tactic_hint"), DIM)), data=HintRef())

    def details(self, ref: NodeRef | None) -> str:
        """The whole wording of the item under the cursor (the tree cuts long lines)."""
        team = self.team
        match ref:
            case ObjectiveRef() if (objective := ref.find(team)) is not None:
                return objective.text
            case DecisionRef() if (decision := ref.find(team)) is not None:
                return decision[1]
            case KeyResultRef() if (found_kr := ref.find(team)) is not None:
                kr = found_kr[1]
                measure = kr_measure(kr, self.tr)
                return f"{kr.text}  [{measure}]" if measure else kr.text
            case TacticRef() if (found_tactic := ref.find(team)) is not None:
                return found_tactic[1].text
            case ActionRef() if (found_action := ref.find(team)) is not None:
                return self._action_details(found_action[2])
        return ""

    def _action_details(self, action: Action) -> str:
        tr = self.tr
        parts = [action.text]
        owner = self.session.participant_name(action.owner)
        colon = tr("export.colon")
        if owner:
            parts.append(f"{tr('export.owner')}{colon} {owner}")
        if action.due:
            parts.append(f"{tr('export.due')}{colon} {action.due.isoformat()}")
        if action.first_step:
            parts.append(f"{tr('export.first_step')}{colon} {action.first_step}")
        return " · ".join(parts)

    @property
    def selected_ref(self) -> NodeRef | None:
        node: TreeNode[NodeRef] | None = self.cursor_node
        return node.data if node is not None else None

    def describe_item(self, item_id: str) -> str:
        """The tag and wording of the item with this id ("KR2 Reduce…"), or ""."""
        node = self._node_of(item_id)
        return str(node.label) if node is not None else ""

    def _node_of(self, item_id: str) -> TreeNode[NodeRef] | None:
        return self._find(lambda ref: not isinstance(ref, HintRef) and ref.item_id == item_id)

    def select_item(self, item_id: str) -> ItemRef | None:
        """Put the cursor on the objective, KR, tactic or action with this id; its ref."""
        node = self._node_of(item_id)
        if node is None or node.data is None or isinstance(node.data, HintRef):
            return None
        self._move_to(node)
        self.scroll_to_node(node)
        return node.data
