"""Teams side by side: what they share, what pulls opposite ways, what only one has."""

import json
import re
from pathlib import Path

import pytest

from okrtui.compare import compare_teams
from okrtui.compare_text import render_text
from okrtui.comparison import Comparison
from okrtui.i18n import catalog
from okrtui.models import KeyResult, Objective, Session, Team
from okrtui.storage import load_session

from .conftest import SESSIONS

DATA = SESSIONS / "equipe-data.toml"
PRODUCT = SESSIONS / "equipe-produit.toml"


@pytest.fixture(scope="module")
def examples() -> Comparison:
    return compare_teams([(str(DATA), load_session(DATA)), (str(PRODUCT), load_session(PRODUCT))])


def pair_ids(comparison: Comparison) -> set[tuple[str, str]]:
    return {(p.a.id, p.b.id) for p in comparison.shared}


def team(team_id: str, name: str, objectives: list[Objective]) -> Team:
    return Team(id=team_id, name=name, objectives=objectives)


def objective(oid: str, text: str, *krs: KeyResult, set_aside: bool = False) -> Objective:
    return Objective(id=oid, text=text, key_results=list(krs), set_aside=set_aside)


def kr(kid: str, text: str, **fields: object) -> KeyResult:
    return KeyResult(id=kid, text=text, **fields)  # type: ignore[arg-type]


# --- the example sessions -----------------------------------------------------------------


def test_the_example_teams_are_two_files_in_french(examples: Comparison) -> None:
    assert [t.name for t in examples.teams] == ["Data science", "Produit & Marketing"]
    assert {t.language for t in examples.teams} == {"fr"}
    assert [t.source for t in examples.teams] == [str(DATA), str(PRODUCT)]


def test_the_examples_share_a_metric_and_their_users(examples: Comparison) -> None:
    shared = {(p.a.id, p.b.id): p for p in examples.shared}
    acceptance = shared[("k1", "k4")]
    assert acceptance.shares("en") == {"metric": ["acceptance rate"]}
    assert acceptance.shares("fr") == {"metric": ["taux d'acceptation"]}
    assert shared[("k4", "k2")].shares("en") == {"metric": ["requests"], "users": ["free users"]}
    assert shared[("o1", "o1")].shares("en") == {"users": ["merchants"]}
    assert all(p.a.team.name == "Data science" for p in examples.shared)


def test_the_examples_pull_the_free_requests_opposite_ways(examples: Comparison) -> None:
    assert len(examples.opposed) == 1
    pair = examples.opposed[0]
    assert (pair.a.id, pair.b.id) == ("k4", "k2")
    assert (pair.against.a, pair.against.b) == ("down", "up")
    assert pair.metric("fr") == "requêtes"


def test_what_only_one_team_has(examples: Comparison) -> None:
    data, product = examples.only
    assert "k2" in {i.id for i in data.items}  # hallucinations
    assert "k7" in {i.id for i in product.items}  # NPS
    assert {c.id for c in data.concepts} >= {"error_rate", "cost_to_serve", "latency"}
    assert {c.id for c in product.concepts} >= {"churn", "satisfaction", "conversion"}
    shared_items = {p.a for p in examples.shared} | {p.b for p in examples.shared}
    assert not shared_items & (set(data.items) | set(product.items))


def test_shared_pairs_come_best_first(examples: Comparison) -> None:
    scores = [p.score for p in examples.shared]
    assert scores == sorted(scores, reverse=True)


# --- teams, items and directions ----------------------------------------------------------


def test_teams_of_one_session_are_compared_too() -> None:
    session = Session(title="Atelier", language="en", teams=[
        team("t1", "Growth", [objective("o1", "Win small businesses through referrals",
                                        kr("k1", "Cut monthly churn from 5% to 3%"))]),
        team("t2", "Success", [objective("o2", "Keep small businesses past their first year",
                                         kr("k2", "Raise retention from 80% to 90%"))]),
    ])
    comparison = compare_teams([("one.toml", session)])
    assert ("k1", "k2") in pair_ids(comparison)
    assert ("o1", "o2") in pair_ids(comparison)
    assert comparison.opposed == ()  # churn down and retention up pull the same way


