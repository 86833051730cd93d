"""The session model is the file format: what it accepts, refuses and cleans."""

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from okrtui.models import Action, Idea, KeyResult, Objective, Participant, Session

from .conftest import rich_session


def base() -> dict[str, Any]:
    """A valid session as plain data, with one item of every kind."""
    return {
        "schema_version": 2,
        "title": "Atelier",
        "language": "fr",
        "participants": [{"id": "p1", "name": "Ana"}],
        "teams": [
            {
                "id": "team1",
                "name": "Produit",
                "ideas": [
                    {"id": "i1", "level": "ambition", "text": "Idée", "author": "p1",
                     "promoted_to": "o1"},
                ],
                "objectives": [
                    {
                        "id": "o1",
                        "text": "Permettre l'autonomie",
                        "decisions": ["Segment : pros"],
                        "key_results": [
                            {"id": "k1", "text": "Réduire de 20 %", "baseline": 12, "target": 9},
                            {"id": "k2", "text": "Augmenter le taux"},
                        ],
                        "tactics": [
                            {
                                "id": "t1",
                                "text": "Assistant",
                                "moves": ["k1"],
                                "actions": [
                                    {"id": "a1", "text": "Mesurer", "owner": "p1",
                                     "due": None},
                                ],
                            }
                        ],
                    },
                    {
                        "id": "o2",
                        "text": "Développer les partenaires",
                        "key_results": [{"id": "k3", "text": "Signer 5 partenaires"}],
                    },
                ],
            }
        ],
    }


def validate(data: dict[str, Any]) -> Session:
    return Session.model_validate(data)


