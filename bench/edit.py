"""The cost of one edit as the session grows: adding an idea (enter in the idea field),
committing the highlighted idea (p), undoing it (ctrl+z), rewording it (e, then ctrl+s in the
form) and removing it (delete, then Remove), with 10, 5,000 and 50,000 ideas.

    .venv/bin/python bench/edit.py           # the full run (a few minutes)
    .venv/bin/python bench/edit.py --smoke   # tiny sizes, one run each: proves it works

Each edit is timed three ways, in the app run headless (Pilot, 120×40):
- latency: from the key to the app idle again (what the person at the keyboard waits for;
  Pilot's wait for idle adds a floor of ~0.1 s);
- CPU at the key: the UI thread's CPU time over that same span;
- CPU + journal: the UI thread's CPU time from the key until the recovery journal has taken
  the edit (JOURNAL_DELAY later), so that work deferred to a timer is counted too. The
  journal's own writer thread is not counted (it is off the UI thread).
"""

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import large_session  # noqa: E402

OPERATIONS = ("add idea (enter)", "commit idea (p)", "undo (ctrl+z)", "reword idea (e)",
              "remove idea (del)")


@dataclass
class Row:
    operation: str
    ideas: int
    latency: float
    """Median seconds from the key to the app idle (Pilot's wait for idle included)."""
    key_cpu: float
    """Median UI-thread CPU seconds from the key to the app idle."""
    ui_cpu: float
    """Median UI-thread CPU seconds from the key until the journal took the edit."""


def _session_with_room(ideas: int, folder: Path) -> tuple[object, Path]:
    """The benchmark session with one objective fewer (so that p can commit one), saved."""
    from okrtui.storage import save_session
    from okrtui.workshop import remove_objective

    session = large_session(ideas)
    team = session.teams[0]
    remove_objective(team, team.objectives[-1])
    path = folder / f"edit-{ideas}.toml"
    save_session(session, path)
    return session, path


async def _measure_size(ideas: int, runs: int, folder: Path) -> list[Row]:
    from textual.widgets import Input

    from okrtui.screens.app import OkrApp
    from okrtui.screens.journalling import JOURNAL_DELAY

    session, path = _session_with_room(ideas, folder)
    app = OkrApp(session=session, path=path)  # type: ignore[arg-type]
    timings: dict[str, list[tuple[float, float, float]]] = {name: [] for name in OPERATIONS}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        field = screen.query_one("#ambition-idea-input")
        ideas_list = screen.query_one("#ambition-ideas")

        async def timed(name: str, act: Callable[[], Awaitable[None]]) -> None:
            cpu, began = time.thread_time(), time.perf_counter()
            await act()
            latency, key_cpu = time.perf_counter() - began, time.thread_time() - cpu
            await asyncio.sleep(JOURNAL_DELAY + 0.05)  # the journal timer fires
            await pilot.pause()
            timings[name].append((latency, key_cpu, time.thread_time() - cpu))

        async def add() -> None:
            await pilot.press("enter")

        async def commit() -> None:
            await pilot.press("p")

        async def undo() -> None:
            await pilot.press("ctrl+z")

        async def save_form() -> None:
            await pilot.press("ctrl+s")

        async def confirm() -> None:
            await pilot.click("#yes")

        for run in range(runs):
            field.focus()
            field.value = f"Réduire de moitié le délai de réponse au support #{run}"
            await pilot.pause()
            await timed(OPERATIONS[0], add)
            ideas_list.focus()
            await pilot.pause()
            await timed(OPERATIONS[1], commit)
            await timed(OPERATIONS[2], undo)
            await pilot.press("e")  # the form opens (not timed)
            app.screen.query_one("#text", Input).value = f"Diviser par deux le délai #{run}"
            await timed(OPERATIONS[3], save_form)
            await pilot.press("delete")  # the question opens (not timed)
            await timed(OPERATIONS[4], confirm)
        assert len(app.session.teams[0].committed_objectives) == 2, "the undo did not undo"
        assert len(app.session.teams[0].ideas) == ideas, "the ideas added were not removed"
        app._clean_exit = True  # nothing to recover: remove the journal's file
    return [Row(name, ideas, *(statistics.median(t[i] for t in timings[name]) for i in range(3)))
            for name in OPERATIONS]


def measure(sizes: tuple[int, ...] = (10, 5000, 50000), runs: int = 7) -> list[Row]:
    """Median latency and UI-thread CPU of each edit at each size (one app per size)."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        previous = os.environ.get("OKRTUI_DATA_DIR")
        os.environ["OKRTUI_DATA_DIR"] = str(Path(folder) / "data")  # recent files, recovery
        try:
            for ideas in sizes:
                rows += asyncio.run(_measure_size(ideas, runs, Path(folder)))
        finally:
            if previous is None:
                os.environ.pop("OKRTUI_DATA_DIR", None)
            else:
                os.environ["OKRTUI_DATA_DIR"] = previous
    return rows


def table(rows: list[Row]) -> str:
    """Medians per operation and size, and each size's ratio to the smallest."""
    sizes = sorted({row.ideas for row in rows})
    smallest = sizes[0]
    by = {(row.operation, row.ideas): row for row in rows}
    head = f"{'edit':<20}{'measure':<16}" + "".join(f"{f'{n:,} ideas':>14}" for n in sizes)
    head += "".join(f"{f'{n:,}/{smallest}':>12}" for n in sizes[1:])
    lines = [head]
    for operation in OPERATIONS:
        for label, field in (("latency", "latency"), ("CPU at the key", "key_cpu"),
                             ("CPU + journal", "ui_cpu")):
            values = [getattr(by[operation, n], field) for n in sizes]
            line = f"{operation:<20}{label:<16}" + "".join(f"{v * 1e3:>11.1f} ms" for v in values)
            line += "".join(f"{v / values[0]:>11.2f}×" for v in values[1:])
            lines.append(line)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run each")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=lambda text: tuple(int(n) for n in text.split(",")),
                        default=(10, 5000, 50000), help="numbers of ideas, comma-separated")
    args = parser.parse_args()
    sizes, runs = ((10, 50), 1) if args.smoke else (args.sizes, args.runs)
    print(table(measure(sizes, runs)))


if __name__ == "__main__":
    main()
