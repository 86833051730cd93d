"""The help screen: every key, by where it works."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Label, Static

from screens.dialogs import Dialog
from screens.localized import literal

SECTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("help.everywhere", [("ctrl+p", "key.palette"), ("f1", "key.help"), ("ctrl+q", "key.quit"),
                         ("escape", "key.cancel")]),
    ("help.home", [("n", "key.new_session"), ("o", "key.open_file"), ("enter", "help.select")]),
    ("help.session", [("1 2 3 4", "help.levels"), ("ctrl+s", "key.save"),
                      ("f2", "key.save_as"), ("ctrl+o", "key.close"),
                      ("tab / shift+tab", "help.move_focus")]),
    ("help.levels_section", [("i", "key.capture"), ("enter", "help.add_idea"),
                             ("escape", "key.leave_field"), ("p", "key.commit"),
                             ("e", "key.edit"), ("delete", "key.remove")]),
    ("level.ambition.name", [("n", "key.new_objective"), ("k", "key.new_key_result"),
                             ("d", "key.new_decision"), ("x", "key.set_aside")]),
    ("level.tactic.name", [("n", "key.new_tactic")]),
    ("level.execution.name", [("n", "key.new_action")]),
]


class HelpScreen(Dialog[None]):
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
        yield Footer(compact=True)
