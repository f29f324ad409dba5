"""Placeholder; replaced by the plugin implementation."""

from mkdocs.plugins import BasePlugin


class ArchDesignPlugin(BasePlugin):  # type: ignore[type-arg]
    """Placeholder."""
