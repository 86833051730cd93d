"""The exported HTML page opened from disk in headless Chromium, on a phone and a laptop:
nothing loaded but the file, no script run, no error, nothing wider than the screen, and a
print view that keeps its colours and does not cut an objective. The screenshots land in
the test's tmp_path (and OKRTUI_SHOTS)."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from okrtui.html_export import to_html
from okrtui.i18n import catalog
from tests.browser.conftest import Visitors
from tests.unit.quarter_session import hostile, quarter_session

WIDER_THAN_THE_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName + "." + (e.className.baseVal ?? e.className));
  return [document.documentElement.scrollWidth - width, wide];
}"""


@pytest.fixture
def people(browser: Browser, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Visitors]:
    visitors = Visitors(browser, tmp_path, request.node.name.replace("[", "-").replace("]", ""))
    yield visitors
    visitors.close()
    assert visitors.dialogs == []
    assert visitors.errors == []


def exported(folder: Path, language: str) -> Path:
    page = folder / f"okr-{language}.html"
    page.write_text(to_html(hostile(quarter_session(folder)), catalog(language)),
                    encoding="utf-8")
    return page


def opened(people: Visitors, profile: str, path: Path) -> Page:
    page = people.page(profile)
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize(("profile", "language"),
                         [("phone", "fr"), ("desktop", "fr"), ("phone", "en")])
def test_the_page_fits_the_screen_and_loads_nothing(people: Visitors, tmp_path: Path,
                                                    profile: str, language: str) -> None:
    path = exported(tmp_path, language)
    page = opened(people, profile, path)
    assert people.requests == [path.as_uri()]
    assert page.evaluate("document.scripts.length") == 0
    assert page.title().startswith("Titre <script>alert(1)</script>")
    overflow, wide = page.evaluate(WIDER_THAN_THE_SCREEN)
    assert (overflow, wide) == (0, [])
    assert page.locator("article.objective").count() == 3
    assert page.locator("svg.chart").count() == 2
    bar = page.locator("svg.bar").first.bounding_box()
    assert bar is not None and bar["width"] > 150 and bar["height"] > 8
    red = page.locator(".state.off_track").first
    assert red.evaluate("e => getComputedStyle(e).color") == "rgb(207, 34, 46)"
    people.shoot(page, "page")


def test_print_keeps_colours_and_objectives_whole(people: Visitors, tmp_path: Path) -> None:
    page = opened(people, "desktop", exported(tmp_path, "fr"))
    page.emulate_media(media="print")
    assert page.evaluate("matchMedia('print').matches")
    objective = page.locator("article.objective").first
    assert objective.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert page.evaluate("getComputedStyle(document.body).printColorAdjust") == "exact"
    fill = page.locator("rect.fill.off_track").first
    assert fill.evaluate("e => getComputedStyle(e).fill") == "rgb(207, 34, 46)"
    pdf = page.pdf(path=str(tmp_path / "okr.pdf"), format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) > 2
    people.shoot(page, "print")
