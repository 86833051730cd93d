"""The whole workshop end to end: the real facilitator app (Pilot) serving its room, and five
people in Chromium (Playwright's async API, in the app's own event loop) who join by name,
write in silence and vote with dots; the facilitator reveals, moves the phases, commits the
top idea and adds its key results by keys; the board follows live; the saved file holds
every idea with its author and every dot."""

import asyncio
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.async_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Locator,
    Page,
    async_playwright,
    expect,
)
from textual.pilot import Pilot

from okrtui.facilitation import peek_state
from okrtui.i18n import catalog
from okrtui.screens.app import OkrApp
from okrtui.screens.forms import KeyResultForm
from okrtui.screens.widgets.idea_list import IdeaList
from okrtui.storage import load_session, save_session
from okrtui.workshop import new_session
from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS, chromium
from tests.ui.rendered import screen_text

pytestmark = pytest.mark.browser

NAMES = ["Ana", "Bruno", "Chloe", "Dalia", "Etienne"]
IDEAS = [
    ["A guided first-run tour", "Project templates"],
    ["Invite from the editor", "A live demo every week"],
    ["Short video tutorials", "An account health score"],
    ["A 30-day trial without a card", "Help in context"],
    ["Import from a spreadsheet", "A community forum"],
]
TOP = IDEAS[1][0]
KEY_RESULTS = [
    "Raise the share of new accounts that invite a teammate within seven days of signing "
    "up from 35% to 60%",
    "Cut the median time from sign-up to the first published project from 9 days to 3",
]
WHOLE_TEST_SECONDS = 150
tr = catalog("en")
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("OKRTUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OKRTUI_NO_CARDS", "1")
    monkeypatch.chdir(tmp_path)
    yield tmp_path


class Watched:
    """Every request, dialog and console error of the pages, and their screenshots."""

    def __init__(self, browser: Browser, shots: Path) -> None:
        self.browser = browser
        self.shots = shots
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    async def page(self, profile: dict[str, Any]) -> Page:
        context = await self.browser.new_context(**profile)
        context.set_default_timeout(TIMEOUT_MS)
        context.on("request", lambda request: self.requests.append(request.url))
        page = await context.new_page()
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    async def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        await dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    async def shoot(self, page: Page, name: str) -> Path:
        path = self.shots / f"room-with-the-app-{name}.png"
        await page.screenshot(path=str(path), full_page=True)
        return self._copied(path)

    def shoot_terminal(self, app: OkrApp, name: str) -> Path:
        """The facilitator's terminal as SVG."""
        path = self.shots / f"room-with-the-app-{name}.svg"
        app.save_screenshot(path.name, str(self.shots))
        return self._copied(path)

    @staticmethod
    def _copied(path: Path) -> Path:
        copies = os.environ.get("OKRTUI_SHOTS")
        if copies:
            Path(copies).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(copies) / path.name)
        return path

    def check(self) -> None:
        assert self.requests
        assert {urlsplit(url).hostname for url in self.requests} == {"127.0.0.1"}, \
            self.requests
        assert self.dialogs == []
        assert self.errors == []


async def until(pilot: Pilot[Any], done: Callable[[], bool], what: str) -> None:
    """Let the app run until done() holds, for TIMEOUT_MS at most."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT_MS / 1000
    while not done():
        assert loop.time() < deadline, f"the facilitator's screen never showed {what}"
        await pilot.pause(0.05)


def shown(app: OkrApp) -> str:
    return screen_text(app)


def secretly_counted(app: OkrApp, count: str) -> Callable[[], bool]:
    """Whether the screen shows count twice (in the ideas list and in the room strip),
    failing as soon as it shows an idea's text."""

    def check() -> bool:
        screen = shown(app)
        leaked = [idea for ideas in IDEAS for idea in ideas if idea in screen]
        assert not leaked, f"shown before the reveal: {leaked}"
        return screen.count(count) >= 2

    return check


