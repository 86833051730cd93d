"""The room with 50 participants (issue 13), on loopback: the facilitator's app run headless
(Pilot, 120×40) on a session in silent writing, its room served from the app's own event loop,
and the participants in a process of their own (bench/room_clients.py), each with its cookie
and a live page open on /j/TOKEN/events.

    .venv/bin/python bench/room.py           # 50 participants (about two minutes)
    .venv/bin/python bench/room.py --quick   # 10 participants, a few of each: proves it works

Measured, in this order:
1. memory per participant: tracemalloc and RSS of the app's process, from no participant to
   all of them joined with their page open, divided by their number;
2. an idea posted → on the facilitator's screen: from the participant sending the POST to the
   first frame the app draws whose hidden-ideas row (« 🔒 N idées cachées… », first row of
   the ideas list) counts it; posts one at a time, round the participants;
3. a phase change (the `]` key's action, then `[`) → on every page: from the action to the
   live update that offers (or stops offering) the idea field, per page and change;
4. a keystroke in the idea field: from the key event (sent as Pilot sends it) to the first
   frame showing the field one character longer; blocks without a room and with the room
   serving every participant, who post at a steady rate, in turns. Pilot's press() is not
   timed: it waits for the whole process to go idle, which a serving room never is.

Frames are caught where Textual hands each screen update to the driver (App._display, called
headless too, after the widgets have drawn their lines). The room is made here, with limits
raised for the bench (every participant comes from 127.0.0.1: 10 joins a minute per address
otherwise, and 20 posts a minute each), and handed to the app's room control, which shows it
as one the o key opened (strip, QR code, counts). Also printed: the app's CPU time (its UI
thread, where the room runs) per phase change and per idea posted, steadier than latencies
when the machine is busy.
"""

import argparse
import asyncio
import gc
import json
import os
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import write  # noqa: E402

MAX_PARTICIPANTS = 200
ANSWER_SECONDS = 120.0
SHOWN_SECONDS = 2.0
KEY_SECONDS = 2.0
KEY_GAP = 0.03
PHASE_GAP = 0.4
LOAD_SECONDS = 5.0
TARGETS = {"idea": 0.150, "phase": 0.200, "keys": 1.15, "memory": 1024 * 1024}


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 \
        else values[0]


def rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Frames:
    """Waits for the first frame drawn once a condition holds."""

    def __init__(self, app: Any) -> None:
        self._waiting: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []
        display = app._display

        def displayed(screen: Any, renderable: Any) -> None:
            drawn = renderable is not None and not app._batch_count
            display(screen, renderable)
            if drawn and self._waiting:
                now = time.monotonic()
                for waiting in list(self._waiting):
                    condition, future = waiting
                    if condition():
                        self._waiting.remove(waiting)
                        if not future.done():
                            future.set_result(now)

        app._display = displayed

    def expect(self, condition: Callable[[], bool]) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiting.append((condition, future))
        return future

    async def shown(self, future: asyncio.Future[float], seconds: float) -> float | None:
        try:
            return await asyncio.wait_for(future, seconds)
        except TimeoutError:
            self._waiting = [w for w in self._waiting if w[1] is not future]
            return None


