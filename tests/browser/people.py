"""What a participant does on their page, as a person would: by labels and buttons."""

from playwright.sync_api import Page, expect

from okrtui.i18n import Catalog
from tests.browser.served import Served


def join(page: Page, served: Served, tr: Catalog, name: str) -> None:
    page.goto(served.join_url)
    page.get_by_label(tr("room.name_label")).fill(name)
    page.get_by_role("button", name=tr("room.join")).click()
    expect(page.get_by_text(tr("room.joined_as", name=name))).to_be_visible()


def join_anonymously(page: Page, served: Served, tr: Catalog) -> None:
    page.goto(served.join_url)
    expect(page.get_by_text(tr("room.anonymous_join"))).to_be_visible()
    page.get_by_role("button", name=tr("room.join")).click()
    expect(page.get_by_label(tr("room.write_label"))).to_be_visible()


def write(page: Page, tr: Catalog, text: str, listed_in: str = "#live") -> None:
    """Send an idea; it shows in the list of one's own ideas (#mine when anonymous: the
    server keeps no link from a person to an idea, the page lists what it sent)."""
    field = page.get_by_label(tr("room.write_label"))
    field.fill(text)
    page.get_by_role("button", name=tr("room.send")).click()
    expect(page.locator(f"{listed_in} li", has_text=text)).to_be_visible()
    expect(page.locator("#note")).to_have_text(tr("room.sent"))
    expect(page.locator("#note")).to_have_class("note ok")
    expect(page.get_by_label(tr("room.write_label"))).to_have_value("")


def vote(page: Page, tr: Catalog, idea: str, dots: int) -> None:
    """Give dots to an idea, one click each, waiting for the page to count it."""
    row = page.locator(".ballot li", has_text=idea)
    for given in range(1, dots + 1):
        row.get_by_role("button", name=tr("room.add_dot")).click()
        expect(row).to_contain_text(tr("room.my_dots", count=given))


def mark_loaded(page: Page) -> None:
    """A mark that a reload would wipe: the page must keep it while it follows the room."""
    page.evaluate("window.stayed = true")


def still_loaded(page: Page) -> bool:
    return bool(page.evaluate("window.stayed === true"))