def joined(app: OkrApp) -> str:
    """The names on the line of the room strip that says who joined (they join at once)."""
    return next((line for line in shown(app).splitlines() if "Joined:" in line), "")


async def join(page: Page, url: str, name: str) -> None:
    await page.goto(url)
    await page.get_by_label(tr("room.name_label")).fill(name)
    await page.get_by_role("button", name=tr("room.join")).click()
    await expect(page.get_by_text(tr("room.joined_as", name=name))).to_be_visible()


async def press(page: Page, button: Locator) -> None:
    """A tap on a touch screen, a click elsewhere."""
    if await page.evaluate("navigator.maxTouchPoints > 0"):
        await button.tap()
    else:
        await button.click()


async def write(page: Page, text: str) -> None:
    await page.get_by_label(tr("room.write_label")).fill(text)
    await press(page, page.get_by_role("button", name=tr("room.send")))
    await expect(page.locator("#live li", has_text=text)).to_be_visible()
    await expect(page.locator("#note")).to_have_text(tr("room.sent"))


async def vote(page: Page, idea: str, left: int) -> None:
    row = page.locator(".ballot li", has_text=idea)
    await press(page, row.get_by_role("button", name=tr("room.add_dot")))
    await expect(page.locator(".left")).to_have_text(tr("room.dots_left", count=left))


