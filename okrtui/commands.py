"""Every key of okrtui in one table: where it works, what it does, and the catalog keys of
its words in the key bar, in the command palette and in the help. The screens' bindings, the
key bar, the help screen, the palette and the README's key table are all drawn from it.

Print the README's table with: python -m okrtui.commands"""

from dataclasses import dataclass

from okrtui.i18n import Catalog, catalog

SECTIONS = (
    "help.everywhere", "help.home", "help.session", "help.levels_section", "help.workshop",
    "help.voting", "help.room", "level.ambition.name", "level.tactic.name", "level.execution.name",
    "level.review.name", "level.progress.name", "learning.section", "help.compare_section",
    "help.dialogs",
)
"""The help's sections (catalog keys), in the order it shows them."""

KEY_NAMES = {"left_square_bracket": "[", "right_square_bracket": "]", "plus": "+",
             "asterisk": "*", "question_mark": "?", "left": "←", "right": "→", "up": "↑",
             "down": "↓"}


@dataclass(frozen=True)
class Command:
    where: str
    """The bindings it belongs to: a screen's or a widget's (`bindings_for(where)`)."""
    keys: str
    """Textual's key names; several, comma-separated, for one action."""
    action: str
    label: str
    """Catalog key: its words in the key bar."""
    section: str
    help: str
    """Catalog key: its line in the help and the README (commands that share it share one)."""
    show: bool = False
    """In the key bar."""
    priority: bool = False
    palette: bool = False
    title: str = ""
    """Catalog key of its name in the command palette (empty: the label)."""
    bound: bool = True
    """False: a key a widget or Textual handles itself (enter in a list, tab), documented only."""

    @property
    def id(self) -> str:
        """The binding's id: unique in the table, usable in a Textual keymap."""
        return f"{self.where}.{self.action}"

    @property
    def palette_title(self) -> str:
        return self.title or self.label

    @property
    def names(self) -> tuple[str, ...]:
        """Its keys as people write them: "[" for left_square_bracket."""
        return tuple(KEY_NAMES.get(key, key) for key in self.keys.split(","))


def widget_key(where: str, keys: str, section: str, help: str) -> Command:
    return Command(where, keys, "", "", section, help, bound=False)


def _app() -> list[Command]:
    everywhere = "help.everywhere"
    return [
        Command("app", "ctrl+q", "quit", "key.quit", everywhere, "palette.app.quit",
                show=True, priority=True, palette=True, title="palette.app.quit"),
        Command("app", "f1", "help", "key.help", everywhere, "palette.app.help",
                show=True, palette=True, title="palette.app.help"),
        Command("app", "ctrl+p", "command_palette", "key.palette", everywhere, "help.palette",
                priority=True),
        Command("home", "n", "app.new_session", "key.new_session", "help.home",
                "palette.app.new_session", show=True, palette=True,
                title="palette.app.new_session"),
        Command("home", "o", "open_file", "key.open_file", "help.home", "key.open_file",
                show=True, palette=True),
        widget_key("home", "enter", "help.home", "help.select"),
    ]


