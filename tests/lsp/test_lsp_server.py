"""``mkdocs-archdesign lsp`` end to end: a real LSP client talks to the server over stdio.

The server is started with the command line the Editors page gives Helix, so the snippet
users copy is the one tested.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
import yaml
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import render_default_template
from mkdocs_archdesign.core.config.schema import DEFAULT_RULES_URL
from mkdocs_archdesign.core.rules import REGISTRY

from .harness import Buffer, helix_command, make_client, start, until, uri

pytestmark = pytest.mark.asyncio

RULES_URL = "https://example.test/rules/"


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=helix_command(), client_factory=make_client)
)
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def project(root: Path, **options: object) -> Path:
    """A project with the archdesign plugin (``options``) and no designs yet."""
    config = {"site_name": "T", "plugins": [{"archdesign": options or None}]}
    write(root / "mkdocs.yml", yaml.safe_dump(config))
    return root


def design(title: str, *, status: str = "Approved", depends_on: str = "[]", drop: str = "") -> str:
    """The scaffolded design with a status (so findings keep their severity)."""
    text = render_default_template(title, title.lower().replace(" ", "_"))
    text = text.replace("status: Draft", f"status: {status}").replace(
        "depends_on: []", f"depends_on: {depends_on}"
    )
    if drop:
        start = text.index(drop)
        end = text.index("\n## ", start + 1)
        text = text[:start] + text[end + 1 :]
    return text


def check_json(root: Path) -> list[dict[str, object]]:
    """``check --format json`` run in the project folder, as a user would."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "check", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]  # type: ignore[no-any-return]


def as_rows(diagnostics: list[types.Diagnostic]) -> list[tuple[int, str, str, str]]:
    names = {
        types.DiagnosticSeverity.Error: "error",
        types.DiagnosticSeverity.Warning: "warning",
        types.DiagnosticSeverity.Information: "info",
    }
    return [
        (d.range.start.line + 1, str(d.code), names[d.severity], d.message) for d in diagnostics
    ]


async def test_open_design_gets_the_findings_check_reports(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = project(tmp_path, rules_url=RULES_URL)
    orders = write(
        root / "docs/design/orders-design.md",
        design("Orders", depends_on="[billing, nowhere]", drop="## 5. Data Model"),
    )
    write(root / "docs/design/billing-design.md", design("Billing", depends_on="[orders]"))
    write(root / "docs/index.md", "# Home\n\nTODO: not a design.\n")
    await start(client, root)

    found = await Buffer(client, orders).open()

    expected = [
        (f["line"], f["code"], f["severity"], f["message"])
        for f in check_json(root)
        if f["path"] == "docs/design/orders-design.md"
    ]
    assert {row[1] for row in expected} >= {"AD101", "AD004", "AD103"}
    assert as_rows(found) == expected
    for d in found:
        assert d.source == "archdesign"
        assert d.code_description is not None
        assert d.code_description.href == f"{RULES_URL}#{str(d.code).lower()}"
    # A Markdown file that is not a design gets no diagnostics at all.
    assert await Buffer(client, root / "docs/index.md").open() == []


async def test_code_action_inserts_the_missing_section_and_the_finding_goes(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = project(tmp_path)
    path = write(root / "docs/design/orders-design.md", design("Orders", drop="## 5. Data Model"))
    await start(client, root)
    buffer = Buffer(client, path)
    found = await buffer.open()
    missing = [d for d in found if d.code == "AD101"]
    assert [d.message for d in missing] == ["missing required section 'Data Model Overview'"]
    assert missing[0].code_description.href == f"{DEFAULT_RULES_URL}#ad101"

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=buffer.uri),
            range=missing[0].range,
            context=types.CodeActionContext(diagnostics=missing),
        )
    )
    assert actions is not None and len(actions) == 1
    action = actions[0]
    assert isinstance(action, types.CodeAction)
    assert "Data Model Overview" in action.title
    edits = action.edit.changes[buffer.uri]
    after = await buffer.apply(edits)

    assert "AD101" not in {d.code for d in after}
    assert "## 5. Data Model Overview" in buffer.text
    # check --fix makes the same edit: one fix engine.
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.document.template import load_template
    from mkdocs_archdesign.core.fix import apply_fixes, plan_fixes

    before = design("Orders", drop="## 5. Data Model")
    fixes = plan_fixes(before, "docs/design/orders-design.md", load_template(), Settings())
    missing_fix = [f for f in fixes if "AD101" in f.codes]
    assert buffer.text == apply_fixes(before, missing_fix)


