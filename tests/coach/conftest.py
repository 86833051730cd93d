"""After the coach's tests, print its precision and recall per rule on the corpus."""

import pytest

from .corpus import load, report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if terminalreporter.stats.get("passed") or terminalreporter.stats.get("failed"):
        terminalreporter.write_sep("-", "coach: precision and recall on tests/coach/corpus.toml")
        terminalreporter.write_line(report(load()))
