"""After the similarity tests, print precision and recall on the labelled pairs and on the
held-out pairs, per language, and the time one comparison takes."""

import pytest

from .corpus import load, report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if terminalreporter.stats.get("passed") or terminalreporter.stats.get("failed"):
        terminalreporter.write_sep("-", "similarity: precision and recall of okrtui compare")
        terminalreporter.write_line(report(load("pairs.toml"), "pairs.toml"))
        terminalreporter.write_line(report(load("holdout.toml"), "holdout.toml", timing=False))