def _session() -> list[Command]:
    session, workshop = "help.session", "help.workshop"
    levels = [Command("session", str(number), f"level('{name}')", f"key.level_{name}",
                      session, "help.levels", palette=True, title=f"level.{name}.name")
              for number, name in enumerate(("ambition", "tactic", "execution", "review"), 1)]
    progress = Command("session", "5", "level('progress')", "progress.key_tab", session,
                       "progress.help_tab", palette=True, title="level.progress.name")
    return [
        *levels,
        progress,
        Command("session", "ctrl+s", "app.save", "key.save", session, "palette.app.save",
                show=True, priority=True, palette=True, title="palette.app.save"),
        Command("session", "f2", "app.save_as", "key.save_as", session, "palette.app.save_as",
                palette=True, title="palette.app.save_as"),
        Command("session", "ctrl+o", "app.close_session", "key.close", session,
                "palette.app.close", palette=True, title="palette.app.close"),
        Command("session", "ctrl+z", "undo", "key.undo", workshop, "help.undo_redo",
                show=True, palette=True),
        Command("session", "ctrl+y", "redo", "key.redo", workshop, "help.undo_redo",
                palette=True),
        Command("session", "f5", "presenter", "key.presenter", workshop, "help.presenter",
                palette=True),
        Command("presenter", "f5,escape", "app.pop_screen", "key.presenter_close", workshop,
                "help.presenter_close"),
        Command("session", "j", "log", "key.log", workshop, "help.log", palette=True),
        Command("log", "j", "cancel", "key.log_close", workshop, "help.log_close"),
        Command("session", "B", "learning", "learning.key_open", "learning.section",
                "learning.help_open", palette=True),
        Command("session", "question_mark", "method_card", "key.method_card", session,
                "help.method_card", palette=True, title="palette.action.method_card"),
        Command("session", "f3", "settings", "key.settings", workshop, "key.settings",
                palette=True),
        Command("session", "ctrl+t", "team", "key.team", session, "help.team", palette=True),
        Command("session", "left_square_bracket", "phase(-1)", "key.phase_back", workshop,
                "help.phases", palette=True),
        Command("session", "right_square_bracket", "phase(1)", "key.phase_next", workshop,
                "help.phases", palette=True),
        Command("session", "t", "timer", "key.timer", workshop, "key.timer", palette=True),
        Command("session", "plus", "add_time(60)", "key.add_minute", workshop, "help.add_time",
                palette=True),
        Command("session", "asterisk", "add_time(300)", "key.add_five", workshop,
                "help.add_time", palette=True),
        Command("session", "0", "reset_timer", "key.reset_timer", workshop, "key.reset_timer",
                palette=True),
        widget_key("session", "tab,shift+tab", session, "help.move_focus"),
        *_room(),
    ]


def _room() -> list[Command]:
    room = "help.room"
    return [Command("session", keys, action, f"key.{action}", room, f"help.{action}",
                    palette=True, title=f"palette.action.{action}")
            for keys, action in (("o", "open_room"), ("q", "room_code"),
                                 ("R", "room_links"), ("D", "delete_hidden"),
                                 ("O", "close_room"))]


def _levels() -> list[Command]:
    levels, workshop, session = "help.levels_section", "help.workshop", "help.session"

    def level(keys: str, action: str, label: str, section: str, help: str,
              show: bool = False, title: str = "") -> Command:
        return Command("level", keys, action, label, section, help, show=show, palette=True,
                       title=title)

    return [
        level("i", "capture", "key.capture", levels, "palette.action.capture", show=True,
              title="palette.action.capture"),
        level("p", "commit_idea", "key.commit", levels, "palette.action.commit_idea", show=True,
              title="palette.action.commit_idea"),
        level("e", "edit", "key.edit", levels, "palette.action.edit", show=True,
              title="palette.action.edit"),
        level("delete", "remove", "key.remove", levels, "palette.action.remove",
              title="palette.action.remove"),
        level("v", "vote", "key.vote", workshop, "help.vote"),
        level("space", "mark", "key.mark", workshop, "help.mark"),
        level("m", "merge", "key.merge", workshop, "key.merge"),
        level("u", "split", "key.split", workshop, "key.split"),
        level("l", "park", "key.park", workshop, "help.park"),
        level("h", "silent", "key.silent", workshop, "help.silent"),
        level("r", "reveal", "key.reveal", workshop, "help.reveal"),
        level("L", "log_decision", "key.log_decision", workshop, "help.log_decision"),
        level("a", "add_participant", "key.add_participant", workshop, "key.add_participant"),
        level("left", "focus_ideas", "key.focus_ideas", session, "help.panes"),
        level("right", "focus_tree", "key.focus_tree", session, "help.panes"),
        level("w", "toggle_wrap", "key.toggle_wrap", session, "palette.action.toggle_wrap",
              title="palette.action.toggle_wrap"),
        *[Command("idea_list", key, action, "help.move_in_list", levels, "help.move_in_list")
          for key, action in (("up", "cursor_up"), ("down", "cursor_down"), ("home", "first"),
                              ("end", "last"), ("pageup", "page_up"),
                              ("pagedown", "page_down"))],
        Command("ideas", "escape", "leave_field", "key.leave_field", levels, "key.leave_field"),
        Command("ideas", "enter", "add_idea", "key.add_idea", levels, "help.add_idea",
                priority=True),
        widget_key("ideas", "@ana …", workshop, "help.author_prefix"),
        Command("author", "enter,space", "show_overlay", "key.pick_author", levels,
                "help.author_picker"),
        Command("author", "down", "app.focus_next", "key.next_field", levels,
                "help.author_picker"),
        Command("author", "up", "app.focus_previous", "key.previous_field", levels,
                "help.author_picker"),
    ]