async def test_editing_one_design_refreshes_the_design_that_references_it(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = project(tmp_path)
    orders = Buffer(
        client,
        write(root / "docs/design/orders-design.md", design("Orders", depends_on="[billing]")),
    )
    billing = Buffer(client, write(root / "docs/design/billing-design.md", design("Billing")))
    await start(client, root)
    assert "AD005" not in {d.code for d in await orders.open()}
    await billing.open()

    # The unsaved buffer of billing now depends on orders: a cycle, reported on billing
    # (the smaller id), and orders' AD004 disappears when billing's id is changed ... no:
    await billing.change(billing.text.replace("depends_on: []", "depends_on: [orders]"))
    assert "AD005" in {d.code for d in billing.client.published[billing.uri][1]}

    # Renaming orders' dependency in orders' buffer to a design that does not exist gives
    # AD004 on orders and clears the cycle on billing, whose buffer did not change.
    before = len(client.published[billing.uri][1])
    found = await orders.change(
        orders.text.replace("depends_on: [billing]", "depends_on: [billing2]")
    )
    assert "AD004" in {d.code for d in found}
    await until(client, lambda: len(client.published[billing.uri][1]) < before, "billing refresh")
    assert "AD005" not in {d.code for d in client.published[billing.uri][1]}


async def test_hover_explains_the_rule_and_the_template_section(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = project(tmp_path)
    path = write(root / "docs/design/orders-design.md", design("Orders", drop="## 5. Data Model"))
    await start(client, root)
    buffer = Buffer(client, path)
    found = await buffer.open()
    missing = next(d for d in found if d.code == "AD101")

    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=buffer.uri), position=missing.range.start
        )
    )
    assert hover is not None
    why = REGISTRY["AD101"].doc_sections()["Why it matters"].split()[0:6]
    assert " ".join(why) in " ".join(hover.contents.value.split())
    assert "**Fix**" in hover.contents.value

    goals = buffer.text.splitlines().index("## 2. Goals and Non-Goals")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=buffer.uri),
            position=types.Position(line=goals, character=3),
        )
    )
    assert hover is not None
    assert "required section of the default template" in hover.contents.value
    assert "**Non-Goals**:" in hover.contents.value


async def test_outline_lists_required_sections_with_their_state(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = project(tmp_path)
    text = design("Orders", drop="## 5. Data Model").replace(
        "## 2. Goals and Non-Goals\n",
        "## 2. Goals and Non-Goals\n\n- Ship it.\n\n## Scratch\n\nx\n",
    )
    path = write(root / "docs/design/orders-design.md", text)
    await start(client, root)
    buffer = Buffer(client, path)
    await buffer.open()
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=buffer.uri))
    )
    states = {s.name: s.detail for s in symbols}
    assert states["Data Model Overview"] == "missing"
    assert states["1. Context and Scope"] == "placeholder"
    assert "Scratch" not in states  # not a required section


async def test_broken_unreadable_and_huge_designs_never_crash_the_server(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = project(tmp_path)
    broken = write(
        root / "docs/design/broken-design.md", "---\ntitle: [unclosed\n---\n\x00\ufeff# B\n"
    )
    latin = root / "docs/design/latin-design.md"
    latin.write_bytes("# Caf\u00e9\n".encode("latin-1"))
    huge = write(
        root / "docs/design/huge-design.md",
        design("Huge") + "\n".join(f"- item {i} TODO" for i in range(3000)),
    )
    await start(client, root)

    assert "AD001" in {d.code for d in await Buffer(client, broken).open()}
    # The editor decodes the bytes somehow; until it saves them, check would say AD000.
    found = await Buffer(client, latin, latin.read_bytes().decode("latin-1")).open()
    assert [d.code for d in found] == ["AD000"]
    assert "not UTF-8" in found[0].message
    assert len(await Buffer(client, huge).open()) > 3000
    # Still serving, and nothing but the protocol ever reached stdout (it would have broken it).
    good = write(root / "docs/design/good-design.md", design("Good"))
    assert await Buffer(client, good).open()


async def test_custom_template_from_a_subfolder_and_live_reload(
    client: LanguageClient, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    template = write(site / "tpl.md", "# {{ title }}\n\n## Purpose\n\nWhy.\n\n## Risks\n\nWhat.\n")
    project(site, template="tpl.md", designs=["specs/**/*.md"])
    path = write(
        site / "docs/specs/team/x.md", "---\nstatus: Draft\n---\n# X\n\n## Purpose\n\nTo test.\n"
    )
    other = write(site / "docs/design/y-design.md", "# Y\n")
    await start(client, tmp_path)  # the workspace is above the project

    buffer = Buffer(client, path)
    assert [(d.code, d.message) for d in await buffer.open()] == [
        ("AD101", "missing required section 'Risks'")
    ]
    assert await Buffer(client, other).open() == []  # not selected by the project's globs

    # The template changes on disk: the next validation uses it, no restart.
    write(template, template.read_text() + "\n## Owners\n\nWho.\n")
    found = await buffer.change(buffer.text + "\n## Risks\n\nNone.\n")
    assert [(d.code, d.message) for d in found] == [("AD101", "missing required section 'Owners'")]

    # So does mkdocs.yml: turning the rule off clears the finding.
    project(site, template="tpl.md", designs=["specs/**/*.md"], rules={"AD101": "off"})
    assert await buffer.change(buffer.text + "\nMore.\n") == []


async def test_a_design_created_on_disk_is_seen_through_watched_file_events(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = project(tmp_path)
    orders = write(root / "docs/design/orders-design.md", design("Orders", depends_on="[billing]"))
    await start(client, root)
    buffer = Buffer(client, orders)
    assert "AD004" in {d.code for d in await buffer.open()}

    billing = write(root / "docs/design/billing-design.md", design("Billing"))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri(billing), type=types.FileChangeType.Created)]
        )
    )
    await until(
        client,
        lambda: "AD004" not in {d.code for d in client.published[buffer.uri][1]},
        "AD004 to go once billing exists",
    )
