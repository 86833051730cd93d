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


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(ideas: int, runs: int) -> list[tuple[str, float, float, float]]:
    """(measure, okrtui seconds, floor seconds, target ratio) rows."""
    session = large_session(ideas)
    table = session_table(session)
    text = dumps_session(session)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "session.toml"
        save = median_seconds(lambda: save_session(session, path), runs)
        dump = median_seconds(lambda: tomli_w.dumps(table), runs)
        load = median_seconds(lambda: load_session(path), runs)
        parse = median_seconds(lambda: tomllib.loads(text), runs)
    return [(f"save {ideas} ideas (vs tomli_w.dumps)", save, dump, 1.5),
            (f"load {ideas} ideas (vs tomllib.loads)", load, parse, 2.0)]
