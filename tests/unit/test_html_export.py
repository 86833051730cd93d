"""The HTML page of a session: self-contained, every user string escaped, both languages."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from okrtui.html_export import to_html
from okrtui.html_page import escape
from okrtui.i18n import catalog
from okrtui.storage import load_session, save_session
from okrtui.svg import sparkline
from okrtui.text import clean_text

from .conftest import run_okrtui
from .quarter_session import EXAMPLE, HOSTILE, hostile, quarter_session

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "section",
                "article", "h1", "h2", "h3", "h4", "p", "span", "ul", "ol", "li", "strong",
                "time", "div", "svg", "rect", "line", "polyline", "circle", "text"}

INLINE = {"span", "strong", "time"}


class Page(HTMLParser):
    """The tags, attributes and visible text of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.texts: list[str] = []
        self._skip = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag not in INLINE:
            self.texts.append(" ")
        self._skip += tag == "head"

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag == "head"

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.texts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"[ \t\n]+", " ", "".join(self.texts)).strip()


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> str:
    return to_html(quarter_session(tmp_path_factory.mktemp("fr")), catalog("fr"))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> str:
    return to_html(quarter_session(tmp_path_factory.mktemp("en")), catalog("en"))


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> str:
    return to_html(hostile(quarter_session(tmp_path_factory.mktemp("h"))), catalog("fr"))


def test_a_whole_page_for_phones_that_loads_nothing(french: str) -> None:
    assert french.startswith("<!DOCTYPE html>\n<html lang=\"fr\">")
    assert '<meta charset="utf-8">' in french
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in french
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', french)
    assert policy is not None
    assert "default-src 'none'" in policy[1] and "script-src" not in policy[1]
    assert "style-src 'sha256-" in policy[1] and "unsafe-inline" not in policy[1]
    page = Page(french)
    assert set(page.tags) <= ALLOWED_TAGS
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert not [name for name, _ in page.attributes if name in {"src", "href", "srcset"}]
    loads = re.sub(r'xmlns="http://www\.w3\.org/2000/svg"', "", french)
    assert not re.search(r"https?:|//[a-z]|url\(|@import|<script|<link", loads, re.I)


def test_print_keeps_colours_and_objectives_whole(french: str) -> None:
    assert "print-color-adjust: exact" in french
    assert "@media print" in french
    assert re.search(r"\.objective \{[^}]*break-inside: avoid", french)


def test_the_tree_in_full_text(french: str) -> None:
    text = Page(french).text
    session = load_session(EXAMPLE)
    team = session.teams[0]
    assert text.startswith("Atelier OKR — Produit Période\u00a0: 2027-Q1")
    assert "Équipe Produit & Marketing" in text
    for objective in team.objectives:
        assert objective.text in text
        for decision in objective.decisions:
            assert decision in text
        for kr in objective.key_results:
            assert kr.text in text
        for tactic in objective.tactics:
            assert tactic.text in text
            for action in tactic.actions:
                assert action.text in text
    assert "responsable\u00a0: Julien Moreau\u202f; échéance\u00a0: 2027-01-15" in text


def test_each_key_result_says_where_it_stands_in_words(french: str) -> None:
    text = Page(french).text
    assert ("KR1 Réduire de 20 % le temps de mise en ligne d'un objet de 12 à 9,6 minutes "
            "à risque (confiance 6/10) progression 75\u202f% note 0,75 "
            "dernier point d’étape\u00a0: 10,2 minutes le 2027-03-07") in text
    assert "en difficulté (confiance 3/10) progression 36\u202f%" in text
    assert "en bonne voie (confiance 9/10) progression 112\u202f%" in text
    assert "progression inconnue\u00a0: mesurez d’abord le point de départ" in text
    assert "pas encore de point d’étape" in text
    assert "Commentaire du dernier point d’étape\u00a0: Le pré-remplissage ne couvre pas" in text
    assert 'class="state at_risk"' in french and 'class="fill off_track"' in french


def test_objectives_decisions_and_learning(french: str) -> None:
    text = Page(french).text
    assert "Objectif engagé · note 0,55 — non réussi" in text
    assert "Objectif aspirationnel (0,7 est un succès)" in text
    assert ("10 objets par mois gardée preuve\u00a0: 80 % des fiches publiées viennent de ce "
            "segment") in text
    assert "le trimestre suivant changée preuve" in text
    assert "pas de publicité payante ce trimestre abandonnée" in text
    assert ("Ce que nous avons appris La photo suffit pour les vêtements, pas pour les meubles. "
            "Mesurer avant") in text
    assert ("Journal des décisions Les vendeurs professionnels d'abord — Ils publient le plus "
            "gardée preuve\u00a0: Deux tiers des nouvelles fiches "
            "Pas de publicité payante ce trimestre pas encore revue") in text


