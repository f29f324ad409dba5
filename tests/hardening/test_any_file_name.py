"""A design whose file name is not UTF-8 keeps every report valid; ``-o`` writes atomically."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import main

from .corpus import COMPLETE

RAW_NAME = b"caf\xe9-design.md"  # Latin-1, not UTF-8


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "docs" / "design"
    folder.mkdir(parents=True)
    data = (COMPLETE / "order-service-design.md").read_bytes()
    with open(os.path.join(os.fsencode(folder), RAW_NAME), "wb") as handle:
        handle.write(data)
    return tmp_path


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", *args],
        cwd=project,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github"])
def test_check_stdout_and_output_file_stay_valid(project: Path, fmt: str) -> None:
    proc = _run(project, "check", "--format", fmt)
    assert b"Traceback" not in proc.stderr, proc.stderr
    text = proc.stdout.decode("utf-8")  # valid UTF-8, or this raises
    assert "\\udce9" in text  # the undecodable byte is shown, not dropped
    if fmt in ("json", "sarif"):
        json.loads(text)
    if fmt == "junit":
        ET.fromstring(text)
    out = _run(project, "check", "--format", fmt, "-o", "report.out")
    assert b"Traceback" not in out.stderr, out.stderr
    assert (project / "report.out").read_bytes().decode("utf-8") == text


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_catalog_output_stays_valid(project: Path, fmt: str) -> None:
    proc = _run(project, "catalog", "--format", fmt, "-o", "catalog.out")
    assert proc.returncode == 0, proc.stderr
    (project / "catalog.out").read_bytes().decode("utf-8")


def test_output_is_atomic_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "docs" / "design"
    folder.mkdir(parents=True)
    (folder / "order-service-design.md").write_bytes(
        (COMPLETE / "order-service-design.md").read_bytes()
    )
    report = tmp_path / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("mkdocs_archdesign.core.textedit.os.fsync", disk_full)
    result = CliRunner().invoke(main, ["check", "--format", "json", "-o", str(report)])
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "report.json"]
