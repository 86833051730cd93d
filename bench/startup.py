"""Time to the first screen, against the dependency floor (a bare Textual app that imports
pydantic, tomllib and tomli-w through okrtui.models), and keystroke latency in the idea field,
in tmux at 120×40 with bytecode cached. Optionally side by side with another copy of okrtui
(a folder holding okrtui/ with okrtui/screens/ and okrtui/examples/ inside, e.g. an older
commit laid out by `git archive`), so that a change is measured before and after in one run.

    .venv/bin/python bench/startup.py                      # this copy (a few minutes)
    .venv/bin/python bench/startup.py --other /tmp/before  # and another copy, in turns
    .venv/bin/python bench/startup.py --smoke              # tiny sizes, one run each
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import terminal  # noqa: E402
from bench.generate import write  # noqa: E402

MARKER = "Idées ("
TARGETS = {500: 1.25, 5000: 1.5}


def okrtui_in(copy: Path | None, path: Path) -> list[str]:
    """The command that opens path with this copy of okrtui, or with the one in copy."""
    if copy is None:
        return terminal.okrtui_command(path)
    return ["env", f"PYTHONPATH={copy}", *terminal.okrtui_command(path)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run each")
    parser.add_argument("--other", type=Path, help="another copy of okrtui, measured in turns")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux not found")
    sizes, runs, keys = ((20, 50), 1, 5) if args.smoke else ((500, 5000), args.runs, args.keys)
    copies: dict[str, Path | None] = {"okrtui": None}
    if args.other:
        copies["other"] = args.other.resolve()
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        env = terminal.environment(folder_path / "data")
        paths = {}  # each copy its own files: the keys typed leave a draft to recover
        for name in copies:
            (folder_path / name).mkdir()
            paths[name] = {n: write(n, folder_path / name) for n in (10, *sizes)}
        commands = {"deps": (terminal.deps_command(), "bare-marker")}
        for name, copy in copies.items():
            for n in sizes:
                commands[f"{name} {n}"] = (okrtui_in(copy, paths[name][n]), MARKER)
        shown = terminal.first_screens(commands, runs, env)
        typing = {f"{name} {n}": terminal.keystrokes(okrtui_in(copy, paths[name][n]), MARKER,
                                                     env, keys)
                  for name, copy in copies.items() for n in (10, sizes[-1])}
    floor = shown["deps"][0]
    print(f"{'first screen':<32}{'ms':>10}{'vs floor':>10}{'target':>9}")
    print(f"{'dependency floor':<32}{floor * 1e3:>10.1f}")
    for name in copies:
        for n in sizes:
            seconds = shown[f"{name} {n}"][0]
            target = TARGETS.get(n)
            verdict = "" if target is None else ("ok" if seconds / floor <= target else "MISSED")
            print(f"{f'{name}, {n} ideas':<32}{seconds * 1e3:>10.1f}{seconds / floor:>9.2f}×"
                  f"{f'≤ {target}×' if target else '':>9}  {verdict}")
    print(f"\n{'keystroke in the idea field':<32}{'ms':>10}{'vs 10':>10}")
    for name in copies:
        small = typing[f"{name} 10"]
        for n in (10, sizes[-1]):
            seconds = typing[f"{name} {n}"]
            print(f"{f'{name}, {n} ideas':<32}{seconds * 1e3:>10.1f}{seconds / small:>9.2f}×")


if __name__ == "__main__":
    main()