async def type_keys(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


def saved_session(folder: Path) -> Path:
    path = folder / "atelier.toml"
    session = new_session("Product workshop", "en", "2027-Q1", "Product", [])
    session.dots_per_person = 3
    save_session(session, path)
    return path


async def test_five_people_and_the_facilitator_from_silent_writing_to_the_saved_file(
        isolated: Path) -> None:
    path = saved_session(isolated)
    app = OkrApp(session=load_session(path), path=path)
    executable = chromium()
    async with (asyncio.timeout(WHOLE_TEST_SECONDS), app.run_test(size=(120, 40)) as pilot,
                async_playwright() as playwright):
        browser = await playwright.chromium.launch(executable_path=executable,
                                                   timeout=TIMEOUT_MS)
        watched = Watched(browser, isolated)
        try:
            await workshop(app, pilot, watched, path)
        finally:
            await browser.close()
            await app.room_control.stop()
        watched.check()


async def workshop(app: OkrApp, pilot: Pilot[Any], watched: Watched, path: Path) -> None:
    # 1. The room opens; five people join by name and write in silence.
    await pilot.pause()
    assert await app.room_control.open("127.0.0.1", 0)
    service = app.room_control.service
    assert service is not None
    board = await watched.page(DESKTOP)
    await board.goto(service.board_url)
    await board.evaluate("window.stayed = true")  # a reload would wipe it: live, not reloaded
    people = [await watched.page(PHONE if n == 0 else DESKTOP) for n in range(len(NAMES))]
    await asyncio.gather(*(join(page, service.join_url, name)
                           for page, name in zip(people, NAMES, strict=True)))
    await until(pilot, lambda: all(name in joined(app) for name in NAMES), "who joined")

    for round_ in range(2):
        await asyncio.gather(*(write(page, ideas[round_])
                               for page, ideas in zip(people, IDEAS, strict=True)))
        count = 5 * (round_ + 1)
        hidden = f"{count} hidden ideas from 5 people"
        await until(pilot, secretly_counted(app, hidden),
                    f"« {hidden} » in the list and the strip")
    for page, ideas in zip(people, IDEAS, strict=True):
        await expect(page.locator("#live li")).to_have_text(ideas)  # one's own only
    await expect(board.locator(".hidden")).to_contain_text("10 hidden ideas")
    on_the_board = await board.locator("body").inner_text()
    assert not [idea for ideas in IDEAS for idea in ideas if idea in on_the_board]
    await watched.shoot(people[0], "phone-writing")
    watched.shoot_terminal(app, "facilitator-writing")

    # 2. Reveal, vote, formalize, commit, key results: the facilitator's keys.
    team = app.document_now.team
    await pilot.press("escape")  # out of the idea field, onto the ideas list
    ideas_list = app.screen.query_one("#ambition-ideas", IdeaList)
    assert ideas_list.has_focus
    await pilot.press("r")
    assert not any(idea.hidden for idea in team.ideas)
    await until(pilot, lambda: TOP in shown(app), "the revealed ideas")
    await pilot.press("right_square_bracket")
    assert peek_state(team, "ambition").phase == "converge"
    every_idea = [ideas[round_] for round_ in range(2) for ideas in IDEAS]
    for page in people:  # in the order they arrived: people wrote at the same time
        await expect(page.locator(".ballot .idea")).to_have_count(len(every_idea))
        assert sorted(await page.locator(".ballot .idea").all_inner_texts()) == sorted(
            every_idea)
    await until(pilot, lambda: "0 of 5 have finished voting" in shown(app), "no vote yet")
    for dot in range(3):
        chosen = [TOP if dot < 2 else ideas[1] for ideas in IDEAS]
        await asyncio.gather(*(vote(page, idea, 2 - dot)
                               for page, idea in zip(people, chosen, strict=True)))
    await watched.shoot(people[0], "phone-voted")
    await until(pilot, lambda: "5 of 5 have finished voting" in shown(app), "every vote")
    await expect(board.locator("#live")).to_contain_text(tr("room.voted", count=5, total=5))
    watched.shoot_terminal(app, "facilitator-voted")

    await pilot.press("right_square_bracket")
    assert peek_state(team, "ambition").phase == "formalize"
    await expect(board.locator(".ranking li").first).to_contain_text(TOP)
    assert ideas_list.has_focus
    await pilot.press("home")
    row = ideas_list.highlighted_option
    assert row is not None and TOP in row.prompt.plain  # the ranking puts it first
    await pilot.press("p")
    assert [o.text for o in team.committed_objectives] == [TOP]
    for text in KEY_RESULTS:
        await pilot.press("k")
        assert isinstance(app.screen, KeyResultForm)
        await type_keys(pilot, text)
        await pilot.press("enter", "enter", "enter", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, KeyResultForm)
    assert [kr.text for kr in team.committed_objectives[0].key_results] == KEY_RESULTS

    # 3. The board shows the objective and its key results in full, live.
    objective = board.locator(".objectives > li")
    await expect(objective).to_have_count(1)
    await expect(objective).to_contain_text(TOP)
    await expect(objective.locator("li")).to_have_text(KEY_RESULTS)
    assert await board.evaluate("window.stayed === true")
    await watched.shoot(board, "board-committed")

    # 4. Saved by ctrl+s: every idea with its author's id and name, and the dots.
    await pilot.press("ctrl+s")
    await until(pilot, lambda: not app.dirty and not getattr(app, "saving", False), "saved")
    saved = load_session(path)
    ids = {p.name: p.id for p in saved.participants}
    assert sorted(ids) == sorted(NAMES)
    saved_team = saved.teams[0]
    authors = {idea.text: (idea.author, saved.participant_name(idea.author))
               for idea in saved_team.ideas}
    assert authors == {idea: (ids[name], name) for name, ideas in zip(NAMES, IDEAS, strict=True)
                       for idea in ideas}
    texts = {idea.id: idea.text for idea in saved_team.ideas}
    dots = sorted((saved.participant_name(v.participant), texts[v.idea], v.dots)
                  for v in saved_team.votes)
    assert dots == sorted([(name, TOP, 2) for name in NAMES]
                          + [(name, ideas[1], 1) for name, ideas in zip(NAMES, IDEAS,
                                                                         strict=True)])
    [committed] = saved_team.committed_objectives
    assert (committed.text, [kr.text for kr in committed.key_results]) == (TOP, KEY_RESULTS)
