"""The room of the open session, as the app opens, shows and closes it: served in the app's
own event loop (aiohttp is imported when a room opens, never before)."""

import asyncio
import gc
from typing import TYPE_CHECKING

from textual.signal import Signal

from okrtui.document import Name
from okrtui.models import Level
from okrtui.reasons import system_reason
from okrtui.room.addresses import Listen, url_host
from okrtui.room.keys import RoomKeys, UnusableKeys, keys_beside
from okrtui.room.room import Room
from okrtui.workshop import remove_idea

from .app_base import display_path
from .localized import glimpse, literal, visible_controls

if TYPE_CHECKING:
    from okrtui.room.service import RoomService

    from .app import OkrApp

STOP_SECONDS = 5.0
"""The longest a closing room may hold up the app's exit."""


class RoomControl:
    """At most one room, for the document open when it was opened."""

    def __init__(self, app: "OkrApp") -> None:
        self.app = app
        self.service: RoomService | None = None
        self.qr_shown = True
        self.changed: Signal[None] = Signal(app, "room-changed")
        """The room opened, closed, or changed its links."""
        self._stopping: set[asyncio.Task[None]] = set()
        self._level: Level = "ambition"
        self._running = False

    @property
    def room(self) -> Room | None:
        return self.service.room if self.service is not None else None

    # Opening -------------------------------------------------------------------------

    def offer(self) -> None:
        """Ask where to listen (the machine's addresses, a port), then open there."""
        from .room_dialogs import RoomDialog

        def chosen(listen: Listen | None) -> None:
            if listen is not None and listen.host is not None:
                self.open_soon(listen.host, listen.port)

        self.app.push_screen(RoomDialog(), chosen)

    def open_asked(self, listen: Listen) -> None:
        """`--room` on the command line: there, or asked where (no address given)."""
        if listen.host is None:
            self.offer()
        else:
            self.open_soon(listen.host, listen.port)

    def open_soon(self, host: str, port: int) -> None:
        self.app.run_worker(self.open(host, port), group="room", exclusive=True)

    async def open(self, host: str, port: int = 0) -> bool:
        """Serve the open document on host:port (0: a free port); False (and said why)
        when it cannot."""
        document = self.app.document
        if document is None:
            return False
        await self.stop()
        tr = self.app.tr
        if self.app.read_only:
            self._fail(tr("room.read_only"))
            return False
        try:
            keys = (RoomKeys.load_or_create(keys_beside(document.path))
                    if document.path is not None else RoomKeys.fresh())
        except UnusableKeys as unusable:
            self._fail(tr(unusable.reason, path=visible_controls(display_path(unusable.path))))
            return False
        except OSError as error:
            self._fail(tr("room.keys_failed", reason=system_reason(error).told(tr)))
            return False
        from okrtui.room.service import RoomService

        room = Room(document, keys, level=self._level, timer_running=self._running,
                    durable=self.app.journalled)
        service = RoomService(room, host, port)
        try:
            await service.start()
        except OSError as error:
            room.close()
            self._fail(tr("room.bind_failed", address=url_host(host), port=port or "",
                          reason=system_reason(error).told(tr)))
            return False
        if self.app.document is not document:  # another session opened meanwhile
            await service.stop()
            return False
        self.serve(service)
        self.app.notify(literal(tr("room.opened", link=service.join_url)), timeout=8)
        return True

    def serve(self, service: "RoomService") -> None:
        """Show service (listening) as the open room. What is alive then is left out of the
        garbage collector's full passes until the room closes (gc.freeze): with a room
        serving, each pass walked every object of the app and the session, 0.1 to 0.3 s
        during which no key was drawn."""
        self.service = service
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.changed.publish(None)

    def _fail(self, message: str) -> None:
        self.app.notify(literal(message), title=self.app.tr("room.not_opened"),
                        severity="error", timeout=15)

    # While it is open ------------------------------------------------------------------

    def show(self, level: Level, timer_running: bool) -> None:
        """The level on screen and whether its timer runs, for the pages."""
        self._level, self._running = level, timer_running
        room = self.room
        if room is not None and (room.level, room.timer_running) != (level, timer_running):
            room.show(level=level, timer_running=timer_running)

    def regenerate(self) -> None:
        """New links: the old ones answer 404 from now on."""
        room = self.room
        if room is None:
            self._not_open()
            return
        try:
            room.regenerate()
        except OSError as error:
            tr = self.app.tr
            self._fail(tr("room.keys_failed", reason=system_reason(error).told(tr)))
            return
        self.changed.publish(None)
        assert self.service is not None
        self.app.notify(literal(self.app.tr("room.new_links", link=self.service.join_url)))

    def toggle_qr(self) -> None:
        if self.room is None:
            self._not_open()
            return
        self.qr_shown = not self.qr_shown
        self.changed.publish(None)

    def _not_open(self) -> None:
        self.app.notify(literal(self.app.tr("room.closed_already")), severity="warning")

    def delete_hidden(self, level: Level) -> None:
        """Pick a hidden idea (its text only, never its author) and delete it: one undo step."""
        from .forms import PickScreen

        document = self.app.document
        if document is None:
            return
        tr = self.app.tr
        hidden = [idea for idea in document.team.ideas_at(level) if idea.hidden]
        if not hidden:
            self.app.notify(literal(tr("room.no_hidden")), severity="warning")
            return

        def picked(idea_id: str | None) -> None:
            idea = next((i for i in hidden if i.id == idea_id), None)
            if idea is None or document is not self.app.document:
                return
            if idea not in document.team.ideas_at(level):
                return  # deleted or undone meanwhile
            remove_idea(document.team, idea)
            document.edited(Name.of("step.removed", text=glimpse(idea.text, 40)), [idea.id])

        choices = [(idea.id, literal(glimpse(" ".join(idea.text.split()))))
                   for idea in hidden]
        self.app.push_screen(PickScreen(tr("room.delete_hidden_heading"), choices,
                                        tr("room.delete_hidden_note")), picked)

    # Closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Stop listening now (the document it served is going away); the sockets close in
        the background."""
        service, self.service = self.service, None
        if service is None:
            return
        gc.unfreeze()
        task = asyncio.get_running_loop().create_task(service.stop())
        self._stopping.add(task)
        task.add_done_callback(self._stopping.discard)
        self.changed.publish(None)

    async def stop(self) -> None:
        """Close the room and wait until nothing listens (bounded: never hangs the exit)."""
        self.close()
        if self._stopping:
            await asyncio.wait(set(self._stopping), timeout=STOP_SECONDS)

    def closed_by_user(self) -> None:
        if self.room is None:
            self._not_open()
            return
        self.app.run_worker(self.stop(), group="room-stop")
        self.app.notify(literal(self.app.tr("room.closed")))
