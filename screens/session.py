"""The open session: the three levels and the review, one key (or click) apart."""


from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from okrtui.cards import CARDS
from okrtui.document import Name
from okrtui.facilitation import (
    add_time,
    level_state,
    remaining_seconds,
    reset_timer,
    step_phase,
    tick,
)
from okrtui.models import LEVELS, Action, KeyResult, Level, Objective, Session, Tactic
from okrtui.progress import has_check_ins
from okrtui.workshop import add_team, find_item

from .ambition import AmbitionPane
from .commands import bindings_for
from .execution import ExecutionPane
from .forms import PickScreen, SettingsDraft, SettingsForm, TextForm
from .level_pane import LevelPane
from .localized import glimpse, literal
from .method_card import MethodCard, open_on_first_use
from .presenter import PresenterScreen
from .progress import ProgressPane
from .review import ReviewPane
from .tactic import TacticPane
from .widgets.ideas import IdeaField
from .widgets.key_bar import KeyBar
from .widgets.level_tabs import LevelTabs
from .widgets.room_panel import RoomCode, RoomStrip
from .widgets.team_view import TeamView
from .widgets.title_bar import TitleBar
from .widgets.workshop_bar import WorkshopBar

Pane = LevelPane | ReviewPane | ProgressPane
PANES: dict[str, type[Pane]] = {
    "ambition": AmbitionPane, "tactic": TacticPane, "execution": ExecutionPane,
    "review": ReviewPane, "progress": ProgressPane,
}
TABS = ("ambition", "tactic", "execution", "review", "progress")