def test_set_aside_items_are_left_out() -> None:
    session = Session(title="Atelier", language="en", teams=[
        team("t1", "A", [objective("o1", "Grow revenue from small businesses",
                                   kr("k1", "Cut churn by half", set_aside=True)),
                         objective("o2", "Cut churn of small businesses", set_aside=True)]),
        team("t2", "B", [objective("o3", "Halve churn of enterprise customers")]),
    ])
    comparison = compare_teams([("", session)])
    ids = {i.id for pair in comparison.shared for i in (pair.a, pair.b)}
    ids |= {i.id for only in comparison.only for i in only.items}
    assert ids == {"o1", "o3"}


def test_baseline_and_target_give_the_direction_before_the_wording() -> None:
    session = Session(title="Atelier", language="en", teams=[
        team("t1", "A", [objective("o1", "Make support lighter",
                                   kr("k1", "Bring support tickets to 300", baseline=400,
                                      target=300))]),
        team("t2", "B", [objective("o2", "Make customers talk to us",
                                   kr("k2", "Bring support tickets to 500", baseline=400,
                                      target=500))]),
    ])
    comparison = compare_teams([("", session)])
    assert [(p.a.id, p.against.a, p.b.id, p.against.b) for p in comparison.opposed] == [
        ("k1", "down", "k2", "up")
    ]


def test_two_teams_of_the_same_name_are_told_apart_by_their_file() -> None:
    session = load_session(DATA)
    comparison = compare_teams([("a.toml", session), ("b.toml", session)])
    assert [t.name for t in comparison.teams] == ["Data science (a.toml)",
                                                  "Data science (b.toml)"]


def test_teams_with_nothing_in_common() -> None:
    session = Session(title="Atelier", language="fr", teams=[
        team("t1", "A", [objective("o1", "Réduire l'attrition des PME")]),
        team("t2", "B", [objective("o2", "Doubler les téléchargements de l'application")]),
    ])
    comparison = compare_teams([("", session)])
    assert comparison.shared == () and comparison.opposed == ()
    text = render_text(comparison, catalog("fr"))
    assert "Rien en commun trouvé." in text


# --- rendering ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_text_speaks_the_catalog_language(examples: Comparison, language: str) -> None:
    tr = catalog(language)
    text = render_text(examples, tr)
    for key in ("compare.only", "compare.kind.metric"):
        assert tr(key) in text
    assert tr("compare.shared", count=len(examples.shared)) in text
    assert tr("compare.opposed", count=1) in text
    assert "compare." not in text  # no bare catalog key
    assert text.endswith("\n")


def test_french_text_uses_french_labels_and_typography(examples: Comparison) -> None:
    text = render_text(examples, catalog("fr"))
    assert "indicateur\u00a0: taux d'acceptation" in text
    assert "«\u00a0Faire passer le NPS de 25 à 45\u00a0»" in text
    assert "↓ baisse Data science · résultat clé k4" in text


def test_json_holds_everything_and_is_plain_data(examples: Comparison) -> None:
    # Every theme with every item that names it, rather than every pair (with 100 teams,
    # hundreds of thousands of pairs say no more than the themes).
    data = json.loads(json.dumps(examples.as_dict("en"), ensure_ascii=False))
    assert set(data) == {"teams", "themes", "words", "opposed", "only"}
    assert data["opposed"][0]["metric"] == "requests"
    assert data["opposed"][0]["a"]["direction"] == "down"
    themes = {theme["label"]: theme for theme in data["themes"]}
    assert themes["merchants"]["kind"] == "users"
    assert themes["merchants"]["teams"] == ["Data science", "Produit & Marketing"]
    assert {"team", "kind", "id", "text"} <= set(themes["merchants"]["items"][0])
    assert themes["acceptance rate"]["items"][0]["id"] == "k1"
    assert data["words"] == []
    assert data["only"][1]["concepts"]["metric"]


