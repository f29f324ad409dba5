"""No terminal control sequence from a design reaches a terminal or a log.

OSC 0 (window title), OSC 52 (clipboard write), CSI and the one-character C1 CSI (U+009B)
in a title or message are fed through the build log, ``catalog --format csv|markdown`` and
``check --format github``/``text``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import main

from .corpus import COMPLETE

ESCAPES = "\x1b]0;pwned\x07 \x1b]52;c;ZWNobyBwd25lZA==\x07 \x1b[2J \x9b31m \u202e"
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e")
TITLE = json.dumps("Orders " + ESCAPES)


def _design() -> str:
    text = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
    # The title is quoted back by the catalog; the unknown reference by findings.
    text = text.replace("title: Order Service", f"title: {TITLE}", 1)
    return text.replace("depends_on: [", f"depends_on: [{TITLE}, ", 1)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "docs" / "design"
    folder.mkdir(parents=True)
    (folder / "order-service-design.md").write_text(_design(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _clean(output: str) -> None:
    for char in UNSAFE:
        assert char not in output, repr(char)


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_catalog_output_has_no_control_sequence(project: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["catalog", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Orders" in result.stdout
    _clean(result.stdout)


@pytest.mark.parametrize("fmt", ["github", "text"])
def test_check_output_has_no_control_sequence(project: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["check", "--format", fmt])
    assert "Orders" in result.stdout
    _clean(result.stdout)
    _clean(result.stderr)


def test_build_log_has_no_control_sequence(
    make_site: Callable[..., Any], caplog_mkdocs: pytest.LogCaptureFixture
) -> None:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    site.write("design/order-service-design.md", _design())
    site.write("design/evil-design.md", "---\ntemplate: 5\nhide: [\x1b]0;x\x07]\n---\n# Evil\n")
    caplog_mkdocs.set_level(logging.DEBUG, logger="mkdocs")
    site.build()
    log = "\n".join(record.getMessage() for record in caplog_mkdocs.records)
    assert "Orders" in log
    _clean(log)
