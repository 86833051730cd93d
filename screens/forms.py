"""Modal forms for what is committed: a wording, a key result, a tactic, an action; and a
picker used to choose an objective, a tactic, or what to set aside when a limit bites."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from okrtui.coach import Kind
from okrtui.facilitation import phases_for, workshop_minutes
from okrtui.models import Action, KeyResult, Session
from okrtui.numbers import format_number, read_number
from okrtui.text import clean_line

from .commands import bindings_for
from .dialogs import Dialog, button, field
from .localized import glimpse, literal
from .widgets.coach_panel import CoachPanel
from .widgets.key_bar import KeyBar


class FormScreen(Dialog[Any]):
    """Enter in a field moves on; enter in the last field, ctrl+s, or OK submits."""

    BINDINGS = bindings_for("form")

    heading: str
    coach_kind: Kind | None = None
    """The coach checks the #text field of forms that set this."""
    text: str
    """The wording the #text field opens with (forms that set coach_kind have one)."""

    def form_fields(self) -> ComposeResult:
        raise NotImplementedError

    @property
    def session_language(self) -> str:
        """The language of the session's text and numbers (the UI's may differ)."""
        session = self.okr_app.session
        return session.language if session is not None else self.tr.language

    def coach_panel(self) -> ComposeResult:
        if self.coach_kind is not None:
            yield CoachPanel(self.tr, self.coach_kind, self.text, self.session_language)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "text" and self.coach_kind is not None:
            self.query_one(CoachPanel).check(event.value)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form"):
            yield Label(literal(self.heading), classes="heading")
            yield from self.form_fields()
            yield Static("", classes="error form-error")
            # docked: the buttons stay in view while the fields above them scroll
            with Horizontal(classes="buttons form-buttons"):
                yield button(literal(self.tr("dialog.ok")), variant="primary", id="ok")
                yield button(literal(self.tr("dialog.cancel")), id="cancel")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.dismiss(None)

    def action_submit(self) -> None:
        self.submit()

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def fail(self, message: str, field_id: str) -> None:
        self.show_error(message)
        self.query_one(f"#{field_id}").focus()

    def required_text(self, field_id: str) -> str | None:
        text = clean_line(self.value(field_id))
        if not text:
            self.fail(self.tr("form.text_required"), field_id)
            return None
        return text

    def submit(self) -> None:
        raise NotImplementedError


