"""Fixtures for the CLI tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import BAD, GOOD


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with docs/design holding one good and one broken design (no mkdocs.yml)."""
    design = tmp_path / "docs" / "design"
    design.mkdir(parents=True)
    shutil.copy(GOOD / "payment-gateway-design.md", design)
    shutil.copy(BAD / "broken-gateway-design.md", design)
    return tmp_path
