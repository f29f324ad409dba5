"""Run the CLI in-process (CliRunner) and as a real subprocess; shared fixture paths."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from mkdocs_archdesign.cli import main

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def invoke(args: list[str], cwd: Path) -> Outcome:
    """Run the CLI in-process with CliRunner, from ``cwd``."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Outcome:
    """Run ``python -m mkdocs_archdesign`` as a real process, from ``cwd``."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        check=False,
    )
    return Outcome(proc.returncode, proc.stdout, proc.stderr)


def assert_one_line_error(outcome: Outcome, *needles: str) -> None:
    """Exit 2, nothing on stdout, exactly one stderr line, no traceback."""
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.stderr
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, outcome.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
