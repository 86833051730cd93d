"""What the room's pages must never do, in Chromium: need JavaScript to write an idea, reach
anything but the facilitator's machine, or run a participant's text."""

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from okrtui.i18n import catalog
from tests.browser.conftest import Visitors
from tests.browser.people import join, write
from tests.browser.served import Served

pytestmark = pytest.mark.browser

HOSTILE = "<script>alert(1)</script> [b]x[/b] {{x}}"
HOSTILE_NAME = "<img src=x onerror=alert(2)>"


def test_without_javascript_a_participant_joins_and_writes_through_plain_forms(
        serve: Callable[..., Served], visitors: Visitors) -> None:
    served = serve(language="fr")
    tr = catalog("fr")
    page = visitors.page("phone", javascript=False)
    page.goto(served.join_url)
    page.get_by_label(tr("room.name_label")).fill("Ana")
    with page.expect_navigation():
        page.get_by_role("button", name=tr("room.join")).click()
    assert page.url == served.join_url
    expect(page.get_by_text(tr("room.joined_as", name="Ana"))).to_be_visible()
    page.get_by_label(tr("room.write_label")).fill("Réduire les délais de mise en route")
    with page.expect_navigation():
        page.get_by_role("button", name=tr("room.send")).click()
    assert page.url == f"{served.join_url}?note=sent"
    expect(page.locator("#note")).to_have_text(tr("room.sent"))
    expect(page.locator("#live li")).to_have_text(["Réduire les délais de mise en route"])
    visitors.shoot(page, "sent")

    ideas = served.call(lambda: [(i.text, served.room.session.participant_name(i.author or ""),
                                  i.hidden) for i in served.room.team.ideas])
    assert ideas == [("Réduire les délais de mise en route", "Ana", True)]
    assert not any(url.endswith("/events") for url in visitors.requests)


def test_every_request_of_both_pages_goes_to_127_0_0_1(serve: Callable[..., Served],
                                                      visitors: Visitors) -> None:
    served = serve(dots=1)
    tr = catalog("en")
    board = visitors.page("desktop")
    board.goto(served.board_url)
    page = visitors.page("phone")
    join(page, served, tr, "Ana")
    write(page, tr, "Shorter onboarding")
    served.reveal()
    served.phase("converge")
    page.get_by_role("button", name=tr("room.add_dot")).click()
    expect(board.locator("#live")).to_contain_text(tr("room.voted", count=1, total=1))
    paths = {url.split("/", 3)[3].split("/", 2)[0] for url in visitors.requests}
    assert {"j", "b"} <= paths, visitors.requests
    assert any(url.endswith("/events") for url in visitors.requests)
    assert visitors.hosts() == {"127.0.0.1"}, visitors.requests


def test_hostile_text_shows_as_text_on_the_participant_page_and_the_board(
        serve: Callable[..., Served], visitors: Visitors) -> None:
    served = serve()
    tr = catalog("en")
    board = visitors.page("desktop")
    board.goto(served.board_url)
    page = visitors.page("phone")
    join(page, served, tr, HOSTILE_NAME)
    write(page, tr, HOSTILE)
    expect(page.locator("#live li")).to_have_text([HOSTILE])
    served.reveal()
    expect(board.locator("#live li")).to_have_text([HOSTILE])
    served.phase("converge")
    expect(page.locator(".ballot .idea")).to_have_text([HOSTILE])
    served.commit(HOSTILE, [HOSTILE])
    served.phase("formalize")
    expect(board.locator(".objectives > li")).to_contain_text(HOSTILE)
    expect(board.locator(".objectives li li")).to_have_text([HOSTILE])
    visitors.shoot(page, "ballot")
    visitors.shoot(board, "board")
    for shown in (page, board):
        assert shown.locator("script").count() == 1  # the page's own, nothing more
        assert shown.locator("img, b").count() == 0
    assert visitors.dialogs == []
    assert visitors.hosts() == {"127.0.0.1"}
