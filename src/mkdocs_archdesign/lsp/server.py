"""``mkdocs-archdesign lsp``: the language server, a thin pygls adapter over the core.

Every open document is mapped to its project (:mod:`.projects`); a design's buffer is
validated in that project's live corpus and every open design whose findings changed is
republished, so an edit to one design refreshes the designs that reference it. A burst
of changes is throttled: the first change after a pause is validated at once, later ones
at most once per :data:`THROTTLE_SECONDS`, always on the latest text.

The protocol owns standard output. Anything else that would print there is sent to
standard error, and the server's own log goes to the client as ``window/logMessage``.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from mkdocs_archdesign import __version__
from mkdocs_archdesign.core.escape import terminal_text
from mkdocs_archdesign.core.model import Finding
from mkdocs_archdesign.core.validation.validator import UNREADABLE_CODE
from mkdocs_archdesign.lsp import views
from mkdocs_archdesign.lsp.features import register_features
from mkdocs_archdesign.lsp.projects import CONFIG_NAME, Project, ProjectError, Projects

#: At most one validation per document per this many seconds while changes keep coming.
THROTTLE_SECONDS = 0.05

LOG = logging.getLogger("mkdocs_archdesign.lsp")

F = TypeVar("F", bound=Callable[..., Any])


class ArchDesignServer(LanguageServer):
    """The language server: open documents, their projects and what was last published."""

    def __init__(self) -> None:
        """Create the server (it starts serving in :func:`serve`)."""
        super().__init__("mkdocs-archdesign", __version__)
        self.projects = Projects(self.workspace_roots)
        self.published: dict[str, list[types.Diagnostic]] = {}
        # Converting findings is the cost of a large design; unchanged ones are reused.
        self.rendered: dict[
            str, tuple[int | None, tuple[Finding, ...], list[types.Diagnostic]]
        ] = {}
        self.applied: dict[str, tuple[int, int | None]] = {}
        self.pristine: set[str] = set()
        self.pending: set[str] = set()
        self.timer: asyncio.TimerHandle | None = None
        self.last_run = 0.0
        self.reported_errors: set[str] = set()

    def workspace_roots(self) -> list[Path]:
        """The workspace folders (or the root) the client opened, as paths."""
        roots: list[Path] = []
        for folder in self.workspace.folders.values():
            path = to_fs_path(folder.uri)
            if path:
                roots.append(Path(path))
        if not roots and self.workspace.root_path:
            roots.append(Path(self.workspace.root_path))
        return roots

    # -- documents -> findings -------------------------------------------------------

    def locate(self, uri: str) -> tuple[Project, str] | None:
        """The project and shown path of a document that is one of its designs."""
        fs_path = to_fs_path(uri)
        if not fs_path or not uri.startswith("file:"):
            return None
        path = Path(fs_path)
        try:
            project = self.projects.project_for(path)
        except ProjectError as exc:
            self.report_project_error(str(exc))
            return None
        if project is None or not project.is_design(path):
            return None
        return project, project.shown(path)

    def sync(self, uri: str) -> tuple[Project, str] | None:
        """Make the corpus hold the current text of ``uri``; its project and shown path."""
        located = self.locate(uri)
        if located is None:
            return None
        project, shown = located
        document = self.workspace.get_text_document(uri)
        state = (id(project.corpus), document.version)
        if self.applied.get(uri) != state:
            disk = project.corpus.disk_result(shown)
            unreadable = disk is not None and any(
                f.code == UNREADABLE_CODE for f in disk.summary.findings
            )
            if uri in self.pristine and unreadable:
                # The editor decoded bytes that are not UTF-8; until it saves them, the
                # file is what ``check`` would read, and ``check`` says AD000.
                project.corpus.use_disk_for(shown)
            else:
                project.corpus.set_buffer(shown, document.source)
            self.applied[uri] = state
        return project, shown

    def refresh(self, force: set[str] | None = None) -> None:
        """Bring every open document up to date and publish what changed."""
        for uri in list(self.workspace.text_documents):
            self.guarded(self.sync, uri)
        for uri, document in list(self.workspace.text_documents.items()):
            found = self.guarded(self.document_diagnostics, uri, document)
            if found is None:
                found = []
            if self.published.get(uri) != found or (force and uri in force):
                self.published[uri] = found
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(
                        uri=uri, version=document.version, diagnostics=found
                    )
                )

    def document_diagnostics(self, uri: str, document: TextDocument) -> list[types.Diagnostic]:
        """The diagnostics of one open document (none for a file that is not a design)."""
        located = self.locate(uri)
        if located is None:
            return []
        project, shown = located
        findings = project.corpus.findings(shown)
        cached = self.rendered.get(uri)
        if cached is not None and cached[0] == document.version and cached[1] == findings:
            return cached[2]
        found = views.diagnostics(findings, document.lines, project.rules_url)
        self.rendered[uri] = (document.version, findings, found)
        return found

    def schedule(self, uri: str) -> None:
        """Validate ``uri`` now if the server is idle, else once the throttle allows."""
        self.pending.add(uri)
        if self.timer is not None:
            return
        delay = max(0.0, self.last_run + THROTTLE_SECONDS - time.monotonic())
        self.timer = asyncio.get_running_loop().call_later(delay, self.flush)

    def flush(self) -> None:
        """Run the validation the throttle held back."""
        self.timer = None
        # The changed documents always get a notification for their latest version, so
        # a client knows its diagnostics are current even when they did not change.
        changed, self.pending = self.pending, set()
        self.refresh(force=changed)
        self.last_run = time.monotonic()

    # -- errors and logging ----------------------------------------------------------

    def guarded(self, function: Callable[..., Any], *args: Any) -> Any:
        """Call ``function``; an unexpected error is logged to the client, never raised."""
        try:
            return function(*args)
        except Exception as exc:  # the server must outlive any one bad document
            LOG.error("%s: %s", function.__name__, terminal_text(f"{exc!r}"))
            LOG.debug("%s", traceback.format_exc())
            return None

    def report_project_error(self, message: str) -> None:
        """Tell the user once (a message box) and log every time a project is unusable."""
        LOG.warning("%s", message)
        if message not in self.reported_errors:
            self.reported_errors.add(message)
            self.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Error, message=f"mkdocs-archdesign: {message}"
                )
            )


class ClientLogHandler(logging.Handler):
    """Sends log records to the client as ``window/logMessage``."""

    _TYPES = (
        (logging.ERROR, types.MessageType.Error),
        (logging.WARNING, types.MessageType.Warning),
        (logging.INFO, types.MessageType.Info),
    )

    def __init__(self, server: LanguageServer) -> None:
        """Log to ``server``'s client."""
        super().__init__()
        self.server = server

    def emit(self, record: logging.LogRecord) -> None:
        """Send one record (dropped quietly if the connection is gone)."""
        kind = next((t for level, t in self._TYPES if record.levelno >= level), None)
        try:
            self.server.window_log_message(
                types.LogMessageParams(
                    type=kind or types.MessageType.Log, message=self.format(record)
                )
            )
        except Exception:  # a log line must never take the server down
            self.handleError(record)


