"""A real browser on the web chat (issue 19): Debian's Chromium driven by Selenium through the system's
chromedriver (nothing is downloaded at run time), headless, on a phone-sized screen, against ``qingfeng web`` run
as a process on its own data directory (SQLite: the test database fixtures are not shared with a second process).

``scripts/test`` installs ``chromium`` and ``chromium-driver`` with apt when they are missing and it can; without
them the browser tests are skipped, saying so.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from tests.bot.fake_telegram import PATIENCE

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PHONE = {"width": 390, "height": 844, "pixelRatio": 2.0}


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (apt-get install chromium chromium-driver; scripts/test does it as root)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def settings_for(data: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data)  # type: ignore[call-arg]


@contextlib.contextmanager
def web_process(data: Path) -> Iterator[str]:
    """``qingfeng web`` on a free port of this machine, until the block ends; yields its address."""
    port = free_port()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(data.parent), "LC_ALL": "C.UTF-8",
           "QINGFENG_DATA_DIR": str(data), "QINGFENG_FLOOD_BURST": "10000"}  # fmt: skip
    log = (data.parent / "web.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "qingfeng.cli", "web", "--listen", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT, env=env)  # fmt: skip
    try:
        deadline = time.monotonic() + 30 * PATIENCE
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("qingfeng web did not start:\n" + (data.parent / "web.log").read_text())
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20 * PATIENCE)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


class Page:
    """One browser (its own profile: cookies, storage) on the chat page, used as a person would."""

    def __init__(self, base: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.base = base
        self.profile = tempfile.mkdtemp(prefix="qf-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    f"--user-data-dir={self.profile}", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=zh-CN"):  # fmt: skip
            options.add_argument(arg)
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": PHONE})
        options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})  # the page's language
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        self.driver.set_page_load_timeout(30 * PATIENCE)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- looking ----------------------------------------------------------------------------------------------
    def texts(self) -> list[str]:
        """The bot's messages on the page, in order."""
        return [str(t) for t in self.driver.execute_script(
            "return [...document.querySelectorAll('.msg.bot p')].map(p => p.textContent)")]  # fmt: skip

    def wait(self, done: Any, what: str, timeout: float = 20) -> Any:
        from selenium.common.exceptions import TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait

        try:
            return WebDriverWait(self.driver, timeout * PATIENCE, poll_frequency=0.1).until(lambda _: done())
        except TimeoutException:
            raise AssertionError(f"waited for {what}; the page shows:\n" + "\n---\n".join(self.texts()[-4:])) from None

    def wait_text(self, needle: str, timeout: float = 20) -> str:
        return str(self.wait(lambda: next((t for t in reversed(self.texts()) if needle in t), None), needle, timeout))

    def settled(self) -> bool:
        return bool(self.driver.execute_script("return document.getElementById('status').textContent === ''"))

    # -- doing ------------------------------------------------------------------------------------------------
    def open(self, path: str = "/") -> None:
        self.driver.get(self.base + path)
        self.wait(lambda: self.texts(), "the first message")

    def _then(self, act: Any, what: str, until: str | None = None) -> list[str]:
        """Do ``act``, then wait for the answer: more bot messages (or, where messages are deleted, one that says
        ``until``), and nothing being sent."""
        before = self.texts()
        act()
        if until is None:
            self.wait(lambda: len(self.texts()) > len(before) and self.settled(), f"the answer to {what}")
            return self.texts()[len(before) :]
        self.wait(lambda: any(until in t for t in self.texts()) and self.settled(), f"{until!r} after {what}")
        return [t for t in self.texts() if t not in before]

    def tap(self, label: str, until: str | None = None) -> list[str]:
        """The newest message's button that is ``label``, else starts with it, else has it."""
        from selenium.webdriver.common.by import By

        boxes = self.driver.find_elements(By.CSS_SELECTOR, ".msg.bot .buttons")
        assert boxes, "no buttons on the page"
        buttons = boxes[-1].find_elements(By.CSS_SELECTOR, "button")
        for match in (str.__eq__, str.startswith, str.__contains__):
            found = next((b for b in buttons if match(b.text, label)), None)
            if found is not None:
                return self._then(found.click, label, until)
        raise AssertionError(f"no button {label!r} in {[b.text for b in buttons]}")

    def type(self, text: str) -> list[str]:
        """Type into whichever field is shown (the password field hides what is typed) and press Enter."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        field = next(f for f in self.driver.find_elements(By.CSS_SELECTOR, "#text, #secret") if f.is_displayed())
        return self._then(lambda: field.send_keys(text + Keys.ENTER), text)

    def attach(self, path: Path) -> list[str]:
        from selenium.webdriver.common.by import By

        return self._then(lambda: self.driver.find_element(By.ID, "file").send_keys(str(path)), path.name)

    def chip(self, command: str) -> list[str]:
        from selenium.webdriver.common.by import By

        chip = self.driver.find_element(By.CSS_SELECTOR, f'.chip[data-command="{command}"]')
        return self._then(chip.click, command)

    def requested(self) -> list[str]:
        """Every URL the browser asked for since the last call (Chrome's performance log)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(str(message["params"]["request"]["url"]))
        return urls


def run(coro: Any) -> Any:
    return asyncio.run(coro)


skip_without_browser = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))
