"""Browser-test fixtures: Playwright driving Debian's chromium against sites served on localhost.

There is no internet in CI, so every request for mermaid's JavaScript (Material and
mkdocs-mermaid2 both fetch it from a CDN) is answered from the npm package in
``node_modules/mermaid/dist/``, and every other non-local request is aborted. A test that
passes here therefore proves the page renders offline with the pinned mermaid.

Fixtures:

* ``browser`` (session) — a headless chromium.
* ``page`` — a fresh page whose network is routed as above; console errors are collected in
  ``page.console_errors`` for tests that want to assert on them.
* ``serve_site`` — ``serve_site(folder) -> "http://127.0.0.1:PORT"``, stopped after the test.
* ``screenshot`` — ``screenshot(page, "name")`` saves ``test-artifacts/<name>.png``.
* ``local_mermaid`` — ``local_mermaid(folder, "js/mermaid.min.js")`` copies mermaid.min.js
  there, for the offline ``javascript:`` set-up of mkdocs-mermaid2.
* ``mermaid_dist`` — the ``node_modules/mermaid/dist`` folder.

Browser tests never import this module (tests are not a package); they use the fixtures.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
MERMAID_DIST = REPO_ROOT / "node_modules" / "mermaid" / "dist"
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("ARCHDESIGN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})

# unpkg.com/mermaid@11/dist/x, cdn.jsdelivr.net/npm/mermaid@11.4.0/dist/x, .../mermaid/dist/x
_MERMAID_URL = re.compile(r"/(?:npm/)?mermaid(?:@[^/]*)?/dist/(?P<rest>[^?#]+)")
_CONTENT_TYPES = {
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".map": "application/json",
    ".css": "text/css",
}


def _skip_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"chromium not found at {CHROMIUM} (apt-get install chromium; .ci/run does it)"
    if not (MERMAID_DIST / "mermaid.min.js").is_file():
        return f"mermaid is not installed in {MERMAID_DIST} (run `npm ci` at the repo root)"
    return None


# Checked once at import: the whole folder is skipped with one clear reason, never failed.
_REASON = _skip_reason()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip every browser test, with the reason, when the browser stack is missing."""
    if _REASON is None:
        return
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.skip(reason=_REASON))


def mermaid_file_for(url: str) -> Path | None:
    """Map a CDN URL of mermaid's ``dist/`` folder to the local file, if it exists.

    Args:
        url: The requested URL, e.g. ``https://unpkg.com/mermaid@11/dist/mermaid.min.js``.

    Returns:
        The file under ``node_modules/mermaid/dist`` or ``None`` for any other URL.
    """
    match = _MERMAID_URL.search(urlsplit(url).path)
    if match is None:
        return None
    candidate = (MERMAID_DIST / match.group("rest")).resolve()
    if MERMAID_DIST.resolve() not in candidate.parents or not candidate.is_file():
        return None
    return candidate


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about", "file"} or parts.hostname in LOCAL_HOSTS


def route_offline(page: Any) -> None:
    """Serve mermaid from node_modules and abort every other non-localhost request.

    Args:
        page: A Playwright ``Page`` (or ``BrowserContext``) to install the route on.
    """

    def handle(route: Any) -> None:
        url = route.request.url
        local_file = mermaid_file_for(url)
        if local_file is not None:
            route.fulfill(
                status=200,
                path=str(local_file),
                content_type=_CONTENT_TYPES.get(local_file.suffix, "application/octet-stream"),
                headers={"Access-Control-Allow-Origin": "*"},
            )
        elif _is_local(url):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static handler that keeps pytest output clean."""

    extensions_map = {  # noqa: RUF012 - class attribute expected by http.server
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "application/javascript",
        ".js": "application/javascript",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve_site() -> Iterator[Callable[[Path], str]]:
    """``serve_site(folder)`` serves a built site on a free localhost port; returns its URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """A headless Debian chromium driven by Playwright, shared by the browser tests.

    Package scope, not session: Playwright's sync API keeps an asyncio loop running in
    the main thread while it is open, and the asyncio tests that run later (the language
    server's) cannot start their own loop beside it.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page, offline except for localhost and the local mermaid package."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    route_offline(new_page)
    errors: list[str] = []
    new_page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    new_page.on("pageerror", lambda exc: errors.append(str(exc)))
    new_page.console_errors = errors
    yield new_page
    context.close()


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Any, str], Path]:
    """``screenshot(page, name)`` saves a full-page PNG under ``test-artifacts/``."""

    def take(page: Any, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name or request.node.name).strip("-")
        path = ARTIFACTS / f"{safe}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def mermaid_dist() -> Path:
    """The local mermaid ``dist/`` folder (for sites that use a local ``javascript:`` path)."""
    return MERMAID_DIST


@pytest.fixture
def local_mermaid() -> Callable[..., Path]:
    """``local_mermaid(folder, "js/mermaid.min.js")`` copies mermaid.min.js into a folder."""
    return copy_mermaid_into


@pytest.fixture
def mermaid_url_map() -> Callable[[str], Path | None]:
    """The CDN-to-node_modules mapping used by the routing, for tests of the routing itself."""
    return mermaid_file_for


def copy_mermaid_into(site_dir: Path, relative: str = "js/mermaid.min.js") -> Path:
    """Copy the local ``mermaid.min.js`` into a built or to-be-built folder.

    Args:
        site_dir: The folder (a docs_dir or site_dir) to copy into.
        relative: Where to put the file inside it.

    Returns:
        The path written.
    """
    target = site_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MERMAID_DIST / "mermaid.min.js", target)
    return target
