"""What a line on screen stands for, typed: the objective, decision, key result, tactic or
action a tree node shows (and where to find it in a team), and the entries of the review's
list with their one string form ("kpi:k4"), formatted and read here only. No Textual here.
"""

from dataclasses import dataclass
from typing import Literal, get_args

from okrtui.models import Action, KeyResult, Objective, Tactic, Team


@dataclass(frozen=True)
class InObjective:
    """A reference to an objective or to something under it."""

    objective: str

    def find_objective(self, team: Team) -> Objective | None:
        return next((o for o in team.objectives if o.id == self.objective), None)


@dataclass(frozen=True)
class ObjectiveRef(InObjective):
    @property
    def item_id(self) -> str:
        return self.objective

    def find(self, team: Team) -> Objective | None:
        return self.find_objective(team)


@dataclass(frozen=True)
class DecisionRef(InObjective):
    """A decision the objective embodies, by its place in the objective's list."""

    index: int

    @property
    def item_id(self) -> None:
        """Decisions have no id of their own."""
        return None

    def find(self, team: Team) -> tuple[Objective, str] | None:
        """The objective and the decision's wording."""
        objective = self.find_objective(team)
        if objective is None or not 0 <= self.index < len(objective.decisions):
            return None
        return objective, objective.decisions[self.index]


@dataclass(frozen=True)
class KeyResultRef(InObjective):
    id: str

    @property
    def item_id(self) -> str:
        return self.id

    def find(self, team: Team) -> tuple[Objective, KeyResult] | None:
        objective = self.find_objective(team)
        if objective is None:
            return None
        kr = next((kr for kr in objective.key_results if kr.id == self.id), None)
        return (objective, kr) if kr is not None else None


@dataclass(frozen=True)
class TacticRef(InObjective):
    id: str

    @property
    def item_id(self) -> str:
        return self.id

    def find(self, team: Team) -> tuple[Objective, Tactic] | None:
        objective = self.find_objective(team)
        if objective is None:
            return None
        tactic = next((t for t in objective.tactics if t.id == self.id), None)
        return (objective, tactic) if tactic is not None else None


@dataclass(frozen=True)
class ActionRef(InObjective):
    tactic: str
    id: str

    @property
    def item_id(self) -> str:
        return self.id

    @property
    def tactic_ref(self) -> TacticRef:
        return TacticRef(self.objective, self.tactic)

    def find(self, team: Team) -> tuple[Objective, Tactic, Action] | None:
        found = self.tactic_ref.find(team)
        if found is None:
            return None
        objective, tactic = found
        action = next((a for a in tactic.actions if a.id == self.id), None)
        return (objective, tactic, action) if action is not None else None


@dataclass(frozen=True)
class HintRef:
    """A line of guidance ("add a key result…"): nothing to act on."""


ItemRef = ObjectiveRef | DecisionRef | KeyResultRef | TacticRef | ActionRef
"""Something in the tree that the keys edit, remove or add under."""
NodeRef = ItemRef | HintRef
"""What a node of the tree stands for."""


EntryKind = Literal["item", "finding", "waiting", "kpi", "roadmap", "common", "unserved",
                    "heading"]
ENTRY_KINDS: tuple[EntryKind, ...] = get_args(EntryKind)


@dataclass(frozen=True)
class EntryRef:
    """An entry of the review's list: the item a group of findings is about (item), one
    finding by its number (finding), a key result waiting for data, a KPI, a roadmap item, a
    point in common, an objective nothing serves, or a section's heading. Its string form,
    "kind:id", is the entry's option id."""

    kind: EntryKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> "EntryRef":
        """The entry written as text by str(); ValueError if it is not one."""
        written, colon, entry_id = text.partition(":")
        for kind in ENTRY_KINDS:
            if colon and written == kind:
                return cls(kind, entry_id)
        raise ValueError(f"{text!r} is not a list entry: expected kind:id, the kind one of "
                         f"{', '.join(ENTRY_KINDS)}")
