"""The forms of what is committed: an objective, and under it a key result, a tactic, an
action. Each gives back a draft, which the level passes field by field to the workshop's
functions."""

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from okrtui.models import Action, KeyResult, Objective, ObjectiveKind, Session
from okrtui.numbers import format_number, read_number
from okrtui.text import clean_line

from ..dialogs import field
from ..localized import glimpse, literal, prose
from ..widgets.coach_panel import CoachPanel
from .base import FormScreen


@dataclass(frozen=True)
class ObjectiveDraft:
    text: str
    kind: ObjectiveKind


class ObjectiveForm(FormScreen[ObjectiveDraft]):
    """An objective's wording (coached) and its kind: committed unless the box for
    aspirational is ticked (tab, space), so that enter in the wording still submits."""

    coach_kind = "objective"

    def __init__(self, heading: str, objective: Objective | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.objective = objective
        self.text = objective.text if objective else ""

    def form_fields(self) -> ComposeResult:
        yield Label(prose(self.tr("objective.text")))
        yield from self.wording()
        aspirational = self.objective is not None and self.objective.kind == "aspirational"
        yield Checkbox(literal(self.tr("objective_kind.aspirational_box")), aspirational,
                       id="aspirational", compact=True)

    def submit(self) -> None:
        text = self.required_text("text")
        if text is not None:
            aspirational = self.query_one("#aspirational", Checkbox).value
            self.dismiss(ObjectiveDraft(text, "aspirational" if aspirational else "committed"))


@dataclass(frozen=True)
class KeyResultDraft:
    """A key result as its form gives it back: the wording, its figures (None: none typed),
    and whether its baseline is known to be unknown."""

    text: str
    baseline: float | None
    target: float | None
    unit: str | None
    baseline_unknown: bool


class KeyResultForm(FormScreen[KeyResultDraft]):
    """A key result's wording (coached), and optionally its baseline, target and unit."""

    coach_kind = "kr"

    def __init__(self, heading: str, kr: KeyResult | None = None, text: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.kr = kr
        self.text = kr.text if kr else text

    def form_fields(self) -> ComposeResult:
        tr = self.tr
        kr = self.kr

        def shown(value: float | None) -> str:
            return "" if value is None else format_number(value, self.session_language)

        yield Label(prose(tr("kr.text")))
        yield from self.wording(placeholder=tr("kr.text_placeholder"))
        with Grid(classes="numbers"):
            yield Label(prose(tr("kr.baseline")))
            yield Label(prose(tr("kr.target")))
            yield Label(prose(tr("kr.unit")))
            yield field(shown(kr.baseline if kr else None),
                        placeholder=tr("kr.baseline_placeholder"), id="baseline")
            yield field(shown(kr.target if kr else None), placeholder=tr("kr.target_placeholder"),
                        id="target")
            yield field((kr.unit or "") if kr else "", placeholder=tr("kr.unit_placeholder"),
                        id="unit")
        yield Static("", id="number-reading", classes="note")
        yield Checkbox(literal(tr("kr.baseline_unknown")), bool(kr and kr.baseline_unknown),
                       id="baseline-unknown", compact=True)

    def on_mount(self) -> None:
        self._baseline_changed()
        self._show_readings()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "baseline":
            if event.value.strip():
                self.query_one("#baseline-unknown", Checkbox).value = False
            self._baseline_changed()
        if event.input.id in ("baseline", "target"):
            self._show_readings()

    def _show_readings(self) -> None:
        """How a number that could be read two ways was read: « 1.200 » → 1,2."""
        language, notes = self.session_language, []
        for field_id in ("baseline", "target"):
            try:
                reading = read_number(self.value(field_id), language)
            except ValueError:
                continue
            if reading is not None and reading.ambiguous:
                notes.append(self.tr("kr.number_read", field=self.tr(f"kr.{field_id}"),
                                     typed=self.value(field_id).strip(),
                                     value=format_number(reading.value, language)))
        reading_note = self.query_one("#number-reading", Static)
        reading_note.update(prose("\n".join(notes)))
        reading_note.display = bool(notes)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """Baseline unknown: no figure to type; measuring it becomes the first action."""
        if event.value:
            self.query_one("#baseline", Input).value = ""
        self._baseline_changed()

    def _baseline_changed(self) -> None:
        """A baseline typed in its field (or known to be unknown) answers kr.no_baseline."""
        panel = self.query_one(CoachPanel)
        panel.baseline_known = bool(self.value("baseline").strip()) or self.query_one(
            "#baseline-unknown", Checkbox).value
        panel.check(self.value("text"))

    def _number(self, field_id: str) -> float | None:
        """The number typed in a field (None: none); raises ValueError if it is not one.
        The same number keeps its type: 2000.0 shown as « 2 000 » stays 2000.0."""
        reading = read_number(self.value(field_id), self.session_language)
        value = None if reading is None else reading.value
        before = getattr(self.kr, field_id) if self.kr else None
        return before if value is not None and value == before else value

    def submit(self) -> None:
        text = self.required_text("text")
        if text is None:
            return
        numbers = []
        for field_id in ("baseline", "target"):
            try:
                numbers.append(self._number(field_id))
            except ValueError:
                self.fail(self.tr("kr.not_a_number", value=self.value(field_id)), field_id)
                return
        baseline, target = numbers
        self.dismiss(KeyResultDraft(
            text=text, baseline=baseline, target=target,
            unit=clean_line(self.value("unit")) or None,
            baseline_unknown=self.query_one("#baseline-unknown", Checkbox).value))


@dataclass(frozen=True)
class TacticDraft:
    """A tactic as its form gives it back: the wording, and the key results (ids) it should
    move among those the form offered."""

    text: str
    moves: tuple[str, ...]


class TacticForm(FormScreen[TacticDraft]):
    """A tactic's wording and the key results of its objective that it should move."""

    coach_kind = "tactic"

    def __init__(
        self, heading: str, text: str, key_results: list[tuple[str, KeyResult]],
        moves: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.text = text
        self.key_results = key_results
        self.moves = set(moves or [])

    def form_fields(self) -> ComposeResult:
        yield Label(prose(self.tr("tactic.text")))
        yield from self.wording(placeholder=self.tr("tactic.text_placeholder"))
        yield Label(prose(self.tr("tactic.moves")))
        if self.key_results:
            yield SelectionList[str](
                *(
                    Selection(Content.assemble((f"{tag} ", "bold"), glimpse(kr.text)), kr.id,
                              kr.id in self.moves)
                    for tag, kr in self.key_results
                ),
                id="moves",
            )
        else:
            yield Static(Content.styled(self.tr("tactic.no_kr"), "dim"))

    def submit(self) -> None:
        text = self.required_text("text")
        if text is None:
            return
        moves: tuple[str, ...] = ()
        if self.key_results:
            moves = tuple(self.query_one("#moves", SelectionList).selected)
        self.dismiss(TacticDraft(text, moves))


@dataclass(frozen=True)
class ActionDraft:
    """An action as its form gives it back (None: no owner, no due date, no first step)."""

    text: str
    owner: str | None
    due: date | None
    first_step: str | None


class ActionForm(FormScreen[ActionDraft]):
    """An action: wording, owner, due date (YYYY-MM-DD), first step."""

    coach_kind = "action"

    def __init__(
        self, heading: str, session: Session, action: Action | None = None, text: str = ""
    ) -> None:
        super().__init__()
        self.heading = heading
        self.session = session
        self.action = action
        self.text = action.text if action else text

    def form_fields(self) -> ComposeResult:
        tr = self.tr
        action = self.action
        yield Label(prose(tr("action.text")))
        yield from self.wording(placeholder=tr("action.text_placeholder"))
        yield Label(prose(tr("action.owner")))
        yield Select(
            [(literal(p.name), p.id) for p in self.session.participants],
            prompt=tr("action.no_owner"),
            value=action.owner if action and action.owner else Select.NULL,
            id="owner",
        )
        yield Label(prose(tr("action.due")))
        yield field(action.due.isoformat() if action and action.due else "",
                    placeholder=tr("action.due_placeholder"), id="due")
        yield Label(prose(tr("action.first_step")))
        yield field((action.first_step or "") if action else "",
                    placeholder=tr("action.first_step_placeholder"), id="first_step")

    def submit(self) -> None:
        text = self.required_text("text")
        if text is None:
            return
        due_text = self.value("due").strip()
        due = None
        if due_text:
            try:
                due = date.fromisoformat(due_text)
            except ValueError:
                self.fail(self.tr("action.bad_date", value=due_text), "due")
                return
        owner = self.query_one("#owner", Select).value
        self.dismiss(ActionDraft(
            text=text,
            owner=owner if isinstance(owner, str) else None,
            due=due,
            first_step=clean_line(self.value("first_step")) or None,
        ))
