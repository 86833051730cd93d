"""The Markdown summary a team pastes into its wiki."""

from datetime import date
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from okrtui import workshop
from okrtui.export import kr_measure, to_markdown
from okrtui.i18n import Catalog, catalog
from okrtui.models import Session
from okrtui.storage import load_session

from .conftest import SESSIONS, rich_session


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered(markdown: str) -> str:
    """What a reader sees once the Markdown is rendered (GitHub-like), spaces collapsed."""
    page = MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(markdown)
    parser = _Text()
    parser.feed(page)
    return " ".join("".join(parser.parts).split())


def english_session() -> Session:
    session = workshop.new_session(
        "Self-serve onboarding", "en", period="2027-Q2", team="Growth",
        participants=["Priya Raman", "Daniel Okafor"],
    )
    team = session.teams[0]
    kept = workshop.add_idea(session, team, "ambition", "Let firms set up alone", "p1")
    workshop.add_idea(session, team, "ambition", "Acquire new users", "p2")
    workshop.add_idea(session, team, "tactic", "Offer a discount", None)
    workshop.add_idea(session, team, "execution", "Rewrite settings", "p2")
    objective = workshop.commit_objective(
        session, team, "Enable small firms to onboard without a call", kept
    )
    objective.decisions = ["Segment: firms with 2 to 10 staff", "Platform: web only"]
    k1 = workshop.add_key_result(session, objective, "Reduce time to first invoice", 12, 9.5,
                                 "days")
    k2 = workshop.add_key_result(session, objective, "Raise trials finishing setup", None, 60)
    parked_kr = workshop.add_key_result(session, objective, "Double referrals")
    workshop.set_aside(parked_kr)
    tactic = workshop.add_tactic(session, objective, "Setup checklist in the app", [k2.id])
    workshop.add_action(session, tactic, "Interview 5 firms", owner="p2",
                        due=date(2027, 4, 12), first_step="List trial firms")
    workshop.add_tactic(session, objective, "Import from accounting tools", [k1.id, k2.id])
    parked = workshop.commit_objective(session, team, "Build a mobile app")
    workshop.set_aside(parked)
    return session


@pytest.fixture
def english() -> str:
    return to_markdown(english_session(), catalog("en"))


def test_title_period_team_and_participants(english: str) -> None:
    assert english.startswith("# Self-serve onboarding\n")
    assert "2027-Q2" in english
    assert "Growth" in english
    assert "Priya Raman, Daniel Okafor" in english


def test_objectives_and_decisions(english: str) -> None:
    assert "## Objective 1 — Enable small firms to onboard without a call" in english
    assert "- Segment: firms with 2 to 10 staff" in english
    assert "- Platform: web only" in english
    assert "Objective 2" not in english  # the set-aside one is not committed


def test_key_results_with_baseline_target_and_unit(english: str) -> None:
    assert "1. Reduce time to first invoice (from 12 to 9.5 days)" in english
    assert "2. Raise trials finishing setup (to 60)" in english
    assert "3." not in english.split("## Set aside")[0].split("**Tactics**")[0]


def test_tactics_name_the_key_results_they_move(english: str) -> None:
    assert "- Setup checklist in the app — moves KR2" in english
    assert "- Import from accounting tools — moves KR1, KR2" in english


def test_actions_with_owner_due_and_first_step(english: str) -> None:
    line = next(line for line in english.splitlines() if "Interview 5 firms" in line)
    assert line.startswith("  - [ ] Interview 5 firms")
    assert "owner: Daniel Okafor" in line
    assert "due: 2027-04-12" in line
    assert "first step: List trial firms" in line


def test_set_aside_items_are_listed_apart(english: str) -> None:
    section = english.split("## Set aside", 1)[1].split("\n## ", 1)[0]
    assert "- Build a mobile app" in section
    assert "- Double referrals" in section


def test_uncommitted_ideas_by_level_with_authors(english: str) -> None:
    section = english.split("## Ideas not committed", 1)[1].split("\n## ", 1)[0]
    assert "### Ambition" in section and "### Tactic" in section and "### Execution" in section
    assert "- Acquire new users — Daniel Okafor" in section
    assert "- Offer a discount\n" in section
    assert "- Rewrite settings — Daniel Okafor" in section
    assert "Let firms set up alone" not in section  # promoted, so not waiting


def test_problems_are_listed_with_rule_text(english: str) -> None:
    section = english.split("## To fix", 1)[1]
    # k1 is moved by a tactic: nothing says no tactic aims at it
    assert "`objectives[0].key_results[0]`: No tactic aims" not in section
    assert "No tactic aims" not in section
    assert "This tactic has no action: until something is done" in section


def test_french_export_uses_french_words_and_numbers() -> None:
    text = to_markdown(rich_session(), catalog("fr"))
    assert "## Objectif 1 — Permettre à nos utilisateurs prioritaires une autonomie totale" in text
    assert "de 12 à 9 minutes" in text
    assert "de 0,35 à 0,2" in text
    assert "responsable\u00a0: Yusuf Öztürk" in text
    assert "échéance\u00a0: 2027-05-03" in text
    assert "premier pas\u00a0: Extraire les logs" in text
    assert "## Mis de côté" in text and "- Développer le canal partenaires" in text
    assert "- Augmenter le NPS" in text
    assert "## Idées non retenues" in text and "Acquérir de nouveaux utilisateurs" in text
    assert "Fiabiliser les données — نور" in text  # the second team's idea


