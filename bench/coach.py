"""Benchmark the coach: one sentence, and a whole session, side by side with a floor.

    .venv/bin/python bench/coach.py          # full run
    .venv/bin/python bench/coach.py --smoke  # a quick run that proves it works (CI)

The floor is the cheapest thing the coach must do anyway: cut the sentence into words with
one regular expression. Figures are medians of repeated runs, in the same process.
"""

import argparse
import re
import statistics
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from okrtui.coach import coach  # noqa: E402
from okrtui.findings import session_findings  # noqa: E402
from okrtui.i18n import catalog  # noqa: E402
from okrtui.storage import load_session  # noqa: E402

WORDS = re.compile(r"\w+")


def median_seconds(work: Callable[[], object], repeat: int, number: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            work()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run")
    args = parser.parse_args()
    repeat, number = (1, 1) if args.smoke else (7, 20)

    with (ROOT / "tests" / "coach" / "corpus.toml").open("rb") as file:
        phrases = tomllib.load(file)["phrase"]
    if args.smoke:
        phrases = phrases[:5]

    def all_phrases() -> None:
        for p in phrases:
            coach(p["kind"], p["text"], p["lang"])

    def floor() -> None:
        for p in phrases:
            WORDS.findall(p["text"].lower())

    all_phrases()  # load the lexicons once, as the app does at its first check
    per_sentence = median_seconds(all_phrases, repeat, number) / len(phrases)
    per_floor = median_seconds(floor, repeat, number) / len(phrases)

    session = load_session(ROOT / "sessions" / "publication-autonome.toml")
    tr = catalog(session.language)
    whole = median_seconds(lambda: session_findings(session, tr), repeat, number)
    objectives = len(session.teams[0].committed_objectives)

    print(f"{'measure':<44}{'median':>12}{'target':>10}{'ratio':>10}")
    print(f"{'coach, one sentence (' + str(len(phrases)) + ' phrases)':<44}"
          f"{per_sentence * 1e3:>10.3f}ms{'2 ms':>10}{per_sentence / per_floor:>9.1f}x")
    print(f"{'  floor: split into words with one regex':<44}{per_floor * 1e3:>10.3f}ms")
    print(f"{'whole session (' + str(objectives) + ' objectives, all findings)':<44}"
          f"{whole * 1e3:>10.3f}ms{'10 ms':>10}")


if __name__ == "__main__":
    main()
