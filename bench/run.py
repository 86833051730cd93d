"""Run every benchmark and print a table of ratios, each measured side by side in one run.

    .venv/bin/python bench/run.py           # the full run (a few minutes)
    .venv/bin/python bench/run.py --smoke   # tiny sizes, one run each: proves it works

Needs tmux for the terminal measures (time to first screen, memory, keystrokes).
"""

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import storage, terminal  # noqa: E402
from bench.generate import write  # noqa: E402


def row(name: str, value: float, floor: float, target: float | None, unit: str = "s") -> str:
    ratio = value / floor if floor else float("inf")
    verdict = "" if target is None else ("ok" if ratio <= target else f"MISSED (> {target}×)")
    shown = f"{value * 1e3:.1f} ms" if unit == "s" else f"{value / 1024:.1f} MiB"
    floor_shown = f"{floor * 1e3:.1f} ms" if unit == "s" else f"{floor / 1024:.1f} MiB"
    target_shown = f"≤ {target}×" if target else ""
    return f"{name:<48}{shown:>12}{floor_shown:>12}{ratio:>8.2f}×{target_shown:>9}  {verdict}"


async def list_cursor(path: Path, moves: int) -> float:
    """Median seconds per cursor move down the ambition ideas list (Pilot)."""
    from okrtui.screens.app import OkrApp
    from okrtui.storage import load_session

    app = OkrApp(session=load_session(path), path=path)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        ideas = app.screen.query_one("#ambition-ideas")
        ideas.focus()
        await pilot.pause()
        for _ in range(moves):
            began = time.perf_counter()
            await pilot.press("down")
            times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run each")
    args = parser.parse_args()
    small, medium, large = (10, 20, 50) if args.smoke else (10, 500, 5000)
    runs, keys, moves = (1, 5, 5) if args.smoke else (5, 40, 40)

    lines = [f"{'measure':<48}{'okrtui':>12}{'floor':>12}{'ratio':>9}{'target':>9}"]
    for name, value, floor, target in storage.measure(large, runs):
        lines.append(row(name, value, floor, target))

    has_tmux = shutil.which("tmux") is not None
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        paths = {n: write(n, folder_path) for n in (small, medium, large)}
        env = terminal.environment(folder_path / "data")
        cursor_small = asyncio.run(list_cursor(paths[small], moves))
        cursor_large = asyncio.run(list_cursor(paths[large], moves))
        lines.append(row(f"cursor down the ideas, {large} vs {small} ideas (Pilot)",
                         cursor_large, cursor_small, 1.15))
        if has_tmux:
            shown = terminal.first_screens({
                "bare": (terminal.bare_command(), "bare-marker"),
                "deps": (terminal.deps_command(), "bare-marker"),
                medium: (terminal.okrtui_command(paths[medium]), "Idées ("),
                large: (terminal.okrtui_command(paths[large]), "Idées ("),
            }, runs, env)
            bare, bare_memory = shown["bare"]
            deps, deps_memory = shown["deps"]
            lines.append(row("first screen, bare app + okrtui.models", deps,
                             bare, None))
            lines.append(row("peak memory, bare app + okrtui.models",
                             deps_memory, bare_memory, None, unit="KiB"))
            for n, target in ((medium, 1.25), (large, 1.5)):  # issue 12: vs the deps floor
                lines.append(row(f"first screen, {n} ideas (vs bare app + okrtui.models)",
                                 shown[n][0], deps, target))
            lines.append(row(f"peak memory, {large} ideas (vs bare Textual app)",
                             shown[large][1], bare_memory, 1.5, unit="KiB"))
            typing_small = terminal.keystrokes(terminal.okrtui_command(paths[small]),
                                               "Idées (", env, keys)
            typing_large = terminal.keystrokes(terminal.okrtui_command(paths[large]),
                                               "Idées (", env, keys)
            lines.append(row(f"keystroke in the idea field, {large} vs {small} ideas",
                             typing_large, typing_small, 1.15))
        else:
            lines.append("(tmux not found: terminal measures skipped)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
