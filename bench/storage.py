"""Save and load of a large session, side by side with plain tomli_w.dumps / tomllib.loads
of the same data (the floor)."""

import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import tomli_w

from bench.generate import large_session
from okrtui.storage import dumps_session, load_session, save_session, session_table


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def side_by_side(ours: Callable[[], object], floor: Callable[[], object],
                 runs: int) -> tuple[float, float]:
    """Median seconds of each, run in turns: a busy moment of the machine hits both."""
    pairs = [(seconds(ours), seconds(floor)) for _ in range(runs)]
    return (statistics.median(pair[0] for pair in pairs),
            statistics.median(pair[1] for pair in pairs))


def measure(ideas: int, runs: int) -> list[tuple[str, float, float, float]]:
    """(measure, okrtui seconds, floor seconds, target ratio) rows."""
    session = large_session(ideas)
    table = session_table(session)
    text = dumps_session(session)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "session.toml"
        save, dump = side_by_side(lambda: save_session(session, path),
                                  lambda: tomli_w.dumps(table), runs)
        load, parse = side_by_side(lambda: load_session(path), lambda: tomllib.loads(text), runs)
    return [(f"save {ideas} ideas (vs tomli_w.dumps)", save, dump, 1.5),
            (f"load {ideas} ideas (vs tomllib.loads)", load, parse, 2.0)]
