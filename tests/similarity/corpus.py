"""The labelled pairs (pairs.toml, holdout.toml) and the matcher's precision / recall on
them, per language, with the time one comparison takes."""

import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from okrtui.similarity import match, opposition, profile

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Pair:
    lang: str
    a: str
    b: str
    match: bool
    opposed: bool


def load(name: str = "pairs.toml") -> list[Pair]:
    with (HERE / name).open("rb") as file:
        entries = tomllib.load(file)["pair"]
    return [Pair(e["lang"], e["a"], e["b"], e["match"], e.get("opposed", False))
            for e in entries]


@dataclass(frozen=True)
class Outcome:
    pair: Pair
    found: bool
    opposed: bool
    score: float


def run(pairs: list[Pair]) -> list[Outcome]:
    outcomes = []
    for pair in pairs:
        a, b = profile(pair.a, pair.lang), profile(pair.b, pair.lang)
        found = match(a, b)
        outcomes.append(Outcome(pair, found.matches, opposition(a, b, found) is not None,
                                found.score))
    return outcomes


def precision_recall(expected: list[bool], found: list[bool]) -> tuple[float, float, int]:
    tp = sum(e and f for e, f in zip(expected, found, strict=True))
    fp = sum(f and not e for e, f in zip(expected, found, strict=True))
    fn = sum(e and not f for e, f in zip(expected, found, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp + fn


def scores(outcomes: list[Outcome]) -> dict[str, tuple[float, float, int, int]]:
    """language (and "all") → precision, recall, labelled matches, pairs."""
    result = {}
    for language in ("fr", "en", "all"):
        chosen = [o for o in outcomes if language in ("all", o.pair.lang)]
        p, r, labelled = precision_recall([o.pair.match for o in chosen],
                                          [o.found for o in chosen])
        result[language] = (p, r, labelled, len(chosen))
    return result


def ms_per_comparison(pairs: list[Pair], rounds: int = 3) -> tuple[float, float]:
    """Milliseconds for one comparison: reading both texts fresh, and with both read."""
    cold = []
    for _ in range(rounds):
        profile.cache_clear()
        start = time.perf_counter()
        for pair in pairs:
            match(profile(pair.a, pair.lang), profile(pair.b, pair.lang))
        cold.append((time.perf_counter() - start) * 1000 / len(pairs))
    profiles = [(profile(p.a, p.lang), profile(p.b, p.lang)) for p in pairs]
    start = time.perf_counter()
    for _ in range(rounds):
        for a, b in profiles:
            match(a, b)
    warm = (time.perf_counter() - start) * 1000 / (len(pairs) * rounds)
    return min(cold), warm


def report(pairs: list[Pair], name: str = "pairs.toml", timing: bool = True) -> str:
    outcomes = run(pairs)
    lines = [f"similarity on {len(pairs)} pairs ({name}):",
             f"{'language':<10}{'precision':>10}{'recall':>8}{'matches':>9}{'pairs':>7}"]
    for language, (p, r, labelled, count) in scores(outcomes).items():
        lines.append(f"{language:<10}{p:>10.2f}{r:>8.2f}{labelled:>9}{count:>7}")
    p, r, labelled = precision_recall([o.pair.opposed for o in outcomes],
                                      [o.opposed for o in outcomes])
    lines.append(f"{'opposed':<10}{p:>10.2f}{r:>8.2f}{labelled:>9}{len(outcomes):>7}")
    if timing:
        cold, warm = ms_per_comparison(pairs)
        lines.append(f"one comparison: {cold:.3f} ms reading both texts, "
                     f"{warm:.4f} ms once read")
    return "\n".join(lines)


def mistakes(pairs: list[Pair]) -> str:
    lines = []
    for o in run(pairs):
        if o.found != o.pair.match or o.opposed != o.pair.opposed:
            what = "missed" if o.pair.match and not o.found else (
                "false match" if o.found != o.pair.match else "direction")
            lines.append(f"[{o.pair.lang}] {what} {o.score:.2f}: {o.pair.a} | {o.pair.b}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    for name in ("pairs.toml", "holdout.toml"):
        if (HERE / name).exists():
            print(f"# {name}\n{report(load(name), name)}\n")
            if "--mistakes" in sys.argv and name == "pairs.toml":  # never tune on the holdout
                print(mistakes(load(name)) + "\n")
