"""The forms around the OKRs: an idea, a decision for the log, what a roadmap item serves,
and the workshop's settings. Each gives back a typed result."""

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from okrtui.facilitation import phases_for, workshop_minutes
from okrtui.models import Session, Timebox
from okrtui.numbers import read_number
from okrtui.text import clean_line

from ..dialogs import field
from ..localized import literal, prose
from .base import FormScreen


@dataclass(frozen=True)
class IdeaDraft:
    """What the idea form gives back: the wording, and who wrote it (None: no one)."""

    text: str
    author: str | None


class IdeaForm(FormScreen[IdeaDraft]):
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
            yield Label(prose(tr("ideas.author")))
            yield Select([(literal(p.name), p.id) for p in self.session.participants],
                         prompt=tr("ideas.no_author"),
                         value=self.author if self.author else Select.NULL, id="author")
        yield Label(prose(tr("ideas.text")))
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


class ServesForm(FormScreen[list[str]]):
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
        yield Static(prose(self.tr("plan.map_note")), classes="note")
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


@dataclass(frozen=True)
class DecisionDraft:
    """A decision for the log: what was decided, and why ("" when no one said)."""

    text: str
    rationale: str


class DecisionForm(FormScreen[DecisionDraft]):
    """A decision for the log: what was decided, and why."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.heading = heading

    def form_fields(self) -> ComposeResult:
        yield Label(prose(self.tr("decision_log.text")))
        yield field(placeholder=self.tr("decision_log.text_placeholder"), id="text")
        yield Label(prose(self.tr("decision_log.rationale")))
        yield field(placeholder=self.tr("decision_log.rationale_placeholder"), id="rationale")

    def submit(self) -> None:
        text = self.required_text("text")
        if text is not None:
            self.dismiss(DecisionDraft(text, clean_line(self.value("rationale"))))


@dataclass(frozen=True)
class SettingsDraft:
    """The workshop's settings as the form gives them back."""

    dots_per_person: int
    timebox: Timebox


class SettingsForm(FormScreen[SettingsDraft]):
    """The workshop's settings: dots per person, and the default length of each phase."""

    PHASE_FIELDS = ("diverge", "converge", "formalize")

    def __init__(self, heading: str, session: Session) -> None:
        super().__init__()
        self.heading = heading
        self.session = session

    def form_fields(self) -> ComposeResult:
        tr = self.tr
        timebox = self.session.timebox
        yield Label(prose(tr("settings.dots")))
        yield field(str(self.session.dots_per_person), id="dots")
        yield Label(prose(tr("settings.workshop")))
        yield field(str(workshop_minutes((timebox.diverge, timebox.converge,
                                          timebox.formalize))), id="workshop")
        for phase in self.PHASE_FIELDS:
            yield Label(prose(tr("settings.minutes", phase=tr(f"phase.{phase}"))))
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

    def _show_total(self) -> None:
        phases = self._phases()
        total = self.query_one("#workshop-total", Static)
        total.update(prose(self.tr("settings.total", level=sum(phases),
                                     total=workshop_minutes(phases)) if phases else ""))

    def _between(self, field_id: str, low: int, high: int) -> int | None:
        """The whole number in a field if it lies between low and high; else says so."""
        try:
            reading = read_number(self.value(field_id), self.session_language)
        except ValueError:
            reading = None
        number = None if reading is None else reading.value
        if not isinstance(number, int) or not low <= number <= high:
            self.fail(self.tr("settings.between", low=low, high=high), field_id)
            return None
        return number

    def submit(self) -> None:
        dots = self._between("dots", 1, 20)
        if dots is None:
            return
        minutes = []
        for phase in self.PHASE_FIELDS:
            length = self._between(phase, 1, 600)
            if length is None:
                return
            minutes.append(length)
        diverge, converge, formalize = minutes
        self.dismiss(SettingsDraft(dots, Timebox(diverge=diverge, converge=converge,
                                                 formalize=formalize)))
