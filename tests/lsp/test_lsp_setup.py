"""The ``lsp`` command's set-up: the missing-extra message and the Editors page snippets."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from .harness import editors_block, helix_command

# Import the CLI with pygls unimportable, as after ``pip install mkdocs-archdesign``.
_WITHOUT_PYGLS = """
import sys
sys.modules["pygls"] = None
from mkdocs_archdesign.cli import main
main(["lsp"])
"""


def test_without_the_extra_lsp_says_how_to_install_it_and_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_PYGLS], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "mkdocs-archdesign: error: the language server needs the 'lsp' extra: "
        "pip install 'mkdocs-archdesign[lsp]'"
    ]


def test_every_editor_snippet_starts_the_same_command() -> None:
    # The Helix snippet's command is the one the end-to-end tests start the server with.
    helix = helix_command()
    assert [helix[0].rsplit("/", 1)[-1], *helix[1:]] == ["mkdocs-archdesign", "lsp"]
    vscode = json.loads(editors_block("json"))
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == [
        "mkdocs-archdesign",
        "lsp",
    ]
    assert vscode["glspc.server.languageId"] == ["markdown"]
    lua = editors_block("lua")
    cmd = re.search(r"cmd = \{(.*?)\}", lua)
    assert cmd is not None
    assert re.findall(r'"([^"]+)"', cmd.group(1)) == ["mkdocs-archdesign", "lsp"]
    assert 'vim.lsp.config("archdesign"' in lua
    assert 'vim.lsp.enable("archdesign")' in lua


def test_the_command_line_the_snippets_name_exists_and_documents_itself() -> None:
    result = subprocess.run(
        [helix_command()[0], "lsp", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "language server" in result.stdout
