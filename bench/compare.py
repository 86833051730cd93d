"""Benchmark `okrtui compare` at the scale of an organisation: one file per team.

    .venv/bin/python bench/compare.py          # 50, 100 and 400 teams
    .venv/bin/python bench/compare.py --smoke  # 4 and 12 teams: proves it works (CI)
    .venv/bin/python bench/compare.py --okrtui /tmp/old   # also time another checkout

For each size, in one run and side by side, each in a fresh subprocess (with a timeout):
loading the N team files alone (`load_session`, as the command line does), and
`okrtui compare` on the same files (the command line's `main`, in-process, its output
counted and thrown away), as text and as JSON. Time is wall-clock, peak memory is the
process's maximum resident size (`ru_maxrss`), which includes Python and pydantic (the
loading row shows that floor). The team files are written once, deterministically (seed
14): 3 objectives of 2 or 3 key results, 60 % French, their wording drawn from the example
sessions and the similarity corpus, with numbers changed and a team's own qualifier.
"""

import argparse
import io
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUALIFIERS = {
    "fr": ["", "", "", " en Belgique", " sur mobile", " pour la région Nord",
           " sur le marché allemand", " en Espagne", " pour les comptes grands groupes",
           " sur le site web", " dans l'offre Pro", " au Québec", " en Italie"],
    "en": ["", "", "", " in the EU", " on mobile", " in North America",
           " for the German market", " in the UK", " for enterprise accounts",
           " on the website", " in the Pro plan", " in APAC", " in Brazil"],
}
AREAS = ["Paiements", "Recherche", "Catalogue", "Checkout", "Support", "Data", "Mobile",
         "Growth", "Pricing", "Onboarding", "Trust & Safety", "Logistique", "Facturation",
         "Plateforme", "SEO", "CRM", "Partenaires", "Infra", "Sécurité", "Marketplace"]
NUMBER = re.compile(r"\d+(?:[,.]\d+)?")


def pools() -> dict[str, tuple[list[tuple[str, list[str]]], list[str], list[str]]]:
    """language → (objectives with their key results from the example sessions, objective
    wordings, key-result wordings from the corpus: a wording with a number is a key
    result)."""
    sys.path.insert(0, str(ROOT))
    from okrtui.storage import load_session

    found: dict[str, tuple[list[tuple[str, list[str]]], list[str], list[str]]] = {
        "fr": ([], [], []), "en": ([], [], [])}
    for path in sorted((ROOT / "sessions").glob("*.toml")):
        session = load_session(path)
        for team in session.teams:
            for objective in team.committed_objectives:
                found[session.language][0].append(
                    (objective.text, [kr.text for kr in objective.committed_key_results]))
    for name in ("pairs.toml", "holdout.toml"):
        with (ROOT / "tests" / "similarity" / name).open("rb") as file:
            for pair in tomllib.load(file)["pair"]:
                for text in (pair["a"], pair["b"]):
                    kind = 2 if NUMBER.search(text) else 1
                    if text not in found[pair["lang"]][kind]:
                        found[pair["lang"]][kind].append(text)
    return found


def vary(rng: random.Random, text: str, language: str) -> str:
    """Other numbers, and now and then the team's own market, platform or plan."""
    def number(found: re.Match[str]) -> str:
        value = float(found.group().replace(",", "."))
        new = max(1, round(value * rng.uniform(0.6, 1.5)))
        if text[found.end():found.end() + 2].strip().startswith("%"):
            new = min(new, 99)
        return str(new)
    text = NUMBER.sub(number, text)
    return text + rng.choice(QUALIFIERS[language])


def write_teams(count: int, folder: Path, seed: int = 14) -> list[Path]:
    """count team files in folder, the first n the same whatever count."""
    sys.path.insert(0, str(ROOT))
    from okrtui import workshop
    from okrtui.storage import save_session

    words = pools()
    rng = random.Random(seed)
    paths = []
    for number in range(1, count + 1):
        language = "fr" if rng.random() < 0.6 else "en"
        grouped, objectives, key_results = words[language]
        name = f"{rng.choice(AREAS)} {number:03d}"
        session = workshop.new_session(f"OKR {name}", language, "2027-T1", name)  # type: ignore[arg-type]
        team = session.teams[0]
        for _ in range(3):
            if rng.random() < 0.4:
                text, krs = rng.choice(grouped)
                krs = rng.sample(krs, min(len(krs), rng.choice((2, 3))))
            else:
                text = rng.choice(objectives)
                krs = rng.sample(key_results, rng.choice((2, 3)))
            objective = workshop.commit_objective(session, team, vary(rng, text, language))
            for kr in krs:
                workshop.add_key_result(session, objective, vary(rng, kr, language))
        path = folder / f"team-{number:03d}.toml"
        save_session(session, path)
        paths.append(path)
    return paths


