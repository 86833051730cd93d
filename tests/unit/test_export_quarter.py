"""The Markdown export a quarter after the workshop: where each key result stands, the
objectives' kind and grade, what the decisions became, what was learned, the "not doing"
list; a session without any of it exports as before."""

from pathlib import Path

from okrtui.export import to_markdown
from okrtui.i18n import catalog
from okrtui.storage import load_session

from .quarter_session import EXAMPLE, HOSTILE, hostile, quarter_session
from .test_export import rendered


def test_each_key_result_says_where_it_stands(tmp_path: Path) -> None:
    text = to_markdown(quarter_session(tmp_path), catalog("fr"))
    assert ("1. Réduire de 20 % le temps de mise en ligne d'un objet (de 12 à 9,6 minutes)\n"
            "   - dernier point d’étape\u00a0: 10,2 minutes le 2027-03-07 · "
            "progression 75\u202f% · à risque (confiance 6/10) · note 0,75\n") in text
    assert ("   - dernier point d’étape\u00a0: 48\u202f% le 2027-02-07 · progression inconnue"
            "\u00a0: mesurez d’abord le point de départ · à risque (confiance 6/10) · "
            "note 0,54\n") in text
    assert "   - pas encore de point d’étape · note 0,2\n" in text
    assert "progression 112\u202f% · en bonne voie (confiance 9/10) · note 1\n" in text


def test_objectives_decisions_learning_and_not_doing(tmp_path: Path) -> None:
    text = to_markdown(quarter_session(tmp_path), catalog("fr"))
    assert "*Objectif engagé · note 0,55 — non réussi*" in text
    assert "*Objectif aspirationnel (0,7 est un succès) · note 0,43 — non réussi*" in text
    assert ("- Segment : les vendeurs professionnels qui publient plus de 10 objets par mois — "
            "**gardée**\u00a0: 80 % des fiches publiées viennent de ce segment\n") in text
    assert "pas de publicité payante ce trimestre — **abandonnée**\n" in text
    assert ("**Ce que nous avons appris**\n\n> La photo suffit pour les vêtements, pas pour "
            "les meubles.  \n> Mesurer avant de construire nous a fait gagner un mois.") in text
    assert ("## Ce que nous ne faisons pas\n\n- Appeler chaque nouveau vendeur *(résultat clé "
            "mis de côté)* — toujours juste de ne pas le faire — Trop cher pour ce trimestre\n"
            "- Payer des influenceurs pour recruter des vendeurs *(idée au parking)* — toujours "
            "juste de ne pas le faire\n") in text
    assert "## Parking" not in text and "## Mis de côté" not in text
    assert ("- **Les vendeurs professionnels d'abord** — Ils publient le plus — **gardée**"
            "\u00a0: Deux tiers des nouvelles fiches\n- **Pas de publicité payante ce trimestre**"
            "\n") in text


def test_english(tmp_path: Path) -> None:
    text = to_markdown(quarter_session(tmp_path), catalog("en"))
    assert ("   - latest check-in: 10.2 minutes on 2027-03-07 · progress 75% · at risk "
            "(confidence 6/10) · grade 0.75\n") in text
    assert "*Aspirational objective (0.7 is a success) · grade 0.43 — missed*" in text
    assert "## Not doing" in text and "**What we learned**" in text


def test_user_text_stays_literal(tmp_path: Path) -> None:
    text = rendered(to_markdown(hostile(quarter_session(tmp_path)), catalog("fr")))
    shown = "<script>alert(1)</script> [/] &amp; \"quoted\" 'single'"
    assert HOSTILE.startswith(shown)
    for where in ("Appris", "min", "Preuve", "Parking", "Décision"):
        assert f"{where} {shown}" in text, where


def test_a_session_without_the_quarter_exports_as_before() -> None:
    text = to_markdown(load_session(EXAMPLE), catalog("fr"))
    for word in ("point d’étape", "progression", "Objectif engagé", "Ce que nous ne faisons pas",
                 "Ce que nous avons appris"):
        assert word not in text
    assert ("1. Réduire de 20 % le temps de mise en ligne d'un objet (de 12 à 9,6 minutes)\n"
            "2.") in text
