"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol.

Opens ``index.html``, the planted unit's page and the planted document's page via ``file://``, and checks
that nothing runs (no alert dialog, no console message, no exception, no error log entry), that the
charts are there (the heatmap's ``<text>`` elements contain M1…M6) and that the planted markup is shown
as text. Screenshots go to ``DIR/reports/screenshots/``. Skipped when Chromium is not installed
(Debian: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.reports.html import write_html
from pipeline.reports.render import load_report_data

websocket = pytest.importorskip("websocket", reason="websocket-client is not installed")

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                  "--remote-debugging-port=0")
STARTUP_SECONDS = 30
LOAD_SECONDS = 30
SETTLE_SECONDS = 0.5
MAX_SCREENSHOT_HEIGHT = 8000


def find_chromium() -> str | None:
    candidates = [os.environ.get("LZP_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium",
                  shutil.which("chromium-browser"), shutil.which("google-chrome")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium not found (/usr/bin/chromium or `chromium` on PATH); install it with "
           "`apt-get install -y chromium` to run the browser test of the HTML report",
)

MEASURES = ("M1", "M2", "M3", "M4", "M5", "M6")


class DevTools:
    """A minimal DevTools-protocol client over the browser websocket, with flattened target sessions."""

    def __init__(self, url: str) -> None:
        self.socket = websocket.create_connection(url, timeout=LOAD_SECONDS, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        self.socket.close()

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = LOAD_SECONDS) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply is None:
                raise TimeoutError(f"no reply to {method}")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _receive(self, deadline: float) -> dict[str, Any] | None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        self.socket.settimeout(remaining)
        try:
            message = json.loads(self.socket.recv())
        except websocket.WebSocketTimeoutException:
            return None
        if "method" in message:
            self.events.append(message)
            if message["method"] == "Page.javascriptDialogOpening":  # never leave the page blocked
                self.socket.send(json.dumps({"id": 10**9 + len(self.events), "sessionId": message.get("sessionId"),
                                             "method": "Page.handleJavaScriptDialog",
                                             "params": {"accept": True}}))
        return message

    def wait_for(self, method: str, session: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        seen = len(self.events)
        while True:
            if any(e["method"] == method and e.get("sessionId") == session for e in self.events[seen:]):
                return True
            if self._receive(deadline) is None:
                return False

    def pump(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while self._receive(deadline) is not None:
            pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    assert CHROMIUM is not None
    profile = tmp_path_factory.mktemp("chromium-profile")
    log = (profile.parent / "chromium.log").open("wb")
    process = subprocess.Popen([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    client = None
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + STARTUP_SECONDS
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chromium did not start (exit {process.poll()}); see {log.name}")
            time.sleep(0.1)
        port, path = port_file.read_text().splitlines()[:2]
        client = DevTools(f"ws://127.0.0.1:{port}{path}")
        yield client
    finally:
        if client is not None:
            try:
                client.send("Browser.close", timeout=5)
            except Exception:  # noqa: BLE001 - the browser may already be gone
                pass
            client.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def reports(analysis_dir: Path) -> Path:
    return write_html(analysis_dir).parent


def open_page(browser: DevTools, path: Path, screenshot: Path | None = None) -> dict[str, Any]:
    """Load a page in a fresh tab; returns problems seen, the evaluated facts and the screenshot path."""
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    try:
        for domain in ("Page", "Runtime", "Log"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        first = len(browser.events)
        browser.send("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
        loaded = browser.wait_for("Page.loadEventFired", session, LOAD_SECONDS)
        browser.pump(SETTLE_SECONDS)

        def evaluate(expression: str) -> Any:
            result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                  session=session)
            assert "exceptionDetails" not in result, result
            return result["result"].get("value")

        facts = {
            "svg_count": evaluate("document.querySelectorAll('svg').length"),
            "heatmap_text": evaluate("Array.from(document.querySelectorAll('svg.heatmap text'))"
                                     ".map(t => t.textContent)"),
            "scripts": evaluate("document.querySelectorAll('script').length"),
            "images": evaluate("document.querySelectorAll('img').length"),
            "body_text": evaluate("document.body.innerText"),
            "title": evaluate("document.title"),
        }
        if screenshot is not None:
            metrics = browser.send("Page.getLayoutMetrics", session=session)
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            clip = {"x": 0, "y": 0, "width": max(1, min(size["width"], 1280)),
                    "height": max(1, min(size["height"], MAX_SCREENSHOT_HEIGHT)), "scale": 1}
            shot = browser.send("Page.captureScreenshot",
                                {"format": "png", "clip": clip, "captureBeyondViewport": True}, session=session)
            import base64

            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        events = [e for e in browser.events[first:] if e.get("sessionId") == session]
        problems = []
        for event in events:
            method, params = event["method"], event.get("params", {})
            if method == "Page.javascriptDialogOpening":
                problems.append(f"dialog: {params.get('type')} {params.get('message')}")
            elif method == "Runtime.exceptionThrown":
                problems.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
            elif method == "Runtime.consoleAPICalled":
                problems.append(f"console.{params.get('type')}: {params.get('args')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                entry = params["entry"]
                problems.append(f"log {entry.get('level')} {entry.get('source')}: {entry.get('text')} {entry.get('url')}")
        return {"loaded": loaded, "problems": problems, "facts": facts}
    finally:
        browser.send("Target.closeTarget", {"targetId": target})


def test_index_renders_charts_without_errors(browser: DevTools, reports: Path) -> None:
    result = open_page(browser, reports / "index.html", reports / "screenshots" / "index.png")
    assert result["loaded"], "index.html did not finish loading"
    assert result["problems"] == []
    facts = result["facts"]
    assert facts["svg_count"] >= 3
    for code in MEASURES:
        assert code in facts["heatmap_text"]
    assert facts["scripts"] == 0 and facts["images"] == 0
    assert "植入单位<i>甲</i>" in facts["body_text"]  # shown as text
    body = facts["body_text"]
    assert body.index("差距：没有落实证据的要求") < body.index("覆盖率：单位")  # the gap comes first
    assert (reports / "screenshots" / "index.png").stat().st_size > 10_000


def test_planted_unit_page_shows_markup_as_text(browser: DevTools, reports: Path, planted) -> None:
    slug = load_report_data(reports.parent).unit_file(planted["unit"])
    result = open_page(browser, reports / f"{slug}.html", reports / "screenshots" / f"{slug}.png")
    assert result["loaded"]
    assert result["problems"] == []
    facts = result["facts"]
    assert facts["svg_count"] >= 2
    assert facts["scripts"] == 0 and facts["images"] == 0
    assert planted["unit"] in facts["title"]
    assert planted["script"] in facts["body_text"] or planted["img"] in facts["body_text"]
    assert (reports / "screenshots" / f"{slug}.png").exists()


def test_planted_document_page_shows_markup_as_text(browser: DevTools, reports: Path, planted) -> None:
    result = open_page(browser, reports / f"{load_report_data(reports.parent).doc_file('planted')}.html")
    assert result["loaded"]
    assert result["problems"] == []
    text = result["facts"]["body_text"]
    for key in ("script", "img", "formula", "title"):
        assert planted[key] in text, key
    assert result["facts"]["scripts"] == 0 and result["facts"]["images"] == 0
