"""Playwright driving the distribution's Chromium (Playwright cannot download its own browser
here): one browser per test module, a fresh room per test, and visitors whose every request,
dialog and console error is recorded.

Without Chromium the browser tests FAIL, saying how to install it, unless a developer sets
OKRTUI_SKIP_BROWSER=1. OKRTUI_CHROMIUM names another Chromium; OKRTUI_SHOTS a folder that
receives a copy of every screenshot (they are always saved under the test's tmp_path)."""

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect, sync_playwright

from tests.browser.served import Served

TIMEOUT_MS = 10_000
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                         "has_touch": True, "device_scale_factor": 2}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
NARROW: dict[str, Any] = {**PHONE, "viewport": {"width": 360, "height": 640}}
PROFILES = {"phone": PHONE, "desktop": DESKTOP, "narrow": NARROW}

expect.set_options(timeout=TIMEOUT_MS)


def chromium() -> str:
    path = os.environ.get("OKRTUI_CHROMIUM") or shutil.which("chromium")
    if path is None and Path("/usr/bin/chromium").exists():
        path = "/usr/bin/chromium"
    if path is not None:
        return path
    if os.environ.get("OKRTUI_SKIP_BROWSER") == "1":
        pytest.skip("OKRTUI_SKIP_BROWSER=1: the browser tests are skipped")
    pytest.fail("The browser tests need Chromium and found none: install it "
                "(Debian: apt-get install chromium), name it with OKRTUI_CHROMIUM, or set "
                "OKRTUI_SKIP_BROWSER=1 to skip these tests on purpose", pytrace=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        yield browser
        browser.close()


@pytest.fixture
def serve() -> Iterator[Callable[..., Served]]:
    """serve(language="en", anonymous=False, dots=3): a room, closed after the test."""
    rooms: list[Served] = []

    def start(**options: Any) -> Served:
        rooms.append(Served(**options))
        return rooms[-1]

    yield start
    for room in rooms:
        room.close()


class Visitors:
    """Browser contexts (one per person) whose requests, dialogs and errors are kept."""

    def __init__(self, browser: Browser, shots: Path, name: str) -> None:
        self.browser = browser
        self.shots = shots
        self.name = name
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.refusals: set[int] = set()
        """Statuses a test provokes on purpose (the browser logs each as an error)."""
        self._contexts: list[Any] = []

    def page(self, profile: str = "desktop", javascript: bool = True) -> Page:
        context = self.browser.new_context(**PROFILES[profile],
                                           java_script_enabled=javascript)
        self._contexts.append(context)
        context.on("request", lambda request: self.requests.append(request.url))
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def shoot(self, page: Page, name: str) -> Path:
        """A full-page screenshot under tmp_path (and copied to OKRTUI_SHOTS if set)."""
        path = self.shots / f"{self.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        copies = os.environ.get("OKRTUI_SHOTS")
        if copies:
            Path(copies).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(copies) / path.name)
        return path

    def hosts(self) -> set[str]:
        return {urlsplit(url).hostname or url for url in self.requests}

    def check(self) -> None:
        """Nothing left 127.0.0.1, no dialog opened, no error (a CSP refusal is one)."""
        assert self.hosts() <= {"127.0.0.1"}, self.requests
        assert self.dialogs == []
        refused = tuple(f"status of {status} " for status in self.refusals)
        assert [e for e in self.errors if not any(r in e for r in refused)] == []

    def close(self) -> None:
        for context in self._contexts:
            context.close()


@pytest.fixture
def visitors(browser: Browser, serve: Callable[..., Served], tmp_path: Path,
             request: pytest.FixtureRequest) -> Iterator[Visitors]:
    """Closed before the rooms (it depends on serve), checked after every test."""
    name = request.node.name.replace("[", "-").replace("]", "")
    people = Visitors(browser, tmp_path, name)
    yield people
    people.close()
    people.check()
