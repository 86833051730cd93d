"""okrtui.commands' table as Textual sees it: each screen's bindings, and the palette's entries."""

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.widget import Widget

from okrtui.commands import COMMANDS, Command, commands_for
from okrtui.i18n import Catalog

BY_ID = {command.id: command for command in COMMANDS if command.bound}


def bindings_for(where: str) -> list[BindingType]:
    """The bindings of a screen or widget: BINDINGS = bindings_for("ambition"). Each
    description is the catalog key of its label, drawn in the app's language by the key bar."""
    return [Binding(command.keys, command.action, command.label, show=command.show,
                    priority=command.priority, id=command.id)
            for command in commands_for(where)]


def commands_of(node: DOMNode) -> list[Command]:
    """The table's commands bound on node (its class's and its bases' BINDINGS)."""
    found = []
    for cls in reversed(type(node).__mro__):
        for binding in vars(cls).get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id in BY_ID:
                found.append(BY_ID[binding.id])
    return found


def palette_entries(node: Widget | App[Any], tr: Catalog) -> Iterator[SystemCommand]:
    """The palette's entries for node's commands, each run on node."""
    for command in commands_of(node):
        if command.palette:
            key = " / ".join(command.names)
            yield SystemCommand(tr(command.palette_title), tr("palette.key", key=key),
                                partial(node.run_action, command.action))