class TextForm(FormScreen):
    """One wording: an objective (coached), a decision, an idea. Returns the text."""

    def __init__(self, heading: str, label: str, text: str = "", coach: Kind | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.label = label
        self.text = text
        self.coach_kind = coach

    def form_fields(self) -> ComposeResult:
        yield Label(literal(self.label))
        yield field(self.text, id="text")
        yield from self.coach_panel()

    def submit(self) -> None:
        text = self.required_text("text")
        if text is not None:
            self.dismiss(text)


@dataclass(frozen=True)
class IdeaDraft:
    """What the idea form gives back: the wording, and who wrote it (None: no one)."""

    text: str
    author: str | None


class IdeaForm(FormScreen):
    """An idea's wording and its author (there is no author in an anonymous session)."""

    def __init__(self, heading: str, session: Session, text: str, author: str | None) -> None:
        super().__init__()
        self.heading = heading
        self.session = session
        self.text = text
        self.author = author

    def form_fields(self) -> ComposeResult:
        tr = self.tr
        if not self.session.anonymous:
            yield Label(literal(tr("ideas.author")))
            yield Select([(literal(p.name), p.id) for p in self.session.participants],
                         prompt=tr("ideas.no_author"),
                         value=self.author if self.author else Select.NULL, id="author")
        yield Label(literal(tr("ideas.text")))
        yield field(self.text, id="text")

    def submit(self) -> None:
        text = self.required_text("text")
        if text is None:
            return
        author = None
        if not self.session.anonymous:
            chosen = self.query_one("#author", Select).value
            author = chosen if isinstance(chosen, str) else None
        self.dismiss(IdeaDraft(text, author))


class KeyResultForm(FormScreen):
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

        yield Label(literal(tr("kr.text")))
        yield field(self.text, placeholder=tr("kr.text_placeholder"), id="text")
        yield from self.coach_panel()
        with Grid(classes="numbers"):
            yield Label(literal(tr("kr.baseline")))
            yield Label(literal(tr("kr.target")))
            yield Label(literal(tr("kr.unit")))
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
        super().on_input_changed(event)

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
        reading_note.update(literal("\n".join(notes)))
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

    def submit(self) -> None:
        text = self.required_text("text")
        if text is None:
            return
        numbers = {}
        for field_id in ("baseline", "target"):
            try:
                reading = read_number(self.value(field_id), self.session_language)
            except ValueError:
                self.fail(self.tr("kr.not_a_number", value=self.value(field_id)), field_id)
                return
            before = getattr(self.kr, field_id) if self.kr else None
            # The same number keeps its type: 2000.0 shown as « 2 000 » stays 2000.0.
            value = None if reading is None else reading.value
            numbers[field_id] = before if value is not None and value == before else value
        self.dismiss({"text": text, **numbers, "unit": clean_line(self.value("unit")) or None,
                      "baseline_unknown": self.query_one("#baseline-unknown", Checkbox).value})


class TacticForm(FormScreen):
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
        yield Label(literal(self.tr("tactic.text")))
        yield field(self.text, placeholder=self.tr("tactic.text_placeholder"), id="text")
        yield from self.coach_panel()
        yield Label(literal(self.tr("tactic.moves")))
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
        moves = []
        if self.key_results:
            moves = list(self.query_one("#moves", SelectionList).selected)
        self.dismiss({"text": text, "moves": moves})


class ActionForm(FormScreen):
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
        yield Label(literal(tr("action.text")))
        yield field(self.text, placeholder=tr("action.text_placeholder"), id="text")
        yield from self.coach_panel()
        yield Label(literal(tr("action.owner")))
        yield Select(
            [(literal(p.name), p.id) for p in self.session.participants],
            prompt=tr("action.no_owner"),
            value=action.owner if action and action.owner else Select.NULL,
            id="owner",
        )
        yield Label(literal(tr("action.due")))
        yield field(action.due.isoformat() if action and action.due else "",
                    placeholder=tr("action.due_placeholder"), id="due")
        yield Label(literal(tr("action.first_step")))
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
        self.dismiss({
            "text": text,
            "owner": owner if isinstance(owner, str) else None,
            "due": due,
            "first_step": clean_line(self.value("first_step")) or None,
        })


class ServesForm(FormScreen):
    """Which objectives and key results a roadmap item serves (space or enter ticks, ctrl+s
    accepts). What it serves that is set aside is not offered, and kept."""

    def __init__(self, heading: str, choices: list[tuple[str, str, bool]],
                 serves: list[str]) -> None:
        """choices: (id, wording, is a key result) each, key results after their objective."""
        super().__init__()
        self.heading = heading
        self.choices = choices
        self.serves = list(serves)

    def form_fields(self) -> ComposeResult:
        yield Static(literal(self.tr("plan.map_note")), classes="note")
        yield SelectionList[str](
            *(Selection(Content.assemble(("   " if is_kr else "", ""), text), item_id,
                        item_id in self.serves)
              for item_id, text, is_kr in self.choices),
            id="serves",
        )

    def on_mount(self) -> None:
        self.query_one("#serves", SelectionList).focus()

    def submit(self) -> None:
        selected = set(self.query_one("#serves", SelectionList).selected)
        offered = {item_id for item_id, _, _ in self.choices}
        hidden = [item_id for item_id in self.serves if item_id not in offered]  # set aside
        self.dismiss(hidden + [item_id for item_id, _, _ in self.choices
                               if item_id in selected])


class DecisionForm(FormScreen):
    """A decision for the log: what was decided, and why."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.heading = heading

    def form_fields(self) -> ComposeResult:
        yield Label(literal(self.tr("decision_log.text")))
        yield field(placeholder=self.tr("decision_log.text_placeholder"), id="text")
        yield Label(literal(self.tr("decision_log.rationale")))
        yield field(placeholder=self.tr("decision_log.rationale_placeholder"), id="rationale")

    def submit(self) -> None:
        text = self.required_text("text")
        if text is not None:
            self.dismiss({"text": text, "rationale": clean_line(self.value("rationale"))})


class SettingsForm(FormScreen):
    """The workshop's settings: dots per person, and the default length of each phase."""

    def __init__(self, heading: str, session: Session) -> None:
        super().__init__()
        self.heading = heading
        self.session = session

    PHASE_FIELDS = ("diverge", "converge", "formalize")

    def form_fields(self) -> ComposeResult:
        tr = self.tr
        timebox = self.session.timebox
        yield Label(literal(tr("settings.dots")))
        yield field(str(self.session.dots_per_person), id="dots")
        yield Label(literal(tr("settings.workshop")))
        yield field(str(workshop_minutes((timebox.diverge, timebox.converge,
                                          timebox.formalize))), id="workshop")
        for phase in self.PHASE_FIELDS:
            yield Label(literal(tr("settings.minutes", phase=tr(f"phase.{phase}"))))
            yield field(str(getattr(timebox, phase)), id=phase)
        yield Static("", id="workshop-total", classes="note")

    def on_mount(self) -> None:
        timebox = self.session.timebox
        self._proportions = (timebox.diverge, timebox.converge, timebox.formalize)
        """The phases a typed length is spread in: as saved, or as the user typed them."""
        self._show_total()

    def _whole(self, field_id: str) -> int | None:
        try:
            reading = read_number(self.value(field_id), self.session_language)
        except ValueError:
            return None
        value = None if reading is None else reading.value
        return value if isinstance(value, int) and value > 0 else None

    def _phases(self) -> tuple[int, int, int] | None:
        diverge, converge, formalize = (self._whole(f) for f in self.PHASE_FIELDS)
        if diverge is None or converge is None or formalize is None:
            return None
        return diverge, converge, formalize

    def on_input_changed(self, event: Input.Changed) -> None:
        """A workshop length typed spreads over the phases, in their proportions; the
        phases' total shows as they change."""
        if event.input.id == "workshop" and event.input.has_focus:
            length = self._whole("workshop")
            if length is not None:
                spread = phases_for(self._proportions, length)
                for phase, minutes in zip(self.PHASE_FIELDS, spread, strict=True):
                    self.query_one(f"#{phase}", Input).value = str(minutes)
        elif event.input.id in self.PHASE_FIELDS:
            phases = self._phases()
            if event.input.has_focus and phases is not None:
                self._proportions = phases
            self._show_total()
        super().on_input_changed(event)

    def _show_total(self) -> None:
        phases = self._phases()
        total = self.query_one("#workshop-total", Static)
        total.update(literal(self.tr("settings.total", level=sum(phases),
                                     total=workshop_minutes(phases)) if phases else ""))

    def submit(self) -> None:
        values = {}
        for field_id, low, high in (("dots", 1, 20), ("diverge", 1, 600),
                                    ("converge", 1, 600), ("formalize", 1, 600)):
            try:
                reading = read_number(self.value(field_id), self.session_language)
            except ValueError:
                reading = None
            number = None if reading is None else reading.value
            if not isinstance(number, int) or not low <= number <= high:
                self.fail(self.tr("settings.between", low=low, high=high), field_id)
                return
            values[field_id] = number
        self.dismiss(values)


class PickScreen(Dialog[str | None]):
    """Choose one item from a list (enter or click); escape cancels."""

    def __init__(self, heading: str, choices: list[tuple[str, Content]], note: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.choices = choices
        self.note = note

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(literal(self.heading), classes="heading")
            if self.note:
                yield Static(literal(self.note), classes="note")
            yield OptionList(*(Option(label, id=value) for value, label in self.choices),
                             id="choices")
            with Horizontal(classes="buttons"):
                yield button(literal(self.tr("dialog.cancel")), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_button_pressed(self) -> None:
        self.dismiss(None)
