"""Hypothesis strategies: valid sessions, hostile text, arbitrary TOML and broken sessions.

Valid sessions are built so that every draw is valid: ids come from a counter (never
filtered for uniqueness), references are drawn from the ids already made, authors are left
out of anonymous sessions, and wordings that would clean to nothing get a visible letter.
"""

import copy
import math
import string
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from okrtui.models import LEVELS, PHASES, SCHEMA_VERSION, Objective, Session
from okrtui.rule_ids import RULE_IDS
from okrtui.storage import dumps_session, session_table
from okrtui.text import clean_text

# An objective's own list of choices (not the session's decision log). The field is being
# renamed from `decisions` to `choices`; use whichever the model has.
OBJECTIVE_CHOICES = "choices" if "choices" in Objective.model_fields else "decisions"
# The session's decision log: `decisions` in schema 1, `decision_log` from schema 2 on.
DECISION_LOG = "decision_log" if "decision_log" in Session.model_fields else "decisions"

INT64 = (-(2**63), 2**63 - 1)

# Text a user may paste or a file may hold that has broken a TOML writer, a terminal or
# Textual's markup before.
HOSTILE_PIECES = [
    "[b]", "[/]", "[/b]", "[@click=app.quit]", "[link=https://x]", "[[teams]]", "[timebox]",
    '"', "'", '"""', "'''", "\\", "\\n", "\\u0000", "\\\"", "#", "=", " = ", "\n", "\t",
    "\r", "\r\n", "\n\n", " ", "\u00a0", "\u202f", "\u2028", "\u2029", "\ufeff", "\x85",
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x9b", "\x9c",
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b]8;;https://evil.example\x07", "\x1b]0;title\x1b\\",
    "\x1b(B", "\x1bc", "\x1bP1;2|x\x1b\\", "\x9b31m",
    "é", "« »", "🎯", "👩‍💻", "نور", "\u0301", "\U0010ffff", "\ufffd",
]

pieces = st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=6))
text = st.one_of(st.text(max_size=12), st.lists(pieces, min_size=1, max_size=4).map("".join))


def _visible(value: str) -> str:
    """A wording must not clean to nothing: give it a letter when it would (in front: a
    letter after an ESC would be taken as an escape sequence and removed with it)."""
    return value if clean_text(value).strip() else "x" + value


wording = text.map(_visible)
numbers = st.one_of(
    st.none(),
    st.integers(*INT64),
    st.sampled_from([0, -1, 1, INT64[0], INT64[1], 0.0, -0.0, 12.0, 9.6, 1e300, 5e-324]),
    st.floats(allow_nan=False, allow_infinity=False),
)
odd_prefixes = st.text(string.ascii_letters + string.digits + "_-", max_size=25)
# Strategies made once (making one per draw costs more than the draw).
_COUNTS = {most: st.integers(0, most) for most in range(6)}
_ID_STYLES = st.sampled_from(["okrtui", "okrtui", "odd", "mixed"])
_booleans = st.booleans()
_levels = st.sampled_from(LEVELS)
_maybe_levels = st.none() | _levels
_phases = st.sampled_from(PHASES)
_rules = st.sampled_from(sorted(RULE_IDS))
_maybe_text = st.none() | text
_maybe_dates = st.none() | st.dates()
_maybe_seconds = st.none() | st.integers(0, 24 * 3600)
_maybe_minutes = st.none() | st.integers(1, 600)
_dots = st.integers(1, 100)
_dots_per_person = st.integers(1, 20)
_languages = st.sampled_from(["fr", "en"])
_level_lists = st.lists(_levels, unique=True)