def refused(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(data)
    return str(caught.value)


def test_the_base_session_is_valid() -> None:
    session = validate(base())
    assert session.teams[0].objectives[0].tactics[0].actions[0].owner == "p1"


# --- unknown keys ----------------------------------------------------------------------


def _session(d: dict[str, Any]) -> dict[str, Any]:
    return d


def _participant(d: dict[str, Any]) -> dict[str, Any]:
    return d["participants"][0]


def _team(d: dict[str, Any]) -> dict[str, Any]:
    return d["teams"][0]


def _idea(d: dict[str, Any]) -> dict[str, Any]:
    return d["teams"][0]["ideas"][0]


def _objective(d: dict[str, Any]) -> dict[str, Any]:
    return d["teams"][0]["objectives"][0]


def _key_result(d: dict[str, Any]) -> dict[str, Any]:
    return d["teams"][0]["objectives"][0]["key_results"][0]


def _tactic(d: dict[str, Any]) -> dict[str, Any]:
    return d["teams"][0]["objectives"][0]["tactics"][0]


def _action(d: dict[str, Any]) -> dict[str, Any]:
    return d["teams"][0]["objectives"][0]["tactics"][0]["actions"][0]


ITEMS = [_session, _participant, _team, _idea, _objective, _key_result, _tactic, _action]


@pytest.mark.parametrize("item", ITEMS, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("key", ["titel", "key_result", "colour"])
def test_unknown_keys_are_refused_at_every_level(item: Any, key: str) -> None:
    data = base()
    item(data)[key] = "x"
    assert key in refused(data)


# --- ids --------------------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["", "has space", "a.b", "é1", "x" * 41, "k1\n", "a/b"])
def test_ids_outside_the_pattern_are_refused(bad_id: str) -> None:
    data = base()
    _key_result(data)["id"] = bad_id
    refused(data)


@pytest.mark.parametrize("good_id", ["A-z_09", "x" * 40, "K1", "1"])
def test_ids_inside_the_pattern_are_accepted(good_id: str) -> None:
    data = base()
    _objective(data)["id"] = good_id
    _idea(data)["promoted_to"] = good_id
    assert validate(data).teams[0].objectives[0].id == good_id


@pytest.mark.parametrize(
    "place",
    [_participant, _team, _idea, _key_result, _tactic, _action],
    ids=lambda f: f.__name__.strip("_"),
)
def test_an_id_used_twice_anywhere_in_the_file_is_refused(place: Any) -> None:
    data = base()
    place(data)["id"] = "o2"
    if place is _key_result:  # keep the references pointing at the renamed item
        _tactic(data)["moves"] = ["o2"]
    if place is _participant:
        _idea(data)["author"] = _action(data)["owner"] = "o2"
    message = refused(data)
    assert "'o2' is already used" in message


def test_a_common_point_shares_the_ids_of_the_file() -> None:
    data = base()
    data["common"] = [{"id": "c1", "text": "Same users"}, {"id": "o1", "text": "Same metric"}]
    assert "common[1]: id 'o1' is already used" in refused(data)
    data["common"][1]["id"] = "c1"
    assert "common[1]: id 'c1' is already used by common[0]" in refused(data)


def test_ids_are_case_sensitive() -> None:
    data = base()
    _participant(data)["id"] = "O1"
    _idea(data)["author"] = "O1"
    _action(data)["owner"] = "O1"
    assert validate(data).participants[0].id == "O1"


# --- references ------------------------------------------------------------------------


def test_an_author_must_be_a_participant() -> None:
    data = base()
    _idea(data)["author"] = "p9"
    assert "author: no participant has id 'p9'" in refused(data)


def test_an_author_cannot_be_another_kind_of_item() -> None:
    data = base()
    _idea(data)["author"] = "o1"
    assert "author" in refused(data)


def test_an_owner_must_be_a_participant() -> None:
    data = base()
    _action(data)["owner"] = "team1"
    assert "owner: no participant has id 'team1'" in refused(data)


def test_a_tactic_moves_only_key_results_of_its_own_objective() -> None:
    data = base()
    _tactic(data)["moves"] = ["k3"]  # k3 belongs to o2
    assert "'k3' is not a key result of objective 'o1'" in refused(data)


def test_a_tactic_cannot_move_something_that_is_not_a_key_result() -> None:
    data = base()
    _tactic(data)["moves"] = ["t1"]
    refused(data)


def test_a_tactic_may_move_a_set_aside_key_result() -> None:
    data = base()
    _key_result(data)["set_aside"] = True
    assert validate(data).teams[0].objectives[0].tactics[0].moves == ["k1"]


def test_promoted_to_must_name_an_existing_item() -> None:
    data = base()
    _idea(data)["promoted_to"] = "o9"
    assert "promoted_to: nothing has id 'o9'" in refused(data)


@pytest.mark.parametrize("target", ["o1", "t1", "a1"])
def test_promoted_to_accepts_an_objective_a_tactic_or_an_action(target: str) -> None:
    data = base()
    _idea(data)["promoted_to"] = target
    assert validate(data).teams[0].ideas[0].promoted_to == target


def test_a_session_needs_at_least_one_team() -> None:
    data = base()
    data["teams"] = []
    assert "teams" in refused(data)


@pytest.mark.parametrize("field", ["title", "language", "teams"])
def test_required_top_level_keys(field: str) -> None:
    data = base()
    del data[field]
    assert field in refused(data)


# --- text cleaning ----------------------------------------------------------------------

CLEANED = [
    ("\x1b[31mred\x1b[0m", "red"),
    ("\x1b[1;38;5;196mbold\x1b[m", "bold"),
    ("\x1b[?1049halt screen", "alt screen"),
    ("clear\x1b[2J\x1b[H", "clear"),
    ("\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "click"),
    ("\x1b]0;pwned title\x1b\\after", "after"),
    ("bell\x07 nul\x00 bs\x08 vt\x0b ff\x0c del\x7f", "bell nul bs vt ff del"),
    ("c1\x80\x85\x9b\x9f end", "c1 end"),
    ("lone \x1b escape", "lone  escape"),
    ("windows\r\nline", "windows\nline"),
    ("old mac\rline", "old mac\nline"),
]


@pytest.mark.parametrize(("raw", "clean"), CLEANED)
def test_control_characters_and_escape_sequences_are_stripped(raw: str, clean: str) -> None:
    assert Idea(id="i1", level="ambition", text=raw).text == clean


# Two- and three-character escape sequences that terminals act on: tput sgr0 prints
# ESC ( B before ESC [ m; ESC 7 / ESC 8 save and restore the cursor; ESC c resets the
# terminal; ESC P … ESC \ is a device control string. "Removed whole, not just their ESC".
OTHER_SEQUENCES = [
    ("\x1b(B\x1b[mplain", "plain"),
    ("\x1b7saved\x1b8", "saved"),
    ("\x1bcreset", "reset"),
    ("\x1bPq#0;2;0;0;0\x1b\\image", "image"),
]


@pytest.mark.parametrize(("raw", "clean"), OTHER_SEQUENCES)
def test_other_escape_sequences_are_removed_whole(raw: str, clean: str) -> None:
    assert Idea(id="i1", level="ambition", text=raw).text == clean


KEPT = [
    "line one\nline two",
    "col\tcol",
    "🎯 Réduire de 20 % le délai — « vite »",
    "👩‍💻 développeuse",  # zero-width joiner
    "non\u00a0breaking",
    "مرحبا بالعالم",
    "שלום עולם",
    "[b]x[/]",
    "[@click=app.quit]x[/]",
    "[/]",
    "\\[escaped] *md* _md_ `code` <b>html</b>",
    "ÇÀ ça où Œuvre ß",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_and_markup_like_text_are_kept_exactly(text: str) -> None:
    assert Idea(id="i1", level="ambition", text=text).text == text


@pytest.mark.parametrize("text", KEPT[:3] + ["[b]x[/]", "[@click=app.quit]x[/]"])
def test_every_text_field_is_kept_the_same_way(text: str) -> None:
    data = base()
    data["title"] = text
    data["period"] = text
    _participant(data)["name"] = text
    _team(data)["name"] = text
    _objective(data)["decisions"] = [text]
    _key_result(data)["unit"] = text
    _action(data)["first_step"] = text
    session = validate(data)
    values = [
        session.title,
        session.period,
        session.participants[0].name,
        session.teams[0].name,
        session.teams[0].objectives[0].decisions[0],
        session.teams[0].objectives[0].key_results[0].unit,
        session.teams[0].objectives[0].tactics[0].actions[0].first_step,
    ]
    assert values == [text] * len(values)


def test_every_text_field_is_cleaned() -> None:
    dirty = "\x1b[31mrouge\x1b[0m\x07"
    data = base()
    data["title"] = dirty
    data["period"] = dirty
    _participant(data)["name"] = dirty
    _team(data)["name"] = dirty
    _idea(data)["text"] = dirty
    _objective(data)["text"] = dirty
    _objective(data)["decisions"] = [dirty]
    _key_result(data)["text"] = dirty
    _key_result(data)["unit"] = dirty
    _tactic(data)["text"] = dirty
    _action(data)["text"] = dirty
    _action(data)["first_step"] = dirty
    session = validate(data)
    dumped = session.model_dump_json()
    assert "\\u001b" not in dumped and "\\u0007" not in dumped
    assert dumped.count("rouge") == 12


def test_text_is_cleaned_when_assigned_too() -> None:
    objective = Objective(id="o1", text="Permettre")
    objective.text = "\x1b[5mclignote\x1b[0m"
    assert objective.text == "clignote"
    participant = Participant(id="p1", name="Ana")
    participant.name = "Ana\x1b]0;title\x07"
    assert participant.name == "Ana"


@pytest.mark.parametrize("text", ["", "\x1b[0m", "\x07\x00"])
def test_a_wording_that_is_empty_once_cleaned_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        Idea(id="i1", level="ambition", text=text)


# --- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", [12, 0, -3, 10**12])
def test_an_integer_stays_an_integer(value: int) -> None:
    kr = KeyResult(id="k1", text="Réduire", baseline=value, target=value)
    assert type(kr.baseline) is int and kr.baseline == value
    assert type(kr.target) is int


@pytest.mark.parametrize("value", [9.5, 12.0, -0.25, 1e3])
def test_a_float_stays_a_float(value: float) -> None:
    kr = KeyResult(id="k1", text="Réduire", baseline=value, target=value)
    assert type(kr.baseline) is float and kr.baseline == value
    assert type(kr.target) is float


@pytest.mark.parametrize(
    "value", [True, False, float("nan"), float("inf"), float("-inf"), "12", "9.5", [1]]
)
@pytest.mark.parametrize("field", ["baseline", "target"])
def test_booleans_strings_nan_and_inf_are_not_numbers(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        KeyResult(id="k1", text="Réduire", **{field: value})


def test_a_number_may_be_left_out() -> None:
    kr = KeyResult(id="k1", text="Réduire")
    assert kr.baseline is None and kr.target is None


def test_numbers_are_checked_on_assignment() -> None:
    kr = KeyResult(id="k1", text="Réduire", baseline=1)
    with pytest.raises(ValidationError):
        kr.target = True
    assert kr.target is None


def test_set_aside_must_be_a_real_boolean() -> None:
    with pytest.raises(ValidationError):
        KeyResult(id="k1", text="Réduire", set_aside="yes")
    with pytest.raises(ValidationError):
        Objective(id="o1", text="Permettre", set_aside=1)


def test_due_must_be_a_date_not_text() -> None:
    with pytest.raises(ValidationError):
        Action(id="a1", text="Faire", due="2027-05-01")


def test_the_rich_builder_gives_a_session_that_revalidates() -> None:
    session = rich_session()
    again = Session.model_validate(copy.deepcopy(session.model_dump()))
    assert again == session
