"""Fixtures for the review workflow tests."""

from __future__ import annotations

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template, load_template


@pytest.fixture
def template() -> Template:
    """The packaged default template."""
    return load_template()


@pytest.fixture
def settings() -> Settings:
    """Default validator settings."""
    return Settings()
