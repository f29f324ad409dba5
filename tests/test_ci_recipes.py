"""The CI recipes page: every snippet parses, and every command in it runs as written."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGE = REPO_ROOT / "docs" / "ci-recipes.md"
FIXTURES = REPO_ROOT / "tests" / "cli" / "fixtures"


_COMMAND_RE = re.compile(r"(mkdocs-archdesign check[^#\n]*?)(?:\s*\|\|\s*true)?\s*(?:#.*)?$")


def _blocks(language: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)\n```", text, re.S)


def _commands() -> list[str]:
    found: list[str] = []
    for block in _blocks("yaml") + _blocks("bash"):
        for line in block.splitlines():
            match = re.search(
                r"(mkdocs-archdesign check[^#\n]*?)(?:\s*\|\|\s*true)?\s*(?:#.*)?$", line
            )
            if match:
                found.append(match.group(1).strip())
    return found


def test_every_yaml_snippet_parses_and_names_the_real_actions() -> None:
    snippets = [yaml.safe_load(block) for block in _blocks("yaml")]
    workflow, gitlab, precommit = snippets
    steps = workflow["jobs"]["archdesign"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)
    assert workflow["permissions"]["security-events"] == "write"
    reports = gitlab["archdesign"]["artifacts"]["reports"]
    assert reports == {
        "codequality": "gl-code-quality-report.json",
        "junit": "archdesign-junit.xml",
    }
    hooks = precommit["repos"][0]["hooks"]
    ours = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} <= {hook["id"] for hook in ours}


@pytest.mark.parametrize("command", _commands())
def test_every_documented_command_runs(command: str, tmp_path: Path) -> None:
    design = tmp_path / "docs" / "design"
    design.mkdir(parents=True)
    shutil.copy(FIXTURES / "bad" / "broken-gateway-design.md", design)
    args = shlex.split(command)[1:]
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    if "--output" in args:
        written = tmp_path / args[args.index("--output") + 1]
        if written.suffix in (".json", ".sarif"):
            json.loads(written.read_text(encoding="utf-8"))
        else:
            ET.parse(written)
