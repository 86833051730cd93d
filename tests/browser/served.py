"""A real Room over a real Document, served by aiohttp on 127.0.0.1 (port 0) in a thread
with its own event loop, and the facilitator's keys as the app makes them: the same domain
functions, then Document.edited (an undo step) or Document.navigated (a phase), called in
the server's loop as the app calls them in Textual's."""

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from okrtui.document import Document, Name, item_tag
from okrtui.facilitation import reveal, set_phase
from okrtui.models import Phase
from okrtui.room.keys import RoomKeys
from okrtui.room.room import Room
from okrtui.room.service import RoomService
from okrtui.workshop import add_key_result, commit_objective, new_session

T = TypeVar("T")
WAIT = 10.0


class Served:
    """The room on the network, and the facilitator's control desk."""

    def __init__(self, language: str = "en", anonymous: bool = False,
                 dots: int = 3) -> None:
        session = new_session("Atelier produit" if language == "fr" else "Product workshop",
                              "fr" if language == "fr" else "en")
        session.anonymous = anonymous
        session.dots_per_person = dots
        self.document = Document(session)
        self.room = Room(self.document, RoomKeys.fresh())
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.service = RoomService(self.room, "127.0.0.1")
        self.wait(self.service.start())
        self.base = self.service.base

    def wait(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(WAIT)

    def call(self, action: Callable[[], T]) -> T:
        """Run action in the server's loop (where every edit of the document happens)."""

        async def run() -> T:
            return action()

        return self.wait(run())

    def restart(self) -> None:
        """The server goes away, as when okrtui is killed, and comes back on the same port
        with the same keys: open pages see their connection drop, then come back."""
        port = self.service.port
        self.wait(self.service.stop())
        self.room = Room(self.document, self.room.keys)  # a restarted okrtui has its own
        self.service = RoomService(self.room, "127.0.0.1", port)
        self.wait(self.service.start())

    def close(self) -> None:
        self.wait(self.service.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(WAIT)
        self.loop.close()

    @property
    def join_url(self) -> str:
        return self.service.join_url

    @property
    def board_url(self) -> str:
        return self.service.board_url

    # The facilitator's keys -----------------------------------------------------------

    def phase(self, phase: Phase) -> None:
        def move() -> None:
            set_phase(self.room.team, self.room.level, phase)
            self.document.navigated()

        self.call(move)

    def reveal(self) -> int:
        def show() -> int:
            count = reveal(self.room.team, self.room.level)
            self.document.edited(Name.of("step.revealed"))
            return count

        return self.call(show)

    def commit(self, text: str, key_results: list[str]) -> None:
        """An objective committed from the idea of that text (or typed), with its KRs."""

        def commit() -> None:
            session, team = self.document.session, self.room.team
            idea = next((i for i in team.ideas_at(self.room.level) if i.text == text), None)
            objective = commit_objective(session, team, text, idea)
            tag = item_tag(team, objective.id)
            self.document.edited(Name.of("step.objective_committed", tag=tag, text=text),
                                 [objective.id])
            for kr_text in key_results:
                kr = add_key_result(session, objective, kr_text)
                self.document.edited(Name.of("step.kr_added", tag=item_tag(team, kr.id),
                                             objective=tag), [kr.id])

        self.call(commit)
