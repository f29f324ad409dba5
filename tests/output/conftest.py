"""Shared inputs for the CI-format tests: a small project run through the real validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.validation.validator import check_texts

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="session")
def sarif_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


def run_texts(items: list[tuple[str, str]]) -> list[DesignSummary]:
    """Validate ``(path, text)`` pairs with the default template and settings."""
    return check_texts(items, load_template(), Settings())
