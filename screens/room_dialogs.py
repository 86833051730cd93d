"""Where the room listens: one of the machine's addresses (the one others most likely reach
first), and a port (none: a free one)."""

from textual.app import ComposeResult
from textual.widgets import Label, Select, Static

from okrtui.room.addresses import Listen, machine_addresses

from .dialogs import field
from .forms import FormScreen
from .localized import literal, prose


class RoomDialog(FormScreen[Listen]):
    def __init__(self) -> None:
        super().__init__()
        self.heading = self.tr("room.dialog_heading")
        self.addresses = machine_addresses()

    def form_fields(self) -> ComposeResult:
        yield Static(prose(self.tr("room.dialog_note")), classes="note")
        yield Label(prose(self.tr("room.address_label")))
        yield Select([(literal(address), address) for address in self.addresses],
                     value=self.addresses[0], allow_blank=False, id="address")
        yield Label(prose(self.tr("room.port_label")))
        yield field("", placeholder=self.tr("room.port_placeholder"), id="port")

    def on_mount(self) -> None:
        self.query_one("#address", Select).focus()

    def submit(self) -> None:
        address = self.query_one("#address", Select).value
        port_text = self.value("port").strip()
        if not port_text:
            port = 0
        elif port_text.isdigit() and int(port_text) <= 65535:
            port = int(port_text)
        else:
            self.fail(self.tr("room.port_invalid"), "port")
            return
        if isinstance(address, str):
            self.dismiss(Listen(address, port))