def create_server() -> ArchDesignServer:
    """The server with every feature registered."""
    server = ArchDesignServer()
    register_documents(server)
    register_features(server)
    return server


def register_documents(server: ArchDesignServer) -> None:
    """Document lifecycle and file events: each one ends in :meth:`refresh`."""

    @server.feature(types.INITIALIZED)
    def initialized(ls: ArchDesignServer, _: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        globs = ("**/*.md", f"**/{CONFIG_NAME}", "**/*.j2")
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in globs]
        )
        registration = types.Registration(
            id="archdesign-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArchDesignServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.pristine.add(uri)
        ls.applied.pop(uri, None)
        ls.refresh(force={uri})

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArchDesignServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.pristine.discard(params.text_document.uri)
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArchDesignServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        located = ls.guarded(ls.locate, uri)
        if located is not None:
            project, shown = located
            path = to_fs_path(uri)
            if path:
                project.corpus.refresh_file(shown, Path(path))
        ls.pristine.add(uri)
        ls.applied.pop(uri, None)
        ls.refresh(force={uri})

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArchDesignServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        located = ls.guarded(ls.locate, uri)
        if located is not None:
            located[0].corpus.drop_buffer(located[1])
        ls.applied.pop(uri, None)
        ls.pristine.discard(uri)
        ls.rendered.pop(uri, None)
        if ls.published.pop(uri, None):
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        ls.refresh()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: ArchDesignServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            ls.guarded(file_changed, ls, change.uri)
        ls.refresh()


def file_changed(ls: ArchDesignServer, uri: str) -> None:
    """A file changed on disk: a design is re-read; a config or template reloads."""
    fs_path = to_fs_path(uri)
    if not fs_path:
        return
    path = Path(fs_path)
    if path.suffix != ".md":
        # Stamps catch an edited config or template; a new or deleted one needs a reload.
        ls.projects.forget()
        ls.applied.clear()
        return
    for project in ls.projects.loaded():
        if project.is_design(path):
            project.corpus.refresh_file(project.shown(path), path)
    # An open buffer still stands for the file; re-apply it over the re-read corpus.
    ls.applied.pop(uri, None)


def serve() -> None:
    """Serve the protocol on standard input and output until the client exits."""
    protocol_out = sys.stdout.buffer
    # A stray print anywhere would corrupt the protocol stream; send it to stderr.
    sys.stdout = sys.stderr
    server = create_server()
    handler = ClientLogHandler(server)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    for name in ("mkdocs_archdesign", "pygls"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.propagate = False
    logging.getLogger("mkdocs_archdesign").setLevel(logging.INFO)
    logging.getLogger("pygls").setLevel(logging.WARNING)
    server.start_io(sys.stdin.buffer, protocol_out)


def uri_of(path: Path) -> str:
    """The ``file:`` URI of ``path`` (what clients send for it)."""
    return str(from_fs_path(str(path)))
