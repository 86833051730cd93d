"""The help screen: every key, by where it works."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from .dialogs import Dialog
from .localized import literal
from .widgets.key_bar import KeyBar

SECTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("help.everywhere", [("ctrl+p", "help.palette"), ("f1", "palette.app.help"),
                         ("ctrl+q", "palette.app.quit"), ("escape", "help.cancel")]),
    ("help.home", [("n", "palette.app.new_session"), ("o", "key.open_file"),
                   ("enter", "help.select")]),
    ("help.session", [("1 2 3 4", "help.levels"), ("ctrl+s", "palette.app.save"),
                      ("f2", "palette.app.save_as"), ("ctrl+o", "palette.app.close"),
                      ("ctrl+t", "help.team"),
                      ("tab / shift+tab", "help.move_focus"), ("← →", "help.panes"),
                      ("w", "help.wrap")]),
    ("help.levels_section", [("i", "palette.action.capture"), ("enter", "help.add_idea"),
                             ("escape", "key.leave_field"), ("p", "palette.action.commit_idea"),
                             ("e", "palette.action.edit"), ("delete", "palette.action.remove")]),
    ("help.workshop", [("[ ]", "key.phase_back"), ("t", "key.timer"), ("+ *", "help.add_time"),
                       ("0", "key.reset_timer"), ("f5", "help.presenter"),
                       ("ctrl+z / ctrl+y", "help.undo_redo"), ("h", "help.silent"),
                       ("r", "help.reveal"), ("space", "help.mark"), ("m", "key.merge"),
                       ("u", "key.split"), ("l", "help.park"), ("v", "help.vote"),
                       ("L", "help.log_decision"), ("j", "help.log"),
                       ("a", "key.add_participant"),
                       ("f3", "key.settings"),
                       ("@ana …", "help.author_prefix")]),
    ("help.voting", [("1 … 9", "key.vote_pick"), ("← →", "key.vote_next"), ("space", "help.dot"),
                     ("backspace", "key.vote_undot"), ("t", "help.paper_total"),
                     ("h", "help.hide_votes")]),
    ("level.ambition.name", [("n", "palette.action.new_objective"),
                             ("k", "palette.action.new_key_result"),
                             ("d", "palette.action.new_decision"),
                             ("x", "palette.action.set_aside")]),
    ("level.tactic.name", [("n", "palette.action.new_tactic")]),
    ("level.execution.name", [("n", "palette.action.new_action")]),
    ("level.review.name", [("enter", "help.open_finding"), ("s", "help.silence"),
                           ("b", "help.measure_baseline"), ("l", "help.kpi"),
                           ("I", "help.import_roadmap"), ("g", "help.map_roadmap"),
                           ("T / A", "help.roadmap_make"), ("c", "help.compare")]),
    ("help.dialogs", [("enter", "help.next_field"), ("ctrl+s", "key.accept"),
                      ("escape", "help.cancel")]),
]


class HelpScreen(Dialog[None]):
    AUTO_FOCUS = ".help"
    """The keys list has the focus at once: the arrows, page up/down scroll it (before,
    nothing had the focus until tab)."""

    def compose(self) -> ComposeResult:
        tr = self.tr
        with VerticalScroll(classes="dialog help"):
            yield Label(literal(tr("help.heading")), classes="heading")
            yield Static(literal(tr("help.intro")), classes="note")
            for title, keys in SECTIONS:
                lines = [Content.styled(tr(title), "bold underline")]
                lines += [
                    Content.assemble((f"  {key:<16}", "bold $accent"), tr(description))
                    for key, description in keys
                ]
                yield Static(Content("\n").join(lines), classes="help-section")
            yield Static(literal(tr("help.limits")), classes="note")
        yield KeyBar()
