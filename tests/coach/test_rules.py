"""The coach on phrasing that real teams write: each case names the exact rules it raises."""

import pytest

from okrtui import workshop
from okrtui.coach import coach, guess_language
from okrtui.coach.lexicon import lexicon
from okrtui.coach.rules import baseline_and_target, tokenise
from okrtui.findings import session_findings, wording_findings
from okrtui.i18n import catalog
from okrtui.rule_ids import RULE_IDS

CASES = [
    # French objectives
    ("objective", "fr", "Permettre à nos utilisateurs prioritaires une autonomie totale dans "
                        "la publication de leurs objets", []),
    ("objective", "fr", "Acquérir de nouveaux utilisateurs", ["objective.vague"]),
    ("objective", "fr", "Acquérir des vendeurs professionnels par le parrainage", []),
    ("objective", "fr", "S'assurer que nos clients B2B réussissent leur première facture", []),
    ("objective", "fr", "Croissance du trafic mobile", ["objective.form"]),
    ("objective", "fr", "Doubler le nombre de vendeurs actifs", ["objective.has_number"]),
    # English objectives
    ("objective", "en", "Acquire new users", ["objective.vague"]),
    ("objective", "en", "Grow revenue", ["objective.vague"]),
    ("objective", "en", "Delight first-time sellers on mobile", []),
    ("objective", "en", "Our customers love us", ["objective.form", "objective.vague"]),
    # French key results
    ("kr", "fr", "Réduire de 20 % le temps de mise en ligne d'un objet", ["kr.no_baseline"]),
    ("kr", "fr", "Faire passer le NPS de 30 à 45", []),
    ("kr", "fr", "Être numéro 1 sur notre marché", ["kr.weak_verb", "kr.no_baseline"]),
    ("kr", "fr", "Maintenir la disponibilité à 99,9 %", ["kr.is_kpi", "kr.no_baseline"]),
    ("kr", "fr", "Ne pas dépasser 2 % de churn mensuel", ["kr.is_kpi", "kr.no_baseline"]),
    ("kr", "fr", "Mettre en place un tableau de bord", [
        "kr.no_number", "kr.is_task", "kr.no_baseline"]),
    ("kr", "fr", "Organiser 4 ateliers clients", ["kr.is_task", "kr.no_baseline"]),
    ("kr", "fr", "Lancer l'offre pro et atteindre 500 clients payants", ["kr.no_baseline"]),
    ("kr", "fr", "Diviser par deux le délai de réponse du support", ["kr.no_baseline"]),
    # English key results
    ("kr", "en", "Maintain uptime at 99.9%", ["kr.is_kpi", "kr.no_baseline"]),
    ("kr", "en", "Increase NPS from 30 to 45", []),
    ("kr", "en", "Launch the new onboarding", ["kr.no_number", "kr.is_task", "kr.no_baseline"]),
    ("kr", "en", "Launch the referral program and reach 2,000 referred sign-ups",
     ["kr.no_baseline"]),
    ("kr", "en", "Churn below 2%", ["kr.weak_verb", "kr.no_baseline"]),
    ("kr", "en", "Have 1,200 paying customers", ["kr.weak_verb", "kr.no_baseline"]),
    ("kr", "en", "Grow MRR 3x", ["kr.no_baseline"]),
    ("kr", "en", "Reach €2M ARR", ["kr.no_baseline"]),
    ("kr", "en", "Cut onboarding time in half", ["kr.no_baseline"]),
    ("kr", "en", "Hold churn at 2% a month", ["kr.is_kpi", "kr.no_baseline"]),
    ("kr", "en", "Hold 5 customer workshops", ["kr.is_task", "kr.no_baseline"]),
]


@pytest.mark.parametrize(("kind", "language", "text", "rules"), CASES,
                         ids=[case[2][:40] for case in CASES])
def test_the_coach_raises_exactly_these_rules(kind, language, text, rules) -> None:
    assert coach(kind, text, language) == rules


@pytest.mark.parametrize(
    ("language", "text", "numbers"),
    [
        ("fr", "Passer de 1 200 à 800 ms", (1200.0, 800.0)),
        ("fr", "Faire passer les inscrits de 1.200.000 à 2.500.000", (1200000.0, 2500000.0)),
        ("en", "from 12 to 9.5 minutes", (12.0, 9.5)),
        ("en", "Raise activation from a baseline of 40% to 60%", (40.0, 60.0)),
        ("en", "Triple sign-ups from x2 to x6", (2.0, 6.0)),
        ("fr", "Réduire de 20 % le délai", None),
    ],
)
def test_baseline_and_target_are_the_numbers_of_from_x_to_y(
    language: str, text: str, numbers: tuple[float, float] | None
) -> None:
    assert baseline_and_target(tokenise(text), lexicon(language)) == numbers
    assert ("kr.no_baseline" not in coach("kr", text, language)) == (numbers is not None)


def test_a_known_baseline_answers_no_baseline() -> None:
    text = "Réduire de 20 % le temps de mise en ligne d'un objet"
    assert coach("kr", text, "fr", baseline_known=True) == []


def test_a_long_wording_is_flagged() -> None:
    text = " ".join(["Réduire"] + ["vraiment"] * 30 + ["de 20 %"])
    assert "text.too_long" in coach("kr", text, "fr")
    assert "text.too_long" in coach("action", text, "fr")


def test_every_rule_has_words_in_both_languages() -> None:
    for language in ("fr", "en"):
        tr = catalog(language)
        for rule in RULE_IDS:
            assert f"rule.{rule}.message" in tr and f"rule.{rule}.suggestion" in tr


def test_findings_speak_the_session_language() -> None:
    [fr] = wording_findings(catalog("fr"), "objective", "Acquérir de nouveaux utilisateurs")
    [en] = wording_findings(catalog("en"), "objective", "Acquire new users")
    assert fr.rule == en.rule == "objective.vague"
    assert fr.message != en.message and "vague" in fr.message.lower()


def test_the_language_is_guessed_from_accents_and_small_words() -> None:
    assert guess_language("Réduire le délai de publication d'un objet") == "fr"
    assert guess_language("Reduce the time to publish an item") == "en"


def test_a_silenced_finding_is_kept_apart_with_its_reason() -> None:
    session = workshop.new_session("Atelier", "fr", team="Produit")
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, "Acquérir de nouveaux utilisateurs")
    workshop.silence(objective, "objective.vague", "Le segment est dans les décisions")
    tr = catalog("fr")
    assert "objective.vague" not in [f.rule for f in session_findings(session, tr)]
    kept = [f for f in session_findings(session, tr, silenced=True) if f.rule == "objective.vague"]
    assert kept[0].silenced_because == "Le segment est dans les décisions"
    workshop.unsilence(objective, "objective.vague")
    assert "objective.vague" in [f.rule for f in session_findings(session, tr)]


@pytest.mark.parametrize("text", ["!!!", "…", "(vs)", "—"])
def test_a_key_result_with_no_word_is_read_as_having_no_verb(text: str) -> None:
    for language in ("fr", "en"):
        assert "kr.weak_verb" in coach("kr", text, language)


def test_a_statement_is_judged_by_its_own_verb() -> None:
    assert "kr.form" in coach("kr", "Les ventes augmentent de 15 %", "fr")
    assert "kr.form" in coach("kr", "Signups increase by 25%", "en")
    assert "kr.weak_verb" in coach("kr", "Le taux de churn est de 3 %", "fr")
    assert "kr.weak_verb" in coach("kr", "Reduced churn for support chats by 15%", "en")
