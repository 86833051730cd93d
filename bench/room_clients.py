"""The participants of bench/room.py, in a process of their own (as their phones would be):
each an aiohttp ClientSession with its own cookie, following the room's live updates on
/j/TOKEN/events. Driven by bench/room.py through JSON lines on stdin, answering on stdout.
Times are time.monotonic() (CLOCK_MONOTONIC: the same clock in both processes).

Commands: {"do": "join", "url": JOIN_URL, "count": N}, {"do": "listen", "url": JOIN_URL},
{"do": "post", "who": I, "text": T}, {"do": "seen", "writing": BOOL, "since": T},
{"do": "load", "rate": POSTS_PER_SECOND} (0: stop), {"do": "close"}, {"do": "quit"}.
"""

import asyncio
import contextlib
import itertools
import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

TIMEOUT = aiohttp.ClientTimeout(total=10)
STREAM_TIMEOUT = aiohttp.ClientTimeout(total=None, sock_connect=5, sock_read=30)
SEEN_SECONDS = 5.0


@dataclass
class Participant:
    http: aiohttp.ClientSession
    events: list[tuple[float, bool]] = field(default_factory=list)
    """Each live update: when it arrived, and whether it offers writing (diverge)."""
    stream: asyncio.Task[None] | None = None


class Clients:
    def __init__(self) -> None:
        self.url = ""
        self.people: list[Participant] = []
        self.load: asyncio.Task[None] | None = None
        self.refused = 0

    async def join(self, url: str, count: int) -> dict[str, Any]:
        self.url = url
        for number in range(count):
            http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True),
                                         timeout=TIMEOUT)
            async with http.post(f"{url}/join", data={"name": f"Participant {number + 1}"},
                                 allow_redirects=False) as answer:
                if answer.status != 303:
                    raise RuntimeError(f"join answered {answer.status}")
            self.people.append(Participant(http))
        return {"joined": len(self.people)}

    async def listen(self, url: str) -> dict[str, Any]:
        self.url = url
        for person in self.people:
            person.events.clear()
            person.stream = asyncio.create_task(self._follow(person))
        deadline = time.monotonic() + 10
        while any(not person.events for person in self.people):
            if time.monotonic() > deadline:
                raise RuntimeError("streams did not open within 10 s")
            await asyncio.sleep(0.01)
        return {"listening": len(self.people)}

    async def _follow(self, person: Participant) -> None:
        async with person.http.get(f"{self.url}/events", timeout=STREAM_TIMEOUT) as answer:
            async for line in answer.content:
                if line.startswith(b"data: "):
                    html = json.loads(line[6:])["html"]
                    person.events.append((time.monotonic(), 'data-live="idea"' in html))

    async def post(self, who: int, text: str) -> dict[str, Any]:
        person = self.people[who % len(self.people)]
        sent = time.monotonic()
        async with person.http.post(f"{self.url}/idea", data={"text": text},
                                    allow_redirects=False) as answer:
            status = answer.status
        return {"sent": sent, "acked": time.monotonic(), "status": status}

    async def seen(self, writing: bool, since: float) -> dict[str, Any]:
        """When each page first showed the phase (writing or not) after `since` (None: not
        within SEEN_SECONDS)."""
        deadline = time.monotonic() + SEEN_SECONDS

        def first(person: Participant) -> float | None:
            return next((t for t, w in person.events if t >= since and w == writing), None)

        while any(first(p) is None for p in self.people) and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        return {"seen": [first(p) for p in self.people]}

    def start_load(self, rate: float) -> None:
        if self.load is not None:
            self.load.cancel()
            self.load = None
        if rate > 0:
            self.load = asyncio.create_task(self._steady(rate))

    async def _steady(self, rate: float) -> None:
        began = time.monotonic()
        for number in itertools.count():
            await asyncio.sleep(max(0.0, began + number / rate - time.monotonic()))
            asyncio.create_task(self._quiet_post(number))

    async def _quiet_post(self, number: int) -> None:
        with contextlib.suppress(aiohttp.ClientError, TimeoutError):
            if (await self.post(number, f"Idée de charge numéro {number}"))["status"] != 303:
                self.refused += 1

    async def close(self) -> dict[str, Any]:
        self.start_load(0)
        streams = [p.stream for p in self.people if p.stream is not None]
        for stream in streams:
            stream.cancel()
        await asyncio.gather(*streams, return_exceptions=True)
        for person in self.people:
            person.stream = None
        return {"closed": len(streams), "refused": self.refused}

    async def quit(self) -> None:
        await self.close()
        for person in self.people:
            await person.http.close()


async def main() -> None:
    clients = Clients()
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        command = json.loads(line)
        match command["do"]:
            case "join":
                answer = await clients.join(command["url"], command["count"])
            case "listen":
                answer = await clients.listen(command["url"])
            case "post":
                answer = await clients.post(command["who"], command["text"])
            case "seen":
                answer = await clients.seen(command["writing"], command["since"])
            case "load":
                clients.start_load(command["rate"])
                answer = {"load": command["rate"]}
            case "close":
                answer = await clients.close()
            case _:
                await clients.quit()
                return
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
