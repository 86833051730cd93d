"""Dot voting on the ideas of one level: pick a participant (1–9), give dots (space),
take one back (backspace), or type the totals counted on paper (t). The ranking, ties
shown, can be hidden until everyone has voted (h)."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static

from okrtui.document import Name
from okrtui.facilitation import (
    VoteRefused,
    add_dot,
    dots_used,
    remove_dot,
    set_paper_total,
    tally,
    voters_done,
)
from okrtui.models import Idea, Level, Session
from okrtui.numbers import parse_number

from .commands import bindings_for
from .forms import TextForm
from .localized import glimpse, literal
from .widgets.idea_list import IdeaList, IdeaRow
from .widgets.key_bar import KeyBar
from .widgets.team_view import TeamView


class VoteScreen(TeamView, Screen[None]):
    BINDINGS = bindings_for("vote")

    def __init__(self, session: Session, level: Level) -> None:
        super().__init__(classes="vote")
        self.session = session
        self.level = level
        self.tr = self.okr_app.tr
        self.current = 0
        self.hide_totals = False


    def compose(self) -> ComposeResult:
        yield Label("", id="vote-heading", classes="panel-heading")
        yield Static("", id="vote-people")
        with Horizontal():
            with Vertical(classes="ideas"):
                yield IdeaList(id="vote-ideas")
            with Vertical(classes="findings"):
                yield Label(literal(self.tr("vote.ranking")), classes="panel-heading")
                yield Static("", id="vote-ranking")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one("#vote-ideas", IdeaList).focus()

    def ideas(self) -> list[Idea]:
        return [i for i in self.team.ideas_at(self.level) if not i.hidden and not i.parked]

    @property
    def participant(self) -> str | None:
        people = self.session.participants
        return people[self.current].id if 0 <= self.current < len(people) else None

    def refresh_view(self) -> None:
        tr = self.tr
        budget = self.session.dots_per_person
        self.query_one("#vote-heading", Label).update(literal(tr(
            "vote.heading", level=tr(f"level.{self.level}.name"), count=budget)))
        people = []
        for index, person in enumerate(self.session.participants):
            used = dots_used(self.team, person.id, self.level)
            style = "bold reverse" if index == self.current else ""
            key = f"{index + 1} " if index < 9 else ""
            people.append(Content.assemble((f" {key}{person.name} ", style),
                                           ("●" * used + "○" * max(budget - used, 0), "$accent")))
        if not people:
            people.append(Content.styled(tr("vote.no_participants"), "italic"))
        self.query_one("#vote-people", Static).update(Content(" · ").join(people))
        totals: dict[str, int] = {}
        mine: dict[str, int] = {}
        for vote in self.team.votes:
            totals[vote.idea] = totals.get(vote.idea, 0) + vote.dots
            if vote.participant == self.participant:
                mine[vote.idea] = vote.dots
        ideas = self.query_one("#vote-ideas", IdeaList)
        highlighted = ideas.highlighted
        def prompt(idea: Idea, dots: int) -> Content:
            return self._prompt(idea, dots, 0 if self.hide_totals else totals.get(idea.id, 0))

        options = [IdeaRow(prompt, idea.id, idea, mine.get(idea.id, 0))
                   for idea in self.ideas()]
        ideas.set_options(options)
        if options:
            ideas.highlighted = min(highlighted or 0, len(options) - 1)
        self.query_one("#vote-ranking", Static).update(self._ranking())

    @staticmethod
    def _prompt(idea: Idea, mine: int, total: int) -> Content:
        parts: list[tuple[str, str] | str] = [glimpse(" ".join(idea.text.split()))]
        if mine:
            parts.append((f"  {'●' * mine}", "bold $accent"))
        if total:
            parts.append((f"  ({total})", "dim"))
        return Content.assemble(*parts)

    def _ranking(self) -> Content:
        tr = self.tr
        if self.hide_totals:
            done = len(voters_done(self.session, self.team, self.level))
            return Content.styled(tr("vote.hidden", done=done,
                                     total=len(self.session.participants)), "italic")
        lines = []
        for ranked in tally(self.team, self.level):
            tie = "=" if ranked.tied else " "
            lines.append(Content.assemble((f"{tie}{ranked.rank}. ", "bold"),
                                          (f"{ranked.dots} ", "bold $accent"),
                                          glimpse(" ".join(ranked.idea.text.split()))))
        return Content("\n").join(lines) if lines else Content.styled(tr("vote.none"), "dim")

    def _highlighted(self) -> Idea | None:
        option = self.query_one("#vote-ideas", IdeaList).highlighted_option
        return next((i for i in self.ideas() if option and i.id == option.id), None)

    def action_participant(self, index: int) -> None:
        if index < len(self.session.participants):
            self.current = index
            self.refresh_view()

    def action_next_participant(self, step: int) -> None:
        """← → move through every participant (1–9 reach the first nine in one key)."""
        if self.session.participants:
            self.current = (self.current + step) % len(self.session.participants)
            self.refresh_view()

    def action_dot(self, step: int) -> None:
        idea, participant = self._highlighted(), self.participant
        if idea is None or participant is None:
            return
        try:
            if step > 0:
                add_dot(self.session, self.team, participant, idea)
            elif not remove_dot(self.team, participant, idea):
                return
        except VoteRefused as refused:
            self.okr_app.notify(literal(self.tr("vote.no_dots_left", count=refused.budget)),
                                severity="warning")
            return
        self.okr_app.mark_changed(Name.of("step.dot"), [idea.id])
        self.refresh_view()

    def action_paper_total(self) -> None:
        idea = self._highlighted()
        if idea is None:
            return

        def done(text: str | None) -> None:
            try:
                total = parse_number(text or "", self.session.language)
            except ValueError:
                total = None
            try:
                if not isinstance(total, int):
                    raise ValueError(text)
                set_paper_total(self.team, idea, total)
            except ValueError:
                self.okr_app.notify(literal(self.tr("vote.bad_total")), severity="warning")
                return
            self.okr_app.mark_changed(Name.of("step.paper_total"), [idea.id])
            self.refresh_view()

        self.app.push_screen(TextForm(self.tr("vote.total_heading", idea=glimpse(idea.text)),
                                      self.tr("vote.total_label")), done)

    def action_hide(self) -> None:
        self.hide_totals = not self.hide_totals
        self.refresh_view()

    def action_close(self) -> None:
        self.dismiss(None)