def _pane(where: str, section: str, keys: str, action: str, show: bool = False) -> Command:
    """A command of one level's pane, named palette.action.<action> in the palette and help."""
    return Command(where, keys, action, f"key.{action}", section, f"palette.action.{action}",
                   show=show, palette=True, title=f"palette.action.{action}")


def _panes() -> list[Command]:
    ambition, review = "level.ambition.name", "level.review.name"

    def reviewing(keys: str, action: str, help: str, show: bool = False,
                  section: str = review) -> Command:
        return Command("review", keys, action, f"key.{action}", section, help, show=show,
                       palette=True)

    return [
        _pane("ambition", ambition, "n", "new_objective", show=True),
        _pane("ambition", ambition, "k", "new_key_result", show=True),
        _pane("ambition", ambition, "d", "new_decision"),
        _pane("ambition", ambition, "x", "set_aside"),
        _pane("tactic", "level.tactic.name", "n", "new_tactic", show=True),
        _pane("execution", "level.execution.name", "n", "new_action", show=True),
        widget_key("review", "enter", review, "help.open_finding"),
        reviewing("s", "silence", "help.silence", show=True),
        reviewing("b", "measure_baseline", "help.measure_baseline", show=True),
        reviewing("l", "kpi", "help.kpi", show=True),
        reviewing("I", "import_roadmap", "help.import_roadmap"),
        reviewing("g", "map_roadmap", "help.map_roadmap"),
        reviewing("T", "roadmap_tactic", "help.roadmap_make"),
        reviewing("A", "roadmap_action", "help.roadmap_make"),
        reviewing("c", "compare", "help.compare", show=True),
        reviewing("left", "focus_tree", "help.panes", section="help.session"),
        reviewing("right", "focus_findings", "help.panes", section="help.session"),
        reviewing("w", "toggle_wrap", "palette.action.toggle_wrap", section="help.session"),
        *_progress(),
    ]


def _progress() -> list[Command]:
    progress = "level.progress.name"
    return [
        Command("progress", "c", "check_in", "progress.key_check_in", progress,
                "progress.help_check_in", show=True, palette=True),
        Command("progress", "g", "grade", "progress.key_grade", progress,
                "progress.help_grade", show=True, palette=True),
        widget_key("progress", "enter", progress, "progress.help_enter"),
    ]


def _screens() -> list[Command]:
    voting, compare, dialogs = "help.voting", "help.compare_section", "help.dialogs"
    picks = [Command("vote", str(n), f"participant({n - 1})", "key.vote_pick", voting,
                     "key.vote_pick", show=n == 1) for n in range(1, 10)]
    return [
        Command("vote", "escape", "close", "key.vote_close", voting, "help.vote_close",
                show=True, palette=True),
        Command("vote", "space", "dot(1)", "key.vote_dot", voting, "help.dot", show=True),
        Command("vote", "backspace", "dot(-1)", "key.vote_undot", voting, "key.vote_undot",
                show=True),
        Command("vote", "t", "paper_total", "key.vote_total", voting, "help.paper_total",
                show=True, palette=True),
        Command("vote", "h", "hide", "key.vote_hide", voting, "help.hide_votes", show=True,
                palette=True),
        Command("vote", "left", "next_participant(-1)", "key.vote_next", voting,
                "key.vote_next"),
        Command("vote", "right", "next_participant(1)", "key.vote_next", voting,
                "key.vote_next"),
        *picks,
        Command("compare", "escape", "app.pop_screen", "key.compare_close", compare,
                "help.compare_close", show=True),
        Command("compare", "o", "other_file", "key.compare_file", compare, "help.compare_file",
                show=True, palette=True),
        Command("compare", "s", "save_common", "key.compare_save", compare,
                "help.compare_save", show=True, palette=True),
        Command("card", "escape,enter", "close", "key.card_close", dialogs, "help.card_close",
                show=True),
        Command("dialog", "escape", "cancel", "key.cancel", dialogs, "help.cancel", show=True),
        Command("dialog", "enter", "next_field", "key.next_field", dialogs, "help.next_field",
                priority=True),
        Command("confirm", "enter", "press", "key.accept", dialogs, "help.press", show=True,
                priority=True),
        Command("confirm", "ctrl+s", "accept", "key.accept", dialogs, "help.accept",
                priority=True),
        Command("form", "ctrl+s", "submit", "key.accept", dialogs, "help.accept", show=True,
                priority=True),
        Command("new_session", "ctrl+s", "start", "key.start", dialogs, "help.accept",
                show=True, priority=True),
    ]


