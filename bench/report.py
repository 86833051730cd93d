"""Benchmark `okrtui report` on a company: one file per team, mid-quarter.

    .venv/bin/python bench/report.py            # 100 teams, 5 runs of each format
    .venv/bin/python bench/report.py --smoke    # 5 teams, 1 run: proves it works (CI)
    .venv/bin/python bench/report.py --teams 400 --runs 3

Each team file has 3 committed objectives of 3 key results, each with a baseline, a target
and 6 check-ins (value, confidence 0–10, now and then a note), its wording drawn as
bench/compare.py draws it (seed 16). `okrtui report FILES --to html` and `--to json` run as
subprocesses of the installed command line, with bytecode caching on (as a user runs it),
the first run of each format thrown away; the median wall-clock time is printed with the
process's CPU time (user + system: what the wall-clock time is when the machine is not
shared) and the size of what was written.
"""

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.compare import AREAS, pools, vary  # noqa: E402

NOTES = {"fr": ["", "", "Le fournisseur a du retard", "Bonne semaine", "Recrutement gelé",
                "Test A/B en cours"],
         "en": ["", "", "The vendor is late", "Good week", "Hiring freeze", "A/B test running"]}


def write_teams(count: int, folder: Path, seed: int = 16) -> list[Path]:
    """count team files in folder: 3 objectives × 3 key results × 6 check-ins each."""
    from okrtui import workshop
    from okrtui.models import CheckIn
    from okrtui.progress import add_check_in
    from okrtui.storage import save_session

    words = pools()
    rng = random.Random(seed)
    start = date(2027, 1, 4)
    paths = []
    for number in range(1, count + 1):
        language = "fr" if rng.random() < 0.6 else "en"
        _, objectives, key_results = words[language]
        name = f"{rng.choice(AREAS)} {number:03d}"
        session = workshop.new_session(f"OKR {name}", language, "2027-T1", name)  # type: ignore[arg-type]
        team = session.teams[0]
        for _ in range(3):
            objective = workshop.commit_objective(session, team,
                                                  vary(rng, rng.choice(objectives), language))
            for text in rng.sample(key_results, 3):
                baseline = rng.randint(5, 60)
                target = max(1, baseline + rng.choice((-1, 1)) * rng.randint(5, 40))
                kr = workshop.add_key_result(session, objective, vary(rng, text, language),
                                             baseline, target)
                for week in range(6):
                    share = rng.uniform(-0.1, 0.25) * (week + 1)
                    add_check_in(kr, CheckIn(
                        date=start + timedelta(weeks=2 * week),
                        value=round(baseline + share * (target - baseline), 1),
                        confidence=min(10, max(0, round(rng.gauss(6.5, 2.5)))),
                        note=rng.choice(NOTES[language]) or None))
        path = folder / f"team-{number:03d}.toml"
        save_session(session, path)
        paths.append(path)
    return paths


def okrtui_command() -> list[str]:
    script = Path(sys.executable).with_name("okrtui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "okrtui"]


def run(files: list[Path], to: str, output: Path) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of the process: user + system)."""
    env = {key: value for key, value in os.environ.items()
           if key != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    result = subprocess.run([*okrtui_command(), "report", *map(str, files), "--to", to,
                             "-o", str(output), "--force"],
                            capture_output=True, text=True, env=env, timeout=120)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"report --to {to} failed ({result.returncode}):\n{result.stderr}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="5 teams, one run")
    parser.add_argument("--teams", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    teams, runs = (5, 1) if args.smoke else (args.teams, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        files = write_teams(teams, Path(folder))
        print(f"okrtui report, {teams} team files ({os.cpu_count()} cores), median of {runs}")
        print("| format | median | min | max | median CPU | output |\n"
              "| --- | --- | --- | --- | --- | --- |")
        for to in ("html", "json"):
            output = Path(folder) / f"report.{to}"
            run(files, to, output)  # warms the bytecode cache and the disk
            measures = [run(files, to, output) for _ in range(runs)]
            times = [wall for wall, _ in measures]
            cpu = statistics.median(cpu for _, cpu in measures)
            size = output.stat().st_size
            print(f"| {to} | {statistics.median(times):.2f} s | {min(times):.2f} s "
                  f"| {max(times):.2f} s | {cpu:.2f} s | {size / 1e3:.0f} KB |", flush=True)


if __name__ == "__main__":
    main()
