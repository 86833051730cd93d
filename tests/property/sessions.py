"""Hypothesis strategies for valid sessions, holding hostile text.

Valid sessions are built so that every draw is valid: ids come from a counter (never
filtered for uniqueness), references are drawn from the ids already made, authors are left
out of anonymous sessions, and wordings that would clean to nothing get a visible letter.
"""

import string
from typing import Any

from hypothesis import strategies as st

from okrtui.models import LEVELS, PHASES, SCHEMA_VERSION, Objective, Session
from okrtui.rule_ids import RULE_IDS
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
_kinds = st.sampled_from(["shared", "opposed"])


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


def _kpis_and_roadmap(
    draw: st.DrawFn, ids: _Ids, objectives: list[dict[str, Any]]
) -> dict[str, Any]:
    """A team's KPIs (maybe once key results of one of its objectives) and roadmap items
    (serving its objectives or key results, maybe turned into one of its tactics or
    actions)."""
    objective_ids = [objective["id"] for objective in objectives]
    kr_ids = [kr["id"] for objective in objectives for kr in objective["key_results"]]
    tactics = [tactic for objective in objectives for tactic in objective["tactics"]]
    made = [tactic["id"] for tactic in tactics] + [
        action["id"] for tactic in tactics for action in tactic["actions"]
    ]
    from_objective = st.none() | st.sampled_from(objective_ids) if objective_ids else st.none()
    served = (
        st.lists(st.sampled_from(objective_ids + kr_ids), unique=True)
        if objective_ids else st.just([])
    )
    became = st.none() | st.sampled_from(made) if made else st.none()
    kpis = [
        {
            "id": ids.new("m"),
            "text": draw(wording),
            "baseline": draw(numbers),
            "target": draw(numbers),
            "unit": draw(_maybe_text),
            "from_objective": draw(from_objective),
        }
        for _ in _count(draw, 2)
    ]
    roadmap = [
        {"id": ids.new("r"), "text": draw(wording), "serves": draw(served),
         "became": draw(became)}
        for _ in _count(draw, 2)
    ]
    return {"kpis": kpis, "roadmap": roadmap}


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
            for kr in key_results:
                if kr["baseline"] is None:
                    kr["baseline_unknown"] = draw(_booleans)
            kr_ids = [kr["id"] for kr in key_results]
            moves = st.lists(st.sampled_from(kr_ids), unique=True) if kr_ids else st.just([])
            measured = st.none() | st.sampled_from(kr_ids) if kr_ids else st.none()
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
                            "measures": draw(measured),
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
        team.update(_kpis_and_roadmap(draw, ids, objectives))
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
    table["common"] = [
        {
            "id": ids.new("c"),
            "text": draw(wording),
            "kind": draw(_kinds),
            "items": [draw(text) for _ in _count(draw, 2)],
        }
        for _ in _count(draw, 2)
    ]
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
