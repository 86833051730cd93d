"""A participant whose connection drops (okrtui killed and restarted, the Wi-Fi gone a
moment) loses nothing acknowledged, and the open page picks up by itself."""

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from okrtui.i18n import catalog
from tests.browser.conftest import Visitors
from tests.browser.people import join, mark_loaded, still_loaded, write
from tests.browser.served import Served

pytestmark = pytest.mark.browser

DROPPED = ("ERR_CONNECTION_REFUSED", "ERR_INCOMPLETE_CHUNKED_ENCODING", "ERR_EMPTY_RESPONSE",
           "ERR_CONNECTION_RESET")
"""What Chromium logs while the server is away: expected here, and only here."""


def test_an_open_page_reconnects_by_itself_when_the_server_comes_back(
        serve: Callable[..., Served], visitors: Visitors) -> None:
    served = serve(language="en")
    tr = catalog("en")
    page = visitors.page("phone")
    join(page, served, tr, "Ana")
    write(page, tr, "Sell in bookshops")
    mark_loaded(page)

    served.restart()
    served.reveal()
    served.phase("converge")

    row = page.locator(".ballot li", has_text="Sell in bookshops")
    expect(row).to_be_visible(timeout=15_000)  # the browser retries within a few seconds
    assert still_loaded(page), "the page was reloaded instead of reconnecting"
    row.get_by_role("button", name=tr("room.add_dot")).click()
    expect(row).to_contain_text(tr("room.my_dots", count=1))  # the cookie still says who
    assert [i.text for i in served.document.team.ideas] == ["Sell in bookshops"]
    visitors.errors = [e for e in visitors.errors if not any(d in e for d in DROPPED)]
