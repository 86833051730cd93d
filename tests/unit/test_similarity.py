"""The similarity of two OKR texts: normalisation, stems, concepts, direction, and speed."""

import time
import tomllib

import pytest

from okrtui.similarity import match, opposition, profile
from okrtui.similarity.concepts import CONCEPTS, KINDS, concepts, term_stems
from okrtui.similarity.words import word_lists, words


def stems(text: str, language: str) -> list[str]:
    return [w.stem for w in words(text, language) if w.role in ("content", "light")]


def named(text: str, language: str) -> set[str]:
    return {concept.id for concept in profile(text, language).concepts()}


# --- normalisation ------------------------------------------------------------------------


def test_case_accents_and_elision_do_not_matter() -> None:
    assert stems("Réduire l'Attrition", "fr") == stems("reduire attrition", "fr")
    assert stems("RÉDUCTION DE L’ATTRITION", "fr") == stems("réduction de l'attrition", "fr")
    assert stems("jusqu'à l'échéance", "fr") == stems("échéance", "fr")


def test_stop_words_are_left_out_in_both_languages() -> None:
    assert stems("le la les de des du pour nos", "fr") == []
    assert stems("the of to for our with", "en") == []


def test_plural_and_verb_forms_share_a_stem() -> None:
    assert stems("utilisateurs", "fr") == stems("utilisateur", "fr")
    assert stems("modèles", "fr") == stems("modèle", "fr")
    assert stems("customers", "en") == stems("customer", "en")
    assert stems("publishing", "en") == stems("published", "en")


def test_numbers_are_kept_as_one_token_each() -> None:
    tokens = [(w.text, w.role) for w in words("de 1 200 à 9,6 % en 2027", "fr")]
    assert ("1200", "number") in tokens
    assert ("9.6", "number") in tokens
    assert ("%", "symbol") in tokens
    assert ("2027", "number") in tokens
    assert [w.text for w in words("b2b p95", "en")] == ["b2b", "p95"]


def test_punctuation_splits_words() -> None:
    assert stems("churn/attrition — (NPS)!", "en") == stems("churn attrition nps", "en")


def test_ca_is_revenue_not_the_stop_word_ca() -> None:
    assert "revenue" in named("Doubler le CA des PME", "fr")
    assert stems("ça", "fr") == []


# --- the concept table --------------------------------------------------------------------


def test_every_concept_has_a_known_kind_and_a_label_in_both_languages() -> None:
    for concept in concepts().values():
        assert concept.kind in KINDS
        assert concept.label("fr") and concept.label("en")


def test_inverse_metrics_name_each_other_and_parents_exist() -> None:
    found = concepts()
    for concept in found.values():
        if concept.inverse:
            assert found[concept.inverse].inverse == concept.id, concept.id
            assert concept.kind == found[concept.inverse].kind == "metric"
        if concept.parent:
            assert concept.parent in found, concept.id


def test_a_term_belongs_to_one_concept_and_means_something() -> None:
    """Two concepts with a term of the same stems would be matched at random; a one-word
    term whose stem is a light word ("rating" → "rate") would fire on every KR."""
    with CONCEPTS.open("rb") as file:
        entries = tomllib.load(file)["concept"]
    owners: dict[tuple[str, tuple[str, ...]], str] = {}
    for entry in entries:
        for language in ("fr", "en"):
            light = word_lists(language).light
            for term in [*entry.get(language, []), *entry.get("any", [])]:
                key = term_stems(term, language)
                assert key, f"{term!r} ({language}) has no meaningful word"
                assert not (len(key) == 1 and key[0] in light), f"{term!r} ({language})"
                owner = owners.setdefault((language, key), entry["id"])
                assert owner == entry["id"], f"{term!r}: {owner} and {entry['id']}"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Réduire l'attrition mensuelle", "fr", {"churn"}),
        ("Cut monthly churn", "en", {"churn"}),
        ("Doubler le chiffre d'affaires récurrent", "fr", {"revenue"}),
        ("Grow recurring revenue", "en", {"revenue"}),
        ("Recruter des vendeurs professionnels par le parrainage", "fr",
         {"pro_sellers", "referral"}),
        ("Win small businesses through the Shopify App Store", "en", {"smb", "app_stores"}),
        ("Réduire le temps de réponse du modèle", "fr", {"latency", "ai_model"}),
    ],
)
def test_concepts_are_found_by_their_terms(text: str, language: str, expected: set) -> None:
    assert named(text, language) == expected


def test_the_longest_term_wins_and_a_term_inside_it_of_another_kind_is_kept() -> None:
    found = named("Cut customer support response time", "en")
    assert "support_response" in found and "latency" not in found
    assert "support_tool" in found


# --- matching -----------------------------------------------------------------------------


def similar(a: str, b: str, language: str) -> bool:
    return match(profile(a, language), profile(b, language)).matches


def test_synonyms_match() -> None:
    assert similar("Réduire le churn des clients payants", "Diminuer l'attrition mensuelle", "fr")
    assert similar("Grow ARR to $2M", "Double our recurring revenue", "en")