class _Ids:
    """Ids unique across the session: a counter, in okrtui's style (k7) or an odd one
    (-_Zz9-7). The counter after the last '-' keeps odd ids distinct from each other, and
    okrtui-style ids have no '-'."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.style = draw(_ID_STYLES)
        self.count = 0
        self.made: list[str] = []

    def new(self, prefix: str) -> str:
        self.count += 1
        odd = self.style == "odd" or (self.style == "mixed" and self.draw(_booleans))
        if odd:
            made = f"{self.draw(odd_prefixes)}-{self.count}"
        else:
            made = f"{prefix}{self.count}"
        self.made.append(made)
        return made


def _count(draw: st.DrawFn, most: int) -> range:
    return range(draw(_COUNTS[most]))


def _silences(draw: st.DrawFn) -> list[dict[str, Any]]:
    return [
        {"rule": draw(_rules), "reason": draw(wording)}
        for _ in _count(draw, 1)
    ]


@st.composite
def session_tables(draw: st.DrawFn, size: int = 3) -> dict[str, Any]:
    """The table of a valid session, as a TOML file would hold it (not yet validated)."""
    ids = _Ids(draw)
    anonymous = draw(_booleans)
    participants = [{"id": ids.new("p"), "name": draw(text)} for _ in _count(draw, size)]
    people = [participant["id"] for participant in participants]

    maybe_person = st.none() | st.sampled_from(people) if people else st.none()

    def someone() -> str | None:
        return draw(maybe_person)

    def author() -> str | None:
        return None if anonymous else someone()

    ideas_made: list[dict[str, Any]] = []
    teams = []
    for _ in range(draw(st.integers(1, max(1, size - 1)))):
        team: dict[str, Any] = {"id": ids.new("team"), "name": draw(text)}
        ideas = []
        for _ in _count(draw, size + 1):
            ideas.append({
                "id": ids.new("i"),
                "level": draw(_levels),
                "text": draw(wording),
                "author": author(),
                "hidden": draw(_booleans),
                "parked": draw(_booleans),
                "members": [
                    {"text": draw(wording), "author": author()} for _ in _count(draw, 2)
                ],
            })
        objectives = []
        for _ in _count(draw, size + 1):
            objective: dict[str, Any] = {
                "id": ids.new("o"),
                "text": draw(wording),
                OBJECTIVE_CHOICES: [draw(wording) for _ in _count(draw, 2)],
                "set_aside": draw(_booleans),
                "silenced": _silences(draw),
            }
            key_results = [
                {
                    "id": ids.new("k"),
                    "text": draw(wording),
                    "baseline": draw(numbers),
                    "target": draw(numbers),
                    "unit": draw(_maybe_text),
                    "set_aside": draw(_booleans),
                    "silenced": _silences(draw),
                }
                for _ in _count(draw, size + 1)
            ]
            kr_ids = [kr["id"] for kr in key_results]
            moves = st.lists(st.sampled_from(kr_ids), unique=True) if kr_ids else st.just([])
            tactics = []
            for _ in _count(draw, size - 1):
                tactic_id = ids.new("t")
                tactics.append({
                    "id": tactic_id,
                    "text": draw(wording),
                    "moves": draw(moves),
                    "actions": [
                        {
                            "id": ids.new("a"),
                            "text": draw(wording),
                            "owner": someone(),
                            "due": draw(_maybe_dates),
                            "first_step": draw(_maybe_text),
                            "silenced": _silences(draw),
                        }
                        for _ in _count(draw, 2)
                    ],
                    "silenced": _silences(draw),
                })
            objective["key_results"] = key_results
            objective["tactics"] = tactics
            objectives.append(objective)
        levels = [
            {
                "level": level,
                "phase": draw(_phases),
                "remaining": draw(_maybe_seconds),
            }
            for level in draw(_level_lists)
        ]
        voted = st.sampled_from([idea["id"] for idea in ideas]) if ideas else st.nothing()
        votes = [
            {"idea": draw(voted), "participant": someone(), "dots": draw(_dots)}
            for _ in (_count(draw, size) if ideas else ())
        ]
        team.update(ideas=ideas, objectives=objectives, levels=levels, votes=votes)
        ideas_made += ideas
        teams.append(team)
    decisions = [
        {
            "id": ids.new("d"),
            "text": draw(wording),
            "rationale": draw(_maybe_text),
            "level": draw(_maybe_levels),
        }
        for _ in _count(draw, 3)
    ]
    promoted_to = st.none() | st.sampled_from(ids.made)
    for idea in ideas_made:
        idea["promoted_to"] = draw(promoted_to)
    table: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": draw(wording),
        "period": draw(text),
        "language": draw(_languages),
        "anonymous": anonymous,
        "dots_per_person": draw(_dots_per_person),
    }
    timebox = {
        phase: minutes
        for phase in PHASES
        if (minutes := draw(_maybe_minutes)) is not None
    }
    if timebox:
        table["timebox"] = timebox
    table.update({"participants": participants, "teams": teams, DECISION_LOG: decisions})
    return table


def sessions(size: int = 3) -> st.SearchStrategy[Session]:
    """Valid sessions, as the models hold them after validation (text cleaned)."""
    return session_tables(size).map(Session.model_validate)


def typed(value: Any) -> Any:
    """A model dump where an int and an equal float differ (12 == 12.0 in Python, not in the
    file) and so do 0.0 and -0.0."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    if isinstance(value, float):
        return ("float", repr(value))
    if isinstance(value, bool | int):
        return (type(value).__name__, value)
    return value


# --- arbitrary TOML ---------------------------------------------------------------------

KNOWN_KEYS = [
    "schema_version", "title", "period", "language", "anonymous", "dots_per_person",
    "timebox", "diverge", "converge", "formalize", "participants", "teams", "decisions",
    "choices", "decision_log", "id", "name", "ideas", "members", "level", "text", "author",
    "promoted_to", "hidden", "parked", "objectives", "key_results", "baseline", "target",
    "unit", "set_aside", "silenced", "rule", "reason", "tactics", "moves", "actions", "owner",
    "due", "first_step", "levels", "phase", "remaining", "votes", "idea", "participant", "dots",
    "rationale",
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

