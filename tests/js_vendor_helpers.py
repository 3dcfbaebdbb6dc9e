"""Starting the JavaScript vendor of ``interop/js/`` for the interop tests, or saying why not."""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
JS_DIR = REPO / "interop" / "js"
NPM_PACKAGES = ("jose", "ajv", "ajv-formats", "canonicalize")
START_TIMEOUT_SECONDS = 20


def node_or_reason() -> tuple[str | None, str]:
    """(the node executable, "") when the JavaScript side can run here, else (None, why not)."""
    node = shutil.which("node")
    if node is None:
        return None, "Node.js is not installed (the JavaScript interop vendor needs node >= 20)"
    version = subprocess.run(
        [node, "--version"], capture_output=True, text=True, timeout=20, check=False
    ).stdout.strip()
    major = version.lstrip("v").split(".")[0]
    if not major.isdigit() or int(major) < 20:
        return None, f"Node.js {version or '(unknown version)'} is too old: the vendor needs 20+"
    missing = [name for name in NPM_PACKAGES if not (JS_DIR / "node_modules" / name).is_dir()]
    if missing:
        return None, (
            f"the npm packages of interop/js are not installed ({', '.join(missing)}): "
            "`make node-deps` runs `npm ci` there"
        )
    return node, ""


@dataclass
class JsVendor:
    """The running JavaScript vendor: its base URL, metadata URL and what it received."""

    url: str
    metadata_url: str

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=10) as answer:
            return json.load(answer)

    def state(self) -> dict[str, Any]:
        return dict(self.get("/interop/state"))

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        """POST ``body`` to ``path``: (status, answer bytes), error statuses included."""
        request = urllib.request.Request(self.url + path, data=body, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def _ready_line(process: subprocess.Popen[bytes]) -> dict[str, Any]:
    """The vendor's first stdout line (its JSON ready announcement), within the start timeout."""
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(timeout=remaining):
                raise AssertionError("the JavaScript vendor did not start in time")
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                raise AssertionError(f"the JavaScript vendor exited ({process.wait()})")
            buffer += chunk
    return dict(json.loads(buffer.split(b"\n", 1)[0]))


@contextmanager
def running_js_vendor(node: str, log: Path) -> Iterator[JsVendor]:
    """The vendor on a free 127.0.0.1 port (it picks port 0 and says which), stopped after.

    Its standard error goes to ``log``; an error the vendor logged (a 500) fails the caller.
    """
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [node, "vendor.mjs", "--port", "0"],
            cwd=JS_DIR,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        try:
            try:
                ready = _ready_line(process)
            except AssertionError as problem:
                raise AssertionError(f"{problem}: {log.read_text(errors='replace')}") from None
            yield JsVendor(url=ready["url"], metadata_url=ready["metadata"])
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            assert process.stdout is not None
            process.stdout.close()
    logged = log.read_text(errors="replace")
    crashes = [line for line in logged.splitlines() if "Error" in line and "ajv:" not in line]
    assert not crashes, logged
