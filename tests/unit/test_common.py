"""A comparison kept as the session's shared section: "what we have in common"."""

import pytest

from okrtui.common_points import common_points, save_common
from okrtui.compare import compare_teams
from okrtui.comparison import Comparison
from okrtui.i18n import catalog
from okrtui.models import CommonPoint, Session
from okrtui.storage import dumps_session, load_session, parse_session

from .conftest import SESSIONS

DATA = SESSIONS / "equipe-data.toml"
PRODUCT = SESSIONS / "equipe-produit.toml"


@pytest.fixture(scope="module")
def examples() -> Comparison:
    return compare_teams([(str(DATA), load_session(DATA)), (str(PRODUCT), load_session(PRODUCT))])


def test_the_example_teams_have_three_things_in_common(examples: Comparison) -> None:
    points = common_points(examples, catalog("fr"))
    assert [(p.id, p.kind, p.text) for p in points] == [
        ("c1", "shared", "Indicateur\u00a0: taux d'acceptation"),
        ("c2", "shared", "Utilisateurs\u00a0: e-commerçants"),
        ("c3", "opposed", "En sens contraire\u00a0: requêtes"),
    ]
    assert points[0].items == [
        "Data science — Porter de 70 % à 90 % la part des réponses du modèle acceptées sans "
        "retouche",
        "Produit & Marketing — Porter de 40 % à 65 % la part des réponses de l'assistant "
        "envoyées sans retouche",
    ]


def test_one_point_per_thing_shared_with_every_item_that_names_it(
        examples: Comparison) -> None:
    merchants = common_points(examples, catalog("fr"))[1]
    assert [item.split(" — ")[0] for item in merchants.items] == [
        "Data science", "Produit & Marketing", "Produit & Marketing", "Produit & Marketing"]
    assert len(set(merchants.items)) == 4


def test_a_pair_pulling_opposite_ways_is_said_once(examples: Comparison) -> None:
    points = common_points(examples, catalog("en"))
    requests = [p for p in points if any("requêtes mensuelles" in i for i in p.items)]
    assert [(p.kind, p.text) for p in requests] == [("opposed", "Pulling opposite ways: requests")]


def test_points_are_worded_in_the_catalog_language(examples: Comparison) -> None:
    assert [p.text for p in common_points(examples, catalog("en"))] == [
        "Metric: acceptance rate", "Users: merchants", "Pulling opposite ways: requests"]


def session_with(*common: CommonPoint) -> Session:
    session = load_session(DATA)
    session.common = list(common)
    return session


def test_saving_replaces_what_a_comparison_saved_and_nothing_else(
        examples: Comparison) -> None:
    note = CommonPoint(id="note1", text="Written by hand")
    old = CommonPoint(id="c7", text="Old comparison")
    later = CommonPoint(id="x2", text="Another note")
    session = session_with(note, old, later)
    saved = save_common(session, common_points(examples, catalog("fr")))
    assert [p.id for p in session.common] == ["note1", "c1", "c2", "c3", "x2"]
    assert saved == session.common[1:4]
    assert session.common[0] == note and session.common[-1] == later


def test_saving_again_gives_the_same_file(examples: Comparison) -> None:
    session = session_with()
    save_common(session, common_points(examples, catalog("fr")))
    once = dumps_session(session)
    save_common(session, common_points(examples, catalog("fr")))
    assert dumps_session(session) == once
    assert parse_session(once.encode("utf-8")) == session


def test_saved_points_never_take_an_id_in_use(examples: Comparison) -> None:
    session = session_with()
    session.participants[0].id = "c2"  # odd, but a valid file
    for team in session.teams:
        for objective in team.objectives:
            for tactic in objective.tactics:
                for action in tactic.actions:
                    if action.owner == "p1":
                        action.owner = "c2"
    for idea in session.teams[0].ideas:
        if idea.author == "p1":
            idea.author = "c2"
    session = Session.model_validate(session.model_dump())
    save_common(session, common_points(examples, catalog("fr")))
    assert [p.id for p in session.common] == ["c1", "c3", "c4"]


def test_nothing_in_common_clears_what_a_comparison_saved() -> None:
    session = session_with(CommonPoint(id="c1", text="Old"), CommonPoint(id="n", text="Mine"))
    assert save_common(session, []) == []
    assert [p.id for p in session.common] == ["n"]
