"""The labelled corpus of phrases (corpus.toml) and the precision / recall of the coach on it."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from okrtui.coach import coach
from okrtui.rule_ids import RULE_IDS

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Phrase:
    text: str
    kind: str
    lang: str
    rules: frozenset[str]


def load(name: str = "corpus.toml") -> list[Phrase]:
    with (HERE / name).open("rb") as file:
        entries = tomllib.load(file)["phrase"]
    return [Phrase(e["text"], e["kind"], e["lang"], frozenset(e["rules"])) for e in entries]


def report(phrases: list[Phrase]) -> str:
    """Exact matches, then precision and recall per rule, as a small table."""
    counts = {rule: [0, 0, 0] for rule in sorted(RULE_IDS)}  # true +, false +, false -
    exact = 0
    for phrase in phrases:
        found = frozenset(coach(phrase.kind, phrase.text, phrase.lang))  # type: ignore[arg-type]
        exact += found == phrase.rules
        for rule in found | phrase.rules:
            hit = counts[rule]
            if rule in found and rule in phrase.rules:
                hit[0] += 1
            elif rule in found:
                hit[1] += 1
            else:
                hit[2] += 1
    lines = [f"coach on {len(phrases)} phrases: {exact} exact ({exact / len(phrases):.1%})",
             f"{'rule':<22}{'precision':>10}{'recall':>8}{'labelled':>10}"]
    for rule, (tp, fp, fn) in counts.items():
        if tp + fp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        lines.append(f"{rule:<22}{precision:>10.2f}{recall:>8.2f}{tp + fn:>10}")
    return "\n".join(lines)


if __name__ == "__main__":
    for name in ("corpus.toml", "holdout.toml"):
        if (HERE / name).exists():
            print(f"# {name}\n{report(load(name))}\n")
