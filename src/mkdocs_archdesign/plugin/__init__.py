"""The MkDocs adapter: validation, badges, handoff graphs and the catalog at build time."""

from mkdocs_archdesign.plugin.plugin import ArchDesignPlugin

__all__ = ["ArchDesignPlugin"]
