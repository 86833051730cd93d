"""Hypothesis strategies for what a session file should never be: arbitrary TOML, valid
sessions with things dropped, changed or added, and arbitrary or damaged bytes."""

import copy
import math
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from okrtui.models import SCHEMA_VERSION
from okrtui.rule_ids import RULE_IDS
from okrtui.storage import dumps_session, session_table

from .sessions import INT64, sessions, text

# --- arbitrary TOML ---------------------------------------------------------------------

KNOWN_KEYS = [
    "schema_version", "title", "period", "language", "anonymous", "dots_per_person",
    "timebox", "diverge", "converge", "formalize", "participants", "teams", "decisions",
    "choices", "decision_log", "id", "name", "ideas", "members", "level", "text", "author",
    "promoted_to", "hidden", "parked", "objectives", "key_results", "baseline", "target",
    "unit", "set_aside", "silenced", "rule", "reason", "tactics", "moves", "actions", "owner",
    "due", "first_step", "levels", "phase", "remaining", "votes", "idea", "participant", "dots",
    "rationale", "baseline_unknown", "measures", "kpis", "from_objective", "roadmap", "serves",
    "became", "common", "kind", "items",
]
toml_keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=8))
_offsets = st.sampled_from([None, UTC, timezone(timedelta(hours=5, minutes=30)),
                            timezone(-timedelta(hours=11))])
toml_scalars = st.one_of(
    st.booleans(),
    st.integers(*INT64),
    st.sampled_from([0, -1, 1, 2, 3, 20, 21, 100, 101, 600, 601, 86400, 86401, *INT64]),
    st.floats(),
    text,
    st.sampled_from(["fr", "en", "de", "ambition", "tactic", "execution", "diverge",
                     "converge", "formalize", *sorted(RULE_IDS), "p1", "i1", "k1", "team1"]),
    st.dates(),
    st.builds(datetime.combine, st.dates(), st.times(), _offsets),
    st.times(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(toml_keys, children, max_size=4),
    max_leaves=16,
)
toml_tables = st.dictionaries(toml_keys, toml_values, max_size=6)
toml_documents = st.one_of(
    toml_tables,
    st.builds(lambda table, version: {**table, "schema_version": version},
              toml_tables, st.integers(1, SCHEMA_VERSION)),
    st.builds(
        lambda table, version, teams: {**table, "schema_version": version, "title": "T",
                                       "language": "en", "teams": teams},
        toml_tables,
        st.integers(1, SCHEMA_VERSION),
        st.lists(toml_tables, max_size=3),
    ),
)

# --- broken sessions: a valid table with a few things changed -------------------------

ODD_NUMBERS = [
    -1, 0, 21, 101, 601, 86401, *INT64, 2**63, -(2**70), 10**18, 0.5, 2.0, -0.0, 1e308,
    -1e308, math.nan, math.inf, -math.inf, True, False,
]
ODD_IDS = ["dangling", "", "bad id!", "x" * 41, "p1", "i1", "k1", "o1", "team1", "é"]
# Older versions go through the migrations with a table already in the current shape.
ODD_VERSIONS = [*range(1, SCHEMA_VERSION), SCHEMA_VERSION + 1, 0, -1, "1", 1.0, True, 10**18,
                [1], {"v": 1}]


def _locations(node: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a table, depth first."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        found.append((node, key))
        if isinstance(value, dict | list):
            _locations(value, found)
    return found


def _mutate(draw: st.DrawFn, table: dict[str, Any], ids: list[str]) -> None:
    container, key = draw(st.sampled_from(_locations(table, [])))
    kind = draw(st.sampled_from(
        ["drop", "garbage", "extra", "number", "id", "version", "nest", "duplicate"]
    ))
    if kind == "drop":
        del container[key]
    elif kind == "garbage":
        container[key] = draw(toml_values)
    elif kind == "extra":
        if isinstance(container, dict):
            container[draw(toml_keys)] = draw(toml_values)
        else:
            container.append(draw(toml_values))
    elif kind == "number":
        container[key] = draw(st.sampled_from(ODD_NUMBERS))
    elif kind == "id":
        container[key] = draw(st.sampled_from(ODD_IDS + ids))
    elif kind == "version":
        table["schema_version"] = draw(st.sampled_from(ODD_VERSIONS))
    elif kind == "nest":
        container[key] = draw(st.sampled_from([[container[key]], {"value": container[key]}]))
    elif isinstance(container, list):
        container.append(copy.deepcopy(container[key]))
    else:
        container[draw(toml_keys)] = copy.deepcopy(container[key])


@st.composite
def broken_session_tables(draw: st.DrawFn) -> dict[str, Any]:
    """A valid session's table with one to three things dropped, changed or added."""
    session = draw(sessions(size=2))
    table = copy.deepcopy(session_table(session))
    ids = sorted(set(_id_values(table)))
    for _ in range(draw(st.integers(1, 3))):
        _mutate(draw, table, ids)
    return table


def _id_values(node: Any) -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                found.append(value)
            found += _id_values(value)
    elif isinstance(node, list):
        for value in node:
            found += _id_values(value)
    return found


# --- bytes ---------------------------------------------------------------------------------


@st.composite
def damaged_files(draw: st.DrawFn) -> bytes:
    """A valid session file with bytes inserted, deleted or overwritten."""
    data = bytearray(dumps_session(draw(sessions(size=2))).encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 8)))
        data[start:end] = draw(st.binary(max_size=8) | st.sampled_from(
            [b"", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\n", b"[", b"]", b"=", b'"', b"'''"]
        ))
    return bytes(data)


any_bytes = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=100).map(lambda value: value.encode("utf-8")),
    st.builds(lambda head, tail: b"\xef\xbb\xbf" + head + tail,
              st.sampled_from([b"schema_version = 1\n", b""]), st.binary(max_size=50)),
    damaged_files(),
)