class Participants:
    """bench/room_clients.py, spoken to line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls) -> "Participants":
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "bench" / "room_clients.py"),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        return cls(process)

    async def ask(self, **command: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(command).encode() + b"\n")
        await self.process.stdin.drain()
        line = await asyncio.wait_for(self.process.stdout.readline(), ANSWER_SECONDS)
        if not line:
            raise RuntimeError(f"the participants' process stopped ({command['do']})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def stop(self) -> None:
        if self.process.returncode is None:
            try:
                await self.ask(do="quit")
            except (RuntimeError, TimeoutError, BrokenPipeError):
                pass
            try:
                await asyncio.wait_for(self.process.wait(), 5)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


class Bench:
    def __init__(self, app: Any, pilot: Any, participants: Participants, count: int) -> None:
        from okrtui.room.keys import RoomKeys
        from okrtui.room.limits import Limits
        from okrtui.screens.widgets.idea_list import IdeaList
        from okrtui.screens.widgets.ideas import IdeaField

        self.app, self.pilot, self.participants, self.count = app, pilot, participants, count
        self.keys = RoomKeys.fresh()
        self.limits = Limits(joins_per_minute=MAX_PARTICIPANTS, posts_per_minute=600)
        self.frames = Frames(app)
        self.ideas = app.screen.query_one("#ambition-ideas", IdeaList)
        self.field = app.screen.query_one("#ambition-idea-input", IdeaField)

    async def open_room(self) -> str:
        from okrtui.room.room import Room
        from okrtui.room.service import RoomService

        service = RoomService(Room(self.app.document, self.keys, self.limits),
                              "127.0.0.1", 0)
        await service.start()
        self.app.room_control.serve(service)  # as its own: strip, QR code, counts
        await self.pilot.pause()
        return str(service.join_url)

    async def close_room(self) -> None:
        await self.participants.ask(do="close")
        await self.app.room_control.stop()
        await self.pilot.pause()

    def hidden_drawn(self) -> int:
        """The count the hidden-ideas row shows (0: no such row; -1: not drawn yet)."""
        from okrtui.screens.widgets.ideas import HIDDEN_ROW

        if not self.ideas.option_count or self.ideas.options[0].id != HIDDEN_ROW:
            return 0
        prompt = self.ideas.options[0]._prompt
        if prompt is None:
            return -1
        found = re.search(r"\d+", prompt.plain)
        return int(found.group()) if found else -1

    async def memory(self, url: str) -> tuple[float, float]:
        """Bytes per participant joined with their page open: tracemalloc, RSS."""
        gc.collect()
        tracemalloc.start()
        traced, resident = tracemalloc.get_traced_memory()[0], rss()
        await self.participants.ask(do="join", url=url, count=self.count)
        await self.participants.ask(do="listen", url=url)
        await self.pilot.pause()
        gc.collect()
        traced = tracemalloc.get_traced_memory()[0] - traced
        resident = rss() - resident
        tracemalloc.stop()
        return traced / self.count, resident / self.count

    async def ideas_shown(self, posts: int) -> tuple[list[float], list[float], int]:
        """Seconds from each POST to its frame, to its acknowledgement; posts never shown."""
        shown, acked, missed = [], [], 0
        for number in range(posts):
            expected = max(0, self.hidden_drawn()) + 1
            future = self.frames.expect(lambda n=expected: self.hidden_drawn() >= n)
            answer = await self.participants.ask(do="post", who=number,
                                                 text=f"Idée du banc numéro {number}")
            if answer["status"] != 303:
                raise RuntimeError(f"post answered {answer['status']}")
            acked.append(answer["acked"] - answer["sent"])
            at = await self.frames.shown(future, SHOWN_SECONDS)
            if at is None:
                missed += 1
                if missed >= 3 and not shown:
                    break  # the screen does not follow remote ideas: no point waiting more
                continue
            shown.append(at - answer["sent"])
        return shown, acked, missed

    async def phases(self, changes: int) -> tuple[list[float], int, float]:
        """Seconds from each phase change to each page showing it; pages that never did;
        the app's CPU seconds per change (the UI thread: the app and the room's pages)."""
        screen = self.app.screen
        delays, missed, cpu = [], 0, 0.0
        for number in range(changes):
            step, writing = (1, False) if number % 2 == 0 else (-1, True)
            began, cpu_began = time.monotonic(), time.thread_time()
            self.app.call_later(screen.action_phase, step)
            seen = (await self.participants.ask(do="seen", writing=writing, since=began))["seen"]
            cpu += time.thread_time() - cpu_began
            delays += [t - began for t in seen if t is not None]
            missed += sum(t is None for t in seen)
            await asyncio.sleep(PHASE_GAP)
        return delays, missed, cpu / changes

    async def load_cost(self, rate: float, seconds: float) -> float:
        """The app's CPU seconds (UI thread) per idea posted at a steady rate, every page
        open: less sensitive than latencies to what else the machine runs."""
        ideas = self.app.document.team.ideas
        posted, cpu = len(ideas), time.thread_time()
        await self.participants.ask(do="load", rate=rate)
        await asyncio.sleep(seconds)
        await self.participants.ask(do="load", rate=0)
        await asyncio.sleep(0.5)
        return (time.thread_time() - cpu) / max(1, len(ideas) - posted)

    async def keystroke(self, char: str) -> float | None:
        from textual import events

        expected = len(self.field.value) + 1
        future = self.frames.expect(lambda: len(self.field.value) >= expected)
        key = events.Key(char, char)
        key.set_sender(self.app)
        began = time.monotonic()
        self.app._driver.send_message(key)
        at = await self.frames.shown(future, KEY_SECONDS)
        await asyncio.sleep(KEY_GAP)
        return None if at is None else at - began

    async def typing(self, keys: int, block: int, rate: float) -> dict[str, list[float]]:
        """Seconds per key without a room and with it serving, in blocks taking turns."""
        times: dict[str, list[float]] = {"none": [], "room": []}
        self.field.focus()
        await self.pilot.pause()
        for turn in range(2 * -(-keys // block)):
            condition = "room" if turn % 2 else "none"
            if condition == "room":
                url = await self.open_room()
                await self.participants.ask(do="listen", url=url)
                await self.participants.ask(do="load", rate=rate)
            self.field.value = ""
            await self.pilot.pause()
            for number in range(block):
                seconds = await self.keystroke("abcdefghijklmnopqrstuvwxyz"[number % 26])
                if seconds is None:
                    raise RuntimeError("a key was not drawn within 2 s")
                times[condition].append(seconds)
            if condition == "room":
                await self.close_room()
        return times


async def measure(args: argparse.Namespace, path: Path) -> dict[str, Any]:
    from okrtui.screens.app import OkrApp
    from okrtui.storage import load_session

    app = OkrApp(session=load_session(path), path=path)
    participants = await Participants.start()
    results: dict[str, Any] = {}
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            bench = Bench(app, pilot, participants, args.participants)
            url = await bench.open_room()
            results["memory"] = await bench.memory(url)
            results["ideas"] = await bench.ideas_shown(args.posts)
            results["phases"] = await bench.phases(args.changes)
            results["load"] = await bench.load_cost(args.rate, LOAD_SECONDS)
            await bench.close_room()
            results["keys"] = await bench.typing(args.keys, args.block, args.rate)
            results["refused"] = (await participants.ask(do="close"))["refused"]
            app._clean_exit = True  # nothing to recover: remove the journal's file
    finally:
        await participants.stop()
    return results


def line(name: str, p50: str, p95: str, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    return f"{name:<52}{p50:>10}{p95:>10}{target:>14}  {verdict}"


def report(args: argparse.Namespace, results: dict[str, Any]) -> None:
    n = args.participants
    print(line("measure", "p50", "p95", "target", None))
    shown, acked, missed = results["ideas"]
    if shown:
        worst = p95(shown)
        print(line(f"idea posted → facilitator's screen ({len(shown)} posts)",
                   f"{statistics.median(shown) * 1e3:.1f} ms", f"{worst * 1e3:.1f} ms",
                   "p95 ≤ 150 ms", worst <= TARGETS["idea"] and not missed))
    if missed:
        print(line(f"  ideas never shown within {SHOWN_SECONDS:.0f} s", str(missed), "", "0",
                   False))
    print(line(f"  idea posted → acknowledged (303, {len(acked)} posts)",
               f"{statistics.median(acked) * 1e3:.1f} ms", f"{p95(acked) * 1e3:.1f} ms", "",
               None))
    delays, unseen, change_cpu = results["phases"]
    worst = p95(delays)
    print(line(f"phase change → all {n} pages ({args.changes} changes × {n})",
               f"{statistics.median(delays) * 1e3:.1f} ms", f"{worst * 1e3:.1f} ms",
               "p95 ≤ 200 ms", worst <= TARGETS["phase"] and not unseen))
    if unseen:
        print(line("  pages that never showed a change within 5 s", str(unseen), "", "0", False))
    print(line("  the app's CPU per phase change", f"{change_cpu * 1e3:.1f} ms", "", "", None))
    print(line(f"the app's CPU per idea posted, {n} pages open ({args.rate:g}/s)",
               f"{results['load'] * 1e3:.1f} ms", "", "", None))
    keys = results["keys"]
    none, room = keys["none"], keys["room"]
    for name, values in ((f"keystroke, no room ({len(none)} keys)", none),
                         (f"keystroke, room: {n} posting {args.rate:g}/s ({len(room)} keys)",
                          room)):
        print(line(name, f"{statistics.median(values) * 1e3:.1f} ms",
                   f"{p95(values) * 1e3:.1f} ms", "", None))
    median_ratio = statistics.median(room) / statistics.median(none)
    p95_ratio = p95(room) / p95(none)
    print(line("  keystroke, room vs no room", f"{median_ratio:.2f}×", f"{p95_ratio:.2f}×",
               "≤ 1.15×", median_ratio <= TARGETS["keys"] and p95_ratio <= TARGETS["keys"]))
    traced, resident = results["memory"]
    print(line(f"memory per participant (tracemalloc; RSS), {n} joined",
               f"{traced / 1024:.0f} KiB", f"{resident / 1024:.0f} KiB", "< 1 MiB",
               max(traced, resident) < TARGETS["memory"]))
    if results["refused"]:
        print(f"(posts refused during the load: {results['refused']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 participants, a few of each")
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--block", type=int, default=50, help="keys per turn")
    parser.add_argument("--rate", type=float, default=10.0, help="posts a second while typing")
    parser.add_argument("--max-seconds", type=float, default=600.0)
    args = parser.parse_args()
    if args.quick:
        args.participants, args.posts, args.changes, args.keys, args.block = 10, 20, 4, 40, 20
        args.rate, args.max_seconds = 5.0, 120.0
    args.participants = max(1, min(args.participants, MAX_PARTICIPANTS))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["OKRTUI_DATA_DIR"] = str(Path(folder) / "data")
        path = write(10, Path(folder))
        results = asyncio.run(asyncio.wait_for(measure(args, path), args.max_seconds))
    report(args, results)


if __name__ == "__main__":
    main()
