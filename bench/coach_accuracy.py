"""Measure the coach's accuracy on a labelled set of phrases: exact rights, precision, recall.

    .venv/bin/python bench/coach_accuracy.py                    # the blind published set
    .venv/bin/python bench/coach_accuracy.py corpus holdout     # any sets, by name
    .venv/bin/python bench/coach_accuracy.py --misses           # also list the wrong phrases

A set is a TOML file of tests/coach (`blind_published`, `blind_tune`, `blind_holdout2`,
`blind_holdout3`, `corpus`, `holdout`, or a path), in the corpus format. The blind sets were
labelled blind from the rule table of the domain page, by people who had not read the
coach's code: they measure, they are not tests (no test loads them). Each was held out
until it was measured, then tuned on (blind_published in the sixth session, blind_tune and
blind_holdout2 in the seventh); blind_holdout3 was measured held out once, then its three
statement misses were fixed: the next measure needs a new set.
The coach is called only through its public entry point, `okrtui.coach.coach`.

Printed for each set: the phrases whose findings are exactly the labelled ones, overall
and per language; precision and recall per rule (the rules of issue 15 always, the others
when they are labelled or found); and the error-severity findings on phrases labelled with
no error-severity rule (a well-formed key result must never get an error).
"""

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from okrtui.coach import coach  # noqa: E402
from okrtui.rule_ids import SEVERITY  # noqa: E402
from tests.coach.corpus import Phrase, load  # noqa: E402

SETS = ROOT / "tests" / "coach"

# The rules issue 15 is about: always shown, even without support.
FOCUS = ("kr.is_task", "objective.vague", "kr.weak_verb", "kr.form", "objective.is_output")


def severity(rule: str) -> str:
    return SEVERITY.get(rule, "unknown")


def set_path(name: str) -> Path:
    path = Path(name)
    if path.suffix == ".toml" and path.exists():
        return path.resolve()
    return SETS / (name if name.endswith(".toml") else f"{name}.toml")


def found_rules(phrase: Phrase) -> frozenset[str]:
    found: Iterable[str] = coach(phrase.kind, phrase.text, phrase.lang)  # type: ignore[arg-type]
    return frozenset(found)


def percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def report(name: str, phrases: list[Phrase], misses: bool) -> None:
    results = [(phrase, found_rules(phrase)) for phrase in phrases]
    exact = [found == phrase.rules for phrase, found in results]
    print(f"# {name}: {len(phrases)} phrases")
    print(f"{'exactly right':<36}{sum(exact):>6}/{len(phrases):<5}"
          f"{percent(sum(exact), len(phrases)):>8}")
    for lang in ("fr", "en"):
        of_lang = [right for (phrase, _), right in zip(results, exact, strict=True)
                   if phrase.lang == lang]
        print(f"{'  ' + lang:<36}{sum(of_lang):>6}/{len(of_lang):<5}"
              f"{percent(sum(of_lang), len(of_lang)):>8}")
    for kind in ("objective", "kr"):
        of_kind = [right for (phrase, _), right in zip(results, exact, strict=True)
                   if phrase.kind == kind]
        print(f"{'  ' + kind:<36}{sum(of_kind):>6}/{len(of_kind):<5}"
              f"{percent(sum(of_kind), len(of_kind)):>8}")

    counts: dict[str, list[int]] = {}  # rule → true +, false +, false -
    for phrase, found in results:
        for rule in found | phrase.rules:
            hit = counts.setdefault(rule, [0, 0, 0])
            hit[0 if rule in found and rule in phrase.rules else 1 if rule in found else 2] += 1
    rules = list(FOCUS) + sorted(rule for rule in counts if rule not in FOCUS)
    print(f"\n{'rule':<24}{'severity':>9}{'precision':>10}{'recall':>8}"
          f"{'labelled':>10}{'found':>7}{'fr recall':>11}{'en recall':>11}")
    for rule in rules:
        tp, fp, fn = counts.get(rule, [0, 0, 0])
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "—"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "—"
        by_lang = []
        for lang in ("fr", "en"):
            labelled = [rule in found for phrase, found in results
                        if phrase.lang == lang and rule in phrase.rules]
            by_lang.append(f"{sum(labelled) / len(labelled):.2f}" if labelled else "—")
        print(f"{rule:<24}{severity(rule):>9}{precision:>10}{recall:>8}"
              f"{tp + fn:>10}{tp + fp:>7}{by_lang[0]:>11}{by_lang[1]:>11}")

    clean = [(phrase, found) for phrase, found in results
             if not any(severity(rule) == "error" for rule in phrase.rules)]
    errors_of = [(phrase, sorted(rule for rule in found if severity(rule) == "error"))
                 for phrase, found in clean]
    wrong = [(phrase, errors) for phrase, errors in errors_of if errors]
    findings = sum(len(errors) for _, errors in wrong)
    krs = [phrase for phrase, _ in clean if phrase.kind == "kr"]
    wrong_krs = [phrase for phrase, _ in wrong if phrase.kind == "kr"]
    print(f"\nerror findings on phrases labelled with no error: {findings} "
          f"(on {len(wrong)} of {len(clean)} phrases; key results: {len(wrong_krs)} of {len(krs)})")
    if misses:
        print("\nwrong phrases (expected → found):")
        for (phrase, found), right in zip(results, exact, strict=True):
            if not right:
                missing = ", ".join(sorted(phrase.rules - found)) or "—"
                extra = ", ".join(sorted(found - phrase.rules)) or "—"
                print(f"  [{phrase.lang} {phrase.kind}] {phrase.text}\n"
                      f"      missed: {missing}   extra: {extra}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=["blind_published"],
                        help="set names in tests/coach (blind_published, corpus, holdout) "
                             "or TOML paths")
    parser.add_argument("--misses", action="store_true", help="list the phrases not exactly right")
    args = parser.parse_args()
    for name in args.sets:
        path = set_path(name)
        if not path.exists():
            parser.error(f"no such set: {path}")
        report(path.stem, load(str(path)), args.misses)


if __name__ == "__main__":
    main()