# --- many teams ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    from bench.compare import write_teams

    paths = write_teams(12, tmp_path_factory.mktemp("teams"))
    return compare_teams([(str(path), load_session(path)) for path in paths])


def test_the_index_finds_every_pair_scoring_all_of_them_would(many: Comparison) -> None:
    from okrtui.similarity import match, profile

    items = [(n, item) for n, only in enumerate(many.only)
             for item in many.index.items if item.team == only.team]
    expected = []
    for n, a in items:
        for m, b in items:
            if n < m:
                found = match(profile(a.text, a.team.language), profile(b.text, b.team.language))
                if found.matches:
                    expected.append((n, m, -found.score, a.id, b.id))
    expected.sort(key=lambda e: e[:3])
    order = {team: n for n, team in enumerate(many.teams)}
    assert [(order[p.a.team], order[p.b.team], -p.score, p.a.id, p.b.id)
            for p in many.shared] == expected
    assert len(expected) > 100
    in_pairs = {item for pair in many.shared for item in (pair.a, pair.b)}
    assert all(item not in in_pairs for only in many.only for item in only.items)
    assert {i for only in many.only for i in only.items} == set(many.index.items) - in_pairs


def test_themes_group_every_item_naming_a_thing_of_two_teams(many: Comparison) -> None:
    assert many.themes
    for theme in many.themes:
        assert len(theme.teams) >= 2
        assert {item.team for item in theme.items} == set(theme.teams)
    teams = [len(theme.teams) for theme in many.themes]
    assert teams == sorted(teams, reverse=True)
    assert all(not pair_shares for pair_shares in (p.shared for p in many.words))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_many_teams_print_the_strongest_themes_counted(many: Comparison,
                                                       language: str) -> None:
    tr = catalog(language)
    text = render_text(many, tr)
    assert "compare." not in text
    assert tr("compare.many.teams", teams=tr("compare.many.teams_other", count=12),
              files=tr("compare.many.files_other", count=12)) in text
    assert len(text.splitlines()) < 120  # not every pair
    top = many.themes[0]
    assert f"{top.label(language)} — {len(top.teams)} " in text
    if len(many.themes) > 10:
        assert "--format json" in text
    assert tr("compare.only") in text


def test_french_counts_use_french_typography() -> None:
    from okrtui.compare_text import _count

    tr = catalog("fr")
    assert _count(tr, "compare.many.teams", 1) == "1 équipe"
    assert _count(tr, "compare.many.pairs", 11322) == "11\u202f322 paires"
    assert "\u00a0: " in tr("compare.many.opposed", metrics="2 indicateurs")
    assert _count(catalog("en"), "compare.many.pairs", 11322) == "11,322 pairs"


def test_every_compare_key_exists_in_both_catalogs() -> None:
    folder = Path(__file__).parents[2] / "okrtui"
    source = "".join((folder / name).read_text(encoding="utf-8")
                     for name in ("compare_text.py", "common_points.py"))
    used = set(re.findall(r"[\"'](compare\.[a-z_.]+[a-z])[\"']", source))
    used |= {f"compare.kind.{kind}" for kind in ("metric", "users", "channel", "target")}
    used |= {"compare.up", "compare.down", "compare.objective", "compare.key_result"}
    counted = set(re.findall(r"_count\(\s*tr, \"(compare\.[a-z_.]+)\"", source))
    used = (used - counted) | {f"{key}_{form}" for key in counted for form in ("one", "other")}
    assert len(used) > 10
    for language in ("fr", "en"):
        assert sorted(key for key in used if key not in catalog(language)) == []