class SessionScreen(TeamView, Screen[None]):
    BINDINGS = bindings_for("session")

    def __init__(self, session: Session, drafts: dict[str, str] | None = None) -> None:
        """drafts: text typed in a level's capture field and not yet added (recovered)."""
        super().__init__()
        self.session = session
        self.tr = self.okr_app.tr
        self._visited: set[str] = {TABS[0]}
        self._drafts = dict(drafts or {})

    def compose(self) -> ComposeResult:
        """Only the first level is built now; the others when first visited (fast start)."""
        yield TitleBar()
        yield WorkshopBar(self.session, self.tr)
        yield LevelTabs([(name, f"{number} {self.tr(f'level.{name}.name')}")
                         for number, name in enumerate(TABS, start=1)], TABS[0])
        with Horizontal(id="session-body"):
            with ContentSwitcher(id="levels", initial=TABS[0]):
                for name in TABS:
                    with Container(id=name, classes="level-place"):
                        if name == TABS[0]:
                            yield PANES[name](self.session, self.team, self.tr)
            yield RoomCode()
        yield RoomStrip()
        yield KeyBar()

    AUTO_FOCUS = None
    """on_mount focuses the first level's ideas, or its field while there are none."""

    def on_mount(self) -> None:
        self._timer = self.set_interval(1.0, self._tick, pause=True)
        self.timer_level: Level = "ambition"
        self._put_draft(TABS[0])
        self._focus_pane(TABS[0])
        if self._drafts:
            self.action_level(next(iter(self._drafts)))
        elif has_check_ins(self.team):  # reopened in the quarter: where are we?
            self.action_level("progress")
        else:
            self.call_after_refresh(open_on_first_use, self, TABS[0])

    def drafts(self) -> dict[str, str]:
        """Text typed in the capture fields and not yet added, by level."""
        typed = {field.id.removesuffix("-idea-input"): field.value
                 for field in self.query(IdeaField) if field.id and field.value.strip()}
        return {**self._drafts, **typed}

    def _put_draft(self, level: str) -> None:
        if level in self._drafts:
            self.query_one(f"#{level}-idea-input", IdeaField).value = self._drafts.pop(level)

    @property
    def bar(self) -> WorkshopBar:
        return self.query_one(WorkshopBar)

    @property
    def level(self) -> Level:
        """The level on screen, or the last one seen (from the review)."""
        return self.bar.level or "ambition"

    # Phases and the timer ---------------------------------------------------------------

    def action_phase(self, step: int) -> None:
        state = step_phase(self.team, self.level, step)
        self._stop_if_running(self.level)
        self.bar.show(self.level)
        self.okr_app.notify(literal(self.tr("workshop.phase_now",
                                            level=self.tr(f"level.{self.level}.name"),
                                            phase=self.tr(f"phase.{state.phase}"))))
        self.okr_app.mark_unsaved()  # saved with the session, but navigation: not an undo step
        for pane in self.query(f"#{self.level}-pane").results(LevelPane):
            pane.reload()  # converging ranks the ideas by dots

    def action_timer(self) -> None:
        """Start or pause the timer of the level on screen (one timer runs at a time)."""
        if self.bar.running and self.timer_level == self.level:
            self.bar.running = False
            self._timer.pause()
        else:
            self.timer_level = self.level
            state = level_state(self.team, self.level)
            if remaining_seconds(self.session, state) == 0:
                reset_timer(state)
            self.bar.running = True
            self._timer.resume()
        self._refresh_time()
        self._time_changed()

    def action_add_time(self, seconds: int) -> None:
        add_time(self.session, level_state(self.team, self.level), seconds)
        self._refresh_time()
        self._time_changed()

    def action_reset_timer(self) -> None:
        reset_timer(level_state(self.team, self.level))
        self._stop_if_running(self.level)
        self._refresh_time()
        self._time_changed()

    def _time_changed(self) -> None:
        """The timer's remaining time is part of the session: saved, not an undo step."""
        self._room_follows()
        self.okr_app.mark_unsaved()

    def _room_follows(self) -> None:
        """The room's pages show the level on screen and whether its timer runs."""
        running = self.bar.running and self.timer_level == self.level
        self.okr_app.room_control.show(self.level, running)

    # The room ----------------------------------------------------------------------------

    def action_open_room(self) -> None:
        control = self.okr_app.room_control
        if control.service is None:
            control.offer()
        else:
            self.okr_app.notify(literal(self.tr("room.opened", link=control.service.join_url)))

    def action_room_code(self) -> None:
        self.okr_app.room_control.toggle_qr()

    def action_room_links(self) -> None:
        self.okr_app.room_control.regenerate()

    def action_delete_hidden(self) -> None:
        self.okr_app.room_control.delete_hidden(self.level)

    def action_close_room(self) -> None:
        self.okr_app.room_control.closed_by_user()

    def _stop_if_running(self, level: Level) -> None:
        if self.bar.running and self.timer_level == level:
            self.bar.running = False
            self._timer.pause()
            self._time_changed()

    def _tick(self) -> None:
        state = level_state(self.team, self.timer_level)
        if tick(self.session, state):
            self._stop_if_running(self.timer_level)
            self.app.bell()
            self.okr_app.notify(literal(self.tr("workshop.time_up",
                                                phase=self.tr(f"phase.{state.phase}"),
                                                level=self.tr(f"level.{self.timer_level}.name"))),
                                severity="warning", timeout=10)
        self._refresh_time()

    def _refresh_time(self) -> None:
        self.bar.show(self.level)
        for screen in self.app.screen_stack:
            if isinstance(screen, PresenterScreen):
                screen.refresh_view()

    def action_settings(self) -> None:
        def done(settings: SettingsDraft | None) -> None:
            if settings is not None:
                self.session.dots_per_person = settings.dots_per_person
                self.session.timebox = settings.timebox
                self._refresh_time()
                self.okr_app.mark_changed(Name.of("step.settings"))

        self.app.push_screen(SettingsForm(self.tr("settings.heading"), self.session), done)

    def action_team(self) -> None:
        """Show another team's OKRs, or add a team (each has its own 3 objectives)."""
        tr = self.tr
        choices = [(team.id, Content.assemble(
            ("● " if team is self.team else "  ", "bold"), team.name or team.id,
            (f"  {tr('team.counts', count=len(team.committed_objectives))}", "dim")))
            for team in self.session.teams]
        choices.append(("+new", Content.styled(f"+ {tr('team.new')}", "bold")))

        def picked(team_id: str | None) -> None:
            if team_id == "+new":
                self.app.push_screen(TextForm(tr("team.new"), tr("team.name")), added)
            elif team_id is not None:
                self.show_team(team_id)

        def added(name: str | None) -> None:
            if name:
                team = add_team(self.session, name)
                self.okr_app.mark_changed(Name.of("step.team_added", name=glimpse(name, 40)))
                self.show_team(team.id)

        self.app.push_screen(PickScreen(tr("team.heading"), choices, tr("team.note")), picked)

    def show_team(self, team_id: str) -> None:
        """Show another team; a running timer pauses (it belongs to the team it timed)."""
        self._stop_if_running(self.timer_level)
        self.okr_app.team_id = team_id
        self.reload_panes()
        self.bar.show(self.level)
        self.okr_app.update_title()
        self.okr_app.notify(literal(self.tr("team.shown", team=self.team.name or self.team.id)))

    def action_presenter(self) -> None:
        self.app.push_screen(PresenterScreen(self))

    def action_log(self) -> None:
        """The decisions logged and the team's KPIs, which had no view but the file."""
        from .log import LogScreen

        self.app.push_screen(LogScreen(self.session, self.team))

    def action_learning(self) -> None:
        """The learning review of the team on screen: did the decisions hold, what was
        learned, what is still right not to do."""
        from .learning import LearningScreen

        self.app.push_screen(LearningScreen(self.session))

    # Undo and redo -------------------------------------------------------------------------

    def action_undo(self) -> None:
        if self.okr_app.history_step("undone") is not None:
            self.bar.show(self.level)  # the panes follow the document themselves

    def action_redo(self) -> None:
        if self.okr_app.history_step("redone") is not None:
            self.bar.show(self.level)

    def reload_panes(self) -> None:
        """Bring every level built so far up to date with the session."""
        for pane in self.query(".level"):
            if isinstance(pane, Pane):  # every .level is one
                pane.reload()

    class LevelShown(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    @property
    def active_level(self) -> str:
        """The level (or the review) on screen."""
        return self.query_one(LevelTabs).active

    def action_level(self, name: str) -> None:
        if name == self.active_level:
            return
        self.query_one(LevelTabs).active = name
        self.query_one("#levels", ContentSwitcher).current = name
        self.post_message(self.LevelShown(name))

    def on_level_tabs_chosen(self, event: LevelTabs.Chosen) -> None:
        self.action_level(event.name)

    async def pane(self, name: str) -> Pane:
        """The pane of this level, built on first use."""
        panes = self.query(f"#{name}-pane")
        if panes:
            built = panes.first()
            assert isinstance(built, Pane)
            return built
        pane = PANES[name](self.session, self.team, self.tr)
        await self.query_one(f"#levels > #{name}").mount(pane)
        self._put_draft(name)
        return pane

    async def on_session_screen_level_shown(self, event: LevelShown) -> None:
        """Show a level: built on first visit, brought up to date on the next ones."""
        name = event.name
        if name in LEVELS:
            self.bar.show(name)
            self._room_follows()
        if name in self._visited:
            (await self.pane(name)).reload()
        else:
            await self.pane(name)
            self._visited.add(name)
        self._focus_pane(name)
        open_on_first_use(self, name)

    def action_method_card(self) -> None:
        if self.active_level in CARDS:
            self.app.push_screen(MethodCard(self.active_level))
        else:
            self.okr_app.notify(literal(self.tr("progress.no_card")))

    async def on_review_pane_open_item(self, event: ReviewPane.OpenItem) -> None:
        """From the review: go to the item's level, put the cursor on it, open its form."""
        located = find_item(self.team, event.item_id)
        if located is None:
            return
        level: Level
        match located[1]:
            case Objective() | KeyResult():
                level = "ambition"
            case Tactic():
                level = "tactic"
            case Action():
                level = "execution"
        self.action_level(level)
        pane = await self.pane(level)
        assert isinstance(pane, LevelPane)
        pane.reload()
        ref = pane.okr_view.select_item(event.item_id)
        if ref is not None:
            pane.okr_view.focus()
            pane.edit_ref(ref)

    def _focus_pane(self, name: str) -> None:
        if name in LEVELS:
            self.query_one(f"#{name}-pane", LevelPane).focus_start()
        elif name == "progress":
            self.query_one(ProgressPane).focus_rows()
        else:
            self.query_one("#review-pane .okr-view").focus()

    @property
    def active_pane(self) -> Widget:
        """The pane of the level on screen."""
        return self.query_one(f"#{self.active_level}-pane")