def test_not_doing_and_the_dot_votes(french: str) -> None:
    text = Page(french).text
    assert ("Ce que nous ne faisons pas Appeler chaque nouveau vendeur (résultat clé mis de "
            "côté) — toujours juste de ne pas le faire — Trop cher pour ce trimestre") in text
    assert ("Réécrire toute l'application en natif (idée au parking) — à reconsidérer — "
            "Le web a pris du retard") in text
    charts = [ET.fromstring(svg) for svg in SVG.findall(french) if 'class="chart"' in svg]
    assert len(charts) == 2
    title = charts[0].findtext("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.startswith("Vote par gommettes, Ambition\u00a0: 1. Rendre")
    labels = [t.text for t in charts[1].iter("{http://www.w3.org/2000/svg}text")]
    assert " ".join(labels[:2]) == "1. Pré-remplir la fiche d'un objet à partir de sa photo"
    assert labels[2] == "4 gommettes"
    assert "=2. Raccourcir le formulaire de publication 2 gommettes" in " ".join(labels)


def test_every_svg_is_well_formed_and_titled(french: str) -> None:
    fragments = SVG.findall(french)
    assert len(fragments) > 10
    for fragment in fragments:
        svg = ET.fromstring(fragment)
        assert svg.findtext("{http://www.w3.org/2000/svg}title")
    trends = [ET.fromstring(s) for s in fragments if 'class="spark"' in s]
    assert trends[0].findtext("{http://www.w3.org/2000/svg}title") == (
        "Points d’étape\u00a0: 11,5 minutes le 2027-01-10\u202f; 10,8 minutes le 2027-02-07"
        "\u202f; 10,2 minutes le 2027-03-07")


def test_english(english: str) -> None:
    text = Page(english).text
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "Period: 2027-Q1" in text
    assert "at risk (confidence 6/10) progress 75% grade 0.75" in text
    assert "from 12 to 9.6 minutes" in text
    assert "progress unknown: measure the baseline first" in text
    assert "Committed objective · grade 0.55 — missed" in text
    assert "Not doing" in text and "What we learned" in text and "kept evidence: 80 %" in text
    assert "Dot vote ranking — Ambition" in text


def test_user_text_is_data(attacked: str) -> None:
    assert "<script" not in attacked.lower()
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", attacked)
    page = Page(attacked)
    assert set(page.tags) <= ALLOWED_TAGS
    shown = clean_text(HOSTILE)
    assert shown == "<script>alert(1)</script> [/] &amp; \"quoted\" 'single' "
    text = page.text
    for where in ("Titre", "T1", "Camille", "Équipe", "Objectif", "Appris", "KR", "Note",
                  "Tactique", "Pas", "Preuve", "Idée", "Parking", "Décision"):
        assert f"{where} {shown.strip()}" in text, where
    assert "&amp;amp;" in attacked
    titles = "".join(ET.fromstring(svg).findtext("{http://www.w3.org/2000/svg}title") or ""
                     for svg in SVG.findall(attacked))
    assert f"min {shown.strip()}" in titles and f"Idée {shown.strip()}" in titles
    labels = [text for svg in SVG.findall(attacked)
              for text in ET.fromstring(svg).itertext()]
    assert any("<script>alert(1)</script>" in label for label in labels)


def test_escape_removes_what_xml_refuses() -> None:
    assert escape("a\x07<b>\"c\" 'd' &e\ud800") == "a&lt;b&gt;&quot;c&quot; &#x27;d&#x27; &amp;e"
    svg = ET.fromstring(sparkline([1, 2], "\x1b<x> & y"))
    assert svg.findtext("{http://www.w3.org/2000/svg}title") == "<x> & y"


def test_a_session_without_the_quarter(tmp_path: Path) -> None:
    session = load_session(EXAMPLE)
    html = to_html(session, catalog("fr"))
    text = Page(html).text
    assert html.count('class="progress unknown-words">pas encore de point d’étape<') == 7
    assert "progression inconnue\u00a0: mesurez d’abord le point de départ" in text
    assert "Ce que nous ne faisons pas" not in text and "Classement du vote" not in text


def test_export_to_html_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(quarter_session(tmp_path), path)
    out = tmp_path / "page.html"
    result = run_okrtui(tmp_path, "export", path, "--to", "html", "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == to_html(load_session(path), catalog("fr"))
    again = run_okrtui(tmp_path, "export", path, "--to", "html", "--lang", "en")
    assert again.stdout.startswith('<!DOCTYPE html>\n<html lang="en">')
    refused = run_okrtui(tmp_path, "export", path, "--to", "html", "-o", out)
    assert refused.returncode != 0
