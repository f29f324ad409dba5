"""``mkdocs-archdesign catalog``: formats, --output, and one-line errors with exit 2."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from catalog_corpus import SPECS, write_specs
from click.testing import CliRunner

from mkdocs_archdesign.cli import main


def project(tmp_path: Path, extra: str = "") -> Path:
    write_specs(tmp_path / "docs")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\nplugins: [archdesign]\n{extra}")
    return tmp_path


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["catalog", "--config", str(root / "mkdocs.yml"), *args])
    return result.exit_code, result.stdout, result.stderr


def test_csv_and_markdown(tmp_path: Path) -> None:
    root = project(tmp_path)
    code, out, _ = run(root, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(SPECS)
    assert rows[-1]["status"] == "Superseded"
    code, out, _ = run(root, "--format", "markdown")
    assert code == 0
    assert out.count("\n") == 2 + len(SPECS)
    assert "[Order Service](<design/orders-design.md>)" in out


def test_output_file_and_directory_urls(tmp_path: Path) -> None:
    root = project(tmp_path, "use_directory_urls: false\n")
    target = tmp_path / "out.json"
    code, out, _ = run(root, "--output", str(target))
    assert code == 0 and out == ""
    assert '"url": "design/orders-design.html"' in target.read_text(encoding="utf-8")


def test_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    root = project(tmp_path, "use_directory_urls: maybe\n")
    code, _, err = run(root)
    assert code == 2
    assert err.count("\n") == 1 and "use_directory_urls" in err
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "catalog", "no/such/path"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 2
    assert process.stderr.count("\n") == 1 and "Traceback" not in process.stderr
