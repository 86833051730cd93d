"""Session files written by an older okrtui, brought up to the current schema on load.

Each step takes the raw TOML table of version N to version N+1, in place, before the models
validate it. A step never fails: what it cannot move is left for validation to report. A file
is only written in the new version when the user saves it."""

from collections.abc import Callable
from typing import Any

Table = dict[str, Any]


def _decisions_become_the_decision_log(table: Table) -> None:
    """Version 2: the session's `[[decisions]]` is renamed `[[decision_log]]`, so it can no
    longer be mistaken for an objective's own `decisions` (the choices it embodies)."""
    if "decisions" in table and "decision_log" not in table:
        table["decision_log"] = table.pop("decisions")


STEPS: dict[int, Callable[[Table], None]] = {
    1: _decisions_become_the_decision_log,
}
"""The step from each older version to the next one."""


def migrate(table: Table, to_version: int) -> Table:
    """table (of a known, older or current, schema_version) at version to_version."""
    version = table["schema_version"]
    while version < to_version:
        STEPS[version](table)
        version += 1
        table["schema_version"] = version
    return table
