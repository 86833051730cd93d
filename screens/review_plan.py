"""The review's second half: key results waiting for data, the KPI list, the roadmap and the
objectives nothing serves, with the one-key steps on them (measure a baseline, move a KPI,
import and map a roadmap, turn an item into a tactic or an action)."""

from collections.abc import Callable
from pathlib import Path

from textual.content import Content
from textual.notifications import SeverityLevel
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from okrtui.baselines import (
    add_measure_action,
    measuring_action,
    set_baseline_unknown,
    waiting_for_data,
)
from okrtui.export import kr_measure
from okrtui.i18n import Catalog, catalog
from okrtui.kpis import move_back, move_to_kpis
from okrtui.limits import LimitReached
from okrtui.models import KeyResult, Objective, RoadmapItem, Session, Team
from okrtui.problems import FileProblem
from okrtui.refs import EntryRef
from okrtui.roadmap import (
    import_roadmap,
    read_roadmap,
    set_serves,
    to_action,
    to_tactic,
    unmapped,
    unserved_objectives,
)
from okrtui.workshop import find_item

from .app_access import UsesOkrApp
from .dialogs import PathScreen
from .forms import ActionDraft, ActionForm, PickScreen, ServesForm
from .localized import literal

WARN = "bold yellow"


def _heading(text: str, entry: EntryRef) -> Option:
    return Option(Content.styled(text, "bold underline"), id=str(entry), disabled=True)


def plan_options(session: Session, team: Team, tr: Catalog,
                 describe: Callable[[str], str]) -> list[Option | None]:
    """The sections after the findings; each entry's id is an EntryRef ("kpi:k4"…)."""
    options: list[Option | None] = []

    def section(title: str, name: str, entries: list[Option]) -> None:
        if entries:
            options.extend([None, _heading(f"{title} ({len(entries)})", EntryRef("heading", name)),
                            *entries])

    waiting = []
    for entry in waiting_for_data(team):
        note = (tr("baseline.measured_by", action=entry.action.text) if entry.action
                else tr("baseline.not_planned"))
        style = "dim" if entry.action else WARN
        waiting.append(Option(Content.assemble(
            f"  {describe(entry.key_result.id) or entry.key_result.text}\n",
            (f"    {note}", style)), id=str(EntryRef("waiting", entry.key_result.id))))
    section(tr("baseline.waiting"), "waiting", waiting)

    kpis = [Option(Content.assemble(f"  {kpi.text}", (f"  {kr_measure(kpi, tr)}", "dim")),
                   id=str(EntryRef("kpi", kpi.id))) for kpi in team.kpis]
    section(tr("plan.kpis"), "kpis", kpis)

    lonely = set(item.id for item in unmapped(team))
    items = []
    for item in sorted(team.roadmap, key=lambda item: item.id not in lonely):
        if item.id in lonely:
            note, style = tr("export.serves_nothing"), WARN
        elif item.became:
            note, style = tr("plan.became", item=describe(item.became) or item.became), "dim"
        else:
            served = ", ".join(describe(served).split("  ")[0] or served
                               for served in item.serves)
            note, style = f"{tr('export.serves')} {served}", "dim"
        items.append(Option(Content.assemble(f"  {item.text}\n", (f"    {note}", style)),
                            id=str(EntryRef("roadmap", item.id))))
    section(tr("export.roadmap"), "roadmap", items)

    common = []
    for point in session.common:
        mark = "⇄ " if point.kind == "opposed" else ""
        lines = "".join(f"\n    {item}" for item in point.items)
        common.append(Option(Content.assemble(f"  {mark}{point.text}", (lines, "dim")),
                             id=str(EntryRef("common", point.id))))
    section(tr("export.common"), "common", common)

    if team.roadmap:
        unserved = [Option(Content.assemble(f"  {describe(objective.id) or objective.text}",
                                            ("", WARN)),
                               id=str(EntryRef("unserved", objective.id)))
                    for objective in unserved_objectives(team)]
        section(tr("plan.unserved"), "unserved", unserved)
    return options