# --- one measure, in its own process ------------------------------------------------------


class Counter(io.TextIOBase):
    """A stdout that counts what is written (as UTF-8 bytes) and keeps nothing."""

    def __init__(self) -> None:
        self.size = 0
        self.lines = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.size += len(text.encode("utf-8"))
        self.lines += text.count("\n")
        return len(text)


def worker(mode: str, code: str, files: list[str]) -> None:
    sys.path.insert(0, code)
    import okrtui.cli
    import okrtui.compare  # noqa: F401  (imported before the clock, as the loader is)
    from okrtui.storage import load_session

    out = Counter()
    start = time.perf_counter()
    if mode == "load":
        for path in files:
            load_session(path)
    else:
        real, sys.stdout = sys.stdout, out
        try:
            code_ = okrtui.cli.main(["compare", *files, "--format", mode])
        finally:
            sys.stdout = real
        assert code_ == 0, code_
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB
    print(json.dumps({"seconds": seconds, "peak": peak, "bytes": out.size, "lines": out.lines}))


def measure(mode: str, code: Path, files: list[Path], timeout: float) -> dict[str, float] | None:
    """One worker's figures, or None when it did not finish within timeout seconds."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    try:
        result = subprocess.run(
            [sys.executable, __file__, "--worker", mode, "--code", str(code),
             *map(str, files)], capture_output=True, text=True, timeout=timeout, env=env,
            cwd=code)
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != 0:
        raise RuntimeError(f"{mode} on {len(files)} files failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])


# --- the table ----------------------------------------------------------------------------


def _seconds(figures: dict[str, float] | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if figures is None else f"{figures['seconds']:.2f} s"


def _ratio(figures: dict[str, float] | None, floor: dict[str, float] | None,
           key: str) -> str:
    if figures is None or floor is None:
        return "—"
    return f"{figures[key] / floor[key]:.1f}×"


def _size(figures: dict[str, float] | None) -> str:
    if figures is None:
        return "—"
    size = figures["bytes"]
    text = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.1f} KB"
    return f"{text}, {figures['lines']:,.0f} lines"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, seconds")
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of teams")
    parser.add_argument("--timeout", type=float, help="seconds allowed to one measure")
    parser.add_argument("--okrtui", type=Path, action="append", default=[],
                        help="also measure the okrtui of this checkout (e.g. a git worktree "
                             "of an older commit)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.code, args.files)
        return

    sizes = args.sizes or ((4, 12) if args.smoke else (50, 100, 400))
    timeout = args.timeout or (60.0 if args.smoke else 120.0)
    codes = [ROOT, *(path.resolve() for path in args.okrtui)]
    print(f"okrtui compare, one file per team ({os.cpu_count()} cores; "
          f"a measure is stopped after {timeout:.0f} s)\n")
    header = ("| teams | code | measure | time | × load | peak memory | × load | output |\n"
              "| --- | --- | --- | --- | --- | --- | --- | --- |")
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_teams(max(sizes), Path(folder))
        for size in sizes:
            files = paths[:size]
            for code in codes:
                label = "this" if code == ROOT else code.name
                load = measure("load", code, files, timeout)
                print(f"| {size} | {label} | load the files | {_seconds(load, timeout)} | 1.0× "
                      f"| {load['peak']:.0f} MiB | 1.0× | |" if load else
                      f"| {size} | {label} | load the files | > {timeout:.0f} s | | | | |",
                      flush=True)
                for mode in ("text", "json"):
                    found = measure(mode, code, files, timeout)
                    peak = "—" if found is None else f"{found['peak']:.0f} MiB"
                    print(f"| {size} | {label} | compare, {mode} | {_seconds(found, timeout)} "
                          f"| {_ratio(found, load, 'seconds')} | {peak} "
                          f"| {_ratio(found, load, 'peak')} | {_size(found)} |", flush=True)


if __name__ == "__main__":
    main()
