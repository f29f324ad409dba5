"""Long or multi-line titles, deep configs and device files get one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _one_line_exit_2(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert needle in proc.stderr


def test_new_with_a_300_character_title(tmp_path: Path) -> None:
    _one_line_exit_2(_run(tmp_path, "new", "x" * 300), "at most 120")
    assert not (tmp_path / "docs").exists() or not any((tmp_path / "docs").rglob("*.md"))


@pytest.mark.parametrize(
    "title", ["Orders\n## Design Review\nApproved", "Orders\r\nx", "A\x1b]0;t\x07"]
)
def test_new_with_a_title_of_several_lines(tmp_path: Path, title: str) -> None:
    _one_line_exit_2(_run(tmp_path, "new", title), "must be one line")
    assert not (tmp_path / "docs").exists() or not any((tmp_path / "docs").rglob("*.md"))


def test_a_5000_deep_config(tmp_path: Path) -> None:
    depth = 5000
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra: {'[' * depth}{']' * depth}\n", encoding="utf-8")
    _one_line_exit_2(_run(tmp_path, "check", "--config", str(config)), "nested too deeply")
