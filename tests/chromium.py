"""A small driver for headless Chromium over the DevTools protocol, for the HTML tests.

``open_page(path, width)`` loads a local file at a given viewport width and returns what
a test wants to know: every request made, failed requests, console errors and
exceptions, the page's text, its links, whether it scrolls sideways, and a screenshot.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageResult:
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    text: str = ""
    links: list[str] = field(default_factory=list)
    scroll_width: int = 0
    viewport_width: int = 0
    title: str = ""
    screenshot: bytes = b""
    value: Any = None  # what ``open_page(..., evaluate=EXPR)`` returned


class _Session:
    def __init__(self, ws_url: str) -> None:
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        wanted = self.next_id
        self.ws.send(json.dumps({"id": wanted, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        if any(e.get("method") == method for e in self.events):
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            self.events.append(message)
            if message.get("method") == method:
                return
        raise TimeoutError(method)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


def open_page(path: Path, *, width: int = 375, height: int = 800,
              screenshot: bool = False, evaluate: str = "") -> PageResult:
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium")
    profile = tempfile.mkdtemp(prefix="mlpath-chromium-")
    process = subprocess.Popen(
        [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage",
         "--remote-debugging-port=0", "--remote-allow-origins=*",
         f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("chromium did not start")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            targets = json.load(r)
        page = next(t for t in targets if t.get("type") == "page")
        session = _Session(page["webSocketDebuggerUrl"])
        try:
            result = _inspect(session, path, width, height, screenshot)
            if evaluate:
                result.value = session.evaluate(evaluate)
            return result
        finally:
            session.ws.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


def _inspect(session: _Session, path: Path, width: int, height: int,
             screenshot: bool) -> PageResult:
    for domain in ("Page", "Network", "Runtime", "Log"):
        session.call(f"{domain}.enable")
    session.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                 deviceScaleFactor=1, mobile=width < 600)
    session.events.clear()
    session.call("Page.navigate", url=path.resolve().as_uri())
    session.wait_for("Page.loadEventFired")
    time.sleep(0.2)  # let late console messages arrive
    session.evaluate("1")
    out = PageResult()
    for event in session.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            out.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            out.failed.append(f"{params.get('errorText')} {params.get('blockedReason', '')}")
        elif method == "Runtime.exceptionThrown":
            out.errors.append(json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            out.errors.append(json.dumps(params.get("args", []))[:300])
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            out.errors.append(params["entry"].get("text", ""))
    out.text = session.evaluate("document.body.innerText")
    out.links = session.evaluate("Array.from(document.links, a => a.href)")
    out.scroll_width = session.evaluate("document.documentElement.scrollWidth")
    out.viewport_width = session.evaluate("window.innerWidth")
    out.title = session.evaluate("document.title")
    if screenshot:
        shot = session.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        out.screenshot = base64.b64decode(shot["data"])
    return out


def required() -> bool:
    """CI sets this: there a missing Chromium is a failure, not a skip."""
    return os.environ.get("MLPATH_REQUIRE_CHROMIUM") == "1"
