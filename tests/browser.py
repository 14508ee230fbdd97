"""A page opened in headless Chromium, driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: the
browser reads commands on file descriptor 3 and answers on 4, JSON messages ended by a NUL byte), so the tests need
no Python package and no driver binary beside the browser Debian ships (`apt-get install chromium`).

    with Chromium(path) as browser:
        page = browser.open(file_url)        # console errors and uncaught exceptions collected while it loads
        browser.evaluate(page, "document.title")
        browser.print_a4(page)                # the PDF Chromium prints, A4, the page's own @page rules honoured
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from types import TracebackType
from typing import Any

import attrs

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_A4_INCHES = (8.27, 11.69)


_TRAMPOLINE = """
import os, sys
commands, answers = int(sys.argv[1]), int(sys.argv[2])
os.dup2(commands, 3, inheritable=True)
os.dup2(answers, 4, inheritable=True)
os.close(commands)
os.close(answers)
os.execv(sys.argv[3], sys.argv[3:])
"""


def _above_four(descriptor: int) -> int:
    import fcntl

    moved = fcntl.fcntl(descriptor, fcntl.F_DUPFD, 10)
    os.close(descriptor)
    return moved


def find_browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@attrs.define
class Page:
    session: str
    console_errors: list[str] = attrs.Factory(list)


class Chromium:
    def __init__(self, executable: str, timeout: float = 60.0) -> None:
        self.executable = executable
        self.timeout = timeout
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self._buffer = b""

    def __enter__(self) -> Chromium:
        commands_read, self._commands = os.pipe()  # we write commands; the browser reads fd 3
        self._answers, answers_write = os.pipe()  # the browser writes fd 4; we read answers
        # Above 4, so that moving them to 3 and 4 in the child cannot close one of them.
        commands_read, answers_write = (_above_four(commands_read), _above_four(answers_write))
        # The child gets the pipes as descriptors 3 and 4: pass_fds keeps them open, a small Python trampoline moves
        # them there and runs the browser (no shell: dash redirects only descriptors 0 to 9).
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _TRAMPOLINE,
                str(commands_read),
                str(answers_write),
                self.executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            pass_fds=(commands_read, answers_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(answers_write)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with contextlib.suppress(OSError):  # the browser may be gone already
            self._send("Browser.close", wait=False)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._commands)
        os.close(self._answers)

    # -- the protocol ---------------------------------------------------------------------------------------

    def _read_message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        found: dict[str, Any] = json.loads(message)
        return found

    def _send(self, method: str, session: str | None = None, wait: bool = True, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        if not wait:
            return {}
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            answer = self._read_message()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self._events.append(answer)
        raise TimeoutError(f"{method}: no answer within {self.timeout} s")

    def _wait_for(self, method: str, session: str) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if any(e.get("method") == method and e.get("sessionId") == session for e in self._events):
                return
            self._events.append(self._read_message())
        raise TimeoutError(f"{method}: not seen within {self.timeout} s")

    # -- pages ----------------------------------------------------------------------------------------------

    def open(self, url: str) -> Page:
        """Open `url` in a new tab and wait for its load event, collecting what it logs as errors."""
        target = self._send("Target.createTarget", url="about:blank")["targetId"]
        session = self._send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self._send(f"{domain}.enable", session)
        self._send("Page.navigate", session, url=url)
        self._wait_for("Page.loadEventFired", session)
        page = Page(session)
        for event in self._events:
            if event.get("sessionId") != session:
                continue
            params = event.get("params", {})
            if event.get("method") == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                page.console_errors.append(" ".join(str(arg.get("value", "")) for arg in params.get("args", [])))
            elif event.get("method") == "Runtime.exceptionThrown":
                page.console_errors.append(str(params.get("exceptionDetails", {}).get("text")))
            elif event.get("method") == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                page.console_errors.append(str(params["entry"].get("text")))
        return page

    def evaluate(self, page: Page, expression: str) -> Any:
        result = self._send("Runtime.evaluate", page.session, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def print_a4(self, page: Page) -> bytes:
        """The page printed as Chromium prints it: A4 unless the page's @page rule sets a size."""
        width, height = _A4_INCHES
        result = self._send(
            "Page.printToPDF", page.session, paperWidth=width, paperHeight=height, preferCSSPageSize=True
        )
        return base64.b64decode(result["data"])
