"""The company report's HTML page in Chromium, opened from disk as a leader would open an
attachment, on a phone (390×844) and a laptop (1280×800): it asks for nothing, runs nothing,
reports no error, never scrolls sideways, and shows the key results off track first."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from okrtui.cli import main
from tests.browser.conftest import DESKTOP, PHONE
from tests.unit.report_support import HOSTILE, data_team, growth_team, write_team

pytestmark = pytest.mark.browser


@pytest.fixture
def page_of(browser: Browser, tmp_path: Path) -> Iterator[tuple[Path, list[str], list[str]]]:
    """(the report written by `okrtui report --to html`, requests made, errors logged)."""
    files = [write_team(tmp_path, growth_team(), "growth.toml"),
             write_team(tmp_path, data_team(text=HOSTILE), "data.toml")]
    long = "https://wiki.example/okr/" + "PlateformePaiement" * 8  # no place to break
    files.append(write_team(tmp_path, data_team(long, text=long), "long.toml"))
    for number in range(4, 9):  # enough teams for a theme to list many names
        files.append(write_team(tmp_path, data_team(f"Team {number} with a long name",
                                                    text=f"Team {number}"),
                                f"team-{number}.toml"))
    output = tmp_path / "report.html"
    assert main(["report", *map(str, files), "--to", "html", "-o", str(output),
                 "--lang", "en"]) == 0
    requests: list[str] = []
    errors: list[str] = []
    yield output, requests, errors
    assert errors == []


def open_page(browser: Browser, profile: dict[str, object], path: Path, requests: list[str],
              errors: list[str]) -> Page:
    context = browser.new_context(**profile)  # type: ignore[arg-type]
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.goto(path.as_uri())
    return page


def shoot(page: Page, path: Path) -> None:
    """A full-page screenshot (copied to OKRTUI_SHOTS if set, to look at)."""
    page.screenshot(path=str(path), full_page=True)
    copies = os.environ.get("OKRTUI_SHOTS")
    if copies:
        Path(copies).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(copies) / path.name)


@pytest.mark.parametrize("profile", ["phone", "desktop"])
def test_the_report_in_a_browser(profile: str, browser: Browser, tmp_path: Path,
                                 page_of: tuple[Path, list[str], list[str]]) -> None:
    path, requests, errors = page_of
    page = open_page(browser, PHONE if profile == "phone" else DESKTOP, path, requests,
                     errors)
    expect(page.locator("h1")).to_have_text("OKR report")
    first = page.locator("#off-track li").first
    expect(first).to_contain_text(HOSTILE)  # shown as text: the lowest confidence first
    expect(first).to_contain_text("confidence 1/10, off track")
    assert page.locator("script").count() == 0
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways
    assert page.evaluate("window.innerWidth") == width  # a phone did not zoom out to fit
    bars = page.locator("svg.bar")
    assert bars.count() > 10
    box = bars.first.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 0
    expect(page.locator("table tbody tr")).to_have_count(8)
    expect(page.locator(".badge.off_track").first).to_have_css("color", "rgb(207, 34, 46)")
    shoot(page, tmp_path / f"report-{profile}.png")
    if profile == "desktop":
        page.emulate_media(media="print")
        shoot(page, tmp_path / "report-print.png")
        page.pdf(path=str(tmp_path / "report.pdf"))
    assert requests == [path.as_uri()]
    page.context.close()