def test_every_team_is_exported() -> None:
    text = to_markdown(rich_session(), catalog("fr"))
    assert "Produit & Tech" in text and "Data" in text


def test_the_multi_team_example_shows_the_teams_side_by_side_and_what_they_share() -> None:
    text = to_markdown(load_session(SESSIONS / "startup-ia.toml"), catalog("fr"))
    side = text.index("## Les équipes côte à côte")
    common = text.index("## Ce que nous avons en commun")
    first_team = text.index("## Équipe\u00a0: Data science")
    assert side < common < first_team < text.index("## Équipe\u00a0: Produit & Marketing")
    table = text[side:common].splitlines()
    assert table[2:4] == ["| Data science | Produit & Marketing |", "| --- | --- |"]
    assert table[4].startswith("| **Rendre les réponses de notre modèle fiables pour les "
                               "e-commerçants**<br>• Porter de 70 % à 90 %")
    assert "| **Faire adopter notre assistant par les e-commerçants Shopify**" in table[4]
    assert len([line for line in table if line.startswith("| **")]) == 3
    shared = text[common:first_team]
    assert "- **Indicateur\u00a0: taux d'acceptation**\n  - Data science — Porter de 70 %" in shared
    assert "- ⇄ **En sens contraire\u00a0: requêtes**" in shared
    shown = rendered(text)
    assert ("Produit & Marketing — Augmenter de 50 000 à 150 000 les requêtes mensuelles de "
            "l'offre gratuite") in shown


@pytest.mark.parametrize(
    ("baseline", "shown"),
    [(1250000.5, "1,250,000.5"), (2500000.0, "2,500,000"), (0.1234567, "0.1234567"),
     (1200000, "1,200,000"), (1e30, "1e30"), (1e-7, "1e-7")],
)
def test_numbers_are_shown_as_written(baseline: float, shown: str) -> None:
    session = workshop.new_session("Revenue", "en")
    objective = workshop.commit_objective(session, session.teams[0], "Grow revenue from SMBs")
    workshop.add_key_result(session, objective, "Raise revenue", baseline, None, "€")
    text = to_markdown(session, catalog("en"))
    assert f"(from {shown} €)" in text


def test_a_french_export_writes_numbers_the_french_way() -> None:
    session = workshop.new_session("Revenu", "fr")
    objective = workshop.commit_objective(session, session.teams[0], "Faire grandir le revenu")
    workshop.add_key_result(session, objective, "Augmenter le revenu", 1250000.5, 0.125, "€")
    text = to_markdown(session, catalog("fr"))
    assert "de 1\u202f250\u202f000,5 à 0,125 €" in text


LITERAL = [
    "[b]x[/]",
    "[@click=app.quit]x[/]",
    "*bold* and _italic_ and **strong**",
    "`code` here",
    "<script>alert(1)</script>",
    "a | b | c",
    "# not a heading",
    "back\\slash \\*",
    "[link](https://example.com)",
    "![img](x.png)",
    "~~struck~~",
    "- looks like a bullet",
    "+ looks like a bullet",
    "1. looks numbered",
    "R&amp;D &copy;",
]


@pytest.mark.parametrize("text", LITERAL)
def test_user_text_is_shown_literally(text: str, en: Catalog) -> None:
    session = workshop.new_session(text, "en", participants=[text])
    team = session.teams[0]
    objective = workshop.commit_objective(session, team, text)
    objective.decisions = [text]
    workshop.add_key_result(session, objective, text)
    workshop.add_idea(session, team, "tactic", text, "p1")
    shown = rendered(to_markdown(session, en))
    # title, participant, objective, decision, key result, idea and its author
    assert shown.count(text) >= 7, shown


def test_user_text_on_several_lines_stays_one_item(en: Catalog) -> None:
    session = workshop.new_session("T", "en")
    team = session.teams[0]
    workshop.add_idea(session, team, "ambition", "first line\n# second line\n- third", None)
    text = to_markdown(session, en)
    assert "- first line \\# second line - third" in text
    assert "first line # second line - third" in rendered(text)


def test_user_text_keeps_its_no_break_spaces(fr: Catalog) -> None:
    """« 20 % » and « Cible : » as a French user types them: the export used to turn the
    no-break spaces into plain ones, which a renderer may break a line at."""
    wording = "Réduire de 20\u202f% le churn\u00a0: cible 2\u202f000 clients"
    session = workshop.new_session("T", "fr")
    objective = workshop.commit_objective(session, session.teams[0], "Garder nos clients")
    workshop.add_key_result(session, objective, wording)
    assert wording in to_markdown(session, fr)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "from 35% to 60.5%"), ("fr", "de 35\u202f% à 60,5\u202f%")])
def test_a_percentage_goes_with_each_number_as_each_language_writes_it(
    language: str, expected: str,
) -> None:
    """English wrote "from 35 to 60.5 %" (a French space, the sign on the target only)."""
    session = workshop.new_session("Pct", language)
    objective = workshop.commit_objective(session, session.teams[0], "Make new shops succeed")
    kr = workshop.add_key_result(session, objective, "Raise the share of shops live in a week",
                                 35, 60.5, "%")
    assert kr_measure(kr, catalog(language)) == expected
