"""The command table: `--help` lists every command without importing any of them."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import COMMANDS, main


def _load(target: str) -> click.Command:
    module, _, attribute = target.partition(":")
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command)
    return command


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_table_entry_is_the_command_with_its_own_help(name: str) -> None:
    target, short_help = COMMANDS[name]
    command = _load(target)
    assert command.name == name
    assert command.get_short_help_str(limit=1000) == short_help
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"mkdocs-archdesign {name}" in result.output


def test_main_help_lists_every_command_and_imports_none() -> None:
    code = (
        "import sys\n"
        "from mkdocs_archdesign.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('mkdocs_archdesign.')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    *help_lines, loaded = proc.stdout.strip().splitlines()
    assert loaded == "['mkdocs_archdesign.cli']"
    listed = {line.split()[0] for line in help_lines if line.startswith("  ") and line.split()}
    assert set(COMMANDS) <= listed


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["nope"])
    assert result.exit_code == 2
    assert "No such command 'nope'" in result.output