def _learning() -> list[Command]:
    """The learning review's keys: each answers on the highlighted row."""
    section = "learning.section"

    def answer(key: str, action: str, label: str, help: str) -> Command:
        return Command("learning", key, action, f"learning.key_{label}", section,
                       f"learning.help_{help}", show=True)

    return [
        answer("k", "outcome('kept')", "kept", "outcome"),
        answer("c", "outcome('changed')", "changed", "outcome"),
        answer("d", "outcome('dropped')", "dropped", "outcome"),
        answer("s", "not_doing('still_right')", "still_right", "not_doing"),
        answer("r", "not_doing('reconsider')", "reconsider", "not_doing"),
        widget_key("learning", "enter", section, "learning.help_enter"),
        Command("learning", "ctrl+z", "undo", "key.undo", section, "help.undo_redo",
                show=True),
        Command("learning", "ctrl+y", "redo", "key.redo", section, "help.undo_redo"),
        Command("learning", "escape,B", "cancel", "learning.key_close", section,
                "learning.help_close", show=True),
    ]


COMMANDS: tuple[Command, ...] = (*_app(), *_session(), *_levels(), *_panes(), *_learning(),
                                 *_screens())


def commands_for(where: str) -> list[Command]:
    """The bound commands of one screen or widget, in the order its bindings take."""
    return [command for command in COMMANDS if command.where == where and command.bound]


@dataclass(frozen=True)
class HelpLine:
    keys: tuple[tuple[str, ...], ...]
    """Each command's keys, as written (one command may have several)."""
    help: str

    def key_text(self, markdown: bool = False) -> str:
        """"ctrl+z ctrl+y", "f5 / escape", "1 … 9"; in markdown each key in backticks."""
        def name(key: str) -> str:
            return f"`{key}`" if markdown else key

        shown = [" / ".join(name(key) for key in keys) for keys in self.keys]
        if len(shown) > 4:
            shown = [shown[0], "…", shown[-1]]
        return " ".join(shown)


def help_sections() -> list[tuple[str, list[HelpLine]]]:
    """Every command, by help section: the commands that share a help line share one line."""
    sections = []
    for section in SECTIONS:
        lines: dict[str, list[tuple[str, ...]]] = {}
        for command in COMMANDS:
            if command.section == section:
                keys = lines.setdefault(command.help, [])
                if command.names not in keys:
                    keys.append(command.names)
        sections.append((section, [HelpLine(tuple(keys), help) for help, keys in lines.items()]))
    return sections


def readme_table(tr: Catalog | None = None) -> str:
    """The README's key table (in English unless tr says otherwise)."""
    tr = tr or catalog("en")
    rows = ["| where | key | action |", "| --- | --- | --- |"]
    for section, lines in help_sections():
        where = tr(section)
        for line in lines:
            rows.append(f"| {where} | {line.key_text(markdown=True)} | {tr(line.help)} |")
            where = ""
    return "\n".join(rows)


if __name__ == "__main__":
    print(readme_table())