def test_a_metric_and_its_inverse_match() -> None:
    found = match(profile("Réduire l'attrition des PME", "fr"),
                  profile("Augmenter la rétention des PME", "fr"))
    assert found.matches
    assert [s.label("fr") for s in found.shared if s.kind == "metric"] == [
        "attrition / rétention"
    ]


def test_same_words_about_another_thing_do_not_match() -> None:
    assert not similar("Réduire de 20 % le temps de mise en ligne d'un objet",
                       "Réduire de 20 % le temps d'entraînement du modèle", "fr")
    assert not similar("Cut customer support response time",
                       "Cut API response time for the generation endpoint", "en")
    assert not similar("Raise the share of sellers who list a second item",
                       "Raise the share of buyers who make a second purchase", "en")


def test_the_two_languages_meet_through_concepts() -> None:
    french = profile("Réduire de 20 % le temps de mise en ligne d'un objet", "fr")
    assert match(french, profile("Reduce the time to publish an item by 20%", "en")).matches
    assert not match(profile("Porter le NPS de 25 à 45", "fr"),
                     profile("Cut GPU costs by 40%", "en")).matches


def test_score_is_symmetric_enough_deterministic_and_bounded() -> None:
    a = profile("Doubler les ventes via les revendeurs", "fr")
    b = profile("Doubler les ventes via la publicité en ligne", "fr")
    first = match(a, b)
    assert first == match(a, b)
    assert 0 <= first.score <= 1
    assert match(a, b).matches == match(b, a).matches
    assert match(a, a).score == 1.0


def test_empty_or_stop_word_texts_match_nothing() -> None:
    assert match(profile("", "fr"), profile("de la", "fr")).score == 0
    assert not match(profile("the", "en"), profile("Grow revenue", "en")).matches


# --- direction ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Réduire de 20 % le temps de mise en ligne", "fr", "down"),
        ("Faire passer le NPS de 25 à 45", "fr", "up"),
        ("Porter le churn de 5 % à 3 %", "fr", "down"),
        ("Ramener sous 2 % le taux d'erreur", "fr", "down"),
        ("Améliorer la latence du modèle", "fr", "better"),
        ("Doubler les inscriptions", "fr", "up"),
        ("Cut monthly churn from 5% to 3%", "en", "down"),
        ("Grow ARR from $1.2M to $2M", "en", "up"),
        ("Bring NPS from a score of 20 to 40", "en", "up"),  # the coach's reach: 4 past "from"
        ("Faire passer les inscrits de 1.200.000 à 2.500.000", "fr", "up"),
        ("Cap free-tier requests at 20,000 a month", "en", "down"),
        ("Get half of new users to activate", "en", None),
        ("Reach 40 NPS", "en", None),
    ],
)
def test_direction(text: str, language: str, expected: str | None) -> None:
    assert profile(text, language).direction == expected


def test_opposite_directions_on_one_metric() -> None:
    up = profile("Augmenter de 50 000 à 150 000 les requêtes mensuelles de l'offre gratuite", "fr")
    down = profile("Ramener à 20 000 par mois les requêtes servies gratuitement", "fr")
    found = opposition(up, down)
    assert found is not None
    assert (found.label("fr"), found.label("en"), found.a, found.b) == (
        "requêtes", "requests", "up", "down")


def test_the_same_way_on_a_metric_and_its_inverse_is_not_opposed() -> None:
    churn = profile("Réduire de 5 % à 3 % l'attrition", "fr")
    retention = profile("Augmenter la rétention à 12 mois", "fr")
    assert opposition(churn, retention) is None
    worse = profile("Réduire la rétention", "fr")
    assert opposition(churn, worse) is not None


def test_improve_reads_as_the_better_way_for_its_metric() -> None:
    improve = profile("Améliorer la latence du modèle", "fr")
    assert opposition(improve, profile("Réduire la latence", "fr")) is None
    assert opposition(improve, profile("Augmenter la latence", "fr")) is not None


def test_given_directions_win_over_the_wording() -> None:
    a = profile("Porter le NPS à 45", "fr")
    b = profile("Porter le NPS à 30", "fr")
    assert opposition(a, b) is None
    assert opposition(a, b, direction_a="up", direction_b="down") is not None


def test_no_opposition_without_directions_or_in_common() -> None:
    assert opposition(profile("Porter le NPS à 45", "fr"),
                      profile("Réduire le coût GPU", "fr")) is None


# --- speed --------------------------------------------------------------------------------


def test_a_comparison_takes_well_under_a_few_milliseconds() -> None:
    texts = [f"Réduire de {n} % l'attrition des PME venues par le parrainage" for n in range(200)]
    profile.cache_clear()
    start = time.perf_counter()
    profiles = [profile(text, "fr") for text in texts]
    for a, b in zip(profiles, profiles[1:], strict=False):
        match(a, b)
    per_comparison = (time.perf_counter() - start) * 1000 / len(texts)
    assert per_comparison < 5, f"{per_comparison:.2f} ms"
