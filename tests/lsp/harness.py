"""A real LSP client (pytest-lsp over pygls) driving ``mkdocs-archdesign lsp`` on stdio.

Every wait is on a notification from the server, never a sleep: the client records each
``publishDiagnostics`` with its document version, and a wait returns once the record
says what the test waits for (or fails after a generous safety timeout).
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import tomllib
from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO_ROOT = Path(__file__).resolve().parents[2]
EDITORS_PAGE = REPO_ROOT / "docs" / "editors.md"
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
#: Only ever reached when the server is broken; every wait ends on a notification first.
SAFETY_TIMEOUT = 20.0


def editors_block(language: str) -> str:
    """The one fenced ``language`` block of the Editors page."""
    blocks = re.findall(rf"```{language}\n(.*?)```", EDITORS_PAGE.read_text("utf-8"), re.S)
    assert len(blocks) == 1, f"expected one {language} block on the Editors page"
    return blocks[0]


def helix_command() -> list[str]:
    """The server command line the Helix snippet names, resolved in this environment."""
    config = tomllib.loads(editors_block("toml"))
    server = config["language-server"]["archdesign"]
    executable = Path(sys.executable).parent / server["command"]
    return [str(executable), *server["args"]]


def uri(path: Path) -> str:
    return str(from_fs_path(str(path)))


def make_client() -> LanguageClient:
    """pytest-lsp's client, recording each diagnostics notification with its version."""
    client = LanguageClient(converter_factory=default_converter)
    register_lsp_features(
        client, {m: f for m, f in DEFAULT_CLIENT_FEATURES.items() if m != PUBLISH}
    )
    client.published = {}  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(PUBLISH)
    def publish(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published[params.uri] = (params.version, list(params.diagnostics))  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        ls.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    return client


async def until(client: LanguageClient, done: Callable[[], bool], what: str) -> None:
    """Wait for diagnostics notifications until ``done()`` holds."""
    while not done():
        try:
            await asyncio.wait_for(client.wait_for_notification(PUBLISH), SAFETY_TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"no diagnostics notification while waiting for {what}") from None


async def start(client: LanguageClient, root: Path) -> None:
    """Initialize the session with ``root`` as the workspace folder (Neovim's capabilities)."""
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("neovim"),
            root_uri=uri(root),
            workspace_folders=[types.WorkspaceFolder(uri=uri(root), name=root.name)],
        )
    )


class Buffer:
    """One open document: its text and version, kept in step with the server."""

    def __init__(self, client: LanguageClient, path: Path, text: str | None = None) -> None:
        self.client = client
        self.path = path
        self.uri = uri(path)
        self.text = text if text is not None else path.read_text("utf-8")
        self.version = 1

    async def open(self) -> list[types.Diagnostic]:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=self.uri, language_id="markdown", version=self.version, text=self.text
                )
            )
        )
        return await self.diagnostics()

    async def diagnostics(self) -> list[types.Diagnostic]:
        """The diagnostics the server published for the current version."""
        published: dict[str, Any] = self.client.published  # type: ignore[attr-defined]
        await until(
            self.client,
            lambda: published.get(self.uri, (None,))[0] == self.version,
            f"{self.path.name} version {self.version}",
        )
        return published[self.uri][1]  # type: ignore[no-any-return]

    async def change(self, text: str) -> list[types.Diagnostic]:
        """Replace the whole text (a full-document change) and wait for its diagnostics."""
        self.version += 1
        self.text = text
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=self.uri, version=self.version
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return await self.diagnostics()

    async def apply(self, edits: Sequence[types.TextEdit]) -> list[types.Diagnostic]:
        """Apply text edits as an editor would, send the result, wait for diagnostics."""
        return await self.change(apply_edits(self.text, edits))


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        before = sum(len(line) for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
        return before + len(units)

    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text
