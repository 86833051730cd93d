"""The keys of the screen on its last line, as Textual's compact Footer shows them, drawn as one
line of text (the Footer is a widget per key, rebuilt whenever focus moves: ~65 ms of the first
frame). Each binding's description is the catalog key of its label (okrtui.commands), drawn
in the app's language. A click on a key presses it."""

from typing import NamedTuple

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget

from ..app_access import UsesOkrApp

KEY_STYLE = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION_STYLE = "$footer-description-foreground on $footer-description-background"


class ShownKey(NamedTuple):
    binding: Binding
    label: str
    """What it does, in the app's language."""
    enabled: bool


class KeyBar(UsesOkrApp, Widget, can_focus=False):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str, bool]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh()

    def keys(self) -> tuple[list[ShownKey], ShownKey | None]:
        """The shown bindings (one per action, in screen order) and the command palette's."""
        tr = self.okr_app.tr
        active = self.screen.active_bindings
        keys: list[ShownKey] = []
        actions = set()
        for _, binding, enabled, _ in active.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(ShownKey(binding, tr(binding.description), enabled))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _ = active[self.app.COMMAND_PALETTE_BINDING]
            palette = ShownKey(binding, tr(binding.description), enabled)
        return keys, palette

    def _label(self, key: ShownKey, short: bool = False) -> Content:
        """The key and what it does; short: the key alone (for the app's own keys, quit,
        help and the palette, known everywhere, when the screen's keys need the room)."""
        parts = [(self.app.get_key_display(key.binding), KEY_STYLE)]
        if not short:
            parts.append((f" {key.label}", DESCRIPTION_STYLE))
        label = Content.assemble(*parts)
        return label if key.enabled else label.stylize("dim")

    def render(self) -> Content:
        """Every key, in the screen's order: when they do not all fit, the app's own keys
        (quit, help, the palette) lose their words first, then the gaps narrow; a key is
        left out only when even that does not fit."""
        keys, palette = self.keys()
        for short_app_keys, gap in ((False, " "), (True, " "), (True, "")):
            line, spans = self._layout(keys, palette, short_app_keys, gap)
            if len(spans) == len(keys) + (palette is not None):
                break
        self._spans = spans
        return line

    def _layout(self, keys: list[ShownKey], palette: ShownKey | None,
                short_app_keys: bool, gap: str) -> tuple[Content, list[tuple[int, int, str, bool]]]:
        width = self.size.width
        app_actions = {binding.action for binding in self.app.BINDINGS
                       if isinstance(binding, Binding)}
        end = Content()
        if palette is not None:
            end = Content.assemble(("▏", "$foreground 20%"),
                                   self._label(palette, short=short_app_keys))
        spans: list[tuple[int, int, str, bool]] = []
        line = Content()
        for key in keys:
            short = short_app_keys and key.binding.action in app_actions
            label = self._label(key, short=short)
            start = line.cell_length
            if start + label.cell_length > width - end.cell_length:
                break
            spans.append((start, start + label.cell_length, key.binding.key, key.enabled))
            line += label + Content(" " if short else gap)  # "^q f1", never "^qf1"
        if palette is not None:
            room = max(0, width - line.cell_length - end.cell_length)
            start = line.cell_length + room
            spans.append((start + 1, start + end.cell_length, palette.binding.key,
                          palette.enabled))
            line += Content(" " * room) + end
        return line, spans

    @property
    def drawn_keys(self) -> list[str]:
        """The keys the last drawing showed, in order (the palette's last)."""
        return [key for _start, _end, key, _enabled in self._spans]

    def key_at(self, x: int) -> tuple[str, bool] | None:
        """The key drawn at cell x (as last drawn), and whether it works now."""
        return next(((key, enabled) for start, end, key, enabled in self._spans
                     if start <= x < end), None)

    def on_click(self, event: Click) -> None:
        found = self.key_at(event.x)
        if found is None:
            return
        key, enabled = found
        if enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()
