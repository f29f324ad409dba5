"""Latency of ``mkdocs-archdesign lsp``: from a change to its diagnostics, 1,000 designs.

Not part of ``python -m benchmarks``; run it by hand when the server or the validator
changes:

    .venv/bin/python -m benchmarks.lsp_latency            # 1,000 designs, 60 edits
    .venv/bin/python -m benchmarks.lsp_latency --quick    # 100 designs, 10 edits

It generates the benchmark corpus, starts the server as an editor would (the
``mkdocs-archdesign lsp`` command, over stdio, driven by pygls' own client), opens one
design of about 200 lines and waits until its first diagnostics arrive (that includes
validating the whole corpus once). Then it makes scripted edits at typing pace (one every
100 ms): each inserts or removes a line with a placeholder, so every edit changes the
findings. The latency of an edit is the time from sending ``didChange`` to receiving the
``publishDiagnostics`` for that document version. It prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from benchmarks.corpus import generate_site

TARGET_LINES = 200
PACE_SECONDS = 0.1


def sized_design(text: str, lines: int) -> str:
    """``text`` padded with plain list items (or cut at a section) to about ``lines``."""
    have = text.count("\n")
    if have < lines:
        extra = "".join(f"- Decision {i}: keep the adapter thin.\n" for i in range(lines - have))
        return text.rstrip("\n") + "\n\n## Notes (Optional)\n\n" + extra
    return text


async def run(count: int, edits: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        site = generate_site(Path(folder), count)
        path = sorted(site.designs.glob("*.md"))[0]
        text = sized_design(path.read_text("utf-8"), TARGET_LINES)
        path.write_text(text, encoding="utf-8")
        uri = str(from_fs_path(str(path)))
        arrived: dict[int, float] = {}
        waiters: dict[int, asyncio.Future[None]] = {}
        client = LanguageClient("lsp-latency", "1")

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            if params.uri == uri and params.version is not None:
                arrived.setdefault(params.version, time.perf_counter())
                waiter = waiters.pop(params.version, None)
                if waiter is not None and not waiter.done():
                    waiter.set_result(None)

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def log(_: LanguageClient, params: types.LogMessageParams) -> None:
            print(params.message, file=sys.stderr)

        command = Path(sys.executable).parent / "mkdocs-archdesign"
        await client.start_io(str(command), "lsp")
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=str(from_fs_path(str(site.root))),
            )
        )
        client.initialized(types.InitializedParams())

        async def wait(version: int) -> None:
            if version not in arrived:
                future = waiters.setdefault(version, asyncio.get_running_loop().create_future())
                await asyncio.wait_for(future, 60)

        opened = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )
        await wait(1)
        first = arrived[1] - opened
        insert_at = text.splitlines().index("## Notes (Optional)") + 2
        latencies: list[float] = []
        for n in range(edits):
            version = n + 2
            if n % 2 == 0:
                change = types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=insert_at, character=0),
                        end=types.Position(line=insert_at, character=0),
                    ),
                    text=f"- TODO: decide {n}.\n",
                )
            else:
                change = types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=insert_at, character=0),
                        end=types.Position(line=insert_at + 1, character=0),
                    ),
                    text="",
                )
            sent = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[change],
                )
            )
            await wait(version)
            latencies.append(arrived[version] - sent)
            await asyncio.sleep(max(0.0, PACE_SECONDS - (time.perf_counter() - sent)))
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    ms = sorted(v * 1000 for v in latencies)
    return {
        "designs": count,
        "design_lines": text.count("\n"),
        "edits": edits,
        "first_diagnostics_s": round(first, 3),
        "median_ms": round(statistics.median(ms), 1),
        "p90_ms": round(ms[int(len(ms) * 0.9) - 1], 1),
        "max_ms": round(ms[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 designs, 10 edits")
    parser.add_argument("--designs", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=60)
    args = parser.parse_args()
    count, edits = (100, 10) if args.quick else (args.designs, args.edits)
    print(json.dumps(asyncio.run(run(count, edits))))


if __name__ == "__main__":
    main()