class PlanActions(UsesOkrApp):
    """Keys of the review acting on key results, KPIs and roadmap items. Mixed into the
    review pane, which provides session, team, tr, app and the helpers below."""

    session: Session
    team: Team
    tr: Catalog

    def highlighted_entry(self) -> EntryRef | None:
        raise NotImplementedError

    def _changed(self) -> None:
        raise NotImplementedError

    def _tell(self, key: str, severity: SeverityLevel = "information", **params: object) -> None:
        self.okr_app.notify(literal(self.tr(key, **params)), severity=severity)

    def _highlighted_kr(self) -> tuple[Objective, KeyResult] | None:
        entry = self.highlighted_entry()
        located = find_item(self.team, entry.id) if entry is not None else None
        if located is None:
            return None
        objective, item = located
        return (objective, item) if isinstance(item, KeyResult) else None

    def _roadmap_item(self) -> RoadmapItem | None:
        entry = self.highlighted_entry()
        item = next((item for item in self.team.roadmap if entry == EntryRef("roadmap", item.id)),
                    None)
        if item is None:
            self._tell("plan.pick_roadmap_item", "warning")
        return item

    # Baselines -------------------------------------------------------------------------

    def action_measure_baseline(self) -> None:
        """On a key result: its baseline is unknown; plan measuring it as a first action."""
        found = self._highlighted_kr()
        if found is None:
            self._tell("plan.pick_kr", "warning")
            return
        objective, kr = found
        if measuring_action(objective, kr) is not None:
            self._tell("plan.measure_exists", "warning")
            return
        session_tr = catalog(self.session.language)

        def done(draft: ActionDraft | None) -> None:
            if draft is None:
                return
            set_baseline_unknown(kr, True)
            action = add_measure_action(self.session, objective, kr, session_tr,
                                        draft.owner, draft.due)
            action.text = draft.text
            action.first_step = draft.first_step
            self._changed()
            self._tell("plan.measure_added")

        text = session_tr("baseline.action", kr=kr.text[:60])
        self.app.push_screen(
            ActionForm(self.tr("plan.measure_heading"), self.session, text=text), done)

    # KPIs --------------------------------------------------------------------------------

    def action_kpi(self) -> None:
        """A key result goes to the KPI list; a KPI comes back as a key result."""
        entry = self.highlighted_entry()
        kpi = next((kpi for kpi in self.team.kpis if entry == EntryRef("kpi", kpi.id)), None)
        if kpi is not None:
            self._kpi_back(kpi.id, kpi.from_objective)
            return
        found = self._highlighted_kr()
        if found is None:
            self._tell("plan.pick_kr_or_kpi", "warning")
            return
        move_to_kpis(self.team, found[1].id)
        self._changed()
        self._tell("plan.kpi_moved")

    def _kpi_back(self, kpi_id: str, objective_id: str | None) -> None:
        kpi = next(kpi for kpi in self.team.kpis if kpi.id == kpi_id)
        if objective_id is None or find_item(self.team, objective_id) is None:
            self._pick_objective(lambda chosen: self._kpi_back(kpi_id, chosen))
            return
        try:
            move_back(self.team, kpi, objective_id)
        except LimitReached:
            self._tell("plan.kpi_no_room", "warning")
            return
        self._changed()
        self._tell("plan.kpi_back")

    def _pick_objective(self, then: Callable[[str], None],
                        preferred: list[str] | None = None) -> None:
        objectives = self.team.committed_objectives
        if not objectives:
            self._tell("plan.no_objective", "warning")
            return
        order = sorted(objectives, key=lambda o: o.id not in (preferred or []))
        choices = [(o.id, literal(o.text)) for o in order]

        def picked(objective_id: str | None) -> None:
            if objective_id:
                then(objective_id)

        self.app.push_screen(
            PickScreen(self.tr("plan.which_objective"), choices), picked)

    # Roadmap ------------------------------------------------------------------------------

    def action_import_roadmap(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                titles = read_roadmap(path)
            except FileProblem as error:
                self.okr_app.notify(literal(error.message(self.tr)),
                                    severity="error", timeout=10)
                return
            added = import_roadmap(self.session, self.team, titles)
            self._changed()
            self._tell("plan.imported", count=len(added), skipped=len(titles) - len(added))

        self.app.push_screen(
            PathScreen(self.tr("plan.import_heading")), chosen)

    def action_map_roadmap(self) -> None:
        item = self._roadmap_item()
        if item is None:
            return
        choices = []
        for objective in self.team.committed_objectives:
            choices.append((objective.id, objective.text, False))
            choices += [(kr.id, kr.text, True) for kr in objective.committed_key_results]
        if not choices:
            self._tell("plan.no_objective", "warning")
            return

        def done(serves: list[str] | None) -> None:
            if serves is not None:
                set_serves(self.team, item, serves)
                self._changed()

        self.app.push_screen(
            ServesForm(self.tr("plan.map_heading", item=item.text), choices, item.serves), done)

    def action_roadmap_tactic(self) -> None:
        item = self._roadmap_item()
        if item is None:
            return

        def make(objective_id: str) -> None:
            located = find_item(self.team, objective_id)
            if located is not None:
                to_tactic(self.session, located[0], item)
                self._changed()
                self._tell("plan.became_tactic")

        self._pick_objective(make, item.serves)

    def action_roadmap_action(self) -> None:
        item = self._roadmap_item()
        if item is None:
            return
        tactics = [(objective, tactic) for objective in self.team.committed_objectives
                   for tactic in objective.tactics]
        if not tactics:
            self._tell("plan.no_tactic", "warning")
            return
        choices = [(tactic.id, literal(tactic.text)) for _, tactic in tactics]

        def picked(tactic_id: str | None) -> None:
            for objective, tactic in tactics:
                if tactic.id == tactic_id:
                    to_action(self.session, objective, tactic, item)
                    self._changed()
                    self._tell("plan.became_action")

        self.app.push_screen(
            PickScreen(self.tr("plan.which_tactic"), choices), picked)


def entry_at_cursor(options: OptionList) -> EntryRef | None:
    option = options.highlighted_option
    return EntryRef.parse(option.id) if option is not None and option.id else None
